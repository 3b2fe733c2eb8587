use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::VerifyEmail;
use crate::components::forms::FormBuilder;
use crate::components::query_param;
use crate::i18n::t;

/// The page a verification mail links to. Confirming is a button (a POST), so that a mail
/// scanner that follows the link does not use it up.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let token = query_param("token").unwrap_or_default();
    view! {
        <Title text=t("verify-title")/>
        <section class="panel narrow" data-testid="verify">
            <h1>{t("verify-title")}</h1>
            <p class="lead">{t("verify-lead")}</p>
            {FormBuilder::new::<VerifyEmail>("verify-submit").hidden("token", token).next("/me?verified=1").view()}
        </section>
    }
}
