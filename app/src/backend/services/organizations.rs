//! Organizations and their coordinators: applying to join, the admins' review, the public page,
//! invitations of further coordinators by mail, and removal.
//!
//! Every function that acts for an organization takes the organization the caller coordinates
//! (from `auth::require_coordinator`), never one named by the request: a coordinator of A cannot
//! reach B by changing an id.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait};

use super::profiles::{parse_phone, MUNICIPALITIES};
use super::{audit, mail, now, today, tokens};
use crate::backend::entities::{coordinator, coordinator_invite, organization, user};
use crate::i18n::Lang;
use crate::model::inputs::{is_invisible_format, latin_digits};
use crate::model::{
    AppError, CoordinatorRow, Email, FieldError, FullName, InviteRow, LicenceState, LocalizedName,
    OrganizationApplication, OrganizationOverview, OrganizationRef, Person, PublicOrganization, FORM,
};

pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";

pub const SECTORS: [&str; 9] = [
    "charity",
    "humanitarian",
    "health",
    "education",
    "youth-sports",
    "culture",
    "environment",
    "social",
    "government",
];

/// How long an invitation link works.
pub const INVITE_DAYS: i64 = 7;
/// A licence that ends within this many days is flagged as ending soon.
pub const LICENCE_WARNING_DAYS: i64 = 30;

/// The application form as typed.
#[derive(Clone, Debug, Default)]
pub struct OrganizationInput {
    pub name_ar: String,
    pub name_en: String,
    pub description_ar: String,
    pub description_en: String,
    pub sector: String,
    pub licence_number: String,
    pub licence_expiry: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub municipality: String,
    pub website: String,
}

/// A checked application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganizationDetails {
    pub name_ar: String,
    pub name_en: String,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub sector: String,
    pub licence_number: String,
    pub licence_expiry: NaiveDate,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub municipality: String,
    pub website: Option<String>,
}

fn clean_text(raw: &str, min: usize, max: usize, field: &str, e: &mut Vec<FieldError>) -> Option<String> {
    let s = raw.trim();
    let n = s.chars().count();
    let problem = if n == 0 {
        Some("err-required")
    } else if n < min {
        Some("err-text-too-short")
    } else if n > max {
        Some("err-text-too-long")
    } else if s
        .chars()
        .any(|c| is_invisible_format(c) || (c.is_control() && c != '\n' && c != '\r') || c == '<' || c == '>')
    {
        Some("err-text-invalid")
    } else {
        None
    };
    match problem {
        Some(m) => {
            e.push(FieldError::new(field, m));
            None
        }
        None => Some(s.replace("\r\n", "\n")),
    }
}

