use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{
    get_org_counters, get_org_dashboard, get_organization_overview, InviteCoordinator, RemoveCoordinator,
};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::{guarded, guarded_with};
use crate::components::query_param;
use crate::i18n::{format_date, format_datetime, num, t, text, use_i18n};
use crate::model::{LicenceState, OrganizationOverview};

/// `/org`: the organization, what waits for its coordinators now (live counters), and the way to
/// everything else. The statistics have their own page ([`OrgStatsPage`]): they are read for
/// analysis, not on every visit.
#[component]
pub fn OrgPage() -> impl IntoView {
    view! {
        <Title text=t("org-title")/>
        {guarded(get_organization_overview, |d| view! { <Overview overview=d/> })}
    }
}

/// `/org/stats`: the organization's statistics (series, breakdowns, funnel, tables as CSV),
/// filtered by months.
#[component]
pub fn OrgStatsPage() -> impl IntoView {
    view! {
        <Title text=t("dashboard-title")/>
        {guarded_with(crate::pages::admin::dashboard_query(), get_org_dashboard, |p| view! {
            <crate::pages::admin::Stats page=p admin=false/>
        })}
    }
}

/// The licence flag a coordinator (and an admin) sees: ending soon or ended.
#[component]
pub fn LicenceNotice(state: LicenceState, expiry: Option<chrono::NaiveDate>) -> impl IntoView {
    let i18n = use_i18n();
    let date = expiry.map(|d| format_date(i18n.lang, d)).unwrap_or_default();
    let id = match state {
        LicenceState::Expired => "licence-expired",
        LicenceState::EndingSoon => "licence-ending",
        _ => return None,
    };
    Some(view! {
        <p class="notice warning" role="status" data-testid=id>{i18n.t_args(id, &[("date", text(date))])}</p>
    })
}

#[component]
fn Overview(overview: OrganizationOverview) -> impl IntoView {
    let i18n = use_i18n();
    let name = overview.organization.name.get(i18n.lang).to_string();
    let count = overview.coordinators.len();
    let invites = overview.invites;
    view! {
        <section class="panel" data-testid="org">
            <h1 dir="auto">{name.clone()}</h1>
            <p class="lead">{i18n.t_args("org-lead", &[("org", text(name.clone()))])}</p>
            <LicenceNotice state=overview.licence expiry=overview.licence_expiry/>
            <ul class="links">
                <li><A href="/org/applications">{t("org-applications-title")}</A></li>
                <li><A href="/org/opportunities">{t("org-opportunities-title")}</A></li>
                <li><A href="/org/training">{t("manage-training-title")}</A></li>
                <li><A href="/org/stats">{t("dashboard-title")}</A></li>
                <li><A href=format!("/organizations/{}", overview.slug)>{t("org-public-page")}</A></li>
            </ul>
            // What waits now, above the rest (the overview was allowed: one refusal, not two).
            {guarded(get_org_counters, |c| view! {
                <h2 id="org-now-title">{t("org-now")}</h2>
                <crate::pages::admin::Counters counters=c admin=false/>
                <p><A href="/org/stats" attr:data-testid="org-stats-link">{t("org-stats-link")}</A></p>
            })}
            {query_param("invited").map(|_| view! { <p class="notice" role="status" data-testid="invited">{t("org-invited")}</p> })}
            <h2>{t("org-coordinators")}</h2>
            <p data-testid="coordinator-count">{i18n.t_args("org-coordinator-count", &[("count", num(count as f64))])}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("org-coordinators")>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t("col-name")}</th>
                            <th scope="col">{t("col-email")}</th>
                            <th scope="col">{t("col-actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {overview.coordinators.into_iter().map(|c| view! {
                            <tr data-testid="coordinator-row">
                                <td dir="auto">{c.person.full_name}</td>
                                <td><bdi>{c.person.email}</bdi></td>
                                <td>
                                    {if c.is_me || count < 2 {
                                        view! { <span class="aside">{t("org-you")}</span> }.into_any()
                                    } else {
                                        FormBuilder::new::<RemoveCoordinator>("org-remove")
                                            .hidden("user_id", c.user_id.to_string())
                                            .view()
                                            .into_any()
                                    }}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2>{t("org-invite")}</h2>
            <p>{t("org-invite-lead")}</p>
            {FormBuilder::new::<InviteCoordinator>("org-invite-submit")
                .next("/org?invited=1")
                .input(Input::new("email", "field-email").kind("email").autocomplete("off").dir_auto())
                .view()}
            {(!invites.is_empty()).then(|| view! {
                <h3>{t("org-invites-open")}</h3>
                <ul class="plain-list" data-testid="invites">
                    {invites.into_iter().map(|i| view! {
                        <li>
                            <bdi>{i.email}</bdi>" — "
                            {i18n.t_args("org-invite-until", &[("date", text(format_datetime(i18n.lang, i.expires_at)))])}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
