//! Finding opportunities by their words without reading every one (issue 19). `/opportunities`
//! matched each word with `LIKE '%word%'` over the published opportunities, so a word that
//! matches little (or nothing) read all of them: 25 ms warm on the bench data set, 216 ms cold.
//! - SQLite: an FTS5 index of each opportunity's `search_text` with the trigram tokenizer, kept by
//!   triggers (an external-content table: the text is stored once, in `opportunities`). A word of
//!   three letters or more is a phrase of trigrams, which finds the same rows `LIKE` did.
//! - PostgreSQL: a trigram GIN index (`pg_trgm`, a trusted extension a database owner may create),
//!   which `LIKE '%word%'` itself uses.
//!
//! And two indexes that answer `/org`'s counters from the index alone (read off their query
//! plans): an organization's applications waiting (shift, status) and applied today (shift, time,
//! person), where each counted row was read from the table before.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COUNT_INDEXES: [(&str, &str); 2] = [
    ("idx_applications_shift_status", "shift_id, status"),
    ("idx_applications_shift_created", "shift_id, created_at, user_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, cols) in COUNT_INDEXES {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON applications ({cols})")).await?;
        }
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                // The extension belongs to the whole database, not to Tam's schema: made in
                // `public` unless it is there already (wherever an operator put it). Two processes
                // (or test schemas) migrating at once may both try; the second's failure is
                // harmless. Where it cannot be had, words are matched without the index.
                db.execute_unprepared(
                    "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; \
                     EXCEPTION WHEN OTHERS THEN RAISE WARNING 'pg_trgm: %', SQLERRM; END $$",
                )
                .await?;
                let schema = db
                    .query_one_raw(sea_orm::Statement::from_string(
                        DbBackend::Postgres,
                        "SELECT n.nspname AS schema FROM pg_extension e \
                         JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'",
                    ))
                    .await?
                    .map(|row| row.try_get::<String>("", "schema"))
                    .transpose()?;
                match schema {
                    Some(schema) => {
                        db.execute_unprepared(&format!(
                            "CREATE INDEX idx_opportunities_search ON opportunities \
                             USING gin (search_text \"{schema}\".gin_trgm_ops)"
                        ))
                        .await?;
                    }
                    None => {
                        tracing::warn!("pg_trgm is not available: opportunities' words are matched without an index")
                    }
                }
            }
            _ => {
                for sql in [
                    "CREATE VIRTUAL TABLE opportunity_search USING fts5(search_text, \
                     content='opportunities', content_rowid='id', tokenize='trigram')",
                    "INSERT INTO opportunity_search(opportunity_search) VALUES ('rebuild')",
                    "CREATE TRIGGER opportunity_search_insert AFTER INSERT ON opportunities BEGIN \
                     INSERT INTO opportunity_search(rowid, search_text) VALUES (new.id, new.search_text); END",
                    "CREATE TRIGGER opportunity_search_delete AFTER DELETE ON opportunities BEGIN \
                     INSERT INTO opportunity_search(opportunity_search, rowid, search_text) \
                     VALUES ('delete', old.id, old.search_text); END",
                    "CREATE TRIGGER opportunity_search_update AFTER UPDATE OF search_text ON opportunities BEGIN \
                     INSERT INTO opportunity_search(opportunity_search, rowid, search_text) \
                     VALUES ('delete', old.id, old.search_text); \
                     INSERT INTO opportunity_search(rowid, search_text) VALUES (new.id, new.search_text); END",
                ] {
                    db.execute_unprepared(sql).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, _) in COUNT_INDEXES {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared("DROP INDEX IF EXISTS idx_opportunities_search").await?;
            }
            _ => {
                for t in ["insert", "delete", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER opportunity_search_{t}")).await?;
                }
                db.execute_unprepared("DROP TABLE opportunity_search").await?;
            }
        }
        Ok(())
    }
}
