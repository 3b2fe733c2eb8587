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
    let name = overview.organization.name.get(i18n.lang).to_string();
    let count = overview.coordinators.len();
    view! {
        <section class="panel" data-testid="org">
            <h1 dir="auto">{name.clone()}</h1>
            <p class="lead">{i18n.t_args("org-lead", &[("org", text(name.clone()))])}</p>
            <h2>{t("org-coordinators")}</h2>
            <p>{i18n.t_args("org-coordinator-count", &[("count", num(count as f64))])}</p>
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
