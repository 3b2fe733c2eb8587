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

/// A person's name as saved: the account's name, and the profile's Arabic and Latin names where
/// given. Pages show it in their own script with [`PersonName::get`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName {
    pub full: String,
    pub ar: Option<String>,
    pub latin: Option<String>,
}

impl PersonName {
    pub fn new(full: String, ar: Option<String>, latin: Option<String>) -> Self {
        let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        PersonName { full, ar: keep(ar), latin: keep(latin) }
    }

    /// The name in the page's script where the person saved one, else the account's name.
    #[cfg(feature = "ssr")]
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        let own = match lang {
            crate::i18n::Lang::Ar => self.ar.as_deref(),
            crate::i18n::Lang::En => self.latin.as_deref(),
        };
        own.unwrap_or(&self.full)
    }
}

/// Who is logged in, as the header and the guards need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    /// Notifications not read yet (the bell's count).
    pub unread: u32,
    pub full_name: String,
    /// The profile's names in each script, where saved (see [`PersonName`]).
    #[serde(default)]
    pub name_ar: Option<String>,
    #[serde(default)]
    pub name_latin: Option<String>,
    /// The profile's gender (`female`, `male`), where saved: Arabic messages that address the
    /// person agree with it, and are neutral without it.
    #[serde(default)]
    pub gender: Option<String>,
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
    pub fn name(&self) -> PersonName {
        PersonName::new(self.full_name.clone(), self.name_ar.clone(), self.name_latin.clone())
    }

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
    /// How complete the volunteer profile is, in percent.
    pub completeness: u8,
    /// A minor whose guardian has not consented yet: they cannot apply.
    pub needs_guardian_consent: bool,
    /// Documents (privacy notice, charter) with a version they have not accepted yet.
    pub pending_policies: Vec<String>,
}

/// The profile form's starting point (`/me/profile`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    /// `(field, value)`; a list one pair per value.
    pub values: Vec<(String, String)>,
    /// Percent.
    pub completeness: u8,
    pub minor: bool,
    pub guardian_email: Option<String>,
    pub guardian_consent_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The privacy notice, the charter and the optional consents, for one person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyState {
    /// Required documents whose current version they have not accepted yet.
    pub pending: Vec<String>,
    /// Optional consents given and not withdrawn.
    pub optional_given: Vec<String>,
    /// `(document, version, language, when)` of every acceptance that stands.
    pub accepted: Vec<(String, String, String, chrono::DateTime<chrono::Utc>)>,
}

/// A file the browser downloads: a server function answers `{"download": …}` and a plain form
/// post gets the file itself (see `server::api_requests`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    pub download: DownloadFile,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadFile {
    pub filename: String,
    pub content_type: String,
    pub body: String,
}

impl Download {
    /// The file a successful answer carries, if it is one.
    pub fn from_response(body: &[u8]) -> Option<DownloadFile> {
        serde_json::from_slice::<Download>(body).ok().map(|d| d.download)
    }
}

/// What `/admin/volunteers` is filtered by, as typed (and kept in the URL).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerQuery {
    #[serde(default)]
    pub words: String,
    #[serde(default)]
    pub skill: String,
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub age_band: String,
    #[serde(default)]
    pub gender: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub slot: String,
    #[serde(default)]
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerRow {
    pub user_id: i32,
    pub full_name: String,
    pub email: String,
    pub age: Option<i32>,
    pub gender: Option<String>,
    pub municipality: Option<String>,
    pub skills: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerPage {
    pub rows: Vec<VolunteerRow>,
    pub has_more: bool,
    pub errors: Vec<FieldError>,
    pub query: VolunteerQuery,
}

/// One volunteer's profile as an admin opens it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerDetail {
    pub user_id: i32,
    pub full_name: String,
    pub email: String,
    pub member_since: chrono::NaiveDate,
    /// `(field, value)` as the profile form names them; lists one pair per value.
    pub values: Vec<(String, String)>,
    pub age: Option<i32>,
    pub completeness: u8,
    pub guardian_consent_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What a guardian's consent link is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRequest {
    pub volunteer_name: String,
    pub guardian_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub full_name: String,
    pub email: String,
}

