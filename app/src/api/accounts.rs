//! Registration, login, logout and the logged-in user's own data.

use leptos::prelude::*;

use crate::model::{AppError, CurrentUser, LoginStep, MyProfile};

/// Creates a volunteer account, mails the verification link, and logs it in. The privacy notice
/// and the charter must be accepted (`accept[policies]`); news by mail is optional (`accept[news]`).
#[server(endpoint = "register")]
pub async fn register(
    full_name: String,
    email: String,
    password: String,
    accept: Option<std::collections::BTreeMap<String, String>>,
) -> Result<CurrentUser, AppError> {
    use crate::backend::{auth, ctx, services::accounts};
    super::respond(
        async {
            let c = ctx()?;
            let db = c.db.clone();
            accounts::check_registration_rate(&db, auth::client_addr()).await?;
            let accept = accept.unwrap_or_default();
            // Every problem at once, the missing agreement with the rest.
            let parsed = accounts::parse_registration(&accounts::Registration {
                full_name: &full_name,
                email: &email,
                password: &password,
            });
            let (name, email, password) = match (parsed, accept.contains_key("policies")) {
                (Ok(v), true) => v,
                (Err(AppError::Validation(mut list)), false) => {
                    list.push(crate::model::FieldError::new("accept", "err-accept-required"));
                    return Err(AppError::Validation(list));
                }
                (Ok(_), false) => return Err(AppError::field("accept", "err-accept-required")),
                (Err(e), _) => return Err(e),
            };
            let news = accept.contains_key("news");
            let lang = crate::i18n::request_lang();
            let registration = accounts::NewVolunteer { name: &name, email: &email, password: &password, lang, news };
            let user = accounts::register_volunteer(&db, registration, &c.public_url, auth::client_addr()).await?;
            auth::log_in(user.id).await
        }
        .await,
    )
}

/// The password step of a login. With two-step sign-in on, no session yet: a short-lived,
/// single-use secret in a cookie, and the browser goes on to the code page (`go`).
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<LoginStep, AppError> {
    use crate::backend::services::{accounts, audit, now, tokens};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let c = ctx()?;
            let client = auth::client_addr();
            let user = accounts::authenticate(&c.db, &email, &password, client).await?;
            if user.mfa_secret.is_some() {
                let secret = tokens::issue(&c.db, user.id, tokens::Purpose::LoginCode, now()).await?;
                let max_age = tokens::Purpose::LoginCode.lifetime().num_seconds();
                let name = auth::cookie_name(auth::LOGIN_STEP_COOKIE, c.secure_cookies);
                auth::set_cookie(format!(
                    "{name}={secret}; Max-Age={max_age}; {}",
                    auth::cookie_attrs(c.secure_cookies)
                ));
                audit::Event::new(audit::Kind::Login, audit::Outcome::Ok, Some(user.id), client)
                    .detail("password; code next")
                    .record(&c.db)
                    .await?;
                let next = next.as_deref().and_then(crate::model::local_path).unwrap_or("/me");
                let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
                return Ok(LoginStep { go: Some(format!("/login/code?next={next}")) });
            }
            audit::Event::new(audit::Kind::Login, audit::Outcome::Ok, Some(user.id), client).record(&c.db).await?;
            auth::log_in(user.id).await?;
            Ok(LoginStep::default())
        }
        .await,
    )
}

/// Ends the session on the server (the cookie alone would not be enough).
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::backend::services::audit;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            if let Some(user) = auth::current_user().await? {
                audit::Event::new(audit::Kind::Logout, audit::Outcome::Ok, Some(user.id), auth::client_addr())
                    .record(&ctx()?.db)
                    .await?;
            }
            auth::log_out().await
        }
        .await,
    )
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
            accounts::profile(&ctx()?.db, user).await
        }
        .await,
    )
}
