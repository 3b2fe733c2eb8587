//! Applications to shifts, and the coordinators' decisions on them.
//!
//! The rules that keep the roster honest live here, on the server:
//! - a seat is never given twice: approving takes the seat with one conditional update of the
//!   shift's count (`taken < capacity`), the first statement of the transaction, so that on SQLite
//!   the writer's lock is taken before anything is read (no lock upgrade, no "database is locked"),
//!   and on PostgreSQL the shift's row is locked until the decision commits;
//! - no two approved shifts of one volunteer overlap (back to back is fine); the refusal names the
//!   other shift;
//! - the volunteer's age, the opportunity's gender rule, a minor's guardian consent and the
//!   sign-up cut-off are checked when applying;
//! - a decision applies only to an application still waiting for one (pending or waitlisted);
//! - a seat that frees up (a withdrawal, a cancellation) is offered to the first waitlisted
//!   volunteer and held for them until a deadline ([`OFFER_HOURS`]); one not confirmed in time
//!   passes to the next ([`expire_offers`], run by the server every minute);
//! - the day before an approved shift, its volunteer is reminded once ([`send_reminders`]).
//!
//! Every change is told in the same transaction: a mail in the recipient's language, a
//! notification (the bell), and an event for the open screens ([`events`]).

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    entity::prelude::*, ActiveValue::Set, DbBackend, PaginatorTrait, QueryFilter, Statement, TransactionTrait,
};

use super::profiles::{self, age_on};
use super::{audit, events, mail, notifications, now};
use crate::backend::entities::{application, opportunity, shift, user, volunteer_profile};
use crate::model::{AppError, Bilingual, FieldError, FORM};

pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";
pub const WAITLISTED: &str = "waitlisted";
pub const WITHDRAWN: &str = "withdrawn";
pub const CANCELLED: &str = "cancelled";
/// An offered seat not confirmed in time.
pub const EXPIRED: &str = "expired";

/// How long a waitlisted volunteer has to confirm a seat offered to them (less when the shift's
/// sign-up closes sooner).
pub const OFFER_HOURS: i64 = 24;

/// What a coordinator decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject(String),
    Waitlist,
}

pub(crate) async fn shift_and_opportunity(
    db: &impl ConnectionTrait,
    shift_id: i32,
) -> Result<(shift::Model, opportunity::Model), AppError> {
    let s = shift::Entity::find_by_id(shift_id).one(db).await?.ok_or(AppError::NotFound)?;
    let o = opportunity::Entity::find_by_id(s.opportunity_id).one(db).await?.ok_or(AppError::NotFound)?;
    Ok((s, o))
}

/// A volunteer applies to one shift, with an optional motivation. Everything that can be checked
/// before a coordinator decides is checked here; each refusal says why.
pub async fn apply(
    db: &DatabaseConnection,
    user_id: i32,
    shift_id: i32,
    motivation: &str,
    at: DateTime<Utc>,
) -> Result<application::Model, AppError> {
    let (s, o) = shift_and_opportunity(db, shift_id).await?;
    if o.status != super::opportunities::PUBLISHED {
        return Err(AppError::NotFound);
    }
    if at >= s.starts_at - Duration::hours(i64::from(o.signup_cutoff_hours)) {
        return Err(AppError::field(FORM, "err-signup-closed"));
    }
    let today = crate::clock::date(at);
    profiles::may_apply(db, user_id, today).await?;
    let profile = volunteer_profile::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Internal)?;
    let age_then = profile.birth_date.map(|b| age_on(b, crate::clock::date(s.starts_at))).unwrap_or(0);
    if age_then < o.min_age {
        return Err(AppError::field(FORM, "err-too-young"));
    }
    let gender_ok = match o.gender_rule.as_str() {
        "women" => profile.gender.as_deref() == Some("female"),
        "men" => profile.gender.as_deref() == Some("male"),
        _ => true,
    };
    if !gender_ok {
        return Err(AppError::field(FORM, "err-gender-rule"));
    }
    if let Some(q) = o.required_qualification_id {
        if !super::qualifications::holds(db, user_id, q, s.starts_at).await? {
            return Err(AppError::field(FORM, "err-qualification-missing"));
        }
    }
    // Told now, not only when a coordinator's approval is refused later.
    refuse_clash_with(db, user_id, &s, "err-apply-clash").await?;
    let motivation = motivation.trim();
    if motivation.chars().count() > 1000 {
        return Err(AppError::field("motivation", "err-text-too-long"));
    }
    let existing = application::Entity::find()
        .filter(application::Column::ShiftId.eq(shift_id))
        .filter(application::Column::UserId.eq(user_id))
        .one(db)
        .await?;
    let motivation = (!motivation.is_empty()).then(|| motivation.to_string());
    let txn = db.begin().await?;
    // The row, and whether it is a new application (one applying again after withdrawing is not).
    let (row, new_row) = match existing {
        // Applying again after withdrawing starts afresh; any other state stands.
        Some(a) if a.status == WITHDRAWN => {
            let mut active: application::ActiveModel = a.into();
            active.status = Set(PENDING.to_string());
            active.motivation = Set(motivation);
            active.reason = Set(None);
            active.decided_by = Set(None);
            active.decided_at = Set(None);
            active.offer_expires_at = Set(None);
            active.updated_at = Set(at);
            (active.update(&txn).await?, false)
        }
        Some(_) => return Err(AppError::field(FORM, "err-already-applied")),
        None => application::ActiveModel {
            shift_id: Set(shift_id),
            user_id: Set(user_id),
            status: Set(PENDING.to_string()),
            motivation: Set(motivation),
            reason: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            withdrawn_late: Set(false),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map(|row| (row, true))?,
    };
    if new_row {
        super::rollups::applied(&txn, at, o.id, 1, 0).await?;
    }
    super::rollups::person(&txn, user_id).await?;
    let new = events::New {
        kind: events::SUBMITTED,
        organization_id: Some(o.organization_id),
        user_id: Some(user_id),
        application_id: Some(row.id),
    };
    events::record(&txn, new, at).await?;
    txn.commit().await?;
    events::poke();
    Ok(row)
}

