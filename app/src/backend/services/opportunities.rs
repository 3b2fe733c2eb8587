//! Opportunities and their shifts, as coordinators create them for their own organization.
//!
//! Every function that changes an opportunity takes the organization the caller coordinates
//! (from `auth::require_coordinator`) and finds nothing in another organization.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, PaginatorTrait, QueryFilter, TransactionTrait};

use super::now;
use super::profiles::{CAUSES, MUNICIPALITIES, SKILLS};
use crate::backend::entities::{opportunity, opportunity_skill, shift};
use crate::backend::text::normalize_for_search;
use crate::model::inputs::{is_invisible_format, latin_digits};
use crate::model::{AppError, FieldError, FORM};

pub const DRAFT: &str = "draft";
pub const PUBLISHED: &str = "published";
pub const CLOSED: &str = "closed";
pub const GENDER_RULES: [&str; 3] = ["any", "women", "men"];

/// The most shifts one opportunity (a weekly series included) may have.
pub const MAX_SHIFTS: usize = 60;

/// The opportunity form as typed.
#[derive(Clone, Debug, Default)]
pub struct OpportunityInput {
    pub title_ar: String,
    pub title_en: String,
    pub description_ar: String,
    pub description_en: String,
    pub cause: String,
    pub municipality: String,
    pub place: String,
    pub min_age: String,
    pub gender_rule: String,
    pub signup_cutoff_hours: String,
    pub withdraw_cutoff_hours: String,
    pub required_skills: Vec<String>,
    pub preferred_skills: Vec<String>,
    /// A qualification's id, or empty for none.
    pub required_qualification: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpportunityDetails {
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub cause: String,
    pub municipality: String,
    pub place: String,
    pub min_age: i32,
    pub gender_rule: String,
    pub signup_cutoff_hours: i32,
    pub withdraw_cutoff_hours: i32,
    pub required_skills: Vec<String>,
    pub preferred_skills: Vec<String>,
    pub required_qualification_id: Option<i32>,
}

/// One shift as typed: start and end in Qatar's time (`2026-12-05T08:00`), seats, and how many
/// weeks it repeats (1: once).
#[derive(Clone, Debug, Default)]
pub struct ShiftInput {
    pub starts: String,
    pub ends: String,
    pub capacity: String,
    pub weeks: String,
}

pub(crate) fn text(raw: &str, max: usize) -> Result<Option<String>, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max {
        return Err("err-text-too-long");
    }
    if s.chars().any(|c| is_invisible_format(c) || (c.is_control() && c != '\n' && c != '\r') || c == '<' || c == '>') {
        return Err("err-text-invalid");
    }
    Ok(Some(s.replace("\r\n", "\n")))
}

fn number(raw: &str, min: i32, max: i32, default: i32) -> Result<i32, &'static str> {
    let s = latin_digits(raw.trim());
    if s.is_empty() {
        return Ok(default);
    }
    match s.parse::<i32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err("err-number-range"),
    }
}

/// A time typed in Qatar's time, as UTC.
pub fn parse_local(raw: &str) -> Result<DateTime<Utc>, &'static str> {
    let s = latin_digits(raw.trim());
    let local = NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M"))
        .map_err(|_| "err-datetime-invalid")?;
    Ok(crate::clock::from_local(local))
}

