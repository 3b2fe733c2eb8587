//! Who is asking: the session cookie of the current request, resolved to a user and their roles.
//! Every server function starts here; pages only ever see what these checks let through.

use axum::http::{header, request::Parts, HeaderValue};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::{ctx, services};
use crate::i18n::cookie_value;
use crate::model::{AppError, CurrentUser};

pub const SESSION_COOKIE: &str = "tam_session";
/// Between the password and the code of a two-step login: a single-use secret, ten minutes.
pub const LOGIN_STEP_COOKIE: &str = "tam_login";

/// A cookie's name as this server sets and reads it. Over HTTPS it carries the `__Host-` prefix:
/// browsers accept such a cookie only from this very host, `Secure`, with `Path=/` and no `Domain`,
/// so a sibling subdomain cannot plant one that stands in for ours (and one without the prefix is
/// not read at all).
pub fn cookie_name(base: &str, secure: bool) -> String {
    if secure {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// The value of this server's cookie `base` in the current request.
pub fn request_cookie(base: &str) -> Option<String> {
    let parts = use_context::<Parts>()?;
    let name = cookie_name(base, ctx().map(|c| c.secure_cookies).unwrap_or(false));
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| cookie_value(h, &name).map(str::to_owned))
}

/// The address of the client that sent this request: the socket's peer, or, when that peer is the
/// trusted proxy, the last address the proxy appended to `X-Forwarded-For` (earlier entries are
/// whatever the client claimed).
pub fn client_addr() -> Option<std::net::IpAddr> {
    let parts = use_context::<Parts>()?;
    let peer = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()?.0.ip();
    if ctx().ok()?.trusted_proxy != Some(peer) {
        return Some(peer);
    }
    let forwarded = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
        .last();
    Some(forwarded.unwrap_or(peer))
}

/// The session token the browser sent, if any.
pub fn session_token() -> Option<String> {
    request_cookie(SESSION_COOKIE)
}

/// The user of the current request, once resolved: a page asks for it in the header and again
/// for its own data, and both share one lookup. Provided per request by [`super::provide_request_context`].
#[derive(Clone, Default)]
pub struct RequestUser(pub(crate) std::sync::Arc<tokio::sync::Mutex<Option<Option<CurrentUser>>>>);

/// The logged-in user, or `None` for a visitor.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(cache) = use_context::<RequestUser>() else { return resolve_user().await };
    // Held across the lookup, so that a second caller waits for the first one's answer.
    let mut slot = cache.0.lock().await;
    if let Some(user) = slot.as_ref() {
        return Ok(user.clone());
    }
    let user = resolve_user().await?;
    *slot = Some(user.clone());
    Ok(user)
}

/// The session's user, if the session is still good for that user's role: coordinators and admins
/// get 30 minutes idle and 12 hours in all, volunteers 7 days and 30 ([`services::sessions::policy`]).
async fn resolve_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = session_token() else { return Ok(None) };
    user_of_session(&ctx()?.db, &token, true).await
}

/// The user of a session token, as [`current_user`] resolves it (also for the live stream, which
/// is not a Leptos request). `activity`: the request counts as the user being active (an open
/// live stream does not: a screen left open still ends its session when idle).
pub async fn user_of_session(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    activity: bool,
) -> Result<Option<CurrentUser>, AppError> {
    use services::sessions;
    if token.is_empty() || token.len() > 64 {
        return Ok(None);
    }
    let Some((session, user)) = services::accounts::of_session(db, &sessions::key(token), services::now()).await?
    else {
        return Ok(None);
    };
    let policy = sessions::policy(user.is_staff());
    if !sessions::alive(&session, policy, services::now()) {
        sessions::end(db, &session).await?;
        tracing::info!(user_id = user.id, "session ended: idle or too old");
        return Ok(None);
    }
    if activity {
        sessions::touch(db, &session, policy).await?;
    }
    Ok(Some(user))
}

/// Who is logged in changed during this request: later asks in it get the new answer, not one
/// resolved from the cookie the request came with.
async fn remember_request_user(user: Option<CurrentUser>) {
    if let Some(cache) = use_context::<RequestUser>() {
        *cache.0.lock().await = Some(user);
    }
}

pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

