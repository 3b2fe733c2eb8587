use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_organization_overview;
use crate::components::guard::guarded;
use crate::i18n::{num, t, text, use_i18n};
use crate::model::OrganizationOverview;

#[component]
pub fn OrgPage() -> impl IntoView {
    view! {
        <Title text=t("org-title")/>
        {guarded(get_organization_overview, |d| view! { <Overview overview=d/> })}
    }
}

#[component]
fn Overview(overview: OrganizationOverview) -> impl IntoView {
    let i18n = use_i18n();
    let name = overview.organization.name.clone();
    let lead_name = name.clone();
    let count = overview.coordinators.len();
    view! {
        <section class="panel" data-testid="org">
            <h1 dir="auto">{move || name.get(i18n.lang.get()).to_string()}</h1>
            <p class="lead">{move || i18n.t_args("org-lead", &[("org", text(lead_name.get(i18n.lang.get())))])}</p>
            <h2>{t("org-coordinators")}</h2>
            <p>{move || i18n.t_args("org-coordinator-count", &[("count", num(count as f64))])}</p>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr><th scope="col">{t("col-name")}</th><th scope="col">{t("col-email")}</th></tr>
                    </thead>
                    <tbody>
                        {overview.coordinators.into_iter().map(|p| view! {
                            <tr><td dir="auto">{p.full_name}</td><td><bdi>{p.email}</bdi></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
