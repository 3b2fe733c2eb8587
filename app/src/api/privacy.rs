//! The volunteer's rights over their data: documents accepted, optional consents, a copy of
//! everything, deletion. Each acts on the caller's own account only.

use leptos::prelude::*;

use crate::model::{AppError, Download, PolicyState};

#[server(endpoint = "privacy_state")]
pub async fn get_privacy_state() -> Result<PolicyState, AppError> {
    use crate::backend::{auth, ctx, services::privacy};
    super::respond(
        async {
            let user = auth::require_user().await?;
            Ok(privacy::state(&ctx()?.db, user.id).await?)
        }
        .await,
    )
}

/// Accepts the current versions of the privacy notice and the charter.
#[server(endpoint = "accept_policies")]
pub async fn accept_policies() -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::privacy};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let lang = crate::i18n::request_lang();
            Ok(privacy::accept_current(&ctx()?.db, user.id, lang, &[], auth::client_addr()).await?)
        }
        .await,
    )
}

/// Gives (`give`) or withdraws (`withdraw`) an optional consent.
#[server(endpoint = "set_consent")]
pub async fn set_consent(document: String, choice: String) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::privacy};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let give = match choice.as_str() {
                "give" => true,
                "withdraw" => false,
                _ => return Err(AppError::field(crate::model::FORM, "err-choice-unknown")),
            };
            let lang = crate::i18n::request_lang();
            privacy::set_optional(&ctx()?.db, user.id, &document, give, lang, auth::client_addr()).await
        }
        .await,
    )
}

/// Everything Tam holds about the caller, as a JSON file.
#[server(endpoint = "export_my_data")]
pub async fn export_my_data() -> Result<Download, AppError> {
    use crate::backend::{auth, ctx, services::privacy};
    use crate::model::DownloadFile;
    super::respond(
        async {
            let user = auth::require_user().await?;
            let data = privacy::export(&ctx()?.db, user.id, auth::client_addr()).await?;
            Ok(Download {
                download: DownloadFile {
                    filename: format!("tam-my-data-{}.json", crate::backend::services::today()),
                    content_type: "application/json; charset=utf-8".into(),
                    body: serde_json::to_string_pretty(&data).map_err(|_| AppError::Internal)?,
                },
            })
        }
        .await,
    )
}

/// Deletes the caller's account, after their password.
#[server(endpoint = "delete_my_account")]
pub async fn delete_my_account(password: String) -> Result<(), AppError> {
    use crate::backend::{auth, ctx, services::privacy};
    super::respond(
        async {
            let user = auth::require_user().await?;
            privacy::delete_account(&ctx()?.db, user.id, &password, auth::client_addr()).await?;
            auth::log_out().await
        }
        .await,
    )
}
