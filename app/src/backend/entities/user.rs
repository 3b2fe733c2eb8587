use sea_orm::entity::prelude::*;

/// A person with an account. Every user is a volunteer; `is_admin` and a row in `coordinators`
/// add the other roles.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Lower-cased; unique.
    #[sea_orm(unique)]
    pub email: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    pub full_name: String,
    pub is_admin: bool,
    pub created_at: DateTimeUtc,
    /// When the person proved the address is theirs (a link mailed to it); none yet.
    pub email_verified_at: Option<DateTimeUtc>,
    /// The language mail is written to them in (`ar` or `en`): the one they last used.
    pub lang: String,
    /// The TOTP secret (base32) once two-step sign-in is on.
    pub mfa_secret: Option<String>,
    /// A secret offered on the enrolment page, not yet confirmed with a code.
    pub mfa_pending_secret: Option<String>,
    pub mfa_enabled_at: Option<DateTimeUtc>,
    /// The last TOTP time step accepted: a code is never accepted twice.
    pub mfa_last_step: Option<i64>,
    /// The account was deleted: its personal data is gone, the row stays for the counts.
    pub deleted_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
