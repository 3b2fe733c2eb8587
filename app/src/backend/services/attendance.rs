//! Attendance and the hours it earns. A volunteer approved on a shift checks in by scanning the
//! code its coordinator shows (it changes every 30 seconds and names the shift), or the coordinator
//! marks them present, late or absent from the roster, and checks them out. A check-out nobody
//! made is closed at the shift's end and flagged, never counted past it. Each attendance writes
//! one approved line of the volunteer's hours ledger (`hour_entries`).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{entity::prelude::*, sea_query::OnConflict, ActiveValue::Set, QueryFilter, QueryOrder, TransactionTrait};

use super::applications::{self, shift_and_opportunity, shift_of};
use crate::backend::entities::{application, attendance, hour_entry, opportunity, shift};
use crate::model::{AppError, FORM};

pub const PRESENT: &str = "present";
pub const LATE: &str = "late";
pub const NO_SHOW: &str = "no_show";
pub const MARKS: [&str; 3] = [PRESENT, LATE, NO_SHOW];

/// How long one check-in code is shown.
pub const CODE_SECONDS: i64 = 30;
/// A code older than this is refused (it was on screen two steps ago).
pub const CODE_MAX_AGE_SECONDS: i64 = 60;
/// Check-in opens this long before a shift starts and closes this long after it ends.
pub const WINDOW_HOURS: i64 = 1;
/// Checking in later than this after the start counts as late.
pub const LATE_AFTER_MINUTES: i64 = 15;

/// The code of a shift for one 30-second step: a keyed hash of the shift and the step, so a code
/// names its shift and its moment, and nobody without the shift's secret can make one.
fn code_of(secret: &str, shift_id: i32, step: i64) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("tam-checkin:{secret}:{shift_id}:{step}").as_bytes());
    digest.iter().take(10).map(|b| format!("{b:02x}")).collect()
}

/// What the coordinator's check-in screen shows now: the path a phone opens (`/checkin/<shift>?t=&c=`)
/// and when the next code replaces it. The shift's secret is made on first use.
pub async fn current_code(
    db: &DatabaseConnection,
    organization_id: i32,
    shift_id: i32,
    at: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), AppError> {
    let (s, _) = shift_of(db, organization_id, shift_id).await?;
    code_path(db, &s, at).await
}

/// [`current_code`] of a shift already read (and checked to be the coordinator's).
async fn code_path(
    db: &DatabaseConnection,
    s: &shift::Model,
    at: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), AppError> {
    let secret = match &s.checkin_secret {
        Some(secret) => secret.clone(),
        None => {
            let fresh = super::tokens::random_secret();
            // Two screens opening it at once: the first secret stays.
            shift::Entity::update_many()
                .col_expr(shift::Column::CheckinSecret, Expr::value(fresh))
                .filter(shift::Column::Id.eq(s.id))
                .filter(shift::Column::CheckinSecret.is_null())
                .exec(db)
                .await?;
            shift::Entity::find_by_id(s.id).one(db).await?.and_then(|s| s.checkin_secret).ok_or(AppError::Internal)?
        }
    };
    let step = at.timestamp().div_euclid(CODE_SECONDS);
    let path = format!("/checkin/{}?t={step}&c={}", s.id, code_of(&secret, s.id, step));
    let next = DateTime::from_timestamp((step + 1) * CODE_SECONDS, 0).unwrap_or(at);
    Ok((path, next))
}

/// The volunteer checks in with a code from the shift's screen (`t`: its step, `c`: the code).
/// Refused, each with its own message: a code that is not this shift's (or made up), one older than
/// a minute, a moment outside the shift's window (an hour either side), someone not approved on it.
/// Checking in again keeps the first time.
pub async fn check_in(
    db: &DatabaseConnection,
    user_id: i32,
    shift_id: i32,
    step: i64,
    code: &str,
    at: DateTime<Utc>,
) -> Result<attendance::Model, AppError> {
    check_in_with_opportunity(db, user_id, shift_id, step, code, at).await.map(|(row, _)| row)
}

