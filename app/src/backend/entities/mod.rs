//! SeaORM entities: how the volunteer world is stored. Services are the only users.

pub mod coordinator;
pub mod login_failure;
pub mod organization;
pub mod session;
pub mod user;
