//! Organizations and their coordinators.

use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, QueryOrder};

use super::now;
use crate::backend::entities::{coordinator, organization, user};
use crate::model::{AppError, LocalizedName, OrganizationOverview, OrganizationRef, Person};

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
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The coordinator area of one organization.
pub async fn overview(db: &DatabaseConnection, organization_id: i32) -> Result<OrganizationOverview, AppError> {
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
        .map(|u| Person { full_name: u.full_name, email: u.email })
        .collect();
    Ok(OrganizationOverview {
        organization: OrganizationRef { id: org.id, name: LocalizedName { ar: org.name_ar, en: org.name_en } },
        coordinators,
    })
}
