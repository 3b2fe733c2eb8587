use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_org_applications, DecideApplications};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded_with;
use crate::components::taxonomy;
use crate::i18n::{format_datetime, format_range, localize_fields, num, t, use_i18n};
use crate::model::{AppError, QueuePage, QueueQuery, QueueRow, FORM};

const DECISIONS: [&str; 3] = ["approve", "waitlist", "reject"];
/// Where a row's decision posts (a plain form: it works without JavaScript and keeps the page).
const DECIDE: &str = "/api/decide_application";

/// The queue's filter, from the address (`?state=&opportunity=&shift=&order=&after=`).
fn queue_query() -> QueueQuery {
    use crate::components::query_param;
    let q = |k: &str| query_param(k).unwrap_or_default();
    QueueQuery {
        state: q("state"),
        opportunity: q("opportunity"),
        shift: q("shift"),
        order: q("order"),
        after: q("after"),
        since: q("since"),
    }
}

/// `/org/applications`: the applications waiting for a decision, a page at a time, with what
/// matters for each decision.
#[component]
pub fn OrgApplicationsPage() -> impl IntoView {
    view! {
        <Title text=t("org-applications-title")/>
        {guarded_with(queue_query(), get_org_applications, |page| view! { <Queue page/> })}
    }
}

/// The address of the queue with this filter (and `after`, for a later page; `since`, for the live
/// page's own fetches).
fn queue_href(q: &QueueQuery, after: Option<i32>, since: Option<i32>) -> String {
    let mut parts = Vec::new();
    for (k, v) in [("state", &q.state), ("opportunity", &q.opportunity), ("shift", &q.shift), ("order", &q.order)] {
        if !v.is_empty() {
            parts.push(format!("{k}={v}"));
        }
    }
    if let Some(a) = after {
        parts.push(format!("after={a}"));
    }
    if let Some(s) = since {
        parts.push(format!("since={s}"));
    }
    if parts.is_empty() {
        "/org/applications".to_string()
    } else {
        format!("/org/applications?{}", parts.join("&"))
    }
}

/// The newest application the page was first opened with: from the address when the live page
/// fetches itself, else the newest now.
fn query_since(latest: i32) -> i32 {
    crate::components::query_param("since").and_then(|s| s.parse().ok()).unwrap_or(latest)
}

