//! Reusable widgets: the page chrome, form fields, the refusal shown instead of data.

pub mod forms;
pub mod guard;
pub mod layout;
pub mod session;