/// [`check_in`], with the opportunity it read (for the page that says where they checked in).
async fn check_in_with_opportunity(
    db: &DatabaseConnection,
    user_id: i32,
    shift_id: i32,
    step: i64,
    code: &str,
    at: DateTime<Utc>,
) -> Result<(attendance::Model, opportunity::Model), AppError> {
    let (s, o) = shift_and_opportunity(db, shift_id).await?;
    let valid = s.checkin_secret.as_deref().is_some_and(|secret| {
        let expected = code_of(secret, shift_id, step);
        // Constant time, as far as the comparison goes.
        expected.len() == code.len() && expected.bytes().zip(code.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    });
    let now_step = at.timestamp().div_euclid(CODE_SECONDS);
    if !valid || step > now_step {
        return Err(AppError::field(FORM, "err-checkin-code-invalid"));
    }
    if at.timestamp() - step * CODE_SECONDS > CODE_MAX_AGE_SECONDS {
        return Err(AppError::field(FORM, "err-checkin-code-expired"));
    }
    if at < s.starts_at - Duration::hours(WINDOW_HOURS) || at > s.ends_at + Duration::hours(WINDOW_HOURS) {
        return Err(AppError::field(FORM, "err-checkin-outside-window"));
    }
    let a = application::Entity::find()
        .filter(application::Column::ShiftId.eq(shift_id))
        .filter(application::Column::UserId.eq(user_id))
        .filter(application::Column::Status.eq(applications::APPROVED))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field(FORM, "err-checkin-not-approved"))?;
    if let Some(done) = of_application(db, a.id).await? {
        if done.checked_in_at.is_some() {
            return Ok((done, o));
        }
    }
    let status = if at > s.starts_at + Duration::minutes(LATE_AFTER_MINUTES) { LATE } else { PRESENT };
    let txn = db.begin().await?;
    let row = write(&txn, &a, &s, &o, status, Some(at), None, None, at).await?;
    // The organization's screens (its roster, its dashboard's "checked in now") hear of it.
    let new = super::events::New {
        kind: "checked-in",
        organization_id: Some(o.organization_id),
        user_id: Some(user_id),
        application_id: Some(a.id),
    };
    super::events::record(&txn, new, at).await?;
    txn.commit().await?;
    super::events::poke();
    Ok((row, o))
}

async fn of_application(db: &impl ConnectionTrait, application_id: i32) -> Result<Option<attendance::Model>, DbErr> {
    attendance::Entity::find().filter(attendance::Column::ApplicationId.eq(application_id)).one(db).await
}

/// The coordinator marks approved volunteers of one of their shifts present, late or absent. Times
/// already recorded stay (absent clears them). Marks of applications not approved on this shift
/// are refused; the others stand. Returns how many were marked.
pub async fn mark(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    shift_id: i32,
    application_ids: &[i32],
    status: &str,
    at: DateTime<Utc>,
) -> Result<usize, AppError> {
    if !MARKS.contains(&status) {
        return Err(AppError::field("mark", "err-choice-unknown"));
    }
    let (s, o) = shift_of(db, organization_id, shift_id).await?;
    if at < s.starts_at - Duration::hours(WINDOW_HOURS) {
        return Err(AppError::field(FORM, "err-attendance-too-early"));
    }
    let apps = application::Entity::find()
        .filter(application::Column::ShiftId.eq(shift_id))
        .filter(application::Column::Status.eq(applications::APPROVED))
        .filter(application::Column::Id.is_in(application_ids.to_vec()))
        .all(db)
        .await?;
    let txn = db.begin().await?;
    // The first statement writes (the shift's row): SQLite takes the writer's lock before the marks
    // are read (reading first fails as "database is locked" when another write lands in between),
    // and on PostgreSQL two marks of one shift go one after the other.
    shift::Entity::update_many()
        .col_expr(shift::Column::Taken, Expr::col(shift::Column::Taken).into())
        .filter(shift::Column::Id.eq(shift_id))
        .exec(&txn)
        .await?;
    for a in &apps {
        let before = of_application(&txn, a.id).await?;
        let (checked_in, checked_out) = match (status, &before) {
            (NO_SHOW, _) | (_, None) => (None, None),
            (_, Some(b)) => (b.checked_in_at, b.checked_out_at),
        };
        write(&txn, a, &s, &o, status, checked_in, checked_out, Some(coordinator), at).await?;
    }
    txn.commit().await?;
    Ok(apps.len())
}

