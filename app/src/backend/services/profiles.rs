//! The volunteer's profile: what they tell Tam, validated field by field, and the one rule that
//! decides whether a volunteer may apply to anything yet (a minor needs their guardian's consent).
//!
//! Everything typed is checked here on the server: lengths, formats, dates in range, and that every
//! taxonomy id is a known one. Errors name their field, so the form shows each next to its input.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, TransactionTrait};

use super::tokens::{self, Purpose};
use super::{audit, mail, now, throttle};
use crate::backend::entities::{user, volunteer_profile, volunteer_tag};
use crate::backend::text::normalize_for_search;
use crate::i18n::Lang;
use crate::model::inputs::{is_invisible_format, latin_digits};
use crate::model::{AppError, Email, FieldError, FullName, FORM};

/// Qatar's eight municipalities.
pub const MUNICIPALITIES: [&str; 8] =
    ["doha", "al-rayyan", "al-wakrah", "al-khor", "al-shamal", "umm-salal", "al-daayen", "al-shahaniya"];
pub const SKILLS: [&str; 15] = [
    "first-aid",
    "teaching",
    "it",
    "translation",
    "event-support",
    "driving",
    "design",
    "elderly-care",
    "photography",
    "media",
    "fundraising",
    "sports-coaching",
    "counseling",
    "cooking",
    "sign-language",
];
pub const CAUSES: [&str; 11] = [
    "education",
    "health",
    "environment",
    "elderly",
    "disabilities",
    "sports",
    "culture",
    "relief",
    "children",
    "animals",
    "community",
];
pub const EDUCATION: [&str; 6] = ["primary", "secondary", "diploma", "bachelor", "master", "doctorate"];
pub const LANGUAGES: [&str; 11] = ["ar", "en", "fr", "ur", "hi", "ml", "tl", "bn", "fa", "tr", "es"];
/// Nationalities most common among Qatar's residents, and "other" (`XX`).
pub const NATIONALITIES: [&str; 34] = [
    "QA", "SA", "AE", "KW", "BH", "OM", "EG", "JO", "LB", "SY", "PS", "IQ", "YE", "SD", "LY", "TN", "DZ", "MA", "SO",
    "IN", "PK", "BD", "NP", "LK", "PH", "ID", "IR", "TR", "GB", "US", "FR", "KE", "NG", "XX",
];
pub const GENDERS: [&str; 2] = ["female", "male"];
/// The week as it runs in Qatar, from Saturday.
pub const DAYS: [&str; 7] = ["sat", "sun", "mon", "tue", "wed", "thu", "fri"];
pub const DAY_PARTS: [&str; 3] = ["morning", "afternoon", "evening"];

/// Youngest and oldest ages a profile accepts.
pub const MIN_AGE: i32 = 13;
pub const MAX_AGE: i32 = 100;
pub const ADULT_AGE: i32 = 18;

/// The profile form as typed.
#[derive(Clone, Debug, Default)]
pub struct ProfileInput {
    pub name_ar: String,
    pub name_latin: String,
    pub mobile: String,
    pub birth_date: String,
    pub gender: String,
    pub nationality: String,
    pub municipality: String,
    pub education: String,
    pub languages: Vec<String>,
    pub skills: Vec<String>,
    pub skills_other: String,
    pub causes: Vec<String>,
    /// `day-part` (`sat-morning`).
    pub availability: Vec<String>,
    pub emergency_name: String,
    pub emergency_phone: String,
    pub emergency_relation: String,
    pub guardian_name: String,
    pub guardian_phone: String,
    pub guardian_email: String,
    pub guardian_relation: String,
}

/// A checked profile: every value known good.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub name_ar: Option<String>,
    pub name_latin: Option<String>,
    pub mobile: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<String>,
    pub nationality: Option<String>,
    pub municipality: Option<String>,
    pub education: Option<String>,
    pub languages: Vec<String>,
    pub skills: Vec<String>,
    pub skills_other: Option<String>,
    pub causes: Vec<String>,
    pub availability: Vec<String>,
    pub emergency_name: Option<String>,
    pub emergency_phone: Option<String>,
    pub emergency_relation: Option<String>,
    pub guardian_name: Option<String>,
    pub guardian_phone: Option<String>,
    pub guardian_email: Option<String>,
    pub guardian_relation: Option<String>,
}

