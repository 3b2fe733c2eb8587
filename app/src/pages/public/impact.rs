use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_impact;
use crate::components::charts::BarChart;
use crate::components::guard::guarded;
use crate::i18n::{format_number, t, text, use_i18n};
use crate::model::ImpactFigures;

/// `/impact`: the national picture, public. Aggregates only; a group of fewer than ten people is
/// not shown (nor drawn), so nobody can be singled out.
#[component]
pub fn ImpactPage() -> impl IntoView {
    view! {
        <Title text=t("impact-title")/>
        {guarded(get_impact, |f| view! { <Impact f/> })}
    }
}

#[component]
fn Impact(f: ImpactFigures) -> impl IntoView {
    let i18n = use_i18n();
    let figure = |n: Option<i64>| n.map_or_else(|| t("impact-suppressed"), |n| format_number(i18n.lang, n as f64, 0));
    let shown = |rows: &[(String, Option<i64>)], prefix: &str| -> Vec<(String, f64)> {
        rows.iter().filter_map(|(k, n)| n.map(|n| (i18n.t(&format!("{prefix}-{k}")), n as f64))).collect()
    };
    let hidden = |rows: &[(String, Option<i64>)], prefix: &str| -> Vec<String> {
        rows.iter().filter(|(_, n)| n.is_none()).map(|(k, _)| i18n.t(&format!("{prefix}-{k}"))).collect()
    };
    let chart = |id: &'static str,
                 title: &'static str,
                 value: &'static str,
                 rows: &[(String, Option<i64>)],
                 prefix: &'static str| {
        let suppressed = hidden(rows, prefix);
        view! {
            <div>
                <BarChart id=format!("impact-{id}") title=t(title)
                    desc=i18n.t_args("dashboard-desc-breakdown", &[("what", text(t(title)))])
                    label_heading=t(title) value_heading=t(value) bars=shown(rows, prefix) decimals=0/>
                {(!suppressed.is_empty()).then(|| view! {
                    <p class="aside" data-testid=format!("suppressed-{id}")>
                        {i18n.t_args("impact-suppressed-list", &[("groups", text(suppressed.join(crate::pages::volunteer::lang_separator(i18n.lang))))])}
                    </p>
                })}
            </div>
        }
    };
    view! {
        <section class="panel" data-testid="impact">
            <h1>{t("impact-title")}</h1>
            <p class="lead">{t("impact-lead")}</p>
            <div class="stats">
                <div class="stat"><p class="stat-value" data-testid="impact-volunteers">{figure(f.volunteers)}</p><p class="stat-label">{t("impact-volunteers")}</p></div>
                <div class="stat"><p class="stat-value" data-testid="impact-hours">{figure(f.hours)}</p><p class="stat-label">{t("impact-hours")}</p></div>
                <div class="stat"><p class="stat-value">{figure(Some(f.opportunities))}</p><p class="stat-label">{t("impact-opportunities")}</p></div>
                <div class="stat"><p class="stat-value">{figure(Some(f.organizations))}</p><p class="stat-label">{t("impact-organizations")}</p></div>
            </div>
            <div class="charts">
                {chart("municipality", "dashboard-by-municipality", "dashboard-col-volunteers", &f.municipality, "municipality")}
                {chart("gender", "dashboard-by-gender", "dashboard-col-volunteers", &f.gender, "gender")}
                {chart("cause", "impact-by-cause", "dashboard-col-volunteers", &f.cause, "cause")}
            </div>
            <p class="aside">{t("impact-note")}</p>
        </section>
    }
}
