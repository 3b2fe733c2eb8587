use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::Register;
use crate::components::forms::{FormBuilder, Input};
use crate::i18n::t;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let form = FormBuilder::new::<Register>("register-submit")
        .next("/me")
        .input(Input::new("full_name", "field-full-name").autocomplete("name").hint("field-full-name-hint").dir_auto())
        .input(Input::new("email", "field-email").kind("email").autocomplete("email").dir_auto())
        .input(
            Input::new("password", "field-password")
                .kind("password")
                .autocomplete("new-password")
                .hint("field-password-hint"),
        );
    view! {
        <Title text=t("register-title")/>
        <section class="panel narrow">
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-lead")}</p>
            {form.view()}
            <p class="aside">{t("register-have-account")} " " <A href="/login">{t("nav-login")}</A></p>
        </section>
    }
}
