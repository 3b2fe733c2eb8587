//! The chrome around every page: skip link, header with navigation and language switch, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::Logout;
use crate::components::session::{refresh_after, use_session};
use crate::i18n::{t, use_i18n};

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">{t("skip-to-content")}</a> }
}

/// Switches the page's language in place and remembers the choice in a cookie.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="lang-switch"
            data-testid="lang-switch"
            lang=move || i18n.lang.get().other().code()
            title=t("lang-switch-hint")
            on:click=move |_| i18n.set(i18n.lang.get_untracked().other())
        >
            {t("lang-switch-to")}
        </button>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let logout = ServerAction::<Logout>::new();
    refresh_after(logout.value(), Some("/"));

    let nav = move || {
        Suspend::new(async move {
            let user = session.user.await.ok().flatten();
            match user {
                Some(user) => view! {
                    <li><A href="/me">{t("nav-me")}</A></li>
                    {user.coordinator_of.is_some().then(|| view! { <li><A href="/org">{t("nav-org")}</A></li> })}
                    {user.is_admin.then(|| view! { <li><A href="/admin">{t("nav-admin")}</A></li> })}
                    <li>
                        <ActionForm action=logout attr:class="inline-form">
                            <button type="submit" class="link-button" data-testid="logout">{t("nav-logout")}</button>
                        </ActionForm>
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
                        <Transition fallback=|| ()>{nav}</Transition>
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

/// After a client-side navigation, moves focus to the new page's content, as a full page load
/// would for keyboard and screen-reader users.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }
        path
    });
}
