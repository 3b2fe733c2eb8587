use sea_orm::entity::prelude::*;

/// A training course: what it teaches (in either language or both) and the qualification it
/// grants, for how long.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// None: the network's own (its admins publish it).
    pub organization_id: Option<i32>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub qualification_id: i32,
    pub valid_months: Option<i32>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
