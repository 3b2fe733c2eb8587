use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::get_audit;
use crate::components::guard::guarded_with;
use crate::components::query_param;
use crate::i18n::{format_datetime, t, use_i18n, I18n};
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
                                        <td data-testid="audit-detail">{r.detail.map(|d| detail_text(i18n, &d)).unwrap_or_default()}</td>
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

/// An audit row's detail in the page's language. Rows keep the detail they were written with (a
/// short English phrase with ids, read by operators in logs and exports); the page reads it back
/// into a message of its own. A phrase it does not know is shown as written.
pub fn detail_text(i18n: I18n, raw: &str) -> String {
    use crate::i18n::{num, text};
    let n = |s: &str| s.parse::<f64>().ok();
    let words: Vec<&str> = raw.split(' ').collect();
    let known = match words.as_slice() {
        [count, "sessions", "ended"] => {
            n(count).map(|c| i18n.t_args("audit-detail-sessions-ended", &[("count", num(c))]))
        }
        [count, "other", "sessions", "ended"] | [count, "other", "sessions"] => {
            n(count).map(|c| i18n.t_args("audit-detail-other-sessions", &[("count", num(c))]))
        }
        ["one", "session"] => Some(i18n.t("audit-detail-one-session")),
        ["organization", id] => n(id).map(|id| i18n.t_args("audit-detail-organization", &[("id", num(id))])),
        ["organization", id, decision @ ("approved" | "rejected")] => n(id).map(|id| {
            i18n.t_args(
                "audit-detail-organization-decided",
                &[("id", num(id)), ("decision", text(i18n.t(&format!("orgs-status-{decision}"))))],
            )
        }),
        ["coordinator", "of", "organization", id] => {
            n(id).map(|id| i18n.t_args("audit-detail-coordinator-of", &[("id", num(id))]))
        }
        ["coordinator", "of", "organization", id, "(invited)"] => {
            n(id).map(|id| i18n.t_args("audit-detail-coordinator-invited", &[("id", num(id))]))
        }
        ["application", id, status, "(opportunity", opportunity] => {
            match (n(id), n(opportunity.trim_end_matches(')'))) {
                (Some(id), Some(o)) => Some(i18n.t_args(
                    "audit-detail-application",
                    &[
                        ("id", num(id)),
                        ("status", text(i18n.t(&format!("application-status-{status}")))),
                        ("opportunity", num(o)),
                    ],
                )),
                _ => None,
            }
        }
        ["admin", "(tam", "create-admin)"] => Some(i18n.t("audit-detail-admin-created")),
        ["own", "data", "(JSON)"] => Some(i18n.t("audit-detail-own-data")),
        ["password;", "code", "next"] => Some(i18n.t("audit-detail-password-code-next")),
        ["volunteer", "profile"] => Some(i18n.t("audit-detail-volunteer-profile")),
        // Where staff saw or took someone's personal data.
        ["applications", "queue"] => Some(i18n.t("audit-detail-applications-queue")),
        ["shift", "roster"] => Some(i18n.t("audit-detail-shift-roster")),
        ["shift", "roster", "(CSV)"] => Some(i18n.t("audit-detail-shift-roster-csv")),
        ["volunteer", "search"] => Some(i18n.t("audit-detail-volunteer-search")),
        ["volunteers", "CSV"] => Some(i18n.t("audit-detail-volunteers-csv")),
        _ => None,
    };
    known.or_else(|| documents(i18n, raw)).unwrap_or_else(|| raw.to_string())
}

/// A consent's detail: a document (`news`), or the documents accepted with their versions
/// (`terms 2, privacy 3`).
fn documents(i18n: I18n, raw: &str) -> Option<String> {
    let title = |doc: &str| {
        let id = format!("{doc}-title");
        let t = i18n.t(&id);
        (t != id).then_some(t)
    };
    let parts: Option<Vec<String>> = raw
        .split(", ")
        .map(|part| match part.split_once(' ') {
            Some((doc, version)) => title(doc).map(|t| {
                i18n.t_args(
                    "audit-detail-document-version",
                    &[("document", crate::i18n::text(t)), ("version", crate::i18n::text(version.to_string()))],
                )
            }),
            None => title(part),
        })
        .collect();
    parts.map(|p| p.join(crate::pages::volunteer::lang_separator(i18n.lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn audit_details_read_in_the_pages_language() {
        let ar = I18n { lang: Lang::Ar, digits: Default::default() };
        let en = I18n { lang: Lang::En, digits: Default::default() };
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(plain(detail_text(ar, "3 sessions ended")), "انتهت 3 جلسات");
        assert_eq!(plain(detail_text(en, "1 sessions ended")), "One session ended");
        assert_eq!(
            plain(detail_text(ar, "organization 7 approved")),
            "الجهة رقم 7: مقبولة".replace("مقبولة", &ar.t("orgs-status-approved"))
        );
        assert_eq!(
            plain(detail_text(en, "application 12 approved (opportunity 3)")),
            "Application no. 12: Approved (opportunity no. 3)"
        );
        assert_eq!(
            plain(detail_text(en, "privacy 2026-11, charter 2026-11")),
            "Privacy notice, version 2026-11, Volunteer charter, version 2026-11"
        );
        assert_eq!(plain(detail_text(ar, "news")), ar.t("news-title"));
        // Every detail Tam writes is read back; none stays in English on an Arabic page.
        for raw in [
            "2 other sessions ended",
            "4 other sessions",
            "one session",
            "organization 5",
            "coordinator of organization 5",
            "coordinator of organization 5 (invited)",
            "own data (JSON)",
            "password; code next",
            "volunteer profile",
            "application 1 cancelled (opportunity 2)",
            "applications queue",
            "shift roster",
            "shift roster (CSV)",
            "volunteer search",
            "volunteers CSV",
        ] {
            let text = detail_text(ar, raw);
            // Only the name of a file format stays as it is written.
            assert!(
                !text.replace("JSON", "").replace("CSV", "").chars().any(|c| c.is_ascii_alphabetic()),
                "{raw} → {text}"
            );
        }
        // A phrase it does not know is shown as written.
        assert_eq!(detail_text(ar, "something new"), "something new");
    }
}
