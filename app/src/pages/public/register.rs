use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::Register;
use crate::components::forms::{field_error, form_error, Field, FormError};
use crate::components::session::refresh_after;
use crate::i18n::t;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let register = ServerAction::<Register>::new();
    refresh_after(register.value(), Some("/me"));
    let value = register.value();
    view! {
        <Title text=t("register-title")/>
        <section class="panel narrow">
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-lead")}</p>
            <ActionForm action=register attr:class="form" attr:novalidate=true>
                <Field name="full_name" label="field-full-name" autocomplete="name" hint="field-full-name-hint"
                    dir_auto=true error=field_error(value, "full_name")/>
                <Field name="email" label="field-email" kind="email" autocomplete="email" dir_auto=true
                    error=field_error(value, "email")/>
                <Field name="password" label="field-password" kind="password" autocomplete="new-password"
                    hint="field-password-hint" error=field_error(value, "password")/>
                <FormError error=form_error(value)/>
                <button type="submit" class="button primary" disabled=move || register.pending().get()>
                    {t("register-submit")}
                </button>
            </ActionForm>
            <p class="aside">{t("register-have-account")} " " <A href="/login">{t("nav-login")}</A></p>
        </section>
    }
}
