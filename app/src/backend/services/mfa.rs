//! Two-step sign-in: TOTP (RFC 6238: 6 digits, 30 s, SHA-1, as every authenticator app reads it)
//! and ten single-use recovery codes stored as SHA-256.
//!
//! Anyone may turn it on; admins cannot act without it; a coordinator has seven days from becoming
//! one, then cannot act for the organization until enrolled. Resetting someone's MFA is an admin
//! action, audited. A code is accepted once: the time step of the last accepted one is kept.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, TransactionTrait};
use totp_rs::{Algorithm, Secret, TOTP};

use super::{accounts, audit, mail, sessions, tokens::key};
use crate::backend::entities::{recovery_code, user};
use crate::model::{AppError, CurrentUser, Email, FieldError};

pub const ISSUER: &str = "Tam";
/// How long a new coordinator may act before enrolling.
pub const COORDINATOR_GRACE_DAYS: i64 = 7;
pub const RECOVERY_CODES: usize = 10;

pub fn grace_deadline(coordinator_since: DateTime<Utc>) -> DateTime<Utc> {
    coordinator_since + Duration::days(COORDINATOR_GRACE_DAYS)
}

fn totp(secret_base32: &str, account: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().map_err(|_| AppError::Internal)?;
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some(ISSUER.to_string()), account.replace(':', ""))
        .map_err(|_| AppError::Internal)
}

/// What the enrolment page shows: the secret as a QR code and as text, and the recovery codes
/// (shown this once; only their hashes are kept).
#[derive(Clone, Debug)]
pub struct Enrolment {
    pub secret: String,
    pub url: String,
    pub qr_svg: String,
    pub recovery_codes: Vec<String>,
}

fn new_recovery_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    let mut code: String = (0..10).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    code.insert(5, '-');
    code
}

/// Recovery codes are typed as they please: case, spaces and dashes do not matter.
fn normalize_recovery(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// Keeps the hashes of recovery codes (`pending` until the enrolment is confirmed).
async fn store_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: i32,
    codes: &[impl AsRef<str>],
    pending: bool,
) -> Result<(), DbErr> {
    for code in codes {
        recovery_code::ActiveModel {
            user_id: Set(user_id),
            code_hash: Set(key(&normalize_recovery(code.as_ref()))),
            pending: Set(pending),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Starts (or restarts) an enrolment: a new secret and new recovery codes, waiting for the first
/// code from the app. Refused once MFA is on.
pub async fn start(db: &DatabaseConnection, user_id: i32) -> Result<Enrolment, AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    if user.mfa_enabled_at.is_some() {
        return Err(AppError::Conflict);
    }
    let secret = match Secret::generate_secret().to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => return Err(AppError::Internal),
    };
    let url = totp(&secret, &user.email)?.get_url();
    let qr_svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(|_| AppError::Internal)?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let txn = db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::MfaPendingSecret, Expr::value(Some(secret.clone())))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::Pending.eq(true))
        .exec(&txn)
        .await?;
    store_recovery_codes(&txn, user_id, &codes, true).await?;
    txn.commit().await?;
    Ok(Enrolment { secret, url, qr_svg, recovery_codes: codes })
}

/// The TOTP time step a code matches for a secret at `at` (one step of clock drift either way).
fn matching_step(totp: &TOTP, code: &str, at: DateTime<Utc>) -> Option<i64> {
    let code: String = crate::model::inputs::latin_digits(code).chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let now_step = at.timestamp() / 30;
    [now_step, now_step - 1, now_step + 1].into_iter().find(|step| {
        let expected = totp.generate((step * 30).max(0) as u64);
        // Constant time, as far as the comparison goes.
        expected.bytes().zip(code.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    })
}

/// Turns MFA on with the first code from the app; the pending recovery codes become the real ones.
pub async fn confirm(
    db: &DatabaseConnection,
    user_id: i32,
    code: &str,
    at: DateTime<Utc>,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    let Some(secret) = user.mfa_pending_secret.clone().filter(|_| user.mfa_enabled_at.is_none()) else {
        return Err(AppError::Conflict);
    };
    let Some(step) = matching_step(&totp(&secret, &user.email)?, code, at) else {
        return Err(AppError::field("code", "err-code-wrong"));
    };
    let txn = db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::MfaSecret, Expr::value(Some(secret)))
        .col_expr(user::Column::MfaPendingSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::MfaEnabledAt, Expr::value(Some(at)))
        .col_expr(user::Column::MfaLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::Pending.eq(false))
        .exec(&txn)
        .await?;
    recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::Pending, Expr::value(false))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    mail::enqueue(&txn, letter("mfa-enabled", &user)).await?;
    audit::Event::new(audit::Kind::MfaEnabled, audit::Outcome::Ok, Some(user_id), client).record(&txn).await?;
    txn.commit().await?;
    Ok(())
}

fn letter<'a>(kind: &'static str, user: &'a user::Model) -> mail::Letter<'a> {
    mail::Letter {
        kind,
        to: &user.email,
        lang: accounts::user_lang(user),
        name: &user.full_name,
        link: None,
        detail: None,
    }
}

