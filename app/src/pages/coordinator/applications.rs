use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_org_applications, DecideApplication, DecideApplications};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::components::taxonomy;
use crate::i18n::{format_datetime, num, t, use_i18n};
use crate::model::QueueRow;

const DECISIONS: [&str; 3] = ["approve", "waitlist", "reject"];

/// `/org/applications`: the applications waiting for a decision, with what matters for it.
#[component]
pub fn OrgApplicationsPage() -> impl IntoView {
    view! {
        <Title text=t("org-applications-title")/>
        {guarded(get_org_applications, |rows| view! { <Queue rows/> })}
    }
}

#[component]
fn Queue(rows: Vec<QueueRow>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = rows.iter().filter(|r| r.status == "pending").count();
    view! {
        <section class="panel" data-testid="org-applications">
            <h1>{t("org-applications-title")}</h1>
            <p class="lead">{t("org-applications-lead")}</p>
            <p><a href="/org/hours" data-testid="org-hours-link">{t("org-hours-title")}</a></p>
            <p id="queue-status" role="status" data-live="queue-status" data-live-version=pending.to_string()
                data-testid="queue-count">
                {i18n.t_args("queue-count", &[("count", num(pending as f64))])}
            </p>
            {(!rows.is_empty()).then(|| view! {
                <div class="bulk">
                    <h2>{t("queue-bulk")}</h2>
                    {FormBuilder::new::<DecideApplications>("queue-bulk-submit")
                        .form_id("bulk")
                        .scope("bulk")
                        .input(Input::new("decision", "field-decision").select("decision", &DECISIONS))
                        .input(Input::new("reason", "field-reason").optional().dir_auto().hint("field-reason-bulk-hint"))
                        .view()}
                </div>
            })}
            <div id="queue" class="queue" data-live="queue" data-live-keyed="">
            {if rows.is_empty() {
                view! { <p data-testid="queue-empty" data-live-key="empty">{t("org-applications-empty")}</p> }.into_any()
            } else {
                rows.into_iter().map(|r| {
                    let (title, other) = r.opportunity.pick(i18n.lang);
                    let id = r.id.to_string();
                    let list = |prefix: &str, values: &[String]| {
                        values.iter().map(|v| taxonomy::label(i18n, prefix, v)).collect::<Vec<_>>().join(", ")
                    };
                    let version = format!("{}-{}-{}", r.status, r.taken, r.offer_expires_at.map_or(0, |t| t.timestamp()));
                    view! {
                        <article class="application" data-testid="queue-row" data-live-key=id.clone() data-live-version=version>
                            <label class="pick">
                                <input type="checkbox" form="bulk" name=format!("pick[{id}]") data-testid="queue-pick"/>
                                {t("queue-pick")}" "<span dir="auto">{r.volunteer.clone()}</span>
                            </label>
                            <h2 dir="auto">{r.volunteer.clone()}</h2>
                            <p>
                                <span lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</span>" · "
                                {format_datetime(i18n.lang, r.starts_at)}" – "{format_datetime(i18n.lang, r.ends_at)}
                            </p>
                            <dl class="details">
                                <dt>{t("col-status")}</dt><dd>{i18n.t(&format!("application-status-{}", r.status))}</dd>
                                <dt>{t("col-age")}</dt><dd>{r.age.map(|a| i18n.t_args("age-years", &[("age", num(a as f64))]))}</dd>
                                <dt>{t("field-skills")}</dt><dd>{list("skill", &r.skills)}</dd>
                                <dt>{t("field-languages")}</dt><dd>{list("language", &r.languages)}</dd>
                                <dt>{t("queue-attended")}</dt><dd data-testid="queue-attended">{r.attended.to_string()}</dd>
                                <dt>{t("queue-no-shows")}</dt><dd data-testid="queue-no-shows">{r.no_shows.to_string()}</dd>
                                <dt>{t("queue-late-withdrawals")}</dt><dd>{r.late_withdrawals.to_string()}</dd>
                                <dt>{t("queue-seats")}</dt>
                                <dd>{i18n.t_args("opportunity-seats", &[("taken", num(r.taken as f64)), ("capacity", num(r.capacity as f64))])}</dd>
                                {r.motivation.clone().map(|m| view! { <dt>{t("field-motivation")}</dt><dd dir="auto">{m}</dd> })}
                                {r.offer_expires_at.map(|until| view! {
                                    <dt>{t("queue-offer")}</dt><dd>{format_datetime(i18n.lang, until)}</dd>
                                })}
                            </dl>
                            <div class="review">
                                {FormBuilder::new::<DecideApplication>("queue-approve")
                                    .hidden("application_id", id.clone())
                                    .hidden("decision", "approve")
                                    .view()}
                                {(r.status == "pending").then(|| FormBuilder::new::<DecideApplication>("queue-waitlist")
                                    .hidden("application_id", id.clone())
                                    .hidden("decision", "waitlist")
                                    .view())}
                                {FormBuilder::new::<DecideApplication>("queue-reject")
                                    .scope(format!("application-{id}"))
                                    .hidden("application_id", id.clone())
                                    .hidden("decision", "reject")
                                    .input(Input::new("reason", "field-reason").dir_auto().hint("field-reason-volunteer-hint"))
                                    .view()}
                            </div>
                        </article>
                    }
                }).collect_view().into_any()
            }}
            </div>
        </section>
    }
}
