//! SeaORM entities: how the volunteer world is stored. Services are the only users.

pub mod application;
pub mod attendance;
pub mod audit_event;
pub mod calendar_feed;
pub mod coordinator;
pub mod coordinator_invite;
pub mod event;
pub mod hour_entry;
pub mod notification;
pub mod opportunity;
pub mod opportunity_skill;
pub mod organization;
pub mod outbox;
pub mod policy_acceptance;
pub mod qualification;
pub mod recovery_code;
pub mod session;
pub mod shift;
pub mod throttle_bucket;
pub mod token;
pub mod user;
pub mod volunteer_profile;
pub mod volunteer_qualification;
pub mod volunteer_tag;