#[component]
fn Queue(page: QueuePage) -> impl IntoView {
    let i18n = use_i18n();
    let QueuePage { rows, total, pending, next, latest, fresh, query, opportunities, shifts } = page;
    let since = query_since(latest);
    // A decision refused after a plain post comes back here: shown on its row.
    let refused = crate::backend::flash::take(DECIDE).map(|mut f| {
        localize_fields(&mut f.error, i18n.lang);
        let id = f.values.iter().find(|(k, _)| k == "application_id").map(|(_, v)| v.clone()).unwrap_or_default();
        let reason = f.values.iter().find(|(k, _)| k == "reason").map(|(_, v)| v.clone()).unwrap_or_default();
        (id, reason, f.error)
    });
    let shown = rows.len();
    let first = query.after.is_empty();
    let active =
        [&query.state, &query.opportunity, &query.shift, &query.order].iter().filter(|v| !v.is_empty()).count();
    let filter_summary = if active == 0 {
        i18n.t("filter-open")
    } else {
        i18n.t_args("filter-open-count", &[("count", num(active as f64))])
    };
    let option =
        |value: String, label: String, chosen: bool| view! { <option value=value selected=chosen>{label}</option> };
    view! {
        <section class="panel" data-testid="org-applications">
            <h1>{t("org-applications-title")}</h1>
            <p class="lead">{t("org-applications-lead")}</p>
            <p><a href="/org/hours" data-testid="org-hours-link">{t("org-hours-title")}</a></p>
            <p id="queue-status" role="status" data-live="queue-status" data-live-version=pending.to_string()
                data-testid="queue-count">
                {i18n.t_args("queue-count", &[("count", num(pending as f64))])}
            </p>
            // On a phone the filters wait behind their button, as on /opportunities; beside the
            // queue on a wide screen they stay open (style: .filter-sheet).
            <details class="filter-sheet">
            <summary class="button secondary" data-testid="queue-filter-open">{filter_summary}</summary>
            <form class="form filters" method="get" action="/org/applications" role="search"
                aria-label=t("queue-filter")>
                <div class="field">
                    <label for="queue-state">{t("queue-state")}</label>
                    <select id="queue-state" name="state">
                        {option(String::new(), i18n.t("application-status-pending"), query.state.is_empty())}
                        {option("waitlisted".into(), i18n.t("application-status-waitlisted"), query.state == "waitlisted")}
                    </select>
                </div>
                <div class="field">
                    <label for="queue-opportunity">{t("queue-opportunity")}</label>
                    <select id="queue-opportunity" name="opportunity">
                        {option(String::new(), i18n.t("queue-all-opportunities"), query.opportunity.is_empty())}
                        {opportunities.into_iter().map(|(id, title)| {
                            let id = id.to_string();
                            let chosen = id == query.opportunity;
                            option(id, title.pick(i18n.lang).0, chosen)
                        }).collect_view()}
                    </select>
                </div>
                {(!shifts.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="queue-shift">{t("queue-shift")}</label>
                        <select id="queue-shift" name="shift">
                            {option(String::new(), i18n.t("queue-all-shifts"), query.shift.is_empty())}
                            {shifts.into_iter().map(|(id, from, _)| {
                                let id = id.to_string();
                                let chosen = id == query.shift;
                                option(id, format_datetime(i18n.lang, from), chosen)
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="queue-order">{t("queue-order")}</label>
                    <select id="queue-order" name="order">
                        {option(String::new(), i18n.t("queue-oldest"), query.order.is_empty())}
                        {option("newest".into(), i18n.t("queue-newest"), query.order == "newest")}
                    </select>
                </div>
                <button type="submit" class="button secondary">{t("queue-show")}</button>
            </form>
            </details>
            <p data-testid="queue-shown">
                {i18n.t_args("queue-shown", &[("shown", num(shown as f64)), ("total", num(total as f64))])}
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
            <p id="queue-reason-hint" class="field-hint">{t("field-reason-volunteer-hint")}</p>
            <p id="queue-new" role="status" data-live="queue-new" data-live-version=fresh.to_string()>
                {(fresh > 0).then(|| view! {
                    <a href=queue_href(&QueueQuery { order: "newest".into(), ..query.clone() }, None, None) data-testid="queue-new">
                        {i18n.t_args("queue-new", &[("count", num(fresh as f64))])}
                    </a>
                })}
            </p>
            <div id="queue" class="queue" data-live="queue" data-live-keyed=""
                data-live-src=queue_href(&query, query.after.parse().ok(), Some(since))>
            {if rows.is_empty() {
                view! { <p data-testid="queue-empty" data-live-key="empty">{t("org-applications-empty")}</p> }.into_any()
            } else {
                rows.into_iter().map(|r| {
                    let error = refused.as_ref().filter(|(id, _, _)| *id == r.id.to_string()).cloned();
                    view! { <Row r error/> }
                }).collect_view().into_any()
            }}
            </div>
            {(!first || next.is_some()).then(|| view! {
                <nav class="pager" aria-label=t("queue-pages")>
                    {(!first).then(|| view! {
                        <a href=queue_href(&query, None, None) data-testid="queue-first">{t("queue-first-page")}</a>
                    })}
                    {next.map(|after| view! {
                        <a href=queue_href(&query, Some(after), None) rel="next" data-testid="queue-next">{t("queue-next-page")}</a>
                    })}
                </nav>
            })}
        </section>
    }
}

/// One application: who, for what, what matters for deciding, and one form to decide (reject
/// first, so that Enter in the reason field can never approve).
#[component]
fn Row(r: QueueRow, error: Option<(String, String, AppError)>) -> impl IntoView {
    let i18n = use_i18n();
    let (title, other) = r.opportunity.pick(i18n.lang);
    let id = r.id.to_string();
    let list = |prefix: &str, values: &[String]| {
        values.iter().map(|v| taxonomy::label(i18n, prefix, v)).collect::<Vec<_>>().join(", ")
    };
    let version = format!("{}-{}-{}", r.status, r.taken, r.offer_expires_at.map_or(0, |t| t.timestamp()));
    let (typed, reason_error, form_error) = match error {
        Some((_, typed, AppError::Validation(list))) => {
            let text = |e: &crate::model::FieldError| e.text.clone().unwrap_or_else(|| i18n.t("err-validation"));
            let reason = list.iter().find(|e| e.field == "reason").map(text);
            let form = list.iter().find(|e| e.field == FORM || e.field != "reason").map(text);
            (typed, reason, form)
        }
        Some((_, typed, other)) => (typed, None, Some(i18n.t(other.message_id()))),
        None => (String::new(), None, None),
    };
    let reason_id = format!("queue-reason-{id}");
    let error_id = format!("queue-reason-{id}-error");
    let described =
        if reason_error.is_some() { format!("queue-reason-hint {error_id}") } else { "queue-reason-hint".into() };
    view! {
        <article class="application" data-testid="queue-row" data-live-key=id.clone() data-live-version=version
            aria-labelledby=format!("queue-name-{id}")>
            <label class="pick">
                <input type="checkbox" form="bulk" name=format!("pick[{id}]") data-testid="queue-pick"/>
                {t("queue-pick")}" "<span dir="auto">{r.volunteer.get(i18n.lang).to_string()}</span>
            </label>
            <h2 id=format!("queue-name-{id}") dir="auto">{r.volunteer.get(i18n.lang).to_string()}</h2>
            <p>
                <span lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</span>" · "
                {format_range(i18n.lang, r.starts_at, r.ends_at)}
            </p>
            <dl class="details">
                <dt>{t("col-status")}</dt><dd>{i18n.t(&format!("application-status-{}", r.status))}</dd>
                <dt>{t("col-age")}</dt><dd>{r.age.map(|a| i18n.t_args("age-years", &[("age", num(a as f64))]))}</dd>
                <dt>{t("field-skills")}</dt><dd>{list("skill", &r.skills)}</dd>
                <dt>{t("field-languages")}</dt><dd>{list("language", &r.languages)}</dd>
                <dt>{t("queue-attended")}</dt><dd data-testid="queue-attended">{r.attended.to_string()}</dd>
                <dt>{t("queue-no-shows")}</dt><dd data-testid="queue-no-shows">{r.no_shows.to_string()}</dd>
                <dt>{t("queue-late-withdrawals")}</dt><dd>{crate::i18n::format_count(i18n.lang, r.late_withdrawals as f64)}</dd>
                <dt>{t("queue-seats")}</dt>
                <dd>{i18n.t_args("opportunity-seats", &[("taken", num(r.taken as f64)), ("capacity", num(r.capacity as f64))])}</dd>
                {r.motivation.clone().map(|m| view! { <dt>{t("field-motivation")}</dt><dd dir="auto">{m}</dd> })}
                {r.offer_expires_at.map(|until| view! {
                    <dt>{t("queue-offer")}</dt><dd>{format_datetime(i18n.lang, until)}</dd>
                })}
            </dl>
            <form class="review" method="post" action=DECIDE>
                <input type="hidden" name="application_id" value=id.clone()/>
                <div class="field" class:has-error=reason_error.is_some()>
                    <label for=reason_id.clone()>{t("field-reason")}</label>
                    <input id=reason_id name="reason" type="text" dir="auto" autocomplete="off" value=typed
                        aria-describedby=described aria-invalid=reason_error.is_some().then_some("true")/>
                    {reason_error.clone().map(|e| view! { <p id=error_id class="field-error">{e}</p> })}
                </div>
                {form_error.map(|e| view! { <div class="form-error" role="alert"><p>{e}</p></div> })}
                <div class="actions">
                    <button type="submit" name="decision" value="reject" class="button danger">{t("queue-reject")}</button>
                    {(r.status == "pending").then(|| view! {
                        <button type="submit" name="decision" value="waitlist" class="button secondary">{t("queue-waitlist")}</button>
                    })}
                    <button type="submit" name="decision" value="approve" class="button primary">{t("queue-approve")}</button>
                </div>
            </form>
        </article>
    }
}
