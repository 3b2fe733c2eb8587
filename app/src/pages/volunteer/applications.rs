use leptos::prelude::*;

use crate::api::{get_my_applications, WithdrawApplication};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded;
use crate::i18n::{format_datetime, t, use_i18n};
use crate::model::MyApplication;

/// My applications, on `/me`: each shift, its state as decided, and withdrawing.
#[component]
pub fn MyApplications() -> impl IntoView {
    guarded(get_my_applications, |rows| view! { <Applications rows/> })
}

#[component]
fn Applications(rows: Vec<MyApplication>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{t("me-applications")}</h2>
        {if rows.is_empty() {
            view! { <p data-testid="no-applications">{t("me-applications-none")}" "<a href="/opportunities">{t("opportunities-title")}</a></p> }.into_any()
        } else {
            view! {
                <ul class="cards" data-testid="my-applications">
                    {rows.into_iter().map(|a| {
                        let (title, other) = a.opportunity.pick(i18n.lang);
                        let open = ["pending", "waitlisted", "approved"].contains(&a.status.as_str());
                        view! {
                            <li class="card" data-testid="my-application" data-status=a.status.clone()>
                                <h3><a href=format!("/opportunities/{}", a.opportunity_id) lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</a></h3>
                                <p dir="auto">{a.organization.get(i18n.lang).to_string()}</p>
                                <p>{format_datetime(i18n.lang, a.starts_at)}" – "{format_datetime(i18n.lang, a.ends_at)}</p>
                                <p><strong data-testid="application-status">{i18n.t(&format!("application-status-{}", a.status))}</strong></p>
                                {a.reason.map(|r| view! { <p dir="auto">{r}</p> })}
                                {open.then(|| FormBuilder::new::<WithdrawApplication>("me-withdraw")
                                    .hidden("application_id", a.id.to_string())
                                    .view())}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