/// An organization's licence, as admins and its coordinators see it flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LicenceState {
    Valid,
    /// Ends within 30 days.
    EndingSoon,
    Expired,
    /// Not recorded (organizations set up by an operator).
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorRow {
    pub user_id: i32,
    pub person: Person,
    pub is_me: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRow {
    pub email: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// The coordinator area of one organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationOverview {
    pub organization: OrganizationRef,
    pub slug: String,
    pub licence_expiry: Option<chrono::NaiveDate>,
    pub licence: LicenceState,
    pub coordinators: Vec<CoordinatorRow>,
    /// Invitations not yet accepted, still good.
    pub invites: Vec<InviteRow>,
}

/// An organization as the admins review it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationApplication {
    pub id: i32,
    pub slug: String,
    pub name: LocalizedName,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub sector: Option<String>,
    pub licence_number: Option<String>,
    pub licence_expiry: Option<chrono::NaiveDate>,
    pub licence: LicenceState,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub municipality: Option<String>,
    pub website: Option<String>,
    pub status: String,
    pub review_reason: Option<String>,
    pub applicant: Option<Person>,
    pub applied_at: chrono::DateTime<chrono::Utc>,
}

/// An approved organization's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicOrganization {
    pub slug: String,
    pub name: LocalizedName,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub sector: Option<String>,
    pub municipality: Option<String>,
    pub website: Option<String>,
    pub since: chrono::NaiveDate,
    /// Its published opportunities to come, soonest first (a page of them), and whether more exist.
    pub opportunities: Vec<OpportunityCard>,
    pub more: bool,
}

/// `/org/apply`: the person's application so far, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationState {
    pub email_verified: bool,
    pub coordinator: bool,
    /// `pending` or `rejected`, with the name applied for and the reason of a rejection.
    pub status: Option<String>,
    pub name: Option<LocalizedName>,
    pub reason: Option<String>,
}

/// What an invitation link is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteDetails {
    pub organization: OrganizationRef,
    pub email: String,
    /// Whoever is logged in, if anyone (the invitation is for one address).
    pub signed_in_as: Option<String>,
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
    /// Applications waiting for review.
    pub pending_organizations: u64,
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
/// An answer that names the page to go to next (followed by the form island and plain posts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Go {
    pub go: String,
}

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

/// A text written in one or both languages (an opportunity's title): pages show the reader's, or
/// the other one marked with its language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub ar: Option<String>,
    pub en: Option<String>,
}

impl Bilingual {
    /// The text in `lang`, or in the other language (then `Some` of that language).
    #[cfg(feature = "ssr")]
    pub fn pick(&self, lang: crate::i18n::Lang) -> (String, Option<crate::i18n::Lang>) {
        let (mine, other) = match lang {
            crate::i18n::Lang::Ar => (&self.ar, &self.en),
            crate::i18n::Lang::En => (&self.en, &self.ar),
        };
        match (mine, other) {
            (Some(t), _) => (t.clone(), None),
            (None, Some(t)) => (t.clone(), Some(lang.other())),
            (None, None) => (String::new(), None),
        }
    }
}

