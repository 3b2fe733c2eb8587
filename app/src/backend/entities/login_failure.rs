use sea_orm::entity::prelude::*;

/// One failed login for an email address (known or not), kept to slow down password guessing.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub email: String,
    pub failed_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
