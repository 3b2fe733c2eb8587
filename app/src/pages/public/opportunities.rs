use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{find_opportunities, get_opportunity, ApplyToShifts};
use crate::backend::services::profiles::{CAUSES, DAYS, MUNICIPALITIES, SKILLS};
use crate::components::filters;
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::components::taxonomy;
use crate::i18n::{format_datetime, num, t, text, use_i18n, I18n};
use crate::model::{Bilingual, OpportunityDetail, OpportunityList, OpportunityQuery};

/// `/opportunities`: what organizations need, soonest first. The filters are a GET form, so a
/// filtered list is a link and works without JavaScript.
#[component]
pub fn OpportunitiesPage() -> impl IntoView {
    let q = |name| query_param(name).unwrap_or_default();
    let query = OpportunityQuery {
        words: q("words"),
        cause: q("cause"),
        skill: q("skill"),
        municipality: q("municipality"),
        from: q("from"),
        to: q("to"),
        seats: q("seats"),
        day: q("day"),
        sort: q("sort"),
        page: query_param("page").and_then(|p| p.parse().ok()).unwrap_or(0).min(1000),
    };
    view! {
        <Title text=t("opportunities-title")/>
        {guarded_with(query, find_opportunities, |list| view! { <List list/> })}
    }
}

/// A title in the reader's language, or the other one marked with its language.
fn titled(i18n: I18n, title: &Bilingual) -> impl IntoView {
    let (text, other) = title.pick(i18n.lang);
    view! { <span lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{text}</span> }
}

fn page_link(q: &OpportunityQuery, page: u32) -> String {
    let filters = [
        ("words", q.words.as_str()),
        ("cause", &q.cause),
        ("skill", &q.skill),
        ("municipality", &q.municipality),
        ("from", &q.from),
        ("to", &q.to),
        ("seats", &q.seats),
        ("day", &q.day),
        ("sort", &q.sort),
    ];
    filters::page_link("/opportunities", &filters, page)
}

#[component]
fn List(list: OpportunityList) -> impl IntoView {
    let i18n = use_i18n();
    let OpportunityList { cards, has_more, errors, query, fit_needs_login } = list;
    let sorts = vec![("date".to_string(), t("sort-date")), ("fit".to_string(), t("sort-fit"))];
    let choice = |name: &'static str, label: &'static str, options: Vec<(String, String)>, value: &str| {
        filters::select(name, label, options, value, filters::error_of(&errors, name))
    };
    let date = |name: &'static str, label: &'static str, value: &str| {
        filters::input(name, label, "date", value, filters::error_of(&errors, name))
    };
    let newer = (query.page > 0).then(|| page_link(&query, query.page - 1));
    let older = has_more.then(|| page_link(&query, query.page + 1));
    view! {
        <section class="panel" data-testid="opportunities">
            <h1>{t("opportunities-title")}</h1>
            <p class="lead">{t("opportunities-lead")}</p>
            <form class="form filters" method="get" action="/opportunities" role="search">
                <div class="field">
                    <label for="filter-words">{t("filter-words-opportunity")}</label>
                    <input id="filter-words" name="words" type="search" dir="auto" value=query.words.clone()/>
                </div>
                {choice("cause", "field-cause", taxonomy::choices(i18n, "cause", &CAUSES), &query.cause)}
                {choice("skill", "field-skill", taxonomy::choices(i18n, "skill", &SKILLS), &query.skill)}
                {choice("municipality", "field-municipality-where", taxonomy::choices(i18n, "municipality", &MUNICIPALITIES), &query.municipality)}
                {date("from", "filter-from", &query.from)}
                {date("to", "filter-to", &query.to)}
                {choice("day", "filter-day", taxonomy::choices(i18n, "day", &DAYS), &query.day)}
                {choice("sort", "filter-sort", sorts, &query.sort)}
                <label class="choice" for="filter-seats">
                    <input type="checkbox" id="filter-seats" name="seats" value="1" checked=!query.seats.is_empty()/>
                    <span>{t("filter-seats")}</span>
                </label>
                <button type="submit" class="button primary">{t("filter-submit")}</button>
            </form>
            {fit_needs_login.then(|| view! {
                <p class="notice" data-testid="fit-needs-login">
                    {t("sort-fit-login")}" "<a href="/login?next=/opportunities%3Fsort%3Dfit">{t("nav-login")}</a>
                </p>
            })}
            {if cards.is_empty() {
                view! { <p data-testid="opportunities-empty">{t("opportunities-empty")}</p> }.into_any()
            } else {
                view! { <Cards cards/> }.into_any()
            }}
            {filters::pager(newer, older)}
        </section>
    }
}

