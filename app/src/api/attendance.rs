//! Attendance: the check-in screen of a shift and the volunteer's check-in with its code, marks
//! and check-outs from the roster, and the volunteer's hours.

use leptos::prelude::*;

use crate::model::{AppError, CheckedIn, CheckinScreen, HoursReportRow, MyHours};

/// A shift's check-in screen, for its organization's coordinators.
#[server(endpoint = "checkin_screen")]
pub async fn get_checkin_screen(shift_id: i32) -> Result<CheckinScreen, AppError> {
    use crate::backend::services::{attendance, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            let c = ctx()?;
            attendance::screen(&c.db, org, shift_id, &c.public_url, now()).await
        }
        .await,
    )
}

/// The volunteer checks in with the code they scanned (`t`: its moment, `c`: the code).
#[server(endpoint = "check_in")]
pub async fn check_in(shift_id: i32, t: i64, c: String) -> Result<CheckedIn, AppError> {
    use crate::backend::services::{attendance, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            attendance::check_in_here(&ctx()?.db, user.id, shift_id, t, c.trim(), now()).await
        }
        .await,
    )
}

/// The coordinator marks the ticked volunteers of a shift present, late or absent.
#[server(endpoint = "mark_attendance")]
pub async fn mark_attendance(
    shift_id: i32,
    mark: String,
    pick: Option<std::collections::BTreeMap<String, String>>,
) -> Result<(), AppError> {
    use crate::backend::services::{attendance, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let ids: Vec<i32> = pick.unwrap_or_default().keys().filter_map(|k| k.parse().ok()).collect();
            if ids.is_empty() {
                return Err(AppError::field("pick", "err-pick-some"));
            }
            attendance::mark(&ctx()?.db, org, user.id, shift_id, &ids, mark.trim(), now()).await.map(|_| ())
        }
        .await,
    )
}

/// The coordinator checks a volunteer out now.
#[server(endpoint = "check_out")]
pub async fn check_out(application_id: i32) -> Result<(), AppError> {
    use crate::backend::services::{attendance, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            attendance::check_out(&ctx()?.db, org, user.id, application_id, now()).await.map(|_| ())
        }
        .await,
    )
}

/// The volunteer's approved hours by organization and year, their reports, and where they may
/// report hours.
#[server(endpoint = "my_hours")]
pub async fn get_my_hours() -> Result<MyHours, AppError> {
    use crate::backend::services::{attendance, certificates, hours, tiers};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let db = ctx()?.db;
            Ok(MyHours {
                totals: attendance::my_hours(&db, user.id).await?,
                reports: hours::reports_of(&db, user.id).await?,
                organizations: hours::organizations_of(&db, user.id).await?,
                tier: tiers::progress(&db, user.id).await?,
                certificates: certificates::of_user(&db, user.id).await?,
            })
        }
        .await,
    )
}

/// The volunteer reports hours to an organization that approved them for a shift.
#[server(endpoint = "report_hours")]
pub async fn report_hours(
    organization: Option<String>,
    activity: String,
    date: String,
    hours: String,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::{hours, now, today};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let report = hours::Report {
                organization: organization.unwrap_or_default(),
                activity,
                date,
                hours,
                note: note.unwrap_or_default(),
            };
            hours::report(&ctx()?.db, user.id, &report, today(), now()).await.map(|_| ())
        }
        .await,
    )
}

/// Reported hours waiting for the coordinator's organization.
#[server(endpoint = "org_hours")]
pub async fn get_org_hours() -> Result<Vec<HoursReportRow>, AppError> {
    use crate::backend::services::hours;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            Ok(hours::pending_of(&ctx()?.db, org).await?)
        }
        .await,
    )
}

/// The coordinator approves or rejects reported hours (`decision`: `approve` or `reject`).
#[server(endpoint = "decide_hours")]
pub async fn decide_hours(entry_id: i64, decision: String) -> Result<(), AppError> {
    use crate::backend::services::{hours, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let approve = match decision.as_str() {
                "approve" => true,
                "reject" => false,
                _ => return Err(AppError::field(crate::model::FORM, "err-choice-unknown")),
            };
            hours::decide(&ctx()?.db, org, user.id, entry_id, approve, now()).await
        }
        .await,
    )
}
