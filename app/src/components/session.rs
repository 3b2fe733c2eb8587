//! The logged-in user as the whole page sees it, refreshed after login, registration and logout.

use leptos::prelude::*;
use leptos_router::{hooks::use_navigate, NavigateOptions};

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

/// After an action that changes who is logged in (login, registration, logout) succeeds: refresh
/// everything that depends on it, then go on to `then` if given.
pub fn refresh_after<T, S>(value: S, then: Option<&'static str>)
where
    T: Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if value.with(|v| matches!(v, Some(Ok(_)))) {
            session.changed();
            if let Some(path) = then {
                navigate(path, NavigateOptions::default());
            }
        }
    });
}
