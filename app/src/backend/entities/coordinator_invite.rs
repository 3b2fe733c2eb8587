use sea_orm::entity::prelude::*;

/// An invitation to coordinate an organization, mailed to an address: single-use, expiring. Only
/// the SHA-256 of the link's secret is stored.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coordinator_invites")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub email: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub invited_by: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    pub used_by: Option<i32>,
}

impl ActiveModelBehavior for ActiveModel {}
