use sea_orm::entity::prelude::*;

/// A skill an opportunity requires (`required`) or prefers.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "opportunity_skills")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub opportunity_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub skill: String,
    pub required: bool,
}

impl ActiveModelBehavior for ActiveModel {}
