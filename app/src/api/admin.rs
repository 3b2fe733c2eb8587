//! The platform admins' tools: the outbox, the audit log, resetting someone's two-step sign-in.
//! Every function starts with `require_admin` (an admin with MFA on).

use leptos::prelude::*;

use crate::model::{AppError, AuditPage, AuditQuery, OutboxRow};

/// The newest 200 messages of the outbox.
#[server(endpoint = "admin_outbox")]
pub async fn get_outbox() -> Result<Vec<OutboxRow>, AppError> {
    use crate::backend::{auth, ctx, services::mail};
    super::respond(
        async {
            auth::require_admin().await?;
            Ok(mail::recent(&ctx()?.db, 200)
                .await?
                .into_iter()
                .map(|m| OutboxRow {
                    id: m.id,
                    created_at: m.created_at,
                    recipient: m.recipient,
                    lang: m.lang,
                    kind: m.kind,
                    subject: m.subject,
                    status: m.status,
                    attempts: m.attempts,
                    last_error: m.last_error,
                })
                .collect())
        }
        .await,
    )
}

pub const AUDIT_PAGE_SIZE: u64 = 50;

/// A page of the audit log, filtered by account (email), kind and dates.
#[server(endpoint = "admin_audit")]
pub async fn get_audit(query: AuditQuery) -> Result<AuditPage, AppError> {
    use crate::backend::entities::user;
    use crate::backend::services::audit;
    use crate::backend::{auth, ctx};
    use crate::model::AuditRow;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    super::respond(
        async {
            auth::require_admin().await?;
            let db = ctx()?.db;
            let mut errors = Vec::new();
            let date = |field: &str, raw: &str, errors: &mut Vec<crate::model::FieldError>| {
                let raw = raw.trim();
                if raw.is_empty() {
                    return None;
                }
                let parsed =
                    chrono::NaiveDate::parse_from_str(&crate::model::inputs::latin_digits(raw), "%Y-%m-%d").ok();
                if parsed.is_none() {
                    errors.push(crate::model::FieldError::new(field, "err-date-invalid"));
                }
                parsed
            };
            let from = date("from", &query.from, &mut errors);
            let to = date("to", &query.to, &mut errors);
            let kind = match query.kind.trim() {
                "" => None,
                k => {
                    let kind = audit::Kind::from_name(k);
                    if kind.is_none() {
                        errors.push(crate::model::FieldError::new("kind", "err-validation"));
                    }
                    kind
                }
            };
            let user = match query.user.trim() {
                "" => None,
                raw => match crate::model::Email::parse(raw) {
                    Ok(email) => Some(
                        user::Entity::find()
                            .filter(user::Column::Email.eq(email.as_str()))
                            .one(&db)
                            .await?
                            .map_or(-1, |u| u.id),
                    ),
                    Err(m) => {
                        errors.push(crate::model::FieldError::new("user", m));
                        None
                    }
                },
            };
            let kinds: Vec<String> = audit::Kind::ALL.iter().map(|k| k.name().to_string()).collect();
            if !errors.is_empty() {
                let lang = crate::i18n::request_lang();
                for e in &mut errors {
                    e.text = Some(crate::i18n::translate(lang, &e.message));
                }
                return Ok(AuditPage { rows: Vec::new(), kinds, has_more: false, errors, query });
            }
            let filter = audit::Filter { user, kind, from, to };
            let offset = u64::from(query.page) * AUDIT_PAGE_SIZE;
            let mut rows = audit::list(&db, &filter, AUDIT_PAGE_SIZE + 1, offset).await?;
            let has_more = rows.len() as u64 > AUDIT_PAGE_SIZE;
            rows.truncate(AUDIT_PAGE_SIZE as usize);
            Ok(AuditPage {
                rows: rows
                    .into_iter()
                    .map(|(r, actor, subject)| AuditRow {
                        id: r.id,
                        at: r.at,
                        actor,
                        subject,
                        kind: r.kind,
                        outcome: r.outcome,
                        address: r.address,
                        detail: r.detail,
                    })
                    .collect(),
                kinds,
                has_more,
                errors: Vec::new(),
                query,
            })
        }
        .await,
    )
}

/// Turns off someone's two-step sign-in (a lost phone): audited, their sessions end, a mail says so.
#[server(endpoint = "admin_reset_mfa")]
pub async fn admin_reset_mfa(email: String) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::mfa};
    super::respond(
        async {
            let admin = auth::require_admin().await?;
            mfa::admin_reset(&ctx()?.db, admin.id, &email, auth::client_addr()).await
        }
        .await,
    )
}

