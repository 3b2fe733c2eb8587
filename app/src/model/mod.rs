//! Data shared by browser and server: validated inputs and the DTOs pages receive. No I/O here.

pub mod error;
pub mod inputs;

pub use error::{AppError, FieldError, FORM};
pub use inputs::{local_path, Email, FullName, Password};

use serde::{Deserialize, Serialize};

/// An organization's name in both languages; pages pick one with [`LocalizedName::get`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedName {
    pub ar: String,
    pub en: String,
}

impl LocalizedName {
    #[cfg(feature = "ssr")]
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Ar => &self.ar,
            crate::i18n::Lang::En => &self.en,
        }
    }
}

/// Who is logged in, as the header and the guards need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    pub full_name: String,
    pub is_admin: bool,
    /// The organization this user coordinates, if any (a coordinator belongs to one).
    pub coordinator_of: Option<OrganizationRef>,
    /// The address was proven by a mailed link.
    pub email_verified: bool,
    /// Two-step sign-in (TOTP) is on.
    pub mfa_enabled: bool,
    /// For a coordinator without MFA: until when they may still act for the organization.
    pub mfa_due: Option<chrono::DateTime<chrono::Utc>>,
}

impl CurrentUser {
    /// Coordinators and admins see other people's data: shorter sessions, two-step sign-in required.
    pub fn is_staff(&self) -> bool {
        self.is_admin || self.coordinator_of.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationRef {
    pub id: i32,
    pub name: LocalizedName,
}

/// The volunteer's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProfile {
    pub user: CurrentUser,
    pub email: String,
    pub member_since: chrono::NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub full_name: String,
    pub email: String,
}

/// The coordinator area of one organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationOverview {
    pub organization: OrganizationRef,
    pub coordinators: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationRow {
    pub name: LocalizedName,
    pub coordinators: u64,
}

/// Platform-wide counters for administrators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub volunteers: u64,
    pub organizations: u64,
    pub coordinators: u64,
    pub organization_rows: Vec<OrganizationRow>,
}

/// Counts anyone may see on the home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicStats {
    pub volunteers: u64,
    pub organizations: u64,
}

/// The page a successful server function's answer sends the browser to first (`{"go": "/…"}`),
/// if it names one on this site.
pub fn go_from_response(body: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Go {
        go: Option<String>,
    }
    let go = serde_json::from_slice::<Go>(body).ok()?.go?;
    local_path(&go).map(str::to_string)
}

/// What a login asks of the browser next: nothing (`go: None`, the form goes on to its `next`), or
/// another page first (the code of two-step sign-in).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginStep {
    pub go: Option<String>,
}

/// One of my sessions, as `/me/security` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRow {
    /// The session's id (the hash of its token, not the token).
    pub id: String,
    pub browser: Option<String>,
    pub system: Option<String>,
    pub address: Option<String>,
    pub started: chrono::DateTime<chrono::Utc>,
    pub last_seen: chrono::DateTime<chrono::Utc>,
    /// The session of this very request.
    pub current: bool,
}

/// `/me/security`: sessions, two-step sign-in, the address's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub user: CurrentUser,
    pub sessions: Vec<SessionRow>,
    pub recovery_codes_left: u64,
    /// Admins and coordinators cannot turn it off.
    pub mfa_required: bool,
}

/// The enrolment page: the secret as a QR code (SVG) and as text, and the recovery codes, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaEnrolment {
    pub secret: String,
    pub qr_svg: String,
    pub recovery_codes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub recipient: String,
    pub lang: String,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub kind: String,
    pub outcome: String,
    pub address: Option<String>,
    pub detail: Option<String>,
}

/// What `/admin/audit` is filtered by, as typed in its form (and kept in the URL).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub kinds: Vec<String>,
    pub has_more: bool,
    /// Filters that could not be read, each with its translated message (nothing is listed then).
    pub errors: Vec<FieldError>,
    /// The filters this page was asked for, to show them again.
    pub query: AuditQuery,
}
