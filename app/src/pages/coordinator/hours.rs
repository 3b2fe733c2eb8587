use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_org_hours, DecideHours};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded;
use crate::i18n::{format_date, t, use_i18n};
use crate::model::HoursReportRow;
use crate::pages::volunteer::hours_text;

/// `/org/hours`: hours volunteers reported to the organization, waiting for a coordinator to
/// approve or reject them (beside the applications queue).
#[component]
pub fn OrgHoursPage() -> impl IntoView {
    view! {
        <Title text=t("org-hours-title")/>
        {guarded(get_org_hours, |rows| view! { <Queue rows/> })}
    }
}

#[component]
fn Queue(rows: Vec<HoursReportRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" data-testid="org-hours">
            <h1>{t("org-hours-title")}</h1>
            <p class="lead">{t("org-hours-lead")}</p>
            <p><a href="/org/applications">{t("org-applications-title")}</a></p>
            {if rows.is_empty() {
                view! { <p data-testid="org-hours-empty">{t("org-hours-empty")}</p> }.into_any()
            } else {
                rows.into_iter().map(|r| {
                    let id = r.id.to_string();
                    let decide = |decision: &'static str, label: &'static str| {
                        let form = FormBuilder::new::<DecideHours>(label)
                            .scope(format!("hours-{decision}-{id}"))
                            .hidden("entry_id", id.clone())
                            .hidden("decision", decision);
                        if decision == "reject" { form.danger() } else { form }.view()
                    };
                    view! {
                        <article class="application" data-testid="org-hours-row">
                            <h2 dir="auto">{r.who.clone()}</h2>
                            <dl class="details">
                                <dt>{t("field-hours-activity")}</dt><dd dir="auto">{r.activity.clone()}</dd>
                                <dt>{t("field-hours-date")}</dt><dd>{format_date(i18n.lang, r.worked_on)}</dd>
                                <dt>{t("field-hours-hours")}</dt><dd>{hours_text(i18n, i64::from(r.minutes))}</dd>
                                {r.note.clone().map(|n| view! { <dt>{t("field-hours-note")}</dt><dd dir="auto">{n}</dd> })}
                            </dl>
                            <div class="review">
                                {decide("approve", "queue-approve")}
                                {decide("reject", "queue-reject")}
                            </div>
                        </article>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