/// An admin who has turned on two-step sign-in: without it, an admin cannot act.
pub async fn require_admin() -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    if !user.is_admin {
        return Err(AppError::Forbidden);
    }
    if !user.mfa_enabled {
        return Err(AppError::MfaRequired);
    }
    Ok(user)
}

/// A coordinator, with the one organization they may act for; after seven days without two-step
/// sign-in, not until they turn it on.
pub async fn require_coordinator() -> Result<(CurrentUser, i32), AppError> {
    let user = require_user().await?;
    let Some(org) = user.coordinator_of.as_ref().map(|o| o.id) else {
        return Err(AppError::Forbidden);
    };
    if user.mfa_due.is_some_and(|due| services::now() >= due) {
        return Err(AppError::MfaRequired);
    }
    Ok((user, org))
}

/// Logs a refusal (401, 403, 429): the user's id if known, the client's address and the server
/// function or page — never emails, passwords or tokens.
pub fn log_refusal(error: &AppError) {
    if !matches!(error, AppError::Unauthorized | AppError::Forbidden | AppError::MfaRequired | AppError::RateLimited) {
        return;
    }
    // The user as this request already resolved them (no new lookup from a synchronous caller).
    let user_id = use_context::<RequestUser>()
        .and_then(|c| c.0.try_lock().ok().and_then(|slot| slot.clone().flatten()))
        .map(|u| u.id);
    tracing::warn!(
        user_id,
        client = ?client_addr(),
        server_fn = %request_path(),
        status = error.status().as_u16(),
        refusal = error.message_id(),
        "request refused"
    );
}

/// The path of the current request (the server function's endpoint, or the page).
pub fn request_path() -> String {
    use_context::<Parts>().map(|p| p.uri.path().to_string()).unwrap_or_default()
}

/// The session of the current request, if it is still good ([`require_user`] first).
pub fn current_session_token() -> Result<String, AppError> {
    session_token().ok_or(AppError::Unauthorized)
}

/// The browser's User-Agent.
pub fn user_agent() -> Option<String> {
    use_context::<Parts>()?.headers.get(header::USER_AGENT)?.to_str().ok().map(str::to_string)
}

pub fn set_cookie(value: String) {
    if let (Some(res), Ok(v)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(&value)) {
        res.append_header(header::SET_COOKIE, v);
    }
}

/// Removes one of this server's cookies from the browser.
pub fn clear_cookie(base: &str) -> Result<(), AppError> {
    let secure = ctx()?.secure_cookies;
    set_cookie(format!("{}=; Max-Age=0; {}", cookie_name(base, secure), cookie_attrs(secure)));
    Ok(())
}

pub fn cookie_attrs(secure: bool) -> &'static str {
    if secure {
        "Path=/; HttpOnly; SameSite=Lax; Secure"
    } else {
        "Path=/; HttpOnly; SameSite=Lax"
    }
}

/// Starts a fresh session for the user; any session the browser had is ended first (rotation).
/// Returns the user as the pages see them.
pub async fn log_in(user_id: i32) -> Result<CurrentUser, AppError> {
    let c = ctx()?;
    if let Some(old) = session_token() {
        services::sessions::destroy(&c.db, &old).await?;
    }
    let ua = user_agent();
    let token = services::sessions::create(&c.db, user_id, ua.as_deref(), client_addr()).await?;
    services::accounts::set_lang(&c.db, user_id, crate::i18n::request_lang()).await?;
    let max_age = services::sessions::LIFETIME_DAYS * 24 * 3600;
    let name = cookie_name(SESSION_COOKIE, c.secure_cookies);
    set_cookie(format!("{name}={token}; Max-Age={max_age}; {}", cookie_attrs(c.secure_cookies)));
    let user = services::accounts::current_user(&c.db, user_id).await?.map(|(u, _)| u).ok_or(AppError::Internal)?;
    remember_request_user(Some(user.clone())).await;
    tracing::info!(user_id, "logged in");
    Ok(user)
}

/// Ends the browser's session on the server and clears the cookie.
pub async fn log_out() -> Result<(), AppError> {
    let c = ctx()?;
    if let Some(token) = session_token() {
        services::sessions::destroy(&c.db, &token).await?;
    }
    remember_request_user(None).await;
    let name = cookie_name(SESSION_COOKIE, c.secure_cookies);
    set_cookie(format!("{name}=; Max-Age=0; {}", cookie_attrs(c.secure_cookies)));
    Ok(())
}
