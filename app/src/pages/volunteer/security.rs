use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{get_my_security, ChangePassword, DisableMfa, EndOtherSessions, EndSession};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::i18n::{format_datetime, num, t, use_i18n};
use crate::model::{SecurityOverview, SessionRow};

/// `/me/security`: my sessions (end any or all others), two-step sign-in, my password.
#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <Title text=t("security-title")/>
        {guarded(get_my_security, |d| view! { <Security overview=d/> })}
    }
}

#[component]
fn Security(overview: SecurityOverview) -> impl IntoView {
    let i18n = use_i18n();
    let SecurityOverview { user, sessions, recovery_codes_left, mfa_required } = overview;
    let others = sessions.iter().filter(|s| !s.current).count();
    view! {
        <section class="panel" data-testid="security">
            <h1>{t("security-title")}</h1>
            <p class="lead">{t("security-lead")}</p>

            <h2 id="mfa">{t("security-mfa")}</h2>
            {if user.mfa_enabled {
                view! {
                    <p data-testid="mfa-on">{t("security-mfa-on")}</p>
                    <p>{i18n.t_args("security-recovery-left", &[("count", num(recovery_codes_left as f64))])}</p>
                    {if mfa_required {
                        view! { <p class="aside">{t("security-mfa-required")}</p> }.into_any()
                    } else {
                        FormBuilder::new::<DisableMfa>("security-mfa-disable")
                            .input(Input::new("code", "field-code").autocomplete("one-time-code").hint("field-code-hint"))
                            .view()
                            .into_any()
                    }}
                }
                .into_any()
            } else {
                view! {
                    <p data-testid="mfa-off">{t("security-mfa-off")}</p>
                    <p><A href="/me/mfa" attr:class="button primary">{t("security-mfa-enable")}</A></p>
                }
                .into_any()
            }}

            <h2>{t("security-sessions")}</h2>
            <ul class="sessions" data-testid="sessions">
                {sessions.into_iter().map(|s| view! { <Session session=s/> }).collect_view()}
            </ul>
            {(others > 0).then(|| FormBuilder::new::<EndOtherSessions>("security-end-others").view())}

            <h2>{t("security-password")}</h2>
            <p>{t("security-password-lead")}</p>
            {FormBuilder::new::<ChangePassword>("security-password-submit")
                .input(Input::new("current_password", "field-current-password").kind("password").autocomplete("current-password"))
                .input(
                    Input::new("new_password", "field-new-password")
                        .kind("password")
                        .autocomplete("new-password")
                        .hint("field-password-hint"),
                )
                .view()}
        </section>
    }
}

#[component]
fn Session(session: SessionRow) -> impl IntoView {
    let i18n = use_i18n();
    let device = match (session.browser.as_deref(), session.system.as_deref()) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(x), None) | (None, Some(x)) => x.to_string(),
        (None, None) => i18n.t("security-device-unknown"),
    };
    let address = session.address.clone().unwrap_or_else(|| i18n.t("security-address-unknown"));
    view! {
        <li class="session" data-testid=if session.current { "session-current" } else { "session-other" }>
            <p class="session-device"><bdi>{device}</bdi>
                {session.current.then(|| view! { " " <span class="badge">{t("security-this-device")}</span> })}
            </p>
            <p class="session-meta">
                {t("security-address")} " " <bdi dir="ltr">{address}</bdi>
            </p>
            <p class="session-meta">
                {t("security-started")} " " {format_datetime(i18n.lang, session.started)}
                " · " {t("security-last-seen")} " " {format_datetime(i18n.lang, session.last_seen)}
            </p>
            {(!session.current).then(|| FormBuilder::new::<EndSession>("security-end-session").hidden("id", session.id).view())}
        </li>
    }
}