impl OpportunityInput {
    pub fn parse(&self) -> Result<OpportunityDetails, AppError> {
        let mut e: Vec<FieldError> = Vec::new();
        let mut take = |field: &str, r: Result<Option<String>, &'static str>| {
            r.map_err(|m| e.push(FieldError::new(field, m))).ok().flatten()
        };
        let title_ar = take("title_ar", text(&self.title_ar, 120));
        let title_en = take("title_en", text(&self.title_en, 120));
        let description_ar = take("description_ar", text(&self.description_ar, 4000));
        let description_en = take("description_en", text(&self.description_en, 4000));
        let place = take("place", text(&self.place, 200));
        drop(take);
        if title_ar.is_none() && title_en.is_none() && !e.iter().any(|f| f.field.starts_with("title")) {
            e.push(FieldError::new("title_ar", "err-title-required"));
        }
        if place.is_none() && !e.iter().any(|f| f.field == "place") {
            e.push(FieldError::new("place", "err-required"));
        }
        let one_of = |field: &str, raw: &str, known: &[&str], e: &mut Vec<FieldError>| match raw.trim() {
            "" => {
                e.push(FieldError::new(field, "err-required"));
                None
            }
            v if known.contains(&v) => Some(v.to_string()),
            _ => {
                e.push(FieldError::new(field, "err-choice-unknown"));
                None
            }
        };
        let cause = one_of("cause", &self.cause, &CAUSES, &mut e);
        let municipality = one_of("municipality", &self.municipality, &MUNICIPALITIES, &mut e);
        let gender_rule = match self.gender_rule.trim() {
            "" => Some("any".to_string()),
            v => one_of("gender_rule", v, &GENDER_RULES, &mut e),
        };
        let mut num = |field: &str, raw: &str, min: i32, max: i32, default: i32| {
            number(raw, min, max, default).map_err(|m| e.push(FieldError::new(field, m))).unwrap_or(default)
        };
        let min_age = num("min_age", &self.min_age, 13, 100, 16);
        let signup_cutoff_hours = num("signup_cutoff_hours", &self.signup_cutoff_hours, 0, 720, 0);
        let withdraw_cutoff_hours = num("withdraw_cutoff_hours", &self.withdraw_cutoff_hours, 0, 720, 0);
        let skills = |field: &str, raw: &[String], e: &mut Vec<FieldError>| {
            let mut out: Vec<String> = Vec::new();
            for v in raw.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                if !SKILLS.contains(&v) {
                    e.push(FieldError::new(field, "err-choice-unknown"));
                    return Vec::new();
                }
                if !out.iter().any(|o| o == v) {
                    out.push(v.to_string());
                }
            }
            out
        };
        let required_skills = skills("required_skills", &self.required_skills, &mut e);
        // Whether it exists is checked when saving, against the database.
        let required_qualification_id = match self.required_qualification.trim() {
            "" => None,
            v => v
                .parse::<i32>()
                .map_err(|_| e.push(FieldError::new("required_qualification", "err-choice-unknown")))
                .ok(),
        };
        let preferred_skills: Vec<String> = skills("preferred_skills", &self.preferred_skills, &mut e)
            .into_iter()
            .filter(|s| !required_skills.contains(s))
            .collect();
        if !e.is_empty() {
            return Err(AppError::Validation(e));
        }
        Ok(OpportunityDetails {
            title_ar,
            title_en,
            description_ar,
            description_en,
            cause: cause.unwrap_or_default(),
            municipality: municipality.unwrap_or_default(),
            place: place.unwrap_or_default(),
            min_age,
            gender_rule: gender_rule.unwrap_or_default(),
            signup_cutoff_hours,
            withdraw_cutoff_hours,
            required_skills,
            preferred_skills,
            required_qualification_id,
        })
    }
}

impl ShiftInput {
    /// The shifts this line makes: `(start, end, capacity)`, one a week for `weeks` weeks. A shift
    /// must start in the future, end after it starts, last at most 24 hours and have 1 to 10,000 seats.
    pub fn parse(&self, at: DateTime<Utc>) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>, i32)>, AppError> {
        let mut e = Vec::new();
        let starts = parse_local(&self.starts).map_err(|m| e.push(FieldError::new("starts", m))).ok();
        let ends = parse_local(&self.ends).map_err(|m| e.push(FieldError::new("ends", m))).ok();
        let capacity = match number(&self.capacity, 1, 10_000, 0) {
            Ok(0) => {
                e.push(FieldError::new("capacity", "err-required"));
                0
            }
            Ok(n) => n,
            Err(m) => {
                e.push(FieldError::new("capacity", m));
                0
            }
        };
        let weeks = number(&self.weeks, 1, 52, 1).map_err(|m| e.push(FieldError::new("weeks", m))).unwrap_or(1);
        if let (Some(s), Some(en)) = (starts, ends) {
            if s <= at {
                e.push(FieldError::new("starts", "err-shift-past"));
            }
            if en <= s || en - s > Duration::hours(24) {
                e.push(FieldError::new("ends", "err-shift-ends"));
            }
        }
        if !e.is_empty() {
            return Err(AppError::Validation(e));
        }
        let (s, en) = (starts.unwrap_or(at), ends.unwrap_or(at));
        Ok((0..weeks as i64).map(|w| (s + Duration::weeks(w), en + Duration::weeks(w), capacity)).collect())
    }
}

fn search_text(d: &OpportunityDetails) -> String {
    let words = [&d.title_ar, &d.title_en, &d.description_ar, &d.description_en]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain([d.place.as_str()])
        .collect::<Vec<_>>()
        .join(" ");
    normalize_for_search(&words).chars().take(600).collect()
}

