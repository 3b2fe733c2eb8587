use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::Login;
use crate::components::forms::{FormBuilder, Input};
use crate::i18n::t;

/// The login form. On its own page it goes on to `next`; embedded in a refused page it reloads
/// that page, which then shows its data to the now logged-in user.
#[component]
pub fn LoginForm(#[prop(optional, into)] next: Option<String>) -> impl IntoView {
    let form = FormBuilder::new::<Login>("login-submit")
        .input(Input::new("email", "field-email").kind("email").autocomplete("username").dir_auto())
        .input(Input::new("password", "field-password").kind("password").autocomplete("current-password"));
    match next {
        Some(next) => form.next(next),
        None => form,
    }
    .view()
}

/// A local path to go to after logging in (`/login?next=/org`); anything else is ignored.
pub(super) fn next_from_query() -> String {
    use_context::<axum::http::request::Parts>()
        .and_then(|p| p.uri.query().map(str::to_string))
        .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "next").map(|(_, v)| v.into_owned()))
        .and_then(|n| crate::model::local_path(&n).map(str::to_string))
        .unwrap_or_else(|| "/me".to_string())
}

#[component]
pub fn LoginPage() -> impl IntoView {
    view! {
        <Title text=t("login-title")/>
        <section class="panel narrow">
            <h1>{t("login-title")}</h1>
            {crate::components::query_param("reset").map(|_| view! {
                <p class="notice" role="status" data-testid="reset-done">{t("reset-done")}</p>
            })}
            <p class="lead">{t("login-lead")}</p>
            <LoginForm next=next_from_query()/>
            <p class="aside"><A href="/forgot">{t("login-forgot")}</A></p>
            <p class="aside">{t("login-no-account")} " " <A href="/register">{t("nav-register")}</A></p>
        </section>
    }
}
