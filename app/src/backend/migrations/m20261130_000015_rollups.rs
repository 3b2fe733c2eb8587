//! Roll-ups for the dashboards: counts kept up to date in the same transaction as the rows they
//! count, so that a national view reads hundreds of rows, not millions (see
//! `services::rollups`). Existing data is counted once here.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Shifts {
    Table,
    Approved,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Status,
}

#[derive(DeriveIden)]
enum RollupHours {
    Table,
    Month,
    OrganizationId,
    Minutes,
}

#[derive(DeriveIden)]
enum RollupApplications {
    Table,
    Month,
    OpportunityId,
    Applications,
    Approved,
}

#[derive(DeriveIden)]
enum PeopleFacts {
    Table,
    UserId,
    Month,
    Parts,
}

#[derive(DeriveIden)]
enum RollupPeople {
    Table,
    Month,
    Dimension,
    Key,
    N,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Approved applications per shift (places, as opposed to `taken`, which holds offered seats too).
        let mut column = integer(Shifts::Approved).default(0).to_owned();
        manager.alter_table(Table::alter().table(Shifts::Table).add_column(&mut column).to_owned()).await?;
        // Approved minutes of the ledger by month worked (Qatar) and organization.
        manager
            .create_table(
                Table::create()
                    .table(RollupHours::Table)
                    .col(string_len(RollupHours::Month, 7))
                    .col(integer(RollupHours::OrganizationId))
                    .col(big_integer(RollupHours::Minutes).default(0))
                    .primary_key(Index::create().col(RollupHours::Month).col(RollupHours::OrganizationId))
                    .to_owned(),
            )
            .await?;
        // Applications by the month they were made and opportunity, and how many of those are approved.
        manager
            .create_table(
                Table::create()
                    .table(RollupApplications::Table)
                    .col(string_len(RollupApplications::Month, 7))
                    .col(integer(RollupApplications::OpportunityId))
                    .col(big_integer(RollupApplications::Applications).default(0))
                    .col(big_integer(RollupApplications::Approved).default(0))
                    .primary_key(Index::create().col(RollupApplications::Month).col(RollupApplications::OpportunityId))
                    .to_owned(),
            )
            .await?;
        // What each person adds to the counts below (the month they joined, and `dimension=key`
        // lines), so that a change subtracts exactly what was added; its row is also the lock that
        // keeps one person's changes in order.
        manager
            .create_table(
                Table::create()
                    .table(PeopleFacts::Table)
                    .col(integer(PeopleFacts::UserId).primary_key())
                    .col(string_len(PeopleFacts::Month, 7))
                    .col(text(PeopleFacts::Parts))
                    .to_owned(),
            )
            .await?;
        // People by the month they joined: municipality, gender, birth month, funnel stage, causes.
        manager
            .create_table(
                Table::create()
                    .table(RollupPeople::Table)
                    .col(string_len(RollupPeople::Month, 7))
                    .col(string_len(RollupPeople::Dimension, 16))
                    .col(string_len(RollupPeople::Key, 40))
                    .col(big_integer(RollupPeople::N).default(0))
                    .primary_key(
                        Index::create().col(RollupPeople::Dimension).col(RollupPeople::Month).col(RollupPeople::Key),
                    )
                    .to_owned(),
            )
            .await?;
        // An organization's view reads its opportunities' rows.
        manager
            .create_index(
                Index::create()
                    .name("idx_rollup_applications_opportunity")
                    .table(RollupApplications::Table)
                    .col(RollupApplications::OpportunityId)
                    .col(RollupApplications::Month)
                    .to_owned(),
            )
            .await?;
        // The live counters: applications waiting, people who joined today.
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_status")
                    .table(Applications::Table)
                    .col(Applications::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_users_created").table(Users::Table).col(Users::CreatedAt).to_owned(),
            )
            .await?;
        crate::backend::services::rollups::rebuild(manager.get_connection()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_users_created").table(Users::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_applications_status").table(Applications::Table).to_owned()).await?;
        for t in [
            RollupPeople::Table.into_iden(),
            PeopleFacts::Table.into_iden(),
            RollupApplications::Table.into_iden(),
            RollupHours::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(Shifts::Table).drop_column(Shifts::Approved).to_owned()).await
    }
}