impl OrganizationInput {
    pub fn parse(&self, today: NaiveDate) -> Result<OrganizationDetails, AppError> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let name_ar = clean_text(&self.name_ar, 3, 120, "name_ar", e);
        let name_en = clean_text(&self.name_en, 3, 120, "name_en", e);
        // One description is enough; the page shows the other language's when one is missing.
        let description = |raw: &str, field: &str, e: &mut Vec<FieldError>| {
            if raw.trim().is_empty() {
                None
            } else {
                clean_text(raw, 20, 2000, field, e)
            }
        };
        let description_ar = description(&self.description_ar, "description_ar", e);
        let description_en = description(&self.description_en, "description_en", e);
        if self.description_ar.trim().is_empty() && self.description_en.trim().is_empty() {
            e.push(FieldError::new("description_ar", "err-description-required"));
        }
        let sector = match self.sector.trim() {
            "" => {
                e.push(FieldError::new("sector", "err-required"));
                None
            }
            v if SECTORS.contains(&v) => Some(v.to_string()),
            _ => {
                e.push(FieldError::new("sector", "err-choice-unknown"));
                None
            }
        };
        let licence = latin_digits(self.licence_number.trim()).to_uppercase();
        let licence_number = if licence.is_empty() {
            e.push(FieldError::new("licence_number", "err-required"));
            None
        } else if licence.len() > 40
            || !licence.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | ' '))
        {
            e.push(FieldError::new("licence_number", "err-licence-number-invalid"));
            None
        } else {
            Some(licence)
        };
        let licence_expiry = match NaiveDate::parse_from_str(&latin_digits(self.licence_expiry.trim()), "%Y-%m-%d") {
            Err(_) if self.licence_expiry.trim().is_empty() => {
                e.push(FieldError::new("licence_expiry", "err-required"));
                None
            }
            Err(_) => {
                e.push(FieldError::new("licence_expiry", "err-date-invalid"));
                None
            }
            Ok(d) if d <= today => {
                e.push(FieldError::new("licence_expiry", "err-licence-expired"));
                None
            }
            Ok(d) if d > today + Duration::days(366 * 20) => {
                e.push(FieldError::new("licence_expiry", "err-date-invalid"));
                None
            }
            Ok(d) => Some(d),
        };
        let contact_name = match FullName::parse(&self.contact_name) {
            Ok(n) => Some(n.as_str().to_string()),
            Err(m) => {
                e.push(FieldError::new("contact_name", m));
                None
            }
        };
        let contact_phone = match parse_phone(&self.contact_phone) {
            Ok(p) => Some(p),
            Err(m) => {
                e.push(FieldError::new("contact_phone", m));
                None
            }
        };
        let contact_email = match Email::parse(&self.contact_email) {
            Ok(m) => Some(m.as_str().to_string()),
            Err(m) => {
                e.push(FieldError::new("contact_email", m));
                None
            }
        };
        let municipality = match self.municipality.trim() {
            v if MUNICIPALITIES.contains(&v) => Some(v.to_string()),
            "" => {
                e.push(FieldError::new("municipality", "err-required"));
                None
            }
            _ => {
                e.push(FieldError::new("municipality", "err-choice-unknown"));
                None
            }
        };
        let website = match self.website.trim() {
            "" => None,
            v => {
                let ok = (v.starts_with("https://") || v.starts_with("http://"))
                    && v.len() <= 200
                    && v.split("://")
                        .nth(1)
                        .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')))
                    && !v.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\''));
                if !ok {
                    e.push(FieldError::new("website", "err-website-invalid"));
                }
                Some(v.to_string())
            }
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let missing = || AppError::Internal;
        Ok(OrganizationDetails {
            name_ar: name_ar.ok_or_else(missing)?,
            name_en: name_en.ok_or_else(missing)?,
            description_ar,
            description_en,
            sector: sector.ok_or_else(missing)?,
            licence_number: licence_number.ok_or_else(missing)?,
            licence_expiry: licence_expiry.ok_or_else(missing)?,
            contact_name: contact_name.ok_or_else(missing)?,
            contact_phone: contact_phone.ok_or_else(missing)?,
            contact_email: contact_email.ok_or_else(missing)?,
            municipality: municipality.ok_or_else(missing)?,
            website,
        })
    }
}

