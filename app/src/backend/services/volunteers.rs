//! The national volunteer database as admins search it: words in Arabic or English (forgiving the
//! way people type Arabic), and filters by skill, cause, municipality, age band, gender, language
//! and weekly availability, a page at a time, newest first.

use chrono::{Datelike, NaiveDate};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{entity::prelude::*, QueryFilter, QueryOrder, QuerySelect};

use crate::backend::entities::{user, volunteer_profile, volunteer_tag};
use crate::backend::text::normalize_for_search;
use crate::model::FieldError;

/// Age bands as admins pick them (inclusive years).
pub const AGE_BANDS: [(&str, i32, i32); 6] =
    [("13-17", 13, 17), ("18-24", 18, 24), ("25-34", 25, 34), ("35-44", 35, 44), ("45-59", 45, 59), ("60+", 60, 200)];

pub const PAGE_SIZE: u64 = 25;

#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Words, each of which must appear in a name or a free-text skill.
    pub words: String,
    pub skill: Option<String>,
    pub cause: Option<String>,
    pub municipality: Option<String>,
    pub age_band: Option<String>,
    pub gender: Option<String>,
    pub language: Option<String>,
    /// `day-part` (`sat-morning`).
    pub slot: Option<String>,
    pub page: u64,
}

/// One volunteer in a result list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub user_id: i32,
    pub full_name: String,
    pub email: String,
    pub profile: volunteer_profile::Model,
}

fn has_tag(kind: &str, value: &str) -> sea_orm::sea_query::SimpleExpr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(volunteer_tag::Entity)
            .and_where(
                Expr::col((volunteer_tag::Entity, volunteer_tag::Column::UserId))
                    .equals((volunteer_profile::Entity, volunteer_profile::Column::UserId)),
            )
            .and_where(Expr::col((volunteer_tag::Entity, volunteer_tag::Column::Kind)).eq(kind))
            .and_where(Expr::col((volunteer_tag::Entity, volunteer_tag::Column::Value)).eq(value))
            .to_owned(),
    )
}

/// The birth dates of an age band on `today`.
fn band_dates(band: &str, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let (_, min, max) = AGE_BANDS.iter().find(|(name, _, _)| *name == band)?;
    // Born after (today - max - 1 years) and on or before (today - min years).
    let latest = today.with_year(today.year() - min)?;
    let earliest = today.with_year(today.year() - max - 1)?.succ_opt()?;
    Some((earliest, latest))
}

