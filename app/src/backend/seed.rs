//! The demo data set: a few organizations, coordinators and volunteers in both languages, so a
//! newcomer can log in at once. Loaded only by `tam seed-demo` / `tam serve --demo`.

use sea_orm::{entity::prelude::*, QueryFilter};

use super::entities::{organization, user};
use super::services::{self, accounts, organizations};
use crate::model::{AppError, Email, FullName, Password};

/// Every demo account shares this password; it is printed in the README.
pub const DEMO_PASSWORD: &str = "tam-demo-2026";

pub struct DemoAccount {
    pub email: &'static str,
    pub full_name: &'static str,
    /// Index into [`ORGANIZATIONS`] for coordinators.
    pub coordinates: Option<usize>,
    /// The TOTP secret of a staff account (two-step sign-in is on; the secret is in the README).
    pub totp: Option<&'static str>,
}

pub const ORGANIZATIONS: [(&str, &str, &str); 3] = [
    ("qatar-red-crescent", "الهلال الأحمر القطري", "Qatar Red Crescent"),
    ("eid-charity", "جمعية عيد الخيرية", "Eid Charity"),
    ("doha-green-center", "مركز الدوحة الأخضر", "Doha Green Center"),
];

pub const ACCOUNTS: [DemoAccount; 5] = [
    DemoAccount {
        email: "coordinator@tam.qa",
        full_name: "مريم الكواري",
        coordinates: Some(0),
        totp: Some("TAMDEMOMARYAMKUWARIQRCSECRETXYZA"),
    },
    DemoAccount {
        email: "coordinator2@tam.qa",
        full_name: "Omar Haddad",
        coordinates: Some(1),
        totp: Some("TAMDEMOOMARHADDADEIDCHARITYSECRT"),
    },
    DemoAccount { email: "volunteer@tam.qa", full_name: "فاطمة المري", coordinates: None, totp: None },
    DemoAccount { email: "volunteer2@tam.qa", full_name: "Ahmed Khan", coordinates: None, totp: None },
    DemoAccount { email: "volunteer3@tam.qa", full_name: "نورة السليطي", coordinates: None, totp: None },
];

/// Loads the demo data; safe to run again (what exists is left alone).
pub async fn seed_demo(db: &DatabaseConnection) -> Result<usize, AppError> {
    let mut created = 0;
    let mut org_ids = Vec::new();
    for (slug, ar, en) in ORGANIZATIONS {
        let existing = organization::Entity::find().filter(organization::Column::Slug.eq(slug)).one(db).await?;
        let org = match existing {
            Some(o) => o,
            None => {
                created += 1;
                organizations::create(db, slug, ar, en).await?
            }
        };
        org_ids.push(org.id);
    }
    let password = Password::parse(DEMO_PASSWORD).map_err(|_| AppError::Internal)?;
    for account in &ACCOUNTS {
        if user::Entity::find().filter(user::Column::Email.eq(account.email)).one(db).await?.is_some() {
            continue;
        }
        let name = FullName::parse(account.full_name).map_err(|_| AppError::Internal)?;
        let email = Email::parse(account.email).map_err(|_| AppError::Internal)?;
        let user = accounts::register(db, &name, &email, &password, false).await?;
        // The demo's addresses are taken as verified.
        user::Entity::update_many()
            .col_expr(user::Column::EmailVerifiedAt, sea_orm::sea_query::Expr::value(Some(services::now())))
            .filter(user::Column::Id.eq(user.id))
            .exec(db)
            .await?;
        if let Some(secret) = account.totp {
            services::mfa::enrol_with(db, user.id, secret, &[]).await?;
        }
        if let Some(i) = account.coordinates {
            accounts::make_coordinator(db, user.id, org_ids[i]).await?;
        }
        created += 1;
    }
    Ok(created)
}
