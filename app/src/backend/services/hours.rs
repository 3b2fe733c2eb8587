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
