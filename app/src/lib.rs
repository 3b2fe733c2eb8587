//! Tam (تم): the Leptos application, in islands mode.
//!
//! Pages are rendered on the server, in the request's language, and never compiled for the browser:
//! everything but [`model`] and [`islands`] is `ssr`-only. What must react in the browser is an
//! `#[island]` in [`islands`]; it gets plain, already translated data as props. How to write a page
//! and an island: `docs/architecture.md`. Every route lives in [`App`].

#![recursion_limit = "256"]

pub mod islands;
pub mod model;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod pages;

#[cfg(feature = "ssr")]
pub use server_side::{shell, App};

#[cfg(feature = "ssr")]
mod server_side {
    use leptos::prelude::*;
    use leptos_meta::{provide_meta_context, Html, Link, Meta, MetaTags, Title};
    use leptos_router::{
        components::{Route, Router, Routes},
        path, SsrMode, StaticSegment,
    };

    use crate::components::layout::{Footer, Header, SkipLink};
    use crate::i18n::{provide_i18n, t};
    use crate::pages::{
        admin::{
            AdminPage, AdminVolunteerPage, AdminVolunteersPage, AuditLogPage, OrganizationsQueuePage, OutboxPage,
            TiersPage,
        },
        coordinator::{
            ApplyPage, CheckinScreenPage, CourseRosterPage, ManageTrainingPage, OrgApplicationsPage, OrgHoursPage,
            OrgOpportunitiesPage, OrgOpportunityEditPage, OrgPage, OrgStatsPage, RosterPage,
        },
        not_found::NotFound,
        public::{
            CharterPage, ConsentPage, CoursePageView, ForgotPage, HomePage, ImpactPage, InvitePage, LoginCodePage,
            LoginPage, OpportunitiesPage, OpportunityPage, OrganizationPage, PrivacyPage, RegisterPage, ResetPage,
            TrainingPage, VerifyPage,
        },
        volunteer::{
            CertificatePage, CheckInPage, MePage, MfaPage, NotificationsPage, PrivacySettingsPage, ProfilePage,
            SecurityPage, VerifyCertificatePage,
        },
    };

    /// The HTML document. `<html lang dir>` comes from [`App`] (leptos_meta), not from here.
    pub fn shell(options: LeptosOptions) -> impl IntoView {
        view! {
            <!DOCTYPE html>
            <html>
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <AutoReload options=options.clone()/>
                    <crate::components::assets::Stylesheet options=options.clone()/>
                    <crate::components::assets::IslandScripts options/>
                    <MetaTags/>
                </head>
                <body>
                    <App/>
                </body>
            </html>
        }
    }

    /// Pages may run only their own scripts: the hydration script carries this response's nonce, the
    /// module and WASM come from this origin. An injected `<script>` would have no nonce and not run.
    fn set_content_security_policy() {
        use axum::http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
        let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        else {
            return;
        };
        // `cargo leptos watch` reloads the page through a websocket on its own port.
        let watch = if std::env::var("LEPTOS_WATCH").is_ok_and(|v| v == "true") { " ws:" } else { "" };
        let policy = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; font-src 'self'; connect-src 'self'{watch}; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            res.insert_header(CONTENT_SECURITY_POLICY, value);
        }
    }

    #[component]
    pub fn App() -> impl IntoView {
        provide_meta_context();
        let i18n = provide_i18n();
        set_content_security_policy();
        let lang = i18n.lang;

        view! {
            <Html {..} lang=lang.code() dir=lang.dir()/>
            // Every page's title ends with the platform's name: "صفحتي — تم", "My page — Tam".
            <Title formatter=move |page: String| format!("{page} — {}", i18n.t("app-name"))/>
            <Link rel="icon" href=crate::components::assets::FAVICON type_="image/svg+xml"/>
            {crate::components::assets::font_preloads(lang)}
            <Meta name="description" content=t("app-tagline")/>
            <Router>
                <SkipLink/>
                <Header/>
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFound>
                        <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("register") view=RegisterPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async/>
                        <Route path=path!("/login/code") view=LoginCodePage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("forgot") view=ForgotPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("reset") view=ResetPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("verify") view=VerifyPage ssr=SsrMode::Async/>
                        <Route path=path!("/verify/:code") view=VerifyCertificatePage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("impact") view=ImpactPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("training") view=TrainingPage ssr=SsrMode::Async/>
                        <Route path=path!("/training/:id") view=CoursePageView ssr=SsrMode::Async/>
                        <Route path=path!("/org/training") view=|| view! { <ManageTrainingPage network=false/> } ssr=SsrMode::Async/>
                        <Route path=path!("/org/training/:id") view=|| view! { <CourseRosterPage network=false/> } ssr=SsrMode::Async/>
                        <Route path=path!("/admin/training") view=|| view! { <ManageTrainingPage network=true/> } ssr=SsrMode::Async/>
                        <Route path=path!("/admin/training/:id") view=|| view! { <CourseRosterPage network=true/> } ssr=SsrMode::Async/>
                        <Route path=path!("/me/certificates/:id") view=CertificatePage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("me") view=MePage ssr=SsrMode::Async/>
                        <Route path=path!("/me/profile") view=ProfilePage ssr=SsrMode::Async/>
                        <Route path=path!("/me/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("consent") view=ConsentPage ssr=SsrMode::Async/>
                        <Route path=path!("/me/security") view=SecurityPage ssr=SsrMode::Async/>
                        <Route path=path!("/me/mfa") view=MfaPage ssr=SsrMode::Async/>
                        <Route path=path!("/me/privacy") view=PrivacySettingsPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("privacy") view=PrivacyPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("charter") view=CharterPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("invite") view=InvitePage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("opportunities") view=OpportunitiesPage ssr=SsrMode::Async/>
                        <Route path=path!("/opportunities/:id") view=OpportunityPage ssr=SsrMode::Async/>
                        <Route path=path!("/organizations/:slug") view=OrganizationPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("org") view=OrgPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/apply") view=ApplyPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/stats") view=OrgStatsPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/opportunities") view=OrgOpportunitiesPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/opportunities/:id") view=OrgOpportunityEditPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/applications") view=OrgApplicationsPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/hours") view=OrgHoursPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/shifts/:id") view=RosterPage ssr=SsrMode::Async/>
                        <Route path=path!("/org/shifts/:id/checkin") view=CheckinScreenPage ssr=SsrMode::Async/>
                        <Route path=path!("/checkin/:shift") view=CheckInPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("admin") view=AdminPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/audit") view=AuditLogPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/outbox") view=OutboxPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/tiers") view=TiersPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/organizations") view=OrganizationsQueuePage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/volunteers") view=AdminVolunteersPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/volunteers/:id") view=AdminVolunteerPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <Footer/>
            </Router>
        }
    }
}
