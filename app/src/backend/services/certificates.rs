//! Certificates anyone can verify. A volunteer issues one for all their hours, an organization's,
//! or a period's; it states the facts as they stood (name, organizations, hours, first and last
//! day, tier, qualifications held). Its public code is a random serial and the server's signature
//! of it (HMAC-SHA-256 with a key kept in the database, made once), so a made-up or altered code
//! fails before any lookup. Verifying recounts the hours it covers, as approved by the moment it
//! was issued: if some were revoked since (an attendance marked absent, a line removed), the
//! certificate no longer stands and says "superseded".

use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::OnConflict;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, QueryOrder};
use sha2::Sha256;

use crate::backend::entities::{certificate, hour_entry, organization, qualification, setting, user};
use crate::model::{AppError, CertificateFacts, CertificateRow, FieldError, HeldQualification, LocalizedName};

pub const ALL: &str = "all";
pub const ORGANIZATION: &str = "organization";
pub const PERIOD: &str = "period";
pub const SCOPES: [&str; 3] = [ALL, ORGANIZATION, PERIOD];

pub const VALID: &str = "valid";
pub const SUPERSEDED: &str = "superseded";
pub const INVALID: &str = "invalid";

const KEY_NAME: &str = "certificate-signing-key";
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The signing key: made once (random, 256 bits) by whichever process needs it first.
async fn signing_key(db: &impl ConnectionTrait) -> Result<Vec<u8>, DbErr> {
    if let Some(row) = setting::Entity::find_by_id(KEY_NAME.to_string()).one(db).await? {
        return B64.decode(row.value).map_err(|_| DbErr::Custom("bad signing key".into()));
    }
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    setting::Entity::insert(setting::ActiveModel { name: Set(KEY_NAME.into()), value: Set(B64.encode(key)) })
        .on_conflict(OnConflict::column(setting::Column::Name).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    let row = setting::Entity::find_by_id(KEY_NAME.to_string())
        .one(db)
        .await?
        .ok_or(DbErr::RecordNotFound(KEY_NAME.into()))?;
    B64.decode(row.value).map_err(|_| DbErr::Custom("bad signing key".into()))
}

fn mac(key: &[u8], serial: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(b"tam-certificate:");
    mac.update(serial.as_bytes());
    mac
}

/// The public code of a serial: `serial.signature`.
fn code_of(key: &[u8], serial: &str) -> String {
    let tag = mac(key, serial).finalize().into_bytes();
    format!("{serial}.{}", B64.encode(&tag[..16]))
}

/// The serial of a code whose signature is the server's (compared in constant time).
fn serial_of(key: &[u8], code: &str) -> Option<String> {
    let (serial, tag) = code.trim().split_once('.')?;
    if serial.len() != 16 || !serial.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return None;
    }
    let tag = B64.decode(tag).ok()?;
    mac(key, serial).verify_truncated_left(&tag).ok()?;
    (tag.len() == 16).then(|| serial.to_string())
}

/// What a certificate covers, as typed on `/me`.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub scope: String,
    pub organization: String,
    pub from: String,
    pub to: String,
}