/// One page of volunteers matching the filter, newest first; `true` if there are more.
pub async fn search(db: &impl ConnectionTrait, filter: &Filter, today: NaiveDate) -> Result<(Vec<Hit>, bool), DbErr> {
    let mut query = volunteer_profile::Entity::find();
    for word in normalize_for_search(&filter.words).split(' ').filter(|w| !w.is_empty()).take(5) {
        let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        query = query.filter(
            Expr::col((volunteer_profile::Entity, volunteer_profile::Column::SearchText))
                .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    for (kind, value) in
        [("skill", &filter.skill), ("cause", &filter.cause), ("language", &filter.language), ("slot", &filter.slot)]
    {
        if let Some(v) = value {
            query = query.filter(has_tag(kind, v));
        }
    }
    if let Some(m) = &filter.municipality {
        query = query.filter(volunteer_profile::Column::Municipality.eq(m.as_str()));
    }
    if let Some(g) = &filter.gender {
        query = query.filter(volunteer_profile::Column::Gender.eq(g.as_str()));
    }
    if let Some((earliest, latest)) = filter.age_band.as_deref().and_then(|b| band_dates(b, today)) {
        query = query.filter(volunteer_profile::Column::BirthDate.between(earliest, latest));
    }
    let mut rows = query
        .order_by_desc(volunteer_profile::Column::UserId)
        .limit(PAGE_SIZE + 1)
        .offset(filter.page * PAGE_SIZE)
        .all(db)
        .await?;
    let more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let ids: Vec<i32> = rows.iter().map(|r| r.user_id).collect();
    let users: std::collections::HashMap<i32, user::Model> = if ids.is_empty() {
        Default::default()
    } else {
        user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|u| (u.id, u)).collect()
    };
    let hits = rows
        .into_iter()
        .filter_map(|p| {
            // A deleted account's profile keeps only what counts need, and is no one's to find.
            let u = users.get(&p.user_id).filter(|u| u.deleted_at.is_none())?;
            Some(Hit { user_id: u.id, full_name: u.full_name.clone(), email: u.email.clone(), profile: p })
        })
        .collect();
    Ok((hits, more))
}

impl Filter {
    /// The filters as typed in the admins' form (and kept in the URL); an unknown value is an error
    /// next to its field, and the search does not run.
    pub fn parse(q: &crate::model::VolunteerQuery) -> Result<Filter, Vec<FieldError>> {
        use super::profiles::{CAUSES, DAYS, DAY_PARTS, GENDERS, LANGUAGES, MUNICIPALITIES, SKILLS};
        let mut errors = Vec::new();
        let mut pick = |field: &str, raw: &str, known: &dyn Fn(&str) -> bool| match raw.trim() {
            "" => None,
            v if known(v) => Some(v.to_string()),
            _ => {
                errors.push(FieldError::new(field, "err-choice-unknown"));
                None
            }
        };
        let filter = Filter {
            words: q.words.chars().take(100).collect(),
            skill: pick("skill", &q.skill, &|v| SKILLS.contains(&v)),
            cause: pick("cause", &q.cause, &|v| CAUSES.contains(&v)),
            municipality: pick("municipality", &q.municipality, &|v| MUNICIPALITIES.contains(&v)),
            age_band: pick("age_band", &q.age_band, &|v| AGE_BANDS.iter().any(|(b, _, _)| *b == v)),
            gender: pick("gender", &q.gender, &|v| GENDERS.contains(&v)),
            language: pick("language", &q.language, &|v| LANGUAGES.contains(&v)),
            slot: pick("slot", &q.slot, &|v| {
                v.split_once('-').is_some_and(|(d, p)| DAYS.contains(&d) && DAY_PARTS.contains(&p))
            }),
            page: u64::from(std::cmp::Ord::min(q.page, 10_000)),
        };
        if errors.is_empty() {
            Ok(filter)
        } else {
            Err(errors)
        }
    }
}

/// The tags of some volunteers: `user_id → (kind, value)`.
pub async fn tags_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, Vec<(String, String)>>, DbErr> {
    let mut out: std::collections::HashMap<i32, Vec<(String, String)>> = Default::default();
    for chunk in ids.chunks(500) {
        for t in
            volunteer_tag::Entity::find().filter(volunteer_tag::Column::UserId.is_in(chunk.to_vec())).all(db).await?
        {
            out.entry(t.user_id).or_default().push((t.kind, t.value));
        }
    }
    Ok(out)
}

/// The most rows one CSV export holds; a larger result is narrowed with filters first.
pub const EXPORT_LIMIT: u64 = 10_000;

/// Every volunteer matching the filter (up to [`EXPORT_LIMIT`]), newest first, as CSV with every
/// cell neutralized against spreadsheet formulas. The ids exported come back for the audit log.
pub async fn export_csv(
    db: &impl ConnectionTrait,
    filter: &Filter,
    today: NaiveDate,
    header: &[String],
) -> Result<(String, Vec<i32>), DbErr> {
    use crate::backend::text::csv_line;
    // A byte-order mark first: spreadsheet programs then read the Arabic as UTF-8.
    let mut out = format!("\u{FEFF}{}", csv_line(header.iter().map(String::as_str)));
    let mut ids = Vec::new();
    let mut page = Filter { page: 0, ..filter.clone() };
    while (ids.len() as u64) < EXPORT_LIMIT {
        let (hits, more) = search(db, &page, today).await?;
        let hit_ids: Vec<i32> = hits.iter().map(|h| h.user_id).collect();
        let tags = tags_of(db, &hit_ids).await?;
        for h in hits {
            let of = |kind: &str| {
                let mut v: Vec<String> = tags
                    .get(&h.user_id)
                    .into_iter()
                    .flatten()
                    .filter(|(k, _)| k == kind)
                    .map(|(_, v)| v.clone())
                    .collect();
                v.sort();
                v.join(" ")
            };
            let p = &h.profile;
            let age = p.birth_date.map(|b| super::profiles::age_on(b, today).to_string()).unwrap_or_default();
            let row = [
                h.user_id.to_string(),
                h.full_name.clone(),
                p.name_ar.clone().unwrap_or_default(),
                p.name_latin.clone().unwrap_or_default(),
                h.email.clone(),
                p.mobile.clone().unwrap_or_default(),
                age,
                p.gender.clone().unwrap_or_default(),
                p.nationality.clone().unwrap_or_default(),
                p.municipality.clone().unwrap_or_default(),
                p.education.clone().unwrap_or_default(),
                of("language"),
                of("skill"),
                p.skills_other.clone().unwrap_or_default(),
                of("cause"),
                of("slot"),
            ];
            out.push_str(&csv_line(row.iter().map(String::as_str)));
            ids.push(h.user_id);
        }
        if !more {
            break;
        }
        page.page += 1;
    }
    Ok((out, ids))
}

/// The columns of the export, as message ids of their headings.
pub const EXPORT_COLUMNS: [&str; 16] = [
    "col-id",
    "col-name",
    "field-name-ar",
    "field-name-latin",
    "col-email",
    "field-mobile",
    "col-age",
    "field-gender",
    "field-nationality",
    "field-municipality",
    "field-education",
    "field-languages",
    "field-skills",
    "field-skills-other",
    "field-causes",
    "field-availability",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_are_whole_years() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let (earliest, latest) = band_dates("18-24", today).unwrap();
        assert_eq!(latest, NaiveDate::from_ymd_opt(2008, 11, 30).unwrap(), "18 today");
        assert_eq!(earliest, NaiveDate::from_ymd_opt(2001, 12, 1).unwrap(), "24 until tomorrow");
        assert_eq!(band_dates("7-9", today), None);
    }
}
