//! The chrome around every page: skip link, header with navigation and language switch, footer.
//! All of it is plain HTML: links navigate, and logging out or switching the language are small
//! forms that post to their server function and come back (no JavaScript needed, none shipped).

use leptos::prelude::*;
use leptos_router::components::A;
use server_fn::ServerFn;

use crate::api::{get_current_user, Logout, SetLanguage};
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

#[component]
pub fn Header() -> impl IntoView {
    let nav = move || {
        Suspend::new(async move {
            let user = get_current_user().await.ok().flatten();
            match user {
                Some(user) => view! {
                    <li><A href="/me">{t("nav-me")}</A></li>
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
                        <li><A href="/" exact=true>{t("nav-home")}</A></li>
                        <Suspense fallback=|| ()>{nav}</Suspense>
                    </ul>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t("footer-text")}</p>
        </footer>
    }
}