/// Whether a code proves the second step for the user: a TOTP code not used before, or an unused
/// recovery code (which is then used up).
pub async fn check_code(
    db: &impl ConnectionTrait,
    user: &user::Model,
    code: &str,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let Some(secret) = user.mfa_secret.as_deref() else { return Ok(false) };
    if let Some(step) = matching_step(&totp(secret, &user.email)?, code, at) {
        // Accepted once: only a step later than the last accepted one moves it on.
        let moved = user::Entity::update_many()
            .col_expr(user::Column::MfaLastStep, Expr::value(Some(step)))
            .filter(user::Column::Id.eq(user.id))
            .filter(
                sea_orm::Condition::any()
                    .add(user::Column::MfaLastStep.is_null())
                    .add(user::Column::MfaLastStep.lt(step)),
            )
            .exec(db)
            .await?;
        return Ok(moved.rows_affected == 1);
    }
    let normalized = normalize_recovery(code);
    if normalized.len() != 10 {
        return Ok(false);
    }
    let used = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Some(at)))
        .filter(recovery_code::Column::UserId.eq(user.id))
        .filter(recovery_code::Column::CodeHash.eq(key(&normalized)))
        .filter(recovery_code::Column::Pending.eq(false))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(used.rows_affected == 1)
}

/// Recovery codes not yet used.
pub async fn recovery_codes_left(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::Pending.eq(false))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await
}

async fn clear(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::MfaSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::MfaPendingSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::MfaEnabledAt, Expr::value(Option::<DateTimeUtc>::None))
        .col_expr(user::Column::MfaLastStep, Expr::value(Option::<i64>::None))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    recovery_code::Entity::delete_many().filter(recovery_code::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

/// Turns one's own MFA off, proven with a current code. Admins and coordinators must keep it.
pub async fn disable(
    db: &DatabaseConnection,
    current: &CurrentUser,
    code: &str,
    at: DateTime<Utc>,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    if current.is_staff() {
        return Err(AppError::field("code", "err-mfa-required-for-role"));
    }
    let user_id = current.id;
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    let txn = db.begin().await?;
    if !check_code(&txn, &user, code, at).await? {
        drop(txn);
        audit::Event::new(audit::Kind::MfaDisabled, audit::Outcome::Refused, Some(user_id), client).record(db).await?;
        return Err(AppError::field("code", "err-code-wrong"));
    }
    clear(&txn, user_id).await?;
    mail::enqueue(&txn, letter("mfa-disabled", &user)).await?;
    audit::Event::new(audit::Kind::MfaDisabled, audit::Outcome::Ok, Some(user_id), client).record(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// An admin turns someone's MFA off (a lost phone, no recovery codes left): their sessions end, a
/// mail tells them, and the audit log names the admin.
pub async fn admin_reset(
    db: &DatabaseConnection,
    admin_id: i32,
    email: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|m| AppError::Validation(vec![FieldError::new("email", m)]))?;
    let Some(target) = user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await? else {
        return Err(AppError::field("email", "err-no-such-account"));
    };
    if target.id == admin_id {
        return Err(AppError::field("email", "err-mfa-reset-self"));
    }
    let txn = db.begin().await?;
    clear(&txn, target.id).await?;
    let ended = sessions::end_all(&txn, target.id).await?;
    mail::enqueue(&txn, letter("mfa-reset", &target)).await?;
    audit::Event::by(audit::Kind::MfaReset, admin_id, target.id, client)
        .detail(format!("{ended} sessions ended"))
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Enrols an account with a known secret and recovery codes: the demo data's staff accounts (their
/// secrets are in the README) and tests.
pub async fn enrol_with(db: &impl ConnectionTrait, user_id: i32, secret: &str, recovery: &[&str]) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::MfaSecret, Expr::value(Some(secret.to_string())))
        .col_expr(user::Column::MfaEnabledAt, Expr::value(Some(super::now())))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    store_recovery_codes(db, user_id, recovery, false).await
}

/// The current code for a secret (tests, and the demo's instructions).
pub fn code_at(secret: &str, at: DateTime<Utc>) -> String {
    totp(secret, "x").map(|t| t.generate(at.timestamp().max(0) as u64)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_within_one_step_and_in_arabic_indic_digits() {
        let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        let t = totp(secret, "a@b.qa").unwrap();
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let code = code_at(secret, at);
        assert_eq!(matching_step(&t, &code, at), Some(at.timestamp() / 30));
        assert!(matching_step(&t, &code, at + Duration::seconds(30)).is_some());
        assert!(matching_step(&t, &code, at + Duration::seconds(95)).is_none());
        let arabic: String = code.chars().map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap()).collect();
        assert!(matching_step(&t, &arabic, at).is_some());
        assert!(matching_step(&t, "12345", at).is_none());
    }

    #[test]
    fn recovery_codes_ignore_case_spaces_and_dashes() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 11);
        assert_eq!(normalize_recovery(&code.to_uppercase().replace('-', " ")), normalize_recovery(&code));
    }
}