/// A phone number as E.164. Qatar's mobiles are 8 digits starting 3, 5, 6 or 7, written with or
/// without +974; others need their country code (+ or 00). Arabic-Indic digits, spaces, dashes,
/// dots and brackets are accepted.
pub fn parse_phone(raw: &str) -> Result<String, &'static str> {
    let s = latin_digits(raw.trim());
    if s.chars().any(|c| !(c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'))) {
        return Err("err-phone-invalid");
    }
    let plus = s.starts_with('+') || s.starts_with("00");
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let digits = if s.starts_with("00") { digits[2..].to_string() } else { digits };
    let qatar_mobile = |d: &str| d.len() == 8 && d.starts_with(['3', '5', '6', '7']);
    match (plus, digits.strip_prefix("974")) {
        (false, _) if qatar_mobile(&digits) => Ok(format!("+974{digits}")),
        (true, Some(local)) if qatar_mobile(local) => Ok(format!("+{digits}")),
        (true, Some(_)) => Err("err-phone-invalid"),
        (true, None) if (8..=15).contains(&digits.len()) && !digits.starts_with('0') => Ok(format!("+{digits}")),
        _ => Err("err-phone-invalid"),
    }
}

/// Age in whole years on `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> i32 {
    let mut age = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

fn parse_birth_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let s = latin_digits(raw.trim());
    let date = NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| "err-birth-date-invalid")?;
    let age = age_on(date, today);
    if !(MIN_AGE..=MAX_AGE).contains(&age) {
        return Err("err-birth-date-range");
    }
    Ok(date)
}

fn short_text(raw: &str, max: usize) -> Result<Option<String>, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max {
        return Err("err-text-too-long");
    }
    if s.chars().any(|c| is_invisible_format(c) || c.is_control() || c == '<' || c == '>') {
        return Err("err-text-invalid");
    }
    Ok(Some(s.to_string()))
}

fn one_of(raw: &str, known: &[&str]) -> Result<Option<String>, &'static str> {
    match raw.trim() {
        "" => Ok(None),
        v if known.contains(&v) => Ok(Some(v.to_string())),
        _ => Err("err-choice-unknown"),
    }
}

fn some_of(raw: &[String], known: &dyn Fn(&str) -> bool) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for v in raw.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !known(v) {
            return Err("err-choice-unknown");
        }
        if !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    Ok(out)
}

fn optional<T>(r: Result<T, &'static str>, field: &str, errors: &mut Vec<FieldError>) -> Option<T> {
    r.map_err(|m| errors.push(FieldError::new(field, m))).ok()
}

/// The profile form's steps, each the fields it shows and saves.
pub const STEPS: [&[&str]; 4] = [
    &["name_ar", "name_latin", "mobile", "birth_date", "gender", "nationality", "municipality", "education"],
    &["languages", "skills", "skills_other", "causes"],
    &["availability"],
    &[
        "emergency_name",
        "emergency_phone",
        "emergency_relation",
        "guardian_name",
        "guardian_phone",
        "guardian_email",
        "guardian_relation",
    ],
];

impl ProfileInput {
    fn text_mut(&mut self, field: &str) -> Option<&mut String> {
        Some(match field {
            "name_ar" => &mut self.name_ar,
            "name_latin" => &mut self.name_latin,
            "mobile" => &mut self.mobile,
            "birth_date" => &mut self.birth_date,
            "gender" => &mut self.gender,
            "nationality" => &mut self.nationality,
            "municipality" => &mut self.municipality,
            "education" => &mut self.education,
            "skills_other" => &mut self.skills_other,
            "emergency_name" => &mut self.emergency_name,
            "emergency_phone" => &mut self.emergency_phone,
            "emergency_relation" => &mut self.emergency_relation,
            "guardian_name" => &mut self.guardian_name,
            "guardian_phone" => &mut self.guardian_phone,
            "guardian_email" => &mut self.guardian_email,
            "guardian_relation" => &mut self.guardian_relation,
            _ => return None,
        })
    }

    fn list_mut(&mut self, field: &str) -> Option<&mut Vec<String>> {
        Some(match field {
            "languages" => &mut self.languages,
            "skills" => &mut self.skills,
            "causes" => &mut self.causes,
            "availability" => &mut self.availability,
            _ => return None,
        })
    }

