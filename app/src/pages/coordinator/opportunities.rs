use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{
    get_org_opportunities, get_org_opportunity, AddShifts, CreateOpportunity, DuplicateOpportunity, EditShift,
    SetOpportunityStatus, UpdateOpportunity,
};
use crate::backend::services::opportunities::GENDER_RULES;
use crate::backend::services::profiles::{CAUSES, MUNICIPALITIES, SKILLS};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::{guarded, guarded_with};
use crate::components::query_param;
use crate::i18n::{format_datetime, num, t, use_i18n};
use crate::model::{OpportunityEdit, OrgOpportunityRow};

/// `/org/opportunities`: the organization's opportunities (publish, close) and a new one.
#[component]
pub fn OrgOpportunitiesPage() -> impl IntoView {
    view! {
        <Title text=t("org-opportunities-title")/>
        {guarded(get_org_opportunities, |rows| view! { <Opportunities rows/> })}
    }
}

#[component]
fn Opportunities(rows: Vec<OrgOpportunityRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" data-testid="org-opportunities">
            <h1>{t("org-opportunities-title")}</h1>
            {query_param("created").map(|_| view! { <p class="notice" role="status" data-testid="created">{t("org-opportunity-created")}</p> })}
            {if rows.is_empty() {
                view! { <p>{t("org-opportunities-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {rows.into_iter().map(|r| {
                            let (title, other) = r.title.pick(i18n.lang);
                            let id = r.id.to_string();
                            let action = match r.status.as_str() {
                                "draft" => Some(("published", "org-opportunity-publish")),
                                "published" => Some(("closed", "org-opportunity-close")),
                                _ => None,
                            };
                            view! {
                                <li class="card" data-testid="org-opportunity">
                                    <h2 lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</h2>
                                    <p><strong>{i18n.t(&format!("opportunity-status-{}", r.status))}</strong></p>
                                    <p>
                                        {r.next_start.map(|d| i18n.t_args("opportunity-next", &[("date", crate::i18n::text(format_datetime(i18n.lang, d)))]))}
                                    </p>
                                    <p>{i18n.t_args("opportunity-seats", &[("taken", num(r.taken as f64)), ("capacity", num(r.capacity as f64))])}</p>
                                    <p>{i18n.t_args("org-opportunity-pending", &[("count", num(r.pending as f64))])}</p>
                                    {(!r.upcoming.is_empty()).then(|| view! {
                                        <ul class="shift-list">
                                            {r.upcoming.iter().map(|s| view! {
                                                <li>
                                                    <a href=format!("/org/shifts/{}", s.id) data-testid="roster-link">
                                                        {t("roster-link")}": "{format_datetime(i18n.lang, s.starts_at)}
                                                    </a>
                                                    " ("{i18n.t_args("opportunity-seats", &[("taken", num(s.taken as f64)), ("capacity", num(s.capacity as f64))])}")"
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                    <p><a href=format!("/org/opportunities/{id}") data-testid="edit-link">{t("org-opportunity-edit")}</a></p>
                                    <div class="review">
                                        {action.map(|(status, label)| FormBuilder::new::<SetOpportunityStatus>(label)
                                            .scope(format!("status-{id}"))
                                            .hidden("opportunity_id", id.clone())
                                            .hidden("status", status)
                                            .view())}
                                        {FormBuilder::new::<DuplicateOpportunity>("org-opportunity-duplicate")
                                            .scope(format!("copy-{id}"))
                                            .hidden("opportunity_id", id.clone())
                                            .view()}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h2>{t("org-opportunity-new")}</h2>
            <p>{t("org-opportunity-new-lead")}</p>
            {FormBuilder::new::<CreateOpportunity>("org-opportunity-create")
                .next("/org/opportunities?created=1")
                .input(Input::new("title_ar", "field-title-ar").optional().dir_auto())
                .input(Input::new("title_en", "field-title-en").optional().dir_auto())
                .input(Input::new("description_ar", "field-description-ar").kind("textarea").optional().dir_auto())
                .input(Input::new("description_en", "field-description-en").kind("textarea").optional().dir_auto())
                .input(Input::new("cause", "field-cause").select("cause", &CAUSES))
                .input(Input::new("municipality", "field-municipality-where").select("municipality", &MUNICIPALITIES))
                .input(Input::new("place", "field-place").dir_auto())
                .input(Input::new("required_skills", "field-required-skills").optional().checkboxes("skill", &SKILLS))
                .input(Input::new("min_age", "field-min-age").kind("number").optional().hint("field-min-age-hint"))
                .input(Input::new("gender_rule", "field-gender-rule").optional().select("gender-rule", &GENDER_RULES))
                .input(Input::new("signup_cutoff_hours", "field-signup-cutoff").kind("number").optional().hint("field-cutoff-hint"))
                .input(Input::new("withdraw_cutoff_hours", "field-withdraw-cutoff").kind("number").optional().hint("field-cutoff-hint"))
                .input(Input::new("starts", "field-shift-starts").kind("datetime-local").hint("field-shift-time-hint"))
                .input(Input::new("ends", "field-shift-ends").kind("datetime-local"))
                .input(Input::new("capacity", "field-capacity").kind("number"))
                .input(Input::new("weeks", "field-weeks").kind("number").optional().hint("field-weeks-hint"))
                .view()}
        </section>
    }
}

const SCOPES: [&str; 2] = ["this", "following"];

/// `/org/opportunities/<id>`: change an opportunity's details, its shifts (one, or the rest of a
/// series), and add shifts.
#[component]
pub fn OrgOpportunityEditPage() -> impl IntoView {
    let id = leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("org-opportunity-edit")/>
        {guarded_with(id, get_org_opportunity, |o| view! { <Edit o/> })}
    }
}

#[component]
fn Edit(o: OpportunityEdit) -> impl IntoView {
    let i18n = use_i18n();
    let id = o.id.to_string();
    let mut details = FormBuilder::new::<UpdateOpportunity>("org-opportunity-save")
        .scope("details")
        .next(format!("/org/opportunities/{id}?saved=1"))
        .hidden("opportunity_id", id.clone())
        .input(Input::new("title_ar", "field-title-ar").optional().dir_auto())
        .input(Input::new("title_en", "field-title-en").optional().dir_auto())
        .input(Input::new("description_ar", "field-description-ar").kind("textarea").optional().dir_auto())
        .input(Input::new("description_en", "field-description-en").kind("textarea").optional().dir_auto())
        .input(Input::new("cause", "field-cause").select("cause", &CAUSES))
        .input(Input::new("municipality", "field-municipality-where").select("municipality", &MUNICIPALITIES))
        .input(Input::new("place", "field-place").dir_auto())
        .input(Input::new("required_skills", "field-required-skills").optional().checkboxes("skill", &SKILLS))
        .input(Input::new("preferred_skills", "field-preferred-skills").optional().checkboxes("skill", &SKILLS))
        .input(
            Input::new("required_qualification", "field-required-qualification")
                .kind("select")
                .optional()
                .hint("field-required-qualification-hint"),
        )
        .options(
            "required_qualification",
            o.qualifications.iter().map(|q| (q.id.to_string(), q.name.get(i18n.lang).to_string())).collect(),
        )
        .input(Input::new("min_age", "field-min-age").kind("number").optional().hint("field-min-age-hint"))
        .input(Input::new("gender_rule", "field-gender-rule").optional().select("gender-rule", &GENDER_RULES))
        .input(
            Input::new("signup_cutoff_hours", "field-signup-cutoff")
                .kind("number")
                .optional()
                .hint("field-cutoff-hint"),
        )
        .input(
            Input::new("withdraw_cutoff_hours", "field-withdraw-cutoff")
                .kind("number")
                .optional()
                .hint("field-cutoff-hint"),
        )
        .checked("required_skills", &o.required_skills)
        .checked("preferred_skills", &o.preferred_skills);
    for (name, value) in &o.fields {
        details = details.value(name, value.clone());
    }
    view! {
        <section class="panel" data-testid="opportunity-edit">
            <h1>{t("org-opportunity-edit")}</h1>
            <p><strong>{i18n.t(&format!("opportunity-status-{}", o.status))}</strong></p>
            {query_param("saved").map(|_| view! { <p class="notice" role="status" data-testid="saved">{t("org-opportunity-saved")}</p> })}
            {query_param("copied").map(|_| view! { <p class="notice" role="status" data-testid="copied">{t("org-opportunity-copied")}</p> })}
            {details.view()}
            <h2>{t("org-opportunity-shifts")}</h2>
            {if o.shifts.is_empty() {
                view! { <p>{t("org-opportunity-no-shifts")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {o.shifts.into_iter().map(|s| {
                            let mut form = FormBuilder::new::<EditShift>("org-shift-save")
                                .scope(format!("shift-{}", s.id))
                                .hidden("shift_id", s.id.to_string())
                                .input(Input::new("starts", "field-shift-starts").kind("datetime-local").hint("field-shift-time-hint"))
                                .input(Input::new("ends", "field-shift-ends").kind("datetime-local"))
                                .input(Input::new("capacity", "field-capacity").kind("number"))
                                .value("starts", s.starts.clone())
                                .value("ends", s.ends.clone())
                                .value("capacity", s.capacity.to_string());
                            if s.in_series {
                                form = form
                                    .input(Input::new("scope", "field-shift-scope").select("shift-scope", &SCOPES))
                                    .value("scope", "this");
                            }
                            view! {
                                <li class="card" data-testid="edit-shift">
                                    <p>{i18n.t_args("opportunity-seats", &[("taken", num(s.taken as f64)), ("capacity", num(s.capacity as f64))])}</p>
                                    {form.view()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h2>{t("org-opportunity-add-shifts")}</h2>
            {FormBuilder::new::<AddShifts>("org-shift-add")
                .scope("add")
                .hidden("opportunity_id", id.clone())
                .input(Input::new("starts", "field-shift-starts").kind("datetime-local").hint("field-shift-time-hint"))
                .input(Input::new("ends", "field-shift-ends").kind("datetime-local"))
                .input(Input::new("capacity", "field-capacity").kind("number"))
                .input(Input::new("weeks", "field-weeks").kind("number").optional().hint("field-weeks-hint"))
                .view()}
            <p><a href="/org/opportunities">{t("org-opportunities-title")}</a></p>
        </section>
    }
}
