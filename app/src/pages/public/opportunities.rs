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
use crate::i18n::{format_datetime, format_range, num, t, text, use_i18n, I18n};
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
    let when = q("when");
    let query = match when_range(&when, crate::backend::services::today()) {
        Some((from, to)) => OpportunityQuery { from: from.to_string(), to: to.to_string(), ..query },
        None => query,
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

/// The presets of the "When" filter: a period from today in Doha, as the `from` and `to` the
/// search reads. A preset instead of two date boxes: a browser draws a date box in its own
/// language and order ("mm/dd/yyyy" on an Arabic page), and a phone needs one tap, not two pickers.
pub const WHEN: [&str; 4] = ["today", "week", "weekend", "month"];

fn when_range(when: &str, today: chrono::NaiveDate) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::{Datelike, Duration, Weekday};
    match when {
        "today" => Some((today, today)),
        "week" => Some((today, today + Duration::days(6))),
        // Qatar's weekend: the coming Friday and Saturday (today, if it is one of them).
        "weekend" => {
            let to_friday = (Weekday::Fri.num_days_from_monday() as i64
                - today.weekday().num_days_from_monday() as i64)
                .rem_euclid(7);
            let friday = if today.weekday() == Weekday::Sat {
                today - Duration::days(1)
            } else {
                today + Duration::days(to_friday)
            };
            Some((friday.max(today), friday + Duration::days(1)))
        }
        "month" => Some((today, today + Duration::days(29))),
        _ => None,
    }
}

