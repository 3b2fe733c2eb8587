use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{get_course_roster, get_managed_courses, AddCourseSessions, CreateCourse, MarkSession};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{format_range, num, t, use_i18n};
use crate::model::{CourseCard, CourseRoster, QualificationChoice};
use crate::pages::public::CourseItem;

fn network_flag(network: bool) -> Option<String> {
    network.then(|| "1".to_string())
}

fn base(network: bool) -> &'static str {
    if network {
        "/admin/training"
    } else {
        "/org/training"
    }
}

/// `/org/training` (an organization's courses) and `/admin/training` (the network's): the list and
/// a form to publish a course with its sessions.
#[component]
pub fn ManageTrainingPage(network: bool) -> impl IntoView {
    view! {
        <Title text=t("manage-training-title")/>
        {guarded_with(network_flag(network), get_managed_courses, move |(list, choices)| view! { <Manage list choices network/> })}
    }
}

#[component]
fn Manage(list: Vec<CourseCard>, choices: Vec<QualificationChoice>, network: bool) -> impl IntoView {
    let i18n = use_i18n();
    let options: Vec<(String, String)> =
        choices.iter().map(|q| (q.id.to_string(), q.name.get(i18n.lang).to_string())).collect();
    let mut form = FormBuilder::new::<CreateCourse>("course-create")
        .scope("course")
        .next(format!("{}?created=1", base(network)))
        .input(Input::new("title_ar", "field-title-ar").optional().dir_auto())
        .input(Input::new("title_en", "field-title-en").optional().dir_auto())
        .input(Input::new("description_ar", "field-description-ar").kind("textarea").optional().dir_auto())
        .input(Input::new("description_en", "field-description-en").kind("textarea").optional().dir_auto())
        .input(Input::new("qualification", "field-course-qualification").kind("select"))
        .options("qualification", options)
        .input(
            Input::new("valid_months", "field-course-months")
                .kind("number")
                .optional()
                .hint("field-course-months-hint"),
        )
        .input(Input::new("starts", "field-session-starts").kind("datetime-local").hint("field-shift-time-hint"))
        .input(Input::new("ends", "field-session-ends").kind("datetime-local"))
        .input(Input::new("capacity", "field-capacity").kind("number"))
        .input(Input::new("weeks", "field-session-weeks").kind("number").optional().hint("field-session-weeks-hint"));
    if network {
        form = form.hidden("network", "1");
    }
    view! {
        <section class="panel" data-testid="manage-training">
            <h1>{t("manage-training-title")}</h1>
            <p class="lead">{t("manage-training-lead")}</p>
            {query_param("created").map(|_| view! { <p class="notice" role="status" data-testid="course-created">{t("course-created")}</p> })}
            {if list.is_empty() {
                view! { <p>{t("manage-training-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {list.into_iter().map(|c| {
                            let href = format!("{}/{}", base(network), c.id);
                            view! { <CourseItem course=c href/> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h2>{t("course-new")}</h2>
            {form.view()}
        </section>
    }
}

/// `/org/training/<id>` and `/admin/training/<id>`: the course's sessions, who is enrolled, marks
/// per session, and more sessions.
#[component]
pub fn CourseRosterPage(network: bool) -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("course-roster-title")/>
        {guarded_with((network_flag(network), id), |(n, id)| get_course_roster(n, id), move |r| view! { <Roster roster=r network/> })}
    }
}

#[component]
fn Roster(roster: CourseRoster, network: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (title, other) = roster.card.title.pick(i18n.lang);
    let course_id = roster.card.id.to_string();
    let rows = roster.rows.clone();
    view! {
        <section class="panel" data-testid="course-roster">
            <h1 lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</h1>
            <p>{crate::pages::public::grants_text(i18n, &roster.card)}</p>
            <p><a href=base(network)>{t("manage-training-title")}</a>" · "<a href=format!("/training/{course_id}")>{t("course-public-page")}</a></p>
            <p data-testid="course-enrolled">{i18n.t_args("course-enrolled-count", &[("count", num(rows.len() as f64))])}</p>
            {roster.sessions.iter().enumerate().map(|(i, s)| {
                let session = s.id.to_string();
                let form_id = format!("session-{session}");
                let mut form = FormBuilder::new::<MarkSession>("course-mark")
                    .form_id(form_id.clone())
                    .scope(form_id.clone())
                    .hidden("session_id", session.clone())
                    .next(format!("{}/{}?marked=1", base(network), course_id));
                if network {
                    form = form.hidden("network", "1");
                }
                view! {
                    <div class="card" data-testid="course-session">
                        <h2>{i18n.t_args("course-session-n", &[("n", num((i + 1) as f64))])}</h2>
                        <p>
                            {format_range(i18n.lang, s.starts_at, s.ends_at)}" · "
                            {i18n.t_args("opportunity-seats", &[("taken", num(s.taken as f64)), ("capacity", num(s.capacity as f64))])}
                        </p>
                        {(!rows.is_empty()).then(|| view! {
                            <fieldset class="picks">
                                <legend>{t("course-mark-legend")}</legend>
                                {rows.iter().map(|r| {
                                    let box_id = format!("present-{session}-{}", r.user_id);
                                    let checked = r.present.get(i).copied().flatten().unwrap_or(false);
                                    view! {
                                        <p class="pick">
                                            <input type="checkbox" id=box_id.clone() name=format!("present[{}]", r.user_id)
                                                form=form_id.clone() checked=checked/>
                                            <label for=box_id dir="auto">{r.name.get(i18n.lang).to_string()}</label>
                                        </p>
                                    }
                                }).collect_view()}
                            </fieldset>
                            {form.view()}
                        })}
                    </div>
                }
            }).collect_view()}
            {query_param("marked").map(|_| view! { <p class="notice" role="status" data-testid="course-marked">{t("course-marked")}</p> })}
            <h2>{t("course-people")}</h2>
            <ul class="plain-list">
                {rows.iter().map(|r| view! {
                    <li data-testid="course-person"><span dir="auto">{r.name.get(i18n.lang).to_string()}</span>" · "{i18n.t(&format!("roster-course-status-{}", r.status))}</li>
                }).collect_view()}
            </ul>
            <h2>{t("course-add-sessions")}</h2>
            {{
                let mut add = FormBuilder::new::<AddCourseSessions>("course-add-sessions-submit")
                    .scope("add-sessions")
                    .hidden("course_id", course_id.clone())
                    .next(format!("{}/{}", base(network), course_id))
                    .input(Input::new("starts", "field-session-starts").kind("datetime-local").hint("field-shift-time-hint"))
                    .input(Input::new("ends", "field-session-ends").kind("datetime-local"))
                    .input(Input::new("capacity", "field-capacity").kind("number"))
                    .input(Input::new("weeks", "field-session-weeks").kind("number").optional().hint("field-session-weeks-hint"));
                if network {
                    add = add.hidden("network", "1");
                }
                add.view()
            }}
        </section>
    }
}
