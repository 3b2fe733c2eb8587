use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_calendar_feed, get_for_you, get_notifications, SetCalendarFeed};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded;
use crate::i18n::{format_datetime, t, text, use_i18n};
use crate::model::Notice;

/// `/me/notifications`: what the bell counts, newest first, in the reader's language. Opening
/// the page marks them read; new ones arrive live.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! {
        <Title text=t("notifications-title")/>
        <section class="panel" data-testid="notifications">
            <h1>{t("notifications-title")}</h1>
            {guarded(get_notifications, |list| view! { <Notices list/> })}
        </section>
    }
}

#[component]
fn Notices(list: Vec<Notice>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="notices" id="notices" data-live="notices" data-live-keyed="">
            {if list.is_empty() {
                view! { <li data-live-key="none" data-testid="notifications-empty">{t("notifications-empty")}</li> }.into_any()
            } else {
                list.into_iter().map(|n| {
                    let (title, _) = n.title.pick(i18n.lang);
                    let when = n.starts_at.map(|s| format_datetime(i18n.lang, s)).unwrap_or_default();
                    let message = i18n.t_args(&format!("notice-{}", n.kind), &[("title", text(title)), ("when", text(when))]);
                    view! {
                        <li class=if n.read { "notice-item" } else { "notice-item unread" } data-live-key=n.id.to_string()
                            data-live-version="1" data-testid="notice">
                            <p>{(!n.read).then(|| view! { <span class="badge">{t("notifications-new")}</span>" " })}{message}</p>
                            {n.detail.map(|d| view! { <p dir="auto">{d}</p> })}
                            <p class="muted"><time datetime=n.created_at.to_rfc3339()>{format_datetime(i18n.lang, n.created_at)}</time></p>
                        </li>
                    }
                }).collect_view().into_any()
            }}
        </ul>
        <p><a href="/me">{t("nav-me")}</a></p>
    }
}

/// On `/me`: the address of my calendar feed of approved shifts, to add to a calendar app.
#[component]
pub fn CalendarFeed() -> impl IntoView {
    guarded(get_calendar_feed, |address| {
        view! {
            <h2>{t("calendar-title")}</h2>
            <p>{t("calendar-lead")}</p>
            {match address {
                Some(a) => view! {
                    <p><label for="calendar-address">{t("calendar-address")}</label></p>
                    <input id="calendar-address" class="copy" type="text" readonly=true dir="ltr" value=a data-testid="calendar-address"/>
                    <div class="review">
                        {FormBuilder::new::<SetCalendarFeed>("calendar-renew").scope("calendar-renew").view()}
                        {FormBuilder::new::<SetCalendarFeed>("calendar-stop").scope("calendar-stop").hidden("stop", "1").view()}
                    </div>
                }.into_any(),
                None => FormBuilder::new::<SetCalendarFeed>("calendar-start").scope("calendar-start").view().into_any(),
            }}
        }
    })
}

/// On `/me`: the opportunities that fit me best, with why; more by fit on `/opportunities`.
/// With nothing to suggest, it says what to do next: complete the profile, or (when it is
/// complete) look through everything open.
#[component]
pub fn ForYou(profile_complete: bool) -> impl IntoView {
    guarded(get_for_you, move |cards| {
        view! {
            <h2>{t("for-you-title")}</h2>
            {if cards.is_empty() && profile_complete {
                view! {
                    <p class="empty" data-testid="for-you-empty">
                        {t("for-you-none-now")}" "<a href="/opportunities">{t("home-feature-find-link")}</a>
                    </p>
                }.into_any()
            } else if cards.is_empty() {
                view! { <p class="empty" data-testid="for-you-empty">{t("for-you-empty")}" "<a href="/me/profile">{t("me-profile-edit")}</a></p> }.into_any()
            } else {
                view! {
                    <div data-testid="for-you"><crate::pages::public::Cards cards/></div>
                    <p><a href="/opportunities?sort=fit">{t("for-you-more")}</a></p>
                }.into_any()
            }}
        }
    })
}
