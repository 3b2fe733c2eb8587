use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::Login;
use crate::components::forms::{field_error, form_error, Field, FormError};
use crate::components::session::refresh_after;
use crate::i18n::t;

/// The login form. On its own page it goes on to `/me`; embedded in a refused page it stays, and
/// the page reloads its data for the now logged-in user.
#[component]
pub fn LoginForm(#[prop(optional)] then: Option<&'static str>) -> impl IntoView {
    let login = ServerAction::<Login>::new();
    refresh_after(login.value(), then);
    let value = login.value();
    view! {
        <ActionForm action=login attr:class="form" attr:novalidate=true>
            <Field name="email" label="field-email" kind="email" autocomplete="username" dir_auto=true
                error=field_error(value, "email")/>
            <Field name="password" label="field-password" kind="password" autocomplete="current-password"
                error=field_error(value, "password")/>
            <FormError error=form_error(value)/>
            <button type="submit" class="button primary" disabled=move || login.pending().get()>
                {t("login-submit")}
            </button>
        </ActionForm>
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    view! {
        <Title text=t("login-title")/>
        <section class="panel narrow">
            <h1>{t("login-title")}</h1>
            <p class="lead">{t("login-lead")}</p>
            <LoginForm then="/me"/>
            <p class="aside">{t("login-no-account")} " " <A href="/register">{t("nav-register")}</A></p>
        </section>
    }
}
