//! The volunteer's own pages.

mod me;
mod mfa;
mod security;

pub use me::MePage;
pub use mfa::MfaPage;
pub use security::SecurityPage;
