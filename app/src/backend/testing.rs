//! Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL schema inside the database
//! named by `TEST_POSTGRES_URL` (the test script creates one database per run). Migrations applied.

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

/// A migrated database that lives as long as this value.
pub struct TestDb {
    pub db: DatabaseConnection,
    /// The database file, for SQLite.
    pub sqlite_file: Option<std::path::PathBuf>,
    _dir: Option<TempDir>,
    schema: Option<(String, DatabaseConnection)>,
}

/// A directory removed on drop.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unique_name() -> String {
    use rand::Rng;
    format!("t{}_{:08x}", std::process::id(), rand::thread_rng().r#gen::<u32>())
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = std::env::temp_dir().join(format!("tam-test-{}", unique_name()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("tam.db");
        let db = super::connect(&format!("sqlite://{}?mode=rwc", file.display())).await.expect("open SQLite");
        super::migrate(&db).await.expect("migrate SQLite");
        TestDb { db, sqlite_file: Some(file), _dir: Some(TempDir(dir)), schema: None }
    }

    /// Panics when `TEST_POSTGRES_URL` is unset: a PostgreSQL test must not pass without PostgreSQL.
    /// The test script skips these tests by name where PostgreSQL cannot be had.
    pub async fn postgres() -> TestDb {
        let base = std::env::var("TEST_POSTGRES_URL")
            .expect("TEST_POSTGRES_URL must name a PostgreSQL database for the *_postgres tests");
        let schema = unique_name();
        let admin = Database::connect(base.as_str()).await.expect("connect to PostgreSQL");
        admin.execute_unprepared(&format!("CREATE SCHEMA {schema}")).await.expect("create schema");
        let db = super::connect_pool(&base, Some(&schema), 10).await.expect("connect to test schema");
        super::migrate(&db).await.expect("migrate PostgreSQL");
        TestDb { db, sqlite_file: None, _dir: None, schema: Some((schema, admin)) }
    }
}

impl TestDb {
    /// A second, independent connection pool to the same database: what a restarted server or a
    /// second server process would open.
    pub async fn reconnect(&self) -> DatabaseConnection {
        match (&self.sqlite_file, &self.schema) {
            (Some(file), _) => {
                super::connect(&format!("sqlite://{}?mode=rwc", file.display())).await.expect("reopen SQLite")
            }
            (None, Some((schema, _))) => {
                let base = std::env::var("TEST_POSTGRES_URL").expect("TEST_POSTGRES_URL");
                super::connect_pool(&base, Some(schema), 10).await.expect("reconnect to test schema")
            }
            _ => unreachable!("a test database is SQLite or PostgreSQL"),
        }
    }

    /// How many database connections this database's pools have opened so far.
    pub fn connections_opened(&self) -> u64 {
        match (&self.sqlite_file, &self.schema) {
            (Some(file), _) => super::connections_opened(&format!("sqlite://{}?mode=rwc", file.display()), None),
            (None, Some((schema, _))) => {
                super::connections_opened(&std::env::var("TEST_POSTGRES_URL").expect("TEST_POSTGRES_URL"), Some(schema))
            }
            _ => unreachable!("a test database is SQLite or PostgreSQL"),
        }
    }

    /// The connection URL of a PostgreSQL test database with its schema (for a child process).
    pub fn postgres_schema(&self) -> Option<&str> {
        self.schema.as_ref().map(|(s, _)| s.as_str())
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((schema, admin)) = self.schema.take() {
            // Dropping needs the async runtime; a detached thread with its own runtime is enough
            // for a best-effort cleanup (the whole database is dropped at the end of the run anyway).
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                    rt.block_on(async {
                        let _ = admin.execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE")).await;
                    });
                }
            })
            .join();
        }
    }
}

/// Declares one test body twice, as `<name>::sqlite` and `<name>::postgres`; the body is a closure
/// taking the [`TestDb`] and returning a future.
#[macro_export]
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = $crate::backend::testing::TestDb::sqlite().await;
                ($body)(t).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let t = $crate::backend::testing::TestDb::postgres().await;
                ($body)(t).await;
            }
        }
    };
}
