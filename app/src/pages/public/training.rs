use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{get_course, get_courses, EnrolCourse, WithdrawCourse};
use crate::components::forms::FormBuilder;
use crate::components::guard::{guarded, guarded_with};
use crate::components::query_param;
use crate::i18n::{format_datetime, format_range, num, t, text, use_i18n, I18n};
use crate::model::{CourseCard, CoursePage};

/// What a course grants, for how long: "Grants First aid, valid 24 months".
pub fn grants_text(i18n: I18n, c: &CourseCard) -> String {
    let name = text(c.qualification.get(i18n.lang));
    match c.valid_months {
        Some(m) => i18n.t_args("course-grants-months", &[("qualification", name), ("months", num(m))]),
        None => i18n.t_args("course-grants", &[("qualification", name)]),
    }
}

/// A course in a list.
#[component]
pub fn CourseItem(course: CourseCard, href: String) -> impl IntoView {
    let i18n = use_i18n();
    let (title, other) = course.title.pick(i18n.lang);
    let by = course.organization.as_ref().map_or_else(|| i18n.t("course-by-network"), |o| o.get(i18n.lang).to_string());
    view! {
        <li class="card" data-testid="course">
            <p class="card-org">{by}</p>
            // Lists of courses sit right under their page's h1 (/training, /org/training).
            <h2 class="card-title"><a href=href lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</a></h2>
            <p>{grants_text(i18n, &course)}</p>
            <p class="card-when">
                {course.first.map(|f| i18n.t_args("course-starts", &[("when", text(format_datetime(i18n.lang, f)))]))}
                " · "{i18n.t_args("course-sessions", &[("count", num(course.sessions as f64))])}
                " · "{i18n.t_args("course-seats-left", &[("count", num(course.seats_left))])}
            </p>
        </li>
    }
}

/// `/training`: courses open to enrol, public.
#[component]
pub fn TrainingPage() -> impl IntoView {
    view! {
        <Title text=t("training-title")/>
        {guarded(get_courses, |list| view! { <Courses list/> })}
    }
}

#[component]
fn Courses(list: Vec<CourseCard>) -> impl IntoView {
    view! {
        <section class="panel" data-testid="training">
            <h1>{t("training-title")}</h1>
            <p class="lead">{t("training-lead")}</p>
            {if list.is_empty() {
                view! { <p data-testid="training-empty">{t("training-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {list.into_iter().map(|c| {
                            let href = format!("/training/{}", c.id);
                            view! { <CourseItem course=c href/> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// `/training/<id>`: a course, its sessions and seats; enrol or withdraw.
#[component]
pub fn CoursePageView() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("training-title")/>
        {guarded_with(id, get_course, |c| view! { <Course page=c/> })}
    }
}

#[component]
fn Course(page: CoursePage) -> impl IntoView {
    let i18n = use_i18n();
    let (title, other) = page.card.title.pick(i18n.lang);
    let (description, other_d) = page.description.pick(i18n.lang);
    let id = page.card.id.to_string();
    let next = format!("/training/{id}?done=1");
    let action = match page.mine.as_deref() {
        Some("enrolled") => FormBuilder::new::<WithdrawCourse>("course-withdraw")
            .hidden("course_id", id.clone())
            .next(next)
            .confirm("course-withdraw-confirm")
            .view()
            .into_any(),
        Some("completed") => {
            view! { <p class="notice success" data-testid="course-completed">{t("course-completed")}</p> }.into_any()
        }
        _ => {
            FormBuilder::new::<EnrolCourse>("course-enrol").hidden("course_id", id.clone()).next(next).view().into_any()
        }
    };
    view! {
        <section class="panel" data-testid="course-page">
            <h1 lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</h1>
            <p class="aside">
                {page.card.organization.as_ref().map_or_else(|| i18n.t("course-by-network"), |o| o.get(i18n.lang).to_string())}
            </p>
            <p data-testid="course-grants"><strong>{grants_text(i18n, &page.card)}</strong></p>
            {(!description.is_empty()).then(|| view! {
                <p class="prose" lang=other_d.map(|l| l.code()) dir=other_d.map(|l| l.dir())>{description}</p>
            })}
            <h2>{t("course-sessions-title")}</h2>
            <p>{t("course-sessions-lead")}</p>
            <ul class="plain-list" data-testid="course-sessions">
                {page.sessions.iter().map(|s| view! {
                    <li>
                        {format_range(i18n.lang, s.starts_at, s.ends_at)}" · "
                        {i18n.t_args("opportunity-seats", &[("taken", num(s.taken as f64)), ("capacity", num(s.capacity as f64))])}
                    </li>
                }).collect_view()}
            </ul>
            {page.mine.as_ref().map(|m| view! {
                <p data-testid="course-status"><strong>{i18n.t(&format!("course-status-{m}"))}</strong></p>
            })}
            {query_param("done").map(|_| view! { <p class="notice" role="status" data-testid="course-done">{t("course-saved")}</p> })}
            {action}
            <p><a href="/training">{t("training-title")}</a></p>
        </section>
    }
}
