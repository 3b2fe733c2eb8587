//! Schema migrations, applied at start-up and by `tam migrate`; the same on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

mod m20261129_000001_accounts;
mod m20261129_000002_login_failures;
mod m20261130_000003_throttle;
mod m20261130_000004_session_activity;
mod m20261130_000005_trust;
mod m20261130_000006_volunteer_profiles;
mod m20261130_000007_organizations;
mod m20261130_000008_opportunities;
mod m20261130_000009_live;
mod m20261130_000010_next_start;
mod m20261130_000011_qualifications;
mod m20261130_000012_attendance;
mod m20261130_000013_recognition;
mod m20261130_000014_training;
mod m20261130_000015_rollups;
mod m20261204_000016_crowd;
mod m20261204_000017_funnel;
mod m20261205_000018_search_and_counts;
mod m20261206_000019_weekday_statistics;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_accounts::Migration),
            Box::new(m20261129_000002_login_failures::Migration),
            Box::new(m20261130_000003_throttle::Migration),
            Box::new(m20261130_000004_session_activity::Migration),
            Box::new(m20261130_000005_trust::Migration),
            Box::new(m20261130_000006_volunteer_profiles::Migration),
            Box::new(m20261130_000007_organizations::Migration),
            Box::new(m20261130_000008_opportunities::Migration),
            Box::new(m20261130_000009_live::Migration),
            Box::new(m20261130_000010_next_start::Migration),
            Box::new(m20261130_000011_qualifications::Migration),
            Box::new(m20261130_000012_attendance::Migration),
            Box::new(m20261130_000013_recognition::Migration),
            Box::new(m20261130_000014_training::Migration),
            Box::new(m20261130_000015_rollups::Migration),
            Box::new(m20261204_000016_crowd::Migration),
            Box::new(m20261204_000017_funnel::Migration),
            Box::new(m20261205_000018_search_and_counts::Migration),
            Box::new(m20261206_000019_weekday_statistics::Migration),
        ]
    }
}
