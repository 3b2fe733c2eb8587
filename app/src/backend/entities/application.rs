use sea_orm::entity::prelude::*;

/// A volunteer's application to one shift.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub shift_id: i32,
    pub user_id: i32,
    /// `pending`, `approved`, `rejected`, `waitlisted`, `withdrawn`, `cancelled` or `expired` (an
    /// offered seat not confirmed in time).
    pub status: String,
    pub motivation: Option<String>,
    /// Why it was rejected or cancelled.
    pub reason: Option<String>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    /// Withdrawn after the opportunity's withdrawal cut-off.
    pub withdrawn_late: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// A waitlisted volunteer offered a freed seat (held for them) has until then to confirm it.
    pub offer_expires_at: Option<DateTimeUtc>,
    /// When the day-before reminder of an approved shift was sent (it is sent once).
    pub reminded_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
