use sea_orm::entity::prelude::*;

/// Whether an enrolled volunteer attended a session, as its coordinator marked it.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session_attendance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub user_id: i32,
    pub present: bool,
    pub marked_by: i32,
    pub marked_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
