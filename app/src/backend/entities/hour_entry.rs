use sea_orm::entity::prelude::*;

/// A line of a volunteer's hours ledger: from attendance (approved as it is recorded), or
/// reported by the volunteer for the organization's coordinator to approve.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hour_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i32,
    pub organization_id: i32,
    pub attendance_id: Option<i32>,
    pub activity: Option<String>,
    pub worked_on: Date,
    pub minutes: i32,
    /// `approved`, `pending` or `rejected`.
    pub status: String,
    pub note: Option<String>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