/// What `/opportunities` is filtered by, as typed (and kept in the URL).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityQuery {
    #[serde(default)]
    pub words: String,
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub skill: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub seats: String,
    /// A day of the week (`sat` … `fri`).
    #[serde(default)]
    pub day: String,
    /// `date` (soonest first, the default) or `fit` (best fit first, for a logged-in volunteer).
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityCard {
    pub id: i32,
    pub title: Bilingual,
    pub organization: LocalizedName,
    pub cause: String,
    pub municipality: String,
    pub next_start: chrono::DateTime<chrono::Utc>,
    pub shifts: u32,
    pub taken: i32,
    pub capacity: i32,
    /// Why it fits the volunteer asking (`skill`, `cause`, `slot`, `near`; the value).
    #[serde(default)]
    pub reasons: Vec<(String, String)>,
    /// Some of its shifts overlap one of their approved shifts.
    #[serde(default)]
    pub clash: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityList {
    pub cards: Vec<OpportunityCard>,
    pub has_more: bool,
    /// Sorting by fit was asked by a visitor: the list is by date, and they are told why.
    #[serde(default)]
    pub fit_needs_login: bool,
    pub errors: Vec<FieldError>,
    pub query: OpportunityQuery,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftRow {
    pub id: i32,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub capacity: i32,
    pub taken: i32,
    /// The logged-in volunteer's application to it, if any (its status).
    pub mine: Option<String>,
}

/// Everything a volunteer needs to decide, on the opportunity's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityDetail {
    pub id: i32,
    pub title: Bilingual,
    pub description: Bilingual,
    pub organization: LocalizedName,
    pub organization_slug: String,
    pub cause: String,
    pub municipality: String,
    pub place: String,
    pub min_age: i32,
    pub gender_rule: String,
    pub signup_cutoff_hours: i32,
    pub withdraw_cutoff_hours: i32,
    pub required_skills: Vec<String>,
    pub preferred_skills: Vec<String>,
    /// What a volunteer must hold, unexpired at the shift, to apply.
    pub required_qualification: Option<LocalizedName>,
    /// Open courses that grant the required qualification.
    pub granting_courses: Vec<CourseCard>,
    pub shifts: Vec<ShiftRow>,
    pub signed_in: bool,
}

/// One of the coordinator's own opportunities, as `/org/opportunities` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgOpportunityRow {
    pub id: i32,
    pub title: Bilingual,
    pub status: String,
    pub shifts: u32,
    pub next_start: Option<chrono::DateTime<chrono::Utc>>,
    pub taken: i32,
    pub capacity: i32,
    pub pending: u32,
    /// The shifts to come, each with its roster.
    pub upcoming: Vec<ShiftSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftSummary {
    pub id: i32,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub taken: i32,
    pub capacity: i32,
}

/// An opportunity in its edit form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityEdit {
    pub id: i32,
    pub status: String,
    /// The details as the form's fields hold them (`name`, value).
    pub fields: Vec<(String, String)>,
    pub required_skills: Vec<String>,
    pub preferred_skills: Vec<String>,
    pub shifts: Vec<EditableShift>,
    /// The qualifications it may require.
    pub qualifications: Vec<QualificationChoice>,
}

/// A qualification an opportunity may require (a first-aid certificate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationChoice {
    pub id: i32,
    pub name: LocalizedName,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableShift {
    pub id: i32,
    /// In Qatar's time, as a `datetime-local` field holds it.
    pub starts: String,
    pub ends: String,
    pub capacity: i32,
    pub taken: i32,
    pub in_series: bool,
}

/// A shift's roster: who is approved, with how to reach them on the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub shift: ShiftSummary,
    pub opportunity: Bilingual,
    pub place: String,
    pub rows: Vec<RosterRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterRow {
    pub application_id: i32,
    pub volunteer_id: i32,
    pub name: PersonName,
    pub email: String,
    pub mobile: Option<String>,
    pub emergency_name: Option<String>,
    pub emergency_phone: Option<String>,
    /// Their attendance, once marked or checked in.
    pub attendance: Option<AttendanceMark>,
}

/// How a volunteer's attendance at a shift stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceMark {
    /// `present`, `late` or `no_show`.
    pub status: String,
    pub checked_in_at: Option<chrono::DateTime<chrono::Utc>>,
    pub checked_out_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Nobody checked them out: closed at the shift's end.
    pub checkout_missing: bool,
}

/// A shift's check-in screen: the code of the moment as a QR code and as a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinScreen {
    pub shift: ShiftSummary,
    pub opportunity: Bilingual,
    /// The address a phone opens (absolute).
    pub url: String,
    pub qr_svg: String,
}

/// A volunteer checked in (or why not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedIn {
    pub opportunity: Bilingual,
    pub at: chrono::DateTime<chrono::Utc>,
    pub late: bool,
}

/// Hours a volunteer reported: in the organization's queue (`who`), or in the volunteer's own
/// list (`organization`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursReportRow {
    pub id: i64,
    pub who: String,
    pub organization: Option<LocalizedName>,
    pub activity: String,
    pub worked_on: chrono::NaiveDate,
    pub minutes: i32,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    pub note: Option<String>,
}

/// What `/me` shows of hours: totals, the volunteer's reports, and where they may report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyHours {
    pub totals: Vec<HoursRow>,
    pub reports: Vec<HoursReportRow>,
    /// `(id, name)` of the organizations that approved them for a shift.
    pub organizations: Vec<(i32, LocalizedName)>,
    pub tier: TierProgress,
    pub certificates: Vec<CertificateRow>,
}