/// The volunteer's own application (another person's is not found).
async fn own_application(
    db: &impl ConnectionTrait,
    user_id: i32,
    application_id: i32,
) -> Result<application::Model, AppError> {
    application::Entity::find_by_id(application_id)
        .filter(application::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The application, if it is one of this organization's (another organization's is not found).
pub async fn of_organization(
    db: &impl ConnectionTrait,
    organization_id: i32,
    application_id: i32,
) -> Result<(application::Model, shift::Model, opportunity::Model), AppError> {
    let a = application::Entity::find_by_id(application_id).one(db).await?.ok_or(AppError::NotFound)?;
    let (s, o) = shift_of(db, organization_id, a.shift_id).await?;
    Ok((a, s, o))
}

/// Another approved shift of this volunteer that overlaps `[starts, ends)`, if any.
async fn clash(
    db: &impl ConnectionTrait,
    user_id: i32,
    except_shift: i32,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> Result<Option<(shift::Model, opportunity::Model)>, DbErr> {
    let approved: Vec<i32> = application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .filter(application::Column::Status.eq(APPROVED))
        .filter(application::Column::ShiftId.ne(except_shift))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.shift_id)
        .collect();
    if approved.is_empty() {
        return Ok(None);
    }
    let Some(other) = shift::Entity::find()
        .filter(shift::Column::Id.is_in(approved))
        .filter(shift::Column::StartsAt.lt(ends))
        .filter(shift::Column::EndsAt.gt(starts))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let o = opportunity::Entity::find_by_id(other.opportunity_id).one(db).await?;
    Ok(o.map(|o| (other, o)))
}

/// The opportunity's title in both languages.
pub(crate) fn title_of(o: &opportunity::Model) -> Bilingual {
    Bilingual { ar: o.title_ar.clone(), en: o.title_en.clone() }
}

/// Tells a volunteer about their application, in the caller's transaction: a mail in their
/// language (`mail-<kind>-…`, linking to `/me` when `site` is given) and a notification.
async fn tell(
    txn: &impl ConnectionTrait,
    kind: &'static str,
    a: &application::Model,
    s: &shift::Model,
    o: &opportunity::Model,
    reason: Option<&str>,
    site: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(volunteer) = user::Entity::find_by_id(a.user_id).one(txn).await? else { return Ok(()) };
    if volunteer.deleted_at.is_some() {
        return Ok(());
    }
    let lang = crate::i18n::Lang::from_tag(&volunteer.lang).unwrap_or_default();
    let title = title_of(o).pick(lang).0;
    let mut detail = format!("{title}, {}", crate::i18n::format_datetime(lang, s.starts_at));
    if let Some(r) = reason {
        detail.push_str(": ");
        detail.push_str(r);
    }
    if kind == "offer" {
        if let Some(until) = a.offer_expires_at {
            detail = crate::i18n::translate_args(
                lang,
                "offer-detail",
                &[
                    ("shift", crate::i18n::text(&detail)),
                    ("until", crate::i18n::text(&crate::i18n::format_datetime(lang, until))),
                ],
            );
        }
    }
    mail::enqueue(
        txn,
        mail::Letter {
            kind,
            to: &volunteer.email,
            lang,
            name: &volunteer.full_name,
            link: (!site.is_empty()).then(|| format!("{site}/me")),
            detail: Some(&detail),
        },
    )
    .await?;
    let about = notifications::About {
        application_id: Some(a.id),
        title: title_of(o),
        starts_at: Some(s.starts_at),
        detail: reason,
    };
    notifications::add(txn, a.user_id, kind, about, at).await
}

/// The event every open screen of this application's volunteer and organization hears.
async fn announce(
    txn: &impl ConnectionTrait,
    kind: &str,
    a: &application::Model,
    o: &opportunity::Model,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let new = events::New {
        kind,
        organization_id: Some(o.organization_id),
        user_id: Some(a.user_id),
        application_id: Some(a.id),
    };
    events::record(txn, new, at).await.map(|_| ())
}

/// A seat of this shift was given back: it goes to the first waitlisted volunteer without an
/// offer, held for them until a deadline, or back to the shift when nobody waits. Call it in the
/// transaction that frees the seat.
async fn free_seat(
    txn: &impl ConnectionTrait,
    s: &shift::Model,
    o: &opportunity::Model,
    site: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    use sea_orm::QueryOrder;
    let signup_closes = s.starts_at - Duration::hours(i64::from(o.signup_cutoff_hours));
    let deadline = std::cmp::Ord::min(at + Duration::hours(OFFER_HOURS), signup_closes);
    let next = if deadline > at {
        application::Entity::find()
            .filter(application::Column::ShiftId.eq(s.id))
            .filter(application::Column::Status.eq(WAITLISTED))
            .filter(application::Column::OfferExpiresAt.is_null())
            .order_by_asc(application::Column::DecidedAt)
            .order_by_asc(application::Column::Id)
            .one(txn)
            .await?
    } else {
        None
    };
    match next {
        Some(w) => {
            application::Entity::update_many()
                .col_expr(application::Column::OfferExpiresAt, Expr::value(Some(deadline)))
                .col_expr(application::Column::UpdatedAt, Expr::value(at))
                .filter(application::Column::Id.eq(w.id))
                .exec(txn)
                .await?;
            let w = application::Model { offer_expires_at: Some(deadline), ..w };
            tell(txn, "offer", &w, s, o, None, site, at).await?;
            announce(txn, events::OFFER, &w, o, at).await
        }
        None => {
            shift::Entity::update_many()
                .col_expr(shift::Column::Taken, Expr::col(shift::Column::Taken).sub(1))
                .filter(shift::Column::Id.eq(s.id))
                .filter(shift::Column::Taken.gt(0))
                .exec(txn)
                .await?;
            Ok(())
        }
    }
}

/// Refuses with `message` when another approved shift of this volunteer overlaps this one, naming
/// it as the reader will read it: its title and its hours in Doha, in the request's language.
async fn refuse_clash_with(
    db: &impl ConnectionTrait,
    user_id: i32,
    s: &shift::Model,
    message: &'static str,
) -> Result<(), AppError> {
    if let Some((other, other_o)) = clash(db, user_id, s.id, s.starts_at, s.ends_at).await? {
        let lang = crate::i18n::use_i18n().lang;
        let (title, _) = title_of(&other_o).pick(lang);
        let when = crate::i18n::format_range(lang, other.starts_at, other.ends_at);
        let mut e = FieldError::new(FORM, message);
        e.args = vec![("shift".into(), format!("{title} ({when})"))];
        return Err(AppError::Validation(vec![e]));
    }
    Ok(())
}

/// The coordinator's side: approving would give one volunteer two places at once.
async fn refuse_clash(txn: &impl ConnectionTrait, user_id: i32, s: &shift::Model) -> Result<(), AppError> {
    refuse_clash_with(txn, user_id, s, "err-shift-clash").await
}

/// One volunteer's approvals one at a time, whichever organizations decide them (PostgreSQL; on
/// SQLite the writer's lock already does it).
async fn lock_volunteer(txn: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT id FROM users WHERE id = $1 FOR UPDATE",
            [user_id.into()],
        ))
        .await?;
    }
    Ok(())
}

