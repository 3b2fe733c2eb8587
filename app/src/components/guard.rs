//! What a page shows instead of its data when the server refused: the login form for a visitor,
//! a translated 403 for the wrong role, a plain message otherwise. The HTTP status was already set
//! by the server function the page called.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;
use crate::model::AppError;
use crate::pages::public::LoginForm;

/// A page's data for whoever is logged in, shown by `render`, or the [`Refusal`] the server
/// answered with. Rendered on the server only; nothing of the data is serialized into the page
/// beyond what `render` shows.
pub fn guarded<T, Fut, V>(
    fetch: impl Fn() -> Fut + Copy + Send + Sync + 'static,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    guarded_with((), move |()| fetch(), render)
}

/// [`guarded`], for a fetch that takes what the page read from its URL (filters, a page number).
pub fn guarded_with<A, T, Fut, V>(
    arg: A,
    fetch: impl Fn(A) -> Fut + Copy + Send + Sync + 'static,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    A: Clone + Send + Sync + 'static,
    T: Send + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t("loading")}</p> }>
            {move || {
                let arg = arg.clone();
                Suspend::new(async move {
                match fetch(arg).await {
                    Ok(d) => render(d).into_any(),
                    Err(e) => view! { <Refusal error=e/> }.into_any(),
                }
            })
            }}
        </Suspense>
    }
}

#[component]
pub fn Refusal(error: AppError) -> impl IntoView {
    match error {
        AppError::Unauthorized => view! {
            <section class="panel narrow" data-testid="unauthorized">
                <h1>{t("unauthorized-title")}</h1>
                <p>{t("unauthorized-body")}</p>
                <LoginForm/>
            </section>
        }
        .into_any(),
        AppError::MfaRequired => view! {
            <section class="panel narrow" data-testid="mfa-required">
                <h1>{t("mfa-required-title")}</h1>
                <p>{t("err-mfa-required")}</p>
                <p><A href="/me/security">{t("mfa-required-go")}</A></p>
            </section>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <section class="panel narrow" data-testid="forbidden">
                <h1>{t("forbidden-title")}</h1>
                <p>{t("forbidden-body")}</p>
                <p><A href="/">{t("back-home")}</A></p>
            </section>
        }
        .into_any(),
        other => view! {
            <section class="panel narrow" role="alert">
                <h1>{t("error-title")}</h1>
                <p>{t(other.message_id())}</p>
            </section>
        }
        .into_any(),
    }
}
