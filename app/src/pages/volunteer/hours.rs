use leptos::prelude::*;

use crate::api::{get_my_hours, IssueCertificate, ReportHours};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::components::query_param;
use crate::i18n::{format_date, num, t, text, use_i18n, I18n};
use crate::model::{CertificateRow, MyHours, TierProgress};

/// Minutes as "2.5 hours", in the page's language.
pub fn hours_text(i18n: I18n, minutes: i64) -> String {
    i18n.t_args("hours-count", &[("hours", num(crate::backend::services::dashboard::hours_of(minutes)))])
}

/// On `/me`: the volunteer's approved hours, by organization and year and in all, hours they
/// reported and how each stands, and a form to report more to an organization they served.
#[component]
pub fn MyHours() -> impl IntoView {
    guarded(get_my_hours, |data| view! { <Hours data/> })
}

#[component]
fn Hours(data: MyHours) -> impl IntoView {
    let i18n = use_i18n();
    let MyHours { totals, reports, organizations, tier, certificates } = data;
    let total: i64 = totals.iter().map(|r| r.minutes).sum();
    let options: Vec<(String, String)> =
        organizations.iter().map(|(id, name)| (id.to_string(), name.get(i18n.lang).to_string())).collect();
    view! {
        <h2>{t("hours-title")}</h2>
        <Tier tier/>
        {if totals.is_empty() {
            view! { <p data-testid="hours-empty">{t("hours-empty")}</p> }.into_any()
        } else {
            view! {
                <p data-testid="hours-total"><strong>{hours_text(i18n, total)}</strong></p>
                <div class="table-wrap">
                    <table class="table" data-testid="hours">
                        <thead>
                            <tr>
                                <th scope="col">{t("hours-year")}</th>
                                <th scope="col">{t("hours-organization")}</th>
                                <th scope="col">{t("hours-hours")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {totals.into_iter().map(|r| view! {
                                <tr>
                                    <td>{crate::i18n::format_digits(i18n.lang, &r.year.to_string())}</td>
                                    <td>{r.organization.get(i18n.lang).to_string()}</td>
                                    <td>{hours_text(i18n, r.minutes)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {(!reports.is_empty()).then(|| view! {
            <h3>{t("hours-reports")}</h3>
            <ul class="plain-list" data-testid="hours-reports">
                {reports.into_iter().map(|r| view! {
                    <li data-testid="hours-report">
                        <span dir="auto">{r.activity}</span>" · "
                        {r.organization.map(|o| o.get(i18n.lang).to_string())}" · "
                        {format_date(i18n.lang, r.worked_on)}" · "{hours_text(i18n, i64::from(r.minutes))}" · "
                        <strong data-testid="hours-report-status">{i18n.t(&format!("hours-status-{}", r.status))}</strong>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {(!organizations.is_empty()).then(|| view! {
            <h3>{t("hours-report-title")}</h3>
            <p>{t("hours-report-lead")}</p>
            {query_param("reported").map(|_| view! { <p class="notice" role="status" data-testid="hours-reported">{t("hours-reported")}</p> })}
            {FormBuilder::new::<ReportHours>("hours-report-submit")
                .scope("hours")
                .next("/me?reported=1")
                .input(Input::new("organization", "hours-organization").kind("select"))
                .options("organization", options.clone())
                .input(Input::new("activity", "field-hours-activity").dir_auto())
                .input(Input::new("date", "field-hours-date").kind("date"))
                .input(Input::new("hours", "field-hours-hours").hint("field-hours-hours-hint"))
                .input(Input::new("note", "field-hours-note").kind("textarea").optional().dir_auto())
                .view()}
        })}
        {(total > 0).then(|| view! { <Certificates list=certificates organizations=options/> })}
    }
}

/// On `/me`: certificates the volunteer issued (each to print, and whether it still stands) and a
/// form to issue another for all their hours, an organization's or a period's.
#[component]
fn Certificates(list: Vec<CertificateRow>, organizations: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3 id="certificates">{t("certificates-title")}</h3>
        <p>{t("certificates-lead")}</p>
        {(!list.is_empty()).then(|| view! {
            <ul class="plain-list" data-testid="certificates">
                {list.into_iter().map(|c| {
                    let what = match (c.facts.scope.as_str(), c.facts.organizations.first()) {
                        ("organization", Some(o)) => o.get(i18n.lang).to_string(),
                        ("period", _) => i18n.t_args("certificate-scope-period", &[
                            ("from", text(c.facts.from.map(|d| format_date(i18n.lang, d)).unwrap_or_default())),
                            ("to", text(c.facts.to.map(|d| format_date(i18n.lang, d)).unwrap_or_default())),
                        ]),
                        _ => i18n.t("certificate-scope-all"),
                    };
                    view! {
                        <li data-testid="certificate-row">
                            <a href=format!("/me/certificates/{}", c.id)>{what}</a>" · "{hours_text(i18n, c.facts.minutes)}" · "
                            <strong>{i18n.t(&format!("certificate-status-{}", c.status))}</strong>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        {FormBuilder::new::<IssueCertificate>("certificates-issue")
            .scope("certificate")
            .next("/me?issued=1#certificates")
            .input(Input::new("scope", "certificates-scope").select("certificates-scope", &SCOPES))
            .input(Input::new("organization", "certificates-organization").kind("select").optional().hint("certificates-organization-hint"))
            .options("organization", organizations)
            .input(Input::new("from", "certificates-from").kind("date").optional())
            .input(Input::new("to", "certificates-to").kind("date").optional().hint("certificates-period-hint"))
            .view()}
    }
}

const SCOPES: [&str; 3] = ["all", "organization", "period"];

/// The tier the volunteer's approved hours stand at, and a bar to the next one.
#[component]
fn Tier(tier: TierProgress) -> impl IntoView {
    let i18n = use_i18n();
    let hours = (tier.minutes as f64 / 6.0).floor() / 10.0;
    let current = match &tier.current {
        Some(c) => i18n.t_args("tier-current", &[("tier", text(c.name.get(i18n.lang)))]),
        None => i18n.t("tier-none"),
    };
    view! {
        <div class="tier" data-testid="tier">
            <p><strong data-testid="tier-current">{current}</strong></p>
            {tier.next.map(|n| {
                let label = i18n.t_args(
                    "tier-progress",
                    &[("hours", num(hours)), ("target", num(n.min_hours)), ("tier", text(n.name.get(i18n.lang)))],
                );
                view! {
                    <label class="tier-progress" data-testid="tier-progress">
                        <span>{label}</span>
                        <progress max=(i64::from(n.min_hours) * 60).to_string() value=tier.minutes.to_string()></progress>
                    </label>
                }
            })}
        </div>
    }
}