/// A coordinator decides on an application of their organization. The volunteer is told in the
/// same transaction (`site` starts the mail's link; none when empty). Approving a waitlisted
/// volunteer who holds an offered seat gives them that seat; rejecting them passes it on.
pub async fn decide(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    application_id: i32,
    decision: Decision,
    site: &str,
    client: Option<std::net::IpAddr>,
) -> Result<application::Model, AppError> {
    let (a, s, o) = of_organization(db, organization_id, application_id).await?;
    if ![PENDING, WAITLISTED].contains(&a.status.as_str()) {
        return Err(AppError::field(FORM, "err-already-decided"));
    }
    let (status, reason) = match &decision {
        Decision::Approve => (APPROVED, None),
        Decision::Waitlist => (WAITLISTED, None),
        Decision::Reject(reason) => (REJECTED, Some(reason_of(reason)?)),
    };
    let at = now();
    let txn = db.begin().await?;
    let holds_seat = a.offer_expires_at.is_some();
    if decision == Decision::Approve && !holds_seat {
        // The seat first: the transaction's first statement is this write.
        let seat = shift::Entity::update_many()
            .col_expr(shift::Column::Taken, Expr::col(shift::Column::Taken).add(1))
            .filter(shift::Column::Id.eq(s.id))
            .filter(Expr::col(shift::Column::Taken).lt(Expr::col(shift::Column::Capacity)))
            .exec(&txn)
            .await?;
        if seat.rows_affected != 1 {
            return Err(AppError::field(FORM, "err-shift-full"));
        }
    }
    if decision == Decision::Approve {
        lock_volunteer(&txn, a.user_id).await?;
        refuse_clash(&txn, a.user_id, &s).await?;
    }
    // Only an application still waiting for a decision changes: two coordinators at once, one wins.
    let updated = application::Entity::update_many()
        .col_expr(application::Column::Status, Expr::value(status))
        .col_expr(application::Column::Reason, Expr::value(reason.clone()))
        .col_expr(application::Column::DecidedBy, Expr::value(Some(coordinator)))
        .col_expr(application::Column::DecidedAt, Expr::value(Some(at)))
        .col_expr(application::Column::OfferExpiresAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(application::Column::UpdatedAt, Expr::value(at))
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::Status.eq(a.status.clone()))
        .filter(match a.offer_expires_at {
            Some(until) => application::Column::OfferExpiresAt.eq(until),
            None => application::Column::OfferExpiresAt.is_null(),
        })
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::field(FORM, "err-already-decided"));
    }
    if holds_seat && decision != Decision::Approve {
        free_seat(&txn, &s, &o, site, at).await?;
    }
    if decision == Decision::Approve {
        super::rollups::approval(&txn, a.created_at, s.id, o.id, 1).await?;
        super::rollups::person(&txn, a.user_id).await?;
    }
    let kind = match decision {
        Decision::Approve => "application-approved",
        Decision::Waitlist => "application-waitlisted",
        Decision::Reject(_) => "application-rejected",
    };
    tell(&txn, kind, &a, &s, &o, reason.as_deref(), site, at).await?;
    audit::Event::by(audit::Kind::ApplicationDecided, coordinator, a.user_id, client)
        .detail(format!("application {} {status} (opportunity {})", a.id, o.id))
        .record(&txn)
        .await?;
    announce(&txn, events::DECIDED, &a, &o, at).await?;
    txn.commit().await?;
    events::poke();
    Ok(application::Entity::find_by_id(a.id).one(db).await?.ok_or(AppError::Internal)?)
}

/// A reason a coordinator gives (rejecting, cancelling): 3 to 500 characters.
fn reason_of(reason: &str) -> Result<String, AppError> {
    let r = reason.trim();
    if r.chars().count() < 3 {
        return Err(AppError::field("reason", "err-reason-required"));
    }
    if r.chars().count() > 500 {
        return Err(AppError::field("reason", "err-text-too-long"));
    }
    Ok(r.to_string())
}

