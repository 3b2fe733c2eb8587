//! Qualifications: what a volunteer must hold to join some opportunities (a first-aid
//! certificate, child safeguarding). Each has a name in both languages and how long it lasts once
//! granted; a volunteer's grant keeps its expiry. An opportunity may require one. Training courses
//! that grant them come with the training issue; this is the shape they build on.

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
    RequiredQualificationId,
}

#[derive(DeriveIden)]
enum Qualifications {
    Table,
    Id,
    OrganizationId,
    NameAr,
    NameEn,
    ValidMonths,
    CreatedAt,
}

#[derive(DeriveIden)]
enum VolunteerQualifications {
    Table,
    Id,
    UserId,
    QualificationId,
    GrantedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Qualifications::Table)
                    .col(pk_auto(Qualifications::Id))
                    // Whose it is: an organization's, or the network's (none).
                    .col(integer_null(Qualifications::OrganizationId))
                    .col(string_len(Qualifications::NameAr, 120))
                    .col(string_len(Qualifications::NameEn, 120))
                    // How long a grant lasts; none: it does not expire.
                    .col(integer_null(Qualifications::ValidMonths))
                    .col(timestamp_with_time_zone(Qualifications::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Qualifications::Table, Qualifications::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VolunteerQualifications::Table)
                    .col(pk_auto(VolunteerQualifications::Id))
                    .col(integer(VolunteerQualifications::UserId))
                    .col(integer(VolunteerQualifications::QualificationId))
                    .col(timestamp_with_time_zone(VolunteerQualifications::GrantedAt))
                    .col(timestamp_with_time_zone_null(VolunteerQualifications::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(VolunteerQualifications::Table, VolunteerQualifications::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(VolunteerQualifications::Table, VolunteerQualifications::QualificationId)
                            .to(Qualifications::Table, Qualifications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_volunteer_qualifications_once")
                    .table(VolunteerQualifications::Table)
                    .col(VolunteerQualifications::UserId)
                    .col(VolunteerQualifications::QualificationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A plain column: SQLite cannot add a foreign key to an existing table. The service checks
        // that the qualification exists when an opportunity is saved.
        let mut column = integer_null(Opportunities::RequiredQualificationId);
        manager.alter_table(Table::alter().table(Opportunities::Table).add_column(&mut column).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Opportunities::Table)
                    .drop_column(Opportunities::RequiredQualificationId)
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(VolunteerQualifications::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Qualifications::Table).to_owned()).await
    }
}
