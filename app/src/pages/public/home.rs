use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::get_public_stats;
use crate::i18n::{num, t, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let stats = crate::components::guard::once(get_public_stats());
    let counts = move || {
        let stats = stats.clone();
        Suspend::new(async move {
            stats.await.as_ref().clone().ok().map(|s| {
                view! {
                    <p class="counts" data-testid="home-counts">
                        <span>{i18n.t_args("home-volunteer-count", &[("count", num(s.volunteers as f64))])}</span>
                        " · "
                        <span>{i18n.t_args("home-org-count", &[("count", num(s.organizations as f64))])}</span>
                    </p>
                }
            })
        })
    };
    view! {
        <Title text=t("home-title")/>
        {crate::components::query_param("deleted").map(|_| view! {
            <p class="notice" role="status" data-testid="account-deleted">{t("home-account-deleted")}</p>
        })}
        <section class="hero">
            <h1>{t("home-heading")}</h1>
            <p class="lead">{t("home-lead")}</p>
            <Suspense fallback=|| ()>{counts}</Suspense>
            <div class="actions">
                <A href="/opportunities" attr:class="button primary" attr:data-testid="home-find">{t("home-cta-find")}</A>
                <A href="/register" attr:class="button secondary">{t("home-cta-register")}</A>
            </div>
        </section>
        <section class="features">
            <article class="feature">
                <h2>{t("home-feature-find-title")}</h2>
                <p>{t("home-feature-find-body")}</p>
                <p><A href="/opportunities">{t("home-feature-find-link")}</A></p>
            </article>
            <article class="feature">
                <h2>{t("home-feature-track-title")}</h2>
                <p>{t("home-feature-track-body")}</p>
            </article>
            <article class="feature">
                <h2>{t("home-feature-grow-title")}</h2>
                <p>{t("home-feature-grow-body")}</p>
            </article>
        </section>
        <p class="for-organizations">
            {t("home-for-organizations")}" "<A href="/org/apply">{t("apply-title")}</A>
        </p>
    }
}
