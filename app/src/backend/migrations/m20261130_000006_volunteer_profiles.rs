//! The volunteer database: one profile per volunteer, and their tags (skills, causes, languages,
//! weekly availability) in one table that search filters join.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum VolunteerProfiles {
    Table,
    UserId,
    NameAr,
    NameLatin,
    Mobile,
    BirthDate,
    Gender,
    Nationality,
    Municipality,
    Education,
    SkillsOther,
    EmergencyName,
    EmergencyPhone,
    EmergencyRelation,
    GuardianName,
    GuardianPhone,
    GuardianEmail,
    GuardianRelation,
    GuardianConsentAt,
    SearchText,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum VolunteerTags {
    Table,
    UserId,
    Kind,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use VolunteerProfiles as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(integer(P::UserId).primary_key())
                    .col(string_len_null(P::NameAr, 100))
                    .col(string_len_null(P::NameLatin, 100))
                    .col(string_len_null(P::Mobile, 16))
                    .col(date_null(P::BirthDate))
                    .col(string_len_null(P::Gender, 8))
                    .col(string_len_null(P::Nationality, 2))
                    .col(string_len_null(P::Municipality, 16))
                    .col(string_len_null(P::Education, 16))
                    .col(string_len_null(P::SkillsOther, 200))
                    .col(string_len_null(P::EmergencyName, 100))
                    .col(string_len_null(P::EmergencyPhone, 16))
                    .col(string_len_null(P::EmergencyRelation, 40))
                    .col(string_len_null(P::GuardianName, 100))
                    .col(string_len_null(P::GuardianPhone, 16))
                    .col(string_len_null(P::GuardianEmail, 254))
                    .col(string_len_null(P::GuardianRelation, 40))
                    .col(timestamp_with_time_zone_null(P::GuardianConsentAt))
                    .col(string_len(P::SearchText, 600).default(""))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(P::Table, P::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_profiles_municipality", P::Municipality),
            ("idx_profiles_birth_date", P::BirthDate),
            ("idx_profiles_gender", P::Gender),
        ] {
            manager.create_index(Index::create().name(name).table(P::Table).col(column).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(VolunteerTags::Table)
                    .col(integer(VolunteerTags::UserId))
                    .col(string_len(VolunteerTags::Kind, 12))
                    .col(string_len(VolunteerTags::Value, 32))
                    .primary_key(
                        Index::create().col(VolunteerTags::UserId).col(VolunteerTags::Kind).col(VolunteerTags::Value),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(VolunteerTags::Table, VolunteerTags::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_tags_kind_value")
                    .table(VolunteerTags::Table)
                    .col(VolunteerTags::Kind)
                    .col(VolunteerTags::Value)
                    .col(VolunteerTags::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(VolunteerTags::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VolunteerProfiles::Table).to_owned()).await
    }
}