/// A qualification as a certificate states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldQualification {
    pub name: LocalizedName,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What a certificate states, as it was issued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateFacts {
    /// The account's name, as registered.
    pub name: String,
    /// The name in Arabic and in Latin letters, where the profile has them: each half of the
    /// certificate writes the name in its own script. (Absent on certificates issued before.)
    #[serde(default)]
    pub name_ar: Option<String>,
    #[serde(default)]
    pub name_latin: Option<String>,
    /// `female`, `male`, or unknown: the Arabic wording agrees with the person.
    #[serde(default)]
    pub gender: Option<String>,
    /// `all`, `organization` or `period`.
    pub scope: String,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub organizations: Vec<LocalizedName>,
    pub minutes: i64,
    pub first_day: Option<chrono::NaiveDate>,
    pub last_day: Option<chrono::NaiveDate>,
    pub tier: Option<LocalizedName>,
    pub qualifications: Vec<HeldQualification>,
}

/// A certificate and whether it still stands (`valid` or `superseded`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRow {
    pub id: i32,
    pub facts: CertificateFacts,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub status: String,
}

/// A certificate to print, with its verification address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificatePrint {
    pub row: CertificateRow,
    pub code: String,
    pub url: String,
    pub qr_svg: String,
}

/// What `/verify/<code>` found: `valid`, `superseded` or `invalid` (then no certificate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedCertificate {
    pub status: String,
    pub certificate: Option<CertificateRow>,
}

/// A recognition tier: reached at `min_hours` approved hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierRow {
    pub id: i32,
    pub name: LocalizedName,
    pub min_hours: i32,
}

/// Where a volunteer's approved hours stand among the tiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierProgress {
    pub minutes: i64,
    pub current: Option<TierRow>,
    pub next: Option<TierRow>,
}

/// A volunteer's approved hours with one organization in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursRow {
    pub organization: LocalizedName,
    pub year: i32,
    pub minutes: i64,
}

/// An application in a coordinator's queue, with what matters for the decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i32,
    pub status: String,
    pub volunteer_id: i32,
    pub volunteer: PersonName,
    pub age: Option<i32>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub motivation: Option<String>,
    /// How many approved shifts they withdrew from after the cut-off (anywhere on Tam).
    pub late_withdrawals: u32,
    /// Shifts they came to (present or late), and shifts they did not come to, anywhere on Tam.
    pub attended: u32,
    pub no_shows: u32,
    pub opportunity: Bilingual,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub taken: i32,
    pub capacity: i32,
    /// A freed seat is held for this waitlisted volunteer until then.
    pub offer_expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What a coordinator's queue shows (`/org/applications?…`, all optional): `state` (`pending`, the
/// default, or `waitlisted`), one `opportunity` and one of its `shift`s, `order` (`oldest`, the
/// default, or `newest`), and `after`: the last application of the page before (pages follow
/// one another by id, so deciding on a page never skips one on the next); `since`: see below.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueQuery {
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub opportunity: String,
    #[serde(default)]
    pub shift: String,
    #[serde(default)]
    pub order: String,
    #[serde(default)]
    pub after: String,
    /// The newest application when the page was opened: the live page counts what came since
    /// and is not on it.
    #[serde(default)]
    pub since: String,
}

/// A page of a coordinator's queue.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    /// How many match the filter, on every page.
    pub total: u64,
    /// The pending applications of the organization, whatever the filter.
    pub pending: u64,
    /// The `after` of the next page, when there is one.
    pub next: Option<i32>,
    /// The newest application matching the filter now.
    pub latest: i32,
    /// Applications matching the filter that came after `since` and are not on this page.
    pub fresh: u64,
    /// The filter as understood (unknown values dropped).
    pub query: QueueQuery,
    /// The organization's opportunities with a shift to come: `(id, title)`.
    pub opportunities: Vec<(i32, Bilingual)>,
    /// The chosen opportunity's shifts to come: `(id, start, end)`.
    pub shifts: Vec<(i32, chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)>,
}

/// One of my applications, on `/me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyApplication {
    pub id: i32,
    pub opportunity_id: i32,
    pub opportunity: Bilingual,
    pub organization: LocalizedName,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub status: String,
    pub reason: Option<String>,
    /// A freed seat is held for me until then: confirm it or let it pass to the next.
    pub offer_expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// An approved place can be given up until then (the opportunity's withdrawal cut-off);
    /// after it, the organization has to be told instead.
    pub withdraw_closes_at: chrono::DateTime<chrono::Utc>,
}

