use sea_orm::entity::prelude::*;

/// A volunteer accepted a version of a document (the privacy notice, the charter) or gave an
/// optional consent, in a language, at a time; an optional one can be withdrawn.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "policy_acceptances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub document: String,
    pub version: String,
    pub lang: String,
    pub accepted_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
