//! The platform administrators' pages.

mod dashboard;

pub use dashboard::AdminPage;
