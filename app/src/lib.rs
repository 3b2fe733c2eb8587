//! Tam (تم): the Leptos application, compiled twice: for the server (`ssr`) and for the browser
//! (`hydrate`). Every route lives in [`App`].

#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
pub mod i18n;
pub mod model;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    SsrMode, StaticSegment,
};

use crate::components::layout::{FocusOnNavigate, Footer, Header, SkipLink};
use crate::components::session::provide_session;
use crate::i18n::provide_i18n;
use crate::pages::{
    admin::AdminPage,
    coordinator::OrgPage,
    not_found::NotFound,
    public::{HomePage, LoginPage, RegisterPage},
    volunteer::MePage,
};

/// The HTML document. `<html lang dir>` comes from [`App`] (leptos_meta), not from here.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Pages may run only their own scripts: the hydration scripts carry this response's nonce, the
/// module and WASM come from this origin. An injected `<script>` would have no nonce and not run.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use axum::http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
    let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        res.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    provide_session();
    #[cfg(feature = "ssr")]
    set_content_security_policy();

    // Lets end-to-end tests (and people) know the page is interactive.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Html {..} lang=move || i18n.lang.get().code() dir=move || i18n.lang.get().dir()/>
        // Every page's title ends with the platform's name: "صفحتي — تم", "My page — Tam".
        <Title formatter=move |page: String| format!("{page} — {}", i18n.t("app-name"))/>
        <Stylesheet id="leptos" href="/pkg/tam.css"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Meta name="description" content=move || i18n.t("app-tagline")/>
        <Router>
            <FocusOnNavigate/>
            <SkipLink/>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("register") view=RegisterPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("me") view=MePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("org") view=OrgPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("admin") view=AdminPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