/// A coordinator cancels an approved place (the shift changed, the volunteer is not suitable after
/// all), with a reason the volunteer is told. The seat goes to the waitlist.
pub async fn cancel(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    application_id: i32,
    reason: &str,
    site: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let (a, s, o) = of_organization(db, organization_id, application_id).await?;
    if a.status != APPROVED {
        return Err(AppError::field(FORM, "err-not-approved"));
    }
    let reason = reason_of(reason)?;
    let at = now();
    let txn = db.begin().await?;
    let updated = application::Entity::update_many()
        .col_expr(application::Column::Status, Expr::value(CANCELLED))
        .col_expr(application::Column::Reason, Expr::value(Some(reason.clone())))
        .col_expr(application::Column::DecidedBy, Expr::value(Some(coordinator)))
        .col_expr(application::Column::DecidedAt, Expr::value(Some(at)))
        .col_expr(application::Column::UpdatedAt, Expr::value(at))
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::Status.eq(APPROVED))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::field(FORM, "err-not-approved"));
    }
    free_seat(&txn, &s, &o, site, at).await?;
    super::rollups::approval(&txn, a.created_at, s.id, o.id, -1).await?;
    super::rollups::person(&txn, a.user_id).await?;
    tell(&txn, "application-cancelled", &a, &s, &o, Some(&reason), site, at).await?;
    audit::Event::by(audit::Kind::ApplicationDecided, coordinator, a.user_id, client)
        .detail(format!("application {} {CANCELLED} (opportunity {})", a.id, o.id))
        .record(&txn)
        .await?;
    announce(&txn, events::DECIDED, &a, &o, at).await?;
    txn.commit().await?;
    events::poke();
    Ok(())
}

/// The volunteer withdraws their own application; an approved one gives its seat back (to the
/// waitlist first), and only before the opportunity's withdrawal cut-off. Turning
/// down an offered seat is withdrawing too: the seat passes to the next.
pub async fn withdraw(
    db: &DatabaseConnection,
    user_id: i32,
    application_id: i32,
    site: &str,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let a = own_application(db, user_id, application_id).await?;
    if ![PENDING, WAITLISTED, APPROVED].contains(&a.status.as_str()) {
        return Err(AppError::field(FORM, "err-already-decided"));
    }
    let (s, o) = shift_and_opportunity(db, a.shift_id).await?;
    // The cut-off the opportunity advertises holds: an approved place is not given up in the last
    // hours, when nobody could take it; the volunteer tells the organization instead.
    if a.status == APPROVED && at >= s.starts_at - Duration::hours(i64::from(o.withdraw_cutoff_hours)) {
        return Err(AppError::field(FORM, "err-withdraw-closed"));
    }
    let late = false;
    let txn = db.begin().await?;
    let updated = application::Entity::update_many()
        .col_expr(application::Column::Status, Expr::value(WITHDRAWN))
        .col_expr(application::Column::WithdrawnLate, Expr::value(late))
        .col_expr(application::Column::OfferExpiresAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(application::Column::UpdatedAt, Expr::value(at))
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::Status.eq(a.status.clone()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::field(FORM, "err-already-decided"));
    }
    if a.status == APPROVED || a.offer_expires_at.is_some() {
        free_seat(&txn, &s, &o, site, at).await?;
    }
    if a.status == APPROVED {
        super::rollups::approval(&txn, a.created_at, s.id, o.id, -1).await?;
        super::rollups::person(&txn, a.user_id).await?;
    }
    announce(&txn, events::WITHDRAWN, &a, &o, at).await?;
    txn.commit().await?;
    events::poke();
    Ok(())
}

/// The volunteer takes the seat offered to them, before the deadline (and if it does not clash
/// with another approved shift of theirs).
pub async fn confirm_offer(
    db: &DatabaseConnection,
    user_id: i32,
    application_id: i32,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let a = own_application(db, user_id, application_id).await?;
    let Some(until) = a.offer_expires_at.filter(|_| a.status == WAITLISTED) else {
        return Err(AppError::field(FORM, "err-no-offer"));
    };
    if at >= until {
        return Err(AppError::field(FORM, "err-offer-expired"));
    }
    let (s, o) = shift_and_opportunity(db, a.shift_id).await?;
    let txn = db.begin().await?;
    // The first statement writes, as when a coordinator approves (SQLite takes its lock at once).
    let updated = application::Entity::update_many()
        .col_expr(application::Column::Status, Expr::value(APPROVED))
        .col_expr(application::Column::OfferExpiresAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(application::Column::DecidedAt, Expr::value(Some(at)))
        .col_expr(application::Column::UpdatedAt, Expr::value(at))
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::Status.eq(WAITLISTED))
        .filter(application::Column::OfferExpiresAt.eq(until))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::field(FORM, "err-offer-expired"));
    }
    lock_volunteer(&txn, user_id).await?;
    refuse_clash(&txn, user_id, &s).await?;
    super::rollups::approval(&txn, a.created_at, s.id, o.id, 1).await?;
    super::rollups::person(&txn, user_id).await?;
    announce(&txn, events::DECIDED, &a, &o, at).await?;
    txn.commit().await?;
    events::poke();
    Ok(())
}

/// Offers not confirmed by their deadline lapse, and their seats pass to the next on the waitlist.
/// Safe to run from several processes at once: each offer lapses once. Returns how many lapsed.
pub async fn expire_offers(db: &DatabaseConnection, site: &str, at: DateTime<Utc>) -> Result<usize, DbErr> {
    let due = application::Entity::find()
        .filter(application::Column::Status.eq(WAITLISTED))
        .filter(application::Column::OfferExpiresAt.lte(at))
        .all(db)
        .await?;
    let mut n = 0;
    for a in due {
        let Some((s, o)) = shift_and_opportunity(db, a.shift_id).await.ok() else { continue };
        let txn = db.begin().await?;
        let updated = application::Entity::update_many()
            .col_expr(application::Column::Status, Expr::value(EXPIRED))
            .col_expr(application::Column::UpdatedAt, Expr::value(at))
            .filter(application::Column::Id.eq(a.id))
            .filter(application::Column::Status.eq(WAITLISTED))
            .filter(application::Column::OfferExpiresAt.eq(a.offer_expires_at))
            .exec(&txn)
            .await?;
        if updated.rows_affected != 1 {
            continue;
        }
        free_seat(&txn, &s, &o, site, at).await?;
        notifications::add(
            &txn,
            a.user_id,
            "offer-expired",
            notifications::About {
                application_id: Some(a.id),
                title: title_of(&o),
                starts_at: Some(s.starts_at),
                detail: None,
            },
            at,
        )
        .await?;
        announce(&txn, events::DECIDED, &a, &o, at).await?;
        txn.commit().await?;
        n += 1;
    }
    if n > 0 {
        events::poke();
    }
    Ok(n)
}

