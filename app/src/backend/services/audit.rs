//! The security audit log: logins (success, refusal, throttled) with the address, password changes
//! and resets, MFA changes, session revocations, role changes and every admin action — who, whom,
//! what, when, from where, and how it ended.
//!
//! Rows are only inserted: no function here updates or deletes one, and the database refuses to
//! (a trigger, from the migration that made the table). Admins read it at `/admin/audit`.

use std::net::IpAddr;

use sea_orm::{entity::prelude::*, ActiveValue::Set, Condition, QueryFilter, QueryOrder, QuerySelect};

use super::now;
use crate::backend::entities::{audit_event, user};

/// What happened. The names are stored, and shown to admins translated (`audit-kind-<name>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Login,
    LoginCode,
    Logout,
    Registration,
    EmailVerified,
    PasswordChanged,
    PasswordResetRequested,
    PasswordReset,
    MfaEnabled,
    MfaDisabled,
    MfaReset,
    SessionRevoked,
    RoleChanged,
    GuardianConsent,
    OrganizationApplied,
    OrganizationReviewed,
    CoordinatorInvited,
    CoordinatorRemoved,
    PersonalDataViewed,
    PersonalDataExported,
    PolicyAccepted,
    ConsentWithdrawn,
    AccountDeleted,
    ApplicationDecided,
}

impl Kind {
    pub const ALL: [Kind; 24] = [
        Kind::Login,
        Kind::LoginCode,
        Kind::Logout,
        Kind::Registration,
        Kind::EmailVerified,
        Kind::PasswordChanged,
        Kind::PasswordResetRequested,
        Kind::PasswordReset,
        Kind::MfaEnabled,
        Kind::MfaDisabled,
        Kind::MfaReset,
        Kind::SessionRevoked,
        Kind::RoleChanged,
        Kind::GuardianConsent,
        Kind::OrganizationApplied,
        Kind::OrganizationReviewed,
        Kind::CoordinatorInvited,
        Kind::CoordinatorRemoved,
        Kind::PersonalDataViewed,
        Kind::PersonalDataExported,
        Kind::PolicyAccepted,
        Kind::ConsentWithdrawn,
        Kind::AccountDeleted,
        Kind::ApplicationDecided,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Login => "login",
            Kind::LoginCode => "login-code",
            Kind::Logout => "logout",
            Kind::Registration => "registration",
            Kind::EmailVerified => "email-verified",
            Kind::PasswordChanged => "password-changed",
            Kind::PasswordResetRequested => "password-reset-requested",
            Kind::PasswordReset => "password-reset",
            Kind::MfaEnabled => "mfa-enabled",
            Kind::MfaDisabled => "mfa-disabled",
            Kind::MfaReset => "mfa-reset",
            Kind::SessionRevoked => "session-revoked",
            Kind::RoleChanged => "role-changed",
            Kind::GuardianConsent => "guardian-consent",
            Kind::OrganizationApplied => "organization-applied",
            Kind::OrganizationReviewed => "organization-reviewed",
            Kind::CoordinatorInvited => "coordinator-invited",
            Kind::CoordinatorRemoved => "coordinator-removed",
            Kind::PersonalDataViewed => "personal-data-viewed",
            Kind::PersonalDataExported => "personal-data-exported",
            Kind::PolicyAccepted => "policy-accepted",
            Kind::ConsentWithdrawn => "consent-withdrawn",
            Kind::AccountDeleted => "account-deleted",
            Kind::ApplicationDecided => "application-decided",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Refused,
    Throttled,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Refused => "refused",
            Outcome::Throttled => "throttled",
        }
    }
}

/// One event, built up and then [`Event::record`]ed.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: Kind,
    pub outcome: Outcome,
    pub actor: Option<i32>,
    pub subject: Option<i32>,
    pub address: Option<IpAddr>,
    pub detail: Option<String>,
}

impl Event {
    /// Something a person did to their own account (or tried to: `subject` is the account).
    pub fn new(kind: Kind, outcome: Outcome, user: Option<i32>, address: Option<IpAddr>) -> Event {
        Event { kind, outcome, actor: user, subject: user, address, detail: None }
    }

