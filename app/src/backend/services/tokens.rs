//! Single-use secrets handed to one person: the link that verifies an address, the link that
//! resets a password, the second step of a login. Only the SHA-256 of a secret is stored; using
//! one is one atomic update, so a secret used twice at once works once. Every function takes the
//! time (`at`), so tests can move the clock.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter};

use crate::backend::entities::token;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Proves the address is the person's (48 hours).
    VerifyEmail,
    /// Sets a new password (30 minutes).
    ResetPassword,
    /// The password was right; the TOTP code is next (10 minutes).
    LoginCode,
    /// A minor's guardian consents to their volunteering (7 days).
    GuardianConsent,
}

impl Purpose {
    fn name(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify",
            Purpose::ResetPassword => "reset",
            Purpose::LoginCode => "login-code",
            Purpose::GuardianConsent => "guardian",
        }
    }

    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::VerifyEmail => Duration::hours(48),
            Purpose::ResetPassword => Duration::minutes(30),
            Purpose::LoginCode => Duration::minutes(10),
            Purpose::GuardianConsent => Duration::days(7),
        }
    }
}

/// The stored key of a secret.
pub fn key(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// 128 random bits, URL-safe.
pub fn random_secret() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A new secret for the user; earlier unused ones of the same purpose stop working, except a
/// login's second step: that secret lives in one browser's cookie, so a person signing in on their
/// phone and their laptop at once keeps both (each expires in 10 minutes, and code guesses are
/// counted per account, not per step).
pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: i32,
    purpose: Purpose,
    at: DateTime<Utc>,
) -> Result<String, DbErr> {
    let mut stale = token::Entity::delete_many()
        .filter(token::Column::UserId.eq(user_id))
        .filter(token::Column::Purpose.eq(purpose.name()))
        .filter(token::Column::UsedAt.is_null());
    if purpose == Purpose::LoginCode {
        stale = stale.filter(token::Column::ExpiresAt.lte(at));
    }
    stale.exec(db).await?;
    let secret = random_secret();
    token::ActiveModel {
        id: Set(key(&secret)),
        user_id: Set(user_id),
        purpose: Set(purpose.name().to_string()),
        created_at: Set(at),
        expires_at: Set(at + purpose.lifetime()),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

fn looks_like_a_secret(secret: &str) -> bool {
    !secret.is_empty() && secret.len() <= 64
}

/// The user a secret is good for at `at`, without using it.
pub async fn peek(
    db: &impl ConnectionTrait,
    secret: &str,
    purpose: Purpose,
    at: DateTime<Utc>,
) -> Result<Option<i32>, DbErr> {
    if !looks_like_a_secret(secret) {
        return Ok(None);
    }
    Ok(token::Entity::find_by_id(key(secret))
        .filter(token::Column::Purpose.eq(purpose.name()))
        .filter(token::Column::UsedAt.is_null())
        .filter(token::Column::ExpiresAt.gt(at))
        .one(db)
        .await?
        .map(|t| t.user_id))
}

/// Uses a secret: its user, once; `None` if it is unknown, used or expired.
pub async fn consume(
    db: &impl ConnectionTrait,
    secret: &str,
    purpose: Purpose,
    at: DateTime<Utc>,
) -> Result<Option<i32>, DbErr> {
    let Some(user_id) = peek(db, secret, purpose, at).await? else { return Ok(None) };
    let used = token::Entity::update_many()
        .col_expr(token::Column::UsedAt, Expr::value(Some(at)))
        .filter(token::Column::Id.eq(key(secret)))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok((used.rows_affected == 1).then_some(user_id))
}

/// [`consume`] for a link a person followed: an unknown, used or expired one is refused with
/// "this link is not valid any more", above the form's button.
pub async fn use_link(
    db: &impl ConnectionTrait,
    secret: &str,
    purpose: Purpose,
    at: DateTime<Utc>,
) -> Result<i32, crate::model::AppError> {
    consume(db, secret, purpose, at).await?.ok_or_else(link_invalid)
}

/// The refusal of a link that is unknown, used or expired.
pub fn link_invalid() -> crate::model::AppError {
    crate::model::AppError::field(crate::model::FORM, "err-link-invalid")
}

/// Removes secrets that expired a day ago or more (run periodically).
pub async fn purge(db: &impl ConnectionTrait, at: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(token::Entity::delete_many()
        .filter(token::Column::ExpiresAt.lt(at - Duration::days(1)))
        .exec(db)
        .await?
        .rows_affected)
}
