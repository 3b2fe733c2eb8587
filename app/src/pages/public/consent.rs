use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_consent_request, GiveGuardianConsent};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{t, text, use_i18n};
use crate::model::ConsentRequest;

/// The page a guardian's consent mail links to: whom it is about, what consenting means, and a
/// button (a POST, so that a mail scanner following the link does not consent for anyone).
#[component]
pub fn ConsentPage() -> impl IntoView {
    let done = query_param("done").is_some();
    let token = query_param("token").unwrap_or_default();
    view! {
        <Title text=t("consent-title")/>
        <section class="panel narrow" data-testid="consent">
            <h1>{t("consent-title")}</h1>
            {if done {
                view! { <p class="notice" role="status" data-testid="consent-done">{t("consent-done")}</p> }.into_any()
            } else {
                let render = |request: Option<ConsentRequest>| match request {
                    Some(r) => view! { <Ask request=r token=query_param("token").unwrap_or_default()/> }.into_any(),
                    None => view! { <p role="alert" data-testid="consent-invalid">{t("err-link-invalid")}</p> }.into_any(),
                };
                guarded_with(token, get_consent_request, render).into_any()
            }}
        </section>
    }
}

#[component]
fn Ask(request: ConsentRequest, token: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">
            {i18n.t_args(
                "consent-lead",
                &[("guardian", text(request.guardian_name)), ("volunteer", text(request.volunteer_name))],
            )}
        </p>
        <ul class="plain-list">
            <li>{t("consent-point-apply")}</li>
            <li>{t("consent-point-data")}</li>
            <li>{t("consent-point-withdraw")}</li>
        </ul>
        {FormBuilder::new::<GiveGuardianConsent>("consent-submit").hidden("token", token).next("/consent?done=1").view()}
    }
}
