//! Counters for the home page and the administrators' dashboard.

use std::collections::HashMap;

use sea_orm::{entity::prelude::*, PaginatorTrait, QueryFilter, QueryOrder};

use crate::backend::entities::{coordinator, organization, user};
use crate::model::{AdminOverview, AppError, LocalizedName, OrganizationRow, PublicStats};

async fn volunteers(db: &DatabaseConnection) -> Result<u64, AppError> {
    Ok(user::Entity::find().filter(user::Column::IsAdmin.eq(false)).count(db).await?)
}

pub async fn public(db: &DatabaseConnection) -> Result<PublicStats, AppError> {
    let organizations =
        organization::Entity::find().filter(organization::Column::Status.eq("approved")).count(db).await?;
    Ok(PublicStats { volunteers: volunteers(db).await?, organizations })
}

pub async fn admin_overview(db: &DatabaseConnection) -> Result<AdminOverview, AppError> {
    let coordinators = coordinator::Entity::find().all(db).await?;
    let mut per_org: HashMap<i32, u64> = HashMap::new();
    for c in &coordinators {
        *per_org.entry(c.organization_id).or_default() += 1;
    }
    let pending_organizations =
        organization::Entity::find().filter(organization::Column::Status.eq("pending")).count(db).await?;
    let organization_rows: Vec<OrganizationRow> = organization::Entity::find()
        .filter(organization::Column::Status.eq("approved"))
        .order_by_asc(organization::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|o| OrganizationRow {
            coordinators: per_org.get(&o.id).copied().unwrap_or(0),
            name: LocalizedName { ar: o.name_ar, en: o.name_en },
        })
        .collect();
    Ok(AdminOverview {
        volunteers: volunteers(db).await?,
        organizations: organization_rows.len() as u64,
        coordinators: coordinators.len() as u64,
        pending_organizations,
        organization_rows,
    })
}
