use sea_orm::entity::prelude::*;

/// One of ten single-use codes that stand in for the authenticator app, stored as SHA-256.
/// `pending` codes belong to an enrolment not yet confirmed.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_codes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub code_hash: String,
    pub pending: bool,
    pub used_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
