use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::get_public_organization;
use crate::components::guard::guarded_with;
use crate::i18n::{format_date, t, text, use_i18n, Lang};
use crate::model::PublicOrganization;

/// `/organizations/<slug>`: an approved organization as anyone sees it. A description missing in
/// the page's language is shown in the other, marked with its language.
#[component]
pub fn OrganizationPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    guarded_with(slug, get_public_organization, |o| view! { <Organization org=o/> })
}

#[component]
fn Organization(org: PublicOrganization) -> impl IntoView {
    let i18n = use_i18n();
    let name = org.name.get(i18n.lang).to_string();
    let (mine, other) = match i18n.lang {
        Lang::Ar => (org.description_ar.clone(), org.description_en.clone()),
        Lang::En => (org.description_en.clone(), org.description_ar.clone()),
    };
    let description = match (mine, other) {
        (Some(d), _) => Some(view! { <p dir="auto">{d}</p> }.into_any()),
        (None, Some(d)) => {
            let lang = i18n.lang.other();
            Some(
                view! {
                    <p class="aside">{t("org-description-other-language")}</p>
                    <p lang=lang.code() dir=lang.dir()>{d}</p>
                }
                .into_any(),
            )
        }
        (None, None) => None,
    };
    view! {
        <Title text=name.clone()/>
        <section class="panel" data-testid="organization">
            <h1 dir="auto">{name}</h1>
            {description}
            <dl class="details">
                {org.sector.map(|s| view! { <dt>{t("field-sector")}</dt><dd>{i18n.t(&format!("sector-{s}"))}</dd> })}
                {org.municipality.map(|m| view! {
                    <dt>{t("field-org-municipality")}</dt><dd>{i18n.t(&format!("municipality-{m}"))}</dd>
                })}
                {org.website.map(|w| view! {
                    <dt>{t("field-website")}</dt>
                    <dd><a href=w.clone() rel="noopener nofollow" dir="ltr">{w.clone()}</a></dd>
                })}
                <dt>{t("org-on-tam-since")}</dt>
                <dd>{format_date(i18n.lang, org.since)}</dd>
            </dl>
            <h2>{t("org-public-opportunities")}</h2>
            {if org.opportunities.is_empty() {
                view! {
                    <p class="empty" data-testid="org-no-opportunities">
                        {i18n.t_args("org-public-none", &[("org", text(org.name.get(i18n.lang).to_string()))])}" "
                        <a href="/opportunities">{t("home-feature-find-link")}</a>
                    </p>
                }.into_any()
            } else {
                let cards = org.opportunities.clone();
                view! { <div data-testid="org-opportunities"><crate::pages::public::Cards cards/></div> }.into_any()
            }}
        </section>
    }
}
