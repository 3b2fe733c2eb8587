//! Qualifications volunteers hold and opportunities require. An opportunity that requires one
//! accepts only volunteers who hold it, unexpired when the shift starts ([`holds`]). Grants come
//! from training (the training issue) and, until then, from the demo data and tests ([`grant`]).

use chrono::{DateTime, Months, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::backend::entities::{qualification, volunteer_qualification};
use crate::model::{LocalizedName, QualificationChoice};

/// A new qualification, the network's (`organization_id` none) or an organization's.
pub async fn create(
    db: &impl ConnectionTrait,
    organization_id: Option<i32>,
    name: &LocalizedName,
    valid_months: Option<i32>,
    at: DateTime<Utc>,
) -> Result<qualification::Model, DbErr> {
    use sea_orm::ActiveModelTrait;
    qualification::ActiveModel {
        organization_id: Set(organization_id),
        name_ar: Set(name.ar.clone()),
        name_en: Set(name.en.clone()),
        valid_months: Set(valid_months),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Every qualification an opportunity can require, by English name.
pub async fn choices(db: &impl ConnectionTrait) -> Result<Vec<QualificationChoice>, DbErr> {
    Ok(qualification::Entity::find()
        .order_by_asc(qualification::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|q| QualificationChoice { id: q.id, name: LocalizedName { ar: q.name_ar, en: q.name_en } })
        .collect())
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<qualification::Model>, DbErr> {
    qualification::Entity::find_by_id(id).one(db).await
}

/// Grants (or renews) a qualification from `at`, lasting its `valid_months`.
pub async fn grant(
    db: &impl ConnectionTrait,
    user_id: i32,
    qualification_id: i32,
    at: DateTime<Utc>,
) -> Result<volunteer_qualification::Model, DbErr> {
    let q = find(db, qualification_id).await?.ok_or_else(|| DbErr::RecordNotFound("qualification".into()))?;
    grant_for(db, user_id, qualification_id, at, q.valid_months).await
}

/// Grants (or renews) a qualification from `at` for `months` (a course's own duration); none: for
/// good. A renewal clears the expiry warning, so the new expiry is warned of in turn.
pub async fn grant_for(
    db: &impl ConnectionTrait,
    user_id: i32,
    qualification_id: i32,
    at: DateTime<Utc>,
    months: Option<i32>,
) -> Result<volunteer_qualification::Model, DbErr> {
    let expires_at = months.and_then(|m| at.checked_add_months(Months::new(m.max(0) as u32)));
    volunteer_qualification::Entity::insert(volunteer_qualification::ActiveModel {
        user_id: Set(user_id),
        qualification_id: Set(qualification_id),
        granted_at: Set(at),
        expires_at: Set(expires_at),
        warned_at: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            volunteer_qualification::Column::UserId,
            volunteer_qualification::Column::QualificationId,
        ])
        .update_columns([
            volunteer_qualification::Column::GrantedAt,
            volunteer_qualification::Column::ExpiresAt,
            volunteer_qualification::Column::WarnedAt,
        ])
        .to_owned(),
    )
    .exec(db)
    .await?;
    volunteer_qualification::Entity::find()
        .filter(volunteer_qualification::Column::UserId.eq(user_id))
        .filter(volunteer_qualification::Column::QualificationId.eq(qualification_id))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("volunteer qualification".into()))
}

/// Does the volunteer hold the qualification, still valid at `on`?
pub async fn holds(
    db: &impl ConnectionTrait,
    user_id: i32,
    qualification_id: i32,
    on: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(held(db, user_id).await?.iter().any(|(q, until)| *q == qualification_id && until.is_none_or(|u| u > on)))
}

/// The volunteer's qualifications: `(qualification, valid until)`, none when it does not expire.
pub async fn held(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<(i32, Option<DateTime<Utc>>)>, DbErr> {
    Ok(volunteer_qualification::Entity::find()
        .filter(volunteer_qualification::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.qualification_id, v.expires_at))
        .collect())
}
