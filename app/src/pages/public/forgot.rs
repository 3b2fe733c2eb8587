use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::RequestPasswordReset;
use crate::components::forms::{FormBuilder, Input};
use crate::components::query_param;
use crate::i18n::t;

/// Asks for a reset link. The answer is the same whether the address has an account or not.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let sent = query_param("sent").is_some();
    view! {
        <Title text=t("forgot-title")/>
        <section class="panel narrow" data-testid="forgot">
            <h1>{t("forgot-title")}</h1>
            {if sent {
                view! { <p class="notice" role="status" data-testid="forgot-sent">{t("forgot-sent")}</p> }.into_any()
            } else {
                view! {
                    <p class="lead">{t("forgot-lead")}</p>
                    {FormBuilder::new::<RequestPasswordReset>("forgot-submit")
                        .next("/forgot?sent=1")
                        .input(Input::new("email", "field-email").kind("email").autocomplete("username").dir_auto())
                        .view()}
                }
                .into_any()
            }}
        </section>
    }
}