/// Opportunity cards: what, who, where, when, seats; and for a volunteer, why it fits and
/// whether it clashes with a shift they are approved for.
#[component]
pub fn Cards(cards: Vec<crate::model::OpportunityCard>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
                    <ul class="cards">
                        {cards.into_iter().map(|c| view! {
                            <li class="card" data-testid="opportunity-card">
                                <h2><a href=format!("/opportunities/{}", c.id)>{titled(i18n, &c.title)}</a></h2>
                                <p class="card-org" dir="auto">{c.organization.get(i18n.lang).to_string()}</p>
                                <p>
                                    {taxonomy::label(i18n, "cause", &c.cause)}" · "
                                    {taxonomy::label(i18n, "municipality", &c.municipality)}
                                </p>
                                <p>{i18n.t_args("opportunity-next", &[("date", text(format_datetime(i18n.lang, c.next_start)))])}</p>
                                <p class="seats" data-testid="seats">
                                    {i18n.t_args("opportunity-seats", &[("taken", num(c.taken as f64)), ("capacity", num(c.capacity as f64))])}
                                </p>
                                {(!c.reasons.is_empty()).then(|| view! {
                                    <ul class="reasons" data-testid="reasons">
                                        {c.reasons.iter().map(|(kind, value)| {
                                            let what = match kind.as_str() {
                                                "skill" => taxonomy::label(i18n, "skill", value),
                                                "cause" => taxonomy::label(i18n, "cause", value),
                                                "near" => taxonomy::label(i18n, "municipality", value),
                                                _ => taxonomy::slot_label(i18n, value),
                                            };
                                            view! { <li>{i18n.t_args(&format!("reason-{kind}"), &[("what", text(what))])}</li> }
                                        }).collect_view()}
                                    </ul>
                                })}
                                {c.clash.then(|| view! { <p class="notice" data-testid="clash">{t("fit-clash")}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
    }
}

/// `/opportunities/<id>`: everything a volunteer needs to decide, and the Apply form.
#[component]
pub fn OpportunityPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    guarded_with(id, get_opportunity, |d| view! { <Opportunity detail=d/> })
}

#[component]
fn Opportunity(detail: OpportunityDetail) -> impl IntoView {
    let i18n = use_i18n();
    let (title, _) = detail.title.pick(i18n.lang);
    let (description, other) = detail.description.pick(i18n.lang);
    let skills =
        |list: &[String]| list.iter().map(|s| taxonomy::label(i18n, "skill", s)).collect::<Vec<_>>().join(", ");
    let open: Vec<(String, String)> = detail
        .shifts
        .iter()
        .filter(|s| s.mine.is_none())
        .map(|s| {
            let label = i18n.t_args(
                "shift-label",
                &[
                    ("start", text(format_datetime(i18n.lang, s.starts_at))),
                    ("end", text(format_datetime(i18n.lang, s.ends_at))),
                    ("taken", num(s.taken as f64)),
                    ("capacity", num(s.capacity as f64)),
                ],
            );
            (s.id.to_string(), label)
        })
        .collect();
    let here = format!("/opportunities/{}", detail.id);
    let apply = if !detail.signed_in {
        let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        view! { <p><A href=format!("/login?next={next}") attr:class="button primary">{t("opportunity-login-to-apply")}</A></p> }
            .into_any()
    } else if open.is_empty() {
        view! { <p>{t("opportunity-nothing-to-apply")}</p> }.into_any()
    } else {
        FormBuilder::new::<ApplyToShifts>("opportunity-apply")
            .hidden("opportunity_id", detail.id.to_string())
            .next(format!("{here}?applied=1"))
            .options("shifts", open)
            .input(Input::new("shifts", "field-shifts").checkboxes("shift", &[]))
            .input(
                Input::new("motivation", "field-motivation")
                    .kind("textarea")
                    .optional()
                    .dir_auto()
                    .hint("field-motivation-hint"),
            )
            .view()
            .into_any()
    };
    let gender_rule = detail.gender_rule.clone();
    view! {
        <Title text=title.clone()/>
        <section class="panel" data-testid="opportunity">
            <h1>{titled(i18n, &detail.title)}</h1>
            <p class="card-org"><a href=format!("/organizations/{}", detail.organization_slug) dir="auto">
                {detail.organization.get(i18n.lang).to_string()}
            </a></p>
            {query_param("applied").map(|_| view! { <p class="notice" role="status" data-testid="applied">{t("opportunity-applied")}</p> })}
            {(!description.is_empty()).then(|| view! {
                {other.map(|_| view! { <p class="aside">{t("org-description-other-language")}</p> })}
                <p lang=other.map(|l| l.code()) dir=other.map(|l| l.dir()).unwrap_or("auto")>{description}</p>
            })}
            <dl class="details">
                <dt>{t("field-cause")}</dt><dd>{taxonomy::label(i18n, "cause", &detail.cause)}</dd>
                <dt>{t("field-municipality-where")}</dt><dd>{taxonomy::label(i18n, "municipality", &detail.municipality)}</dd>
                <dt>{t("field-place")}</dt><dd dir="auto">{detail.place.clone()}</dd>
                <dt>{t("field-min-age")}</dt><dd>{i18n.t_args("age-years", &[("age", num(detail.min_age as f64))])}</dd>
                {(gender_rule != "any").then(|| view! {
                    <dt>{t("field-gender-rule")}</dt><dd>{i18n.t(&format!("gender-rule-{gender_rule}"))}</dd>
                })}
                {(!detail.required_skills.is_empty()).then(|| view! {
                    <dt>{t("field-required-skills")}</dt><dd>{skills(&detail.required_skills)}</dd>
                })}
                {(!detail.preferred_skills.is_empty()).then(|| view! {
                    <dt>{t("field-preferred-skills")}</dt><dd>{skills(&detail.preferred_skills)}</dd>
                })}
                {detail.required_qualification.as_ref().map(|q| view! {
                    <dt>{t("field-required-qualification")}</dt>
                    <dd data-testid="required-qualification">
                        {q.get(i18n.lang).to_string()}
                        {(!detail.granting_courses.is_empty()).then(|| view! {
                            <br/>{t("opportunity-granting-courses")}" "
                            {detail.granting_courses.iter().map(|c| {
                                let (title, other) = c.title.pick(i18n.lang);
                                view! {
                                    <a href=format!("/training/{}", c.id) data-testid="granting-course"
                                        lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</a>" "
                                }
                            }).collect_view()}
                        })}
                    </dd>
                })}
                {(detail.signup_cutoff_hours > 0).then(|| view! {
                    <dt>{t("field-signup-cutoff")}</dt>
                    <dd>{i18n.t_args("hours-before", &[("hours", num(detail.signup_cutoff_hours as f64))])}</dd>
                })}
                {(detail.withdraw_cutoff_hours > 0).then(|| view! {
                    <dt>{t("field-withdraw-cutoff")}</dt>
                    <dd>{i18n.t_args("hours-before", &[("hours", num(detail.withdraw_cutoff_hours as f64))])}</dd>
                })}
            </dl>
            <h2>{t("opportunity-shifts")}</h2>
            <ul class="plain-list" data-testid="shifts">
                {detail.shifts.iter().map(|s| view! {
                    <li>
                        {format_datetime(i18n.lang, s.starts_at)}" – "{format_datetime(i18n.lang, s.ends_at)}" · "
                        {i18n.t_args("opportunity-seats", &[("taken", num(s.taken as f64)), ("capacity", num(s.capacity as f64))])}
                        {s.mine.clone().map(|m| view! { " · "<strong data-testid="my-status">{i18n.t(&format!("application-status-{m}"))}</strong> })}
                    </li>
                }).collect_view()}
            </ul>
            {apply}
        </section>
    }
}
