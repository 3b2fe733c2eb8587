//! Attempt counters for throttling, one row per bucket (login per account and address, login per
//! address, registration per address), replacing the per-email failure log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ThrottleBuckets {
    Table,
    Key,
    WindowStart,
    Hits,
}

#[derive(DeriveIden)]
enum LoginFailures {
    Table,
    Id,
    Email,
    FailedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ThrottleBuckets::Table)
                    .col(string_len(ThrottleBuckets::Key, 400).primary_key())
                    .col(timestamp_with_time_zone(ThrottleBuckets::WindowStart))
                    .col(big_integer(ThrottleBuckets::Hits))
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(LoginFailures::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Back to the per-email failure log of the previous migration (its rows are not restored).
        manager
            .create_table(
                Table::create()
                    .table(LoginFailures::Table)
                    .col(big_pk_auto(LoginFailures::Id))
                    .col(string_len(LoginFailures::Email, 254))
                    .col(timestamp_with_time_zone(LoginFailures::FailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_login_failures_email_at")
                    .table(LoginFailures::Table)
                    .col(LoginFailures::Email)
                    .col(LoginFailures::FailedAt)
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(ThrottleBuckets::Table).to_owned()).await
    }
}
