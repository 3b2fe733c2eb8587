//! Registration, login, logout and the logged-in user's own data.

use leptos::prelude::*;

use crate::model::{AppError, CurrentUser, MyProfile};

/// Creates a volunteer account and logs it in.
#[server(endpoint = "register")]
pub async fn register(full_name: String, email: String, password: String) -> Result<CurrentUser, AppError> {
    use crate::backend::{auth, ctx, services::accounts};
    super::respond(
        async {
            let db = ctx()?.db;
            accounts::check_registration_rate(&db, auth::client_addr()).await?;
            let (name, email, password) = accounts::parse_registration(&accounts::Registration {
                full_name: &full_name,
                email: &email,
                password: &password,
            })?;
            let user = accounts::register(&db, &name, &email, &password, false).await?;
            auth::log_in(user.id).await
        }
        .await,
    )
}

#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<CurrentUser, AppError> {
    use crate::backend::{auth, ctx, services::accounts};
    super::respond(
        async {
            let user = accounts::authenticate(&ctx()?.db, &email, &password, auth::client_addr()).await?;
            auth::log_in(user.id).await
        }
        .await,
    )
}

/// Ends the session on the server (the cookie alone would not be enough).
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    super::respond(crate::backend::auth::log_out().await)
}

/// Who is logged in (nothing for a visitor).
#[server(endpoint = "current_user")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    super::respond(crate::backend::auth::current_user().await)
}

/// The volunteer's own page.
#[server(endpoint = "my_profile")]
pub async fn get_my_profile() -> Result<MyProfile, AppError> {
    use crate::backend::{auth, ctx, services::accounts};
    super::respond(
        async {
            let user = auth::require_user().await?;
            accounts::profile(&ctx()?.db, user.id).await
        }
        .await,
    )
}
