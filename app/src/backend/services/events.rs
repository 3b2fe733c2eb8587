//! The event bus: what makes open screens change without a reload.
//!
//! A service that changes something others are looking at records an [`event::Model`] in the same
//! transaction as the change ([`record`]), so an event exists exactly when its change committed.
//! After commit it calls [`poke`]. One task per process, the pump ([`Bus::run`]), reads the events
//! it has not seen yet, in id order, and broadcasts them to that process's live streams, which
//! send each user only the ones about them or their organization ([`Scope::may_see`]).
//!
//! Several processes on one database: on PostgreSQL, `record` also sends `NOTIFY tam_events`,
//! delivered to every listening process when (and only if) the transaction commits; each pump
//! listens and reads the new rows. Event-recording transactions take one advisory lock just
//! before commit, so ids become visible in order and a pump never skips an id that commits late.
//! The pump also looks every second, so processes on one SQLite file see each other too.
//!
//! A browser that lost its connection comes back with `Last-Event-ID` and gets what it missed
//! from the table ([`since`]); events are kept for a day.

use std::sync::{
    atomic::{AtomicI64, Ordering},
    Arc, OnceLock,
};

use chrono::{DateTime, Utc};
use sea_orm::ExprTrait;
use sea_orm::{entity::prelude::*, ActiveValue::Set, DbBackend, QueryOrder, QuerySelect, Statement};
use tokio::sync::{broadcast, Notify};

use crate::backend::entities::event;

pub const SUBMITTED: &str = "application-submitted";
pub const DECIDED: &str = "application-decided";
pub const WITHDRAWN: &str = "application-withdrawn";
pub const OFFER: &str = "offer";
pub const REMINDER: &str = "reminder";

/// The channel of PostgreSQL's `NOTIFY`.
const CHANNEL: &str = "tam_events";
/// The advisory lock that puts event-recording commits in id order (any fixed number).
const ORDER_LOCK: i64 = 0x7461_6d65; // "tame"

/// What happened and to whom, before it has an id.
#[derive(Clone, Debug)]
pub struct New<'a> {
    pub kind: &'a str,
    pub organization_id: Option<i32>,
    pub user_id: Option<i32>,
    pub application_id: Option<i32>,
}

/// Records an event in the caller's transaction: call it as the last statement before commit
/// (on PostgreSQL it takes the ordering lock, held until the commit), then [`poke`] after it.
pub async fn record(txn: &impl ConnectionTrait, new: New<'_>, at: DateTime<Utc>) -> Result<i64, DbErr> {
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [ORDER_LOCK.into()],
        ))
        .await?;
    }
    let row = event::ActiveModel {
        kind: Set(new.kind.to_string()),
        organization_id: Set(new.organization_id),
        user_id: Set(new.user_id),
        application_id: Set(new.application_id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_notify($1, $2)",
            [CHANNEL.into(), row.id.to_string().into()],
        ))
        .await?;
    }
    Ok(row.id)
}

fn wake() -> &'static Notify {
    static WAKE: OnceLock<Notify> = OnceLock::new();
    WAKE.get_or_init(Notify::new)
}

/// Tells this process's pump that an event was committed (it would find it within a second anyway).
pub fn poke() {
    wake().notify_one();
}

/// Turns true when the server is shutting down: open live streams end, so that the graceful
/// shutdown does not wait for them forever.
pub fn closing() -> tokio::sync::watch::Receiver<bool> {
    closing_sender().subscribe()
}

/// Ends every open live stream of this process.
pub fn close_streams() {
    let _ = closing_sender().send(true);
}

fn closing_sender() -> &'static tokio::sync::watch::Sender<bool> {
    static CLOSING: OnceLock<tokio::sync::watch::Sender<bool>> = OnceLock::new();
    CLOSING.get_or_init(|| tokio::sync::watch::channel(false).0)
}

/// Who is listening, as far as events go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub user_id: i32,
    pub organization_id: Option<i32>,
    /// An admin (with two-step sign-in): every event, for the country's dashboard counters.
    pub everything: bool,
}

impl Scope {
    /// Their own applications, and their organization's queue; an admin, everything.
    pub fn may_see(&self, e: &event::Model) -> bool {
        self.everything
            || e.user_id == Some(self.user_id)
            || (e.organization_id.is_some() && e.organization_id == self.organization_id)
    }
}