/// How long before an approved shift its reminder goes out.
pub const REMIND_BEFORE_HOURS: i64 = 24;

/// Reminds each volunteer of their approved shifts starting within a day, once: the mark is set
/// by a conditional update in the transaction that writes the mail, so a restart or a second
/// process never sends it twice. Returns how many were sent.
pub async fn send_reminders(db: &DatabaseConnection, site: &str, at: DateTime<Utc>) -> Result<usize, DbErr> {
    let soon: Vec<shift::Model> = shift::Entity::find()
        .filter(shift::Column::StartsAt.gt(at))
        .filter(shift::Column::StartsAt.lte(at + Duration::hours(REMIND_BEFORE_HOURS)))
        .all(db)
        .await?;
    if soon.is_empty() {
        return Ok(0);
    }
    let due = application::Entity::find()
        .filter(application::Column::ShiftId.is_in(soon.iter().map(|s| s.id).collect::<Vec<_>>()))
        .filter(application::Column::Status.eq(APPROVED))
        .filter(application::Column::RemindedAt.is_null())
        .all(db)
        .await?;
    let mut n = 0;
    for a in due {
        let Some(s) = soon.iter().find(|s| s.id == a.shift_id) else { continue };
        let Some(o) = opportunity::Entity::find_by_id(s.opportunity_id).one(db).await? else { continue };
        let txn = db.begin().await?;
        let marked = application::Entity::update_many()
            .col_expr(application::Column::RemindedAt, Expr::value(Some(at)))
            .filter(application::Column::Id.eq(a.id))
            .filter(application::Column::Status.eq(APPROVED))
            .filter(application::Column::RemindedAt.is_null())
            .exec(&txn)
            .await?;
        if marked.rows_affected != 1 {
            continue;
        }
        tell(&txn, "shift-reminder", &a, s, &o, None, site, at).await?;
        announce(&txn, events::REMINDER, &a, &o, at).await?;
        txn.commit().await?;
        n += 1;
    }
    if n > 0 {
        events::poke();
    }
    Ok(n)
}

/// How many applications a page of the queue shows.
pub const QUEUE_PAGE: u64 = 50;

