//! One error story for the whole application.
//!
//! Every server function returns `Result<T, AppError>`. The variants say what the caller can do
//! about it (log in, give up, fix a field, retry); the user-facing text of each is a Fluent message
//! id. Internal causes are logged on the server and never cross the wire: the client only ever
//! learns `Internal`.
//!
//! The browser carries no translations: when a server function refuses input, the server fills in
//! each field error's `text` in the request's language (`api::respond`), and a form island shows
//! that; for the other variants the island reads the texts of [`AppError::GENERIC_IDS`] from the page.

use serde::{Deserialize, Serialize};

/// A problem with one input field; `message` is a Fluent message id, `text` its translation in the
/// language of the request that caused it (filled in by the server before it answers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Arguments of the message (`shift`: the other shift's name), for its translation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, String)>,
}

impl FieldError {
    pub fn new(field: &str, message: &str) -> Self {
        Self { field: field.to_string(), message: message.to_string(), text: None, args: Vec::new() }
    }
}

/// The field name for errors that belong to the whole form (shown above the submit button).
pub const FORM: &str = "form";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not logged in")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    /// The role needs two-step sign-in, and this account has not turned it on (or a coordinator's
    /// seven days of grace are over).
    #[error("two-step sign-in required")]
    MfaRequired,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Validation(Vec<FieldError>),
    #[error("conflict")]
    Conflict,
    /// Too many attempts (logins): wait, then try again.
    #[error("rate limited")]
    RateLimited,
    /// The request could not be read (a malformed body, a missing argument): not something the
    /// person can fix in a field. The parser's words are logged, never sent.
    #[error("bad request")]
    BadRequest,
    #[error("internal error")]
    Internal,
    /// The request never got a proper answer (network, decoding): raised in the browser.
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    /// The message ids of the variants as a whole ([`AppError::message_id`]).
    pub const GENERIC_IDS: [&'static str; 10] = [
        "err-unauthorized",
        "err-forbidden",
        "err-mfa-required",
        "err-not-found",
        "err-validation",
        "err-conflict",
        "err-rate-limited",
        "err-bad-request",
        "err-internal",
        "err-transport",
    ];

    pub fn field(field: &str, message: &str) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    /// The Fluent id of the message that explains this error as a whole.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::Unauthorized => "err-unauthorized",
            AppError::Forbidden => "err-forbidden",
            AppError::MfaRequired => "err-mfa-required",
            AppError::NotFound => "err-not-found",
            AppError::Validation(_) => "err-validation",
            AppError::Conflict => "err-conflict",
            AppError::RateLimited => "err-rate-limited",
            AppError::BadRequest => "err-bad-request",
            AppError::Internal => "err-internal",
            AppError::Transport(_) => "err-transport",
        }
    }

    /// The message id for one field, if this error has one for it.
    pub fn for_field(&self, field: &str) -> Option<String> {
        match self {
            AppError::Validation(errors) => errors.iter().find(|e| e.field == field).map(|e| e.message.clone()),
            _ => None,
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::MfaRequired => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[cfg(feature = "ssr")]
impl server_fn::error::FromServerFnError for AppError {
    type Encoder = server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: server_fn::error::ServerFnErrorErr) -> Self {
        use server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(e) | E::MissingArg(e) => {
                tracing::info!(error = %e, "server function arguments could not be read");
                if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                    res.set_status(axum::http::StatusCode::BAD_REQUEST);
                }
                AppError::BadRequest
            }
            other => {
                tracing::error!(error = %other, "server function framework error");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<server_fn::ServerFnError> for AppError {
    fn from(e: server_fn::ServerFnError) -> Self {
        tracing::error!(error = %e, "server function error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}
