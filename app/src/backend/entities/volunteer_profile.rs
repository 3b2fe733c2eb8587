use sea_orm::entity::prelude::*;

/// What a volunteer tells Tam about themselves, filled in step by step. Every field may be empty
/// until they fill it; `search_text` is the forgiving form of their names and free-text skills.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    pub name_ar: Option<String>,
    pub name_latin: Option<String>,
    /// E.164 (`+97455551234`).
    pub mobile: Option<String>,
    pub birth_date: Option<Date>,
    pub gender: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    pub municipality: Option<String>,
    pub education: Option<String>,
    pub skills_other: Option<String>,
    pub emergency_name: Option<String>,
    pub emergency_phone: Option<String>,
    pub emergency_relation: Option<String>,
    pub guardian_name: Option<String>,
    pub guardian_phone: Option<String>,
    pub guardian_email: Option<String>,
    pub guardian_relation: Option<String>,
    /// When the guardian of a minor consented (by a link mailed to them).
    pub guardian_consent_at: Option<DateTimeUtc>,
    pub search_text: String,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
