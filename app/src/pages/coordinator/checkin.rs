use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::get_checkin_screen;
use crate::components::guard::guarded_with;
use crate::i18n::{format_range, t, use_i18n};
use crate::model::CheckinScreen;

/// `/org/shifts/<id>/checkin`: the shift's check-in code, for the coordinator to show on a screen.
/// Volunteers scan it with the phone's camera app; it changes every 30 seconds: the live island
/// fetches the page every five seconds and puts the new code in place (without JavaScript, a link
/// shows the next one).
#[component]
pub fn CheckinScreenPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("checkin-screen-title")/>
        {guarded_with(id, get_checkin_screen, |s| view! { <Screen screen=s/> })}
    }
}

#[component]
fn Screen(screen: CheckinScreen) -> impl IntoView {
    let i18n = use_i18n();
    let (title, other) = screen.opportunity.pick(i18n.lang);
    let CheckinScreen { shift, url, qr_svg, .. } = screen;
    view! {
        <section class="panel checkin" data-testid="checkin-screen">
            <h1>{t("checkin-screen-title")}": "<span lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</span></h1>
            <p>{format_range(i18n.lang, shift.starts_at, shift.ends_at)}</p>
            <p class="lead">{t("checkin-screen-lead")}</p>
            <div id="checkin-code" data-live="checkin-code" data-live-version=url.clone() data-live-every="5">
                <div class="qr checkin-qr" role="img" aria-label=t("checkin-screen-qr") inner_html=qr_svg></div>
                <p class="aside">{t("checkin-screen-link")}" "<a href=url.clone() data-testid="checkin-link" dir="ltr">{url.clone()}</a></p>
            </div>
            <p class="aside no-print"><a href=format!("/org/shifts/{}/checkin", shift.id)>{t("checkin-screen-next")}</a></p>
            <p><a href=format!("/org/shifts/{}", shift.id)>{t("roster-title")}</a></p>
        </section>
    }
}