/// The coordinator checks a volunteer out (at `at`, or at the shift's end if that came first).
pub async fn check_out(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    application_id: i32,
    at: DateTime<Utc>,
) -> Result<attendance::Model, AppError> {
    let (a, s, o) = applications::of_organization(db, organization_id, application_id).await?;
    let before = of_application(db, a.id).await?;
    let Some(b) = before.filter(|b| b.status != NO_SHOW && b.checked_in_at.is_some()) else {
        return Err(AppError::field(FORM, "err-checkout-not-in"));
    };
    let txn = db.begin().await?;
    let row =
        write(&txn, &a, &s, &o, &b.status, b.checked_in_at, Some(at.min(s.ends_at)), Some(coordinator), at).await?;
    txn.commit().await?;
    Ok(row)
}

/// Closes the check-outs nobody made, at their shift's end, flagged (the minute job). Returns how
/// many were closed.
pub async fn close_forgotten(db: &DatabaseConnection, at: DateTime<Utc>) -> Result<usize, DbErr> {
    let open = attendance::Entity::find()
        .filter(attendance::Column::CheckedInAt.is_not_null())
        .filter(attendance::Column::CheckedOutAt.is_null())
        .filter(attendance::Column::Status.ne(NO_SHOW))
        .all(db)
        .await?;
    let ended = shift::Entity::find()
        .filter(shift::Column::Id.is_in(open.iter().map(|r| r.shift_id).collect::<Vec<_>>()))
        .filter(shift::Column::EndsAt.lte(at))
        .all(db)
        .await?;
    let mut closed = 0;
    for row in open {
        let Some(s) = ended.iter().find(|s| s.id == row.shift_id) else { continue };
        let txn = db.begin().await?;
        // Once, even with two processes: only a row still open is closed.
        let done = attendance::Entity::update_many()
            .col_expr(attendance::Column::CheckedOutAt, Expr::value(s.ends_at))
            .col_expr(attendance::Column::CheckoutMissing, Expr::value(true))
            .col_expr(attendance::Column::UpdatedAt, Expr::value(at))
            .filter(attendance::Column::Id.eq(row.id))
            .filter(attendance::Column::CheckedOutAt.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            let minutes = minutes_of(&s, row.checked_in_at, Some(s.ends_at), &row.status);
            ledger(&txn, &row, minutes, s.starts_at, at).await?;
            closed += 1;
        }
        txn.commit().await?;
    }
    Ok(closed)
}

/// The minutes an attendance earns, within the shift only: from the check-in (or the start) to the
/// check-out (or the end); absent earns none.
fn minutes_of(
    s: &shift::Model,
    checked_in: Option<DateTime<Utc>>,
    checked_out: Option<DateTime<Utc>>,
    status: &str,
) -> i32 {
    if status == NO_SHOW {
        return 0;
    }
    let from = checked_in.map_or(s.starts_at, |t| t.max(s.starts_at));
    let to = checked_out.map_or(s.ends_at, |t| t.min(s.ends_at));
    (to - from).num_minutes().max(0) as i32
}

