use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{get_invite, AcceptInvite};
use crate::components::forms::FormBuilder;
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{t, text, use_i18n};
use crate::model::InviteDetails;

/// The page an invitation mail links to. The invitation is for one address: the person logs in
/// (or registers) with it and accepts with a button (a POST; a mail scanner does not accept).
#[component]
pub fn InvitePage() -> impl IntoView {
    let token = query_param("token").unwrap_or_default();
    view! {
        <Title text=t("invite-title")/>
        <section class="panel narrow" data-testid="invite">
            <h1>{t("invite-title")}</h1>
            {guarded_with(token, get_invite, |d: Option<InviteDetails>| match d {
                Some(d) => view! { <Invite details=d/> }.into_any(),
                None => view! { <p role="alert" data-testid="invite-invalid">{t("err-link-invalid")}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn Invite(details: InviteDetails) -> impl IntoView {
    let i18n = use_i18n();
    let org = details.organization.name.get(i18n.lang).to_string();
    let token = query_param("token").unwrap_or_default();
    let here: String = form_urlencoded::byte_serialize(format!("/invite?token={token}").as_bytes()).collect();
    let lead = i18n.t_args("invite-lead", &[("org", text(org)), ("email", text(details.email.clone()))]);
    let action = match details.signed_in_as {
        Some(me) if me == details.email => FormBuilder::new::<AcceptInvite>("invite-accept")
            .hidden("token", token)
            .next("/org")
            .view()
            .into_any(),
        Some(me) => view! {
            <p class="notice" data-testid="invite-other">{i18n.t_args("invite-other-address", &[("email", text(me))])}</p>
        }
        .into_any(),
        None => view! {
            <p>{t("invite-sign-in")}</p>
            <ul class="links">
                <li><A href=format!("/login?next={here}")>{t("nav-login")}</A></li>
                <li><A href=format!("/register?next={here}")>{t("nav-register")}</A></li>
            </ul>
        }
        .into_any(),
    };
    view! {
        <p class="lead" dir="auto">{lead}</p>
        {action}
    }
}
