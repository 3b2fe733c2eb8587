use sea_orm::entity::prelude::*;

/// Attempts counted in one bucket (`login:<email>|<address>`, `login-from:<address>` …) since the
/// start of its window. Written only by `services::throttle`, in one atomic statement.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "throttle_buckets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    pub window_start: DateTimeUtc,
    pub hits: i64,
}

impl ActiveModelBehavior for ActiveModel {}