/// A new opportunity of the coordinator's organization, a draft until published, with its shifts.
pub async fn create(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    details: &OpportunityDetails,
    shifts: &[(DateTime<Utc>, DateTime<Utc>, i32)],
) -> Result<opportunity::Model, AppError> {
    if shifts.is_empty() {
        return Err(AppError::field("starts", "err-shift-required"));
    }
    if shifts.len() > MAX_SHIFTS {
        return Err(AppError::field("weeks", "err-too-many-shifts"));
    }
    known_qualification(db, details).await?;
    let at = now();
    let txn = db.begin().await?;
    let d = details;
    let row = opportunity::ActiveModel {
        organization_id: Set(organization_id),
        title_ar: Set(d.title_ar.clone()),
        title_en: Set(d.title_en.clone()),
        description_ar: Set(d.description_ar.clone()),
        description_en: Set(d.description_en.clone()),
        cause: Set(d.cause.clone()),
        municipality: Set(d.municipality.clone()),
        place: Set(d.place.clone()),
        min_age: Set(d.min_age),
        gender_rule: Set(d.gender_rule.clone()),
        signup_cutoff_hours: Set(d.signup_cutoff_hours),
        withdraw_cutoff_hours: Set(d.withdraw_cutoff_hours),
        required_qualification_id: Set(d.required_qualification_id),
        status: Set(DRAFT.to_string()),
        search_text: Set(search_text(d)),
        created_by: Set(coordinator),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_skills(&txn, row.id, d).await?;
    insert_shifts(&txn, row.id, shifts).await?;
    refresh_next_start(&txn, row.id, at).await?;
    txn.commit().await?;
    Ok(row)
}

/// Changes an opportunity's details (its shifts are edited one by one, or as a series). Volunteers
/// who applied keep their applications; the rules for new applications are the new ones.
pub async fn update_details(
    db: &DatabaseConnection,
    organization_id: i32,
    opportunity_id: i32,
    details: &OpportunityDetails,
) -> Result<(), AppError> {
    let before = of_organization(db, organization_id, opportunity_id).await?;
    known_qualification(db, details).await?;
    let d = details;
    let txn = db.begin().await?;
    opportunity::Entity::update_many()
        .col_expr(opportunity::Column::TitleAr, Expr::value(d.title_ar.clone()))
        .col_expr(opportunity::Column::TitleEn, Expr::value(d.title_en.clone()))
        .col_expr(opportunity::Column::DescriptionAr, Expr::value(d.description_ar.clone()))
        .col_expr(opportunity::Column::DescriptionEn, Expr::value(d.description_en.clone()))
        .col_expr(opportunity::Column::Cause, Expr::value(d.cause.clone()))
        .col_expr(opportunity::Column::Municipality, Expr::value(d.municipality.clone()))
        .col_expr(opportunity::Column::Place, Expr::value(d.place.clone()))
        .col_expr(opportunity::Column::MinAge, Expr::value(d.min_age))
        .col_expr(opportunity::Column::GenderRule, Expr::value(d.gender_rule.clone()))
        .col_expr(opportunity::Column::SignupCutoffHours, Expr::value(d.signup_cutoff_hours))
        .col_expr(opportunity::Column::WithdrawCutoffHours, Expr::value(d.withdraw_cutoff_hours))
        .col_expr(opportunity::Column::RequiredQualificationId, Expr::value(d.required_qualification_id))
        .col_expr(opportunity::Column::SearchText, Expr::value(search_text(d)))
        .col_expr(opportunity::Column::UpdatedAt, Expr::value(now()))
        .filter(opportunity::Column::Id.eq(opportunity_id))
        .exec(&txn)
        .await?;
    opportunity_skill::Entity::delete_many()
        .filter(opportunity_skill::Column::OpportunityId.eq(opportunity_id))
        .exec(&txn)
        .await?;
    insert_skills(&txn, opportunity_id, d).await?;
    if before.cause != d.cause {
        // The causes people were approved for, counted on the dashboards, follow.
        super::rollups::people(&txn, approved_people(&txn, opportunity_id).await?).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The people approved on any shift of an opportunity.
async fn approved_people(db: &impl ConnectionTrait, opportunity_id: i32) -> Result<Vec<i32>, DbErr> {
    use crate::backend::entities::application;
    use sea_orm::QuerySelect;
    let shifts = shift::Entity::find()
        .filter(shift::Column::OpportunityId.eq(opportunity_id))
        .select_only()
        .column(shift::Column::Id)
        .into_tuple::<i32>()
        .all(db)
        .await?;
    application::Entity::find()
        .filter(application::Column::ShiftId.is_in(shifts))
        .filter(application::Column::Status.eq(super::applications::APPROVED))
        .select_only()
        .column(application::Column::UserId)
        .into_tuple::<i32>()
        .all(db)
        .await
}

/// The required qualification, if any, must be one Tam knows.
async fn known_qualification(db: &DatabaseConnection, d: &OpportunityDetails) -> Result<(), AppError> {
    match d.required_qualification_id {
        Some(q) if super::qualifications::find(db, q).await?.is_none() => {
            Err(AppError::field("required_qualification", "err-choice-unknown"))
        }
        _ => Ok(()),
    }
}

/// More shifts for an opportunity (one line of the form: one shift, or a weekly series).
pub async fn add_shifts(
    db: &DatabaseConnection,
    organization_id: i32,
    opportunity_id: i32,
    shifts: &[(DateTime<Utc>, DateTime<Utc>, i32)],
) -> Result<(), AppError> {
    of_organization(db, organization_id, opportunity_id).await?;
    let existing = shift::Entity::find().filter(shift::Column::OpportunityId.eq(opportunity_id)).count(db).await?;
    if existing as usize + shifts.len() > MAX_SHIFTS {
        return Err(AppError::field("weeks", "err-too-many-shifts"));
    }
    let txn = db.begin().await?;
    insert_shifts(&txn, opportunity_id, shifts).await?;
    refresh_next_start(&txn, opportunity_id, now()).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets an opportunity's `next_start` from its shifts (call in the transaction that changes them).
pub async fn refresh_next_start(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    use sea_orm::QueryOrder;
    let next = shift::Entity::find()
        .filter(shift::Column::OpportunityId.eq(opportunity_id))
        .filter(shift::Column::StartsAt.gt(at))
        .order_by_asc(shift::Column::StartsAt)
        .one(db)
        .await?
        .map(|s| s.starts_at);
    opportunity::Entity::update_many()
        .col_expr(opportunity::Column::NextStart, Expr::value(next))
        .filter(opportunity::Column::Id.eq(opportunity_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Moves on every opportunity whose next shift has begun (or, with `all`, every one): one
/// statement, run by the server every minute and after a bulk load.
pub async fn refresh_next_starts(db: &impl ConnectionTrait, at: DateTime<Utc>, all: bool) -> Result<u64, DbErr> {
    let backend = db.get_database_backend();
    let (p1, p2) = match backend {
        sea_orm::DbBackend::Postgres => ("$1::timestamptz", "$2::timestamptz"),
        _ => ("?", "?"),
    };
    let only_stale = if all { String::new() } else { format!(" WHERE next_start <= {p2}") };
    let sql = format!(
        "UPDATE opportunities SET next_start = (SELECT MIN(starts_at) FROM shifts \
         WHERE shifts.opportunity_id = opportunities.id AND shifts.starts_at > {p1}){only_stale}"
    );
    let values: Vec<sea_orm::Value> = if all { vec![at.into()] } else { vec![at.into(), at.into()] };
    Ok(db.execute_raw(sea_orm::Statement::from_sql_and_values(backend, sql, values)).await?.rows_affected())
}

/// Every opportunity's `next_start` from its shifts (the migration that adds it, bulk loads).
pub async fn refresh_all_next_starts(db: &impl ConnectionTrait, at: DateTime<Utc>) -> Result<u64, DbErr> {
    refresh_next_starts(db, at, true).await
}

/// An opportunity's required and preferred skills, as rows.
async fn insert_skills(txn: &impl ConnectionTrait, opportunity_id: i32, d: &OpportunityDetails) -> Result<(), DbErr> {
    let skills: Vec<opportunity_skill::ActiveModel> = d
        .required_skills
        .iter()
        .map(|s| (s, true))
        .chain(d.preferred_skills.iter().map(|s| (s, false)))
        .map(|(s, required)| opportunity_skill::ActiveModel {
            opportunity_id: Set(opportunity_id),
            skill: Set(s.clone()),
            required: Set(required),
        })
        .collect();
    if !skills.is_empty() {
        opportunity_skill::Entity::insert_many(skills).exec(txn).await?;
    }
    Ok(())
}

async fn insert_shifts(
    txn: &impl ConnectionTrait,
    opportunity_id: i32,
    shifts: &[(DateTime<Utc>, DateTime<Utc>, i32)],
) -> Result<(), DbErr> {
    let mut series = None;
    for (start, end, capacity) in shifts {
        let s = shift::ActiveModel {
            opportunity_id: Set(opportunity_id),
            starts_at: Set(*start),
            ends_at: Set(*end),
            capacity: Set(*capacity),
            taken: Set(0),
            series_id: Set(series),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if shifts.len() > 1 && series.is_none() {
            series = Some(s.id);
            shift::Entity::update_many()
                .col_expr(shift::Column::SeriesId, Expr::value(Some(s.id)))
                .filter(shift::Column::Id.eq(s.id))
                .exec(txn)
                .await?;
        }
    }
    Ok(())
}

/// Which shifts of a series an edit changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    ThisShift,
    /// This one and the later ones of its series.
    AllFollowing,
}

/// A copy of an opportunity as a new draft: its details and skills, and its shifts moved by whole
/// weeks so that the first is in the future (nobody has applied to the copy).
pub async fn duplicate(
    db: &DatabaseConnection,
    organization_id: i32,
    coordinator: i32,
    opportunity_id: i32,
) -> Result<opportunity::Model, AppError> {
    let o = of_organization(db, organization_id, opportunity_id).await?;
    let skills = opportunity_skill::Entity::find()
        .filter(opportunity_skill::Column::OpportunityId.eq(opportunity_id))
        .all(db)
        .await?;
    let mut shifts = shift::Entity::find().filter(shift::Column::OpportunityId.eq(opportunity_id)).all(db).await?;
    shifts.sort_by_key(|s| s.starts_at);
    let at = now();
    let first = shifts.first().map_or(at, |s| s.starts_at);
    let weeks = if first > at { 0 } else { (at - first).num_weeks() + 1 };
    let moved: Vec<(DateTime<Utc>, DateTime<Utc>, i32)> = shifts
        .iter()
        .map(|s| (s.starts_at + Duration::weeks(weeks), s.ends_at + Duration::weeks(weeks), s.capacity))
        .take(MAX_SHIFTS)
        .collect();
    let details = OpportunityDetails {
        title_ar: o.title_ar,
        title_en: o.title_en,
        description_ar: o.description_ar,
        description_en: o.description_en,
        cause: o.cause,
        municipality: o.municipality,
        place: o.place,
        min_age: o.min_age,
        gender_rule: o.gender_rule,
        signup_cutoff_hours: o.signup_cutoff_hours,
        withdraw_cutoff_hours: o.withdraw_cutoff_hours,
        required_skills: skills.iter().filter(|s| s.required).map(|s| s.skill.clone()).collect(),
        preferred_skills: skills.iter().filter(|s| !s.required).map(|s| s.skill.clone()).collect(),
        required_qualification_id: o.required_qualification_id,
    };
    create(db, organization_id, coordinator, &details, &moved).await
}

/// The opportunity as its edit form shows it: the details as typed, and the shifts to come.
pub async fn editable(
    db: &DatabaseConnection,
    organization_id: i32,
    opportunity_id: i32,
    at: DateTime<Utc>,
) -> Result<crate::model::OpportunityEdit, AppError> {
    use sea_orm::QueryOrder;
    let o = of_organization(db, organization_id, opportunity_id).await?;
    let skills = opportunity_skill::Entity::find()
        .filter(opportunity_skill::Column::OpportunityId.eq(opportunity_id))
        .all(db)
        .await?;
    let shifts = shift::Entity::find()
        .filter(shift::Column::OpportunityId.eq(opportunity_id))
        .filter(shift::Column::EndsAt.gt(at))
        .order_by_asc(shift::Column::StartsAt)
        .all(db)
        .await?;
    let local = |t: DateTime<Utc>| crate::clock::local(t).format("%Y-%m-%dT%H:%M").to_string();
    Ok(crate::model::OpportunityEdit {
        id: o.id,
        status: o.status,
        fields: vec![
            ("title_ar".into(), o.title_ar.unwrap_or_default()),
            ("title_en".into(), o.title_en.unwrap_or_default()),
            ("description_ar".into(), o.description_ar.unwrap_or_default()),
            ("description_en".into(), o.description_en.unwrap_or_default()),
            ("cause".into(), o.cause),
            ("municipality".into(), o.municipality),
            ("place".into(), o.place),
            ("min_age".into(), o.min_age.to_string()),
            ("gender_rule".into(), o.gender_rule),
            ("signup_cutoff_hours".into(), o.signup_cutoff_hours.to_string()),
            ("withdraw_cutoff_hours".into(), o.withdraw_cutoff_hours.to_string()),
            ("required_qualification".into(), o.required_qualification_id.map(|q| q.to_string()).unwrap_or_default()),
        ],
        required_skills: skills.iter().filter(|s| s.required).map(|s| s.skill.clone()).collect(),
        preferred_skills: skills.iter().filter(|s| !s.required).map(|s| s.skill.clone()).collect(),
        shifts: shifts
            .into_iter()
            .map(|s| crate::model::EditableShift {
                id: s.id,
                starts: local(s.starts_at),
                ends: local(s.ends_at),
                capacity: s.capacity,
                taken: s.taken,
                in_series: s.series_id.is_some(),
            })
            .collect(),
        qualifications: super::qualifications::choices(db).await?,
    })
}

/// An opportunity of this organization; another organization's is not found.
pub async fn of_organization(
    db: &impl ConnectionTrait,
    organization_id: i32,
    opportunity_id: i32,
) -> Result<opportunity::Model, AppError> {
    opportunity::Entity::find_by_id(opportunity_id)
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Publishes a draft (volunteers can find it and apply) or closes it (no more applications).
pub async fn set_status(
    db: &DatabaseConnection,
    organization_id: i32,
    opportunity_id: i32,
    status: &str,
) -> Result<(), AppError> {
    if ![PUBLISHED, CLOSED].contains(&status) {
        return Err(AppError::field(FORM, "err-choice-unknown"));
    }
    of_organization(db, organization_id, opportunity_id).await?;
    opportunity::Entity::update_many()
        .col_expr(opportunity::Column::Status, Expr::value(status))
        .col_expr(opportunity::Column::UpdatedAt, Expr::value(now()))
        .filter(opportunity::Column::Id.eq(opportunity_id))
        .exec(db)
        .await?;
    Ok(())
}

/// What `/opportunities` is filtered by (all optional), as the service reads it.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    pub words: String,
    pub cause: Option<String>,
    pub skill: Option<String>,
    pub municipality: Option<String>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// Only opportunities with a shift that still has a free seat.
    pub seats_left: bool,
    /// Only opportunities with a shift on this day of the week (`sat` … `fri`, Qatar time).
    pub weekday: Option<String>,
    /// Only this organization's (its public page).
    pub organization_id: Option<i32>,
    pub page: u64,
}

pub const DISCOVERY_PAGE: u64 = 20;

/// A card as pages show it, with why it fits (if ranked) and whether it clashes.
pub fn to_card(c: Card, reasons: Vec<(String, String)>, clash: bool) -> crate::model::OpportunityCard {
    use crate::model::{Bilingual, LocalizedName, OpportunityCard};
    OpportunityCard {
        id: c.opportunity.id,
        title: Bilingual { ar: c.opportunity.title_ar, en: c.opportunity.title_en },
        organization: LocalizedName { ar: c.organization.ar, en: c.organization.en },
        cause: c.opportunity.cause,
        municipality: c.opportunity.municipality,
        next_start: c.next_start,
        shifts: c.shifts as u32,
        taken: c.taken,
        capacity: c.capacity,
        reasons,
        clash,
    }
}

/// One published opportunity as a card: its organization, its next shift to come, and the seats
/// of its shifts to come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub opportunity: opportunity::Model,
    pub organization: crate::model::LocalizedName,
    pub next_start: DateTime<Utc>,
    pub shifts: usize,
    pub taken: i32,
    pub capacity: i32,
}

/// Published opportunities with a shift still to come, matching the filter, soonest first.
pub async fn discover(db: &DatabaseConnection, f: &Discovery, at: DateTime<Utc>) -> Result<(Vec<Card>, bool), DbErr> {
    let mut cards = matching(db, f, at, f.page * DISCOVERY_PAGE, DISCOVERY_PAGE + 1).await?;
    let more = cards.len() as u64 > DISCOVERY_PAGE;
    cards.truncate(DISCOVERY_PAGE as usize);
    Ok((cards, more))
}

/// The first `max` of what [`discover`] lists (to rank by fit, which needs them all at once).
pub async fn candidates(
    db: &DatabaseConnection,
    f: &Discovery,
    at: DateTime<Utc>,
    max: u64,
) -> Result<Vec<Card>, DbErr> {
    matching(db, f, at, 0, max).await
}

async fn matching(
    db: &DatabaseConnection,
    f: &Discovery,
    at: DateTime<Utc>,
    offset: u64,
    limit: u64,
) -> Result<Vec<Card>, DbErr> {
    use crate::backend::entities::organization;
    use sea_orm::sea_query::{ExprTrait, Query};
    use sea_orm::{QueryOrder, QuerySelect};
    let day_start = crate::clock::midnight;
    let backend = db.get_database_backend();
    // Filters on the shifts themselves ask whether the opportunity has such a shift to come, one
    // opportunity at a time as the soonest-first index meets them (its shifts are one range of
    // `idx_shifts_opportunity_starts`): a set of every matching shift in the country, built first,
    // cost a weekday filter 28 ms. The rest is answered from the opportunity's own row.
    let by_shift = f.from.is_some() || f.to.is_some() || f.seats_left || f.weekday.is_some();
    let mut shifts = Query::select()
        .expr(Expr::val(1))
        .from(shift::Entity)
        .and_where(
            Expr::col((shift::Entity, shift::Column::OpportunityId))
                .equals((opportunity::Entity, opportunity::Column::Id)),
        )
        .and_where(Expr::col((shift::Entity, shift::Column::StartsAt)).gt(at))
        .to_owned();
    if let Some(from) = f.from {
        shifts.and_where(Expr::col((shift::Entity, shift::Column::StartsAt)).gte(day_start(from)));
    }
    if let Some(to) = f.to.and_then(|d| d.succ_opt()) {
        shifts.and_where(Expr::col((shift::Entity, shift::Column::StartsAt)).lt(day_start(to)));
    }
    if f.seats_left {
        shifts.and_where(
            Expr::col((shift::Entity, shift::Column::Taken)).lt(Expr::col((shift::Entity, shift::Column::Capacity))),
        );
    }
    if let Some(dow) = f.weekday.as_deref().and_then(|d| super::profiles::DAYS.iter().position(|x| *x == d)) {
        // DAYS starts on Saturday; SQL counts from Sunday (0).
        let sunday_first = ((dow + 6) % 7) as i32;
        // A number from 0 to 6 computed here, never typed by anyone: written into the SQL as is.
        let day = match backend {
            sea_orm::DbBackend::Postgres => {
                format!("{} = {sunday_first}", crate::clock::postgres_weekday("shifts.starts_at"))
            }
            _ => format!(
                "CAST(strftime('%w', shifts.starts_at, {}) AS INTEGER) = {sunday_first}",
                crate::clock::SQLITE_MODIFIER
            ),
        };
        shifts.and_where(Expr::cust(day));
    }
    let mut query = opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq(PUBLISHED))
        .filter(opportunity::Column::NextStart.gt(at));
    if by_shift {
        query = query.filter(Expr::exists(shifts));
    }
    let words = normalize_for_search(&f.words);
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).take(5).collect();
    // On SQLite, words of three letters or more are looked up in the trigram index (migration 18),
    // as one phrase each, all of them required; shorter ones, and every word on PostgreSQL (whose
    // trigram index `LIKE` uses by itself), are matched as parts of the search text.
    let indexed: Vec<&str> = match backend {
        sea_orm::DbBackend::Sqlite => words.iter().copied().filter(|w| w.chars().count() >= 3).collect(),
        _ => Vec::new(),
    };
    if !indexed.is_empty() {
        let phrases: Vec<String> = indexed.iter().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
        query = query.filter(Expr::cust_with_values(
            "opportunities.id IN (SELECT rowid FROM opportunity_search WHERE opportunity_search MATCH ?)",
            [phrases.join(" ")],
        ));
    }
    for word in words.iter().filter(|w| !indexed.contains(w)) {
        let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        query = query.filter(
            Expr::col((opportunity::Entity, opportunity::Column::SearchText))
                .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    if let Some(c) = &f.cause {
        query = query.filter(opportunity::Column::Cause.eq(c.as_str()));
    }
    if let Some(m) = &f.municipality {
        query = query.filter(opportunity::Column::Municipality.eq(m.as_str()));
    }
    if let Some(org) = f.organization_id {
        query = query.filter(opportunity::Column::OrganizationId.eq(org));
    }
    if let Some(s) = &f.skill {
        query = query.filter(
            opportunity::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(opportunity_skill::Column::OpportunityId)
                    .from(opportunity_skill::Entity)
                    .and_where(Expr::col(opportunity_skill::Column::Skill).eq(Expr::val(s.as_str())))
                    .to_owned(),
            ),
        );
    }
    // Soonest first across pages: by each opportunity's next shift to come.
    let rows = query
        .order_by_asc(opportunity::Column::NextStart)
        .order_by_asc(opportunity::Column::Id)
        .limit(limit)
        .offset(offset)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    let upcoming = shift::Entity::find()
        .filter(shift::Column::OpportunityId.is_in(ids))
        .filter(shift::Column::StartsAt.gt(at))
        .order_by_asc(shift::Column::StartsAt)
        .all(db)
        .await?;
    let org_ids: Vec<i32> = rows.iter().map(|o| o.organization_id).collect();
    let orgs = organization::Entity::find().filter(organization::Column::Id.is_in(org_ids)).all(db).await?;
    let cards: Vec<Card> = rows
        .into_iter()
        .filter_map(|o| {
            let mine: Vec<&shift::Model> = upcoming.iter().filter(|s| s.opportunity_id == o.id).collect();
            let org = orgs.iter().find(|g| g.id == o.organization_id)?;
            Some(Card {
                organization: crate::model::LocalizedName { ar: org.name_ar.clone(), en: org.name_en.clone() },
                next_start: mine.first()?.starts_at,
                shifts: mine.len(),
                taken: mine.iter().map(|s| s.taken).sum(),
                capacity: mine.iter().map(|s| s.capacity).sum(),
                opportunity: o,
            })
        })
        .collect();
    Ok(cards)
}

/// A published opportunity as its page shows it, with `user`'s own applications to its shifts.
pub async fn detail(
    db: &DatabaseConnection,
    id: i32,
    user: Option<i32>,
    at: DateTime<Utc>,
) -> Result<crate::model::OpportunityDetail, AppError> {
    use crate::backend::entities::{application, organization};
    use crate::model::{Bilingual, LocalizedName, OpportunityDetail, ShiftRow};
    use sea_orm::QueryOrder;
    let o = opportunity::Entity::find_by_id(id)
        .filter(opportunity::Column::Status.eq(PUBLISHED))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let org = organization::Entity::find_by_id(o.organization_id).one(db).await?.ok_or(AppError::NotFound)?;
    let shifts = shift::Entity::find()
        .filter(shift::Column::OpportunityId.eq(o.id))
        .filter(shift::Column::StartsAt.gt(at))
        .order_by_asc(shift::Column::StartsAt)
        .all(db)
        .await?;
    let mine = match user {
        Some(u) => {
            application::Entity::find()
                .filter(application::Column::UserId.eq(u))
                .filter(application::Column::ShiftId.is_in(shifts.iter().map(|s| s.id).collect::<Vec<_>>()))
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let skills =
        opportunity_skill::Entity::find().filter(opportunity_skill::Column::OpportunityId.eq(o.id)).all(db).await?;
    let of = |required: bool| skills.iter().filter(|s| s.required == required).map(|s| s.skill.clone()).collect();
    let required_qualification = match o.required_qualification_id {
        Some(q) => super::qualifications::find(db, q).await?.map(|q| LocalizedName { ar: q.name_ar, en: q.name_en }),
        None => None,
    };
    // Where to get it: the open courses that grant it.
    let granting_courses = match o.required_qualification_id {
        Some(q) => super::training::open_courses(db, Some(q), at).await?,
        None => Vec::new(),
    };
    Ok(OpportunityDetail {
        id: o.id,
        title: Bilingual { ar: o.title_ar, en: o.title_en },
        description: Bilingual { ar: o.description_ar, en: o.description_en },
        organization: LocalizedName { ar: org.name_ar, en: org.name_en },
        organization_slug: org.slug,
        cause: o.cause,
        municipality: o.municipality,
        place: o.place,
        min_age: o.min_age,
        gender_rule: o.gender_rule,
        signup_cutoff_hours: o.signup_cutoff_hours,
        withdraw_cutoff_hours: o.withdraw_cutoff_hours,
        required_skills: of(true),
        preferred_skills: of(false),
        required_qualification,
        granting_courses,
        shifts: shifts
            .into_iter()
            .map(|s| ShiftRow {
                mine: mine.iter().find(|a| a.shift_id == s.id).map(|a| a.status.clone()),
                id: s.id,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                capacity: s.capacity,
                taken: s.taken,
            })
            .collect(),
        signed_in: user.is_some(),
    })
}

/// The organization's own opportunities, newest first, with their shifts to come and the
/// applications waiting for a decision.
pub async fn of_org(
    db: &DatabaseConnection,
    organization_id: i32,
    at: DateTime<Utc>,
) -> Result<Vec<crate::model::OrgOpportunityRow>, DbErr> {
    use crate::backend::entities::application;
    use crate::model::{Bilingual, OrgOpportunityRow, ShiftSummary};
    use sea_orm::QueryOrder;
    let rows = opportunity::Entity::find()
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .order_by_desc(opportunity::Column::Id)
        .all(db)
        .await?;
    let shifts = shift::Entity::find()
        .filter(shift::Column::OpportunityId.is_in(rows.iter().map(|o| o.id).collect::<Vec<_>>()))
        .filter(shift::Column::EndsAt.gt(at))
        .order_by_asc(shift::Column::StartsAt)
        .all(db)
        .await?;
    let pending = application::Entity::find()
        .filter(application::Column::ShiftId.is_in(shifts.iter().map(|s| s.id).collect::<Vec<_>>()))
        .filter(application::Column::Status.eq("pending"))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|o| {
            let mine: Vec<&shift::Model> = shifts.iter().filter(|s| s.opportunity_id == o.id).collect();
            OrgOpportunityRow {
                id: o.id,
                title: Bilingual { ar: o.title_ar, en: o.title_en },
                status: o.status,
                shifts: mine.len() as u32,
                next_start: mine.first().map(|s| s.starts_at),
                taken: mine.iter().map(|s| s.taken).sum(),
                capacity: mine.iter().map(|s| s.capacity).sum(),
                pending: pending.iter().filter(|a| mine.iter().any(|s| s.id == a.shift_id)).count() as u32,
                upcoming: mine
                    .iter()
                    .map(|s| ShiftSummary {
                        id: s.id,
                        starts_at: s.starts_at,
                        ends_at: s.ends_at,
                        taken: s.taken,
                        capacity: s.capacity,
                    })
                    .collect(),
            }
        })
        .collect())
}