    /// This input with the fields of one step taken from `posted`: what a step's form sends
    /// replaces those fields only, and nothing else it might carry is read.
    pub fn with_step(mut self, step: usize, mut posted: ProfileInput) -> ProfileInput {
        for field in STEPS.get(step).copied().unwrap_or_default() {
            if let Some(value) = posted.text_mut(field).map(std::mem::take) {
                if let Some(dst) = self.text_mut(field) {
                    *dst = value;
                }
                continue;
            }
            if let Some(values) = posted.list_mut(field).map(std::mem::take) {
                if let Some(dst) = self.list_mut(field) {
                    *dst = values;
                }
            }
        }
        self
    }

    /// `(field, value)` pairs as a form starts from them (a list one pair per value).
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut me = self.clone();
        let mut out = Vec::new();
        for field in STEPS.iter().flat_map(|s| s.iter()) {
            if let Some(v) = me.text_mut(field).map(|v| v.clone()) {
                out.push((String::from(*field), v));
                continue;
            }
            if let Some(list) = me.list_mut(field) {
                out.extend(list.iter().map(|v| (String::from(*field), v.clone())));
            }
        }
        out
    }

    /// Checks every field at once; all problems come back together, each with its field.
    pub fn parse(&self, today: NaiveDate) -> Result<Profile, AppError> {
        self.parse_with(today, true)
    }

    /// [`Self::parse`]; `guardian` says whether a minor's guardian must be complete already (the
    /// step that asks for the guardian checks it; earlier steps save without, and the rule of
    /// [`may_apply`] keeps a minor from applying until the guardian has consented).
    pub fn parse_with(&self, today: NaiveDate, guardian: bool) -> Result<Profile, AppError> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let name = |raw: &str| match raw.trim() {
            "" => Ok(None),
            v => FullName::parse(v).map(|n| Some(n.as_str().to_string())),
        };
        let phone = |raw: &str| match raw.trim() {
            "" => Ok(None),
            v => parse_phone(v).map(Some),
        };
        let name_ar = optional(name(&self.name_ar), "name_ar", e).flatten();
        let name_latin = optional(name(&self.name_latin), "name_latin", e).flatten();
        let mobile = optional(phone(&self.mobile), "mobile", e).flatten();
        let birth_date = match self.birth_date.trim() {
            "" => None,
            v => optional(parse_birth_date(v, today), "birth_date", e),
        };
        let gender = optional(one_of(&self.gender, &GENDERS), "gender", e).flatten();
        let nationality =
            optional(one_of(&self.nationality.trim().to_ascii_uppercase(), &NATIONALITIES), "nationality", e).flatten();
        let municipality = optional(one_of(&self.municipality, &MUNICIPALITIES), "municipality", e).flatten();
        let education = optional(one_of(&self.education, &EDUCATION), "education", e).flatten();
        let languages =
            optional(some_of(&self.languages, &|v| LANGUAGES.contains(&v)), "languages", e).unwrap_or_default();
        let skills = optional(some_of(&self.skills, &|v| SKILLS.contains(&v)), "skills", e).unwrap_or_default();
        let skills_other = optional(short_text(&self.skills_other, 200), "skills_other", e).flatten();
        let causes = optional(some_of(&self.causes, &|v| CAUSES.contains(&v)), "causes", e).unwrap_or_default();
        let slot = |v: &str| v.split_once('-').is_some_and(|(d, p)| DAYS.contains(&d) && DAY_PARTS.contains(&p));
        let availability = optional(some_of(&self.availability, &slot), "availability", e).unwrap_or_default();
        let emergency_name = optional(name(&self.emergency_name), "emergency_name", e).flatten();
        let emergency_phone = optional(phone(&self.emergency_phone), "emergency_phone", e).flatten();
        let emergency_relation = optional(short_text(&self.emergency_relation, 40), "emergency_relation", e).flatten();
        if emergency_name.is_some() != emergency_phone.is_some() && !e.iter().any(|f| f.field.starts_with("emergency"))
        {
            let missing = if emergency_name.is_none() { "emergency_name" } else { "emergency_phone" };
            e.push(FieldError::new(missing, "err-emergency-incomplete"));
        }
        let guardian_name = optional(name(&self.guardian_name), "guardian_name", e).flatten();
        let guardian_phone = optional(phone(&self.guardian_phone), "guardian_phone", e).flatten();
        let guardian_email = match self.guardian_email.trim() {
            "" => None,
            v => optional(Email::parse(v).map(|m| m.as_str().to_string()), "guardian_email", e),
        };
        let guardian_relation = optional(short_text(&self.guardian_relation, 40), "guardian_relation", e).flatten();
        // A minor's profile names a guardian who can be reached and asked for consent.
        if guardian && birth_date.is_some_and(|b| age_on(b, today) < ADULT_AGE) {
            for (field, value) in [
                ("guardian_name", guardian_name.is_some()),
                ("guardian_phone", guardian_phone.is_some()),
                ("guardian_email", guardian_email.is_some()),
                ("guardian_relation", guardian_relation.is_some()),
            ] {
                if !value && !e.iter().any(|f| f.field == field) {
                    e.push(FieldError::new(field, "err-guardian-required"));
                }
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(Profile {
            name_ar,
            name_latin,
            mobile,
            birth_date,
            gender,
            nationality,
            municipality,
            education,
            languages,
            skills,
            skills_other,
            causes,
            availability,
            emergency_name,
            emergency_phone,
            emergency_relation,
            guardian_name,
            guardian_phone,
            guardian_email,
            guardian_relation,
        })
    }
}

