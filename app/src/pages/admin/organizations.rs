use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_organization_queue, ReviewOrganization};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{format_date, format_datetime, t, use_i18n};
use crate::model::OrganizationApplication;
use crate::pages::coordinator::LicenceNotice;

const STATUSES: [&str; 3] = ["pending", "approved", "rejected"];

/// `/admin/organizations`: applications to review (approve, or reject with a reason that is
/// mailed), and the organizations approved or rejected before, with expired licences flagged.
#[component]
pub fn OrganizationsQueuePage() -> impl IntoView {
    let status = query_param("status").filter(|s| STATUSES.contains(&s.as_str())).unwrap_or_else(|| "pending".into());
    view! {
        <Title text=t("orgs-title")/>
        {guarded_with(status.clone(), get_organization_queue, move |rows| {
            let status = query_param("status").unwrap_or_else(|| "pending".into());
            view! { <Queue rows status/> }
        })}
    }
}

#[component]
fn Queue(rows: Vec<OrganizationApplication>, status: String) -> impl IntoView {
    view! {
        <section class="panel" data-testid="orgs">
            <h1>{t("orgs-title")}</h1>
            <p class="lead">{t("orgs-lead")}</p>
            <nav aria-label=t("orgs-tabs")>
                <ul class="steps">
                    {STATUSES.iter().map(|s| {
                        let here = *s == status;
                        view! {
                            <li>
                                <a href=format!("/admin/organizations?status={s}") aria-current=here.then_some("page")>
                                    {t(&format!("orgs-status-{s}"))}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            {if rows.is_empty() {
                view! { <p data-testid="orgs-empty">{t("orgs-empty")}</p> }.into_any()
            } else {
                rows.into_iter().map(|o| view! { <Application org=o/> }).collect_view().into_any()
            }}
        </section>
    }
}

#[component]
fn Application(org: OrganizationApplication) -> impl IntoView {
    let i18n = use_i18n();
    let name = org.name.get(i18n.lang).to_string();
    let pending = org.status == "pending";
    let id = org.id.to_string();
    let label = |prefix: &str, v: Option<String>| v.map(|v| i18n.t(&format!("{prefix}-{v}"))).unwrap_or_default();
    view! {
        <article class="application" data-testid="application">
            <h2 dir="auto">{name}</h2>
            <p dir="auto" lang="en" class="aside">{org.name.en.clone()}" · "<span lang="ar" dir="rtl">{org.name.ar.clone()}</span></p>
            <LicenceNotice state=org.licence expiry=org.licence_expiry/>
            <dl class="details">
                <dt>{t("field-sector")}</dt><dd>{label("sector", org.sector)}</dd>
                <dt>{t("field-org-municipality")}</dt><dd>{label("municipality", org.municipality)}</dd>
                <dt>{t("field-licence-number")}</dt><dd dir="ltr">{org.licence_number.unwrap_or_default()}</dd>
                <dt>{t("field-licence-expiry")}</dt><dd>{org.licence_expiry.map(|d| format_date(i18n.lang, d))}</dd>
                <dt>{t("field-contact-name")}</dt><dd dir="auto">{org.contact_name.unwrap_or_default()}</dd>
                <dt>{t("field-contact-phone")}</dt><dd dir="ltr">{org.contact_phone.unwrap_or_default()}</dd>
                <dt>{t("field-contact-email")}</dt><dd><bdi>{org.contact_email.unwrap_or_default()}</bdi></dd>
                <dt>{t("field-website")}</dt><dd dir="ltr">{org.website.unwrap_or_default()}</dd>
                <dt>{t("orgs-applicant")}</dt>
                <dd>{org.applicant.map(|p| view! { <span dir="auto">{p.full_name}</span>" — "<bdi>{p.email}</bdi> })}</dd>
                <dt>{t("orgs-applied-at")}</dt><dd>{format_datetime(i18n.lang, org.applied_at)}</dd>
                {org.review_reason.map(|r| view! { <dt>{t("field-reason")}</dt><dd dir="auto">{r}</dd> })}
            </dl>
            {org.description_ar.map(|d| view! { <h3>{t("field-org-description-ar")}</h3><p lang="ar" dir="rtl">{d}</p> })}
            {org.description_en.map(|d| view! { <h3>{t("field-org-description-en")}</h3><p lang="en" dir="ltr">{d}</p> })}
            {pending.then(|| view! {
                <div class="review">
                    {FormBuilder::new::<ReviewOrganization>("orgs-approve")
                        .hidden("organization_id", id.clone())
                        .hidden("decision", "approve")
                        .view()}
                    {FormBuilder::new::<ReviewOrganization>("orgs-reject")
                        .scope(format!("org-{id}"))
                        .hidden("organization_id", id.clone())
                        .hidden("decision", "reject")
                        .input(Input::new("reason", "field-reason").kind("textarea").dir_auto().hint("field-reason-hint"))
                        .danger()
                        .view()}
                </div>
            })}
        </article>
    }
}
