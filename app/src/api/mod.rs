//! Server functions, one file per domain. Each one: authorize → parse → call one service → DTO.
//! They are POST endpoints under `/api/<name>`, called by pages during server rendering, by form
//! islands with `fetch`, and by plain HTML forms (see `server::api_requests`). Server only.

pub mod accounts;
pub mod admin;
pub mod attendance;
pub mod certificates;
pub mod dashboard;
pub mod language;
pub mod opportunities;
pub mod organizations;
pub mod privacy;
pub mod profile;
pub mod security;
pub mod stats;
pub mod training;

pub use accounts::*;
pub use admin::*;
pub use attendance::*;
pub use certificates::*;
pub use dashboard::*;
pub use language::*;
pub use opportunities::*;
pub use organizations::*;
pub use privacy::*;
pub use profile::*;
pub use security::*;
pub use stats::*;
pub use training::*;

use crate::model::AppError;

/// Gives an error its HTTP status (on a server function's response, or on the page being rendered
/// when a page calls the function during server rendering), translates field errors into the
/// request's language for the form that will show them, and passes the result on.
pub(crate) fn respond<T>(mut result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &mut result {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(e.status());
        }
        crate::backend::auth::log_refusal(e);
        crate::i18n::localize_fields(e, crate::i18n::request_lang());
    }
    result
}
