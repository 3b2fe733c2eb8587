use sea_orm::entity::prelude::*;

/// An in-app notification (the bell). Stored as facts, not text, so that it reads in whichever
/// language its recipient uses when they open it.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i32,
    /// `application-approved`, `application-rejected`, `application-waitlisted`,
    /// `application-cancelled`, `offer`, `offer-expired`, `reminder`, `application-new`.
    pub kind: String,
    pub application_id: Option<i32>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub starts_at: Option<DateTimeUtc>,
    /// A reason given by a coordinator, as typed.
    pub detail: Option<String>,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
