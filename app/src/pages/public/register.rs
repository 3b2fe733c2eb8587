use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::Register;
use crate::components::forms::{FormBuilder, Input};
use crate::i18n::{t, use_i18n};

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = FormBuilder::new::<Register>("register-submit")
        .next(super::login::next_from_query())
        .options(
            "accept",
            vec![
                ("policies".to_string(), i18n.t("register-accept-policies")),
                ("news".to_string(), i18n.t("register-accept-news")),
            ],
        )
        .input(Input::new("full_name", "field-full-name").autocomplete("name").hint("field-full-name-hint").dir_auto())
        .input(Input::new("email", "field-email").kind("email").autocomplete("email").dir_auto())
        .input(
            Input::new("password", "field-password")
                .kind("password")
                .autocomplete("new-password")
                .hint("field-password-hint"),
        )
        .input(Input::new("accept", "field-accept").checkboxes("accept", &[]).hint("field-accept-hint"));
    view! {
        <Title text=t("register-title")/>
        <section class="panel narrow">
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-lead")}</p>
            <p>
                {t("register-read")}" "
                <A href="/privacy">{t("privacy-title")}</A>" · "<A href="/charter">{t("charter-title")}</A>
            </p>
            {form.view()}
            <p class="aside">{t("register-have-account")} " " <A href="/login">{t("nav-login")}</A></p>
        </section>
    }
}
