use leptos::prelude::*;
use leptos_meta::Title;

use crate::backend::services::privacy::REQUIRED;
use crate::i18n::{t, text, use_i18n};

/// The privacy notice or the volunteer charter, in its current version.
#[component]
fn Policy(document: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let version = REQUIRED.iter().find(|(d, _)| *d == document).map(|(_, v)| *v).unwrap_or_default();
    let title = t(&format!("{document}-title"));
    let body = i18n.t(&format!("{document}-body"));
    view! {
        <Title text=title.clone()/>
        <section class="panel" data-testid=document>
            <h1>{title}</h1>
            <p class="aside">{i18n.t_args("policy-version", &[("version", text(version))])}</p>
            {body.split("\n\n").map(|p| view! { <p>{p.trim().to_string()}</p> }).collect_view()}
        </section>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <Policy document="privacy"/> }
}

#[component]
pub fn CharterPage() -> impl IntoView {
    view! { <Policy document="charter"/> }
}
