//! What volunteers actually did: attendance per approved application (checked in with a shift's
//! rotating code or marked by its coordinator, checked out, a forgotten check-out closed at the
//! shift's end and flagged), and the hours ledger those records write to. A shift keeps the secret
//! its check-in codes are made from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Shifts {
    Table,
    CheckinSecret,
}

#[derive(DeriveIden)]
enum Attendance {
    Table,
    Id,
    ApplicationId,
    ShiftId,
    UserId,
    OrganizationId,
    Status,
    CheckedInAt,
    CheckedOutAt,
    CheckoutMissing,
    MarkedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum HourEntries {
    Table,
    Id,
    UserId,
    OrganizationId,
    AttendanceId,
    Activity,
    WorkedOn,
    Minutes,
    Status,
    Note,
    DecidedBy,
    DecidedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut column = string_len_null(Shifts::CheckinSecret, 64);
        manager.alter_table(Table::alter().table(Shifts::Table).add_column(&mut column).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(Attendance::Table)
                    .col(pk_auto(Attendance::Id))
                    .col(integer(Attendance::ApplicationId).unique_key())
                    .col(integer(Attendance::ShiftId))
                    .col(integer(Attendance::UserId))
                    .col(integer(Attendance::OrganizationId))
                    // `present`, `late` or `no_show`.
                    .col(string_len(Attendance::Status, 16))
                    .col(timestamp_with_time_zone_null(Attendance::CheckedInAt))
                    .col(timestamp_with_time_zone_null(Attendance::CheckedOutAt))
                    .col(boolean(Attendance::CheckoutMissing).default(false))
                    .col(integer_null(Attendance::MarkedBy))
                    .col(timestamp_with_time_zone(Attendance::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendance::Table, Attendance::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendance::Table, Attendance::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [("idx_attendance_shift", Attendance::ShiftId), ("idx_attendance_user", Attendance::UserId)]
        {
            manager.create_index(Index::create().name(name).table(Attendance::Table).col(col).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(HourEntries::Table)
                    .col(big_pk_auto(HourEntries::Id))
                    .col(integer(HourEntries::UserId))
                    .col(integer(HourEntries::OrganizationId))
                    // From attendance (one entry per attendance), or none: reported by the volunteer.
                    .col(integer_null(HourEntries::AttendanceId).unique_key())
                    .col(string_len_null(HourEntries::Activity, 200))
                    .col(date(HourEntries::WorkedOn))
                    .col(integer(HourEntries::Minutes))
                    // `approved`, `pending` or `rejected`.
                    .col(string_len(HourEntries::Status, 16))
                    .col(string_len_null(HourEntries::Note, 600))
                    .col(integer_null(HourEntries::DecidedBy))
                    .col(timestamp_with_time_zone_null(HourEntries::DecidedAt))
                    .col(timestamp_with_time_zone(HourEntries::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(HourEntries::Table, HourEntries::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_hour_entries_user")
                    .table(HourEntries::Table)
                    .col(HourEntries::UserId)
                    .col(HourEntries::Status)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(HourEntries::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Attendance::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Shifts::Table).drop_column(Shifts::CheckinSecret).to_owned()).await
    }
}
