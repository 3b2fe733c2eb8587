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

/// The client's address as a bucket key part (`unknown` where there is none, as in the CLI).
pub fn address_key(client: Option<IpAddr>) -> String {
    client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

/// Counts one attempt in `key`'s current window; `true` while the window's count is within the
/// limit. A window that has passed starts again at one.
pub async fn take(db: &DatabaseConnection, key: &str, limit: Limit) -> Result<bool, DbErr> {
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
    let hits: i64 = row.try_get("", "hits")?;
    Ok(hits <= limit.max)
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
