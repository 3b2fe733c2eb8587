//! Recognition tiers: a volunteer reaches a tier when their approved hours pass its threshold.
//! Admins set the tiers. Whatever changes approved hours calls [`reached`] in its transaction, so
//! a volunteer is told of a tier (a notification and a mail) once, when they reach it; a tier
//! reached is kept as told even if hours are later revoked, while `/me` shows the tier the hours
//! stand at now.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, QueryOrder, QuerySelect};

use super::{mail, notifications};
use crate::backend::entities::{hour_entry, tier, tier_award, user};
use crate::model::{AppError, Bilingual, FieldError, LocalizedName, TierProgress, TierRow};

/// The tiers, lowest first.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<TierRow>, DbErr> {
    Ok(tier::Entity::find()
        .order_by_asc(tier::Column::MinHours)
        .all(db)
        .await?
        .into_iter()
        .map(|t| TierRow { id: t.id, name: LocalizedName { ar: t.name_ar, en: t.name_en }, min_hours: t.min_hours })
        .collect())
}

/// A tier as an admin types it.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub name_ar: String,
    pub name_en: String,
    pub min_hours: String,
}

fn check(draft: &Draft) -> Result<(String, String, i32), AppError> {
    let mut errors = Vec::new();
    let name_ar = draft.name_ar.trim().to_string();
    let name_en = draft.name_en.trim().to_string();
    for (field, v) in [("name_ar", &name_ar), ("name_en", &name_en)] {
        if v.is_empty() {
            errors.push(FieldError::new(field, "err-required"));
        } else if v.chars().count() > 60 {
            errors.push(FieldError::new(field, "err-text-too-long"));
        }
    }
    let digits = crate::model::inputs::latin_digits(draft.min_hours.trim());
    let hours = match digits.parse::<i32>() {
        Ok(h) if (1..=100_000).contains(&h) => h,
        _ => {
            errors.push(FieldError::new("min_hours", "err-tier-hours"));
            0
        }
    };
    if errors.is_empty() {
        Ok((name_ar, name_en, hours))
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Adds a tier (`id` none) or changes one. Two tiers cannot share a threshold. Volunteers already
/// past a new or lowered threshold are told the next time their hours change.
pub async fn save(db: &DatabaseConnection, id: Option<i32>, draft: &Draft, at: DateTime<Utc>) -> Result<(), AppError> {
    let (name_ar, name_en, min_hours) = check(draft)?;
    let clash = tier::Entity::find()
        .filter(tier::Column::MinHours.eq(min_hours))
        .filter(tier::Column::Id.ne(id.unwrap_or(0)))
        .one(db)
        .await?;
    if clash.is_some() {
        return Err(AppError::field("min_hours", "err-tier-taken"));
    }
    match id {
        Some(id) => {
            let done = tier::Entity::update_many()
                .col_expr(tier::Column::NameAr, Expr::value(name_ar))
                .col_expr(tier::Column::NameEn, Expr::value(name_en))
                .col_expr(tier::Column::MinHours, Expr::value(min_hours))
                .filter(tier::Column::Id.eq(id))
                .exec(db)
                .await?;
            if done.rows_affected == 0 {
                return Err(AppError::NotFound);
            }
        }
        None => {
            tier::ActiveModel {
                name_ar: Set(name_ar),
                name_en: Set(name_en),
                min_hours: Set(min_hours),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

pub async fn remove(db: &DatabaseConnection, id: i32) -> Result<(), AppError> {
    let done = tier::Entity::delete_by_id(id).exec(db).await?;
    if done.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// A volunteer's approved minutes, all organizations, one sum in the database.
pub async fn approved_minutes(db: &impl ConnectionTrait, user_id: i32) -> Result<i64, DbErr> {
    let sum: Option<Option<i64>> = hour_entry::Entity::find()
        .select_only()
        .column_as(hour_entry::Column::Minutes.sum(), "total")
        .filter(hour_entry::Column::UserId.eq(user_id))
        .filter(hour_entry::Column::Status.eq(super::hours::APPROVED))
        .into_tuple()
        .one(db)
        .await?;
    Ok(sum.flatten().unwrap_or(0))
}

/// The tier `minutes` of approved hours stand at, and the next one.
pub fn standing(tiers: &[TierRow], minutes: i64) -> (Option<TierRow>, Option<TierRow>) {
    let current = tiers.iter().rev().find(|t| i64::from(t.min_hours) * 60 <= minutes).cloned();
    let next = tiers.iter().find(|t| i64::from(t.min_hours) * 60 > minutes).cloned();
    (current, next)
}

/// What `/me` shows: approved hours, the tier they stand at and how far the next one is.
pub async fn progress(db: &impl ConnectionTrait, user_id: i32) -> Result<TierProgress, DbErr> {
    let minutes = approved_minutes(db, user_id).await?;
    let (current, next) = standing(&list(db).await?, minutes);
    Ok(TierProgress { minutes, current, next })
}

/// Call after a volunteer's approved hours changed, in that transaction: tiers newly reached are
/// recorded and told (a notification and a mail each), once even when two changes race (the
/// award is unique per volunteer and tier).
pub async fn reached(txn: &impl ConnectionTrait, user_id: i32, at: DateTime<Utc>) -> Result<(), DbErr> {
    let minutes = approved_minutes(txn, user_id).await?;
    let due: Vec<TierRow> = list(txn).await?.into_iter().filter(|t| i64::from(t.min_hours) * 60 <= minutes).collect();
    if due.is_empty() {
        return Ok(());
    }
    let told: Vec<i32> = tier_award::Entity::find()
        .select_only()
        .column(tier_award::Column::TierId)
        .filter(tier_award::Column::UserId.eq(user_id))
        .into_tuple()
        .all(txn)
        .await?;
    let Some(volunteer) = user::Entity::find_by_id(user_id).one(txn).await? else { return Ok(()) };
    for t in due.into_iter().filter(|t| !told.contains(&t.id)) {
        let inserted = tier_award::Entity::insert(tier_award::ActiveModel {
            user_id: Set(user_id),
            tier_id: Set(t.id),
            reached_at: Set(at),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([tier_award::Column::UserId, tier_award::Column::TierId]).do_nothing().to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
        if inserted == 0 || volunteer.deleted_at.is_some() {
            continue;
        }
        let lang = crate::i18n::Lang::from_tag(&volunteer.lang).unwrap_or_default();
        let detail = crate::i18n::translate_args(
            lang,
            "tier-reached-detail",
            &[("tier", crate::i18n::text(t.name.get(lang))), ("hours", crate::i18n::num(t.min_hours))],
        );
        mail::enqueue(
            txn,
            mail::Letter {
                kind: "tier",
                to: &volunteer.email,
                lang,
                name: &volunteer.full_name,
                link: None,
                detail: Some(&detail),
            },
        )
        .await?;
        let title = Bilingual { ar: Some(t.name.ar.clone()), en: Some(t.name.en.clone()) };
        let about = notifications::About { application_id: None, title, starts_at: None, detail: None };
        notifications::add(txn, user_id, "tier", about, at).await?;
    }
    Ok(())
}
