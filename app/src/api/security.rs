//! The account's security: address verification, password change and reset, sessions, two-step
//! sign-in. Each function authorizes on the server first; the public ones (verification, reset)
//! are authorized by the single-use secret they carry.

use leptos::prelude::*;

use crate::model::{AppError, LoginStep, MfaEnrolment, SecurityOverview};

/// Confirms the address with the secret of the mailed link.
#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{now, verification},
    };
    super::respond(verification::verify(&ctx()?.db, &token, now(), auth::client_addr()).await.map(|_| ()))
}

/// Mails a new verification link to the logged-in person.
#[server(endpoint = "resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::verification};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            verification::resend(&c.db, user.id, &c.public_url).await
        }
        .await,
    )
}

/// Mails a reset link if the address has an account; the answer is the same either way.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::passwords};
    super::respond(
        async {
            let c = ctx()?;
            passwords::request_reset(&c.db, &email, &c.public_url, auth::client_addr()).await
        }
        .await,
    )
}

/// Sets a new password with a reset link; every session of the account ends.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{now, passwords},
    };
    super::respond(passwords::reset(&ctx()?.db, &token, &password, now(), auth::client_addr()).await)
}

/// Changes the password; every other session ends.
#[server(endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::passwords};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let keep = auth::current_session_token()?;
            passwords::change(&ctx()?.db, user.id, &current_password, &new_password, &keep, auth::client_addr()).await
        }
        .await,
    )
}

/// My sessions and the state of two-step sign-in.
#[server(endpoint = "my_security")]
pub async fn get_my_security() -> Result<SecurityOverview, AppError> {
    use crate::backend::{
        auth, ctx,
        services::{mfa, sessions},
    };
    use crate::model::SessionRow;
    super::respond(
        async {
            let user = auth::require_user().await?;
            let db = ctx()?.db;
            let current = auth::session_token().map(|t| sessions::key(&t));
            let rows = sessions::list(&db, user.id)
                .await?
                .into_iter()
                .map(|s| {
                    let (browser, system) = sessions::device(s.user_agent.as_deref());
                    SessionRow {
                        current: current.as_deref() == Some(s.id.as_str()),
                        id: s.id,
                        browser: browser.map(str::to_string),
                        system: system.map(str::to_string),
                        address: s.address,
                        started: s.created_at,
                        last_seen: s.last_seen_at.unwrap_or(s.created_at),
                    }
                })
                .collect();
            let recovery_codes_left = mfa::recovery_codes_left(&db, user.id).await?;
            let mfa_required = user.is_staff();
            Ok(SecurityOverview { user, sessions: rows, recovery_codes_left, mfa_required })
        }
        .await,
    )
}

/// Ends one of my sessions.
#[server(endpoint = "end_session")]
pub async fn end_session(id: String) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{audit, sessions},
    };
    super::respond(
        async {
            let user = auth::require_user().await?;
            let db = ctx()?.db;
            if !sessions::end_one(&db, user.id, &id).await? {
                return Err(AppError::NotFound);
            }
            audit::Event::new(audit::Kind::SessionRevoked, audit::Outcome::Ok, Some(user.id), auth::client_addr())
                .detail("one session")
                .record(&db)
                .await?;
            Ok(())
        }
        .await,
    )
}

/// Ends all my sessions but this one.
#[server(endpoint = "end_other_sessions")]
pub async fn end_other_sessions() -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{audit, sessions},
    };
    super::respond(
        async {
            let user = auth::require_user().await?;
            let keep = auth::current_session_token()?;
            let db = ctx()?.db;
            let n = sessions::end_others(&db, user.id, &keep).await?;
            audit::Event::new(audit::Kind::SessionRevoked, audit::Outcome::Ok, Some(user.id), auth::client_addr())
                .detail(format!("{n} other sessions"))
                .record(&db)
                .await?;
            Ok(())
        }
        .await,
    )
}

/// A new secret and recovery codes for the enrolment page (until confirmed, nothing changes).
#[server(endpoint = "start_mfa")]
pub async fn start_mfa() -> Result<MfaEnrolment, AppError> {
    use crate::backend::{auth, ctx, services::mfa};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let e = mfa::start(&ctx()?.db, user.id).await?;
            Ok(MfaEnrolment { secret: e.secret, qr_svg: e.qr_svg, recovery_codes: e.recovery_codes })
        }
        .await,
    )
}

/// Turns two-step sign-in on with the first code from the app.
#[server(endpoint = "confirm_mfa")]
pub async fn confirm_mfa(code: String) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{mfa, now},
    };
    super::respond(
        async {
            let user = auth::require_user().await?;
            mfa::confirm(&ctx()?.db, user.id, &code, now(), auth::client_addr()).await
        }
        .await,
    )
}

/// Turns it off (volunteers only), proven with a code.
#[server(endpoint = "disable_mfa")]
pub async fn disable_mfa(code: String) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{mfa, now},
    };
    super::respond(
        async {
            let user = auth::require_user().await?;
            mfa::disable(&ctx()?.db, &user, &code, now(), auth::client_addr()).await
        }
        .await,
    )
}

/// The second step of a login: a code from the app, or a recovery code.
#[server(endpoint = "login_code")]
pub async fn login_code(code: String) -> Result<LoginStep, AppError> {
    use crate::backend::entities::user;
    use crate::backend::services::{audit, mfa, now, throttle, tokens};
    use crate::backend::{auth, ctx};
    use sea_orm::EntityTrait;
    super::respond(
        async {
            let db = ctx()?.db;
            let client = auth::client_addr();
            let expired = || AppError::field(crate::model::FORM, "err-login-step-expired");
            let secret = auth::request_cookie(auth::LOGIN_STEP_COOKIE).ok_or_else(expired)?;
            let user_id = tokens::peek(&db, &secret, tokens::Purpose::LoginCode, now()).await?.ok_or_else(expired)?;
            let event = |outcome| audit::Event::new(audit::Kind::LoginCode, outcome, Some(user_id), client);
            let bucket = format!("login-code:{user_id}");
            if !throttle::take(&db, &bucket, throttle::LOGIN_CODE_PER_ACCOUNT).await? {
                event(audit::Outcome::Throttled).record(&db).await?;
                return Err(AppError::RateLimited);
            }
            let user = user::Entity::find_by_id(user_id).one(&db).await?.ok_or_else(expired)?;
            if !mfa::check_code(&db, &user, &code, now()).await? {
                event(audit::Outcome::Refused).record(&db).await?;
                return Err(AppError::field("code", "err-code-wrong"));
            }
            if tokens::consume(&db, &secret, tokens::Purpose::LoginCode, now()).await?.is_none() {
                return Err(expired());
            }
            // Only wrong codes count towards the limit: someone who signs in often (or on two
            // devices) is never refused for their own right codes.
            throttle::give_back(&db, &bucket, throttle::LOGIN_CODE_PER_ACCOUNT).await?;
            auth::clear_cookie(auth::LOGIN_STEP_COOKIE)?;
            event(audit::Outcome::Ok).record(&db).await?;
            auth::log_in(user_id).await?;
            Ok(LoginStep::default())
        }
        .await,
    )
}
