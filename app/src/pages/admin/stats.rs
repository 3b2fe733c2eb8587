//! The statistics dashboard, shared by `/admin` (the country) and `/org/stats` (one organization).

use leptos::prelude::*;

use crate::api::DashboardCsv;
use crate::components::charts::{BarChart, TimeChart};
use crate::i18n::{format_number, t, translate, use_i18n, I18n};
use crate::model::{DashboardFigures, DashboardPage, DashboardQuery};

/// "Jan 2026" in the page's language, from `2026-01`.
fn month_label(i18n: I18n, key: &str) -> String {
    let (y, m) = key.split_once('-').unwrap_or((key, "1"));
    let name = translate(i18n.lang, &format!("month-{}", m.trim_start_matches('0')));
    format!("{name} {}", format_number(i18n.lang, y.parse::<f64>().unwrap_or(0.0), 0).replace(['٬', ','], ""))
}

use crate::backend::services::dashboard::hours_of as hours;

/// A button that downloads one table as CSV, for the same filter.
fn csv_button(table: &'static str, admin: bool, q: &DashboardQuery) -> AnyView {
    let action = <DashboardCsv as server_fn::ServerFn>::PATH;
    view! {
        <form method="post" action=action class="chart-csv no-print">
            <input type="hidden" name="table" value=table/>
            <input type="hidden" name="admin" value=if admin { "1" } else { "0" }/>
            <input type="hidden" name="from" value=q.from.clone()/>
            <input type="hidden" name="to" value=q.to.clone()/>
            <input type="hidden" name="organization" value=q.organization.clone()/>
            <button type="submit" class="button secondary" data-testid=format!("csv-{table}")>{t("dashboard-csv")}</button>
        </form>
    }
    .into_any()
}

/// The headline counters, replaced live (the event bus wakes the page's live island).
#[component]
pub fn Counters(counters: [i64; 3], admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let labels = if admin {
        ["dashboard-joined-today", "dashboard-pending", "dashboard-checked-in"]
    } else {
        ["dashboard-applied-today", "dashboard-pending", "dashboard-checked-in"]
    };
    view! {
        <div class="stats" id="dashboard-counters" data-live="dashboard-counters" role="status"
            data-live-version=format!("{}-{}-{}", counters[0], counters[1], counters[2]) data-testid="dashboard-counters">
            {labels.into_iter().zip(counters).map(|(label, value)| view! {
                <div class="stat">
                    <p class="stat-value" data-testid=label>{format_number(i18n.lang, value as f64, 0)}</p>
                    <p class="stat-label">{t(label)}</p>
                </div>
            }).collect_view()}
        </div>
    }
}

/// The filter: a GET form, so a view is an address to share.
#[component]
fn Filter(page: DashboardPage, admin: bool, path: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let error = |field: &str| {
        page.errors.iter().find(|e| e.field == field).map(|e| {
            let id = format!("dashboard-{field}-error");
            view! { <p class="field-error" id=id>{e.text.clone().unwrap_or_else(|| t(&e.message))}</p> }
        })
    };
    let q = page.query.clone();
    let invalid = |field: &str| page.errors.iter().any(|e| e.field == field).then_some("true");
    let described =
        |field: &str| page.errors.iter().any(|e| e.field == field).then(|| format!("dashboard-{field}-error"));
    view! {
        <form method="get" action=path class="filters no-print" data-testid="dashboard-filter">
            <div class="field">
                <label for="dashboard-from">{t("dashboard-from")}</label>
                <input id="dashboard-from" name="from" type="month" value=q.from.clone()
                    aria-invalid=invalid("from") aria-describedby=described("from")/>
                {error("from")}
            </div>
            <div class="field">
                <label for="dashboard-to">{t("dashboard-to")}</label>
                <input id="dashboard-to" name="to" type="month" value=q.to.clone()
                    aria-invalid=invalid("to") aria-describedby=described("to")/>
                {error("to")}
            </div>
            {admin.then(|| view! {
                <div class="field">
                    <label for="dashboard-organization">{t("dashboard-organization")}</label>
                    <select id="dashboard-organization" name="organization" aria-invalid=invalid("organization")
                        aria-describedby=described("organization")>
                        <option value="">{t("dashboard-all-organizations")}</option>
                        {page.organizations.iter().map(|(id, name)| {
                            let v = id.to_string();
                            let selected = v == q.organization;
                            view! { <option value=v selected=selected>{name.get(i18n.lang).to_string()}</option> }
                        }).collect_view()}
                    </select>
                    {error("organization")}
                </div>
            })}
            <button type="submit" class="button" data-testid="dashboard-apply">{t("dashboard-apply")}</button>
        </form>
    }
}

/// The dashboard: counters, the filter, then every chart with its table and CSV.
#[component]
pub fn Stats(page: DashboardPage, admin: bool) -> impl IntoView {
    let path = if admin { "/admin" } else { "/org/stats" };
    let figures = page.figures.clone();
    let q = page.query.clone();
    view! {
        <section class="panel dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
            // The admin's dashboard sits under the admin page's h1; an organization's statistics
            // are a page of their own (/org/stats), so there the title is the page's h1.
            {if admin {
                view! { <h2 id="dashboard-title">{t("dashboard-title")}</h2> }.into_any()
            } else {
                view! { <h1 id="dashboard-title">{t("dashboard-title")}</h1> }.into_any()
            }}
            {figures.as_ref().map(|f| view! { <Counters counters=f.counters admin/> }.into_any())}
            {view! { <Filter page=page.clone() admin path/> }.into_any()}
            {figures.map(|f| view! { <Charts f admin q/> }.into_any())}
        </section>
    }
}

