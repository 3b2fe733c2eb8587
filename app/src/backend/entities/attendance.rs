use sea_orm::entity::prelude::*;

/// Whether a volunteer came to a shift they were approved for: one row per application.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub application_id: i32,
    pub shift_id: i32,
    pub user_id: i32,
    pub organization_id: i32,
    /// `present`, `late` or `no_show`.
    pub status: String,
    pub checked_in_at: Option<DateTimeUtc>,
    pub checked_out_at: Option<DateTimeUtc>,
    /// Nobody checked them out: closed at the shift's end, and flagged for the coordinator.
    pub checkout_missing: bool,
    /// The coordinator who marked it; none: the volunteer checked in with the shift's code.
    pub marked_by: Option<i32>,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
