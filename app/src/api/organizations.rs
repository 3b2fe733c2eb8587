//! The coordinator area.

use leptos::prelude::*;

use crate::model::{AppError, OrganizationOverview};

/// The caller's own organization: a coordinator sees only the one they belong to.
#[server(endpoint = "organization_overview")]
pub async fn get_organization_overview() -> Result<OrganizationOverview, AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            organizations::overview(&ctx()?.db, org).await
        }
        .await,
    )
}
