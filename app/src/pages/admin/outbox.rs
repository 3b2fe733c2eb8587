use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_outbox;
use crate::components::guard::guarded;
use crate::i18n::{format_datetime, t, use_i18n};
use crate::model::OutboxRow;

/// `/admin/outbox`: every message Tam wrote, sent or waiting, and why one failed.
#[component]
pub fn OutboxPage() -> impl IntoView {
    view! {
        <Title text=t("outbox-title")/>
        {guarded(get_outbox, |rows| view! { <Outbox rows/> })}
    }
}

#[component]
fn Outbox(rows: Vec<OutboxRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" data-testid="outbox">
            <h1>{t("outbox-title")}</h1>
            <p class="lead">{t("outbox-lead")}</p>
            {if rows.is_empty() {
                view! { <p>{t("outbox-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t("outbox-title")>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t("col-time")}</th>
                                    <th scope="col">{t("col-recipient")}</th>
                                    <th scope="col">{t("col-subject")}</th>
                                    <th scope="col">{t("col-status")}</th>
                                    <th scope="col">{t("col-attempts")}</th>
                                    <th scope="col">{t("col-last-error")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|m| view! {
                                    <tr data-testid="outbox-row">
                                        <td>{format_datetime(i18n.lang, m.created_at)}</td>
                                        <td><bdi>{m.recipient}</bdi></td>
                                        <td dir="auto" lang=m.lang>{m.subject}</td>
                                        <td>{i18n.t(&format!("outbox-status-{}", m.status))}</td>
                                        <td>{crate::i18n::format_count(crate::i18n::use_i18n().lang, m.attempts as f64)}</td>
                                        <td dir="ltr">{m.last_error.unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
