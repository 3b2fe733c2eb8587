//! In-app notifications: the bell. Each one is written in the same transaction as the change it
//! tells of (beside its mail), and read in whatever language its recipient uses at the time.

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, PaginatorTrait, QueryOrder, QuerySelect};

use crate::backend::entities::notification;
use crate::model::{Bilingual, Notice};

/// What a notification is about.
pub struct About<'a> {
    pub application_id: Option<i32>,
    pub title: Bilingual,
    pub starts_at: Option<DateTime<Utc>>,
    pub detail: Option<&'a str>,
}

pub async fn add(
    txn: &impl ConnectionTrait,
    user_id: i32,
    kind: &str,
    about: About<'_>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    notification::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind.to_string()),
        application_id: Set(about.application_id),
        title_ar: Set(about.title.ar),
        title_en: Set(about.title.en),
        starts_at: Set(about.starts_at),
        detail: Set(about.detail.map(str::to_string)),
        created_at: Set(at),
        read_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

pub async fn unread(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await
}

/// The newest first.
pub async fn list(db: &impl ConnectionTrait, user_id: i32, limit: u64) -> Result<Vec<Notice>, DbErr> {
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_desc(notification::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|n| Notice {
            id: n.id,
            kind: n.kind,
            title: Bilingual { ar: n.title_ar, en: n.title_en },
            starts_at: n.starts_at,
            detail: n.detail,
            created_at: n.created_at,
            read: n.read_at.is_some(),
        })
        .collect())
}

pub async fn mark_all_read(db: &impl ConnectionTrait, user_id: i32, at: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Some(at)))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
