//! Changing a password, and resetting a forgotten one.
//!
//! A reset request gets the same answer whether the address has an account or not; the link is
//! single-use, stored hashed and valid 30 minutes; using it ends every session of the account and
//! says so by mail. A change ends every other session.

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, QueryFilter, TransactionTrait};

use super::tokens::{self, Purpose};
use super::{accounts, audit, mail, now, sessions, throttle};
use crate::backend::entities::user;
use crate::model::{AppError, Email, FieldError, Password};

fn notice<'a>(user: &'a user::Model) -> mail::Letter<'a> {
    mail::Letter {
        kind: "password-changed",
        to: &user.email,
        lang: accounts::user_lang(user),
        name: &user.full_name,
        link: None,
        detail: None,
    }
}

/// A new password, checked for length and strength against the person's own name and email.
fn new_password(raw: &str, field: &str, user: &user::Model) -> Result<Password, AppError> {
    Password::parse(raw)
        .and_then(|p| accounts::check_new_password(&p, &user.full_name, &user.email).map(|()| p))
        .map_err(|m| AppError::Validation(vec![FieldError::new(field, m)]))
}

/// Mails a reset link if the address has an account. The answer is the same either way (only
/// the per-address limit can refuse, and it does not depend on the address typed).
pub async fn request_reset(
    db: &DatabaseConnection,
    email: &str,
    site: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let address = throttle::address_key(client);
    if !throttle::take(db, &format!("reset-from:{address}"), throttle::RESET_PER_ADDRESS).await? {
        tracing::warn!(client = %address, "password reset throttled");
        return Err(AppError::RateLimited);
    }
    let email = Email::parse(email).map_err(|m| AppError::field("email", m))?;
    let Some(user) = user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await? else {
        return Ok(());
    };
    if !throttle::take(db, &format!("reset:{}", user.id), throttle::RESET_PER_ACCOUNT).await? {
        audit::Event::new(audit::Kind::PasswordResetRequested, audit::Outcome::Throttled, Some(user.id), client)
            .record(db)
            .await?;
        return Ok(());
    }
    let txn = db.begin().await?;
    let secret = tokens::issue(&txn, user.id, Purpose::ResetPassword, now()).await?;
    mail::enqueue(
        &txn,
        mail::Letter {
            kind: "reset",
            to: &user.email,
            lang: accounts::user_lang(&user),
            name: &user.full_name,
            link: Some(format!("{site}/reset?token={secret}")),
            detail: None,
        },
    )
    .await?;
    audit::Event::new(audit::Kind::PasswordResetRequested, audit::Outcome::Ok, Some(user.id), client)
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Whether a reset link is still good (the page says so before asking for a password).
pub async fn reset_link_valid(db: &DatabaseConnection, secret: &str, at: DateTime<Utc>) -> Result<bool, AppError> {
    Ok(tokens::peek(db, secret, Purpose::ResetPassword, at).await?.is_some())
}

/// Sets a new password with a reset link: the link is used up, every session ends, a mail says so.
pub async fn reset(
    db: &DatabaseConnection,
    secret: &str,
    password: &str,
    at: DateTime<Utc>,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let invalid = tokens::link_invalid;
    let user_id = tokens::peek(db, secret, Purpose::ResetPassword, at).await?.ok_or_else(invalid)?;
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or_else(invalid)?;
    let password = new_password(password, "password", &user)?;
    let hash = accounts::hash_password(&password).await?;
    let txn = db.begin().await?;
    if tokens::consume(&txn, secret, Purpose::ResetPassword, at).await?.is_none() {
        return Err(invalid());
    }
    accounts::set_password_hash(&txn, user.id, hash).await?;
    let ended = sessions::end_all(&txn, user.id).await?;
    mail::enqueue(&txn, notice(&user)).await?;
    audit::Event::new(audit::Kind::PasswordReset, audit::Outcome::Ok, Some(user.id), client)
        .detail(format!("{ended} sessions ended"))
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Changes the password of a logged-in person, who proves it with the current one. The session
/// `keep` (the one asking) stays; every other ends.
pub async fn change(
    db: &DatabaseConnection,
    user_id: i32,
    current: &str,
    new: &str,
    keep: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    // Guessing the current password here is a login attempt like any other.
    let pair = throttle::login_key(&user.email, client);
    let hits = throttle::count(db, &pair, throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS).await?;
    if hits > throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.max {
        audit::Event::new(audit::Kind::PasswordChanged, audit::Outcome::Throttled, Some(user.id), client)
            .record(db)
            .await?;
        return Err(AppError::RateLimited);
    }
    tokio::time::sleep(throttle::delay(hits)).await;
    let new_checked = new_password(new, "new_password", &user);
    if !accounts::password_matches(current, user.password_hash.clone()).await? {
        audit::Event::new(audit::Kind::PasswordChanged, audit::Outcome::Refused, Some(user.id), client)
            .record(db)
            .await?;
        let mut errors = vec![FieldError::new("current_password", "err-password-wrong")];
        if let Err(AppError::Validation(e)) = &new_checked {
            errors.extend(e.iter().cloned());
        }
        return Err(AppError::Validation(errors));
    }
    throttle::clear(db, &pair).await?;
    let password = new_checked?;
    let hash = accounts::hash_password(&password).await?;
    let txn = db.begin().await?;
    accounts::set_password_hash(&txn, user.id, hash).await?;
    let ended = sessions::end_others(&txn, user.id, keep).await?;
    mail::enqueue(&txn, notice(&user)).await?;
    audit::Event::new(audit::Kind::PasswordChanged, audit::Outcome::Ok, Some(user.id), client)
        .detail(format!("{ended} other sessions ended"))
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
