//! A volunteer's hours ledger: what attendance wrote (approved as recorded) and, later, hours they
//! report themselves for a coordinator to approve. Totals count approved lines only.

use chrono::Datelike;
use sea_orm::{entity::prelude::*, QueryFilter};

use crate::backend::entities::hour_entry;

pub const APPROVED: &str = "approved";
pub const PENDING: &str = "pending";
pub const REJECTED: &str = "rejected";

/// Approved minutes by organization and year: `(organization, year, minutes)`, by year then
/// organization.
pub async fn totals(db: &DatabaseConnection, user_id: i32) -> Result<Vec<(i32, i32, i64)>, DbErr> {
    let rows = hour_entry::Entity::find()
        .filter(hour_entry::Column::UserId.eq(user_id))
        .filter(hour_entry::Column::Status.eq(APPROVED))
        .all(db)
        .await?;
    let mut out: Vec<(i32, i32, i64)> = Vec::new();
    for r in rows {
        let key = (r.organization_id, r.worked_on.year());
        match out.iter_mut().find(|(o, y, _)| (*o, *y) == key) {
            Some(t) => t.2 += i64::from(r.minutes),
            None => out.push((key.0, key.1, i64::from(r.minutes))),
        }
    }
    out.sort_by_key(|(o, y, _)| (std::cmp::Reverse(*y), *o));
    Ok(out)
}

/// All of a volunteer's approved minutes.
pub async fn total_minutes(db: &DatabaseConnection, user_id: i32) -> Result<i64, DbErr> {
    Ok(totals(db, user_id).await?.iter().map(|(_, _, m)| m).sum())
}

/// Hours a volunteer reports, as typed.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The organization's id: one they were approved for a shift of.
    pub organization: String,
    pub activity: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Hours, with a decimal point or comma (`2.5`, `٢٫٥`).
    pub hours: String,
    pub note: String,
}

