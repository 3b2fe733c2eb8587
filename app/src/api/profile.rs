//! The volunteer's profile, step by step, and the guardian's consent for a minor.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::model::{AppError, ConsentRequest, ProfileForm};

/// The profile as its form starts from it, and how complete it is.
#[server(endpoint = "profile_form")]
pub async fn get_profile_form() -> Result<ProfileForm, AppError> {
    use crate::backend::services::{profiles, today};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let stored = profiles::load(&ctx()?.db, user.id).await?;
            let (profile, consent) = stored.unwrap_or_default();
            Ok(ProfileForm {
                values: profile.to_input().pairs(),
                completeness: profile.completeness(),
                minor: profile.is_minor(today()),
                guardian_email: profile.guardian_email.clone(),
                guardian_consent_at: consent,
            })
        }
        .await,
    )
}

/// Boxes of a group arrive as `name[value]=on`; the ticked values.
fn ticked(map: Option<BTreeMap<String, String>>) -> Vec<String> {
    map.unwrap_or_default().into_keys().collect()
}

/// Saves one step of the profile. Only the fields of that step are read; anything else a request
/// carries (a role, an organization, a verified flag) is not an argument and changes nothing.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "save_profile")]
pub async fn save_profile(
    step: usize,
    name_ar: Option<String>,
    name_latin: Option<String>,
    mobile: Option<String>,
    birth_date: Option<String>,
    gender: Option<String>,
    nationality: Option<String>,
    municipality: Option<String>,
    education: Option<String>,
    languages: Option<BTreeMap<String, String>>,
    skills: Option<BTreeMap<String, String>>,
    skills_other: Option<String>,
    causes: Option<BTreeMap<String, String>>,
    availability: Option<BTreeMap<String, String>>,
    emergency_name: Option<String>,
    emergency_phone: Option<String>,
    emergency_relation: Option<String>,
    guardian_name: Option<String>,
    guardian_phone: Option<String>,
    guardian_email: Option<String>,
    guardian_relation: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::services::profiles::{self, ProfileInput};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            let posted = ProfileInput {
                name_ar: name_ar.unwrap_or_default(),
                name_latin: name_latin.unwrap_or_default(),
                mobile: mobile.unwrap_or_default(),
                birth_date: birth_date.unwrap_or_default(),
                gender: gender.unwrap_or_default(),
                nationality: nationality.unwrap_or_default(),
                municipality: municipality.unwrap_or_default(),
                education: education.unwrap_or_default(),
                languages: ticked(languages),
                skills: ticked(skills),
                skills_other: skills_other.unwrap_or_default(),
                causes: ticked(causes),
                availability: ticked(availability),
                emergency_name: emergency_name.unwrap_or_default(),
                emergency_phone: emergency_phone.unwrap_or_default(),
                emergency_relation: emergency_relation.unwrap_or_default(),
                guardian_name: guardian_name.unwrap_or_default(),
                guardian_phone: guardian_phone.unwrap_or_default(),
                guardian_email: guardian_email.unwrap_or_default(),
                guardian_relation: guardian_relation.unwrap_or_default(),
            };
            profiles::save_step(&c.db, user.id, step, posted, &c.public_url).await.map(|_| ())
        }
        .await,
    )
}

/// Mails the guardian's consent link again.
#[server(endpoint = "resend_guardian_consent")]
pub async fn resend_guardian_consent() -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::profiles};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            profiles::resend_guardian_consent(&c.db, user.id, &c.public_url).await
        }
        .await,
    )
}

/// What the guardian's link asks about: the minor's name (the guardian knows them), or nothing
/// for a link that is unknown, used or expired.
#[server(endpoint = "consent_request")]
pub async fn get_consent_request(token: String) -> Result<Option<ConsentRequest>, AppError> {
    use crate::backend::ctx;
    use crate::backend::services::{now, profiles};
    super::respond(async { Ok(profiles::consent_request(&ctx()?.db, &token, now()).await.ok()) }.await)
}

/// The guardian consents (no account needed: the mailed link is the proof).
#[server(endpoint = "give_guardian_consent")]
pub async fn give_guardian_consent(token: String) -> Result<(), AppError> {
    use crate::backend::services::{now, profiles};
    use crate::backend::{auth, ctx};
    super::respond(
        async { profiles::give_guardian_consent(&ctx()?.db, &token, now(), auth::client_addr()).await.map(|_| ()) }
            .await,
    )
}
