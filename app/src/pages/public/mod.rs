//! Pages anyone may see.

mod consent;
mod forgot;
mod home;
mod impact;
mod invite;
mod login;
mod login_code;
mod opportunities;
mod organization;
mod policy;
mod register;
mod reset;
mod training;
mod verify;

pub use consent::ConsentPage;
pub use forgot::ForgotPage;
pub use home::HomePage;
pub use impact::ImpactPage;
pub use invite::InvitePage;
pub use login::{LoginForm, LoginPage};
pub use login_code::LoginCodePage;
pub use opportunities::{Cards, OpportunitiesPage, OpportunityPage};
pub use organization::OrganizationPage;
pub use policy::{CharterPage, PrivacyPage};
pub use register::RegisterPage;
pub use reset::ResetPage;
pub use training::{grants_text, CourseItem, CoursePageView, TrainingPage};
pub use verify::VerifyPage;
