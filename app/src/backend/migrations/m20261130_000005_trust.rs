//! What accounts a national platform can trust need: verified addresses, a language to write to
//! people in, TOTP and recovery codes, single-use tokens (verification, reset, the second login
//! step), the device and address of each session, the mail outbox, and an append-only audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    EmailVerifiedAt,
    Lang,
    MfaSecret,
    MfaPendingSecret,
    MfaEnabledAt,
    MfaLastStep,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    UserAgent,
    Address,
}

#[derive(DeriveIden)]
enum Tokens {
    Table,
    Id,
    UserId,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    Pending,
    UsedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    CreatedAt,
    Recipient,
    Lang,
    Kind,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    SentAt,
    LastError,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    At,
    ActorId,
    SubjectId,
    Kind,
    Outcome,
    Address,
    Detail,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            timestamp_with_time_zone_null(Users::EmailVerifiedAt),
            string_len(Users::Lang, 2).default("ar").to_owned(),
            string_len_null(Users::MfaSecret, 64),
            string_len_null(Users::MfaPendingSecret, 64),
            timestamp_with_time_zone_null(Users::MfaEnabledAt),
            big_integer_null(Users::MfaLastStep),
        ] {
            let mut column = column;
            manager.alter_table(Table::alter().table(Users::Table).add_column(&mut column).to_owned()).await?;
        }
        for column in [string_len_null(Sessions::UserAgent, 300), string_len_null(Sessions::Address, 64)] {
            let mut column = column;
            manager.alter_table(Table::alter().table(Sessions::Table).add_column(&mut column).to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Tokens::Table)
                    .col(string_len(Tokens::Id, 64).primary_key())
                    .col(integer(Tokens::UserId))
                    .col(string_len(Tokens::Purpose, 16))
                    .col(timestamp_with_time_zone(Tokens::CreatedAt))
                    .col(timestamp_with_time_zone(Tokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Tokens::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Tokens::Table, Tokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_tokens_user_purpose")
                    .table(Tokens::Table)
                    .col(Tokens::UserId)
                    .col(Tokens::Purpose)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RecoveryCodes::Table)
                    .col(pk_auto(RecoveryCodes::Id))
                    .col(integer(RecoveryCodes::UserId))
                    .col(string_len(RecoveryCodes::CodeHash, 64))
                    .col(boolean(RecoveryCodes::Pending))
                    .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryCodes::Table, RecoveryCodes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_codes_user")
                    .table(RecoveryCodes::Table)
                    .col(RecoveryCodes::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(big_pk_auto(Outbox::Id))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(string_len(Outbox::Recipient, 254))
                    .col(string_len(Outbox::Lang, 2))
                    .col(string_len(Outbox::Kind, 32))
                    .col(string_len(Outbox::Subject, 300))
                    .col(text(Outbox::BodyText))
                    .col(text(Outbox::BodyHtml))
                    .col(string_len(Outbox::Status, 16))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .col(string_len_null(Outbox::LastError, 500))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_due")
                    .table(Outbox::Table)
                    .col(Outbox::Status)
                    .col(Outbox::NextAttemptAt)
                    .to_owned(),
            )
            .await?;

        // No foreign keys: the log outlives the accounts it names.
        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(big_pk_auto(AuditEvents::Id))
                    .col(timestamp_with_time_zone(AuditEvents::At))
                    .col(integer_null(AuditEvents::ActorId))
                    .col(integer_null(AuditEvents::SubjectId))
                    .col(string_len(AuditEvents::Kind, 48))
                    .col(string_len(AuditEvents::Outcome, 16))
                    .col(string_len_null(AuditEvents::Address, 64))
                    .col(string_len_null(AuditEvents::Detail, 500))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_audit_at", AuditEvents::At),
            ("idx_audit_actor", AuditEvents::ActorId),
            ("idx_audit_subject", AuditEvents::SubjectId),
            ("idx_audit_kind", AuditEvents::Kind),
        ] {
            manager.create_index(Index::create().name(name).table(AuditEvents::Table).col(column).to_owned()).await?;
        }
        // Append-only, whatever the code does: the database refuses to change or remove a row.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS \
                     $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events \
                     FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
                )
                .await?;
            }
            _ => {
                for op in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER audit_events_no_{} BEFORE {op} ON audit_events \
                         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
                        op.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS audit_events_append_only() CASCADE")
                .await?;
        }
        for table in [
            AuditEvents::Table.into_iden(),
            Outbox::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            Tokens::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in [Sessions::UserAgent, Sessions::Address] {
            manager.alter_table(Table::alter().table(Sessions::Table).drop_column(column).to_owned()).await?;
        }
        for column in [
            Users::EmailVerifiedAt,
            Users::Lang,
            Users::MfaSecret,
            Users::MfaPendingSecret,
            Users::MfaEnabledAt,
            Users::MfaLastStep,
        ] {
            manager.alter_table(Table::alter().table(Users::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
