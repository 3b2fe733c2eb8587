//! The volunteer's rights over their data: the privacy notice and charter they accept (by version),
//! optional consents they can withdraw, a copy of everything Tam holds about them, and deleting
//! the account.
//!
//! What "everything" means is checked by a test that walks the database's schema: every table
//! with a column that points at a user, or a value that is their address, must be in the export.

use chrono::{Datelike, NaiveDate};
use sea_orm::{entity::prelude::*, ActiveValue::Set, Condition, QueryFilter, QueryOrder, TransactionTrait};
use serde_json::{json, Map, Value};

use super::{audit, now};
use crate::backend::entities::{
    application, attendance, audit_event, calendar_feed, coordinator, coordinator_invite, event, hour_entry,
    notification, opportunity, organization, outbox, policy_acceptance, recovery_code, session, throttle_bucket, token,
    user, volunteer_profile, volunteer_qualification, volunteer_tag,
};
use crate::i18n::Lang;
use crate::model::{AppError, PolicyState, FORM};

/// The documents every volunteer accepts, with their current versions. A new version (change the
/// date here and the text in `locales/*/policies.ftl`) asks everyone again.
pub const REQUIRED: [(&str, &str); 2] = [("privacy", "2026-11"), ("charter", "2026-11")];
/// Consents a volunteer may give or withdraw at any time.
pub const OPTIONAL: [(&str, &str); 1] = [("news", "2026-11")];

