use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{get_privacy_state, AcceptPolicies, DeleteMyAccount, ExportMyData, SetConsent};
use crate::backend::services::privacy::OPTIONAL;
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::i18n::{format_datetime, t, text, use_i18n};
use crate::model::PolicyState;

/// `/me/privacy`: what I accepted, my optional consents, a copy of my data, deleting my account.
#[component]
pub fn PrivacySettingsPage() -> impl IntoView {
    view! {
        <Title text=t("my-privacy-title")/>
        {guarded(get_privacy_state, |s| view! { <Privacy state=s/> })}
    }
}

/// The notice a person sees on `/me` (and here) while a new version waits for them.
#[component]
pub fn PendingPolicies(pending: Vec<String>) -> impl IntoView {
    (!pending.is_empty()).then(|| {
        view! {
            <div class="notice" data-testid="policies-pending">
                <p>{t("policies-new-version")}</p>
                <ul class="links">
                    {pending.into_iter().map(|d| view! {
                        <li><A href=format!("/{d}")>{t(&format!("{d}-title"))}</A></li>
                    }).collect_view()}
                </ul>
                {FormBuilder::new::<AcceptPolicies>("policies-accept").view()}
            </div>
        }
    })
}

#[component]
fn Privacy(state: PolicyState) -> impl IntoView {
    let i18n = use_i18n();
    let PolicyState { pending, optional_given, accepted } = state;
    let export_action = <ExportMyData as server_fn::ServerFn>::PATH;
    view! {
        <section class="panel" data-testid="my-privacy">
            <h1>{t("my-privacy-title")}</h1>
            <p class="lead">{t("my-privacy-lead")}</p>
            <PendingPolicies pending=pending/>

            <h2>{t("my-privacy-accepted")}</h2>
            <ul class="plain-list" data-testid="accepted">
                {accepted.into_iter().map(|(doc, version, lang, at)| view! {
                    <li>
                        {i18n.t_args("my-privacy-accepted-row", &[
                            ("document", text(i18n.t(&format!("{doc}-title")))),
                            ("version", text(version)),
                            ("language", text(i18n.t(&format!("language-{lang}")))),
                            ("date", text(format_datetime(i18n.lang, at))),
                        ])}
                    </li>
                }).collect_view()}
            </ul>

            <h2>{t("my-privacy-optional")}</h2>
            {OPTIONAL.iter().map(|(doc, _)| {
                let given = optional_given.iter().any(|g| g == doc);
                let doc = doc.to_string();
                view! {
                    <div class="consent" data-testid=format!("consent-{doc}")>
                        <p>{t(&format!("consent-{doc}"))}</p>
                        <p class="aside">{if given { t("consent-given") } else { t("consent-not-given") }}</p>
                        {FormBuilder::new::<SetConsent>(if given { "consent-withdraw" } else { "consent-give" })
                            .hidden("document", doc.clone())
                            .hidden("choice", if given { "withdraw" } else { "give" })
                            .secondary()
                            .view()}
                    </div>
                }
            }).collect_view()}

            <h2>{t("my-privacy-copy")}</h2>
            <p>{t("my-privacy-copy-lead")}</p>
            // A plain form, not the island: the answer is a file the browser saves.
            <form method="post" action=export_action class="form">
                <button type="submit" class="button" data-testid="export">{t("my-privacy-download")}</button>
            </form>

            <h2>{t("my-privacy-correct")}</h2>
            <p>{t("my-privacy-correct-lead")}" "<A href="/me/profile">{t("me-profile-edit")}</A></p>

            <h2>{t("my-privacy-delete")}</h2>
            <p>{t("my-privacy-delete-lead")}</p>
            {FormBuilder::new::<DeleteMyAccount>("my-privacy-delete-submit")
                .next("/?deleted=1")
                .input(Input::new("password", "field-current-password").kind("password").autocomplete("current-password"))
                .view()}
        </section>
    }
}
