use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{get_roster, CancelApplication, CheckOut, ExportRoster, MarkAttendance, MessageShift};
use crate::backend::services::attendance::{MARKS, NO_SHOW};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{format_datetime, format_range, num, t, use_i18n};
use crate::model::{AttendanceMark, Roster};

/// `/org/shifts/<id>`: a shift's roster, to print or download, with a place cancelled and a
/// message to everyone on it. Live: a volunteer who confirms or withdraws appears or leaves.
#[component]
pub fn RosterPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("roster-title")/>
        {guarded_with(id, get_roster, |r| view! { <RosterView roster=r/> })}
    }
}

#[component]
fn RosterView(roster: Roster) -> impl IntoView {
    let i18n = use_i18n();
    let (title, other) = roster.opportunity.pick(i18n.lang);
    let shift_id = roster.shift.id.to_string();
    let csv_action = <ExportRoster as server_fn::ServerFn>::PATH;
    let rows_version: String = roster.rows.iter().map(|r| r.application_id.to_string()).collect::<Vec<_>>().join(",");
    view! {
        <section class="panel roster" data-testid="roster">
            <h1>{t("roster-title")}": "<span lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</span></h1>
            <p>
                {format_range(i18n.lang, roster.shift.starts_at, roster.shift.ends_at)}
                " · "<bdi>{roster.place.clone()}</bdi>
            </p>
            <p id="roster-seats" data-live="roster-seats" data-live-version=roster.shift.taken.to_string()>
                {i18n.t_args("opportunity-seats", &[("taken", num(roster.shift.taken as f64)), ("capacity", num(roster.shift.capacity as f64))])}
            </p>
            <p class="lead no-print">{t("roster-lead")}</p>
            {query_param("sent").map(|_| view! { <p class="notice" role="status" data-testid="message-sent">{t("roster-message-sent")}</p> })}
            <div class="review no-print">
                <button type="button" class="button" data-print="">{t("roster-print")}</button>
                <form method="post" action=csv_action>
                    <input type="hidden" name="shift_id" value=shift_id.clone()/>
                    <button type="submit" class="button" data-testid="roster-csv">{t("roster-csv")}</button>
                </form>
            </div>
            <p class="no-print"><a href=format!("/org/shifts/{}/checkin", roster.shift.id) data-testid="checkin-screen-link">{t("checkin-screen-open")}</a></p>
            {(!roster.rows.is_empty()).then(|| view! {
                <div class="bulk no-print">
                    <h2>{t("attendance-title")}</h2>
                    <p>{t("attendance-lead")}</p>
                    {FormBuilder::new::<MarkAttendance>("attendance-submit")
                        .form_id("attendance")
                        .scope("attendance")
                        .hidden("shift_id", shift_id.clone())
                        .input(Input::new("mark", "field-attendance").select("attendance", &MARKS))
                        .view()}
                </div>
            })}
            <div id="roster-rows" class="table-wrap" data-live="roster-rows" data-live-version=rows_version>
                {if roster.rows.is_empty() {
                    view! { <p data-testid="roster-empty">{t("roster-empty")}</p> }.into_any()
                } else {
                    view! {
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{t("col-name")}</th>
                                    <th scope="col">{t("attendance-title")}</th>
                                    <th scope="col">{t("col-contact")}</th>
                                    <th scope="col">{t("field-emergency-name")}</th>
                                    <th scope="col" class="no-print"><span class="visually-hidden">{t("roster-cancel")}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {roster.rows.into_iter().map(|r| view! {
                                    <tr data-testid="roster-row">
                                        <td>
                                            <label class="pick no-print">
                                                <input type="checkbox" form="attendance" name=format!("pick[{}]", r.application_id) data-testid="roster-pick"/>
                                                <span class="visually-hidden">{t("queue-pick")}" "</span>
                                            </label>
                                            <span dir="auto">{r.name.get(i18n.lang).to_string()}</span>
                                        </td>
                                        <td data-testid="attendance">{attendance(i18n, r.attendance.clone())}
                                            {r.attendance.as_ref().filter(|a| a.status != NO_SHOW && a.checked_in_at.is_some() && a.checked_out_at.is_none()).map(|_| {
                                                FormBuilder::new::<CheckOut>("attendance-check-out")
                                                    .scope(format!("out-{}", r.application_id))
                                                    .hidden("application_id", r.application_id.to_string())
                                                    .view()
                                            })}
                                        </td>
                                        <td>
                                            <bdi>{r.email}</bdi>
                                            {r.mobile.map(|m| view! { <br/><bdi dir="ltr">{m}</bdi> })}
                                        </td>
                                        <td>
                                            <span dir="auto">{r.emergency_name.unwrap_or_default()}</span>
                                            {r.emergency_phone.map(|m| view! { <br/><bdi dir="ltr">{m}</bdi> })}
                                        </td>
                                        <td class="no-print">
                                            {FormBuilder::new::<CancelApplication>("roster-cancel")
                                                .scope(format!("cancel-{}", r.application_id))
                                                .hidden("application_id", r.application_id.to_string())
                                                .input(Input::new("reason", "field-reason").dir_auto().hint("field-reason-volunteer-hint"))
                                                .view()}
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </div>
            <div class="no-print">
                <h2>{t("roster-message")}</h2>
                {FormBuilder::new::<MessageShift>("roster-message-send")
                    .scope("message")
                    .hidden("shift_id", shift_id)
                    .input(Input::new("message", "field-message").kind("textarea").dir_auto().hint("field-message-hint"))
                    .next(format!("/org/shifts/{}?sent=1", roster.shift.id))
                    .view()}
            </div>
            <p class="no-print"><a href="/org/opportunities">{t("org-opportunities-title")}</a></p>
        </section>
    }
}

/// How a volunteer's attendance reads on the roster: the mark, and the check-in and check-out
/// times; a check-out nobody made is said so.
fn attendance(i18n: crate::i18n::I18n, mark: Option<AttendanceMark>) -> String {
    let Some(m) = mark else { return i18n.t("attendance-none") };
    let mut parts = vec![i18n.t(&format!("attendance-{}", m.status))];
    if let Some(at) = m.checked_in_at {
        parts.push(i18n.t_args("attendance-in", &[("time", crate::i18n::text(format_datetime(i18n.lang, at)))]));
    }
    if let Some(at) = m.checked_out_at {
        parts.push(i18n.t_args("attendance-out", &[("time", crate::i18n::text(format_datetime(i18n.lang, at)))]));
    }
    if m.checkout_missing {
        parts.push(i18n.t("attendance-checkout-missing"));
    }
    parts.join(" · ")
}