#[allow(clippy::too_many_arguments)]
async fn write(
    txn: &impl ConnectionTrait,
    a: &application::Model,
    s: &shift::Model,
    o: &opportunity::Model,
    status: &str,
    checked_in: Option<DateTime<Utc>>,
    checked_out: Option<DateTime<Utc>>,
    marked_by: Option<i32>,
    at: DateTime<Utc>,
) -> Result<attendance::Model, DbErr> {
    attendance::Entity::insert(attendance::ActiveModel {
        application_id: Set(a.id),
        shift_id: Set(s.id),
        user_id: Set(a.user_id),
        organization_id: Set(o.organization_id),
        status: Set(status.to_string()),
        checked_in_at: Set(checked_in),
        checked_out_at: Set(checked_out),
        checkout_missing: Set(false),
        marked_by: Set(marked_by),
        updated_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(attendance::Column::ApplicationId)
            .update_columns([
                attendance::Column::Status,
                attendance::Column::CheckedInAt,
                attendance::Column::CheckedOutAt,
                attendance::Column::CheckoutMissing,
                attendance::Column::MarkedBy,
                attendance::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(txn)
    .await?;
    let row = of_application(txn, a.id).await?.ok_or_else(|| DbErr::RecordNotFound("attendance".into()))?;
    ledger(txn, &row, minutes_of(s, checked_in, checked_out, status), s.starts_at, at).await?;
    super::rollups::person(txn, row.user_id).await?;
    Ok(row)
}

/// The attendance's line of the ledger: approved, its minutes; none when it earns nothing.
async fn ledger(
    txn: &impl ConnectionTrait,
    row: &attendance::Model,
    minutes: i32,
    starts_at: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let worked_on = crate::clock::date(starts_at);
    // The same hours stay the same line: certificates count lines approved by their issue.
    let before = hour_entry::Entity::find().filter(hour_entry::Column::AttendanceId.eq(row.id)).one(txn).await?;
    if before.as_ref().is_some_and(|b| b.minutes == minutes && b.worked_on == worked_on) {
        return Ok(());
    }
    if let Some(b) = before.filter(|b| b.status == super::hours::APPROVED) {
        // The line read under the attendance's lock (its upsert came first): taken away once.
        super::rollups::hours(txn, b.worked_on, b.organization_id, -i64::from(b.minutes)).await?;
    }
    hour_entry::Entity::delete_many().filter(hour_entry::Column::AttendanceId.eq(row.id)).exec(txn).await?;
    if minutes == 0 {
        return Ok(());
    }
    super::rollups::hours(txn, worked_on, row.organization_id, i64::from(minutes)).await?;
    hour_entry::ActiveModel {
        user_id: Set(row.user_id),
        organization_id: Set(row.organization_id),
        attendance_id: Set(Some(row.id)),
        activity: Set(None),
        worked_on: Set(worked_on),
        minutes: Set(minutes),
        status: Set(super::hours::APPROVED.to_string()),
        note: Set(None),
        decided_by: Set(row.marked_by),
        decided_at: Set(Some(at)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    super::tiers::reached(txn, row.user_id, at).await
}

/// A shift's attendance, by application.
pub async fn of_shift(db: &DatabaseConnection, shift_id: i32) -> Result<Vec<attendance::Model>, DbErr> {
    attendance::Entity::find()
        .filter(attendance::Column::ShiftId.eq(shift_id))
        .order_by_asc(attendance::Column::ApplicationId)
        .all(db)
        .await
}

/// The coordinator's check-in screen for a shift of theirs: the code of the moment as a QR code of
/// the full address (`site` + path) and as a link.
pub async fn screen(
    db: &DatabaseConnection,
    organization_id: i32,
    shift_id: i32,
    site: &str,
    at: DateTime<Utc>,
) -> Result<crate::model::CheckinScreen, AppError> {
    let (s, o) = shift_of(db, organization_id, shift_id).await?;
    let (path, _) = code_path(db, &s, at).await?;
    let url = format!("{}{path}", site.trim_end_matches('/'));
    let qr_svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(|_| AppError::Internal)?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(280, 280)
        .build();
    Ok(crate::model::CheckinScreen {
        shift: crate::model::ShiftSummary {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            taken: s.taken,
            capacity: s.capacity,
        },
        opportunity: applications::title_of(&o),
        url,
        qr_svg,
    })
}

/// [`check_in`], as the volunteer's page shows it.
pub async fn check_in_here(
    db: &DatabaseConnection,
    user_id: i32,
    shift_id: i32,
    step: i64,
    code: &str,
    at: DateTime<Utc>,
) -> Result<crate::model::CheckedIn, AppError> {
    let (row, o) = check_in_with_opportunity(db, user_id, shift_id, step, code, at).await?;
    Ok(crate::model::CheckedIn {
        opportunity: applications::title_of(&o),
        at: row.checked_in_at.unwrap_or(at),
        late: row.status == LATE,
    })
}

/// The volunteer's approved hours by organization and year, newest year first.
pub async fn my_hours(db: &DatabaseConnection, user_id: i32) -> Result<Vec<crate::model::HoursRow>, DbErr> {
    use crate::backend::entities::organization;
    let totals = super::hours::totals(db, user_id).await?;
    let ids: Vec<i32> = totals.iter().map(|(o, _, _)| *o).collect();
    let orgs = organization::Entity::find().filter(organization::Column::Id.is_in(ids)).all(db).await?;
    Ok(totals
        .into_iter()
        .filter_map(|(o, year, minutes)| {
            let org = orgs.iter().find(|g| g.id == o)?;
            Some(crate::model::HoursRow {
                organization: crate::model::LocalizedName { ar: org.name_ar.clone(), en: org.name_en.clone() },
                year,
                minutes,
            })
        })
        .collect())
}