impl Profile {
    /// The profile as its form shows it.
    pub fn to_input(&self) -> ProfileInput {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        ProfileInput {
            name_ar: text(&self.name_ar),
            name_latin: text(&self.name_latin),
            mobile: text(&self.mobile),
            birth_date: self.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            gender: text(&self.gender),
            nationality: text(&self.nationality),
            municipality: text(&self.municipality),
            education: text(&self.education),
            languages: self.languages.clone(),
            skills: self.skills.clone(),
            skills_other: text(&self.skills_other),
            causes: self.causes.clone(),
            availability: self.availability.clone(),
            emergency_name: text(&self.emergency_name),
            emergency_phone: text(&self.emergency_phone),
            emergency_relation: text(&self.emergency_relation),
            guardian_name: text(&self.guardian_name),
            guardian_phone: text(&self.guardian_phone),
            guardian_email: text(&self.guardian_email),
            guardian_relation: text(&self.guardian_relation),
        }
    }

    pub fn is_minor(&self, today: NaiveDate) -> bool {
        self.birth_date.is_some_and(|b| age_on(b, today) < ADULT_AGE)
    }

    /// How complete the profile is, in percent: each part the volunteer can fill counts once.
    pub fn completeness(&self) -> u8 {
        let parts = [
            self.name_ar.is_some() || self.name_latin.is_some(),
            self.mobile.is_some(),
            self.birth_date.is_some(),
            self.gender.is_some(),
            self.nationality.is_some(),
            self.municipality.is_some(),
            self.education.is_some(),
            !self.languages.is_empty(),
            !self.skills.is_empty() || self.skills_other.is_some(),
            !self.causes.is_empty(),
            !self.availability.is_empty(),
            self.emergency_name.is_some(),
        ];
        let filled = parts.iter().filter(|p| **p).count();
        (filled * 100 / parts.len()) as u8
    }
}

const TAG_KINDS: [&str; 4] = ["language", "skill", "cause", "slot"];

/// Saves one step of the profile form: the fields of that step as posted (an empty one clears it),
/// the rest as stored. A minor whose guardian's address is new, or who has no consent yet and
/// filled in the guardian now, gets the consent mail sent to the guardian.
pub async fn save_step(
    db: &DatabaseConnection,
    user_id: i32,
    step: usize,
    posted: ProfileInput,
    site: &str,
) -> Result<Profile, AppError> {
    if step >= STEPS.len() {
        return Err(AppError::field(FORM, "err-choice-unknown"));
    }
    let today = super::today();
    let stored = load(db, user_id).await?;
    let before = stored.as_ref().map(|(p, _)| p.to_input()).unwrap_or_default();
    let input = before.with_step(step, posted);
    let guardian_step = STEPS[step].contains(&"guardian_email");
    let profile = input.parse_with(today, guardian_step)?;
    let changed = save(db, user_id, &profile).await?;
    // A guardian named or changed now is asked; one asked before is asked again only on request.
    let consented = stored.is_some_and(|(_, c)| c.is_some()) && !changed;
    if guardian_step && profile.is_minor(today) && profile.guardian_email.is_some() && changed && !consented {
        if throttle::take(db, &format!("guardian:{user_id}"), throttle::GUARDIAN_MAIL_PER_ACCOUNT).await? {
            request_guardian_consent(db, user_id, site).await?;
        }
    }
    Ok(profile)
}

