//! The coordinators' area of an organization, and applying for one to join.

mod applications;
mod apply;
mod checkin;
mod hours;
mod opportunities;
mod org;
mod roster;
mod training;

pub use applications::OrgApplicationsPage;
pub use apply::ApplyPage;
pub use checkin::CheckinScreenPage;
pub use hours::OrgHoursPage;
pub use opportunities::{OrgOpportunitiesPage, OrgOpportunityEditPage};
pub use org::{LicenceNotice, OrgPage, OrgStatsPage};
pub use roster::RosterPage;
pub use training::{CourseRosterPage, ManageTrainingPage};
