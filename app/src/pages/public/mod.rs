//! Pages anyone may see.

mod forgot;
mod home;
mod login;
mod login_code;
mod register;
mod reset;
mod verify;

pub use forgot::ForgotPage;
pub use home::HomePage;
pub use login::{LoginForm, LoginPage};
pub use login_code::LoginCodePage;
pub use register::RegisterPage;
pub use reset::ResetPage;
pub use verify::VerifyPage;
