use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ResetPassword;
use crate::components::forms::{FormBuilder, Input};
use crate::components::query_param;
use crate::i18n::t;

/// The page a reset mail links to: a new password, then every session of the account ends.
#[component]
pub fn ResetPage() -> impl IntoView {
    let token = query_param("token").unwrap_or_default();
    view! {
        <Title text=t("reset-title")/>
        <section class="panel narrow" data-testid="reset">
            <h1>{t("reset-title")}</h1>
            <p class="lead">{t("reset-lead")}</p>
            {FormBuilder::new::<ResetPassword>("reset-submit")
                .hidden("token", token)
                .next("/login?reset=1")
                .input(
                    Input::new("password", "field-new-password")
                        .kind("password")
                        .autocomplete("new-password")
                        .hint("field-password-hint"),
                )
                .view()}
        </section>
    }
}
