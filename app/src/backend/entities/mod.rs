//! SeaORM entities: how the volunteer world is stored. Services are the only users.

pub mod coordinator;
pub mod organization;
pub mod session;
pub mod throttle_bucket;
pub mod user;
