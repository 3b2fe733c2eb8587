//! Capacity building: courses that organizations (or the network's admins) publish, their
//! sessions with dates and seats, volunteers' enrolments (a seat in every session, taken together),
//! attendance per session, and the qualification a course grants when every session was attended.
//! A volunteer's qualification remembers when they were warned that it expires.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Qualifications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum VolunteerQualifications {
    Table,
    WarnedAt,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
    OrganizationId,
    TitleAr,
    TitleEn,
    DescriptionAr,
    DescriptionEn,
    QualificationId,
    ValidMonths,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CourseSessions {
    Table,
    Id,
    CourseId,
    StartsAt,
    EndsAt,
    Capacity,
    Taken,
}

#[derive(DeriveIden)]
enum Enrolments {
    Table,
    Id,
    CourseId,
    UserId,
    Status,
    CreatedAt,
    CompletedAt,
}

#[derive(DeriveIden)]
enum SessionAttendance {
    Table,
    Id,
    SessionId,
    UserId,
    Present,
    MarkedBy,
    MarkedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut column = timestamp_with_time_zone_null(VolunteerQualifications::WarnedAt);
        manager
            .alter_table(Table::alter().table(VolunteerQualifications::Table).add_column(&mut column).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Courses::Table)
                    .col(pk_auto(Courses::Id))
                    // The organization's, or none: the network's (its admins').
                    .col(integer_null(Courses::OrganizationId))
                    .col(string_len_null(Courses::TitleAr, 200))
                    .col(string_len_null(Courses::TitleEn, 200))
                    .col(text_null(Courses::DescriptionAr))
                    .col(text_null(Courses::DescriptionEn))
                    .col(integer(Courses::QualificationId))
                    // How long the qualification lasts when this course grants it; none: for good.
                    .col(integer_null(Courses::ValidMonths))
                    .col(integer(Courses::CreatedBy))
                    .col(timestamp_with_time_zone(Courses::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Courses::Table, Courses::QualificationId)
                            .to(Qualifications::Table, Qualifications::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_courses_qualification")
                    .table(Courses::Table)
                    .col(Courses::QualificationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseSessions::Table)
                    .col(pk_auto(CourseSessions::Id))
                    .col(integer(CourseSessions::CourseId))
                    .col(timestamp_with_time_zone(CourseSessions::StartsAt))
                    .col(timestamp_with_time_zone(CourseSessions::EndsAt))
                    .col(integer(CourseSessions::Capacity))
                    .col(integer(CourseSessions::Taken).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CourseSessions::Table, CourseSessions::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_sessions_course")
                    .table(CourseSessions::Table)
                    .col(CourseSessions::CourseId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enrolments::Table)
                    .col(pk_auto(Enrolments::Id))
                    .col(integer(Enrolments::CourseId))
                    .col(integer(Enrolments::UserId))
                    // `enrolled`, `withdrawn` or `completed`.
                    .col(string_len(Enrolments::Status, 16))
                    .col(timestamp_with_time_zone(Enrolments::CreatedAt))
                    .col(timestamp_with_time_zone_null(Enrolments::CompletedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Enrolments::Table, Enrolments::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Enrolments::Table, Enrolments::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_enrolments_once")
                    .table(Enrolments::Table)
                    .col(Enrolments::CourseId)
                    .col(Enrolments::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SessionAttendance::Table)
                    .col(pk_auto(SessionAttendance::Id))
                    .col(integer(SessionAttendance::SessionId))
                    .col(integer(SessionAttendance::UserId))
                    .col(boolean(SessionAttendance::Present))
                    .col(integer(SessionAttendance::MarkedBy))
                    .col(timestamp_with_time_zone(SessionAttendance::MarkedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SessionAttendance::Table, SessionAttendance::SessionId)
                            .to(CourseSessions::Table, CourseSessions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SessionAttendance::Table, SessionAttendance::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_session_attendance_once")
                    .table(SessionAttendance::Table)
                    .col(SessionAttendance::SessionId)
                    .col(SessionAttendance::UserId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            SessionAttendance::Table.into_iden(),
            Enrolments::Table.into_iden(),
            CourseSessions::Table.into_iden(),
            Courses::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(VolunteerQualifications::Table)
                    .drop_column(VolunteerQualifications::WarnedAt)
                    .to_owned(),
            )
            .await
    }
}
