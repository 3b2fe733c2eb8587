use sea_orm::entity::prelude::*;

/// Something a volunteer can hold (a first-aid certificate), that an opportunity may require.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "qualifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The organization that manages it; none: the network's own.
    pub organization_id: Option<i32>,
    pub name_ar: String,
    pub name_en: String,
    /// How long a grant lasts, in months; none: it does not expire.
    pub valid_months: Option<i32>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
