//! A volunteer's approved shifts as an iCal feed (RFC 5545) that calendar apps subscribe to:
//! `/me/calendar.ics?token=…`. A calendar app cannot log in, so the address carries a random
//! 128-bit token; the volunteer can replace it (the old address stops at once) or stop the feed.
//! Each shift keeps its UID (`application-<id>@<host>`) across fetches, so apps update an event
//! rather than add a copy; a withdrawn or cancelled shift leaves the feed.

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter};

use super::applications::APPROVED;
use crate::backend::entities::{application, calendar_feed, opportunity, organization, shift, user};
use crate::i18n::Lang;

pub async fn token_of(db: &impl ConnectionTrait, user_id: i32) -> Result<Option<String>, DbErr> {
    Ok(calendar_feed::Entity::find_by_id(user_id).one(db).await?.map(|f| f.token))
}

/// The feed's address.
pub fn address(site: &str, token: &str) -> String {
    format!("{site}/me/calendar.ics?token={token}")
}

/// A new address for the feed (the old one, if any, stops working).
pub async fn renew(db: &impl ConnectionTrait, user_id: i32, at: DateTime<Utc>) -> Result<String, DbErr> {
    let token = super::tokens::random_secret();
    calendar_feed::Entity::delete_by_id(user_id).exec(db).await?;
    calendar_feed::ActiveModel { user_id: Set(user_id), token: Set(token.clone()), created_at: Set(at) }
        .insert(db)
        .await?;
    Ok(token)
}

pub async fn stop(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    calendar_feed::Entity::delete_by_id(user_id).exec(db).await.map(|_| ())
}

/// The feed of the token's owner, or `None` for an unknown token.
pub async fn feed(db: &impl ConnectionTrait, token: &str, site: &str) -> Result<Option<String>, DbErr> {
    if token.is_empty() || token.len() > 64 {
        return Ok(None);
    }
    let Some(f) = calendar_feed::Entity::find().filter(calendar_feed::Column::Token.eq(token)).one(db).await? else {
        return Ok(None);
    };
    let Some(u) = user::Entity::find_by_id(f.user_id).one(db).await?.filter(|u| u.deleted_at.is_none()) else {
        return Ok(None);
    };
    let lang = Lang::from_tag(&u.lang).unwrap_or_default();
    let apps = application::Entity::find()
        .filter(application::Column::UserId.eq(u.id))
        .filter(application::Column::Status.eq(APPROVED))
        .all(db)
        .await?;
    let shifts = shift::Entity::find()
        .filter(shift::Column::Id.is_in(apps.iter().map(|a| a.shift_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let opps = opportunity::Entity::find()
        .filter(opportunity::Column::Id.is_in(shifts.iter().map(|s| s.opportunity_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let orgs = organization::Entity::find()
        .filter(organization::Column::Id.is_in(opps.iter().map(|o| o.organization_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let host = site.split_once("://").map_or(site, |(_, h)| h).split(['/', ':']).next().unwrap_or("tam");
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Tam//Volunteer shifts//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(&crate::i18n::translate_args(lang, "calendar-name", &[]))));
    let mut rows: Vec<_> =
        apps.iter().filter_map(|a| shifts.iter().find(|s| s.id == a.shift_id).map(|s| (a, s))).collect();
    rows.sort_by_key(|(a, s)| (s.starts_at, a.id));
    for (a, s) in rows {
        let Some(o) = opps.iter().find(|o| o.id == s.opportunity_id) else { continue };
        let org = orgs.iter().find(|g| g.id == o.organization_id);
        let title = crate::model::Bilingual { ar: o.title_ar.clone(), en: o.title_en.clone() }.pick(lang).0;
        let org_name = org.map(|g| match lang {
            Lang::Ar => g.name_ar.clone(),
            Lang::En => g.name_en.clone(),
        });
        let municipality = crate::i18n::translate_args(lang, &format!("municipality-{}", o.municipality), &[]);
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:application-{}@{host}", a.id));
        line(&mut out, &format!("DTSTAMP:{}", stamp(a.updated_at)));
        line(&mut out, &format!("LAST-MODIFIED:{}", stamp(a.updated_at)));
        line(&mut out, &format!("DTSTART:{}", stamp(s.starts_at)));
        line(&mut out, &format!("DTEND:{}", stamp(s.ends_at)));
        line(&mut out, &format!("SUMMARY:{}", escape(&title)));
        line(&mut out, &format!("LOCATION:{}", escape(&format!("{}, {municipality}", o.place))));
        if let Some(name) = org_name {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&name)));
        }
        line(&mut out, &format!("URL:{site}/opportunities/{}", o.id));
        line(&mut out, "STATUS:CONFIRMED");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    Ok(Some(out))
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Text values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace(['\n', '\r'], "\\n")
}

/// Appends a content line folded at 75 octets (never inside a UTF-8 character), ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        super::line(&mut out, &format!("SUMMARY:{}", "تطوع".repeat(20)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "تطوع".repeat(20)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(super::escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
