//! Opportunities as volunteers find them, and applying to their shifts.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::model::{AppError, OpportunityDetail, OpportunityList, OpportunityQuery};

/// `/opportunities`: published opportunities with shifts to come, filtered; anyone may look.
#[server(endpoint = "opportunities")]
pub async fn find_opportunities(query: OpportunityQuery) -> Result<OpportunityList, AppError> {
    use crate::backend::ctx;
    use crate::backend::services::opportunities::{self, Discovery};
    use crate::backend::services::profiles::{CAUSES, MUNICIPALITIES, SKILLS};
    use crate::model::FieldError;
    super::respond(
        async {
            let mut errors = Vec::new();
            let mut pick = |field: &str, raw: &str, known: &[&str]| match raw.trim() {
                "" => None,
                v if known.contains(&v) => Some(v.to_string()),
                _ => {
                    errors.push(FieldError::new(field, "err-choice-unknown"));
                    None
                }
            };
            let cause = pick("cause", &query.cause, &CAUSES);
            let skill = pick("skill", &query.skill, &SKILLS);
            let municipality = pick("municipality", &query.municipality, &MUNICIPALITIES);
            let weekday = pick("day", &query.day, &crate::backend::services::profiles::DAYS);
            let mut date = |field: &str, raw: &str| {
                let raw = crate::model::inputs::latin_digits(raw.trim());
                if raw.is_empty() {
                    return None;
                }
                let d = chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d").ok();
                if d.is_none() {
                    errors.push(FieldError::new(field, "err-date-invalid"));
                }
                d
            };
            let from = date("from", &query.from);
            let to = date("to", &query.to);
            let by_fit = match query.sort.as_str() {
                "" | "date" => false,
                "fit" => true,
                _ => {
                    errors.push(FieldError::new("sort", "err-choice-unknown"));
                    false
                }
            };
            if !errors.is_empty() {
                let lang = crate::i18n::request_lang();
                let mut e = AppError::Validation(errors);
                crate::i18n::localize_fields(&mut e, lang);
                let AppError::Validation(errors) = e else { unreachable!() };
                return Ok(OpportunityList {
                    cards: Vec::new(),
                    has_more: false,
                    fit_needs_login: false,
                    errors,
                    query,
                });
            }
            let filter = Discovery {
                words: query.words.chars().take(100).collect(),
                cause,
                skill,
                municipality,
                from,
                to,
                seats_left: !query.seats.is_empty(),
                weekday,
                organization_id: None,
                page: u64::from(query.page.min(1000)),
            };
            let db = ctx()?.db;
            let at = crate::backend::services::now();
            let me = if by_fit { crate::backend::auth::current_user().await? } else { None };
            let (cards, has_more) = match &me {
                Some(user) => {
                    use crate::backend::services::matching;
                    let found = opportunities::candidates(&db, &filter, at, FIT_CANDIDATES).await?;
                    let mut ranked = matching::rank(&db, user.id, found.clone(), at).await?;
                    // Best fit first, never "only what fits": what the volunteer cannot take
                    // (applied already, an age or gender rule, sign-up closed) follows, soonest first.
                    let ranked_ids: std::collections::HashSet<i32> =
                        ranked.iter().map(|(c, _)| c.opportunity.id).collect();
                    ranked.extend(
                        found
                            .into_iter()
                            .filter(|c| !ranked_ids.contains(&c.opportunity.id))
                            .map(|c| (c, matching::Fit::default())),
                    );
                    let start = (filter.page * opportunities::DISCOVERY_PAGE) as usize;
                    let more = ranked.len() > start + opportunities::DISCOVERY_PAGE as usize;
                    let page: Vec<_> =
                        ranked.into_iter().skip(start).take(opportunities::DISCOVERY_PAGE as usize).collect();
                    (page.into_iter().map(|(c, f)| card(c, f.reasons, f.clash)).collect(), more)
                }
                None => {
                    let (cards, more) = opportunities::discover(&db, &filter, at).await?;
                    (cards.into_iter().map(|c| card(c, Vec::new(), false)).collect(), more)
                }
            };
            Ok(OpportunityList { cards, has_more, fit_needs_login: by_fit && me.is_none(), errors: Vec::new(), query })
        }
        .await,
    )
}

/// How many of the soonest matching opportunities are ranked by fit.
#[cfg(feature = "ssr")]
const FIT_CANDIDATES: u64 = 300;
/// How many cards "For you" shows.
#[cfg(feature = "ssr")]
pub const FOR_YOU: usize = 5;

