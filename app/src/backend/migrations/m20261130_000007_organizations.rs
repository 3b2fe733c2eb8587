//! Organizations apply to join and are reviewed; coordinators invite others by mail; volunteers
//! accept the privacy notice and charter by version; deleted accounts are kept as anonymous rows
//! (so that counts stay right).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    DescriptionAr,
    DescriptionEn,
    Sector,
    LicenceNumber,
    LicenceExpiry,
    ContactName,
    ContactPhone,
    ContactEmail,
    Municipality,
    Website,
    Status,
    ReviewReason,
    AppliedBy,
    ReviewedAt,
}

#[derive(DeriveIden)]
enum CoordinatorInvites {
    Table,
    Id,
    OrganizationId,
    Email,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    UsedBy,
}

#[derive(DeriveIden)]
enum PolicyAcceptances {
    Table,
    Id,
    UserId,
    Document,
    Version,
    Lang,
    AcceptedAt,
    WithdrawnAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Organizations as O;
        // Organizations created before review existed were set up by an operator: approved.
        for column in [
            string_len_null(O::DescriptionAr, 2000),
            string_len_null(O::DescriptionEn, 2000),
            string_len_null(O::Sector, 24),
            string_len_null(O::LicenceNumber, 40),
            date_null(O::LicenceExpiry),
            string_len_null(O::ContactName, 100),
            string_len_null(O::ContactPhone, 16),
            string_len_null(O::ContactEmail, 254),
            string_len_null(O::Municipality, 16),
            string_len_null(O::Website, 200),
            string_len(O::Status, 12).default("approved").to_owned(),
            string_len_null(O::ReviewReason, 500),
            integer_null(O::AppliedBy),
            timestamp_with_time_zone_null(O::ReviewedAt),
        ] {
            let mut column = column;
            manager.alter_table(Table::alter().table(O::Table).add_column(&mut column).to_owned()).await?;
        }
        manager
            .create_index(Index::create().name("idx_organizations_status").table(O::Table).col(O::Status).to_owned())
            .await?;
        let mut deleted = timestamp_with_time_zone_null(Users::DeletedAt);
        manager.alter_table(Table::alter().table(Users::Table).add_column(&mut deleted).to_owned()).await?;

        use CoordinatorInvites as I;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .col(pk_auto(I::Id))
                    .col(integer(I::OrganizationId))
                    .col(string_len(I::Email, 254))
                    .col(string_len(I::TokenHash, 64).unique_key())
                    .col(integer(I::InvitedBy))
                    .col(timestamp_with_time_zone(I::CreatedAt))
                    .col(timestamp_with_time_zone(I::ExpiresAt))
                    .col(timestamp_with_time_zone_null(I::UsedAt))
                    .col(integer_null(I::UsedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(I::Table, I::OrganizationId)
                            .to(O::Table, O::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_invites_organization").table(I::Table).col(I::OrganizationId).to_owned(),
            )
            .await?;

        use PolicyAcceptances as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(pk_auto(P::Id))
                    .col(integer(P::UserId))
                    .col(string_len(P::Document, 16))
                    .col(string_len(P::Version, 16))
                    .col(string_len(P::Lang, 2))
                    .col(timestamp_with_time_zone(P::AcceptedAt))
                    .col(timestamp_with_time_zone_null(P::WithdrawnAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(P::Table, P::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_policy_user").table(P::Table).col(P::UserId).col(P::Document).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PolicyAcceptances::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(CoordinatorInvites::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Users::Table).drop_column(Users::DeletedAt).to_owned()).await?;
        manager
            .drop_index(Index::drop().name("idx_organizations_status").table(Organizations::Table).to_owned())
            .await?;
        for column in [
            Organizations::DescriptionAr,
            Organizations::DescriptionEn,
            Organizations::Sector,
            Organizations::LicenceNumber,
            Organizations::LicenceExpiry,
            Organizations::ContactName,
            Organizations::ContactPhone,
            Organizations::ContactEmail,
            Organizations::Municipality,
            Organizations::Website,
            Organizations::Status,
            Organizations::ReviewReason,
            Organizations::AppliedBy,
            Organizations::ReviewedAt,
        ] {
            manager.alter_table(Table::alter().table(Organizations::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
