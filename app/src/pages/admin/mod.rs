//! The platform administrators' pages.

mod audit;
mod dashboard;
mod outbox;

pub use audit::AuditLogPage;
pub use dashboard::AdminPage;
pub use outbox::OutboxPage;
