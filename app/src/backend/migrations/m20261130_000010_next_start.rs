//! Each opportunity's next shift to come, kept on the opportunity: `/opportunities` lists the
//! soonest first from one index instead of looking at every shift on every request. Written with
//! the shifts (create, edit, add) and moved on by the server's minute job as shifts begin.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Opportunities {
    Table,
    Status,
    NextStart,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut column = timestamp_with_time_zone_null(Opportunities::NextStart);
        manager.alter_table(Table::alter().table(Opportunities::Table).add_column(&mut column).to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_opportunities_next_start")
                    .table(Opportunities::Table)
                    .col(Opportunities::Status)
                    .col(Opportunities::NextStart)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        crate::backend::services::opportunities::refresh_all_next_starts(db, crate::backend::services::now()).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_opportunities_next_start").to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Opportunities::Table).drop_column(Opportunities::NextStart).to_owned())
            .await
    }
}
