use sea_orm::entity::prelude::*;

/// A recognition tier: reached at `min_hours` approved hours. Admins set them.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tiers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub min_hours: i32,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
