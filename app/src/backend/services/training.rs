//! Capacity building: courses, their sessions, enrolments and the qualifications they grant.
//!
//! An organization's coordinators (or, for the network's own courses, its admins) publish a course:
//! titles and descriptions in either language, the qualification it grants and for how many
//! months, and sessions with dates and seats. A volunteer enrols before the first session starts;
//! enrolling takes a seat in every session at once, each by one conditional update (`taken <
//! capacity`) in one transaction, so a course is never over-filled and a half-taken place rolls
//! back. The coordinator marks who attended each session; attending them all grants the
//! qualification from that moment (a renewal when already held) and tells the volunteer. A daily
//! sweep warns 30 days before a qualification expires, once per grant.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, QueryOrder, TransactionTrait};

use super::opportunities::{text, ShiftInput};
use super::{mail, notifications, qualifications};
use crate::backend::entities::{
    course, course_session, enrolment, qualification, session_attendance, user, volunteer_qualification,
};
use crate::model::{
    AppError, Bilingual, CourseCard, CoursePage, CourseRoster, CourseSession, FieldError, LocalizedName, MyTraining,
    FORM,
};

pub const ENROLLED: &str = "enrolled";
pub const WITHDRAWN: &str = "withdrawn";
pub const COMPLETED: &str = "completed";
/// How long before expiry a volunteer is warned.
pub const WARN_DAYS: i64 = 30;

/// A course as typed.
#[derive(Clone, Debug, Default)]
pub struct CourseInput {
    pub title_ar: String,
    pub title_en: String,
    pub description_ar: String,
    pub description_en: String,
    pub qualification: String,
    pub valid_months: String,
}

/// A checked course.
#[derive(Clone, Debug)]
pub struct CourseDetails {
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub qualification_id: i32,
    pub valid_months: Option<i32>,
}

impl CourseInput {
    /// Every field checked at once (the qualification's existence is checked on save).
    pub fn parse(&self) -> Result<CourseDetails, Vec<FieldError>> {
        let mut e: Vec<FieldError> = Vec::new();
        let mut take = |field: &str, r: Result<Option<String>, &'static str>| {
            r.map_err(|m| e.push(FieldError::new(field, m))).ok().flatten()
        };
        let title_ar = take("title_ar", text(&self.title_ar, 200));
        let title_en = take("title_en", text(&self.title_en, 200));
        let description_ar = take("description_ar", text(&self.description_ar, 4000));
        let description_en = take("description_en", text(&self.description_en, 4000));
        drop(take);
        if title_ar.is_none() && title_en.is_none() && !e.iter().any(|f| f.field.starts_with("title")) {
            e.push(FieldError::new("title_ar", "err-title-required"));
        }
        let qualification_id = match self.qualification.trim().parse::<i32>() {
            Ok(id) => id,
            Err(_) => {
                e.push(FieldError::new("qualification", "err-choice-unknown"));
                0
            }
        };
        let months = crate::model::inputs::latin_digits(self.valid_months.trim());
        let valid_months = match months.as_str() {
            "" => None,
            m => match m.parse::<i32>() {
                Ok(n) if (1..=120).contains(&n) => Some(n),
                _ => {
                    e.push(FieldError::new("valid_months", "err-number-range"));
                    None
                }
            },
        };
        if e.is_empty() {
            Ok(CourseDetails { title_ar, title_en, description_ar, description_en, qualification_id, valid_months })
        } else {
            Err(e)
        }
    }
}

fn title_of(c: &course::Model) -> Bilingual {
    Bilingual { ar: c.title_ar.clone(), en: c.title_en.clone() }
}

fn description_of(c: &course::Model) -> Bilingual {
    Bilingual { ar: c.description_ar.clone(), en: c.description_en.clone() }
}

