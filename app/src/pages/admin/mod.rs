//! The platform administrators' pages.

mod audit;
mod dashboard;
mod organizations;
mod outbox;
mod stats;
mod tiers;
mod volunteers;

pub use audit::AuditLogPage;
pub use dashboard::AdminPage;
pub use organizations::OrganizationsQueuePage;
pub use outbox::OutboxPage;
pub use stats::{dashboard_query, Counters, Stats};
pub use tiers::TiersPage;
pub use volunteers::{AdminVolunteerPage, AdminVolunteersPage};
