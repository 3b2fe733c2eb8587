//! Organizations: applying to join, the coordinator area, invitations, the public page, and the
//! admins' review. A coordinator acts only for the organization `require_coordinator` finds for
//! them; no argument names another.

use leptos::prelude::*;

use crate::model::{
    AppError, ApplicationState, InviteDetails, OrganizationApplication, OrganizationOverview, PublicOrganization,
};

/// The caller's own organization: a coordinator sees only the one they belong to.
#[server(endpoint = "organization_overview")]
pub async fn get_organization_overview() -> Result<OrganizationOverview, AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            organizations::overview(&ctx()?.db, org, user.id).await
        }
        .await,
    )
}

/// Mails an invitation to coordinate the caller's organization.
#[server(endpoint = "invite_coordinator")]
pub async fn invite_coordinator(email: String) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let c = ctx()?;
            organizations::invite(&c.db, user.id, org, &email, &c.public_url, auth::client_addr()).await
        }
        .await,
    )
}

/// Removes a coordinator of the caller's organization.
#[server(endpoint = "remove_coordinator")]
pub async fn remove_coordinator(user_id: i32) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            organizations::remove_coordinator(&ctx()?.db, user.id, org, user_id, auth::client_addr()).await
        }
        .await,
    )
}

/// `/org/apply`: whether the person may apply, and how their application stands.
#[server(endpoint = "application_state")]
pub async fn get_application_state() -> Result<ApplicationState, AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    use crate::model::LocalizedName;
    super::respond(
        async {
            let user = auth::require_user().await?;
            let app = organizations::my_application(&ctx()?.db, user.id).await?;
            Ok(ApplicationState {
                email_verified: user.email_verified,
                coordinator: user.coordinator_of.is_some(),
                status: app.as_ref().map(|a| a.status.clone()),
                name: app.as_ref().map(|a| LocalizedName { ar: a.name_ar.clone(), en: a.name_en.clone() }),
                reason: app.and_then(|a| a.review_reason),
            })
        }
        .await,
    )
}

/// An organization applies to join Tam; the applicant becomes its first coordinator once an admin
/// approves it. Nothing but the application's own fields is read.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "apply_organization")]
pub async fn apply_organization(
    name_ar: String,
    name_en: String,
    description_ar: String,
    description_en: String,
    sector: Option<String>,
    licence_number: String,
    licence_expiry: String,
    contact_name: String,
    contact_phone: String,
    contact_email: String,
    municipality: Option<String>,
    website: String,
) -> Result<(), AppError> {
    use crate::backend::services::{organizations, today};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let details = organizations::OrganizationInput {
                name_ar,
                name_en,
                description_ar,
                description_en,
                sector: sector.unwrap_or_default(),
                licence_number,
                licence_expiry,
                contact_name,
                contact_phone,
                contact_email,
                municipality: municipality.unwrap_or_default(),
                website,
            }
            .parse(today())?;
            organizations::apply(&ctx()?.db, user.id, &details, auth::client_addr()).await.map(|_| ())
        }
        .await,
    )
}

/// What an invitation link is about; nothing for an unknown, used or expired one.
#[server(endpoint = "invite_details")]
pub async fn get_invite(token: String) -> Result<Option<InviteDetails>, AppError> {
    use crate::backend::services::{now, organizations};
    use crate::backend::{auth, ctx};
    use sea_orm::EntityTrait;
    super::respond(
        async {
            let Some((organization, email)) = organizations::invite_details(&ctx()?.db, &token, now()).await? else {
                return Ok(None);
            };
            let signed_in_as = match auth::current_user().await? {
                Some(u) => {
                    crate::backend::entities::user::Entity::find_by_id(u.id).one(&ctx()?.db).await?.map(|m| m.email)
                }
                None => None,
            };
            Ok(Some(InviteDetails { organization, email, signed_in_as }))
        }
        .await,
    )
}

/// The logged-in person accepts an invitation sent to their address.
#[server(endpoint = "accept_invite")]
pub async fn accept_invite(token: String) -> Result<(), AppError> {
    use crate::backend::services::{now, organizations};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            organizations::accept_invite(&ctx()?.db, user.id, &token, now(), auth::client_addr()).await.map(|_| ())
        }
        .await,
    )
}

/// An approved organization's public page.
#[server(endpoint = "public_organization")]
pub async fn get_public_organization(slug: String) -> Result<PublicOrganization, AppError> {
    use crate::backend::{ctx, services::organizations};
    super::respond(async { organizations::public_page(&ctx()?.db, &slug).await }.await)
}

