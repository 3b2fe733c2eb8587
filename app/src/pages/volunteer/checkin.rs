use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::check_in;
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{format_datetime, t, use_i18n};
use crate::model::{AppError, CheckedIn, FieldError};

/// Where a scanned check-in code lands (`/checkin/<shift>?t=…&c=…`): checked in at once, or told
/// why not (an old code, another shift's, outside the shift's window, not approved on it). Someone
/// not logged in logs in on the page and lands checked in.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let shift = use_params_map().with_untracked(|p| p.get("shift").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let step = query_param("t").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let code = query_param("c").unwrap_or_default();
    view! {
        <Title text=t("checkin-title")/>
        {guarded_with((shift, step, code), attempt, |outcome| view! { <Outcome outcome/> })}
    }
}

/// A refusal of the code is the page's answer, not an error page: its field error (translated by
/// the server function, or its message id).
async fn attempt((shift, step, code): (i32, i64, String)) -> Result<Result<CheckedIn, FieldError>, AppError> {
    match check_in(shift, step, code).await {
        Ok(done) => Ok(Ok(done)),
        Err(AppError::Validation(mut list)) if !list.is_empty() => Ok(Err(list.swap_remove(0))),
        Err(e) => Err(e),
    }
}

#[component]
fn Outcome(outcome: Result<CheckedIn, FieldError>) -> impl IntoView {
    let i18n = use_i18n();
    match outcome {
        Ok(done) => {
            let (title, other) = done.opportunity.pick(i18n.lang);
            view! {
                <section class="panel narrow" data-testid="checked-in">
                    <h1>{t("checkin-done")}</h1>
                    <p><span lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</span></p>
                    <p role="status">{i18n.t_args("checkin-done-at", &[("time", crate::i18n::text(format_datetime(i18n.lang, done.at)))])}</p>
                    {done.late.then(|| view! { <p data-testid="checkin-late">{t("checkin-late")}</p> })}
                    <p><a href="/me">{t("me-title")}</a></p>
                </section>
            }
            .into_any()
        }
        Err(why) => view! {
            <section class="panel narrow" data-testid="checkin-refused">
                <h1>{t("checkin-title")}</h1>
                <p role="alert">{why.text.clone().unwrap_or_else(|| i18n.t(&why.message))}</p>
                <p><a href="/me">{t("me-title")}</a></p>
            </section>
        }
        .into_any(),
    }
}
