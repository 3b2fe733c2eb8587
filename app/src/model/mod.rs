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
