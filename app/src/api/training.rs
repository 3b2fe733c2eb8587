//! Training: courses anyone can read, volunteers enrol on, and their organization's coordinators
//! (or, for the network's own courses, its admins) publish and mark.

use leptos::prelude::*;

use crate::model::{AppError, CourseCard, CoursePage, CourseRoster};

/// Whose courses the caller manages: `network` ("1") asks for the network's, which only admins
/// may; otherwise the coordinator's organization.
#[cfg(feature = "ssr")]
async fn manager(network: Option<&str>) -> Result<(i32, Option<i32>), AppError> {
    use crate::backend::auth;
    if network == Some("1") {
        let admin = auth::require_admin().await?;
        Ok((admin.id, None))
    } else {
        let (user, org) = auth::require_coordinator().await?;
        Ok((user.id, Some(org)))
    }
}

/// Public: courses open to enrol, soonest first.
#[server(endpoint = "courses")]
pub async fn get_courses() -> Result<Vec<CourseCard>, AppError> {
    use crate::backend::{
        ctx,
        services::{now, training},
    };
    super::respond(async { Ok(training::open_courses(&ctx()?.db, None, now()).await?) }.await)
}

/// Public: a course, with the viewer's enrolment when logged in.
#[server(endpoint = "course")]
pub async fn get_course(id: i32) -> Result<CoursePage, AppError> {
    use crate::backend::{auth, ctx, services::training};
    super::respond(
        async {
            let viewer = auth::current_user().await?.map(|u| u.id);
            training::page(&ctx()?.db, id, viewer).await
        }
        .await,
    )
}

#[server(endpoint = "enrol_course")]
pub async fn enrol_course(course_id: i32) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{now, training},
    };
    super::respond(
        async {
            let user = auth::require_user().await?;
            training::enrol(&ctx()?.db, user.id, course_id, now()).await
        }
        .await,
    )
}

#[server(endpoint = "withdraw_course")]
pub async fn withdraw_course(course_id: i32) -> Result<(), AppError> {
    use crate::backend::{
        auth, ctx,
        services::{now, training},
    };
    super::respond(
        async {
            let user = auth::require_user().await?;
            training::withdraw(&ctx()?.db, user.id, course_id, now()).await
        }
        .await,
    )
}

/// The courses the caller manages, with the qualifications a new one may grant.
#[server(endpoint = "managed_courses")]
pub async fn get_managed_courses(
    network: Option<String>,
) -> Result<(Vec<CourseCard>, Vec<crate::model::QualificationChoice>), AppError> {
    use crate::backend::{
        ctx,
        services::{qualifications, training},
    };
    super::respond(
        async {
            let (_, org) = manager(network.as_deref()).await?;
            let db = ctx()?.db;
            Ok((training::courses_of(&db, org).await?, qualifications::choices(&db).await?))
        }
        .await,
    )
}

/// Publishes a course with its first session line (repeating weekly for `weeks`).
#[server(endpoint = "create_course")]
#[allow(clippy::too_many_arguments)]
pub async fn create_course(
    network: Option<String>,
    title_ar: String,
    title_en: String,
    description_ar: Option<String>,
    description_en: Option<String>,
    qualification: Option<String>,
    valid_months: Option<String>,
    starts: String,
    ends: String,
    capacity: String,
    weeks: Option<String>,
) -> Result<i32, AppError> {
    use crate::backend::services::opportunities::ShiftInput;
    use crate::backend::{
        ctx,
        services::{now, training},
    };
    super::respond(
        async {
            let (by, org) = manager(network.as_deref()).await?;
            let input = training::CourseInput {
                title_ar,
                title_en,
                description_ar: description_ar.unwrap_or_default(),
                description_en: description_en.unwrap_or_default(),
                qualification: qualification.unwrap_or_default(),
                valid_months: valid_months.unwrap_or_default(),
            };
            let sessions = ShiftInput { starts, ends, capacity, weeks: weeks.unwrap_or_default() };
            Ok(training::create(&ctx()?.db, org, by, &input, &sessions, now()).await?.id)
        }
        .await,
    )
}

#[server(endpoint = "add_course_sessions")]
pub async fn add_course_sessions(
    network: Option<String>,
    course_id: i32,
    starts: String,
    ends: String,
    capacity: String,
    weeks: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::opportunities::ShiftInput;
    use crate::backend::{
        ctx,
        services::{now, training},
    };
    super::respond(
        async {
            let (_, org) = manager(network.as_deref()).await?;
            let sessions = ShiftInput { starts, ends, capacity, weeks: weeks.unwrap_or_default() };
            training::add_sessions(&ctx()?.db, org, course_id, &sessions, now()).await
        }
        .await,
    )
}

#[server(endpoint = "course_roster")]
pub async fn get_course_roster(network: Option<String>, course_id: i32) -> Result<CourseRoster, AppError> {
    use crate::backend::{ctx, services::training};
    super::respond(
        async {
            let (_, org) = manager(network.as_deref()).await?;
            training::roster(&ctx()?.db, org, course_id).await
        }
        .await,
    )
}

/// Marks a session: the boxes ticked (`present[<user id>]`) attended, the other enrolled did not.
#[server(endpoint = "mark_session")]
pub async fn mark_session(
    network: Option<String>,
    session_id: i32,
    present: Option<std::collections::BTreeMap<String, String>>,
) -> Result<usize, AppError> {
    use crate::backend::{
        ctx,
        services::{now, training},
    };
    super::respond(
        async {
            let (by, org) = manager(network.as_deref()).await?;
            let ids: Vec<i32> = present.unwrap_or_default().keys().filter_map(|k| k.parse().ok()).collect();
            training::mark_session(&ctx()?.db, org, by, session_id, &ids, now()).await
        }
        .await,
    )
}

/// `/me`: qualifications held and courses enrolled on.
#[server(endpoint = "my_training")]
pub async fn get_my_training() -> Result<crate::model::MyTraining, AppError> {
    use crate::backend::{auth, ctx, services::training};
    super::respond(
        async {
            let user = auth::require_user().await?;
            Ok(training::mine(&ctx()?.db, user.id).await?)
        }
        .await,
    )
}
