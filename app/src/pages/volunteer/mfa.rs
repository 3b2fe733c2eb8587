use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{start_mfa, ConfirmMfa};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::i18n::t;
use crate::model::MfaEnrolment;

/// Turning on two-step sign-in: scan the code (or type the secret), keep the recovery codes, and
/// confirm with the first code from the app. Until confirmed, nothing changes.
#[component]
pub fn MfaPage() -> impl IntoView {
    view! {
        <Title text=t("mfa-title")/>
        {guarded(start_mfa, |e| view! { <Enrol enrolment=e/> })}
    }
}

#[component]
fn Enrol(enrolment: MfaEnrolment) -> impl IntoView {
    let MfaEnrolment { secret, qr_svg, recovery_codes } = enrolment;
    view! {
        <section class="panel" data-testid="mfa-enrol">
            <h1>{t("mfa-title")}</h1>
            <p class="lead">{t("mfa-lead")}</p>
            <h2>{t("mfa-step-scan")}</h2>
            <div class="qr" role="img" aria-label=t("mfa-qr-label") inner_html=qr_svg></div>
            <p>{t("mfa-secret-label")}</p>
            <p><code class="secret" dir="ltr" data-testid="mfa-secret">{secret}</code></p>
            <h2>{t("mfa-step-codes")}</h2>
            <p>{t("mfa-codes-lead")}</p>
            <ul class="codes" dir="ltr" data-testid="recovery-codes">
                {recovery_codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <h2>{t("mfa-step-confirm")}</h2>
            {FormBuilder::new::<ConfirmMfa>("mfa-confirm")
                .next("/me/security")
                .input(Input::new("code", "field-code").autocomplete("one-time-code").hint("field-code-hint-app"))
                .view()}
        </section>
    }
}
