//! Pages, one folder per audience.

pub mod admin;
pub mod coordinator;
pub mod not_found;
pub mod public;
pub mod volunteer;
