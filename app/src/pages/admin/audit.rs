use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_audit;
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{format_datetime, t, use_i18n};
use crate::model::{AuditPage, AuditQuery};

/// `/admin/audit`: the security audit log, newest first, filtered by account, kind and dates. The
/// filters are a plain GET form, so a filtered view is a link.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = AuditQuery {
        user: query_param("user").unwrap_or_default(),
        kind: query_param("kind").unwrap_or_default(),
        from: query_param("from").unwrap_or_default(),
        to: query_param("to").unwrap_or_default(),
        page: query_param("page").and_then(|p| p.parse().ok()).unwrap_or(0).min(10_000),
    };
    view! {
        <Title text=t("audit-title")/>
        {guarded_with(query, get_audit, |page| view! { <Audit page/> })}
    }
}

fn page_link(q: &AuditQuery, page: u32) -> String {
    let mut url = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("user", &q.user), ("kind", &q.kind), ("from", &q.from), ("to", &q.to)] {
        if !v.is_empty() {
            url.append_pair(k, v);
        }
    }
    url.append_pair("page", &page.to_string());
    format!("/admin/audit?{}", url.finish())
}

#[component]
fn Audit(page: AuditPage) -> impl IntoView {
    let i18n = use_i18n();
    let AuditPage { rows, kinds, has_more, errors, query } = page;
    let error = |field: &str| errors.iter().find(|e| e.field == field).and_then(|e| e.text.clone());
    let field =
        move |name: &'static str, label: &'static str, kind: &'static str, value: String, err: Option<String>| {
            let id = format!("audit-{name}");
            let error_id = format!("{id}-error");
            view! {
                <div class="field" class:has-error=err.is_some()>
                    <label for=id.clone()>{t(label)}</label>
                    <input id=id name=name type=kind value=value dir="auto"
                        aria-invalid=err.is_some().then_some("true")
                        aria-describedby=err.is_some().then(|| error_id.clone())/>
                    <p class="field-error" id=error_id>{err.clone()}</p>
                </div>
            }
        };
    let newer = (query.page > 0).then(|| page_link(&query, query.page - 1));
    let older = has_more.then(|| page_link(&query, query.page + 1));
    view! {
        <section class="panel" data-testid="audit">
            <h1>{t("audit-title")}</h1>
            <p class="lead">{t("audit-lead")}</p>
            <form class="form filters" method="get" action="/admin/audit">
                {field("user", "audit-filter-user", "email", query.user.clone(), error("user"))}
                <div class="field">
                    <label for="audit-kind">{t("audit-filter-kind")}</label>
                    <select id="audit-kind" name="kind">
                        <option value="">{t("audit-kind-any")}</option>
                        {kinds.into_iter().map(|k| {
                            let selected = k == query.kind;
                            let label = i18n.t(&format!("audit-kind-{k}"));
                            view! { <option value=k selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {field("from", "audit-filter-from", "date", query.from.clone(), error("from"))}
                {field("to", "audit-filter-to", "date", query.to.clone(), error("to"))}
                <button type="submit" class="button primary">{t("audit-filter-submit")}</button>
            </form>
            {if rows.is_empty() {
                view! { <p data-testid="audit-empty">{t("audit-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t("audit-title")>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t("col-time")}</th>
                                    <th scope="col">{t("col-event")}</th>
                                    <th scope="col">{t("col-outcome")}</th>
                                    <th scope="col">{t("col-actor")}</th>
                                    <th scope="col">{t("col-subject-account")}</th>
                                    <th scope="col">{t("col-address")}</th>
                                    <th scope="col">{t("col-detail")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr data-testid="audit-row" data-kind=r.kind.clone()>
                                        <td>{format_datetime(i18n.lang, r.at)}</td>
                                        <td>{i18n.t(&format!("audit-kind-{}", r.kind))}</td>
                                        <td>{i18n.t(&format!("audit-outcome-{}", r.outcome))}</td>
                                        <td><bdi>{r.actor.unwrap_or_else(|| "—".into())}</bdi></td>
                                        <td><bdi>{r.subject.unwrap_or_else(|| "—".into())}</bdi></td>
                                        <td dir="ltr">{r.address.unwrap_or_default()}</td>
                                        <td dir="ltr">{r.detail.unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label=t("audit-pages")>
                {newer.map(|href| view! { <a href=href rel="prev">{t("audit-newer")}</a> })}
                {older.map(|href| view! { <a href=href rel="next">{t("audit-older")}</a> })}
            </nav>
        </section>
    }
}
