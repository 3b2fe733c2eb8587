//! The volunteer's own pages.

mod me;
mod mfa;
mod privacy;
mod profile;
mod security;

pub use me::MePage;
pub use mfa::MfaPage;
pub use privacy::{PendingPolicies, PrivacySettingsPage};
pub use profile::ProfilePage;
pub use security::SecurityPage;
