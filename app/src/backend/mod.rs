//! Server-only code: storage, the rules of the domain, authentication. Never compiled into WASM.

pub mod auth;
pub mod bulk_seed;
pub mod entities;
pub mod flash;
pub mod migrations;
pub mod seed;
pub mod services;
pub mod testing;
pub mod text;

use std::time::Duration;

use leptos::prelude::*;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

use crate::model::AppError;

/// What every request handler needs, provided to Leptos as context.
#[derive(Clone)]
pub struct AppContext {
    pub db: DatabaseConnection,
    /// Tam is served over HTTPS (`TAM_PUBLIC_URL=https://…`): cookies are `__Host-` prefixed and
    /// `Secure`, and responses carry `Strict-Transport-Security`.
    pub secure_cookies: bool,
    /// The reverse proxy in front of Tam (`TAM_TRUSTED_PROXY`): only for requests from it is the
    /// client's address taken from `X-Forwarded-For`; otherwise it is the socket's.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The address people use (`TAM_PUBLIC_URL`, no trailing slash): links in mail start with it.
    pub public_url: String,
    /// This process's fan-out of committed events to live streams (its pump runs beside the server).
    pub bus: std::sync::Arc<services::events::Bus>,
    /// "For you"'s window of the soonest opportunities, shared by every volunteer of this process.
    pub for_you: services::matching::WindowCache,
}

/// The event id a page was rendered after: its live stream resumes from there, so a change made
/// between rendering and connecting is not lost.
#[derive(Clone, Copy, Debug)]
pub struct LiveCursor(pub i64);

/// Everything a request's rendering and server functions look up: call once per request.
pub fn provide_request_context(app: &AppContext) {
    provide_context(app.clone());
    provide_context(auth::RequestUser::default());
    provide_context(LiveCursor(app.bus.cursor()));
}

/// The context of the current request (server functions and page rendering alike).
pub fn ctx() -> Result<AppContext, AppError> {
    use_context::<AppContext>().ok_or_else(|| {
        tracing::error!("AppContext missing: the router did not provide it");
        AppError::Internal
    })
}

/// Opens the database. SQLite files get WAL (readers never block the writer), a busy timeout
/// (writers queue instead of failing), foreign keys and a smaller page cache.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_pool(url, None, if url.starts_with("sqlite:") { 8 } else { 20 }).await
}

/// [`connect`], with the pool's size and, on PostgreSQL, the schema its connections work in (each
/// test has its own). The pool is counted under `url` and `schema` (see [`connections_opened`]).
pub async fn connect_pool(url: &str, schema: Option<&str>, size: u32) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_string());
    // A connection is pinged before it is handed out only when it sat idle for a while (the
    // server, a proxy or a firewall may have dropped it since); a busy one goes straight to work
    // instead of costing every query a round trip. A broken one is found by its query's error and
    // closed when it is handed back.
    opts.sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(5))
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .max_connections(size);
    let opened = opened_counter(url, schema);
    let count = move || {
        opened.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    if url.starts_with("sqlite:") {
        if let Some(path) = sqlite_path(url) {
            if let Some(dir) = std::path::Path::new(&path).parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| DbErr::Custom(format!("creating {dir:?}: {e}")))?;
            }
            // SQLite opens an empty file as a new database, and gives its -wal and -shm files the
            // same permissions: created here, the whole database is readable by its owner only.
            match create_private(std::path::Path::new(&path)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(DbErr::Custom(format!("creating {path}: {e}"))),
            }
        }
        opts.map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                // 512 KiB of page cache per connection (SQLite's default is 2 MiB): the OS caches the
                // file as well, and eight connections' caches were a fifth of the server's memory.
                .pragma("cache_size", "-512")
                // Pages are read from the OS's cache of the file through each connection's mapping
                // of it instead of copied by a read() each: under the crowd benchmark, the kernel's
                // copying of pages into eight small private caches took about 10 % of the server's
                // CPU. The mapped pages are the OS's page cache (shared by every mapping, dropped
                // under memory pressure), not the process's own memory, though VmRSS counts them
                // once per mapping. Beyond 256 MiB, a larger file is read as before.
                .pragma("mmap_size", "268435456")
        })
        .map_sqlx_sqlite_pool_opts(move |o| {
            let count = count.clone();
            o.after_connect(move |_, _| {
                count();
                Box::pin(async { Ok(()) })
            })
        });
    } else {
        if let Some(schema) = schema {
            // A startup parameter, so that every connection starts in the schema (SeaORM's own
            // setting would take the pool's one `after_connect`, which counts connections here).
            let schema = schema.to_string();
            opts.map_sqlx_postgres_opts(move |o| o.options([("search_path", schema.as_str())]));
        }
        opts.map_sqlx_postgres_pool_opts(move |o| {
            let count = count.clone();
            o.after_connect(move |_, _| {
                count();
                Box::pin(async { Ok(()) })
            })
        });
    }
    Database::connect(opts).await
}

type Counter = std::sync::Arc<std::sync::atomic::AtomicU64>;

fn opened_counter(url: &str, schema: Option<&str>) -> Counter {
    static POOLS: std::sync::Mutex<Vec<(String, Option<String>, Counter)>> = std::sync::Mutex::new(Vec::new());
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, _, c)) = pools.iter().find(|(u, s, _)| u == url && s.as_deref() == schema) {
        return c.clone();
    }
    let c = Counter::default();
    pools.push((url.to_string(), schema.map(str::to_string), c.clone()));
    c
}

/// How many connections the pools opened for `url` (and `schema`) since the process started. A
/// pool that keeps its connections opens at most its size; one that loses them (a connection
/// closed because a request's future was dropped in the middle of using it) opens more for ever.
pub fn connections_opened(url: &str, schema: Option<&str>) -> u64 {
    opened_counter(url, schema).load(std::sync::atomic::Ordering::Relaxed)
}

/// The file of a `sqlite:` URL (`sqlite://data/tam.db?mode=rwc` → `data/tam.db`).
pub fn sqlite_path(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| path.to_string())
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    migrations::Migrator::up(db, None).await
}

/// Is the database answering? (`/healthz`)
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.execute_unprepared("SELECT 1").await.is_ok()
}

/// Creates an empty file that only its owner may read and write (mode 0600); fails if it exists.
pub fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(|_| ())
}

/// Writes a consistent copy of a SQLite database, even while the server writes to it
/// (`VACUUM INTO` reads one snapshot).
pub async fn backup_sqlite(db: &DatabaseConnection, dest: &std::path::Path) -> Result<(), DbErr> {
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        return Err(DbErr::Custom("backup copies SQLite databases; for PostgreSQL use pg_dump".into()));
    }
    // The copy holds everyone's personal data: readable by its owner only. VACUUM INTO accepts an
    // empty file, so it is created first with those permissions (and never over an existing one).
    create_private(dest).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            DbErr::Custom(format!("{} already exists; not overwriting it", dest.display()))
        }
        _ => DbErr::Custom(format!("creating {}: {e}", dest.display())),
    })?;
    let dest = dest.to_str().ok_or_else(|| DbErr::Custom("backup path is not UTF-8".into()))?;
    db.execute_unprepared(&format!("VACUUM INTO '{}'", dest.replace('\'', "''"))).await.map(|_| ())
}
