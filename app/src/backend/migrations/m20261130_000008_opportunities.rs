//! Opportunities, their shifts, and volunteers' applications to shifts. A shift counts the seats
//! it has given (`taken`), changed only by one conditional update, so a seat is never given twice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Opportunities {
    Table,
    Id,
    OrganizationId,
    TitleAr,
    TitleEn,
    DescriptionAr,
    DescriptionEn,
    Cause,
    Municipality,
    Place,
    MinAge,
    GenderRule,
    SignupCutoffHours,
    WithdrawCutoffHours,
    Status,
    SearchText,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OpportunitySkills {
    Table,
    OpportunityId,
    Skill,
    Required,
}

#[derive(DeriveIden)]
enum Shifts {
    Table,
    Id,
    OpportunityId,
    StartsAt,
    EndsAt,
    Capacity,
    Taken,
    SeriesId,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    ShiftId,
    UserId,
    Status,
    Motivation,
    Reason,
    DecidedBy,
    DecidedAt,
    WithdrawnLate,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Opportunities as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .col(pk_auto(O::Id))
                    .col(integer(O::OrganizationId))
                    .col(string_len_null(O::TitleAr, 120))
                    .col(string_len_null(O::TitleEn, 120))
                    .col(string_len_null(O::DescriptionAr, 4000))
                    .col(string_len_null(O::DescriptionEn, 4000))
                    .col(string_len(O::Cause, 16))
                    .col(string_len(O::Municipality, 16))
                    .col(string_len(O::Place, 200))
                    .col(integer(O::MinAge).default(13))
                    .col(string_len(O::GenderRule, 8).default("any"))
                    .col(integer(O::SignupCutoffHours).default(0))
                    .col(integer(O::WithdrawCutoffHours).default(0))
                    .col(string_len(O::Status, 12).default("draft"))
                    .col(string_len(O::SearchText, 600).default(""))
                    .col(integer(O::CreatedBy))
                    .col(timestamp_with_time_zone(O::CreatedAt))
                    .col(timestamp_with_time_zone(O::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(O::Table, O::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_opportunities_org").table(O::Table).col(O::OrganizationId).to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_opportunities_status").table(O::Table).col(O::Status).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OpportunitySkills::Table)
                    .col(integer(OpportunitySkills::OpportunityId))
                    .col(string_len(OpportunitySkills::Skill, 32))
                    .col(boolean(OpportunitySkills::Required))
                    .primary_key(Index::create().col(OpportunitySkills::OpportunityId).col(OpportunitySkills::Skill))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpportunitySkills::Table, OpportunitySkills::OpportunityId)
                            .to(O::Table, O::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        use Shifts as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(pk_auto(S::Id))
                    .col(integer(S::OpportunityId))
                    .col(timestamp_with_time_zone(S::StartsAt))
                    .col(timestamp_with_time_zone(S::EndsAt))
                    .col(integer(S::Capacity))
                    .col(integer(S::Taken).default(0))
                    .col(integer_null(S::SeriesId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(S::Table, S::OpportunityId)
                            .to(O::Table, O::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_shifts_opportunity").table(S::Table).col(S::OpportunityId).to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_shifts_starts").table(S::Table).col(S::StartsAt).to_owned())
            .await?;
        use Applications as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .col(pk_auto(A::Id))
                    .col(integer(A::ShiftId))
                    .col(integer(A::UserId))
                    .col(string_len(A::Status, 12))
                    .col(string_len_null(A::Motivation, 1000))
                    .col(string_len_null(A::Reason, 500))
                    .col(integer_null(A::DecidedBy))
                    .col(timestamp_with_time_zone_null(A::DecidedAt))
                    .col(boolean(A::WithdrawnLate).default(false))
                    .col(timestamp_with_time_zone(A::CreatedAt))
                    .col(timestamp_with_time_zone(A::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(A::Table, A::ShiftId)
                            .to(S::Table, S::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(A::Table, A::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_shift_user")
                    .table(A::Table)
                    .col(A::ShiftId)
                    .col(A::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_applications_user").table(A::Table).col(A::UserId).col(A::Status).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Applications::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Shifts::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OpportunitySkills::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Opportunities::Table).to_owned()).await
    }
}