/// The admins' queue: applications by status (pending first).
#[server(endpoint = "organization_queue")]
pub async fn get_organization_queue(status: String) -> Result<Vec<OrganizationApplication>, AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    super::respond(
        async {
            auth::require_admin().await?;
            organizations::for_review(&ctx()?.db, &status).await
        }
        .await,
    )
}

/// An admin approves or rejects (with a reason) a pending application.
#[server(endpoint = "review_organization")]
pub async fn review_organization(
    organization_id: i32,
    decision: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::organizations};
    super::respond(
        async {
            let admin = auth::require_admin().await?;
            let approve = match decision.as_str() {
                "approve" => true,
                "reject" => false,
                _ => return Err(AppError::field(crate::model::FORM, "err-choice-unknown")),
            };
            let c = ctx()?;
            organizations::review(
                &c.db,
                admin.id,
                organization_id,
                approve,
                reason.as_deref().unwrap_or_default(),
                &c.public_url,
                auth::client_addr(),
            )
            .await
        }
        .await,
    )
}

/// `/org/opportunities`: the caller's organization's opportunities.
#[server(endpoint = "org_opportunities")]
pub async fn get_org_opportunities() -> Result<Vec<crate::model::OrgOpportunityRow>, AppError> {
    use crate::backend::services::{now, opportunities};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            Ok(opportunities::of_org(&ctx()?.db, org, now()).await?)
        }
        .await,
    )
}

/// A new opportunity of the caller's organization, with one shift repeated weekly `weeks` times;
/// a draft until published.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "create_opportunity")]
pub async fn create_opportunity(
    title_ar: String,
    title_en: String,
    description_ar: String,
    description_en: String,
    cause: Option<String>,
    municipality: Option<String>,
    place: String,
    min_age: String,
    gender_rule: Option<String>,
    signup_cutoff_hours: String,
    withdraw_cutoff_hours: String,
    required_skills: Option<std::collections::BTreeMap<String, String>>,
    starts: String,
    ends: String,
    capacity: String,
    weeks: String,
) -> Result<(), AppError> {
    use crate::backend::services::now;
    use crate::backend::services::opportunities::{self, OpportunityInput, ShiftInput};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let input = OpportunityInput {
                title_ar,
                title_en,
                description_ar,
                description_en,
                cause: cause.unwrap_or_default(),
                municipality: municipality.unwrap_or_default(),
                place,
                min_age,
                gender_rule: gender_rule.unwrap_or_default(),
                signup_cutoff_hours,
                withdraw_cutoff_hours,
                required_skills: required_skills.unwrap_or_default().into_keys().collect(),
                preferred_skills: Vec::new(),
                required_qualification: String::new(),
            };
            // Both parts checked, all errors at once.
            let details = input.parse();
            let shifts = ShiftInput { starts, ends, capacity, weeks }.parse(now());
            let (details, shifts) = match (details, shifts) {
                (Ok(d), Ok(s)) => (d, s),
                (Err(AppError::Validation(mut a)), Err(AppError::Validation(b))) => {
                    a.extend(b);
                    return Err(AppError::Validation(a));
                }
                (Err(e), _) | (_, Err(e)) => return Err(e),
            };
            opportunities::create(&ctx()?.db, org, user.id, &details, &shifts).await.map(|_| ())
        }
        .await,
    )
}

/// Publishes or closes one of the caller's organization's opportunities.
#[server(endpoint = "set_opportunity_status")]
pub async fn set_opportunity_status(opportunity_id: i32, status: String) -> Result<(), AppError> {
    use crate::backend::services::opportunities;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            opportunities::set_status(&ctx()?.db, org, opportunity_id, &status).await
        }
        .await,
    )
}

/// `/org/applications`: a page of the applications to decide, with what matters for deciding.
/// Each volunteer shown is a view of their personal data, logged.
#[server(endpoint = "org_applications")]
pub async fn get_org_applications(query: crate::model::QueueQuery) -> Result<crate::model::QueuePage, AppError> {
    use crate::backend::services::{applications, audit, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let db = ctx()?.db;
            let page = applications::queue_page(&db, org, &query, now()).await?;
            let mut people: Vec<i32> = page.rows.iter().map(|r| r.volunteer_id).collect();
            people.sort_unstable();
            people.dedup();
            audit::record_views(&db, user.id, &people, auth::client_addr(), "applications queue").await?;
            Ok(page)
        }
        .await,
    )
}

