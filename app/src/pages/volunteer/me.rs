use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::components::A;

use crate::api::{get_my_profile, ResendVerification};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded;
use crate::components::query_param;
use crate::i18n::{format_date, num, t, text, use_i18n};
use crate::model::MyProfile;

#[component]
pub fn MePage() -> impl IntoView {
    view! {
        <Title text=t("me-title")/>
        {guarded(get_my_profile, |d| view! { <Profile profile=d/> })}
    }
}

#[component]
fn Profile(profile: MyProfile) -> impl IntoView {
    let i18n = use_i18n();
    let name = profile.user.name().get(i18n.lang).to_string();
    let since = profile.member_since;
    let org = profile.user.coordinator_of.clone();
    let verified = profile.user.email_verified;
    let mfa_due = profile.user.mfa_due;
    let completeness = profile.completeness;
    let needs_consent = profile.needs_guardian_consent;
    let pending_policies = profile.pending_policies.clone();
    view! {
        <section class="panel" data-testid="me">
            <h1>{i18n.t_args("me-greeting", &[("name", text(name))])}</h1>
            <p class="lead">{t("me-lead")}</p>
            {query_param("verified").filter(|_| verified).map(|_| view! {
                <p class="notice" role="status" data-testid="verified">{t("me-verified")}</p>
            })}
            {(!verified).then(|| view! {
                <div class="notice" data-testid="unverified">
                    <p>{t("me-unverified")}</p>
                    {query_param("sent").map(|_| view! { <p role="status">{t("me-verification-sent")}</p> })}
                    {FormBuilder::new::<ResendVerification>("me-resend").next("/me?sent=1").view()}
                </div>
            })}
            {mfa_due.map(|due| {
                // Whole days left, rounded up: "within 7 days" on the first day.
                let minutes = (due - crate::backend::services::now()).num_minutes();
                let days = if minutes > 0 { (minutes + 1439) / 1440 } else { 0 };
                let text = if days > 0 {
                    i18n.t_args("me-mfa-due", &[("days", num(days as f64))])
                } else {
                    i18n.t("me-mfa-overdue")
                };
                view! {
                    <div class="notice" role="status" data-testid="mfa-due">
                        <p>{text}</p>
                        <p><A href="/me/security">{t("mfa-required-go")}</A></p>
                    </div>
                }
            })}
            <crate::pages::volunteer::PendingPolicies pending=pending_policies/>
            {query_param("profile").map(|_| view! {
                <p class="notice" role="status" data-testid="profile-saved">{t("profile-saved")}</p>
            })}
            <h2>{t("me-profile")}</h2>
            <crate::pages::volunteer::CompletenessMeter percent=completeness testid="me-completeness"/>
            {needs_consent.then(|| view! {
                <p class="notice" data-testid="me-guardian">{t("err-guardian-consent-needed")}</p>
            })}
            <p>
                <A href="/me/profile">
                    {if completeness == 100 { t("me-profile-edit") } else { t("me-profile-complete") }}
                </A>
            </p>
            <crate::pages::volunteer::MyApplications/>
            <crate::pages::volunteer::MyHours/>
            <crate::pages::volunteer::MyTrainingSection/>
            <crate::pages::volunteer::ForYou profile_complete=completeness == 100/>
            <crate::pages::volunteer::CalendarFeed/>
            <h2>{t("me-details")}</h2>
            <dl class="details">
                <dt>{t("me-email")}</dt>
                <dd><bdi>{profile.email}</bdi></dd>
                <dt>{t("me-member-since")}</dt>
                <dd>{format_date(i18n.lang, since)}</dd>
            </dl>
            <ul class="links">
                <li><A href="/me/security">{t("me-security-link")}</A></li>
                <li><A href="/me/privacy">{t("my-privacy-title")}</A></li>
                {org.is_none().then(|| view! { <li><A href="/org/apply">{t("apply-title")}</A></li> })}
            </ul>
            <h2>{t("me-roles")}</h2>
            <ul class="badges">
                <li class="badge">{t("role-volunteer")}</li>
                {org.map(|o| view! {
                    <li class="badge">
                        {i18n.t_args("role-coordinator", &[("org", text(o.name.get(i18n.lang)))])}
                    </li>
                })}
                {profile.user.is_admin.then(|| view! { <li class="badge">{t("role-admin")}</li> })}
            </ul>
        </section>
    }
}
