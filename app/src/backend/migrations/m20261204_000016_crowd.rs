//! Indexes for the pages a crowd lives in (issue 19), each read from a query plan of a page that
//! read more rows than it shows:
//! - shifts by opportunity and start: an opportunity's shifts to come are one range (for you, an
//!   opportunity's page, the queue's shift filter), where the opportunity alone left SQLite free to
//!   walk every future shift in the country instead;
//! - published opportunities of a cause, or of a municipality, soonest first (the two filters
//!   visitors use most), and the opportunities asking for a skill: `/opportunities` walked the
//!   whole soonest-first index to find twenty that matched;
//! - a volunteer's enrolments (their `/me`), which had only the course's index;
//! - an organization's open check-ins (the "here now" counter of `/org`), a scan of every
//!   attendance row before;
//! - the audit's "has this coordinator seen this person in the last hour", asked for each person a
//!   page shows (by actor, kind and time rather than every row of the actor).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &str, &str); 7] = [
    ("idx_shifts_opportunity_starts", "shifts", "opportunity_id, starts_at"),
    ("idx_opportunities_cause_next", "opportunities", "status, cause, next_start"),
    ("idx_opportunities_place_next", "opportunities", "status, municipality, next_start"),
    ("idx_opportunity_skills_skill", "opportunity_skills", "skill, opportunity_id"),
    ("idx_enrolments_user", "enrolments", "user_id"),
    ("idx_attendance_open", "attendance", "organization_id, checked_out_at"),
    ("idx_audit_actor_kind_at", "audit_events", "actor_id, kind, at"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, table, cols) in INDEXES {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON {table} ({cols})")).await?;
        }
        // The new shifts index starts with the opportunity: the old one is a prefix of it.
        db.execute_unprepared("DROP INDEX idx_shifts_opportunity").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("CREATE INDEX idx_shifts_opportunity ON shifts (opportunity_id)").await?;
        for (name, _, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }
}
