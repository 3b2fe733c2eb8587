//! Recognition: tiers of approved hours that admins set (bronze 50, silver 100, gold 250), the
//! tiers each volunteer has reached (so reaching one is told once), certificates a volunteer
//! issues and anyone can verify, and the server's own settings (the key certificates are signed
//! with, shared by every process on the database).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tiers {
    Table,
    Id,
    NameAr,
    NameEn,
    MinHours,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TierAwards {
    Table,
    Id,
    UserId,
    TierId,
    ReachedAt,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
    Serial,
    UserId,
    Scope,
    OrganizationId,
    FromDate,
    ToDate,
    Facts,
    IssuedAt,
}

#[derive(DeriveIden)]
enum Settings {
    Table,
    Name,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tiers::Table)
                    .col(pk_auto(Tiers::Id))
                    .col(string_len(Tiers::NameAr, 60))
                    .col(string_len(Tiers::NameEn, 60))
                    .col(integer(Tiers::MinHours).unique_key())
                    .col(timestamp_with_time_zone(Tiers::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // The usual three, for admins to change: a fresh network recognizes hours from day one.
        let mut defaults = Query::insert();
        defaults.into_table(Tiers::Table).columns([Tiers::NameAr, Tiers::NameEn, Tiers::MinHours, Tiers::CreatedAt]);
        for (ar, en, hours) in [("برونزي", "Bronze", 50), ("فضي", "Silver", 100), ("ذهبي", "Gold", 250)] {
            defaults.values_panic([ar.into(), en.into(), hours.into(), Expr::current_timestamp().into()]);
        }
        manager.exec_stmt(defaults).await?;
        manager
            .create_table(
                Table::create()
                    .table(TierAwards::Table)
                    .col(pk_auto(TierAwards::Id))
                    .col(integer(TierAwards::UserId))
                    .col(integer(TierAwards::TierId))
                    .col(timestamp_with_time_zone(TierAwards::ReachedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TierAwards::Table, TierAwards::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TierAwards::Table, TierAwards::TierId)
                            .to(Tiers::Table, Tiers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_tier_awards_once")
                    .table(TierAwards::Table)
                    .col(TierAwards::UserId)
                    .col(TierAwards::TierId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Certificates::Table)
                    .col(pk_auto(Certificates::Id))
                    // The random part of the public code (the rest is the server's signature).
                    .col(string_len(Certificates::Serial, 32).unique_key())
                    .col(integer(Certificates::UserId))
                    // `all`, `organization` or `period`.
                    .col(string_len(Certificates::Scope, 16))
                    .col(integer_null(Certificates::OrganizationId))
                    .col(date_null(Certificates::FromDate))
                    .col(date_null(Certificates::ToDate))
                    // What the certificate states, as issued (JSON): compared with a recount when verified.
                    .col(text(Certificates::Facts))
                    .col(timestamp_with_time_zone(Certificates::IssuedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Certificates::Table, Certificates::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certificates_user")
                    .table(Certificates::Table)
                    .col(Certificates::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Settings::Table)
                    .col(string_len(Settings::Name, 64).primary_key())
                    .col(text(Settings::Value))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Settings::Table.into_iden(),
            Certificates::Table.into_iden(),
            TierAwards::Table.into_iden(),
            Tiers::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
