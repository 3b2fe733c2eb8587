use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_organization_overview;
use crate::components::{guard::Refusal, session::use_session};
use crate::i18n::{num, t, text, use_i18n};
use crate::model::OrganizationOverview;

#[component]
pub fn OrgPage() -> impl IntoView {
    let session = use_session();
    let overview = Resource::new(move || session.version.get(), |_| get_organization_overview());
    view! {
        <Title text=t("org-title")/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(o) => view! { <Overview overview=o/> }.into_any(),
                    Err(e) => view! { <Refusal error=e/> }.into_any(),
                }
            })}
        </Suspense>
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