/// Publishes a course with its first sessions. `organization`: none for the network's own.
pub async fn create(
    db: &DatabaseConnection,
    organization: Option<i32>,
    by: i32,
    input: &CourseInput,
    sessions: &ShiftInput,
    at: DateTime<Utc>,
) -> Result<course::Model, AppError> {
    let details = input.parse();
    let times = sessions.parse(at);
    let (details, times) = match (details, times) {
        (Ok(d), Ok(t)) => (d, t),
        (d, t) => {
            let mut all = d.err().unwrap_or_default();
            if let Err(AppError::Validation(more)) = t {
                all.extend(more);
            }
            return Err(AppError::Validation(all));
        }
    };
    if qualifications::find(db, details.qualification_id).await?.is_none() {
        return Err(AppError::field("qualification", "err-choice-unknown"));
    }
    let txn = db.begin().await?;
    let c = course::ActiveModel {
        organization_id: Set(organization),
        title_ar: Set(details.title_ar),
        title_en: Set(details.title_en),
        description_ar: Set(details.description_ar),
        description_en: Set(details.description_en),
        qualification_id: Set(details.qualification_id),
        valid_months: Set(details.valid_months),
        created_by: Set(by),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_sessions(&txn, c.id, &times, 0).await?;
    txn.commit().await?;
    Ok(c)
}

/// Sessions with `taken` seats already held (by the people enrolled).
async fn insert_sessions(
    txn: &impl ConnectionTrait,
    course_id: i32,
    times: &[(DateTime<Utc>, DateTime<Utc>, i32)],
    taken: i32,
) -> Result<(), DbErr> {
    for (starts, ends, capacity) in times {
        course_session::ActiveModel {
            course_id: Set(course_id),
            starts_at: Set(*starts),
            ends_at: Set(*ends),
            capacity: Set(*capacity),
            taken: Set(taken),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// A course of this organization (or, `None`, of the network); another's is not found.
async fn own(db: &impl ConnectionTrait, organization: Option<i32>, course_id: i32) -> Result<course::Model, AppError> {
    course::Entity::find_by_id(course_id)
        .one(db)
        .await?
        .filter(|c| c.organization_id == organization)
        .ok_or(AppError::NotFound)
}

/// Adds sessions to a course of theirs. People already enrolled take a seat in them too, as far
/// as the seats go (the session's capacity is at least the enrolled count).
pub async fn add_sessions(
    db: &DatabaseConnection,
    organization: Option<i32>,
    course_id: i32,
    sessions: &ShiftInput,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let c = own(db, organization, course_id).await?;
    let times = sessions.parse(at)?;
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::CourseId.eq(c.id))
        .filter(enrolment::Column::Status.eq(ENROLLED))
        .count(db)
        .await? as i32;
    if times.iter().any(|(_, _, cap)| *cap < enrolled) {
        return Err(AppError::field("capacity", "err-session-below-enrolled"));
    }
    let txn = db.begin().await?;
    insert_sessions(&txn, c.id, &times, enrolled).await?;
    txn.commit().await?;
    Ok(())
}

async fn sessions_of(db: &impl ConnectionTrait, course_id: i32) -> Result<Vec<course_session::Model>, DbErr> {
    course_session::Entity::find()
        .filter(course_session::Column::CourseId.eq(course_id))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db)
        .await
}

fn session_row(s: &course_session::Model) -> CourseSession {
    CourseSession { id: s.id, starts_at: s.starts_at, ends_at: s.ends_at, capacity: s.capacity, taken: s.taken }
}

async fn qualification_name(db: &impl ConnectionTrait, id: i32) -> Result<LocalizedName, DbErr> {
    let q = qualification::Entity::find_by_id(id).one(db).await?;
    Ok(q.map(|q| LocalizedName { ar: q.name_ar, en: q.name_en })
        .unwrap_or(LocalizedName { ar: String::new(), en: String::new() }))
}

async fn organization_name(db: &impl ConnectionTrait, id: Option<i32>) -> Result<Option<LocalizedName>, DbErr> {
    use crate::backend::entities::organization;
    let Some(id) = id else { return Ok(None) };
    Ok(organization::Entity::find_by_id(id).one(db).await?.map(|o| LocalizedName { ar: o.name_ar, en: o.name_en }))
}

async fn card(db: &impl ConnectionTrait, c: &course::Model) -> Result<CourseCard, DbErr> {
    let sessions = sessions_of(db, c.id).await?;
    Ok(CourseCard {
        id: c.id,
        title: title_of(c),
        organization: organization_name(db, c.organization_id).await?,
        qualification: qualification_name(db, c.qualification_id).await?,
        valid_months: c.valid_months,
        first: sessions.first().map(|s| s.starts_at),
        sessions: sessions.len(),
        seats_left: sessions.iter().map(|s| s.capacity - s.taken).min().unwrap_or(0).max(0),
    })
}

/// Courses open to enrol (their first session is still ahead), soonest first; with
/// `qualification`, only those that grant it.
pub async fn open_courses(
    db: &impl ConnectionTrait,
    qualification: Option<i32>,
    at: DateTime<Utc>,
) -> Result<Vec<CourseCard>, DbErr> {
    let mut q = course::Entity::find();
    if let Some(id) = qualification {
        q = q.filter(course::Column::QualificationId.eq(id));
    }
    let mut out = Vec::new();
    for c in q.all(db).await? {
        let card = card(db, &c).await?;
        if card.first.is_some_and(|f| f > at) {
            out.push(card);
        }
    }
    out.sort_by_key(|c| c.first);
    Ok(out)
}

/// The courses of an organization (or the network's), newest first.
pub async fn courses_of(db: &DatabaseConnection, organization: Option<i32>) -> Result<Vec<CourseCard>, DbErr> {
    let q = match organization {
        Some(o) => course::Entity::find().filter(course::Column::OrganizationId.eq(o)),
        None => course::Entity::find().filter(course::Column::OrganizationId.is_null()),
    };
    let mut out = Vec::new();
    for c in q.order_by_desc(course::Column::Id).all(db).await? {
        out.push(card(db, &c).await?);
    }
    Ok(out)
}

/// A course's public page, with the viewer's enrolment if any.
pub async fn page(db: &DatabaseConnection, course_id: i32, viewer: Option<i32>) -> Result<CoursePage, AppError> {
    let c = course::Entity::find_by_id(course_id).one(db).await?.ok_or(AppError::NotFound)?;
    let mine = match viewer {
        Some(u) => enrolment_of(db, c.id, u).await?.map(|e| e.status),
        None => None,
    };
    Ok(CoursePage {
        card: card(db, &c).await?,
        description: description_of(&c),
        sessions: sessions_of(db, c.id).await?.iter().map(session_row).collect(),
        mine,
    })
}

async fn enrolment_of(
    db: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<Option<enrolment::Model>, DbErr> {
    enrolment::Entity::find()
        .filter(enrolment::Column::CourseId.eq(course_id))
        .filter(enrolment::Column::UserId.eq(user_id))
        .one(db)
        .await
}

/// Enrols a volunteer: a seat in every session, all or none; before the first session only.
pub async fn enrol(db: &DatabaseConnection, user_id: i32, course_id: i32, at: DateTime<Utc>) -> Result<(), AppError> {
    use sea_orm::sea_query::ExprTrait;
    let c = course::Entity::find_by_id(course_id).one(db).await?.ok_or(AppError::NotFound)?;
    let sessions = sessions_of(db, c.id).await?;
    if sessions.first().is_none_or(|s| s.starts_at <= at) {
        return Err(AppError::field(FORM, "err-course-started"));
    }
    let before = enrolment_of(db, c.id, user_id).await?;
    if before.as_ref().is_some_and(|e| e.status != WITHDRAWN) {
        return Err(AppError::field(FORM, "err-course-enrolled"));
    }
    let txn = db.begin().await?;
    for s in &sessions {
        let done = course_session::Entity::update_many()
            .col_expr(course_session::Column::Taken, Expr::col(course_session::Column::Taken).add(1))
            .filter(course_session::Column::Id.eq(s.id))
            .filter(Expr::col(course_session::Column::Taken).lt(Expr::col(course_session::Column::Capacity)))
            .exec(&txn)
            .await?;
        if done.rows_affected == 0 {
            txn.rollback().await?;
            return Err(AppError::field(FORM, "err-course-full"));
        }
    }
    let changed = match before {
        Some(e) => {
            enrolment::Entity::update_many()
                .col_expr(enrolment::Column::Status, Expr::value(ENROLLED))
                .col_expr(enrolment::Column::CreatedAt, Expr::value(at))
                .filter(enrolment::Column::Id.eq(e.id))
                .filter(enrolment::Column::Status.eq(WITHDRAWN))
                .exec(&txn)
                .await?
                .rows_affected
        }
        None => {
            enrolment::Entity::insert(enrolment::ActiveModel {
                course_id: Set(c.id),
                user_id: Set(user_id),
                status: Set(ENROLLED.into()),
                created_at: Set(at),
                completed_at: Set(None),
                ..Default::default()
            })
            .on_conflict(
                OnConflict::columns([enrolment::Column::CourseId, enrolment::Column::UserId]).do_nothing().to_owned(),
            )
            .exec_without_returning(&txn)
            .await?
        }
    };
    if changed == 0 {
        // Enrolled at the same moment by another request: its seats stand, these go back.
        txn.rollback().await?;
        return Err(AppError::field(FORM, "err-course-enrolled"));
    }
    txn.commit().await?;
    Ok(())
}

/// Gives the seats back, before the first session.
pub async fn withdraw(
    db: &DatabaseConnection,
    user_id: i32,
    course_id: i32,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    use sea_orm::sea_query::ExprTrait;
    let e = enrolment_of(db, course_id, user_id).await?.ok_or(AppError::NotFound)?;
    let sessions = sessions_of(db, course_id).await?;
    if sessions.first().is_none_or(|s| s.starts_at <= at) {
        return Err(AppError::field(FORM, "err-course-started"));
    }
    let txn = db.begin().await?;
    let done = enrolment::Entity::update_many()
        .col_expr(enrolment::Column::Status, Expr::value(WITHDRAWN))
        .filter(enrolment::Column::Id.eq(e.id))
        .filter(enrolment::Column::Status.eq(ENROLLED))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    course_session::Entity::update_many()
        .col_expr(course_session::Column::Taken, Expr::col(course_session::Column::Taken).sub(1))
        .filter(course_session::Column::CourseId.eq(course_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// The coordinator's view of a course: its sessions and, for each, who is enrolled and whether
/// they were marked present.
pub async fn roster(
    db: &DatabaseConnection,
    organization: Option<i32>,
    course_id: i32,
) -> Result<CourseRoster, AppError> {
    let c = own(db, organization, course_id).await?;
    let sessions = sessions_of(db, c.id).await?;
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::CourseId.eq(c.id))
        .filter(enrolment::Column::Status.ne(WITHDRAWN))
        .order_by_asc(enrolment::Column::Id)
        .all(db)
        .await?;
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(enrolled.iter().map(|e| e.user_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let profiles = crate::backend::entities::volunteer_profile::Entity::find()
        .filter(
            crate::backend::entities::volunteer_profile::Column::UserId
                .is_in(enrolled.iter().map(|e| e.user_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?;
    let marks = session_attendance::Entity::find()
        .filter(session_attendance::Column::SessionId.is_in(sessions.iter().map(|s| s.id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let rows = enrolled
        .iter()
        .filter_map(|e| {
            let p = people.iter().find(|p| p.id == e.user_id)?;
            let present: Vec<Option<bool>> = sessions
                .iter()
                .map(|s| marks.iter().find(|m| m.session_id == s.id && m.user_id == e.user_id).map(|m| m.present))
                .collect();
            Some(crate::model::EnrolledRow {
                user_id: p.id,
                name: {
                    let own = profiles.iter().find(|q| q.user_id == p.id);
                    crate::model::PersonName::new(
                        p.full_name.clone(),
                        own.and_then(|q| q.name_ar.clone()),
                        own.and_then(|q| q.name_latin.clone()),
                    )
                },
                status: e.status.clone(),
                present,
            })
        })
        .collect();
    Ok(CourseRoster { card: card(db, &c).await?, sessions: sessions.iter().map(session_row).collect(), rows })
}

/// Marks a session: the enrolled volunteers in `present` attended, the others did not. Whoever has
/// now attended every session of the course completes it and is granted its qualification.
/// Returns how many completed with this mark.
pub async fn mark_session(
    db: &DatabaseConnection,
    organization: Option<i32>,
    by: i32,
    session_id: i32,
    present: &[i32],
    at: DateTime<Utc>,
) -> Result<usize, AppError> {
    let s = course_session::Entity::find_by_id(session_id).one(db).await?.ok_or(AppError::NotFound)?;
    let c = own(db, organization, s.course_id).await?;
    if at < s.starts_at - Duration::hours(1) {
        return Err(AppError::field(FORM, "err-attendance-too-early"));
    }
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::CourseId.eq(c.id))
        .filter(enrolment::Column::Status.ne(WITHDRAWN))
        .all(db)
        .await?;
    let sessions = sessions_of(db, c.id).await?;
    let txn = db.begin().await?;
    for e in &enrolled {
        session_attendance::Entity::insert(session_attendance::ActiveModel {
            session_id: Set(s.id),
            user_id: Set(e.user_id),
            present: Set(present.contains(&e.user_id)),
            marked_by: Set(by),
            marked_at: Set(at),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([session_attendance::Column::SessionId, session_attendance::Column::UserId])
                .update_columns([
                    session_attendance::Column::Present,
                    session_attendance::Column::MarkedBy,
                    session_attendance::Column::MarkedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    let mut completed = 0;
    for e in enrolled.iter().filter(|e| e.status == ENROLLED) {
        let attended = session_attendance::Entity::find()
            .filter(session_attendance::Column::UserId.eq(e.user_id))
            .filter(session_attendance::Column::Present.eq(true))
            .filter(session_attendance::Column::SessionId.is_in(sessions.iter().map(|s| s.id).collect::<Vec<_>>()))
            .count(&txn)
            .await? as usize;
        if attended < sessions.len() {
            continue;
        }
        // Once, even when two marks race: only an enrolment still open completes.
        let done = enrolment::Entity::update_many()
            .col_expr(enrolment::Column::Status, Expr::value(COMPLETED))
            .col_expr(enrolment::Column::CompletedAt, Expr::value(at))
            .filter(enrolment::Column::Id.eq(e.id))
            .filter(enrolment::Column::Status.eq(ENROLLED))
            .exec(&txn)
            .await?;
        if done.rows_affected == 0 {
            continue;
        }
        let granted = qualifications::grant_for(&txn, e.user_id, c.qualification_id, at, c.valid_months).await?;
        let name = qualification_name(&txn, c.qualification_id).await?;
        tell(&txn, e.user_id, "qualification-granted", &name, granted.expires_at, at).await?;
        completed += 1;
    }
    txn.commit().await?;
    Ok(completed)
}

/// A mail and a notification about a qualification (granted, or expiring), in the volunteer's
/// language.
async fn tell(
    txn: &impl ConnectionTrait,
    user_id: i32,
    kind: &'static str,
    name: &LocalizedName,
    until: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(volunteer) = user::Entity::find_by_id(user_id).one(txn).await? else { return Ok(()) };
    if volunteer.deleted_at.is_some() {
        return Ok(());
    }
    let lang = crate::i18n::Lang::from_tag(&volunteer.lang).unwrap_or_default();
    let date = until.map_or_else(
        || crate::i18n::translate(lang, "qualification-no-expiry"),
        |u| crate::i18n::format_date(lang, crate::clock::date(u)),
    );
    let detail = crate::i18n::translate_args(
        lang,
        "qualification-detail",
        &[("name", crate::i18n::text(name.get(lang))), ("date", crate::i18n::text(date))],
    );
    mail::enqueue(
        txn,
        mail::Letter {
            kind,
            to: &volunteer.email,
            lang,
            name: &volunteer.full_name,
            link: None,
            detail: Some(&detail),
        },
    )
    .await?;
    let title = Bilingual { ar: Some(name.ar.clone()), en: Some(name.en.clone()) };
    notifications::add(
        txn,
        user_id,
        kind,
        notifications::About { application_id: None, title, starts_at: until, detail: None },
        at,
    )
    .await
}

/// Warns each volunteer whose qualification expires within [`WARN_DAYS`] (once per grant: a
/// renewal clears the mark). Safe with several processes. Returns how many were warned.
pub async fn warn_expiring(db: &DatabaseConnection, at: DateTime<Utc>) -> Result<usize, DbErr> {
    let due = volunteer_qualification::Entity::find()
        .filter(volunteer_qualification::Column::WarnedAt.is_null())
        .filter(volunteer_qualification::Column::ExpiresAt.gt(at))
        .filter(volunteer_qualification::Column::ExpiresAt.lte(at + Duration::days(WARN_DAYS)))
        .all(db)
        .await?;
    let mut warned = 0;
    for v in due {
        let txn = db.begin().await?;
        let done = volunteer_qualification::Entity::update_many()
            .col_expr(volunteer_qualification::Column::WarnedAt, Expr::value(at))
            .filter(volunteer_qualification::Column::Id.eq(v.id))
            .filter(volunteer_qualification::Column::WarnedAt.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            let name = qualification_name(&txn, v.qualification_id).await?;
            tell(&txn, v.user_id, "qualification-expiring", &name, v.expires_at, at).await?;
            warned += 1;
        }
        txn.commit().await?;
    }
    Ok(warned)
}

/// `/me`: the qualifications a volunteer holds (with expiry) and their enrolments.
pub async fn mine(db: &DatabaseConnection, user_id: i32) -> Result<MyTraining, DbErr> {
    let mut held = Vec::new();
    for (q, until) in qualifications::held(db, user_id).await? {
        held.push(crate::model::HeldQualification { name: qualification_name(db, q).await?, expires_at: until });
    }
    let mut courses = Vec::new();
    for e in enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .order_by_desc(enrolment::Column::Id)
        .all(db)
        .await?
    {
        if let Some(c) = course::Entity::find_by_id(e.course_id).one(db).await? {
            courses.push((card(db, &c).await?, e.status));
        }
    }
    Ok(MyTraining { held, courses })
}
