//! Counters: public ones for the home page, the full set for administrators.

use leptos::prelude::*;

use crate::model::{AdminOverview, AppError, PublicStats};

#[server(endpoint = "public_stats")]
pub async fn get_public_stats() -> Result<PublicStats, AppError> {
    use crate::backend::{ctx, services::stats};
    super::respond(async { stats::public(&ctx()?.db).await }.await)
}

#[server(endpoint = "admin_overview")]
pub async fn get_admin_overview() -> Result<AdminOverview, AppError> {
    use crate::backend::{auth, ctx, services::stats};
    super::respond(
        async {
            auth::require_admin().await?;
            stats::admin_overview(&ctx()?.db).await
        }
        .await,
    )
}
