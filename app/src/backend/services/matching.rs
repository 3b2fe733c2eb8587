//! How well an opportunity fits a volunteer, with the reasons shown to them ("matches your skill:
//! first aid"), for "For you" on `/me` and the list sorted by fit.
//!
//! Points: each required skill the volunteer has 3, each preferred one 2, the cause they care
//! about 2, a shift in a time of the week they said they are free 2, their municipality 1. An
//! opportunity they may not join (too young at the shift, the gender rule, a required
//! qualification they do not hold) is left out, and so is one they have already applied to. A shift that overlaps one of their approved shifts is marked
//! (`clash`), and one whose every shift clashes goes to the end.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use sea_orm::{entity::prelude::*, QueryFilter};

use super::opportunities::{Card, QATAR_OFFSET_HOURS};
use super::profiles::{age_on, DAYS};
use crate::backend::entities::{application, opportunity_skill, shift, volunteer_profile, volunteer_tag};

/// Why an opportunity fits: (`skill` | `cause` | `slot` | `near`, the value).
pub type Reason = (String, String);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fit {
    pub score: i32,
    pub reasons: Vec<Reason>,
    /// Some of its shifts to come overlap one of the volunteer's approved shifts.
    pub clash: bool,
    /// Every shift to come clashes.
    pub all_clash: bool,
}

/// The part of the day of a moment in Qatar (`morning` before noon, `afternoon` before 17:00).
pub fn slot_of(t: DateTime<Utc>) -> String {
    let local = t + Duration::hours(QATAR_OFFSET_HOURS);
    // chrono: Monday is 0; DAYS starts on Saturday.
    let day = DAYS[(local.weekday().num_days_from_monday() as usize + 2) % 7];
    let part = match local.hour() {
        0..=11 => "morning",
        12..=16 => "afternoon",
        _ => "evening",
    };
    format!("{day}-{part}")
}

/// What the volunteer brings: their tags, municipality, birth date and gender.
struct Me {
    skills: Vec<String>,
    causes: Vec<String>,
    slots: Vec<String>,
    municipality: Option<String>,
    birth: Option<chrono::NaiveDate>,
    gender: Option<String>,
    approved: Vec<shift::Model>,
    applied: Vec<i32>,
    /// `(qualification, valid until)`.
    qualifications: Vec<(i32, Option<DateTime<Utc>>)>,
}

async fn me(db: &DatabaseConnection, user_id: i32) -> Result<Me, DbErr> {
    let tags = volunteer_tag::Entity::find().filter(volunteer_tag::Column::UserId.eq(user_id)).all(db).await?;
    let of = |k: &str| tags.iter().filter(|t| t.kind == k).map(|t| t.value.clone()).collect::<Vec<_>>();
    let profile = volunteer_profile::Entity::find_by_id(user_id).one(db).await?;
    let mine = application::Entity::find().filter(application::Column::UserId.eq(user_id)).all(db).await?;
    let approved_ids: Vec<i32> =
        mine.iter().filter(|a| a.status == super::applications::APPROVED).map(|a| a.shift_id).collect();
    let approved = shift::Entity::find().filter(shift::Column::Id.is_in(approved_ids)).all(db).await?;
    let active: Vec<i32> =
        mine.iter().filter(|a| a.status != super::applications::WITHDRAWN).map(|a| a.shift_id).collect();
    Ok(Me {
        skills: of("skill"),
        causes: of("cause"),
        slots: of("slot"),
        municipality: profile.as_ref().and_then(|p| p.municipality.clone()),
        birth: profile.as_ref().and_then(|p| p.birth_date),
        gender: profile.as_ref().and_then(|p| p.gender.clone()),
        approved,
        applied: active,
        qualifications: super::qualifications::held(db, user_id).await?,
    })
}

/// The cards this volunteer may join, each with its fit, best first (ties: soonest first).
pub async fn rank(
    db: &DatabaseConnection,
    user_id: i32,
    cards: Vec<Card>,
    at: DateTime<Utc>,
) -> Result<Vec<(Card, Fit)>, DbErr> {
    let me = me(db, user_id).await?;
    let ids: Vec<i32> = cards.iter().map(|c| c.opportunity.id).collect();
    let skills = opportunity_skill::Entity::find()
        .filter(opportunity_skill::Column::OpportunityId.is_in(ids.clone()))
        .all(db)
        .await?;
    let shifts = shift::Entity::find()
        .filter(shift::Column::OpportunityId.is_in(ids))
        .filter(shift::Column::StartsAt.gt(at))
        .all(db)
        .await?;
    let mut out: Vec<(Card, Fit)> = Vec::new();
    for card in cards {
        let o = &card.opportunity;
        let mine: Vec<&shift::Model> = shifts.iter().filter(|s| s.opportunity_id == o.id).collect();
        if mine.is_empty() || mine.iter().any(|s| me.applied.contains(&s.id)) {
            continue;
        }
        let gender_ok = match o.gender_rule.as_str() {
            "women" => me.gender.as_deref() == Some("female"),
            "men" => me.gender.as_deref() == Some("male"),
            _ => true,
        };
        let old_enough = me.birth.is_some_and(|b| {
            mine.iter()
                .any(|s| age_on(b, (s.starts_at + Duration::hours(QATAR_OFFSET_HOURS)).date_naive()) >= o.min_age)
        });
        let qualified = o.required_qualification_id.is_none_or(|q| {
            me.qualifications
                .iter()
                .any(|(held, until)| *held == q && until.is_none_or(|u| mine.iter().any(|s| s.starts_at < u)))
        });
        if !gender_ok || !old_enough || !qualified {
            continue;
        }
        let mut fit = Fit::default();
        for s in skills.iter().filter(|s| s.opportunity_id == o.id) {
            if me.skills.contains(&s.skill) {
                fit.score += if s.required { 3 } else { 2 };
                fit.reasons.push(("skill".into(), s.skill.clone()));
            }
        }
        if me.causes.contains(&o.cause) {
            fit.score += 2;
            fit.reasons.push(("cause".into(), o.cause.clone()));
        }
        if let Some(slot) = mine.iter().map(|s| slot_of(s.starts_at)).find(|slot| me.slots.contains(slot)) {
            fit.score += 2;
            fit.reasons.push(("slot".into(), slot));
        }
        if me.municipality.as_deref() == Some(o.municipality.as_str()) {
            fit.score += 1;
            fit.reasons.push(("near".into(), o.municipality.clone()));
        }
        let clashes = |s: &shift::Model| me.approved.iter().any(|a| a.starts_at < s.ends_at && a.ends_at > s.starts_at);
        fit.clash = mine.iter().any(|s| clashes(s));
        fit.all_clash = mine.iter().all(|s| clashes(s));
        out.push((card, fit));
    }
    out.sort_by(|(a, fa), (b, fb)| {
        (fa.all_clash, -fa.score, a.next_start, a.opportunity.id).cmp(&(
            fb.all_clash,
            -fb.score,
            b.next_start,
            b.opportunity.id,
        ))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slots_are_read_in_qatar_time() {
        // Saturday 5 December 2026, 08:00 in Doha is 05:00 UTC.
        let t = "2026-12-05T05:00:00Z".parse().unwrap();
        assert_eq!(super::slot_of(t), "sat-morning");
        let t = "2026-12-05T15:00:00Z".parse().unwrap();
        assert_eq!(super::slot_of(t), "sat-evening");
        let t = "2026-12-04T22:30:00Z".parse().unwrap();
        assert_eq!(super::slot_of(t), "sat-morning", "01:30 on Saturday in Doha");
    }
}