/// A checked request: scope, organization, period.
type Cover = (&'static str, Option<i32>, Option<NaiveDate>, Option<NaiveDate>);

fn check(r: &Request, today: NaiveDate) -> Result<Cover, AppError> {
    let mut errors = Vec::new();
    let scope = SCOPES.iter().copied().find(|s| *s == r.scope.trim());
    if scope.is_none() {
        errors.push(FieldError::new("scope", "err-choice-unknown"));
    }
    let mut organization = None;
    let (mut from, mut to) = (None, None);
    match scope {
        Some(ORGANIZATION) => match r.organization.trim().parse::<i32>() {
            Ok(id) => organization = Some(id),
            Err(_) => errors.push(FieldError::new("organization", "err-choice-unknown")),
        },
        Some(PERIOD) => {
            let date =
                |raw: &str| NaiveDate::parse_from_str(&crate::model::inputs::latin_digits(raw.trim()), "%Y-%m-%d").ok();
            from = date(&r.from);
            to = date(&r.to);
            if from.is_none() {
                errors.push(FieldError::new("from", "err-date-invalid"));
            }
            match to {
                None => errors.push(FieldError::new("to", "err-date-invalid")),
                Some(t) if from.is_some_and(|f| t < f) => errors.push(FieldError::new("to", "err-period-order")),
                Some(t) if t > today => errors.push(FieldError::new("to", "err-date-future")),
                _ => {}
            }
        }
        _ => {}
    }
    match scope {
        Some(s) if errors.is_empty() => Ok((s, organization, from, to)),
        _ => Err(AppError::Validation(errors)),
    }
}

/// The approved lines a certificate covers; `by`: only those approved by then.
async fn lines(
    db: &impl ConnectionTrait,
    user_id: i32,
    (_, organization, from, to): Cover,
    by: Option<DateTime<Utc>>,
) -> Result<Vec<hour_entry::Model>, DbErr> {
    let mut q = hour_entry::Entity::find()
        .filter(hour_entry::Column::UserId.eq(user_id))
        .filter(hour_entry::Column::Status.eq(super::hours::APPROVED));
    if let Some(o) = organization {
        q = q.filter(hour_entry::Column::OrganizationId.eq(o));
    }
    if let Some(f) = from {
        q = q.filter(hour_entry::Column::WorkedOn.gte(f));
    }
    if let Some(t) = to {
        q = q.filter(hour_entry::Column::WorkedOn.lte(t));
    }
    if let Some(by) = by {
        q = q.filter(hour_entry::Column::DecidedAt.lte(by));
    }
    q.all(db).await
}

/// The hours part of the facts: minutes, organizations (by English name), first and last day.
async fn hours_facts(
    db: &impl ConnectionTrait,
    lines: &[hour_entry::Model],
) -> Result<(i64, Vec<LocalizedName>, Option<NaiveDate>, Option<NaiveDate>), DbErr> {
    let minutes = lines.iter().map(|l| i64::from(l.minutes)).sum();
    let mut ids: Vec<i32> = lines.iter().map(|l| l.organization_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let organizations = organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids))
        .order_by_asc(organization::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|o| LocalizedName { ar: o.name_ar, en: o.name_en })
        .collect();
    let first = lines.iter().map(|l| l.worked_on).min();
    let last = lines.iter().map(|l| l.worked_on).max();
    Ok((minutes, organizations, first, last))
}

/// Issues a certificate of the volunteer's approved hours as they stand; none to certify is
/// refused. Returns its id.
pub async fn issue(
    db: &DatabaseConnection,
    user_id: i32,
    request: &Request,
    today: NaiveDate,
    at: DateTime<Utc>,
) -> Result<i32, AppError> {
    let cover = check(request, today)?;
    let person = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::NotFound)?;
    let covered = lines(db, user_id, cover, None).await?;
    if covered.is_empty() {
        let field = if cover.0 == ORGANIZATION { "organization" } else { crate::model::FORM };
        return Err(AppError::field(field, "err-certificate-no-hours"));
    }
    let (minutes, organizations, first_day, last_day) = hours_facts(db, &covered).await?;
    let tier = super::tiers::progress(db, user_id).await?.current.map(|t| t.name);
    let mut qualifications = Vec::new();
    for (q, until) in super::qualifications::held(db, user_id).await? {
        if until.is_some_and(|u| u <= at) {
            continue;
        }
        if let Some(q) = qualification::Entity::find_by_id(q).one(db).await? {
            qualifications
                .push(HeldQualification { name: LocalizedName { ar: q.name_ar, en: q.name_en }, expires_at: until });
        }
    }
    let profile = crate::backend::entities::volunteer_profile::Entity::find_by_id(user_id).one(db).await?;
    let facts = CertificateFacts {
        name: person.full_name,
        name_ar: profile.as_ref().and_then(|p| p.name_ar.clone()),
        name_latin: profile.as_ref().and_then(|p| p.name_latin.clone()),
        gender: profile.and_then(|p| p.gender),
        scope: cover.0.to_string(),
        from: cover.2,
        to: cover.3,
        organizations,
        minutes,
        first_day,
        last_day,
        tier,
        qualifications,
    };
    use rand::RngCore;
    let mut serial = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut serial);
    let row = certificate::ActiveModel {
        serial: Set(B64.encode(serial)),
        user_id: Set(user_id),
        scope: Set(cover.0.to_string()),
        organization_id: Set(cover.1),
        from_date: Set(cover.2),
        to_date: Set(cover.3),
        facts: Set(serde_json::to_string(&facts).map_err(|_| AppError::Internal)?),
        issued_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Does the certificate still stand: are the hours it covers, approved by its issue, still there?
async fn status_of(
    db: &impl ConnectionTrait,
    c: &certificate::Model,
    facts: &CertificateFacts,
) -> Result<&'static str, DbErr> {
    let scope = SCOPES.iter().copied().find(|s| *s == c.scope).unwrap_or(ALL);
    let now = lines(db, c.user_id, (scope, c.organization_id, c.from_date, c.to_date), Some(c.issued_at)).await?;
    let minutes: i64 = now.iter().map(|l| i64::from(l.minutes)).sum();
    Ok(if minutes == facts.minutes { VALID } else { SUPERSEDED })
}

