use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::LoginCode;
use crate::components::forms::{FormBuilder, Input};
use crate::i18n::t;

/// The second step of a login with two-step sign-in on.
#[component]
pub fn LoginCodePage() -> impl IntoView {
    view! {
        <Title text=t("login-code-title")/>
        <section class="panel narrow" data-testid="login-code">
            <h1>{t("login-code-title")}</h1>
            <p class="lead">{t("login-code-lead")}</p>
            {FormBuilder::new::<LoginCode>("login-code-submit")
                .next(super::login::next_from_query())
                .input(Input::new("code", "field-code").autocomplete("one-time-code").hint("field-code-hint"))
                .view()}
        </section>
    }
}