/// A slug for the public page's address: the English name's letters and digits, with a number
/// added when it is taken.
async fn free_slug(db: &impl ConnectionTrait, name_en: &str) -> Result<String, DbErr> {
    let mut base: String = name_en
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    base.truncate(60);
    if base.is_empty() {
        base = "organization".into();
    }
    let mut slug = base.clone();
    let mut n = 2;
    while organization::Entity::find().filter(organization::Column::Slug.eq(&slug)).one(db).await?.is_some() {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// An organization created by an operator or the demo data: approved at once.
pub async fn create(
    db: &DatabaseConnection,
    slug: &str,
    name_ar: &str,
    name_en: &str,
) -> Result<organization::Model, AppError> {
    Ok(organization::ActiveModel {
        slug: Set(slug.to_owned()),
        name_ar: Set(name_ar.to_owned()),
        name_en: Set(name_en.to_owned()),
        created_at: Set(now()),
        status: Set(APPROVED.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Stores an organization's details (the demo data; coordinators' editing comes later).
pub async fn set_details(db: &impl ConnectionTrait, id: i32, d: &OrganizationDetails) -> Result<(), DbErr> {
    organization::Entity::update_many()
        .col_expr(organization::Column::DescriptionAr, Expr::value(d.description_ar.clone()))
        .col_expr(organization::Column::DescriptionEn, Expr::value(d.description_en.clone()))
        .col_expr(organization::Column::Sector, Expr::value(Some(d.sector.clone())))
        .col_expr(organization::Column::LicenceNumber, Expr::value(Some(d.licence_number.clone())))
        .col_expr(organization::Column::LicenceExpiry, Expr::value(Some(d.licence_expiry)))
        .col_expr(organization::Column::ContactName, Expr::value(Some(d.contact_name.clone())))
        .col_expr(organization::Column::ContactPhone, Expr::value(Some(d.contact_phone.clone())))
        .col_expr(organization::Column::ContactEmail, Expr::value(Some(d.contact_email.clone())))
        .col_expr(organization::Column::Municipality, Expr::value(Some(d.municipality.clone())))
        .col_expr(organization::Column::Website, Expr::value(d.website.clone()))
        .filter(organization::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// A logged-in person applies for their organization to join. Their address must be proven (they
/// become its first coordinator), and one person has one organization.
pub async fn apply(
    db: &DatabaseConnection,
    user_id: i32,
    details: &OrganizationDetails,
    client: Option<std::net::IpAddr>,
) -> Result<organization::Model, AppError> {
    let applicant = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    if applicant.email_verified_at.is_none() {
        return Err(AppError::field(FORM, "err-apply-unverified"));
    }
    if coordinator::Entity::find_by_id(user_id).one(db).await?.is_some() {
        return Err(AppError::field(FORM, "err-already-coordinator"));
    }
    let pending = organization::Entity::find()
        .filter(organization::Column::AppliedBy.eq(user_id))
        .filter(organization::Column::Status.eq(PENDING))
        .one(db)
        .await?;
    if pending.is_some() {
        return Err(AppError::field(FORM, "err-application-pending"));
    }
    let txn = db.begin().await?;
    let d = details;
    let org = organization::ActiveModel {
        slug: Set(free_slug(&txn, &d.name_en).await?),
        name_ar: Set(d.name_ar.clone()),
        name_en: Set(d.name_en.clone()),
        created_at: Set(now()),
        description_ar: Set(d.description_ar.clone()),
        description_en: Set(d.description_en.clone()),
        sector: Set(Some(d.sector.clone())),
        licence_number: Set(Some(d.licence_number.clone())),
        licence_expiry: Set(Some(d.licence_expiry)),
        contact_name: Set(Some(d.contact_name.clone())),
        contact_phone: Set(Some(d.contact_phone.clone())),
        contact_email: Set(Some(d.contact_email.clone())),
        municipality: Set(Some(d.municipality.clone())),
        website: Set(d.website.clone()),
        status: Set(PENDING.to_string()),
        review_reason: Set(None),
        applied_by: Set(Some(user_id)),
        reviewed_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::Event::new(audit::Kind::OrganizationApplied, audit::Outcome::Ok, Some(user_id), client)
        .detail(format!("organization {}", org.id))
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(org)
}

/// The applicant's own pending or rejected application, if any (for `/org/apply`).
pub async fn my_application(db: &DatabaseConnection, user_id: i32) -> Result<Option<organization::Model>, DbErr> {
    organization::Entity::find()
        .filter(organization::Column::AppliedBy.eq(user_id))
        .filter(organization::Column::Status.ne(APPROVED))
        .order_by_desc(organization::Column::Id)
        .one(db)
        .await
}

pub fn licence_state(expiry: Option<NaiveDate>, today: NaiveDate) -> LicenceState {
    match expiry {
        None => LicenceState::Unknown,
        Some(d) if d < today => LicenceState::Expired,
        Some(d) if d <= today + Duration::days(LICENCE_WARNING_DAYS) => LicenceState::EndingSoon,
        Some(_) => LicenceState::Valid,
    }
}

/// Applications and organizations for the admins: `status` one of pending, approved, rejected.
pub async fn for_review(db: &DatabaseConnection, status: &str) -> Result<Vec<OrganizationApplication>, AppError> {
    let status = [PENDING, APPROVED, REJECTED].into_iter().find(|s| *s == status).unwrap_or(PENDING);
    let orgs = organization::Entity::find()
        .filter(organization::Column::Status.eq(status))
        .order_by_asc(organization::Column::CreatedAt)
        .order_by_asc(organization::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = orgs.iter().filter_map(|o| o.applied_by).collect();
    let people = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?;
    let today = today();
    Ok(orgs
        .into_iter()
        .map(|o| {
            let applicant = o
                .applied_by
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| Person { full_name: p.full_name.clone(), email: p.email.clone() });
            OrganizationApplication {
                id: o.id,
                slug: o.slug,
                name: LocalizedName { ar: o.name_ar, en: o.name_en },
                description_ar: o.description_ar,
                description_en: o.description_en,
                sector: o.sector,
                licence_number: o.licence_number,
                licence_expiry: o.licence_expiry,
                licence: licence_state(o.licence_expiry, today),
                contact_name: o.contact_name,
                contact_phone: o.contact_phone,
                contact_email: o.contact_email,
                municipality: o.municipality,
                website: o.website,
                status: o.status,
                review_reason: o.review_reason,
                applicant,
                applied_at: o.created_at,
            }
        })
        .collect())
}

/// An admin approves (the applicant becomes its first coordinator) or rejects (with a reason) a
/// pending application; the applicant is mailed either way.
pub async fn review(
    db: &DatabaseConnection,
    admin_id: i32,
    organization_id: i32,
    approve: bool,
    reason: &str,
    site: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !approve {
        let n = reason.chars().count();
        if n < 5 {
            return Err(AppError::field("reason", "err-reason-required"));
        }
        if n > 500 || reason.chars().any(|c| is_invisible_format(c) || c == '<' || c == '>') {
            return Err(AppError::field("reason", "err-text-invalid"));
        }
    }
    let txn = db.begin().await?;
    let org = organization::Entity::find_by_id(organization_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if org.status != PENDING {
        return Err(AppError::field(FORM, "err-already-reviewed"));
    }
    let applicant = match org.applied_by {
        Some(id) => user::Entity::find_by_id(id).one(&txn).await?,
        None => None,
    };
    let at = now();
    // Only a still-pending row changes: two admins deciding at once, one wins.
    let updated = organization::Entity::update_many()
        .col_expr(organization::Column::Status, Expr::value(if approve { APPROVED } else { REJECTED }))
        .col_expr(organization::Column::ReviewReason, Expr::value((!approve).then(|| reason.to_string())))
        .col_expr(organization::Column::ReviewedAt, Expr::value(Some(at)))
        .filter(organization::Column::Id.eq(organization_id))
        .filter(organization::Column::Status.eq(PENDING))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::field(FORM, "err-already-reviewed"));
    }
    if let Some(a) = &applicant {
        if approve && a.deleted_at.is_none() {
            if coordinator::Entity::find_by_id(a.id).one(&txn).await?.is_some() {
                return Err(AppError::field(FORM, "err-already-coordinator"));
            }
            coordinator::ActiveModel { user_id: Set(a.id), organization_id: Set(org.id), created_at: Set(at) }
                .insert(&txn)
                .await?;
        }
        let lang = Lang::from_tag(&a.lang).unwrap_or_default();
        let name = org_name(&org, lang);
        mail::enqueue(
            &txn,
            mail::Letter {
                kind: if approve { "organization-approved" } else { "organization-rejected" },
                to: &a.email,
                lang,
                name: &a.full_name,
                link: Some(if approve { format!("{site}/org") } else { format!("{site}/org/apply") }),
                detail: Some(&if approve { name.to_string() } else { format!("{name}: {reason}") }),
            },
        )
        .await?;
    }
    let mut event = audit::Event::new(audit::Kind::OrganizationReviewed, audit::Outcome::Ok, org.applied_by, client)
        .detail(format!("organization {} {}", org.id, if approve { APPROVED } else { REJECTED }));
    event.actor = Some(admin_id);
    event.record(&txn).await?;
    txn.commit().await?;
    Ok(())
}

fn org_name(org: &organization::Model, lang: Lang) -> &str {
    match lang {
        Lang::Ar => &org.name_ar,
        Lang::En => &org.name_en,
    }
}

/// An approved organization's public page; nothing for a pending or rejected one.
pub async fn public_page(db: &DatabaseConnection, slug: &str) -> Result<PublicOrganization, AppError> {
    let org = organization::Entity::find()
        .filter(organization::Column::Slug.eq(slug))
        .filter(organization::Column::Status.eq(APPROVED))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = super::opportunities::Discovery { organization_id: Some(org.id), ..Default::default() };
    let (cards, more) = super::opportunities::discover(db, &mine, super::now()).await?;
    Ok(PublicOrganization {
        opportunities: cards.into_iter().map(|c| super::opportunities::to_card(c, Vec::new(), false)).collect(),
        more,
        slug: org.slug,
        name: LocalizedName { ar: org.name_ar, en: org.name_en },
        description_ar: org.description_ar,
        description_en: org.description_en,
        sector: org.sector,
        municipality: org.municipality,
        website: org.website,
        since: org.reviewed_at.unwrap_or(org.created_at).date_naive(),
    })
}

/// The coordinator area of one organization: its coordinators, open invitations, licence state.
pub async fn overview(
    db: &DatabaseConnection,
    organization_id: i32,
    me: i32,
) -> Result<OrganizationOverview, AppError> {
    let org = organization::Entity::find_by_id(organization_id).one(db).await?.ok_or(AppError::NotFound)?;
    let ids: Vec<i32> = coordinator::Entity::find()
        .filter(coordinator::Column::OrganizationId.eq(organization_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.user_id)
        .collect();
    let coordinators = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .order_by_asc(user::Column::FullName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| CoordinatorRow {
            user_id: u.id,
            is_me: u.id == me,
            person: Person { full_name: u.full_name, email: u.email },
        })
        .collect();
    let at = now();
    let invites = coordinator_invite::Entity::find()
        .filter(coordinator_invite::Column::OrganizationId.eq(organization_id))
        .filter(coordinator_invite::Column::UsedAt.is_null())
        .filter(coordinator_invite::Column::ExpiresAt.gt(at))
        .order_by_asc(coordinator_invite::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|i| InviteRow { email: i.email, expires_at: i.expires_at })
        .collect();
    Ok(OrganizationOverview {
        organization: OrganizationRef { id: org.id, name: LocalizedName { ar: org.name_ar, en: org.name_en } },
        slug: org.slug,
        licence_expiry: org.licence_expiry,
        licence: licence_state(org.licence_expiry, today()),
        coordinators,
        invites,
    })
}

/// A coordinator invites someone by address to coordinate their organization: a link mailed to
/// that address, single-use, for [`INVITE_DAYS`] days.
pub async fn invite(
    db: &DatabaseConnection,
    inviter: i32,
    organization_id: i32,
    email: &str,
    site: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|m| AppError::field("email", m))?;
    let org = organization::Entity::find_by_id(organization_id).one(db).await?.ok_or(AppError::NotFound)?;
    if let Some(existing) = user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await? {
        if coordinator::Entity::find_by_id(existing.id).one(db).await?.is_some() {
            return Err(AppError::field("email", "err-invitee-coordinator"));
        }
    }
    let inviter = user::Entity::find_by_id(inviter).one(db).await?.ok_or(AppError::Unauthorized)?;
    let secret = tokens::random_secret();
    let at = now();
    let txn = db.begin().await?;
    // A new invitation to the same address replaces the earlier one.
    coordinator_invite::Entity::delete_many()
        .filter(coordinator_invite::Column::OrganizationId.eq(organization_id))
        .filter(coordinator_invite::Column::Email.eq(email.as_str()))
        .filter(coordinator_invite::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    coordinator_invite::ActiveModel {
        organization_id: Set(organization_id),
        email: Set(email.as_str().to_string()),
        token_hash: Set(tokens::key(&secret)),
        invited_by: Set(inviter.id),
        created_at: Set(at),
        expires_at: Set(at + Duration::days(INVITE_DAYS)),
        used_at: Set(None),
        used_by: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The invitee may have no account yet: the mail goes in the inviter's language.
    let lang = Lang::from_tag(&inviter.lang).unwrap_or_default();
    mail::enqueue(
        &txn,
        mail::Letter {
            kind: "coordinator-invite",
            to: email.as_str(),
            lang,
            name: &inviter.full_name,
            link: Some(format!("{site}/invite?token={secret}")),
            detail: Some(org_name(&org, lang)),
        },
    )
    .await?;
    audit::Event::new(audit::Kind::CoordinatorInvited, audit::Outcome::Ok, Some(inviter.id), client)
        .detail(format!("organization {organization_id}"))
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

async fn open_invite(
    db: &impl ConnectionTrait,
    secret: &str,
    at: DateTime<Utc>,
) -> Result<Option<coordinator_invite::Model>, DbErr> {
    if secret.is_empty() || secret.len() > 64 {
        return Ok(None);
    }
    coordinator_invite::Entity::find()
        .filter(coordinator_invite::Column::TokenHash.eq(tokens::key(secret)))
        .filter(coordinator_invite::Column::UsedAt.is_null())
        .filter(coordinator_invite::Column::ExpiresAt.gt(at))
        .one(db)
        .await
}

/// What an invitation link is about (the organization and the address it was sent to), without
/// using it; `None` for an unknown, used or expired one.
pub async fn invite_details(
    db: &DatabaseConnection,
    secret: &str,
    at: DateTime<Utc>,
) -> Result<Option<(OrganizationRef, String)>, AppError> {
    let Some(invite) = open_invite(db, secret, at).await? else { return Ok(None) };
    let Some(org) = organization::Entity::find_by_id(invite.organization_id).one(db).await? else { return Ok(None) };
    Ok(Some((OrganizationRef { id: org.id, name: LocalizedName { ar: org.name_ar, en: org.name_en } }, invite.email)))
}

/// The logged-in person accepts an invitation sent to their own address: they become a
/// coordinator of that organization. Opening the mailed link proves the address, too.
pub async fn accept_invite(
    db: &DatabaseConnection,
    user_id: i32,
    secret: &str,
    at: DateTime<Utc>,
    client: Option<std::net::IpAddr>,
) -> Result<i32, AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthorized)?;
    let invite = open_invite(db, secret, at).await?.ok_or_else(tokens::link_invalid)?;
    if invite.email != user.email {
        return Err(AppError::field(FORM, "err-invite-other-address"));
    }
    if coordinator::Entity::find_by_id(user_id).one(db).await?.is_some() {
        return Err(AppError::field(FORM, "err-already-coordinator"));
    }
    let txn = db.begin().await?;
    let used = coordinator_invite::Entity::update_many()
        .col_expr(coordinator_invite::Column::UsedAt, Expr::value(Some(at)))
        .col_expr(coordinator_invite::Column::UsedBy, Expr::value(Some(user_id)))
        .filter(coordinator_invite::Column::Id.eq(invite.id))
        .filter(coordinator_invite::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(tokens::link_invalid());
    }
    if user.email_verified_at.is_none() {
        user::Entity::update_many()
            .col_expr(user::Column::EmailVerifiedAt, Expr::value(Some(at)))
            .filter(user::Column::Id.eq(user_id))
            .exec(&txn)
            .await?;
    }
    coordinator::ActiveModel {
        user_id: Set(user_id),
        organization_id: Set(invite.organization_id),
        created_at: Set(at),
    }
    .insert(&txn)
    .await?;
    let mut event = audit::Event::new(audit::Kind::RoleChanged, audit::Outcome::Ok, Some(user_id), client)
        .detail(format!("coordinator of organization {} (invited)", invite.organization_id));
    event.actor = Some(invite.invited_by);
    event.record(&txn).await?;
    txn.commit().await?;
    Ok(invite.organization_id)
}

/// A coordinator removes another coordinator of their own organization (or themselves, unless
/// they are the last one). The removed person's next request no longer finds the role.
pub async fn remove_coordinator(
    db: &DatabaseConnection,
    actor: i32,
    organization_id: i32,
    user_id: i32,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let row = coordinator::Entity::find_by_id(user_id)
        .filter(coordinator::Column::OrganizationId.eq(organization_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let count =
        coordinator::Entity::find().filter(coordinator::Column::OrganizationId.eq(organization_id)).count(&txn).await?;
    if count <= 1 {
        return Err(AppError::field(FORM, "err-last-coordinator"));
    }
    coordinator::Entity::delete_by_id(row.user_id).exec(&txn).await?;
    audit::Event::by(audit::Kind::CoordinatorRemoved, actor, user_id, client)
        .detail(format!("organization {organization_id}"))
        .record(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
