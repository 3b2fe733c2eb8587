//! Pages anyone may see.

mod home;
mod login;
mod register;

pub use home::HomePage;
pub use login::{LoginForm, LoginPage};
pub use register::RegisterPage;
