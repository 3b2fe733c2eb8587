use sea_orm::entity::prelude::*;

/// A charity, center or foundation that publishes opportunities.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name_ar: String,
    pub name_en: String,
    pub created_at: DateTimeUtc,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub sector: Option<String>,
    pub licence_number: Option<String>,
    pub licence_expiry: Option<Date>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub municipality: Option<String>,
    pub website: Option<String>,
    /// `pending` (applied, under review), `approved` or `rejected`.
    pub status: String,
    /// Why it was rejected (mailed to the applicant).
    pub review_reason: Option<String>,
    /// The user who applied: the first coordinator once approved.
    pub applied_by: Option<i32>,
    pub reviewed_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