/// A page of the coordinator's queue: their organization's applications on shifts still to come,
/// in one state (pending unless `waitlisted` is asked), of one opportunity or shift if asked,
/// oldest or newest first, [`QUEUE_PAGE`] at a time after the id the query names. Reads the rows
/// shown and what is needed to decide on them, never the whole queue.
pub async fn queue_page(
    db: &DatabaseConnection,
    organization_id: i32,
    query: &crate::model::QueueQuery,
    at: DateTime<Utc>,
) -> Result<crate::model::QueuePage, DbErr> {
    use crate::backend::entities::{attendance, volunteer_tag};
    use crate::model::{QueuePage, QueueQuery, QueueRow};
    use sea_orm::{QueryOrder, QuerySelect, Value};
    let stmt = |sql: &str, values: Vec<Value>| super::dashboard::stmt(db, sql, values);
    // The organization's opportunities with a shift to come, for the filter.
    let rows = db
        .query_all_raw(stmt(
            "SELECT o.id, o.title_ar, o.title_en FROM opportunities o WHERE o.organization_id = ? \
             AND EXISTS (SELECT 1 FROM shifts s WHERE s.opportunity_id = o.id AND s.ends_at > ?) ORDER BY o.id DESC",
            vec![organization_id.into(), at.into()],
        ))
        .await?;
    let mut opportunities = Vec::with_capacity(rows.len());
    for r in rows {
        opportunities.push((
            r.try_get::<i32>("", "id")?,
            Bilingual { ar: r.try_get("", "title_ar")?, en: r.try_get("", "title_en")? },
        ));
    }
    let state = if query.state == WAITLISTED { WAITLISTED } else { PENDING };
    let newest = query.order == "newest";
    let opportunity: Option<i32> =
        query.opportunity.parse().ok().filter(|id| opportunities.iter().any(|(o, _)| o == id));
    let shifts: Vec<(i32, DateTime<Utc>, DateTime<Utc>)> = match opportunity {
        Some(o) => {
            shift::Entity::find()
                .filter(shift::Column::OpportunityId.eq(o))
                .filter(shift::Column::EndsAt.gt(at))
                .order_by_asc(shift::Column::StartsAt)
                .select_only()
                .column(shift::Column::Id)
                .column(shift::Column::StartsAt)
                .column(shift::Column::EndsAt)
                .into_tuple()
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let shift_id: Option<i32> = query.shift.parse().ok().filter(|id| shifts.iter().any(|(s, _, _)| s == id));
    let after: Option<i32> = query.after.parse().ok();
    let understood = QueueQuery {
        state: if state == WAITLISTED { WAITLISTED.into() } else { String::new() },
        opportunity: opportunity.map(|o| o.to_string()).unwrap_or_default(),
        shift: shift_id.map(|s| s.to_string()).unwrap_or_default(),
        order: if newest { "newest".into() } else { String::new() },
        after: after.map(|a| a.to_string()).unwrap_or_default(),
        since: String::new(),
    };

    // The filter, from the organization's opportunities to their shifts to the applications.
    // CROSS JOINs keep SQLite on this path (the status index would walk every pending
    // application in the country); PostgreSQL plans them as any join.
    let mut filter = String::from(
        "FROM opportunities o CROSS JOIN shifts s CROSS JOIN applications a \
         WHERE s.opportunity_id = o.id AND a.shift_id = s.id AND o.organization_id = ? AND s.ends_at > ? \
         AND a.status = ?",
    );
    let mut values: Vec<Value> = vec![organization_id.into(), at.into(), state.into()];
    if let Some(o) = opportunity {
        filter.push_str(" AND o.id = ?");
        values.push(o.into());
    }
    if let Some(sid) = shift_id {
        filter.push_str(" AND s.id = ?");
        values.push(sid.into());
    }
    let filter_values = values.clone();
    let total = count_of(db, &format!("SELECT COUNT(*) {filter}"), values.clone()).await?;
    let pending = if state == PENDING && opportunity.is_none() {
        total
    } else {
        count_of(
            db,
            "SELECT COUNT(*) FROM opportunities o CROSS JOIN shifts s CROSS JOIN applications a \
             WHERE s.opportunity_id = o.id AND a.shift_id = s.id AND o.organization_id = ? AND s.ends_at > ? \
             AND a.status = ?",
            vec![organization_id.into(), at.into(), PENDING.into()],
        )
        .await?
    };
    let mut page_filter = filter.clone();
    if let Some(a) = after {
        page_filter.push_str(if newest { " AND a.id < ?" } else { " AND a.id > ?" });
        values.push(a.into());
    }
    values.push(((QUEUE_PAGE + 1) as i64).into());
    let sql = format!(
        "SELECT a.id, a.status, a.user_id, a.motivation, a.offer_expires_at, s.starts_at, s.ends_at, s.taken, \
         s.capacity, o.title_ar, o.title_en, u.full_name, p.name_ar, p.name_latin, p.birth_date {page_filter} \
         ORDER BY a.id {} LIMIT ?",
        if newest { "DESC" } else { "ASC" }
    )
    .replace(
        " WHERE s.opportunity_id",
        " JOIN users u ON u.id = a.user_id LEFT JOIN volunteer_profiles p ON p.user_id = a.user_id \
         WHERE s.opportunity_id",
    );
    let found = db.query_all_raw(stmt(&sql, values)).await?;
    let more = found.len() as u64 > QUEUE_PAGE;
    let today = crate::clock::date(at);
    let mut rows = Vec::with_capacity(found.len().min(QUEUE_PAGE as usize));
    for r in found.iter().take(QUEUE_PAGE as usize) {
        let birth: Option<chrono::NaiveDate> = r.try_get("", "birth_date")?;
        rows.push(QueueRow {
            id: r.try_get("", "id")?,
            status: r.try_get("", "status")?,
            volunteer_id: r.try_get("", "user_id")?,
            volunteer: crate::model::PersonName::new(
                r.try_get("", "full_name")?,
                r.try_get("", "name_ar")?,
                r.try_get("", "name_latin")?,
            ),
            age: birth.map(|b| age_on(b, today)),
            skills: Vec::new(),
            languages: Vec::new(),
            motivation: r.try_get("", "motivation")?,
            late_withdrawals: 0,
            attended: 0,
            no_shows: 0,
            opportunity: Bilingual { ar: r.try_get("", "title_ar")?, en: r.try_get("", "title_en")? },
            starts_at: r.try_get("", "starts_at")?,
            ends_at: r.try_get("", "ends_at")?,
            taken: r.try_get("", "taken")?,
            capacity: r.try_get("", "capacity")?,
            offer_expires_at: r.try_get("", "offer_expires_at")?,
        });
    }
    // What matters for deciding, for the people shown only.
    let mut people: Vec<i32> = rows.iter().map(|r| r.volunteer_id).collect();
    people.sort_unstable();
    people.dedup();
    if !people.is_empty() {
        let tags = volunteer_tag::Entity::find()
            .filter(volunteer_tag::Column::UserId.is_in(people.clone()))
            .filter(volunteer_tag::Column::Kind.is_in(["skill", "language"]))
            .all(db)
            .await?;
        let late: Vec<i32> = application::Entity::find()
            .filter(application::Column::UserId.is_in(people.clone()))
            .filter(application::Column::WithdrawnLate.eq(true))
            .select_only()
            .column(application::Column::UserId)
            .into_tuple()
            .all(db)
            .await?;
        // Their attendance anywhere on Tam: the queue shows only people who applied to this
        // organization, so only its coordinators see these counts.
        let marks: Vec<(i32, String)> = attendance::Entity::find()
            .filter(attendance::Column::UserId.is_in(people))
            .select_only()
            .column(attendance::Column::UserId)
            .column(attendance::Column::Status)
            .into_tuple()
            .all(db)
            .await?;
        for row in &mut rows {
            let who = row.volunteer_id;
            let of = |kind: &str| {
                tags.iter().filter(|t| t.user_id == who && t.kind == kind).map(|t| t.value.clone()).collect()
            };
            row.skills = of("skill");
            row.languages = of("language");
            row.late_withdrawals = late.iter().filter(|u| **u == who).count() as u32;
            let theirs = marks.iter().filter(|(u, _)| *u == who);
            row.no_shows = theirs.clone().filter(|(_, s)| s == super::attendance::NO_SHOW).count() as u32;
            row.attended = theirs.filter(|(_, s)| s != super::attendance::NO_SHOW).count() as u32;
        }
    }
    let next = if more { rows.last().map(|r| r.id) } else { None };
    let latest =
        count_of(db, &format!("SELECT CAST(MAX(a.id) AS BIGINT) {filter}"), filter_values.clone()).await? as i32;
    // What came since the page was opened and is not on it (it sorts onto another page).
    let fresh = match query.since.parse::<i32>().ok() {
        Some(since) if since < latest => {
            let mut v = filter_values;
            v.push(since.into());
            let came = count_of(db, &format!("SELECT COUNT(*) {filter} AND a.id > ?"), v).await?;
            came.saturating_sub(rows.iter().filter(|r| r.id > since).count() as u64)
        }
        _ => 0,
    };
    Ok(QueuePage { rows, total, pending, next, latest, fresh, query: understood, opportunities, shifts })
}

/// A count (or a largest id) of one statement; nothing counts as 0.
async fn count_of(db: &DatabaseConnection, sql: &str, values: Vec<sea_orm::Value>) -> Result<u64, DbErr> {
    let row = db.query_one_raw(super::dashboard::stmt(db, sql, values)).await?;
    let n: i64 = row.map(|r| r.try_get_by_index::<Option<i64>>(0)).transpose()?.flatten().unwrap_or(0);
    Ok(u64::try_from(n).unwrap_or(0))
}

/// A volunteer's own applications, soonest shift first.
pub async fn mine(db: &DatabaseConnection, user_id: i32) -> Result<Vec<crate::model::MyApplication>, DbErr> {
    use crate::model::{Bilingual, LocalizedName, MyApplication};
    // One statement: the page shows titles and names, never the opportunities' long texts.
    let rows = db
        .query_all_raw(super::dashboard::stmt(
            db,
            "SELECT a.id, a.status, a.reason, a.offer_expires_at, s.starts_at, s.ends_at, o.id AS opportunity_id, \
             o.title_ar, o.title_en, o.withdraw_cutoff_hours, g.name_ar, g.name_en FROM applications a JOIN shifts s ON s.id = a.shift_id \
             JOIN opportunities o ON o.id = s.opportunity_id JOIN organizations g ON g.id = o.organization_id \
             WHERE a.user_id = ? ORDER BY s.starts_at, a.id",
            vec![user_id.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            let starts_at: DateTime<Utc> = r.try_get("", "starts_at")?;
            let cutoff: i32 = r.try_get("", "withdraw_cutoff_hours")?;
            Ok(MyApplication {
                withdraw_closes_at: starts_at - Duration::hours(i64::from(cutoff)),
                id: r.try_get("", "id")?,
                opportunity_id: r.try_get("", "opportunity_id")?,
                opportunity: Bilingual { ar: r.try_get("", "title_ar")?, en: r.try_get("", "title_en")? },
                organization: LocalizedName { ar: r.try_get("", "name_ar")?, en: r.try_get("", "name_en")? },
                starts_at: r.try_get("", "starts_at")?,
                ends_at: r.try_get("", "ends_at")?,
                status: r.try_get("", "status")?,
                reason: r.try_get("", "reason")?,
                offer_expires_at: r.try_get("", "offer_expires_at")?,
            })
        })
        .collect()
}

/// A shift of this organization (another organization's is not found).
pub(crate) async fn shift_of(
    db: &impl ConnectionTrait,
    organization_id: i32,
    shift_id: i32,
) -> Result<(shift::Model, opportunity::Model), AppError> {
    let (s, o) = shift_and_opportunity(db, shift_id).await?;
    if o.organization_id != organization_id {
        return Err(AppError::NotFound);
    }
    Ok((s, o))
}

/// Who is approved on a shift of this organization, by name, with their contacts for the day.
pub async fn roster(
    db: &DatabaseConnection,
    organization_id: i32,
    shift_id: i32,
) -> Result<crate::model::Roster, AppError> {
    use crate::model::{Roster, RosterRow, ShiftSummary};
    let (s, o) = shift_of(db, organization_id, shift_id).await?;
    let apps = application::Entity::find()
        .filter(application::Column::ShiftId.eq(s.id))
        .filter(application::Column::Status.eq(APPROVED))
        .all(db)
        .await?;
    let ids: Vec<i32> = apps.iter().map(|a| a.user_id).collect();
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids.clone())).all(db).await?;
    let profiles =
        volunteer_profile::Entity::find().filter(volunteer_profile::Column::UserId.is_in(ids)).all(db).await?;
    let marks = super::attendance::of_shift(db, s.id).await?;
    let mut rows: Vec<RosterRow> = apps
        .iter()
        .filter_map(|a| {
            let u = users.iter().find(|u| u.id == a.user_id)?;
            let p = profiles.iter().find(|p| p.user_id == a.user_id);
            Some(RosterRow {
                application_id: a.id,
                volunteer_id: u.id,
                name: crate::model::PersonName::new(
                    u.full_name.clone(),
                    p.and_then(|p| p.name_ar.clone()),
                    p.and_then(|p| p.name_latin.clone()),
                ),
                email: u.email.clone(),
                mobile: p.and_then(|p| p.mobile.clone()),
                emergency_name: p.and_then(|p| p.emergency_name.clone()),
                emergency_phone: p.and_then(|p| p.emergency_phone.clone()),
                attendance: marks.iter().find(|m| m.application_id == a.id).map(|m| crate::model::AttendanceMark {
                    status: m.status.clone(),
                    checked_in_at: m.checked_in_at,
                    checked_out_at: m.checked_out_at,
                    checkout_missing: m.checkout_missing,
                }),
            })
        })
        .collect();
    rows.sort_by(|a, b| a.name.full.cmp(&b.name.full));
    Ok(Roster {
        shift: ShiftSummary {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            taken: s.taken,
            capacity: s.capacity,
        },
        opportunity: title_of(&o),
        place: o.place.clone(),
        rows,
    })
}

/// The roster as CSV (UTF-8 with BOM, headings in `lang`, every cell neutralized).
pub fn roster_csv(r: &crate::model::Roster, lang: crate::i18n::Lang) -> String {
    use crate::backend::text::csv_line;
    let head: Vec<String> = ["col-name", "me-email", "field-mobile", "field-emergency-name", "field-emergency-phone"]
        .iter()
        .map(|id| crate::i18n::translate_args(lang, id, &[]))
        .collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(head.iter().map(String::as_str)));
    for row in &r.rows {
        out.push_str(&csv_line([
            row.name.get(lang),
            row.email.as_str(),
            row.mobile.as_deref().unwrap_or_default(),
            row.emergency_name.as_deref().unwrap_or_default(),
            row.emergency_phone.as_deref().unwrap_or_default(),
        ]));
    }
    out
}