/// The events after `after` that `scope` may see, oldest first (at most `limit`).
pub async fn since(
    db: &impl ConnectionTrait,
    scope: Scope,
    after: i64,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    let mut visible = event::Column::UserId.eq(scope.user_id);
    if let Some(org) = scope.organization_id {
        visible = visible.or(event::Column::OrganizationId.eq(org));
    }
    if scope.everything {
        visible = event::Column::Id.gt(after);
    }
    event::Entity::find()
        .filter(event::Column::Id.gt(after))
        .filter(visible)
        .order_by_asc(event::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// The newest event's id (0 when there is none): a new stream starts after it.
pub async fn latest(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    Ok(event::Entity::find().order_by_desc(event::Column::Id).one(db).await?.map_or(0, |e| e.id))
}

/// Events older than a day are only history: a browser away that long reloads anyway.
pub async fn purge(db: &impl ConnectionTrait, at: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(event::Entity::delete_many()
        .filter(event::Column::CreatedAt.lt(at - chrono::Duration::days(1)))
        .exec(db)
        .await?
        .rows_affected)
}

/// One process's fan-out of committed events to its live streams.
pub struct Bus {
    tx: broadcast::Sender<Arc<event::Model>>,
    /// The last id broadcast.
    cursor: AtomicI64,
}

impl Bus {
    /// A bus that starts after the events already stored.
    pub async fn new(db: &impl ConnectionTrait) -> Result<Arc<Bus>, DbErr> {
        let (tx, _) = broadcast::channel(4096);
        Ok(Arc::new(Bus { tx, cursor: AtomicI64::new(latest(db).await?) }))
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<event::Model>> {
        self.tx.subscribe()
    }

    /// The last id this process has broadcast: a new stream without `Last-Event-ID` starts there.
    pub fn cursor(&self) -> i64 {
        self.cursor.load(Ordering::Acquire)
    }

    /// Reads and broadcasts whatever was committed since the last look; returns how many.
    pub async fn pump_once(&self, db: &impl ConnectionTrait) -> Result<usize, DbErr> {
        let mut n = 0;
        loop {
            let after = self.cursor();
            let batch = event::Entity::find()
                .filter(event::Column::Id.gt(after))
                .order_by_asc(event::Column::Id)
                .limit(500)
                .all(db)
                .await?;
            let Some(last) = batch.last().map(|e| e.id) else { return Ok(n) };
            n += batch.len();
            // The cursor moves before the send: a stream that subscribes in between and reads the
            // table up to the cursor will skip, by id, what the broadcast then repeats.
            self.cursor.store(last, Ordering::Release);
            for e in batch {
                let _ = self.tx.send(Arc::new(e));
            }
        }
    }

    /// The pump: runs for the life of the process. Wakes on [`poke`], on PostgreSQL's `NOTIFY`
    /// from any process, and every second.
    pub async fn run(self: Arc<Self>, db: DatabaseConnection) {
        if db.get_database_backend() == DbBackend::Postgres {
            tokio::spawn(listen(db.clone()));
        }
        // `TAM_EVENTS_POLL_MS`: how often to look without being woken (a test sets it high to
        // prove that PostgreSQL's notifications alone carry events between processes).
        let poll = std::env::var("TAM_EVENTS_POLL_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
        loop {
            if let Err(e) = self.pump_once(&db).await {
                tracing::warn!(error = %e, "reading new events failed");
            }
            let _ = tokio::time::timeout(std::time::Duration::from_millis(poll), wake().notified()).await;
        }
    }
}

/// Turns PostgreSQL's notifications (from any process on the database) into pokes; reconnects
/// when the connection drops.
async fn listen(db: DatabaseConnection) {
    use sea_orm::sqlx::postgres::PgListener;
    loop {
        let pool = db.get_postgres_connection_pool();
        match PgListener::connect_with(pool).await {
            Ok(mut listener) => {
                if let Err(e) = listener.listen(CHANNEL).await {
                    tracing::warn!(error = %e, "LISTEN tam_events failed");
                } else {
                    tracing::info!("events: listening to PostgreSQL notifications");
                    // A notification lost while reconnecting is found by the pump's next look.
                    poke();
                    while let Ok(Some(_)) = listener.try_recv().await.map(|n| n.map(|_| ())) {
                        poke();
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "connecting to listen for events failed"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
