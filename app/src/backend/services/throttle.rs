//! Throttling: attempts counted per bucket in fixed windows, taken *before* the work they guard.
//!
//! Taking an attempt is one atomic statement (an upsert that returns the new count), so however
//! many requests race, at most `max` of them see a count within the limit: 200 parallel password
//! guesses let at most 10 reach Argon2. Buckets are keyed by what they protect:
//! - a login for one account from one client address: the guesser is slowed, while the owner,
//!   from anywhere else, is not (nobody can lock someone else out);
//! - every login from one client address (password spraying across accounts);
//! - registrations from one client address (mass registration).
//!
//! Limits are generous per address because many people share one (mobile carriers' NAT).

use std::net::IpAddr;

use chrono::Duration;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, Statement};

use super::now;

#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: i64,
    pub window_minutes: i64,
}

/// Logins for one account from one address.
pub const LOGIN_PER_ACCOUNT_AND_ADDRESS: Limit = Limit { max: 10, window_minutes: 15 };
/// Logins from one address, whatever the account.
pub const LOGIN_PER_ADDRESS: Limit = Limit { max: 100, window_minutes: 15 };
/// New accounts from one address.
pub const REGISTRATION_PER_ADDRESS: Limit = Limit { max: 20, window_minutes: 60 };
/// Password reset requests from one address, whatever the account.
pub const RESET_PER_ADDRESS: Limit = Limit { max: 10, window_minutes: 60 };
/// Reset mails to one account (beyond this the request is answered the same, and nothing is sent).
pub const RESET_PER_ACCOUNT: Limit = Limit { max: 3, window_minutes: 60 };
/// Verification mails one person can ask for again.
pub const VERIFY_RESEND_PER_ACCOUNT: Limit = Limit { max: 5, window_minutes: 60 };
/// Second-step codes (TOTP or recovery) tried for one account.
pub const LOGIN_CODE_PER_ACCOUNT: Limit = Limit { max: 10, window_minutes: 15 };

/// Consent mails to one volunteer's guardian.
pub const GUARDIAN_MAIL_PER_ACCOUNT: Limit = Limit { max: 3, window_minutes: 60 };

/// Failed attempts answered at once before each further one is slowed down.
pub const FREE_ATTEMPTS: i64 = 3;

/// How long to hold an attempt that is the `hits`th in its window: nothing for the first few, then
/// a quarter second, doubling up to two. The guesser slows down (and meets the limit); nobody is
/// locked out.
pub fn delay(hits: i64) -> std::time::Duration {
    if hits <= FREE_ATTEMPTS {
        return std::time::Duration::ZERO;
    }
    let doublings = (hits - FREE_ATTEMPTS - 1).min(3) as u32;
    std::time::Duration::from_millis(250 * 2u64.pow(doublings))
}

/// The client's address as a bucket key part (`unknown` where there is none, as in the CLI).
pub fn address_key(client: Option<IpAddr>) -> String {
    client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

/// The bucket of logins (and password checks) for one account from one client address.
pub fn login_key(email: &str, client: Option<IpAddr>) -> String {
    format!("login:{email}|{}", address_key(client))
}

/// Counts one attempt in `key`'s current window; `true` while the window's count is within the
/// limit. A window that has passed starts again at one.
pub async fn take(db: &DatabaseConnection, key: &str, limit: Limit) -> Result<bool, DbErr> {
    Ok(count(db, key, limit).await? <= limit.max)
}

/// Counts one attempt in `key`'s current window and returns the window's count, this one included.
pub async fn count(db: &DatabaseConnection, key: &str, limit: Limit) -> Result<i64, DbErr> {
    let now = now();
    let cutoff = now - Duration::minutes(limit.window_minutes);
    let backend = db.get_database_backend();
    // The same statement on both databases; only the parameter marks differ ($1 / ?1).
    let mark = if backend == DatabaseBackend::Postgres { "$" } else { "?" };
    let sql = "INSERT INTO throttle_buckets (key, window_start, hits) VALUES (#1, #2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN throttle_buckets.window_start > #3 THEN throttle_buckets.hits + 1 ELSE 1 END, \
           window_start = CASE WHEN throttle_buckets.window_start > #3 THEN throttle_buckets.window_start ELSE #2 END \
         RETURNING hits"
        .replace('#', mark);
    let row = db
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [key.into(), now.into(), cutoff.into()]))
        .await?
        .ok_or_else(|| DbErr::Custom("the throttle upsert returned no row".into()))?;
    row.try_get("", "hits")
}

/// Gives one attempt back to `key`'s current window: an attempt that turned out to be the owner's
/// success (a right second-step code) is not held against them, while the failures around it
/// still are. A window that has passed is left as it is.
pub async fn give_back(db: &DatabaseConnection, key: &str, limit: Limit) -> Result<(), DbErr> {
    use crate::backend::entities::throttle_bucket::{Column, Entity};
    use sea_orm::sea_query::{Expr, ExprTrait};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    Entity::update_many()
        .col_expr(Column::Hits, Expr::col(Column::Hits).sub(1))
        .filter(Column::Key.eq(key))
        .filter(Column::Hits.gt(0))
        .filter(Column::WindowStart.gt(now() - Duration::minutes(limit.window_minutes)))
        .exec(db)
        .await
        .map(|_| ())
}

/// Forgets a bucket (a successful login clears its account-and-address count).
pub async fn clear(db: &DatabaseConnection, key: &str) -> Result<(), DbErr> {
    use sea_orm::EntityTrait;
    crate::backend::entities::throttle_bucket::Entity::delete_by_id(key.to_string()).exec(db).await.map(|_| ())
}

/// Forgets buckets whose window began more than a day ago (run periodically).
pub async fn purge(db: &DatabaseConnection) -> Result<u64, DbErr> {
    use crate::backend::entities::throttle_bucket;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let res = throttle_bucket::Entity::delete_many()
        .filter(throttle_bucket::Column::WindowStart.lt(now() - Duration::days(1)))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ASVS 5.0 V6.3.1: repeated failures slow the guesser down step by step instead of locking the account.
    #[test]
    fn asvs_6_3_1_failures_meet_a_growing_delay() {
        let ms = |h| delay(h).as_millis();
        assert_eq!([ms(1), ms(2), ms(3)], [0, 0, 0]);
        assert_eq!([ms(4), ms(5), ms(6), ms(7), ms(8), ms(10)], [250, 500, 1000, 2000, 2000, 2000]);
    }
}
