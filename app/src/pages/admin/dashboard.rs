use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::components::A;

use crate::api::{get_admin_dashboard, get_admin_overview, AdminResetMfa};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::{guarded, guarded_with};
use crate::i18n::{t, use_i18n};
use crate::model::AdminOverview;

#[component]
pub fn AdminPage() -> impl IntoView {
    view! {
        <Title text=t("admin-title")/>
        // The statistics only once the overview was allowed: one refusal, not two.
        {guarded(get_admin_overview, |d| view! {
            <Dashboard overview=d/>
            {guarded_with(super::dashboard_query(), get_admin_dashboard, |p| view! { <super::Stats page=p admin=true/> })}
        })}
    }
}

#[component]
fn Stat(label: &'static str, value: u64) -> impl IntoView {
    view! {
        <div class="stat">
            <p class="stat-value">{crate::i18n::format_count(crate::i18n::use_i18n().lang, value as f64)}</p>
            <p class="stat-label">{t(label)}</p>
        </div>
    }
}

#[component]
fn Dashboard(overview: AdminOverview) -> impl IntoView {
    let i18n = use_i18n();
    let rows = overview.organization_rows.clone();
    view! {
        <section class="panel" data-testid="admin">
            <h1>{t("admin-title")}</h1>
            <p class="lead">{t("admin-lead")}</p>
            <div class="stats">
                <Stat label="admin-stat-volunteers" value=overview.volunteers/>
                <Stat label="admin-stat-organizations" value=overview.organizations/>
                <Stat label="admin-stat-coordinators" value=overview.coordinators/>
                <Stat label="admin-stat-pending" value=overview.pending_organizations/>
            </div>
            <nav aria-label=t("admin-tools")>
                <ul class="links">
                    <li><A href="/admin/organizations">{t("orgs-title")}</A></li>
                    <li><A href="/admin/volunteers">{t("volunteers-title")}</A></li>
                    <li><A href="/admin/audit">{t("audit-title")}</A></li>
                    <li><A href="/admin/outbox">{t("outbox-title")}</A></li>
                    <li><A href="/admin/tiers">{t("tiers-title")}</A></li>
                    <li><A href="/admin/training">{t("manage-training-title")}</A></li>
                </ul>
            </nav>
            <h2>{t("admin-organizations")}</h2>
            {if rows.is_empty() {
                view! { <p>{t("admin-no-organizations")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr><th scope="col">{t("col-org-name")}</th><th scope="col" class="num">{t("col-coordinators")}</th></tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    view! {
                                        <tr>
                                            <td dir="auto">{r.name.get(i18n.lang).to_string()}</td>
                                            <td class="num">{crate::i18n::format_count(i18n.lang, r.coordinators as f64)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h2>{t("admin-reset-mfa")}</h2>
            <p>{t("admin-reset-mfa-lead")}</p>
            {FormBuilder::new::<AdminResetMfa>("admin-reset-mfa-submit")
                .input(Input::new("email", "field-email").kind("email").dir_auto())
                .confirm("admin-reset-mfa-confirm")
                .view()}
        </section>
    }
}
