//! The coordinators' area of an organization, and applying for one to join.

mod apply;
mod org;

pub use apply::ApplyPage;
pub use org::{LicenceNotice, OrgPage};
