//! How well an opportunity fits a volunteer, with the reasons shown to them ("matches your skill:
//! first aid"), for "For you" on `/me` and the list sorted by fit.
//!
//! Points: each required skill the volunteer has 3, each preferred one 2, the cause they care
//! about 2, a shift in a time of the week they said they are free 2, their municipality 1. An
//! opportunity they may not join (too young at the shift, the gender rule, a required
//! qualification they do not hold) is left out, and so is one they have already applied to. A shift that overlaps one of their approved shifts is marked
//! (`clash`), and one whose every shift clashes goes to the end.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use sea_orm::{entity::prelude::*, QueryFilter, QueryOrder};

use super::opportunities::Card;
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
    let local = crate::clock::local(t);
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

/// An opportunity ready to be ranked for anyone: its card, its shifts to come (soonest first) and
/// the skills it asks for.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub card: Card,
    pub shifts: Vec<shift::Model>,
    pub skills: Vec<opportunity_skill::Model>,
}

/// The cards with their shifts to come and skills (two statements for all of them).
async fn attach(db: &DatabaseConnection, cards: Vec<Card>, at: DateTime<Utc>) -> Result<Vec<Candidate>, DbErr> {
    let ids: Vec<i32> = cards.iter().map(|c| c.opportunity.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let skills = opportunity_skill::Entity::find()
        .filter(opportunity_skill::Column::OpportunityId.is_in(ids.clone()))
        .order_by_asc(opportunity_skill::Column::OpportunityId)
        .order_by_asc(opportunity_skill::Column::Skill)
        .all(db)
        .await?;
    let shifts = shift::Entity::find()
        .filter(shift::Column::OpportunityId.is_in(ids))
        .filter(shift::Column::StartsAt.gt(at))
        .order_by_asc(shift::Column::StartsAt)
        .order_by_asc(shift::Column::Id)
        .all(db)
        .await?;
    Ok(cards
        .into_iter()
        .map(|card| {
            let id = card.opportunity.id;
            Candidate {
                shifts: shifts.iter().filter(|s| s.opportunity_id == id).cloned().collect(),
                skills: skills.iter().filter(|s| s.opportunity_id == id).cloned().collect(),
                card,
            }
        })
        .collect())
}

/// The `max` soonest published opportunities with a shift to come, ready to rank: the same for
/// every volunteer, so one process loads it once for everyone ([`WindowCache`]).
pub async fn window(db: &DatabaseConnection, at: DateTime<Utc>, max: u64) -> Result<Vec<Candidate>, DbErr> {
    let cards = super::opportunities::candidates(db, &super::opportunities::Discovery::default(), at, max).await?;
    attach(db, cards, at).await
}

/// The cards this volunteer may join, each with its fit, best first (ties: soonest first).
pub async fn rank(
    db: &DatabaseConnection,
    user_id: i32,
    cards: Vec<Card>,
    at: DateTime<Utc>,
) -> Result<Vec<(Card, Fit)>, DbErr> {
    let me = me(db, user_id).await?;
    let candidates = attach(db, cards, at).await?;
    Ok(rank_for(&me, &candidates, at).into_iter().map(|(c, f)| (c.card.clone(), f)).collect())
}

/// "For you": the `limit` candidates of the window that fit the volunteer best and that they can
/// take (some points, not every shift clashing), with why. Reads only the volunteer's own rows;
/// the window comes from the caller.
pub async fn for_you(
    db: &DatabaseConnection,
    user_id: i32,
    window: &[Candidate],
    at: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<(Card, Fit)>, DbErr> {
    let me = me(db, user_id).await?;
    if me.birth.is_none() {
        // Too young for everything, as far as Tam knows.
        return Ok(Vec::new());
    }
    Ok(rank_for(&me, window, at)
        .into_iter()
        .filter(|(_, f)| f.score > 0 && !f.all_clash)
        .take(limit)
        .map(|(c, f)| (c.card.clone(), f))
        .collect())
}

fn rank_for<'a>(me: &Me, candidates: &'a [Candidate], at: DateTime<Utc>) -> Vec<(&'a Candidate, Fit)> {
    let mut out: Vec<(&Candidate, Fit)> = Vec::new();
    for c in candidates {
        let o = &c.card.opportunity;
        // Only shifts still open to sign up for: one whose sign-up closed is no suggestion.
        let closes = Duration::hours(i64::from(o.signup_cutoff_hours));
        let mine: Vec<&shift::Model> = c.shifts.iter().filter(|s| s.starts_at - closes > at).collect();
        if mine.is_empty() || mine.iter().any(|s| me.applied.contains(&s.id)) {
            continue;
        }
        let gender_ok = match o.gender_rule.as_str() {
            "women" => me.gender.as_deref() == Some("female"),
            "men" => me.gender.as_deref() == Some("male"),
            _ => true,
        };
        let old_enough =
            me.birth.is_some_and(|b| mine.iter().any(|s| age_on(b, crate::clock::date(s.starts_at)) >= o.min_age));
        let qualified = o.required_qualification_id.is_none_or(|q| {
            me.qualifications
                .iter()
                .any(|(held, until)| *held == q && until.is_none_or(|u| mine.iter().any(|s| s.starts_at < u)))
        });
        if !gender_ok || !old_enough || !qualified {
            continue;
        }
        let mut fit = Fit::default();
        for s in &c.skills {
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
        out.push((c, fit));
    }
    out.sort_by(|(a, fa), (b, fb)| {
        (fa.all_clash, -fa.score, a.card.next_start, a.card.opportunity.id).cmp(&(
            fb.all_clash,
            -fb.score,
            b.card.next_start,
            b.card.opportunity.id,
        ))
    });
    out
}

/// The window of "For you" kept in memory for every volunteer of this process: loaded again once
/// a second at most while events come (a seat taken, an application), and at least every ten
/// seconds (a new opportunity, an edit), so a card's seats are at most a second behind a change
/// any process made. One load at a time; the others wait for it.
#[derive(Clone, Default)]
pub struct WindowCache(std::sync::Arc<tokio::sync::Mutex<Option<Window>>>);

struct Window {
    made: std::time::Instant,
    cursor: i64,
    candidates: std::sync::Arc<Vec<Candidate>>,
}

impl WindowCache {
    /// At least this fresh after an event.
    pub const FRESH: std::time::Duration = std::time::Duration::from_secs(1);
    /// At least this fresh in any case.
    pub const KEEP: std::time::Duration = std::time::Duration::from_secs(10);

    /// The window, as of `cursor` (the newest event this process knows of).
    pub async fn get(
        &self,
        db: &DatabaseConnection,
        cursor: i64,
        at: DateTime<Utc>,
        max: u64,
    ) -> Result<std::sync::Arc<Vec<Candidate>>, DbErr> {
        let mut slot = self.0.lock().await;
        if let Some(w) = slot.as_ref() {
            let age = w.made.elapsed();
            if age < Self::FRESH || (w.cursor == cursor && age < Self::KEEP) {
                return Ok(w.candidates.clone());
            }
        }
        let candidates = std::sync::Arc::new(window(db, at, max).await?);
        *slot = Some(Window { made: std::time::Instant::now(), cursor, candidates: candidates.clone() });
        Ok(candidates)
    }
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