#[component]
fn Charts(f: DashboardFigures, admin: bool, q: DashboardQuery) -> impl IntoView {
    let i18n = use_i18n();
    let months: Vec<String> = f.months.iter().map(|m| month_label(i18n, m)).collect();
    let series = |values: &[i64], minutes: bool| -> Vec<(String, f64)> {
        months.iter().cloned().zip(values.iter().map(|v| if minutes { hours(*v) } else { *v as f64 })).collect()
    };
    let breakdown = |rows: &[(String, i64)], prefix: &str, minutes: bool| -> Vec<(String, f64)> {
        rows.iter()
            .map(|(k, v)| (i18n.t(&format!("{prefix}-{k}")), if minutes { hours(*v) } else { *v as f64 }))
            .collect()
    };
    let time = |id: &str, title: &str, values: &[i64], minutes: bool| -> AnyView {
        view! {
            <TimeChart id=format!("dash-{id}") title=t(title) desc=i18n.t_args("dashboard-desc-series", &[("what", crate::i18n::text(t(title)))])
                x_heading=t("dashboard-col-month") y_heading=t(title) points=series(values, minutes) decimals=if minutes { 1 } else { 0 }/>
        }
        .into_any()
    };
    let bars = |id: &str, title: &str, value: &str, rows: Vec<(String, f64)>, decimals: usize| -> AnyView {
        view! {
            <BarChart id=format!("dash-{id}") title=t(title) desc=i18n.t_args("dashboard-desc-breakdown", &[("what", crate::i18n::text(t(title)))])
                label_heading=t(title) value_heading=t(value) bars=rows decimals/>
        }
        .into_any()
    };
    let funnel: Vec<(String, f64)> = crate::model::FUNNEL_STAGES
        .iter()
        .zip(&f.funnel)
        .map(|(k, v)| (i18n.t(&format!("funnel-{k}")), *v as f64))
        .collect();
    let organizations: Vec<(String, f64)> =
        f.organizations.iter().take(10).map(|r| (r.name.get(i18n.lang).to_string(), hours(r.value))).collect();
    let opportunities: Vec<(String, f64)> =
        f.opportunities.iter().map(|r| (r.name.get(i18n.lang).to_string(), r.value as f64)).collect();
    let over_time = view! {
        <h3>{t("dashboard-over-time")}</h3>
        <div class="charts">
            {admin.then(|| view! { <div>{time("registrations", "dashboard-registrations", &f.registrations, false)}{csv_button("series", admin, &q)}</div> })}
            <div>{time("applications", "dashboard-applications", &f.applications, false)}</div>
            <div>{time("approved", "dashboard-approved", &f.approved, false)}</div>
            <div>{time("hours", "dashboard-hours", &f.hours, true)}{(!admin).then(|| csv_button("series", admin, &q))}</div>
        </div>
    }
    .into_any();
    let people = view! {
        <h3>{t("dashboard-people")}</h3>
        <div class="charts">
            <div>{bars("funnel", "dashboard-funnel", "dashboard-col-volunteers", funnel, 0)}{csv_button("funnel", admin, &q)}</div>
            <div>{bars("municipality", "dashboard-by-municipality", "dashboard-col-volunteers", breakdown(&f.municipality, "municipality", false), 0)}{csv_button("municipality", admin, &q)}</div>
            <div>{bars("gender", "dashboard-by-gender", "dashboard-col-volunteers", breakdown(&f.gender, "gender", false), 0)}{csv_button("gender", admin, &q)}</div>
            <div>{bars("age-band", "dashboard-by-age-band", "dashboard-col-volunteers", breakdown(&f.age_band, "age-band", false), 0)}{csv_button("age-band", admin, &q)}</div>
        </div>
    }
    .into_any();
    let work = view! {
        <h3>{t("dashboard-work")}</h3>
        <div class="charts">
            <div>{bars("cause", "dashboard-by-cause", "dashboard-applications", breakdown(&f.cause, "cause", false), 0)}{csv_button("cause", admin, &q)}</div>
            {admin.then(|| view! {
                <div>{bars("sector", "dashboard-by-sector", "dashboard-hours", breakdown(&f.sector, "sector", true), 1)}{csv_button("sector", admin, &q)}</div>
                <div>{bars("organizations", "dashboard-top-organizations", "dashboard-hours", organizations, 1)}{csv_button("organizations", admin, &q)}</div>
            })}
            <div>{bars("opportunities", "dashboard-top-opportunities", "dashboard-applications", opportunities, 0)}{csv_button("opportunities", admin, &q)}</div>
        </div>
    }
    .into_any();
    view! { {over_time}{people}{work} }
}

/// The filter of the page's address.
pub fn dashboard_query() -> DashboardQuery {
    use crate::components::query_param;
    DashboardQuery {
        from: query_param("from").unwrap_or_default(),
        to: query_param("to").unwrap_or_default(),
        organization: query_param("organization").unwrap_or_default(),
    }
}
