use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_my_profile;
use crate::components::guard::guarded;
use crate::i18n::{format_date, t, text, use_i18n};
use crate::model::MyProfile;

#[component]
pub fn MePage() -> impl IntoView {
    view! {
        <Title text=t("me-title")/>
        {guarded(get_my_profile, |d| view! { <Profile profile=d/> })}
    }
}

#[component]
fn Profile(profile: MyProfile) -> impl IntoView {
    let i18n = use_i18n();
    let name = profile.user.full_name.clone();
    let since = profile.member_since;
    let org = profile.user.coordinator_of.clone();
    view! {
        <section class="panel" data-testid="me">
            <h1>{i18n.t_args("me-greeting", &[("name", text(name))])}</h1>
            <p class="lead">{t("me-lead")}</p>
            <h2>{t("me-details")}</h2>
            <dl class="details">
                <dt>{t("me-email")}</dt>
                <dd><bdi>{profile.email}</bdi></dd>
                <dt>{t("me-member-since")}</dt>
                <dd>{format_date(i18n.lang, since)}</dd>
            </dl>
            <h2>{t("me-roles")}</h2>
            <ul class="badges">
                <li class="badge">{t("role-volunteer")}</li>
                {org.map(|o| view! {
                    <li class="badge">
                        {i18n.t_args("role-coordinator", &[("org", text(o.name.get(i18n.lang)))])}
                    </li>
                })}
                {profile.user.is_admin.then(|| view! { <li class="badge">{t("role-admin")}</li> })}
            </ul>
        </section>
    }
}
