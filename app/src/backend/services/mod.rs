//! The rules of the domain, as plain functions over a database connection. Server functions and the
//! CLI call these; they are tested against real SQLite and PostgreSQL databases.

pub mod accounts;
pub mod applications;
pub mod attendance;
pub mod audit;
pub mod calendar;
pub mod certificates;
pub mod dashboard;
pub mod events;
pub mod hours;
pub mod mail;
pub mod matching;
pub mod mfa;
pub mod notifications;
pub mod opportunities;
pub mod organizations;
pub mod passwords;
pub mod privacy;
pub mod profiles;
pub mod qualifications;
pub mod rollups;
pub mod sessions;
pub mod stats;
pub mod throttle;
pub mod tiers;
pub mod tokens;
pub mod training;
pub mod verification;
pub mod volunteers;

/// Now and today, Qatar's (see [`crate::clock`]).
pub use crate::clock::{now, today};