/// `/admin/volunteers`: a page of the national database. Every volunteer listed is a view of their
/// personal data, and is logged as one.
#[server(endpoint = "admin_volunteers")]
pub async fn search_volunteers(query: crate::model::VolunteerQuery) -> Result<crate::model::VolunteerPage, AppError> {
    use crate::backend::services::{audit, profiles::age_on, today, volunteers};
    use crate::backend::{auth, ctx};
    use crate::model::{VolunteerPage, VolunteerRow};
    super::respond(
        async {
            let admin = auth::require_admin().await?;
            let db = ctx()?.db;
            let filter = match volunteers::Filter::parse(&query) {
                Ok(f) => f,
                Err(mut errors) => {
                    let lang = crate::i18n::request_lang();
                    for e in &mut errors {
                        e.text = Some(crate::i18n::translate(lang, &e.message));
                    }
                    return Ok(VolunteerPage { rows: Vec::new(), has_more: false, errors, query });
                }
            };
            let today = today();
            let (hits, has_more) = volunteers::search(&db, &filter, today).await?;
            let ids: Vec<i32> = hits.iter().map(|h| h.user_id).collect();
            let tags = volunteers::tags_of(&db, &ids).await?;
            audit::record_each(
                &db,
                audit::Kind::PersonalDataViewed,
                admin.id,
                &ids,
                auth::client_addr(),
                "volunteer search",
            )
            .await?;
            let rows = hits
                .into_iter()
                .map(|h| VolunteerRow {
                    user_id: h.user_id,
                    full_name: h.full_name,
                    email: h.email,
                    age: h.profile.birth_date.map(|b| age_on(b, today)),
                    gender: h.profile.gender,
                    municipality: h.profile.municipality,
                    skills: tags
                        .get(&h.user_id)
                        .into_iter()
                        .flatten()
                        .filter(|(k, _)| k == "skill")
                        .map(|(_, v)| v.clone())
                        .collect(),
                })
                .collect();
            Ok(VolunteerPage { rows, has_more, errors: Vec::new(), query })
        }
        .await,
    )
}

/// One volunteer's whole profile, for an admin; logged.
#[server(endpoint = "admin_volunteer")]
pub async fn get_volunteer(user_id: i32) -> Result<crate::model::VolunteerDetail, AppError> {
    use crate::backend::entities::user;
    use crate::backend::services::{audit, profiles, today};
    use crate::backend::{auth, ctx};
    use sea_orm::EntityTrait;
    super::respond(
        async {
            let admin = auth::require_admin().await?;
            let db = ctx()?.db;
            let person = user::Entity::find_by_id(user_id)
                .one(&db)
                .await?
                .filter(|u| u.deleted_at.is_none())
                .ok_or(AppError::NotFound)?;
            let (profile, consent) = profiles::load(&db, user_id).await?.unwrap_or_default();
            audit::Event::by(audit::Kind::PersonalDataViewed, admin.id, user_id, auth::client_addr())
                .detail("volunteer profile")
                .record(&db)
                .await?;
            Ok(crate::model::VolunteerDetail {
                user_id,
                full_name: person.full_name,
                email: person.email,
                member_since: person.created_at.date_naive(),
                values: profile.to_input().pairs().into_iter().filter(|(_, v)| !v.is_empty()).collect(),
                age: profile.birth_date.map(|b| profiles::age_on(b, today())),
                completeness: profile.completeness(),
                guardian_consent_at: consent,
            })
        }
        .await,
    )
}

/// The volunteers a search finds, as a CSV file (cells neutralized against formulas); every
/// volunteer in it is logged as exported.
#[server(endpoint = "admin_volunteers_csv")]
pub async fn export_volunteers(query: crate::model::VolunteerQuery) -> Result<crate::model::Download, AppError> {
    use crate::backend::services::{audit, today, volunteers};
    use crate::backend::{auth, ctx};
    use crate::model::{Download, DownloadFile};
    super::respond(
        async {
            let admin = auth::require_admin().await?;
            let db = ctx()?.db;
            let filter = volunteers::Filter::parse(&query).map_err(AppError::Validation)?;
            let lang = crate::i18n::request_lang();
            let header: Vec<String> =
                volunteers::EXPORT_COLUMNS.iter().map(|id| crate::i18n::translate(lang, id)).collect();
            let (body, ids) = volunteers::export_csv(&db, &filter, today(), &header).await?;
            audit::record_each(
                &db,
                audit::Kind::PersonalDataExported,
                admin.id,
                &ids,
                auth::client_addr(),
                "volunteers CSV",
            )
            .await?;
            Ok(Download {
                download: DownloadFile {
                    filename: format!("tam-volunteers-{}.csv", today()),
                    content_type: "text/csv; charset=utf-8".into(),
                    body,
                },
            })
        }
        .await,
    )
}

/// The recognition tiers, lowest first (admins set them at `/admin/tiers`).
#[server(endpoint = "admin_tiers")]
pub async fn get_tiers() -> Result<Vec<crate::model::TierRow>, AppError> {
    use crate::backend::{auth, ctx, services::tiers};
    super::respond(
        async {
            auth::require_admin().await?;
            Ok(tiers::list(&ctx()?.db).await?)
        }
        .await,
    )
}

/// Adds a tier (`tier_id` empty) or changes one: names in both languages and the approved hours
/// that reach it.
#[server(endpoint = "save_tier")]
pub async fn save_tier(
    tier_id: Option<String>,
    name_ar: String,
    name_en: String,
    min_hours: String,
) -> Result<(), AppError> {
    use crate::backend::services::{now, tiers};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            auth::require_admin().await?;
            let id = match tier_id.as_deref().map(str::trim).unwrap_or_default() {
                "" => None,
                raw => Some(raw.parse::<i32>().map_err(|_| AppError::NotFound)?),
            };
            tiers::save(&ctx()?.db, id, &tiers::Draft { name_ar, name_en, min_hours }, now()).await
        }
        .await,
    )
}

#[server(endpoint = "remove_tier")]
pub async fn remove_tier(tier_id: i32) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::tiers};
    super::respond(
        async {
            auth::require_admin().await?;
            tiers::remove(&ctx()?.db, tier_id).await
        }
        .await,
    )
}