/// A coordinator writes to everyone approved on a shift of their organization: a mail to each
/// (in their language, the coordinator's words quoted as typed) and a notification. Returns how
/// many were told.
pub async fn message_shift(
    db: &DatabaseConnection,
    organization_id: i32,
    shift_id: i32,
    text: &str,
    site: &str,
) -> Result<usize, AppError> {
    let (s, o) = shift_of(db, organization_id, shift_id).await?;
    let text = text.trim();
    if text.chars().count() < 3 {
        return Err(AppError::field("message", "err-message-required"));
    }
    if text.chars().count() > 1000 {
        return Err(AppError::field("message", "err-text-too-long"));
    }
    let apps = application::Entity::find()
        .filter(application::Column::ShiftId.eq(s.id))
        .filter(application::Column::Status.eq(APPROVED))
        .all(db)
        .await?;
    let at = now();
    let txn = db.begin().await?;
    for a in &apps {
        tell(&txn, "shift-message", a, &s, &o, Some(text), site, at).await?;
        announce(&txn, events::REMINDER, a, &o, at).await?;
    }
    txn.commit().await?;
    events::poke();
    Ok(apps.len())
}

/// A coordinator changes a shift (its times, its seats), or that shift and the later ones of its
/// series: each moves by the same amount and gets the same seats. Seats never drop below those
/// given; new seats go to the waitlist first (offers); approved volunteers are told of a new time.
pub async fn edit_shift(
    db: &DatabaseConnection,
    organization_id: i32,
    shift_id: i32,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    capacity: i32,
    scope: super::opportunities::Scope,
    site: &str,
) -> Result<usize, AppError> {
    use sea_orm::QueryOrder;
    let (s, o) = shift_of(db, organization_id, shift_id).await?;
    let at = now();
    let targets: Vec<shift::Model> = match (scope, s.series_id) {
        (super::opportunities::Scope::AllFollowing, Some(series)) => {
            shift::Entity::find()
                .filter(shift::Column::SeriesId.eq(series))
                .filter(shift::Column::StartsAt.gte(s.starts_at))
                .order_by_asc(shift::Column::StartsAt)
                .all(db)
                .await?
        }
        _ => vec![s.clone()],
    };
    let (moved_start, moved_end) = (starts - s.starts_at, ends - s.ends_at);
    if let Some(full) = targets.iter().find(|t| t.taken > capacity) {
        let mut e = FieldError::new("capacity", "err-capacity-below-taken");
        e.args = vec![("taken".into(), full.taken.to_string())];
        return Err(AppError::Validation(vec![e]));
    }
    let txn = db.begin().await?;
    for t in &targets {
        // The seat count is re-checked in the update itself: an approval between the read and
        // this write cannot leave more volunteers than seats.
        let updated = shift::Entity::update_many()
            .col_expr(shift::Column::StartsAt, Expr::value(t.starts_at + moved_start))
            .col_expr(shift::Column::EndsAt, Expr::value(t.ends_at + moved_end))
            .col_expr(shift::Column::Capacity, Expr::value(capacity))
            .filter(shift::Column::Id.eq(t.id))
            .filter(shift::Column::Taken.lte(capacity))
            .exec(&txn)
            .await?;
        if updated.rows_affected != 1 {
            return Err(AppError::field("capacity", "err-capacity-below-taken"));
        }
        let Some(now_shift) = shift::Entity::find_by_id(t.id).one(&txn).await? else { continue };
        if capacity > t.capacity {
            offer_new_seats(&txn, &now_shift, &o, site, at).await?;
        }
        if moved_start != Duration::zero() || moved_end != Duration::zero() {
            let approved = application::Entity::find()
                .filter(application::Column::ShiftId.eq(t.id))
                .filter(application::Column::Status.eq(APPROVED))
                .all(&txn)
                .await?;
            for a in &approved {
                tell(&txn, "shift-changed", a, &now_shift, &o, None, site, at).await?;
                announce(&txn, events::DECIDED, a, &o, at).await?;
            }
        }
    }
    super::opportunities::refresh_next_start(&txn, o.id, at).await?;
    txn.commit().await?;
    events::poke();
    Ok(targets.len())
}

/// New seats on a shift go to the waitlist first: each is taken and held for the next waitlisted
/// volunteer, as a freed seat is.
async fn offer_new_seats(
    txn: &impl ConnectionTrait,
    s: &shift::Model,
    o: &opportunity::Model,
    site: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let waiting = application::Entity::find()
        .filter(application::Column::ShiftId.eq(s.id))
        .filter(application::Column::Status.eq(WAITLISTED))
        .filter(application::Column::OfferExpiresAt.is_null())
        .count(txn)
        .await? as i32;
    let seats = std::cmp::Ord::min(s.capacity - s.taken, waiting);
    for _ in 0..seats {
        let took = shift::Entity::update_many()
            .col_expr(shift::Column::Taken, Expr::col(shift::Column::Taken).add(1))
            .filter(shift::Column::Id.eq(s.id))
            .filter(Expr::col(shift::Column::Taken).lt(Expr::col(shift::Column::Capacity)))
            .exec(txn)
            .await?;
        if took.rows_affected != 1 {
            break;
        }
        // The seat just taken is passed on like a freed one (to the next waitlisted).
        free_seat(txn, s, o, site, at).await?;
    }
    Ok(())
}
