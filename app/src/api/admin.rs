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
