//! What a page shows instead of its data when the server refused: the login form for a visitor,
//! a translated 403 for the wrong role, a plain message otherwise. The HTTP status was already set
//! by the server function the page called.

use std::future::Future;
use std::sync::Arc;

use futures::future::{BoxFuture, FutureExt, Shared};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;
use crate::model::AppError;
use crate::pages::public::LoginForm;

/// A fetch begun once per render, however often `<Suspense>` asks for it.
///
/// On the server, `<Suspense>` walks its children before it renders them (`dry_resolve`, once
/// first and once to double-check), and every walk calls the children's closure again. A
/// `Suspend::new(fetch())` written inside that closure was a new fetch per walk, polled once and
/// dropped. A fetch dropped while SQLx was pinging the pooled connection it was about to hand out
/// takes that connection with it (SQLx closes a connection whose ping was interrupted), so each
/// page view closed two pooled connections, and later requests opened new ones (a thread and a
/// file on SQLite, a server process on PostgreSQL) and prepared their statements again.
///
/// The fetch runs as its own task (with the render's reactive owner, so it sees the request's
/// context) and every walk awaits its one result. A task, not a future shared by the walks: a
/// shared future moves only while someone polls it, and one the first walk had started held its
/// connection, unpolled, until the render came back to it, so 32 people at once held all eight
/// connections while their pages' headers waited for one (every request timed out).
pub fn once<T, Fut>(fetch: Fut) -> Shared<BoxFuture<'static, Arc<T>>>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    let (tx, rx) = futures::channel::oneshot::channel();
    leptos::task::spawn(async move {
        let _ = tx.send(Arc::new(fetch.await));
    });
    rx.map(|done| done.expect("a page's fetch ends with a value (it panicked otherwise)")).boxed().shared()
}

/// A page's data for whoever is logged in, shown by `render`, or the [`Refusal`] the server
/// answered with. Rendered on the server only; nothing of the data is serialized into the page
/// beyond what `render` shows.
pub fn guarded<T, Fut, V>(
    fetch: impl Fn() -> Fut + Copy + Send + Sync + 'static,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
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
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let data = once(fetch(arg));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t("loading")}</p> }>
            {move || {
                let data = data.clone();
                Suspend::new(async move {
                    match &*data.await {
                        Ok(d) => render(d.clone()).into_any(),
                        Err(e) => view! { <Refusal error=e.clone()/> }.into_any(),
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use futures::StreamExt;
    use leptos::prelude::*;

    use super::guarded;
    use crate::model::AppError;

    /// `<Suspense>` walks its children twice before rendering them; the page's data is still asked
    /// for once, and that one fetch runs to its end (before, three fetches began and two were
    /// dropped half-way, each taking a pooled database connection with it).
    #[tokio::test]
    async fn a_guarded_page_fetches_its_data_once() {
        static STARTED: AtomicU32 = AtomicU32::new(0);
        static FINISHED: AtomicU32 = AtomicU32::new(0);
        _ = any_spawner::Executor::init_tokio();
        let owner = Owner::new();
        owner.set();
        let page = guarded(
            || async {
                STARTED.fetch_add(1, Ordering::SeqCst);
                // Waits as a database does: the first poll cannot finish it.
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                FINISHED.fetch_add(1, Ordering::SeqCst);
                Ok::<_, AppError>(41)
            },
            |n: i32| view! { <p>{n + 1}</p> },
        );
        let html = page.to_html_stream_in_order().collect::<String>().await;
        assert!(html.starts_with("<p>42"), "{html}");
        assert_eq!((STARTED.load(Ordering::SeqCst), FINISHED.load(Ordering::SeqCst)), (1, 1));
    }
}
