//! The funnel reads as a funnel (issue 20): a person counts at every stage up to the furthest they
//! reached (an applicant has a profile good enough to apply with, whatever else is missing), and a
//! complete profile is what the profile form asks before applying (birth date, gender,
//! municipality, mobile), not also the optional emergency number. The roll-ups are counted again
//! with the new rules; nothing else changes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::backend::services::rollups::rebuild(manager.get_connection()).await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