/// A coordinator decides on an application of their organization: `approve`, `waitlist`, or
/// `reject` with a reason.
#[server(endpoint = "decide_application")]
pub async fn decide_application(application_id: i32, decision: String, reason: Option<String>) -> Result<(), AppError> {
    use crate::backend::services::applications::{self, Decision};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let decision = match decision.as_str() {
                "approve" => Decision::Approve,
                "waitlist" => Decision::Waitlist,
                "reject" => Decision::Reject(reason.unwrap_or_default()),
                _ => return Err(AppError::field(crate::model::FORM, "err-choice-unknown")),
            };
            let c = ctx()?;
            applications::decide(&c.db, org, user.id, application_id, decision, &c.public_url, auth::client_addr())
                .await
                .map(|_| ())
        }
        .await,
    )
}

/// A coordinator cancels an approved place of their organization, with a reason.
#[server(endpoint = "cancel_application")]
pub async fn cancel_application(application_id: i32, reason: String) -> Result<(), AppError> {
    use crate::backend::services::applications;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let c = ctx()?;
            applications::cancel(&c.db, org, user.id, application_id, &reason, &c.public_url, auth::client_addr()).await
        }
        .await,
    )
}

/// A shift's roster (who is approved, with their contacts), for its organization's coordinators.
/// Each person seen is one audit row per coordinator and hour.
#[server(endpoint = "shift_roster")]
pub async fn get_roster(shift_id: i32) -> Result<crate::model::Roster, AppError> {
    use crate::backend::services::{applications, audit};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let db = ctx()?.db;
            let roster = applications::roster(&db, org, shift_id).await?;
            let people: Vec<i32> = roster.rows.iter().map(|r| r.volunteer_id).collect();
            audit::record_views(&db, user.id, &people, auth::client_addr(), "shift roster").await?;
            Ok(roster)
        }
        .await,
    )
}

/// The roster as a CSV file.
#[server(endpoint = "shift_roster_csv")]
pub async fn export_roster(shift_id: i32) -> Result<crate::model::Download, AppError> {
    use crate::backend::services::{applications, audit};
    use crate::backend::{auth, ctx};
    use crate::model::{Download, DownloadFile};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let db = ctx()?.db;
            let roster = applications::roster(&db, org, shift_id).await?;
            let people: Vec<i32> = roster.rows.iter().map(|r| r.volunteer_id).collect();
            audit::record_each(
                &db,
                audit::Kind::PersonalDataExported,
                user.id,
                &people,
                auth::client_addr(),
                "shift roster (CSV)",
            )
            .await?;
            Ok(Download {
                download: DownloadFile {
                    filename: format!("tam-roster-{}-{}.csv", shift_id, roster.shift.starts_at.format("%Y-%m-%d")),
                    content_type: "text/csv; charset=utf-8".into(),
                    body: applications::roster_csv(&roster, crate::i18n::request_lang()),
                },
            })
        }
        .await,
    )
}

/// A message to everyone approved on a shift of the caller's organization.
#[server(endpoint = "message_shift")]
pub async fn message_shift(shift_id: i32, message: String) -> Result<(), AppError> {
    use crate::backend::services::applications;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            let c = ctx()?;
            applications::message_shift(&c.db, org, shift_id, &message, &c.public_url).await.map(|_| ())
        }
        .await,
    )
}

/// The same decision on several applications of the caller's organization (`pick[<id>]=on`).
/// Each is decided on its own, as one by one; those that cannot be (a full shift, a clash) are
/// named in the answer's error, and the rest stand.
#[server(endpoint = "decide_applications")]
pub async fn decide_applications(
    pick: Option<std::collections::BTreeMap<String, String>>,
    decision: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::applications::{self, Decision};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let ids: Vec<i32> = pick.unwrap_or_default().keys().filter_map(|k| k.parse().ok()).collect();
            if ids.is_empty() {
                return Err(AppError::field("pick", "err-pick-some"));
            }
            if ids.len() > 200 {
                return Err(AppError::field("pick", "err-pick-too-many"));
            }
            let decision = match decision.as_str() {
                "approve" => Decision::Approve,
                "waitlist" => Decision::Waitlist,
                "reject" => Decision::Reject(reason.unwrap_or_default()),
                _ => return Err(AppError::field(crate::model::FORM, "err-choice-unknown")),
            };
            let c = ctx()?;
            let mut refused = 0;
            for id in ids {
                match applications::decide(
                    &c.db,
                    org,
                    user.id,
                    id,
                    decision.clone(),
                    &c.public_url,
                    auth::client_addr(),
                )
                .await
                {
                    Ok(_) => {}
                    // A reason missing is the same for all: say it at once.
                    Err(AppError::Validation(e)) if e.iter().any(|f| f.field == "reason") => {
                        return Err(AppError::Validation(e))
                    }
                    Err(AppError::Validation(_)) | Err(AppError::NotFound) => refused += 1,
                    Err(e) => return Err(e),
                }
            }
            if refused > 0 {
                let mut e = crate::model::FieldError::new(crate::model::FORM, "err-bulk-some-refused");
                e.args = vec![("count".into(), refused.to_string())];
                return Err(AppError::Validation(vec![e]));
            }
            Ok(())
        }
        .await,
    )
}

