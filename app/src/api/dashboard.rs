//! The statistics dashboards: the country's for admins, an organization's for its coordinators,
//! public aggregates for everyone; every table also as CSV.

use leptos::prelude::*;

use crate::model::{AppError, DashboardPage, DashboardQuery, Download, ImpactFigures};

/// Whose view: an admin's (any organization, or all) or a coordinator's (their own only).
#[cfg(feature = "ssr")]
async fn scope(admin: bool) -> Result<Option<i32>, AppError> {
    use crate::backend::auth;
    if admin {
        auth::require_admin().await?;
        Ok(None)
    } else {
        let (_, org) = auth::require_coordinator().await?;
        Ok(Some(org))
    }
}

#[cfg(feature = "ssr")]
async fn page(query: DashboardQuery, admin: bool) -> Result<DashboardPage, AppError> {
    use crate::backend::services::{dashboard, now, today};
    use crate::backend::{ctx, entities::organization};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let own = scope(admin).await?;
    let db = ctx()?.db;
    let organizations = if admin {
        organization::Entity::find()
            .filter(organization::Column::Status.eq("approved"))
            .order_by_asc(organization::Column::NameEn)
            .all(&db)
            .await?
            .into_iter()
            .map(|o| (o.id, crate::model::LocalizedName { ar: o.name_ar, en: o.name_en }))
            .collect()
    } else {
        Vec::new()
    };
    let mut filter = match dashboard::Filter::parse(&query, today()) {
        Ok(f) => f,
        Err(errors) => {
            let mut e = AppError::Validation(errors);
            crate::i18n::localize_fields(&mut e, crate::i18n::request_lang());
            let AppError::Validation(errors) = e else { unreachable!() };
            return Ok(DashboardPage { query, errors, figures: None, organizations });
        }
    };
    if let Some(org) = own {
        filter.organization = Some(org);
    }
    let figures = dashboard::figures(&db, &filter, today(), now()).await?;
    Ok(DashboardPage { query, errors: Vec::new(), figures: Some(figures), organizations })
}

#[server(endpoint = "admin_dashboard")]
pub async fn get_admin_dashboard(query: DashboardQuery) -> Result<DashboardPage, AppError> {
    super::respond(page(query, true).await)
}

#[server(endpoint = "org_dashboard")]
pub async fn get_org_dashboard(query: DashboardQuery) -> Result<DashboardPage, AppError> {
    super::respond(page(query, false).await)
}

/// The coordinator's headline counters on `/org` (applied today, waiting, checked in now): three
/// counts of their organization's rows, not the whole dashboard.
#[server(endpoint = "org_counters")]
pub async fn get_org_counters() -> Result<[i64; 3], AppError> {
    use crate::backend::services::{dashboard, now, today};
    super::respond(
        async {
            let org = scope(false).await?.ok_or(AppError::Forbidden)?;
            Ok(dashboard::counters(&crate::backend::ctx()?.db, Some(org), today(), now()).await?)
        }
        .await,
    )
}

/// One table of a dashboard view as CSV, headings in the reader's language, cells neutralized.
/// `table`: a series (`series`), a breakdown (`municipality`, `gender`, `age-band`, `cause`,
/// `sector`), `organizations`, `opportunities` or `funnel`. `admin`: "1" for the country's view.
#[server(endpoint = "dashboard_csv")]
pub async fn dashboard_csv(
    table: String,
    admin: Option<String>,
    from: Option<String>,
    to: Option<String>,
    organization: Option<String>,
) -> Result<Download, AppError> {
    use crate::backend::services::today;
    use crate::model::DownloadFile;
    super::respond(
        async {
            let query = DashboardQuery {
                from: from.unwrap_or_default(),
                to: to.unwrap_or_default(),
                organization: organization.unwrap_or_default(),
            };
            let p = page(query, admin.as_deref() == Some("1")).await?;
            let Some(f) = p.figures else { return Err(AppError::Validation(p.errors)) };
            let lang = crate::i18n::request_lang();
            let body = crate::backend::services::dashboard::csv(&f, &table, lang).ok_or(AppError::NotFound)?;
            Ok(Download {
                download: DownloadFile {
                    filename: format!("tam-{table}-{}.csv", today()),
                    content_type: "text/csv; charset=utf-8".into(),
                    body,
                },
            })
        }
        .await,
    )
}

/// `/impact`: public, the same for everyone, recomputed at most every ten minutes per process.
#[server(endpoint = "impact")]
pub async fn get_impact() -> Result<ImpactFigures, AppError> {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};
    static CACHE: Mutex<Option<(Instant, ImpactFigures)>> = Mutex::new(None);
    super::respond(
        async {
            if let Some((when, figures)) = CACHE.lock().expect("impact cache").as_ref() {
                if when.elapsed() < Duration::from_secs(600) {
                    return Ok(figures.clone());
                }
            }
            let figures = crate::backend::services::dashboard::impact(&crate::backend::ctx()?.db).await?;
            *CACHE.lock().expect("impact cache") = Some((Instant::now(), figures.clone()));
            Ok(figures)
        }
        .await,
    )
}
