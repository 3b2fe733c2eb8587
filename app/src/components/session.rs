//! The logged-in user as the whole page sees it, refreshed after login, registration and logout.

use leptos::prelude::*;

use crate::api::get_current_user;
use crate::model::{AppError, CurrentUser};

#[derive(Clone, Copy)]
pub struct Session {
    /// Bumped whenever who is logged in may have changed; data that depends on it refetches.
    pub version: RwSignal<u32>,
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
}

impl Session {
    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn provide_session() -> Session {
    let version = RwSignal::new(0u32);
    let user = Resource::new(move || version.get(), |_| get_current_user());
    let session = Session { version, user };
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
