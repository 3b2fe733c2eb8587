use leptos::prelude::*;

use crate::api::{get_my_applications, ConfirmOffer, WithdrawApplication};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded;
use crate::i18n::{format_datetime, format_range, t, text, use_i18n};
use crate::model::MyApplication;

/// My applications, on `/me`: each shift, its state as decided (live: a coordinator's decision
/// shows without a reload), an offered seat to confirm, and withdrawing.
#[component]
pub fn MyApplications() -> impl IntoView {
    guarded(get_my_applications, |rows| view! { <Applications rows/> })
}

#[component]
fn Applications(rows: Vec<MyApplication>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{t("me-applications")}</h2>
        <ul class="cards" id="my-applications" data-live="my-applications" data-live-keyed="" data-testid="my-applications">
            {if rows.is_empty() {
                view! {
                    <li class="empty" data-live-key="none" data-testid="no-applications">
                        {t("me-applications-none")}" "<a href="/opportunities">{t("opportunities-title")}</a>
                    </li>
                }.into_any()
            } else {
                rows.into_iter().map(|a| {
                    let (title, other) = a.opportunity.pick(i18n.lang);
                    let closed = a.status == "approved" && crate::backend::services::now() >= a.withdraw_closes_at;
                    let open = ["pending", "waitlisted", "approved"].contains(&a.status.as_str()) && !closed;
                    let version = format!("{}-{}", a.status, a.offer_expires_at.map_or(0, |t| t.timestamp()));
                    let offer = a.offer_expires_at.filter(|_| a.status == "waitlisted");
                    view! {
                        <li class="card" data-testid="my-application" data-status=a.status.clone()
                            data-live-key=a.id.to_string() data-live-version=version>
                            <h3 class="card-title"><a href=format!("/opportunities/{}", a.opportunity_id) lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</a></h3>
                            <p class="card-org" dir="auto">{a.organization.get(i18n.lang).to_string()}</p>
                            <p class="card-when">{format_range(i18n.lang, a.starts_at, a.ends_at)}</p>
                            <p><strong class=format!("status status-{}", a.status) data-testid="application-status">{i18n.t(&format!("application-status-{}", a.status))}</strong></p>
                            {a.reason.map(|r| view! { <p dir="auto">{r}</p> })}
                            {offer.map(|until| view! {
                                <p class="notice" data-testid="offer">
                                    {i18n.t_args("offer-open", &[("until", text(format_datetime(i18n.lang, until)))])}
                                </p>
                                {FormBuilder::new::<ConfirmOffer>("offer-confirm")
                                    .scope(format!("offer-{}", a.id))
                                    .hidden("application_id", a.id.to_string())
                                    .view()}
                            })}
                            {closed.then(|| view! { <p class="aside" data-testid="withdraw-closed">{t("me-withdraw-closed")}</p> })}
                            {open.then(|| {
                                let form = FormBuilder::new::<WithdrawApplication>(if offer.is_some() { "offer-decline" } else { "me-withdraw" })
                                    .scope(format!("withdraw-{}", a.id))
                                    .hidden("application_id", a.id.to_string());
                                // Letting an offer pass is a choice among two; giving up a place asks first.
                                if offer.is_some() { form.secondary() } else { form.confirm("me-withdraw-confirm") }.view()
                            })}
                        </li>
                    }
                }).collect_view().into_any()
            }}
        </ul>
    }
}
