use sea_orm::entity::prelude::*;

/// A qualification a volunteer holds, until it expires (one row per volunteer and qualification;
/// a renewal moves the dates).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_qualifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub qualification_id: i32,
    pub granted_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    /// When the volunteer was warned that it expires (cleared by a renewal).
    pub warned_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
