//! Server-side sessions: a random 128-bit token in an HttpOnly cookie, its SHA-256 in the database.

use base64::Engine;
use chrono::Duration;
use rand::RngCore;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter};
use sha2::{Digest, Sha256};

use super::now;
use crate::backend::entities::session;

/// The longest any session lives (the cookie's lifetime too).
pub const LIFETIME_DAYS: i64 = 30;

/// How long a session lives: in all, and without being used. Coordinators and admins, who can see
/// other people's data, get short ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub idle: Duration,
    pub absolute: Duration,
}

pub fn policy(staff: bool) -> Policy {
    if staff {
        Policy { idle: Duration::minutes(30), absolute: Duration::hours(12) }
    } else {
        Policy { idle: Duration::days(7), absolute: Duration::days(LIFETIME_DAYS) }
    }
}

/// Whether a session is still good under a policy at `at`.
pub fn alive(s: &session::Model, policy: Policy, at: chrono::DateTime<chrono::Utc>) -> bool {
    let last_seen = s.last_seen_at.unwrap_or(s.created_at);
    at < s.expires_at && at < s.created_at + policy.absolute && at < last_seen + policy.idle
}

/// The stored id of a session token.
pub fn key(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for the user and returns the token for the cookie. The device (User-Agent) and
/// address are kept so that the person can recognize it on `/me/security`.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i32,
    user_agent: Option<&str>,
    address: Option<std::net::IpAddr>,
) -> Result<String, DbErr> {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let now = now();
    session::ActiveModel {
        id: Set(key(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(LIFETIME_DAYS)),
        last_seen_at: Set(Some(now)),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(300).collect())),
        address: Set(address.map(|a| a.to_string())),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The session a token names, unless it has expired; whether it is still good for its user's
/// role is [`alive`]'s to say (the caller knows the role).
pub async fn find(db: &impl ConnectionTrait, token: &str) -> Result<Option<session::Model>, DbErr> {
    if token.is_empty() || token.len() > 64 {
        return Ok(None);
    }
    session::Entity::find_by_id(key(token)).filter(session::Column::ExpiresAt.gt(now())).one(db).await
}

/// The user of an unexpired session (whether it suits the user's role is checked by `auth`).
pub async fn user_of(db: &impl ConnectionTrait, token: &str) -> Result<Option<i32>, DbErr> {
    Ok(find(db, token).await?.map(|s| s.user_id))
}

/// Records that the session was used now: at most once a minute for staff, whose sessions end
/// after 30 idle minutes, and once in 15 for volunteers (a week idle), so that a crowd's page views
/// are reads, not writes.
pub async fn touch(db: &impl ConnectionTrait, s: &session::Model, policy: Policy) -> Result<(), DbErr> {
    let now = now();
    let every = (policy.idle / 30).min(Duration::minutes(15));
    if s.last_seen_at.is_some_and(|t| now - t < every) {
        return Ok(());
    }
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, sea_orm::sea_query::Expr::value(Some(now)))
        .filter(session::Column::Id.eq(s.id.clone()))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends a session found by [`find`] (it outlived its policy).
pub async fn end(db: &impl ConnectionTrait, s: &session::Model) -> Result<(), DbErr> {
    session::Entity::delete_by_id(s.id.clone()).exec(db).await?;
    Ok(())
}

/// Ends one session (logout). Unknown tokens are not an error: the result is the same.
pub async fn destroy(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(key(token)).exec(db).await?;
    Ok(())
}

/// The user's sessions, most recently used first.
pub async fn list(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<session::Model>, DbErr> {
    use sea_orm::QueryOrder;
    session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::ExpiresAt.gt(now()))
        .order_by_desc(session::Column::LastSeenAt)
        .order_by_desc(session::Column::CreatedAt)
        .all(db)
        .await
}

/// Ends one of the user's sessions by its id; `false` if the user has no such session.
pub async fn end_one(db: &impl ConnectionTrait, user_id: i32, id: &str) -> Result<bool, DbErr> {
    let res = session::Entity::delete_many()
        .filter(session::Column::Id.eq(id))
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Ends every session of the user but the one with token `keep`.
pub async fn end_others(db: &impl ConnectionTrait, user_id: i32, keep: &str) -> Result<u64, DbErr> {
    let res = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::Id.ne(key(keep)))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// Ends every session of the user (a password reset, an admin's MFA reset).
pub async fn end_all(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    let res = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(res.rows_affected)
}

/// A short description of a device from its User-Agent: browser and system (`Firefox · Android`).
pub fn device(user_agent: Option<&str>) -> (Option<&'static str>, Option<&'static str>) {
    let Some(ua) = user_agent else { return (None, None) };
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(mark, _)| ua.contains(mark))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(mark, _)| ua.contains(mark))
    .map(|(_, name)| name);
    (browser, system)
}

/// Removes expired sessions; run periodically by the server.
pub async fn purge_expired(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    let res = session::Entity::delete_many().filter(session::Column::ExpiresAt.lte(now())).exec(db).await?;
    Ok(res.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(created_hours_ago: i64, idle_minutes: i64) -> (session::Model, chrono::DateTime<chrono::Utc>) {
        let at = now();
        let created = at - Duration::hours(created_hours_ago);
        let model = session::Model {
            id: "k".into(),
            user_id: 1,
            created_at: created,
            expires_at: created + Duration::days(LIFETIME_DAYS),
            last_seen_at: Some(at - Duration::minutes(idle_minutes)),
            user_agent: None,
            address: None,
        };
        (model, at)
    }

    /// ASVS 5.0 V7.3.1, V7.3.2: idle and absolute timeouts, shorter for coordinators and admins.
    #[test]
    fn asvs_7_3_1_staff_sessions_end_after_30_minutes_idle_or_12_hours() {
        let (staff, volunteer) = (policy(true), policy(false));
        let (s, at) = session(1, 29);
        assert!(alive(&s, staff, at) && alive(&s, volunteer, at));
        let (s, at) = session(1, 31);
        assert!(!alive(&s, staff, at) && alive(&s, volunteer, at));
        let (s, at) = session(13, 1);
        assert!(!alive(&s, staff, at) && alive(&s, volunteer, at));
        let (s, at) = session(24, 7 * 24 * 60 + 1);
        assert!(!alive(&s, volunteer, at), "a week unused ends a volunteer's session");
        let (s, at) = session(24 * 30 + 1, 1);
        assert!(!alive(&s, volunteer, at), "thirty days end any session");
    }

    #[test]
    fn devices_are_named_from_the_user_agent() {
        let android = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36";
        assert_eq!(device(Some(android)), (Some("Samsung Internet"), Some("Android")));
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
        assert_eq!(device(Some(iphone)), (Some("Safari"), Some("iOS")));
        assert_eq!(device(Some("curl/8.5.0")), (None, None));
    }
}
