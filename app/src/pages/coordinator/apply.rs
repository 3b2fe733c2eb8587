use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{get_application_state, ApplyOrganization};
use crate::backend::services::{organizations::SECTORS, profiles::MUNICIPALITIES};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::i18n::{t, text, use_i18n};
use crate::model::ApplicationState;

/// `/org/apply`: an organization applies to join Tam. The person applying becomes its first
/// coordinator once an admin approves it.
#[component]
pub fn ApplyPage() -> impl IntoView {
    view! {
        <Title text=t("apply-title")/>
        {guarded(get_application_state, |s| view! { <Apply state=s/> })}
    }
}

#[component]
fn Apply(state: ApplicationState) -> impl IntoView {
    let i18n = use_i18n();
    let name = state.name.as_ref().map(|n| n.get(i18n.lang).to_string()).unwrap_or_default();
    let body = if state.coordinator {
        view! { <p data-testid="apply-coordinator">{t("apply-already")}" "<A href="/org">{t("nav-org")}</A></p> }
            .into_any()
    } else if state.status.as_deref() == Some("pending") {
        view! {
            <p class="notice" role="status" data-testid="apply-pending">
                {i18n.t_args("apply-pending", &[("org", text(name))])}
            </p>
        }
        .into_any()
    } else if !state.email_verified {
        view! { <p class="notice" data-testid="apply-unverified">{t("err-apply-unverified")}" "<A href="/me">{t("nav-me")}</A></p> }
            .into_any()
    } else {
        let rejected = (state.status.as_deref() == Some("rejected")).then(|| {
            view! {
                <div class="notice" data-testid="apply-rejected">
                    <p>{i18n.t_args("apply-rejected", &[("org", text(name.clone()))])}</p>
                    <p dir="auto">{state.reason.clone().unwrap_or_default()}</p>
                </div>
            }
        });
        view! {
            {rejected}
            {FormBuilder::new::<ApplyOrganization>("apply-submit")
                .next("/org/apply")
                .input(Input::new("name_ar", "field-org-name-ar").dir_auto())
                .input(Input::new("name_en", "field-org-name-en").dir_auto())
                .input(Input::new("description_ar", "field-org-description-ar").kind("textarea").optional().dir_auto().hint("field-org-description-hint"))
                .input(Input::new("description_en", "field-org-description-en").kind("textarea").optional().dir_auto())
                .input(Input::new("sector", "field-sector").select("sector", &SECTORS))
                .input(Input::new("municipality", "field-org-municipality").select("municipality", &MUNICIPALITIES))
                .input(Input::new("licence_number", "field-licence-number").hint("field-licence-number-hint"))
                .input(Input::new("licence_expiry", "field-licence-expiry").kind("date"))
                .input(Input::new("contact_name", "field-contact-name").autocomplete("name").dir_auto())
                .input(Input::new("contact_phone", "field-contact-phone").kind("tel").autocomplete("tel").hint("field-phone-hint"))
                .input(Input::new("contact_email", "field-contact-email").kind("email").autocomplete("email").dir_auto())
                .input(Input::new("website", "field-website").kind("url").optional().autocomplete("url").hint("field-website-hint"))
                .view()}
        }
        .into_any()
    };
    view! {
        <section class="panel" data-testid="apply">
            <h1>{t("apply-title")}</h1>
            <p class="lead">{t("apply-lead")}</p>
            {body}
        </section>
    }
}
