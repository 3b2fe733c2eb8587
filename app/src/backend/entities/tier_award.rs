use sea_orm::entity::prelude::*;

/// A volunteer reached a tier (once: they were told then).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tier_awards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub tier_id: i32,
    pub reached_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
