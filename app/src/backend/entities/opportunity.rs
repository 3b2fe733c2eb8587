use sea_orm::entity::prelude::*;

/// Something an organization needs volunteers for, with one or more shifts.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "opportunities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    /// One of the two titles may be missing; pages then show the other, marked with its language.
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub cause: String,
    pub municipality: String,
    pub place: String,
    pub min_age: i32,
    /// `any`, `women` or `men`.
    pub gender_rule: String,
    /// No sign-up later than this many hours before a shift starts.
    pub signup_cutoff_hours: i32,
    /// No withdrawal later than this many hours before a shift starts (a later one counts as late).
    pub withdraw_cutoff_hours: i32,
    /// `draft`, `published` or `closed`.
    pub status: String,
    pub search_text: String,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The start of its next shift to come (none: nothing to come), for listing soonest first.
    pub next_start: Option<DateTimeUtc>,
    /// A qualification a volunteer must hold, unexpired at the shift, to apply.
    pub required_qualification_id: Option<i32>,
}

impl ActiveModelBehavior for ActiveModel {}
