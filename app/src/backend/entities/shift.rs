use sea_orm::entity::prelude::*;

/// A time slot of an opportunity with a number of seats. `taken` counts the approved volunteers
/// and changes only by one conditional update (`taken < capacity`).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shifts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub opportunity_id: i32,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub capacity: i32,
    pub taken: i32,
    /// Shifts made in one step as a weekly series share the id of the first.
    pub series_id: Option<i32>,
    /// What its rotating check-in codes are made from; made when its check-in page is first opened.
    pub checkin_secret: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