fn facts_of(c: &certificate::Model) -> Result<CertificateFacts, AppError> {
    serde_json::from_str(&c.facts).map_err(|_| AppError::Internal)
}

/// The volunteer's certificates, newest first, with whether each still stands.
pub async fn of_user(db: &DatabaseConnection, user_id: i32) -> Result<Vec<CertificateRow>, AppError> {
    let rows = certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .order_by_desc(certificate::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for c in rows {
        let facts = facts_of(&c)?;
        let status = status_of(db, &c, &facts).await?.to_string();
        out.push(CertificateRow { id: c.id, facts, issued_at: c.issued_at, status });
    }
    Ok(out)
}

/// One of the volunteer's own certificates, to print: with its public code and verification
/// address (as a QR code too). Another's is not found.
pub async fn printable(
    db: &DatabaseConnection,
    user_id: i32,
    id: i32,
    site: &str,
) -> Result<crate::model::CertificatePrint, AppError> {
    let c = certificate::Entity::find_by_id(id)
        .filter(certificate::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let facts = facts_of(&c)?;
    let status = status_of(db, &c, &facts).await?.to_string();
    let code = code_of(&signing_key(db).await?, &c.serial);
    let url = format!("{}/verify/{code}", site.trim_end_matches('/'));
    let qr_svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(|_| AppError::Internal)?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(160, 160)
        .build();
    Ok(crate::model::CertificatePrint {
        row: CertificateRow { id: c.id, facts, issued_at: c.issued_at, status },
        code,
        url,
        qr_svg,
    })
}

/// What `/verify/<code>` shows anyone: a code the server did not sign, or of no certificate, is
/// invalid; otherwise the facts as issued and whether they still stand.
pub async fn verify(db: &DatabaseConnection, code: &str) -> Result<crate::model::VerifiedCertificate, AppError> {
    let invalid = crate::model::VerifiedCertificate { status: INVALID.into(), certificate: None };
    let Some(serial) = serial_of(&signing_key(db).await?, code) else { return Ok(invalid) };
    let Some(c) = certificate::Entity::find().filter(certificate::Column::Serial.eq(serial)).one(db).await? else {
        return Ok(invalid);
    };
    let facts = facts_of(&c)?;
    let status = status_of(db, &c, &facts).await?;
    Ok(crate::model::VerifiedCertificate {
        status: status.into(),
        certificate: Some(CertificateRow { id: c.id, facts, issued_at: c.issued_at, status: status.into() }),
    })
}

/// The public code of a volunteer's certificate (tests and the print page).
pub async fn code(db: &DatabaseConnection, id: i32) -> Result<String, AppError> {
    let c = certificate::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)?;
    Ok(code_of(&signing_key(db).await?, &c.serial))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_servers_signature_passes() {
        let key = [7u8; 32];
        let code = code_of(&key, "AAAAAAAAAAAAAAAA");
        assert_eq!(serial_of(&key, &code).as_deref(), Some("AAAAAAAAAAAAAAAA"));
        // Another key, another serial with this signature, a shortened or altered signature.
        assert_eq!(serial_of(&[8u8; 32], &code), None);
        let (_, tag) = code.split_once('.').unwrap();
        assert_eq!(serial_of(&key, &format!("AAAAAAAAAAAAAAAB.{tag}")), None);
        assert_eq!(serial_of(&key, &code[..code.len() - 2]), None);
        let mut altered = code.clone().into_bytes();
        let last = altered.len() - 1;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(serial_of(&key, &String::from_utf8(altered).unwrap()), None);
        assert_eq!(serial_of(&key, "nonsense"), None);
    }
}
