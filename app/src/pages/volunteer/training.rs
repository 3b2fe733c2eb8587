use leptos::prelude::*;

use crate::api::get_my_training;
use crate::components::guard::guarded;
use crate::i18n::{format_date, t, text, use_i18n};
use crate::model::MyTraining;

/// On `/me`: the qualifications the volunteer holds (and until when), and their courses.
#[component]
pub fn MyTrainingSection() -> impl IntoView {
    guarded(get_my_training, |data| view! { <Training data/> })
}

#[component]
fn Training(data: MyTraining) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id="training">{t("my-training-title")}</h2>
        {if data.held.is_empty() {
            view! { <p data-testid="qualifications-empty">{t("my-qualifications-empty")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list" data-testid="qualifications">
                    {data.held.into_iter().map(|q| {
                        let name = q.name.get(i18n.lang).to_string();
                        let line = match q.expires_at {
                            Some(u) => i18n.t_args("certificate-qualification-until", &[
                                ("name", text(name)),
                                ("date", text(format_date(i18n.lang, crate::clock::date(u)))),
                            ]),
                            None => name,
                        };
                        view! { <li data-testid="qualification">{line}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!data.courses.is_empty()).then(|| view! {
            <ul class="plain-list" data-testid="my-courses">
                {data.courses.into_iter().map(|(c, status)| {
                    let (title, other) = c.title.pick(i18n.lang);
                    view! {
                        <li>
                            <a href=format!("/training/{}", c.id) lang=other.map(|l| l.code()) dir=other.map(|l| l.dir())>{title}</a>
                            " · "<strong>{i18n.t(&format!("course-status-{status}"))}</strong>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <p><a href="/training" data-testid="training-link">{t("my-training-find")}</a></p>
    }
}
