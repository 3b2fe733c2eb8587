use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{get_volunteer, search_volunteers, ExportVolunteers};
use crate::backend::services::profiles::{CAUSES, GENDERS, LANGUAGES, MUNICIPALITIES, SKILLS};
use crate::backend::services::volunteers::AGE_BANDS;
use crate::components::filters;
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::components::taxonomy;
use crate::i18n::{format_date, format_datetime, num, t, use_i18n};
use crate::model::{VolunteerDetail, VolunteerPage, VolunteerQuery};

/// `/admin/volunteers`: the national database, searched by words (Arabic forgiving the way people
/// type it) and filters. The form is a GET, so a search is a link; the export posts the same filters.
#[component]
pub fn AdminVolunteersPage() -> impl IntoView {
    let q = |name| query_param(name).unwrap_or_default();
    let query = VolunteerQuery {
        words: q("words"),
        skill: q("skill"),
        cause: q("cause"),
        municipality: q("municipality"),
        age_band: q("age_band"),
        gender: q("gender"),
        language: q("language"),
        slot: q("slot"),
        page: query_param("page").and_then(|p| p.parse().ok()).unwrap_or(0).min(10_000),
    };
    view! {
        <Title text=t("volunteers-title")/>
        {guarded_with(query, search_volunteers, |page| view! { <Volunteers page/> })}
    }
}