#[component]
fn List(list: OpportunityList) -> impl IntoView {
    let i18n = use_i18n();
    let when = query_param("when").filter(|w| WHEN.contains(&w.as_str())).unwrap_or_default();
    let OpportunityList { cards, has_more, errors, query, fit_needs_login } = list;
    let sorts = vec![("date".to_string(), t("sort-date")), ("fit".to_string(), t("sort-fit"))];
    let choice = |name: &'static str, label: &'static str, options: Vec<(String, String)>, value: &str| {
        filters::select(name, label, options, value, filters::error_of(&errors, name))
    };
    let whens: Vec<(String, String)> = WHEN.iter().map(|w| (w.to_string(), i18n.t(&format!("when-{w}")))).collect();
    // A period typed into the address (from, to) without a preset still shows, as its own chip.
    let shown = if when.is_empty() {
        query.clone()
    } else {
        OpportunityQuery { from: String::new(), to: String::new(), ..query.clone() }
    };
    let newer = (query.page > 0).then(|| link_with(&shown, &when, query.page - 1));
    let older = has_more.then(|| link_with(&shown, &when, query.page + 1));
    // The active filters as chips, each a link to the list without it.
    let mut chips: Vec<(String, String)> = Vec::new();
    let mut chip =
        |label: String, without: OpportunityQuery, when: &str| chips.push((label, link_with(&without, when, 0)));
    let q = &shown;
    if !q.words.is_empty() {
        chip(format!("“{}”", q.words), OpportunityQuery { words: String::new(), ..q.clone() }, &when)
    }
    if !q.cause.is_empty() {
        chip(taxonomy::label(i18n, "cause", &q.cause), OpportunityQuery { cause: String::new(), ..q.clone() }, &when)
    }
    if !q.skill.is_empty() {
        chip(taxonomy::label(i18n, "skill", &q.skill), OpportunityQuery { skill: String::new(), ..q.clone() }, &when)
    }
    if !q.municipality.is_empty() {
        chip(
            taxonomy::label(i18n, "municipality", &q.municipality),
            OpportunityQuery { municipality: String::new(), ..q.clone() },
            &when,
        )
    }
    if WHEN.contains(&when.as_str()) {
        chip(i18n.t(&format!("when-{when}")), q.clone(), "")
    }
    if !q.from.is_empty() || !q.to.is_empty() {
        chip(
            format!("{} – {}", q.from, q.to),
            OpportunityQuery { from: String::new(), to: String::new(), ..q.clone() },
            &when,
        )
    }
    if !q.day.is_empty() {
        chip(taxonomy::label(i18n, "day", &q.day), OpportunityQuery { day: String::new(), ..q.clone() }, &when)
    }
    if !q.seats.is_empty() {
        chip(i18n.t("filter-seats"), OpportunityQuery { seats: String::new(), ..q.clone() }, &when)
    }
    if q.sort == "fit" {
        chip(i18n.t("sort-fit"), OpportunityQuery { sort: String::new(), ..q.clone() }, &when)
    }
    let active = chips.len();
    let summary = if active == 0 {
        i18n.t("filter-open")
    } else {
        i18n.t_args("filter-open-count", &[("count", num(active as f64))])
    };
    let refused = !errors.is_empty();
    view! {
        <section class="panel discover" data-testid="opportunities">
            <div class="discover-head">
                <h1>{t("opportunities-title")}</h1>
                <p class="lead">{t("opportunities-lead")}</p>
            </div>
            // Results first; the filters behind a button on a phone, beside the results on a wide
            // screen (the same form, plain HTML: a filtered list is a link).
            <details class="filter-sheet" open=refused>
                <summary class="button secondary" data-testid="filter-open">{summary}</summary>
                <form class="form filters" method="get" action="/opportunities" role="search" aria-label=t("filter-open")>
                    <div class="field">
                        <label for="filter-words">{t("filter-words-opportunity")}</label>
                        <input id="filter-words" name="words" type="search" dir="auto" value=query.words.clone()/>
                    </div>
                    {choice("cause", "field-cause", taxonomy::choices(i18n, "cause", &CAUSES), &query.cause)}
                    {choice("skill", "field-skill", taxonomy::choices(i18n, "skill", &SKILLS), &query.skill)}
                    {choice("municipality", "field-municipality-where", taxonomy::choices(i18n, "municipality", &MUNICIPALITIES), &query.municipality)}
                    {choice("when", "filter-when", whens, &when)}
                    {choice("day", "filter-day", taxonomy::choices(i18n, "day", &DAYS), &query.day)}
                    {choice("sort", "filter-sort", sorts, &query.sort)}
                    {(!shown.from.is_empty()).then(|| view! { <input type="hidden" name="from" value=shown.from.clone()/> })}
                    {(!shown.to.is_empty()).then(|| view! { <input type="hidden" name="to" value=shown.to.clone()/> })}
                    {filters::error_of(&errors, "from").or_else(|| filters::error_of(&errors, "to")).map(|e| view! {
                        <p class="field-error" role="alert">{e}</p>
                    })}
                    <label class="choice" for="filter-seats">
                        <input type="checkbox" id="filter-seats" name="seats" value="1" checked=!query.seats.is_empty()/>
                        <span>{t("filter-seats")}</span>
                    </label>
                    <button type="submit" class="button primary">{t("filter-submit")}</button>
                </form>
            </details>
            <div class="results">
                {(active > 0).then(|| view! {
                    <ul class="chips" aria-label=t("filter-active") data-testid="filter-chips">
                        {chips.into_iter().map(|(label, href)| {
                            let remove = i18n.t_args("filter-remove", &[("what", text(label.clone()))]);
                            view! {
                                <li><a class="chip" href=href aria-label=remove data-testid="filter-chip">
                                    <span dir="auto">{label}</span><span aria-hidden="true">" ×"</span>
                                </a></li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {fit_needs_login.then(|| view! {
                    <p class="notice" data-testid="fit-needs-login">
                        {t("sort-fit-login")}" "<a href="/login?next=/opportunities%3Fsort%3Dfit">{t("nav-login")}</a>
                    </p>
                })}
                {if cards.is_empty() {
                    view! { <p class="empty" data-testid="opportunities-empty">{t("opportunities-empty")}</p> }.into_any()
                } else {
                    view! { <Cards cards/> }.into_any()
                }}
                {filters::pager(newer, older)}
            </div>
        </section>
    }
}

/// A page of the list with these filters and the "When" preset (which stands for `from`/`to`).
fn link_with(q: &OpportunityQuery, when: &str, page: u32) -> String {
    let filters = [
        ("words", q.words.as_str()),
        ("cause", &q.cause),
        ("skill", &q.skill),
        ("municipality", &q.municipality),
        ("when", when),
        ("from", &q.from),
        ("to", &q.to),
        ("seats", &q.seats),
        ("day", &q.day),
        ("sort", &q.sort),
    ];
    filters::page_link("/opportunities", &filters, page)
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
                                <p class="card-org" dir="auto">{c.organization.get(i18n.lang).to_string()}</p>
                                <h2 class="card-title"><a href=format!("/opportunities/{}", c.id)>{titled(i18n, &c.title)}</a></h2>
                                <p class="card-meta">
                                    <span class="tag">{taxonomy::label(i18n, "cause", &c.cause)}</span>
                                    <span class="tag">{taxonomy::label(i18n, "municipality", &c.municipality)}</span>
                                </p>
                                <p class="card-when">{i18n.t_args("opportunity-next", &[("date", text(format_datetime(i18n.lang, c.next_start)))])}</p>
                                <div class="seat-line">
                                    // The text says it; the bar shows it at a glance.
                                    <meter class="seat-bar" min="0" max=c.capacity.max(1).to_string() value=c.taken.to_string() aria-hidden="true"></meter>
                                    <p class="seats" data-testid="seats">
                                        {i18n.t_args("opportunity-seats", &[("taken", num(c.taken as f64)), ("capacity", num(c.capacity as f64))])}
                                    </p>
                                </div>
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
                    ("when", text(format_range(i18n.lang, s.starts_at, s.ends_at))),
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
                        {format_range(i18n.lang, s.starts_at, s.ends_at)}" · "
                        {i18n.t_args("opportunity-seats", &[("taken", num(s.taken as f64)), ("capacity", num(s.capacity as f64))])}
                        {s.mine.clone().map(|m| view! { " · "<strong data-testid="my-status">{i18n.t(&format!("application-status-{m}"))}</strong> })}
                    </li>
                }).collect_view()}
            </ul>
            {apply}
        </section>
    }
}
