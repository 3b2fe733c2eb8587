use sea_orm::entity::prelude::*;

/// Something that happened which open screens should show at once: the live stream sends each
/// user the events about their own applications and their organization's queue. The id orders
/// them, and a reconnecting browser resumes after the last one it saw (`Last-Event-ID`).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `application-submitted`, `application-decided`, `application-withdrawn`, `offer` …
    pub kind: String,
    /// Whose queue it changes: that organization's coordinators see it.
    pub organization_id: Option<i32>,
    /// Whose application it is: that volunteer sees it.
    pub user_id: Option<i32>,
    pub application_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
