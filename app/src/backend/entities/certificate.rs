use sea_orm::entity::prelude::*;

/// A certificate a volunteer issued: what it covers and the facts it states as issued.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The random part of the public code.
    pub serial: String,
    pub user_id: i32,
    /// `all`, `organization` or `period`.
    pub scope: String,
    pub organization_id: Option<i32>,
    pub from_date: Option<Date>,
    pub to_date: Option<Date>,
    /// The stated facts, JSON (`model::CertificateFacts`).
    pub facts: String,
    pub issued_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
