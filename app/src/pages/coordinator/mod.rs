//! The coordinators' area of an organization.

mod org;

pub use org::OrgPage;
