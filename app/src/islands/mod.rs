//! Islands: the only UI code that ships to the browser.
//!
//! Everything else renders on the server. An island is an `#[island]` component whose props are
//! plain serde data, already translated by the server: no Fluent, no context from the page, no
//! server-only types. Every island added here grows the WASM of every page, so keep them few and
//! generic (one [`form::Form`] serves every form), and check the size budget
//! (`end2end/tests/first-load.spec.ts`). How to write one: `docs/architecture.md`.

pub mod form;
pub mod live;

pub use form::{FieldRef, Form, FormSpec};
pub use live::Live;

/// Tells scripts and tests that the islands of this page are live (`<body data-hydrated>`).
/// Called by the WASM entry point once the islands are hydrated.
#[cfg(feature = "hydrate")]
pub fn mark_hydrated() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
