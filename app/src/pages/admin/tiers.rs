use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{get_tiers, RemoveTier, SaveTier};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::i18n::{num, t, use_i18n};
use crate::model::TierRow;

/// `/admin/tiers`: the recognition tiers volunteers reach by approved hours.
#[component]
pub fn TiersPage() -> impl IntoView {
    view! {
        <Title text=t("tiers-title")/>
        {guarded(get_tiers, |rows| view! { <Tiers rows/> })}
    }
}

fn tier_form(tier: Option<&TierRow>) -> impl IntoView {
    let (scope, submit) = match tier {
        Some(r) => (format!("tier-{}", r.id), "tiers-save"),
        None => ("tier-new".to_string(), "tiers-add"),
    };
    let mut form = FormBuilder::new::<SaveTier>(submit)
        .scope(scope)
        .next("/admin/tiers")
        .input(Input::new("name_ar", "tiers-name-ar").dir_auto())
        .input(Input::new("name_en", "tiers-name-en").dir_auto())
        .input(Input::new("min_hours", "tiers-min-hours").kind("number"));
    if let Some(r) = tier {
        form = form
            .hidden("tier_id", r.id.to_string())
            .value("name_ar", r.name.ar.clone())
            .value("name_en", r.name.en.clone())
            .value("min_hours", r.min_hours.to_string());
    }
    form.view()
}

#[component]
fn Tiers(rows: Vec<TierRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" data-testid="tiers">
            <h1>{t("tiers-title")}</h1>
            <p class="lead">{t("tiers-lead")}</p>
            <p><a href="/admin">{t("admin-title")}</a></p>
            {if rows.is_empty() {
                view! { <p>{t("tiers-empty")}</p> }.into_any()
            } else {
                rows.iter().map(|r| view! {
                    <article class="card" data-testid="tier">
                        <h2>
                            {r.name.get(i18n.lang).to_string()}" · "
                            {i18n.t_args("tiers-from", &[("hours", num(r.min_hours))])}
                        </h2>
                        {tier_form(Some(r))}
                        {FormBuilder::new::<RemoveTier>("tiers-remove")
                            .scope(format!("tier-remove-{}", r.id))
                            .hidden("tier_id", r.id.to_string())
                            .next("/admin/tiers")
                            .view()}
                    </article>
                }).collect_view().into_any()
            }}
            <h2>{t("tiers-new")}</h2>
            {tier_form(None)}
        </section>
    }
}