    /// An admin acting on someone else.
    pub fn by(kind: Kind, actor: i32, subject: i32, address: Option<IpAddr>) -> Event {
        Event { kind, outcome: Outcome::Ok, actor: Some(actor), subject: Some(subject), address, detail: None }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Event {
        let mut detail: String = detail.into();
        if detail.chars().count() > 500 {
            detail = detail.chars().take(500).collect();
        }
        self.detail = Some(detail);
        self
    }

    /// Appends the event to the log (in the caller's transaction, when given one).
    pub async fn record(self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        audit_event::ActiveModel {
            at: Set(now()),
            actor_id: Set(self.actor),
            subject_id: Set(self.subject),
            kind: Set(self.kind.name().to_string()),
            outcome: Set(self.outcome.name().to_string()),
            address: Set(self.address.map(|a| a.to_string())),
            detail: Set(self.detail),
            ..Default::default()
        }
        .insert(db)
        .await
        .map(|_| ())
    }
}

/// One event per person whose data `actor` saw or took (a list of results, an export): the log
/// then answers "who saw whose data, when" for each of them.
pub async fn record_each(
    db: &impl ConnectionTrait,
    kind: Kind,
    actor: i32,
    subjects: &[i32],
    address: Option<IpAddr>,
    detail: &str,
) -> Result<(), DbErr> {
    let at = now();
    for chunk in subjects.chunks(500) {
        let rows: Vec<audit_event::ActiveModel> = chunk
            .iter()
            .map(|s| audit_event::ActiveModel {
                at: Set(at),
                actor_id: Set(Some(actor)),
                subject_id: Set(Some(*s)),
                kind: Set(kind.name().to_string()),
                outcome: Set(Outcome::Ok.name().to_string()),
                address: Set(address.map(|a| a.to_string())),
                detail: Set(Some(detail.to_string())),
                ..Default::default()
            })
            .collect();
        if !rows.is_empty() {
            audit_event::Entity::insert_many(rows).exec(db).await?;
        }
    }
    Ok(())
}

/// A coordinator's screen that refreshes (live, or reloaded) shows the same people again and
/// again: each person it shows is one `personal-data-viewed` row per viewer, screen and hour.
pub async fn record_views(
    db: &impl ConnectionTrait,
    actor: i32,
    subjects: &[i32],
    address: Option<IpAddr>,
    detail: &str,
) -> Result<(), DbErr> {
    if subjects.is_empty() {
        return Ok(());
    }
    let since = now() - chrono::Duration::hours(1);
    let seen: Vec<Option<i32>> = audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::SubjectId)
        .filter(audit_event::Column::ActorId.eq(actor))
        .filter(audit_event::Column::Kind.eq(Kind::PersonalDataViewed.name()))
        .filter(audit_event::Column::At.gte(since))
        .filter(audit_event::Column::Detail.eq(detail))
        .filter(audit_event::Column::SubjectId.is_in(subjects.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    let mut fresh: Vec<i32> = subjects.iter().copied().filter(|s| !seen.contains(&Some(*s))).collect();
    fresh.sort_unstable();
    fresh.dedup();
    record_each(db, Kind::PersonalDataViewed, actor, &fresh, address, detail).await
}

/// What an admin filters the log by.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Events by or about this account.
    pub user: Option<i32>,
    pub kind: Option<Kind>,
    pub from: Option<chrono::NaiveDate>,
    /// Inclusive.
    pub to: Option<chrono::NaiveDate>,
}

/// One page of the log, newest first, with the emails of the accounts it names.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &Filter,
    limit: u64,
    offset: u64,
) -> Result<Vec<(audit_event::Model, Option<String>, Option<String>)>, DbErr> {
    let mut query = audit_event::Entity::find();
    if let Some(u) = filter.user {
        query = query
            .filter(Condition::any().add(audit_event::Column::ActorId.eq(u)).add(audit_event::Column::SubjectId.eq(u)));
    }
    if let Some(k) = filter.kind {
        query = query.filter(audit_event::Column::Kind.eq(k.name()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_event::Column::At.gte(from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()));
    }
    if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
        query = query.filter(audit_event::Column::At.lt(to.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()));
    }
    let rows = query
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .offset(offset)
        .all(db)
        .await?;
    let mut ids: Vec<i32> = rows.iter().flat_map(|r| [r.actor_id, r.subject_id]).flatten().collect();
    ids.sort_unstable();
    ids.dedup();
    let emails: std::collections::HashMap<i32, String> = if ids.is_empty() {
        Default::default()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.email))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let actor = r.actor_id.and_then(|i| emails.get(&i).cloned());
            let subject = r.subject_id.and_then(|i| emails.get(&i).cloned());
            (r, actor, subject)
        })
        .collect())
}

/// The events about one account (tests and the account's own history).
pub async fn of(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<audit_event::Model>, DbErr> {
    let filter = Filter { user: Some(user_id), ..Default::default() };
    Ok(list(db, &filter, 1000, 0).await?.into_iter().map(|(r, _, _)| r).collect())
}
