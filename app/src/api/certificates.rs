//! Certificates: a volunteer issues and prints their own; anyone verifies one by its code.

use leptos::prelude::*;

use crate::model::{AppError, CertificatePrint, VerifiedCertificate};

/// Issues a certificate for all the volunteer's hours, an organization's, or a period's.
#[server(endpoint = "issue_certificate")]
pub async fn issue_certificate(
    scope: String,
    organization: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<i32, AppError> {
    use crate::backend::services::{certificates, now, today};
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let request = certificates::Request {
                scope,
                organization: organization.unwrap_or_default(),
                from: from.unwrap_or_default(),
                to: to.unwrap_or_default(),
            };
            certificates::issue(&ctx()?.db, user.id, &request, today(), now()).await
        }
        .await,
    )
}

/// One of the volunteer's own certificates, to print.
#[server(endpoint = "certificate")]
pub async fn get_certificate(id: i32) -> Result<CertificatePrint, AppError> {
    use crate::backend::services::certificates;
    use crate::backend::{auth, ctx};
    super::respond(
        async {
            let user = auth::require_user().await?;
            let c = ctx()?;
            certificates::printable(&c.db, user.id, id, &c.public_url).await
        }
        .await,
    )
}

/// Public: what a certificate's code shows.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(code: String) -> Result<VerifiedCertificate, AppError> {
    use crate::backend::{ctx, services::certificates};
    super::respond(async { certificates::verify(&ctx()?.db, &code).await }.await)
}
