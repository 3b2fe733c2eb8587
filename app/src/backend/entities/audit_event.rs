use sea_orm::entity::prelude::*;

/// One security-relevant event: who (`actor_id`) did what (`kind`) to whom (`subject_id`), when,
/// from where, and how it ended. Rows are only ever inserted (the database refuses anything else).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i32>,
    pub subject_id: Option<i32>,
    pub kind: String,
    /// `ok`, `refused` or `throttled`.
    pub outcome: String,
    pub address: Option<String>,
    pub detail: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