/// One of the caller's organization's opportunities, as its edit form shows it.
#[server(endpoint = "org_opportunity")]
pub async fn get_org_opportunity(id: i32) -> Result<crate::model::OpportunityEdit, AppError> {
    use crate::backend::services::{now, opportunities};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            opportunities::editable(&ctx()?.db, org, id, now()).await
        }
        .await,
    )
}

/// Changes the details of one of the caller's organization's opportunities.
#[server(endpoint = "update_opportunity")]
#[allow(clippy::too_many_arguments)]
pub async fn update_opportunity(
    opportunity_id: i32,
    title_ar: String,
    title_en: String,
    description_ar: String,
    description_en: String,
    cause: Option<String>,
    municipality: Option<String>,
    place: String,
    min_age: String,
    gender_rule: Option<String>,
    signup_cutoff_hours: String,
    withdraw_cutoff_hours: String,
    required_skills: Option<std::collections::BTreeMap<String, String>>,
    preferred_skills: Option<std::collections::BTreeMap<String, String>>,
    required_qualification: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::opportunities::{self, OpportunityInput};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            let details = OpportunityInput {
                title_ar,
                title_en,
                description_ar,
                description_en,
                cause: cause.unwrap_or_default(),
                municipality: municipality.unwrap_or_default(),
                place,
                min_age,
                gender_rule: gender_rule.unwrap_or_default(),
                signup_cutoff_hours,
                withdraw_cutoff_hours,
                required_skills: required_skills.unwrap_or_default().into_keys().collect(),
                preferred_skills: preferred_skills.unwrap_or_default().into_keys().collect(),
                required_qualification: required_qualification.unwrap_or_default(),
            }
            .parse()?;
            opportunities::update_details(&ctx()?.db, org, opportunity_id, &details).await
        }
        .await,
    )
}

/// Changes a shift, or it and the later ones of its series (`scope`: `this` or `following`).
#[server(endpoint = "edit_shift")]
pub async fn edit_shift(
    shift_id: i32,
    starts: String,
    ends: String,
    capacity: String,
    scope: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::opportunities::{Scope, ShiftInput};
    use crate::backend::services::{applications, now};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            let scope = match scope.as_deref().unwrap_or("this") {
                "this" => Scope::ThisShift,
                "following" => Scope::AllFollowing,
                _ => return Err(AppError::field("scope", "err-choice-unknown")),
            };
            let line = ShiftInput { starts, ends, capacity, weeks: String::new() }.parse(now())?;
            let (s, e, c) = line[0];
            let ctx = ctx()?;
            applications::edit_shift(&ctx.db, org, shift_id, s, e, c, scope, &ctx.public_url).await.map(|_| ())
        }
        .await,
    )
}

/// More shifts for one of the caller's organization's opportunities (one, or a weekly series).
#[server(endpoint = "add_shifts")]
pub async fn add_shifts(
    opportunity_id: i32,
    starts: String,
    ends: String,
    capacity: String,
    weeks: String,
) -> Result<(), AppError> {
    use crate::backend::services::now;
    use crate::backend::services::opportunities::{self, ShiftInput};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (_, org) = auth::require_coordinator().await?;
            let shifts = ShiftInput { starts, ends, capacity, weeks }.parse(now())?;
            opportunities::add_shifts(&ctx()?.db, org, opportunity_id, &shifts).await
        }
        .await,
    )
}

/// A copy of one of the caller's organization's opportunities, as a new draft; answers with the
/// copy's edit page.
#[server(endpoint = "duplicate_opportunity")]
pub async fn duplicate_opportunity(opportunity_id: i32) -> Result<crate::model::Go, AppError> {
    use crate::backend::services::opportunities;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let (user, org) = auth::require_coordinator().await?;
            let copy = opportunities::duplicate(&ctx()?.db, org, user.id, opportunity_id).await?;
            Ok(crate::model::Go { go: format!("/org/opportunities/{}?copied=1", copy.id) })
        }
        .await,
    )
}