/// A notification (the bell), on `/me/notifications`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: i64,
    pub kind: String,
    pub title: Bilingual,
    pub starts_at: Option<chrono::DateTime<chrono::Utc>>,
    pub detail: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub read: bool,
}

/// The funnel's stages, in order (labels `funnel-<stage>`).
pub const FUNNEL_STAGES: [&str; 5] = ["registered", "profile-complete", "applied", "approved", "attended"];

/// What a dashboard view is filtered by, as typed (and kept in the URL): months `YYYY-MM` and an
/// organization id (admins only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub organization: String,
}

/// A named row of a ranking: an organization's hours, an opportunity's applications (`extra`:
/// of them approved).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    pub name: LocalizedName,
    pub value: i64,
    pub extra: i64,
}

/// Every figure of a dashboard view. Series run along `months`; hours are minutes; breakdowns are
/// `(taxonomy key, count)`, largest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardFigures {
    pub months: Vec<String>,
    pub registrations: Vec<i64>,
    pub applications: Vec<i64>,
    pub approved: Vec<i64>,
    pub hours: Vec<i64>,
    pub municipality: Vec<(String, i64)>,
    pub gender: Vec<(String, i64)>,
    pub age_band: Vec<(String, i64)>,
    pub cause: Vec<(String, i64)>,
    pub sector: Vec<(String, i64)>,
    pub organizations: Vec<Ranked>,
    pub opportunities: Vec<Ranked>,
    /// Registered, profile complete, applied, approved, attended.
    pub funnel: Vec<i64>,
    /// Joined today, applications pending, checked in now.
    pub counters: [i64; 3],
}

/// A dashboard page: the figures, the filter as typed and its errors, and (for admins) the
/// organizations to filter by; `organization`: whose view it is, for a coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardPage {
    pub query: DashboardQuery,
    pub errors: Vec<FieldError>,
    pub figures: Option<DashboardFigures>,
    pub organizations: Vec<(i32, LocalizedName)>,
}

/// `/impact`: public aggregates; `None` where fewer than ten people would be shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactFigures {
    pub volunteers: Option<i64>,
    pub hours: Option<i64>,
    pub opportunities: i64,
    pub organizations: i64,
    pub municipality: Vec<(String, Option<i64>)>,
    pub gender: Vec<(String, Option<i64>)>,
    pub cause: Vec<(String, Option<i64>)>,
}

/// A session of a course, with its seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseSession {
    pub id: i32,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub capacity: i32,
    pub taken: i32,
}

/// A course as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: i32,
    pub title: Bilingual,
    /// None: the network's own course.
    pub organization: Option<LocalizedName>,
    pub qualification: LocalizedName,
    pub valid_months: Option<i32>,
    pub first: Option<chrono::DateTime<chrono::Utc>>,
    pub sessions: usize,
    /// Places left: the fewest seats left in any session.
    pub seats_left: i32,
}

/// A course's page: the card, the description, the sessions, and the viewer's enrolment status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoursePage {
    pub card: CourseCard,
    pub description: Bilingual,
    pub sessions: Vec<CourseSession>,
    pub mine: Option<String>,
}

/// An enrolled volunteer on a course's roster: present at each session (`None`: not marked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolledRow {
    pub user_id: i32,
    pub name: PersonName,
    pub status: String,
    pub present: Vec<Option<bool>>,
}

/// The coordinator's page of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRoster {
    pub card: CourseCard,
    pub sessions: Vec<CourseSession>,
    pub rows: Vec<EnrolledRow>,
}

/// `/me`: qualifications held and courses enrolled on (with the enrolment's status).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTraining {
    pub held: Vec<HeldQualification>,
    pub courses: Vec<(CourseCard, String)>,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::PersonName;
    use crate::i18n::Lang;

    #[test]
    fn a_name_is_shown_in_the_script_of_the_page_where_saved() {
        let both =
            PersonName::new("Mariam Al-Kuwari".into(), Some("مريم الكواري".into()), Some("Mariam Al-Kuwari".into()));
        assert_eq!(both.get(Lang::Ar), "مريم الكواري");
        assert_eq!(both.get(Lang::En), "Mariam Al-Kuwari");
        // Only the account's name (or a blank profile name): that name in both languages.
        let account = PersonName::new("مريم الكواري".into(), Some("  ".into()), None);
        assert_eq!(account.get(Lang::En), "مريم الكواري");
        assert_eq!(account.get(Lang::Ar), "مريم الكواري");
    }
}
