//! Reusable server-rendered widgets: the page chrome, forms (built here, shown by the form island),
//! the refusal shown instead of data, the statistics charts (SVG drawn here, never in the WASM), and
//! the static assets a page links to.

pub mod assets;
pub mod charts;
pub mod filters;
pub mod forms;
pub mod guard;
pub mod layout;
pub mod taxonomy;

/// A parameter of the current page's query string (`/verify?token=…`), as sent.
pub fn query_param(name: &str) -> Option<String> {
    use leptos::prelude::use_context;
    let query = use_context::<axum::http::request::Parts>()?.uri.query()?.to_string();
    form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}
