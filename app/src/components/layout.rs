//! The chrome around every page: skip link, header with navigation and language switch, footer.
//! All of it is plain HTML: links navigate, and logging out or switching the language are small
//! forms that post to their server function and come back (no JavaScript needed, none shipped).

use leptos::prelude::*;
use leptos_router::components::A;
use server_fn::ServerFn;

use crate::api::{get_current_user, Logout, SetDigits, SetLanguage};
use crate::i18n::{t, use_i18n};

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">{t("skip-to-content")}</a> }
}

/// The path and query of the page being rendered, to come back to after a form in the chrome.
fn current_path() -> String {
    use_context::<axum::http::request::Parts>()
        .and_then(|p| p.uri.path_and_query().map(|pq| pq.as_str().to_string()))
        .unwrap_or_else(|| "/".to_string())
}

/// Switches to the other language: the server sets the cookie and sends the browser back to the
/// same page, rendered whole in the new language and direction (never a mix of the two).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let other = use_i18n().lang.other();
    view! {
        <form method="post" action=SetLanguage::PATH class="inline-form">
            <input type="hidden" name="lang" value=other.code()/>
            <input type="hidden" name="next" value=current_path()/>
            <button type="submit" class="lang-switch" data-testid="lang-switch" lang=other.code()
                title=t("lang-switch-hint")>
                {t("lang-switch-to")}
            </button>
        </form>
    }
}

/// On Arabic pages: the digits numbers, dates and times are written in (Latin by default, or
/// Arabic-Indic), switched like the language and remembered for the reader.
#[component]
fn DigitsSwitch() -> impl IntoView {
    let i18n = use_i18n();
    (i18n.lang == crate::i18n::Lang::Ar).then(|| {
        let other = i18n.digits.other();
        let sample = match other {
            crate::i18n::Digits::ArabicIndic => "١٢٣",
            crate::i18n::Digits::Latin => "123",
        };
        view! {
            <form method="post" action=SetDigits::PATH class="inline-form digits-switch">
                <input type="hidden" name="digits" value=other.code()/>
                <input type="hidden" name="next" value=current_path()/>
                <button type="submit" class="link-button" data-testid="digits-switch">
                    {t("digits-switch")}" "<bdi dir="ltr">{sample}</bdi>
                </button>
            </form>
        }
    })
}

#[component]
pub fn Header() -> impl IntoView {
    let user = crate::components::guard::once(get_current_user());
    let nav = move || {
        let user = user.clone();
        Suspend::new(async move {
            match user.await.as_ref().clone().ok().flatten() {
                Some(user) => view! {
                    <li><A href="/me">{t("nav-me")}</A></li>
                    <li><Bell unread=user.unread/></li>
                    {user.coordinator_of.is_some().then(|| view! { <li><A href="/org">{t("nav-org")}</A></li> })}
                    {user.is_admin.then(|| view! { <li><A href="/admin">{t("nav-admin")}</A></li> })}
                    <li>
                        <form method="post" action=Logout::PATH class="inline-form">
                            <input type="hidden" name="next" value="/"/>
                            <button type="submit" class="link-button" data-testid="logout">{t("nav-logout")}</button>
                        </form>
                    </li>
                }
                .into_any(),
                None => view! {
                    <li><A href="/login">{t("nav-login")}</A></li>
                    <li><A href="/register" attr:class="nav-cta">{t("nav-register")}</A></li>
                }
                .into_any(),
            }
        })
    };

    view! {
        <header class="site-header">
            <div class="header-inner">
                <A href="/" attr:class="brand">
                    <span class="brand-name">{t("app-name")}</span>
                    <span class="brand-tagline">{t("app-tagline")}</span>
                </A>
                <nav aria-label=t("nav-label")>
                    <ul class="nav-list">
                        // The brand is the way home; the places everyone goes come first, then
                        // the person's own (their page, their organization) by role.
                        <li><A href="/opportunities" attr:data-testid="nav-opportunities">{t("nav-opportunities")}</A></li>
                        <li><A href="/training">{t("nav-training")}</A></li>
                        <li><A href="/impact">{t("nav-impact")}</A></li>
                        <Suspense fallback=|| ()>{nav}</Suspense>
                    </ul>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// The bell: unread notifications, kept current by the page's live stream; and that stream.
#[component]
fn Bell(unread: u32) -> impl IntoView {
    let i18n = use_i18n();
    let after = use_context::<crate::backend::LiveCursor>().map_or(0, |c| c.0);
    let label = i18n.t_args("nav-notifications", &[("count", crate::i18n::num(unread as f64))]);
    view! {
        <a href="/me/notifications" id="bell" class="bell" data-live="bell" data-live-version=unread.to_string()
            data-testid="bell" aria-label=label.clone() title=label>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
                <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/>
            </svg>
            {(unread > 0).then(|| view! { <span class="bell-count" data-testid="bell-count">{i18n.t_args("bell-count", &[("count", crate::i18n::num(unread as f64))])}</span> })}
        </a>
        <crate::islands::Live after/>
    }
}

/// The texts of [`crate::model::AppError::GENERIC_IDS`] in the page's language, once per page:
/// every form island reads them from here when a post fails (not signed in, a conflict, offline),
/// instead of each form carrying its own copy (a queue of 200 rows has 600 forms).
#[component]
fn GenericErrors() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let texts: Vec<String> = crate::model::AppError::GENERIC_IDS.iter().map(|id| i18n.t(id)).collect();
    let json = serde_json::to_string(&texts).unwrap_or_default();
    view! { <div id=crate::islands::form::GENERIC_ERRORS_ID hidden data-texts=json></div> }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t("footer-text")}</p>
            <p><a href="/impact">{t("impact-title")}</a>" · "<a href="/training">{t("training-title")}</a></p>
            <DigitsSwitch/>
        </footer>
        <GenericErrors/>
    }
}
