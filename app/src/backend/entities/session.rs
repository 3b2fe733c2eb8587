use sea_orm::entity::prelude::*;

/// A logged-in browser. The key is the SHA-256 of the cookie's token, so a copy of the database
/// does not hand out live sessions.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub user_id: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// The last request made with it (at most a minute off); none yet for a fresh one.
    pub last_seen_at: Option<DateTimeUtc>,
    /// The browser's User-Agent when the session began (shown as the device).
    pub user_agent: Option<String>,
    /// The client address the session began from.
    pub address: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
