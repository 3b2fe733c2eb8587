//! The volunteer's own pages.

mod applications;
mod certificate;
mod checkin;
pub(crate) mod hours;
mod me;
mod mfa;
mod notifications;
mod privacy;
mod profile;
mod security;
mod training;

pub use applications::MyApplications;
pub use certificate::{lang_separator, CertificateBody, CertificatePage, VerifyCertificatePage};
pub use checkin::CheckInPage;
pub use hours::{hours_text, MyHours};
pub use me::MePage;
pub use mfa::MfaPage;
pub use notifications::{CalendarFeed, ForYou, NotificationsPage};
pub use privacy::{PendingPolicies, PrivacySettingsPage};
pub use profile::{CompletenessMeter, ProfilePage};
pub use security::SecurityPage;
pub use training::MyTrainingSection;
