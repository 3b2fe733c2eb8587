//! PostgreSQL learns how many shifts fall on each day of the week (issue 19). `/opportunities`
//! filtered by a day ("Fridays") asks whether an opportunity has a shift to come on that day in
//! Qatar's time. Without statistics on that expression, PostgreSQL guessed that 1 shift in 200
//! matches (its default for an expression), so it judged that walking the opportunities soonest
//! first would meet few matches and instead read every shift in the country first: 29-45 ms a
//! query on the bench data set (`EXPLAIN ANALYZE`), and the weekday filter is in most searches.
//! With the expression's statistics it estimates 1 in 7 and walks the opportunities with their
//! shifts' index: 1-3.5 ms. SQLite already walked them one by one; nothing changes there.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE STATISTICS shifts_local_weekday ON ({}) FROM shifts",
            crate::clock::postgres_weekday("starts_at")
        ))
        .await?;
        // Gathered now, not at autovacuum's next visit.
        db.execute_unprepared("ANALYZE shifts").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_unprepared("DROP STATISTICS IF EXISTS shifts_local_weekday").await?;
        }
        Ok(())
    }
}
