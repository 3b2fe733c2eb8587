//! Email verification: a single-use link, stored hashed, valid 48 hours. Unverified accounts can
//! use the site, but cannot be made coordinators or admins.

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, QueryFilter, TransactionTrait};

use super::tokens::{self, Purpose};
use super::{accounts, audit, mail, throttle};
use crate::backend::entities::user;
use crate::model::AppError;

/// Mails a verification link to the user (write it in the transaction that needs it).
pub async fn send(db: &impl ConnectionTrait, user: &user::Model, site: &str, at: DateTime<Utc>) -> Result<(), DbErr> {
    let secret = tokens::issue(db, user.id, Purpose::VerifyEmail, at).await?;
    mail::enqueue(
        db,
        mail::Letter {
            kind: "verify",
            to: &user.email,
            lang: accounts::user_lang(user),
            name: &user.full_name,
            link: Some(format!("{site}/verify?token={secret}")),
            detail: None,
        },
    )
    .await?;
    Ok(())
}

/// A new link, on request (the button on `/me`); nothing if the address is already verified.
pub async fn resend(db: &DatabaseConnection, user_id: i32, site: &str) -> Result<(), AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::NotFound)?;
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    if !throttle::take(db, &format!("verify-resend:{user_id}"), throttle::VERIFY_RESEND_PER_ACCOUNT).await? {
        return Err(AppError::RateLimited);
    }
    let txn = db.begin().await?;
    send(&txn, &user, site, super::now()).await?;
    txn.commit().await?;
    Ok(())
}

/// Uses a verification link: the address is verified, once.
pub async fn verify(
    db: &DatabaseConnection,
    secret: &str,
    at: DateTime<Utc>,
    client: Option<std::net::IpAddr>,
) -> Result<i32, AppError> {
    let txn = db.begin().await?;
    let user_id = tokens::use_link(&txn, secret, Purpose::VerifyEmail, at).await?;
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(Some(at)))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(&txn)
        .await?;
    audit::Event::new(audit::Kind::EmailVerified, audit::Outcome::Ok, Some(user_id), client).record(&txn).await?;
    txn.commit().await?;
    Ok(user_id)
}
