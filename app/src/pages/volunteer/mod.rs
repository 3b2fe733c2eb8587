//! The volunteer's own pages.

mod me;

pub use me::MePage;
