use sea_orm::entity::prelude::*;

/// A volunteer's iCal feed of their approved shifts: whoever has the token reads it (a calendar
/// app cannot log in), so the volunteer can replace it, which ends the old address.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feeds")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    pub token: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