/// Mails the guardian again (a volunteer's "send it again"), a few times an hour at most.
pub async fn resend_guardian_consent(db: &DatabaseConnection, user_id: i32, site: &str) -> Result<(), AppError> {
    if !throttle::take(db, &format!("guardian:{user_id}"), throttle::GUARDIAN_MAIL_PER_ACCOUNT).await? {
        return Err(AppError::RateLimited);
    }
    request_guardian_consent(db, user_id, site).await
}

/// Saves the whole profile (an empty field clears it). A changed guardian address needs the
/// guardian's consent again: the answer says whether it changed.
pub async fn save(db: &DatabaseConnection, user_id: i32, profile: &Profile) -> Result<bool, AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    let txn = db.begin().await?;
    // The first statement writes: SQLite takes the writer's lock before anything is read (reading
    // first fails as "database is locked" when another write lands in between); on PostgreSQL two
    // saves of one profile wait for each other.
    volunteer_profile::Entity::update_many()
        .col_expr(volunteer_profile::Column::UpdatedAt, Expr::col(volunteer_profile::Column::UpdatedAt).into())
        .filter(volunteer_profile::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    let existing = volunteer_profile::Entity::find_by_id(user_id).one(&txn).await?;
    let guardian_changed = existing.as_ref().map(|p| &p.guardian_email) != Some(&profile.guardian_email);
    let consent = existing.as_ref().filter(|_| !guardian_changed).and_then(|p| p.guardian_consent_at);
    let search_text = normalize_for_search(
        &[
            Some(user.full_name.as_str()),
            profile.name_ar.as_deref(),
            profile.name_latin.as_deref(),
            profile.skills_other.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
    )
    .chars()
    .take(600)
    .collect();
    let row = volunteer_profile::ActiveModel {
        user_id: Set(user_id),
        name_ar: Set(profile.name_ar.clone()),
        name_latin: Set(profile.name_latin.clone()),
        mobile: Set(profile.mobile.clone()),
        birth_date: Set(profile.birth_date),
        gender: Set(profile.gender.clone()),
        nationality: Set(profile.nationality.clone()),
        municipality: Set(profile.municipality.clone()),
        education: Set(profile.education.clone()),
        skills_other: Set(profile.skills_other.clone()),
        emergency_name: Set(profile.emergency_name.clone()),
        emergency_phone: Set(profile.emergency_phone.clone()),
        emergency_relation: Set(profile.emergency_relation.clone()),
        guardian_name: Set(profile.guardian_name.clone()),
        guardian_phone: Set(profile.guardian_phone.clone()),
        guardian_email: Set(profile.guardian_email.clone()),
        guardian_relation: Set(profile.guardian_relation.clone()),
        guardian_consent_at: Set(consent),
        search_text: Set(search_text),
        updated_at: Set(now()),
    };
    if existing.is_some() {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    volunteer_tag::Entity::delete_many().filter(volunteer_tag::Column::UserId.eq(user_id)).exec(&txn).await?;
    let tags = [&profile.languages, &profile.skills, &profile.causes, &profile.availability];
    let rows: Vec<volunteer_tag::ActiveModel> = TAG_KINDS
        .iter()
        .zip(tags)
        .flat_map(|(kind, values)| {
            values.iter().map(move |v| volunteer_tag::ActiveModel {
                user_id: Set(user_id),
                kind: Set(String::from(*kind)),
                value: Set(v.clone()),
            })
        })
        .collect();
    if !rows.is_empty() {
        volunteer_tag::Entity::insert_many(rows).exec(&txn).await?;
    }
    super::rollups::person(&txn, user_id).await?;
    txn.commit().await?;
    Ok(guardian_changed)
}

/// The saved profile, if any, with its guardian's consent time.
pub async fn load(db: &impl ConnectionTrait, user_id: i32) -> Result<Option<(Profile, Option<DateTime<Utc>>)>, DbErr> {
    let Some(p) = volunteer_profile::Entity::find_by_id(user_id).one(db).await? else { return Ok(None) };
    let tags = volunteer_tag::Entity::find().filter(volunteer_tag::Column::UserId.eq(user_id)).all(db).await?;
    let of = |kind: &str| -> Vec<String> {
        let mut v: Vec<String> = tags.iter().filter(|t| t.kind == kind).map(|t| t.value.clone()).collect();
        v.sort();
        v
    };
    let profile = Profile {
        name_ar: p.name_ar,
        name_latin: p.name_latin,
        mobile: p.mobile,
        birth_date: p.birth_date,
        gender: p.gender,
        nationality: p.nationality,
        municipality: p.municipality,
        education: p.education,
        languages: of("language"),
        skills: of("skill"),
        skills_other: p.skills_other,
        causes: of("cause"),
        availability: of("slot"),
        emergency_name: p.emergency_name,
        emergency_phone: p.emergency_phone,
        emergency_relation: p.emergency_relation,
        guardian_name: p.guardian_name,
        guardian_phone: p.guardian_phone,
        guardian_email: p.guardian_email,
        guardian_relation: p.guardian_relation,
    };
    Ok(Some((profile, p.guardian_consent_at)))
}

/// The one rule the applications will call: may this volunteer apply to anything today? They need
/// a date of birth; a minor (under 18) also needs their guardian's consent.
pub async fn may_apply(db: &impl ConnectionTrait, user_id: i32, today: NaiveDate) -> Result<(), AppError> {
    let Some((profile, consent)) = load(db, user_id).await? else {
        return Err(AppError::field(FORM, "err-profile-birth-date-needed"));
    };
    let Some(birth) = profile.birth_date else {
        return Err(AppError::field(FORM, "err-profile-birth-date-needed"));
    };
    if age_on(birth, today) < ADULT_AGE && consent.is_none() {
        return Err(AppError::field(FORM, "err-guardian-consent-needed"));
    }
    Ok(())
}

/// Mails the guardian of a minor a link to consent (valid 7 days).
pub async fn request_guardian_consent(db: &DatabaseConnection, user_id: i32, site: &str) -> Result<(), AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    let Some((profile, _)) = load(db, user_id).await? else {
        return Err(AppError::field("guardian_email", "err-guardian-required"));
    };
    let Some(to) = profile.guardian_email.clone() else {
        return Err(AppError::field("guardian_email", "err-guardian-required"));
    };
    let txn = db.begin().await?;
    let secret = tokens::issue(&txn, user_id, Purpose::GuardianConsent, now()).await?;
    let guardian = profile.guardian_name.clone().unwrap_or_default();
    mail::enqueue(
        &txn,
        mail::Letter {
            kind: "guardian-consent",
            to: &to,
            lang: Lang::from_tag(&user.lang).unwrap_or_default(),
            name: &guardian,
            link: Some(format!("{site}/consent?token={secret}")),
            detail: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Whom a consent link is about, without using it.
pub async fn consent_request(
    db: &DatabaseConnection,
    secret: &str,
    at: DateTime<Utc>,
) -> Result<crate::model::ConsentRequest, AppError> {
    let user_id = tokens::peek(db, secret, Purpose::GuardianConsent, at).await?.ok_or_else(tokens::link_invalid)?;
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or_else(tokens::link_invalid)?;
    let profile = volunteer_profile::Entity::find_by_id(user_id).one(db).await?;
    let shown = profile.as_ref().and_then(|p| p.name_ar.clone().or_else(|| p.name_latin.clone()));
    Ok(crate::model::ConsentRequest {
        volunteer_name: shown.unwrap_or(user.full_name),
        guardian_name: profile.and_then(|p| p.guardian_name).unwrap_or_default(),
    })
}

/// The guardian consents with the mailed link, once.
pub async fn give_guardian_consent(
    db: &DatabaseConnection,
    secret: &str,
    at: DateTime<Utc>,
    client: Option<std::net::IpAddr>,
) -> Result<i32, AppError> {
    let txn = db.begin().await?;
    let user_id = tokens::use_link(&txn, secret, Purpose::GuardianConsent, at).await?;
    volunteer_profile::Entity::update_many()
        .col_expr(volunteer_profile::Column::GuardianConsentAt, Expr::value(Some(at)))
        .filter(volunteer_profile::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    audit::Event {
        actor: None,
        ..audit::Event::new(audit::Kind::GuardianConsent, audit::Outcome::Ok, Some(user_id), client)
    }
    .record(&txn)
    .await?;
    txn.commit().await?;
    Ok(user_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    #[test]
    fn phones_in_qatar_and_abroad_in_either_digits() {
        assert_eq!(parse_phone("5555 1234"), Ok("+97455551234".into()));
        assert_eq!(parse_phone("+974 3312-3456"), Ok("+97433123456".into()));
        assert_eq!(parse_phone("٠٠٩٧٤ ٧٧٧٧ ٨٨٨٨"), Ok("+97477778888".into()));
        assert_eq!(parse_phone("+44 20 7946 0958"), Ok("+442079460958".into()));
        assert_eq!(parse_phone("+974 4444 1234"), Err("err-phone-invalid"), "a landline is not a mobile");
        assert_eq!(parse_phone("12345"), Err("err-phone-invalid"));
        assert_eq!(parse_phone("5555abcd"), Err("err-phone-invalid"));
    }

    #[test]
    fn arabic_and_latin_names_arabic_indic_digits_and_dates_in_range() {
        let input = ProfileInput {
            name_ar: "فاطمة الكواري".into(),
            name_latin: "Fatima Al-Kuwari".into(),
            mobile: "٥٥٥٥١٢٣٤".into(),
            birth_date: "١٩٩٨-٠٣-١٥".into(),
            municipality: "al-rayyan".into(),
            skills: vec!["first-aid".into(), "first-aid".into(), "teaching".into()],
            availability: vec!["sat-morning".into(), "fri-evening".into()],
            ..Default::default()
        };
        let p = input.parse(today()).unwrap();
        assert_eq!(p.mobile.as_deref(), Some("+97455551234"));
        assert_eq!(p.birth_date, NaiveDate::from_ymd_opt(1998, 3, 15));
        assert_eq!(p.skills, ["first-aid", "teaching"]);
        assert_eq!(p.completeness(), 50, "6 of 12 parts");
        let only_arabic = ProfileInput { name_ar: "نورة".into(), ..Default::default() }.parse(today()).unwrap();
        assert_eq!((only_arabic.name_ar.as_deref(), only_arabic.name_latin), (Some("نورة"), None));
    }

    #[test]
    fn bad_input_names_every_field() {
        let input = ProfileInput {
            name_ar: "\u{202E}فاطمة".into(),
            birth_date: "2026-02-30".into(),
            municipality: "dubai".into(),
            skills: vec!["hacking".into()],
            availability: vec!["sat-night".into()],
            emergency_name: "أم فاطمة".into(),
            ..Default::default()
        };
        let AppError::Validation(errors) = input.parse(today()).unwrap_err() else { panic!() };
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("name_ar", "err-full-name-invalid"),
                ("birth_date", "err-birth-date-invalid"),
                ("municipality", "err-choice-unknown"),
                ("skills", "err-choice-unknown"),
                ("availability", "err-choice-unknown"),
                ("emergency_phone", "err-emergency-incomplete"),
            ]
        );
        let too_young = ProfileInput { birth_date: "2020-01-01".into(), ..Default::default() }.parse(today());
        assert_eq!(too_young.unwrap_err(), AppError::field("birth_date", "err-birth-date-range"));
    }

    /// Every value a form offers has its label in both languages (a missing one would show its id).
    #[test]
    fn every_choice_has_a_label_in_both_languages() {
        use crate::backend::services::organizations::SECTORS;
        use crate::i18n::{translate, Lang};
        let taxonomies: [(&str, &[&str]); 10] = [
            ("municipality", &MUNICIPALITIES),
            ("skill", &SKILLS),
            ("cause", &CAUSES),
            ("education", &EDUCATION),
            ("language", &LANGUAGES),
            ("gender", &GENDERS),
            ("nationality", &NATIONALITIES),
            ("day", &DAYS),
            ("part", &DAY_PARTS),
            ("sector", &SECTORS),
        ];
        for (prefix, values) in taxonomies {
            for v in values {
                let id = format!("{prefix}-{v}");
                for lang in [Lang::Ar, Lang::En] {
                    assert_ne!(translate(lang, &id), id, "{id} has no {lang:?} label");
                }
            }
        }
    }

    #[test]
    fn a_minor_names_a_guardian() {
        let minor = ProfileInput { birth_date: "2011-06-01".into(), ..Default::default() };
        let AppError::Validation(errors) = minor.parse(today()).unwrap_err() else { panic!() };
        assert_eq!(errors.len(), 4);
        assert!(errors.iter().all(|e| e.message == "err-guardian-required"));
        assert_eq!(age_on(NaiveDate::from_ymd_opt(2008, 12, 1).unwrap(), today()), 17);
        assert_eq!(age_on(NaiveDate::from_ymd_opt(2008, 11, 30).unwrap(), today()), 18);
    }
}
