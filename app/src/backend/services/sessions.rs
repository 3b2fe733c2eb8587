//! Server-side sessions: a random 128-bit token in an HttpOnly cookie, its SHA-256 in the database.

use base64::Engine;
use chrono::Duration;
use rand::RngCore;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter};
use sha2::{Digest, Sha256};

use super::now;
use crate::backend::entities::session;

pub const LIFETIME_DAYS: i64 = 30;

fn key(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for the user and returns the token for the cookie.
pub async fn create(db: &impl ConnectionTrait, user_id: i32) -> Result<String, DbErr> {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let now = now();
    session::ActiveModel {
        id: Set(key(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(LIFETIME_DAYS)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user of a live session, if the token names one.
pub async fn user_of(db: &impl ConnectionTrait, token: &str) -> Result<Option<i32>, DbErr> {
    if token.is_empty() || token.len() > 64 {
        return Ok(None);
    }
    let found = session::Entity::find_by_id(key(token)).filter(session::Column::ExpiresAt.gt(now())).one(db).await?;
    Ok(found.map(|s| s.user_id))
}

/// Ends one session (logout). Unknown tokens are not an error: the result is the same.
pub async fn destroy(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(key(token)).exec(db).await?;
    Ok(())
}

/// Removes expired sessions; run periodically by the server.
pub async fn purge_expired(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    let res = session::Entity::delete_many().filter(session::Column::ExpiresAt.lte(now())).exec(db).await?;
    Ok(res.rows_affected)
}