async fn record(
    db: &impl ConnectionTrait,
    user_id: i32,
    document: &str,
    version: &str,
    lang: Lang,
) -> Result<(), DbErr> {
    policy_acceptance::ActiveModel {
        user_id: Set(user_id),
        document: Set(document.to_string()),
        version: Set(version.to_string()),
        lang: Set(lang.code().to_string()),
        accepted_at: Set(now()),
        withdrawn_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Records the acceptance of the current version of every required document (at registration, or
/// when a new version is out), and of the optional consents given.
pub async fn accept_current(
    db: &impl ConnectionTrait,
    user_id: i32,
    lang: Lang,
    optional: &[&str],
    client: Option<std::net::IpAddr>,
) -> Result<(), DbErr> {
    let state = state(db, user_id).await?;
    for (document, version) in REQUIRED {
        if state.pending.iter().any(|d| d == document) {
            record(db, user_id, document, version, lang).await?;
        }
    }
    for (document, version) in OPTIONAL {
        if optional.contains(&document) && !state.optional_given.iter().any(|d| d == document) {
            record(db, user_id, document, version, lang).await?;
        }
    }
    audit::Event::new(audit::Kind::PolicyAccepted, audit::Outcome::Ok, Some(user_id), client)
        .detail(REQUIRED.iter().map(|(d, v)| format!("{d} {v}")).collect::<Vec<_>>().join(", "))
        .record(db)
        .await
}

/// Which required documents the user has not accepted in their current version, and which
/// optional consents stand.
pub async fn state(db: &impl ConnectionTrait, user_id: i32) -> Result<PolicyState, DbErr> {
    let rows = policy_acceptance::Entity::find()
        .filter(policy_acceptance::Column::UserId.eq(user_id))
        .order_by_asc(policy_acceptance::Column::Id)
        .all(db)
        .await?;
    let pending = REQUIRED
        .iter()
        .filter(|(d, v)| !rows.iter().any(|r| r.document == *d && r.version == *v))
        .map(|(d, _)| String::from(*d))
        .collect();
    let optional_given = OPTIONAL
        .iter()
        .filter(|(d, _)| rows.iter().any(|r| r.document == *d && r.withdrawn_at.is_none()))
        .map(|(d, _)| String::from(*d))
        .collect();
    let accepted = rows
        .iter()
        .filter(|r| r.withdrawn_at.is_none())
        .map(|r| (r.document.clone(), r.version.clone(), r.lang.clone(), r.accepted_at))
        .collect();
    Ok(PolicyState { pending, optional_given, accepted })
}

/// Gives or withdraws an optional consent.
pub async fn set_optional(
    db: &DatabaseConnection,
    user_id: i32,
    document: &str,
    give: bool,
    lang: Lang,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let Some((document, version)) = OPTIONAL.iter().find(|(d, _)| *d == document) else {
        return Err(AppError::field(FORM, "err-choice-unknown"));
    };
    let txn = db.begin().await?;
    if give {
        if !state(&txn, user_id).await?.optional_given.iter().any(|d| d == document) {
            record(&txn, user_id, document, version, lang).await?;
        }
    } else {
        policy_acceptance::Entity::update_many()
            .col_expr(policy_acceptance::Column::WithdrawnAt, Expr::value(Some(now())))
            .filter(policy_acceptance::Column::UserId.eq(user_id))
            .filter(policy_acceptance::Column::Document.eq(*document))
            .filter(policy_acceptance::Column::WithdrawnAt.is_null())
            .exec(&txn)
            .await?;
        audit::Event::new(audit::Kind::ConsentWithdrawn, audit::Outcome::Ok, Some(user_id), client)
            .detail(*document)
            .record(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Values that would hand out access are left out of the copy (they are not information about the
/// person, and a leaked export must not be a key).
const SECRET_COLUMNS: [&str; 6] =
    ["password_hash", "mfa_secret", "mfa_pending_secret", "code_hash", "token_hash", "id_hash"];

fn rows(values: Vec<Value>, hide: &[&str]) -> Value {
    Value::Array(
        values
            .into_iter()
            .map(|mut v| {
                if let Some(o) = v.as_object_mut() {
                    for c in SECRET_COLUMNS.iter().chain(hide) {
                        o.remove(*c);
                    }
                }
                v
            })
            .collect(),
    )
}

/// Everything Tam holds about one person, one key per table, as JSON.
pub async fn export(
    db: &DatabaseConnection,
    user_id: i32,
    client: Option<std::net::IpAddr>,
) -> Result<Value, AppError> {
    let me = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    let email = me.email.clone();
    // Logged first, so that the copy holds its own making.
    audit::Event::new(audit::Kind::PersonalDataExported, audit::Outcome::Ok, Some(user_id), client)
        .detail("own data (JSON)")
        .record(db)
        .await?;
    let mut out = Map::new();
    out.insert("generated_at".into(), json!(now()));
    out.insert("users".into(), rows(user::Entity::find_by_id(user_id).into_json().all(db).await?, &[]));
    out.insert(
        "volunteer_profiles".into(),
        rows(volunteer_profile::Entity::find_by_id(user_id).into_json().all(db).await?, &["search_text"]),
    );
    out.insert(
        "volunteer_tags".into(),
        rows(
            volunteer_tag::Entity::find().filter(volunteer_tag::Column::UserId.eq(user_id)).into_json().all(db).await?,
            &[],
        ),
    );
    // A session's and a link's key would let someone in: kept out, the rest (when, where from) in.
    out.insert(
        "sessions".into(),
        rows(session::Entity::find().filter(session::Column::UserId.eq(user_id)).into_json().all(db).await?, &["id"]),
    );
    out.insert(
        "tokens".into(),
        rows(token::Entity::find().filter(token::Column::UserId.eq(user_id)).into_json().all(db).await?, &["id"]),
    );
    out.insert(
        "recovery_codes".into(),
        rows(
            recovery_code::Entity::find().filter(recovery_code::Column::UserId.eq(user_id)).into_json().all(db).await?,
            &[],
        ),
    );
    out.insert(
        "coordinators".into(),
        rows(
            coordinator::Entity::find().filter(coordinator::Column::UserId.eq(user_id)).into_json().all(db).await?,
            &[],
        ),
    );
    out.insert(
        "organizations".into(),
        rows(
            organization::Entity::find()
                .filter(organization::Column::AppliedBy.eq(user_id))
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    out.insert(
        "applications".into(),
        rows(
            application::Entity::find()
                .filter(
                    Condition::any()
                        .add(application::Column::UserId.eq(user_id))
                        .add(application::Column::DecidedBy.eq(user_id)),
                )
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    out.insert(
        "notifications".into(),
        rows(
            notification::Entity::find().filter(notification::Column::UserId.eq(user_id)).into_json().all(db).await?,
            &[],
        ),
    );
    // The feed's address would show the shifts to whoever has it: when, not the key.
    out.insert(
        "calendar_feeds".into(),
        rows(calendar_feed::Entity::find_by_id(user_id).into_json().all(db).await?, &["token"]),
    );
    out.insert(
        "attendance".into(),
        rows(attendance::Entity::find().filter(attendance::Column::UserId.eq(user_id)).into_json().all(db).await?, &[]),
    );
    out.insert(
        "hour_entries".into(),
        rows(hour_entry::Entity::find().filter(hour_entry::Column::UserId.eq(user_id)).into_json().all(db).await?, &[]),
    );
    // What the dashboards count of them (the month they joined, where they live, their stages).
    let facts = super::rollups::facts_of(db, user_id).await?;
    out.insert(
        "people_facts".into(),
        Value::Array(
            facts
                .map(|(month, parts)| serde_json::json!({ "user_id": user_id, "month": month, "parts": parts }))
                .into_iter()
                .collect(),
        ),
    );
    out.insert(
        "volunteer_qualifications".into(),
        rows(
            volunteer_qualification::Entity::find()
                .filter(volunteer_qualification::Column::UserId.eq(user_id))
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    out.insert(
        "events".into(),
        rows(event::Entity::find().filter(event::Column::UserId.eq(user_id)).into_json().all(db).await?, &[]),
    );
    out.insert(
        "opportunities".into(),
        rows(
            opportunity::Entity::find().filter(opportunity::Column::CreatedBy.eq(user_id)).into_json().all(db).await?,
            &["search_text"],
        ),
    );
    out.insert(
        "coordinator_invites".into(),
        rows(
            coordinator_invite::Entity::find()
                .filter(
                    Condition::any()
                        .add(coordinator_invite::Column::InvitedBy.eq(user_id))
                        .add(coordinator_invite::Column::UsedBy.eq(user_id))
                        .add(coordinator_invite::Column::Email.eq(&email)),
                )
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    out.insert(
        "policy_acceptances".into(),
        rows(
            policy_acceptance::Entity::find()
                .filter(policy_acceptance::Column::UserId.eq(user_id))
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    out.insert(
        "audit_events".into(),
        rows(
            audit_event::Entity::find()
                .filter(
                    Condition::any()
                        .add(audit_event::Column::ActorId.eq(user_id))
                        .add(audit_event::Column::SubjectId.eq(user_id)),
                )
                .order_by_asc(audit_event::Column::Id)
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    // Mail written to them; the links in it are spent or expired, but still not handed out again.
    out.insert(
        "outbox".into(),
        rows(
            outbox::Entity::find().filter(outbox::Column::Recipient.eq(&email)).into_json().all(db).await?,
            &["body_html", "body_text"],
        ),
    );
    out.insert(
        "throttle_buckets".into(),
        rows(
            throttle_bucket::Entity::find()
                .filter(
                    Condition::any()
                        .add(throttle_bucket::Column::Key.contains(format!(":{email}|")))
                        .add(throttle_bucket::Column::Key.ends_with(format!(":{user_id}"))),
                )
                .into_json()
                .all(db)
                .await?,
            &[],
        ),
    );
    Ok(Value::Object(out))
}

/// Deletes an account: the password is asked again. Sessions, links and codes end; names,
/// contacts, free text and the address are erased; what counts need (the row, municipality,
/// gender, year of birth, skills and causes) stays, attached to no one.
pub async fn delete_account(
    db: &DatabaseConnection,
    user_id: i32,
    password: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let me = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    if me.is_admin {
        return Err(AppError::field(FORM, "err-admin-cannot-delete"));
    }
    let key = super::throttle::login_key(&me.email, client);
    if !super::throttle::take(db, &key, super::throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS).await? {
        return Err(AppError::RateLimited);
    }
    if !super::accounts::verify_password(password, me.password_hash.clone()).await? {
        return Err(AppError::field("password", "err-password-wrong"));
    }
    let txn = db.begin().await?;
    let at = now();
    let gone = format!("deleted-{user_id}@deleted.invalid");
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(gone.clone()))
        .col_expr(user::Column::FullName, Expr::value(""))
        .col_expr(user::Column::PasswordHash, Expr::value("!deleted"))
        .col_expr(user::Column::MfaSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::MfaPendingSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::DeletedAt, Expr::value(Some(at)))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    if let Some(p) = volunteer_profile::Entity::find_by_id(user_id).one(&txn).await? {
        // The year of birth alone keeps age bands right and identifies no one.
        let year = p.birth_date.and_then(|d| NaiveDate::from_ymd_opt(d.year(), 1, 1));
        volunteer_profile::ActiveModel {
            user_id: Set(user_id),
            name_ar: Set(None),
            name_latin: Set(None),
            mobile: Set(None),
            birth_date: Set(year),
            skills_other: Set(None),
            emergency_name: Set(None),
            emergency_phone: Set(None),
            emergency_relation: Set(None),
            guardian_name: Set(None),
            guardian_phone: Set(None),
            guardian_email: Set(None),
            guardian_relation: Set(None),
            search_text: Set(String::new()),
            updated_at: Set(at),
            ..Default::default()
        }
        .update(&txn)
        .await?;
    }
    // What they wrote to organizations goes; that they applied (and how it ended) stays, for counts.
    application::Entity::update_many()
        .col_expr(application::Column::Motivation, Expr::value(Option::<String>::None))
        .filter(application::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(&txn).await?;
    // Notifications quote coordinators' reasons and titles: gone with the feed of shifts.
    notification::Entity::delete_many().filter(notification::Column::UserId.eq(user_id)).exec(&txn).await?;
    calendar_feed::Entity::delete_by_id(user_id).exec(&txn).await?;
    token::Entity::delete_many().filter(token::Column::UserId.eq(user_id)).exec(&txn).await?;
    recovery_code::Entity::delete_many().filter(recovery_code::Column::UserId.eq(user_id)).exec(&txn).await?;
    coordinator::Entity::delete_many().filter(coordinator::Column::UserId.eq(user_id)).exec(&txn).await?;
    coordinator_invite::Entity::update_many()
        .col_expr(coordinator_invite::Column::Email, Expr::value(gone.clone()))
        .filter(coordinator_invite::Column::Email.eq(&me.email))
        .exec(&txn)
        .await?;
    // Mail not sent yet is dropped; what was sent keeps its date and kind, not its text.
    outbox::Entity::delete_many()
        .filter(outbox::Column::Recipient.eq(&me.email))
        .filter(outbox::Column::Status.eq(super::mail::PENDING))
        .exec(&txn)
        .await?;
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Recipient, Expr::value(gone.clone()))
        .col_expr(outbox::Column::Subject, Expr::value(""))
        .col_expr(outbox::Column::BodyText, Expr::value(""))
        .col_expr(outbox::Column::BodyHtml, Expr::value(""))
        .filter(outbox::Column::Recipient.eq(&me.email))
        .exec(&txn)
        .await?;
    throttle_bucket::Entity::delete_many()
        .filter(throttle_bucket::Column::Key.contains(format!(":{}|", me.email)))
        .exec(&txn)
        .await?;
    audit::Event::new(audit::Kind::AccountDeleted, audit::Outcome::Ok, Some(user_id), client).record(&txn).await?;
    super::rollups::person(&txn, user_id).await?;
    txn.commit().await?;
    Ok(())
}
