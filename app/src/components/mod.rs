//! Reusable server-rendered widgets: the page chrome, forms (built here, shown by the form island),
//! the refusal shown instead of data, and the static assets a page links to.

pub mod assets;
pub mod forms;
pub mod guard;
pub mod layout;