fn pairs(q: &VolunteerQuery) -> [(&'static str, &str); 8] {
    [
        ("words", &q.words),
        ("skill", &q.skill),
        ("cause", &q.cause),
        ("municipality", &q.municipality),
        ("age_band", &q.age_band),
        ("gender", &q.gender),
        ("language", &q.language),
        ("slot", &q.slot),
    ]
}

fn page_link(q: &VolunteerQuery, page: u32) -> String {
    filters::page_link("/admin/volunteers", &pairs(q), page)
}

#[component]
fn Volunteers(page: VolunteerPage) -> impl IntoView {
    let i18n = use_i18n();
    let VolunteerPage { rows, has_more, errors, query } = page;
    let export_action = <ExportVolunteers as server_fn::ServerFn>::PATH;
    let sep = list_separator(i18n.lang);
    let choice = |name: &'static str, label: &'static str, options: Vec<(String, String)>, value: &str| {
        filters::select(name, label, options, value, filters::error_of(&errors, name))
    };
    let labelled = |prefix: &str, values: &[&str]| taxonomy::choices(i18n, prefix, values);
    let slots = taxonomy::slot_choices(i18n);
    let bands: Vec<(String, String)> = AGE_BANDS.iter().map(|(b, _, _)| (b.to_string(), b.to_string())).collect();
    let newer = (query.page > 0).then(|| page_link(&query, query.page - 1));
    let older = has_more.then(|| page_link(&query, query.page + 1));
    let export_fields: Vec<(String, String)> =
        pairs(&query).iter().map(|(k, v)| (format!("query[{k}]"), v.to_string())).collect();
    view! {
        <section class="panel" data-testid="volunteers">
            <h1>{t("volunteers-title")}</h1>
            <p class="lead">{t("volunteers-lead")}</p>
            <form class="form filters" method="get" action="/admin/volunteers" role="search">
                <div class="field">
                    <label for="filter-words">{t("filter-words")}</label>
                    <input id="filter-words" name="words" type="search" dir="auto" value=query.words.clone()/>
                </div>
                {choice("skill", "field-skills", labelled("skill", &SKILLS), &query.skill)}
                {choice("cause", "field-causes", labelled("cause", &CAUSES), &query.cause)}
                {choice("municipality", "field-municipality", labelled("municipality", &MUNICIPALITIES), &query.municipality)}
                {choice("age_band", "filter-age-band", bands, &query.age_band)}
                {choice("gender", "field-gender", labelled("gender", &GENDERS), &query.gender)}
                {choice("language", "field-languages", labelled("language", &LANGUAGES), &query.language)}
                {choice("slot", "field-availability", slots, &query.slot)}
                <button type="submit" class="button primary">{t("filter-submit")}</button>
            </form>
            // A plain post, not the island: the answer is the file.
            <form method="post" action=export_action class="form">
                {export_fields.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
                <button type="submit" class="button" data-testid="export-csv">{t("volunteers-export")}</button>
                <p class="aside">{t("volunteers-export-note")}</p>
            </form>
            {if rows.is_empty() {
                view! { <p data-testid="volunteers-empty">{t("volunteers-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t("volunteers-title")>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t("col-name")}</th>
                                    <th scope="col">{t("col-email")}</th>
                                    <th scope="col">{t("col-age")}</th>
                                    <th scope="col">{t("field-gender")}</th>
                                    <th scope="col">{t("field-municipality")}</th>
                                    <th scope="col">{t("field-skills")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let skills = r.skills.iter().map(|s| taxonomy::label(i18n, "skill", s)).collect::<Vec<_>>().join(sep);
                                    view! {
                                        <tr data-testid="volunteer-row">
                                            <td dir="auto"><A href=format!("/admin/volunteers/{}", r.user_id)>{r.full_name}</A></td>
                                            <td><bdi>{r.email}</bdi></td>
                                            <td>{r.age.map(|a| i18n.t_args("age-years", &[("age", num(a as f64))]))}</td>
                                            <td>{r.gender.map(|g| i18n.t(&format!("gender-{g}")))}</td>
                                            <td>{r.municipality.map(|m| i18n.t(&format!("municipality-{m}")))}</td>
                                            <td>{skills}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {filters::pager(newer, older)}
        </section>
    }
}

/// `/admin/volunteers/<id>`: one volunteer's whole profile (the view is logged).
#[component]
pub fn AdminVolunteerPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("volunteer-title")/>
        {guarded_with(id, get_volunteer, |d| view! { <Volunteer detail=d/> })}
    }
}

/// Between the items of a list: the Arabic comma in Arabic.
fn list_separator(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::Ar => "، ",
        crate::i18n::Lang::En => ", ",
    }
}

/// Labels of the stored values: taxonomy ids read in the page's language.
fn shown(i18n: crate::i18n::I18n, field: &str, value: &str) -> String {
    let prefix = match field {
        "gender" | "nationality" | "municipality" | "education" => field,
        "languages" => "language",
        "skills" => "skill",
        "causes" => "cause",
        "availability" => return taxonomy::slot_label(i18n, value),
        _ => return value.to_string(),
    };
    taxonomy::label(i18n, prefix, value)
}

#[component]
fn Volunteer(detail: VolunteerDetail) -> impl IntoView {
    let i18n = use_i18n();
    let mut fields: Vec<(String, Vec<String>)> = Vec::new();
    for (k, v) in detail.values {
        match fields.iter_mut().find(|(f, _)| *f == k) {
            Some((_, list)) => list.push(v),
            None => fields.push((k, vec![v])),
        }
    }
    view! {
        <section class="panel" data-testid="volunteer">
            <h1 dir="auto">{detail.full_name}</h1>
            <p class="aside">{t("volunteer-logged")}</p>
            <dl class="details">
                <dt>{t("col-email")}</dt><dd><bdi>{detail.email}</bdi></dd>
                <dt>{t("me-member-since")}</dt><dd>{format_date(i18n.lang, detail.member_since)}</dd>
                <dt>{t("col-age")}</dt><dd>{detail.age.map(|a| i18n.t_args("age-years", &[("age", num(a as f64))]))}</dd>
                <dt>{t("volunteer-completeness")}</dt>
                <dd>{i18n.t_args("profile-complete", &[("percent", num(detail.completeness as f64))])}</dd>
                {detail.guardian_consent_at.map(|at| view! {
                    <dt>{t("volunteer-guardian-consent")}</dt><dd>{format_datetime(i18n.lang, at)}</dd>
                })}
                {fields.into_iter().map(|(field, values)| {
                    let label = i18n.t(&format!("field-{}", field.replace('_', "-")));
                    let text_values = values.iter().map(|v| shown(i18n, &field, v)).collect::<Vec<_>>().join(list_separator(i18n.lang));
                    view! { <dt>{label}</dt><dd dir="auto">{text_values}</dd> }
                }).collect_view()}
            </dl>
            <p><A href="/admin/volunteers">{t("volunteers-back")}</A></p>
        </section>
    }
}