#[cfg(feature = "ssr")]
fn card(
    c: crate::backend::services::opportunities::Card,
    reasons: Vec<(String, String)>,
    clash: bool,
) -> crate::model::OpportunityCard {
    crate::backend::services::opportunities::to_card(c, reasons, clash)
}

/// "For you" on `/me`: the opportunities that fit the caller best, with why.
#[server(endpoint = "for_you")]
pub async fn get_for_you() -> Result<Vec<crate::model::OpportunityCard>, AppError> {
    use crate::backend::services::{matching, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            let at = now();
            let window = c.for_you.get(&c.db, c.bus.cursor(), at, FIT_CANDIDATES).await?;
            let ranked = matching::for_you(&c.db, user.id, &window, at, FOR_YOU).await?;
            Ok(ranked.into_iter().map(|(c, f)| card(c, f.reasons, f.clash)).collect())
        }
        .await,
    )
}

/// A published opportunity's page (with the caller's own applications to its shifts).
#[server(endpoint = "opportunity")]
pub async fn get_opportunity(id: i32) -> Result<OpportunityDetail, AppError> {
    use crate::backend::services::opportunities;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let me = auth::current_user().await?;
            opportunities::detail(&ctx()?.db, id, me.map(|u| u.id), crate::backend::services::now()).await
        }
        .await,
    )
}

/// The logged-in volunteer applies to the ticked shifts (`shifts[<id>]=on`) of one opportunity.
#[server(endpoint = "apply")]
pub async fn apply_to_shifts(
    opportunity_id: i32,
    shifts: Option<BTreeMap<String, String>>,
    motivation: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::{applications, now, opportunities};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let db = ctx()?.db;
            let detail = opportunities::detail(&db, opportunity_id, Some(user.id), now()).await?;
            let chosen: Vec<i32> = shifts.unwrap_or_default().keys().filter_map(|k| k.parse().ok()).collect();
            if chosen.is_empty() {
                return Err(AppError::field("shifts", "err-shift-choose"));
            }
            // Only this opportunity's shifts: an id of another is not one of its boxes.
            if chosen.iter().any(|id| !detail.shifts.iter().any(|s| s.id == *id)) {
                return Err(AppError::field("shifts", "err-choice-unknown"));
            }
            for id in chosen {
                applications::apply(&db, user.id, id, motivation.as_deref().unwrap_or_default(), now()).await?;
            }
            Ok(())
        }
        .await,
    )
}

/// The caller's own applications.
#[server(endpoint = "my_applications")]
pub async fn get_my_applications() -> Result<Vec<crate::model::MyApplication>, AppError> {
    use crate::backend::services::applications;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            Ok(applications::mine(&ctx()?.db, user.id).await?)
        }
        .await,
    )
}

/// The caller withdraws one of their own applications.
#[server(endpoint = "withdraw_application")]
pub async fn withdraw_application(application_id: i32) -> Result<(), AppError> {
    use crate::backend::services::{applications, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            applications::withdraw(&c.db, user.id, application_id, &c.public_url, now()).await
        }
        .await,
    )
}

/// The caller takes the seat offered to them from the waitlist.
#[server(endpoint = "confirm_offer")]
pub async fn confirm_offer(application_id: i32) -> Result<(), AppError> {
    use crate::backend::services::{applications, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            applications::confirm_offer(&ctx()?.db, user.id, application_id, now()).await
        }
        .await,
    )
}

/// The caller's notifications, newest first; opening them marks them read.
#[server(endpoint = "notifications")]
pub async fn get_notifications() -> Result<Vec<crate::model::Notice>, AppError> {
    use crate::backend::services::{notifications, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let db = ctx()?.db;
            let list = notifications::list(&db, user.id, 100).await?;
            notifications::mark_all_read(&db, user.id, now()).await?;
            Ok(list)
        }
        .await,
    )
}

/// The address of the caller's calendar feed, if they have one.
#[server(endpoint = "calendar_feed")]
pub async fn get_calendar_feed() -> Result<Option<String>, AppError> {
    use crate::backend::services::calendar;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            Ok(calendar::token_of(&c.db, user.id).await?.map(|t| calendar::address(&c.public_url, &t)))
        }
        .await,
    )
}

/// Creates the caller's calendar feed, or replaces its address (the old one stops working);
/// `stop` removes it.
#[server(endpoint = "calendar_feed_set")]
pub async fn set_calendar_feed(stop: Option<String>) -> Result<(), AppError> {
    use crate::backend::services::{calendar, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let db = ctx()?.db;
            if stop.is_some() {
                calendar::stop(&db, user.id).await?;
            } else {
                calendar::renew(&db, user.id, now()).await?;
            }
            Ok(())
        }
        .await,
    )
}