/// The organizations a volunteer may report hours to: those that approved them for a shift.
pub async fn organizations_of(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<(i32, crate::model::LocalizedName)>, DbErr> {
    let rows = db
        .query_all_raw(super::dashboard::stmt(
            db,
            "SELECT DISTINCT g.id, g.name_ar, g.name_en FROM applications a JOIN shifts s ON s.id = a.shift_id \
             JOIN opportunities o ON o.id = s.opportunity_id JOIN organizations g ON g.id = o.organization_id \
             WHERE a.user_id = ? AND a.status = ?",
            vec![user_id.into(), super::applications::APPROVED.into()],
        ))
        .await?;
    let mut orgs = rows
        .iter()
        .map(|r| {
            Ok((
                r.try_get::<i32>("", "id")?,
                crate::model::LocalizedName { ar: r.try_get("", "name_ar")?, en: r.try_get("", "name_en")? },
            ))
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    orgs.sort_by(|a, b| a.1.en.cmp(&b.1.en));
    Ok(orgs)
}

/// The volunteer reports hours to an organization, for its coordinators to approve. Every field
/// is checked, all errors at once: the organization (one that approved them), the activity, a
/// date in the last year and not to come, from a quarter of an hour to 24 hours, an optional note.
pub async fn report(
    db: &DatabaseConnection,
    user_id: i32,
    r: &Report,
    today: chrono::NaiveDate,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<hour_entry::Model, crate::model::AppError> {
    use crate::model::{inputs::latin_digits, AppError, FieldError};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let mut e: Vec<FieldError> = Vec::new();
    let mine = organizations_of(db, user_id).await?;
    let organization =
        latin_digits(r.organization.trim()).parse::<i32>().ok().filter(|o| mine.iter().any(|(id, _)| id == o));
    if organization.is_none() {
        e.push(FieldError::new(
            "organization",
            if r.organization.trim().is_empty() { "err-required" } else { "err-choice-unknown" },
        ));
    }
    let activity = match super::opportunities::text(&r.activity, 200) {
        Ok(Some(a)) => Some(a),
        Ok(None) => {
            e.push(FieldError::new("activity", "err-required"));
            None
        }
        Err(m) => {
            e.push(FieldError::new("activity", m));
            None
        }
    };
    let date = match chrono::NaiveDate::parse_from_str(latin_digits(r.date.trim()).as_str(), "%Y-%m-%d") {
        Ok(d) if d > today => {
            e.push(FieldError::new("date", "err-date-future"));
            None
        }
        Ok(d) if d < today - chrono::Duration::days(365) => {
            e.push(FieldError::new("date", "err-hours-date-old"));
            None
        }
        Ok(d) => Some(d),
        Err(_) if r.date.trim().is_empty() => {
            e.push(FieldError::new("date", "err-required"));
            None
        }
        Err(_) => {
            e.push(FieldError::new("date", "err-date-invalid"));
            None
        }
    };
    let typed = latin_digits(r.hours.trim()).replace(['٫', ','], ".");
    let minutes = match typed.parse::<f64>() {
        Ok(h) if h.is_finite() && (0.25..=24.0).contains(&h) => Some((h * 60.0).round() as i32),
        _ if typed.is_empty() => {
            e.push(FieldError::new("hours", "err-required"));
            None
        }
        _ => {
            e.push(FieldError::new("hours", "err-hours-range"));
            None
        }
    };
    let note = super::opportunities::text(&r.note, 600).map_err(|m| e.push(FieldError::new("note", m))).ok().flatten();
    let (Some(organization), Some(activity), Some(date), Some(minutes)) = (organization, activity, date, minutes)
    else {
        return Err(AppError::Validation(e));
    };
    if !e.is_empty() {
        return Err(AppError::Validation(e));
    }
    Ok(hour_entry::ActiveModel {
        user_id: Set(user_id),
        organization_id: Set(organization),
        attendance_id: Set(None),
        activity: Set(Some(activity)),
        worked_on: Set(date),
        minutes: Set(minutes),
        status: Set(PENDING.to_string()),
        note: Set(note),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A coordinator approves or rejects reported hours of their organization (another's are not
/// found; attendance lines are not theirs to decide). Decided once.
pub async fn decide(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    entry_id: i64,
    approve: bool,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), crate::model::AppError> {
    use crate::model::{AppError, FORM};
    use sea_orm::TransactionTrait;
    let entry = hour_entry::Entity::find_by_id(entry_id)
        .filter(hour_entry::Column::OrganizationId.eq(organization_id))
        .filter(hour_entry::Column::AttendanceId.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = db.begin().await?;
    let done = hour_entry::Entity::update_many()
        .col_expr(hour_entry::Column::Status, Expr::value(if approve { APPROVED } else { REJECTED }))
        .col_expr(hour_entry::Column::DecidedBy, Expr::value(coordinator))
        .col_expr(hour_entry::Column::DecidedAt, Expr::value(at))
        .filter(hour_entry::Column::Id.eq(entry_id))
        .filter(hour_entry::Column::Status.eq(PENDING))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::field(FORM, "err-hours-decided"));
    }
    if approve {
        super::rollups::hours(&txn, entry.worked_on, entry.organization_id, i64::from(entry.minutes)).await?;
        super::tiers::reached(&txn, entry.user_id, at).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Reported hours waiting for this organization's decision, oldest first, with who reported them.
pub async fn pending_of(
    db: &DatabaseConnection,
    organization_id: i32,
) -> Result<Vec<crate::model::HoursReportRow>, DbErr> {
    use crate::backend::entities::user;
    use sea_orm::QueryOrder;
    let rows = hour_entry::Entity::find()
        .filter(hour_entry::Column::OrganizationId.eq(organization_id))
        .filter(hour_entry::Column::AttendanceId.is_null())
        .filter(hour_entry::Column::Status.eq(PENDING))
        .order_by_asc(hour_entry::Column::Id)
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let u = users.iter().find(|u| u.id == r.user_id)?;
            Some(crate::model::HoursReportRow {
                id: r.id,
                who: u.full_name.clone(),
                organization: None,
                activity: r.activity.unwrap_or_default(),
                worked_on: r.worked_on,
                minutes: r.minutes,
                status: r.status,
                note: r.note,
            })
        })
        .collect())
}

/// The volunteer's own reports, newest first (the last 20).
pub async fn reports_of(db: &DatabaseConnection, user_id: i32) -> Result<Vec<crate::model::HoursReportRow>, DbErr> {
    use crate::backend::entities::organization;
    use sea_orm::{QueryOrder, QuerySelect};
    let rows = hour_entry::Entity::find()
        .filter(hour_entry::Column::UserId.eq(user_id))
        .filter(hour_entry::Column::AttendanceId.is_null())
        .order_by_desc(hour_entry::Column::Id)
        .limit(20)
        .all(db)
        .await?;
    let orgs = organization::Entity::find()
        .filter(organization::Column::Id.is_in(rows.iter().map(|r| r.organization_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::model::HoursReportRow {
            id: r.id,
            who: String::new(),
            organization: orgs
                .iter()
                .find(|o| o.id == r.organization_id)
                .map(|o| crate::model::LocalizedName { ar: o.name_ar.clone(), en: o.name_en.clone() }),
            activity: r.activity.unwrap_or_default(),
            worked_on: r.worked_on,
            minutes: r.minutes,
            status: r.status,
            note: r.note,
        })
        .collect())
}
