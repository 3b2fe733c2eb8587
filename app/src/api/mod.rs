//! Server functions, one file per domain. Each one: authorize → parse → call one service → DTO.
//! They are POST endpoints under `/api/<name>`; errors carry their HTTP status as well.

pub mod accounts;
pub mod organizations;
pub mod stats;

pub use accounts::*;
pub use organizations::*;
pub use stats::*;

/// Gives an error its HTTP status (on a server function's response, or on the page being rendered
/// when a page calls the function during server rendering) and passes the result on.
#[cfg(feature = "ssr")]
pub(crate) fn respond<T>(result: Result<T, crate::model::AppError>) -> Result<T, crate::model::AppError> {
    if let Err(e) = &result {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(e.status());
        }
    }
    result
}
