use leptos::prelude::*;

use crate::api::get_my_hours;
use crate::components::guard::guarded;
use crate::i18n::{num, t, use_i18n};

/// On `/me`: the volunteer's approved hours, by organization and year, and in all.
#[component]
pub fn MyHours() -> impl IntoView {
    guarded(get_my_hours, |rows| {
        let i18n = use_i18n();
        let hours =
            move |minutes: i64| i18n.t_args("hours-count", &[("hours", num((minutes as f64 / 6.0).round() / 10.0))]);
        let total: i64 = rows.iter().map(|r| r.minutes).sum();
        view! {
            <h2>{t("hours-title")}</h2>
            {if rows.is_empty() {
                view! { <p data-testid="hours-empty">{t("hours-empty")}</p> }.into_any()
            } else {
                view! {
                    <p data-testid="hours-total"><strong>{hours(total)}</strong></p>
                    <div class="table-wrap">
                        <table class="table" data-testid="hours">
                            <thead>
                                <tr>
                                    <th scope="col">{t("hours-year")}</th>
                                    <th scope="col">{t("hours-organization")}</th>
                                    <th scope="col">{t("hours-hours")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.year.to_string()}</td>
                                        <td>{r.organization.get(i18n.lang).to_string()}</td>
                                        <td>{hours(r.minutes)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        }
    })
}
