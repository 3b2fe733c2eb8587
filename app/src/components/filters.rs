//! The fields of a GET filter form (a list's filters kept in its address, so a filtered list is a
//! link), with an error next to a value that could not be read, and the pager's links.

use leptos::prelude::*;

use crate::i18n::t;
use crate::model::FieldError;

/// The translated error of one filter, if it was refused.
pub fn error_of(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).and_then(|e| e.text.clone())
}

/// A select of `options` (`(value, label)`) with "Any" first; `value` is the one chosen.
pub fn select(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: &str,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let error_id = format!("{id}-error");
    let value = value.to_string();
    view! {
        <div class="field" class:has-error=error.is_some()>
            <label for=id.clone()>{t(label)}</label>
            <select id=id name=name aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then(|| error_id.clone())>
                <option value="">{t("filter-any")}</option>
                {options.into_iter().map(|(v, l)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id>{error.clone()}</p>
        </div>
    }
}

/// A text-like input (`kind`: search, email, date) of a filter form.
pub fn input(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    value: &str,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=error.is_some()>
            <label for=id.clone()>{t(label)}</label>
            <input id=id name=name type=kind value=value.to_string() dir="auto"
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then(|| error_id.clone())/>
            <p class="field-error" id=error_id>{error.clone()}</p>
        </div>
    }
}

/// The address of page `page` of `path` with these filters (empty ones left out).
pub fn page_link(path: &str, filters: &[(&str, &str)], page: u32) -> String {
    let mut url = form_urlencoded::Serializer::new(String::new());
    for (k, v) in filters {
        if !v.is_empty() {
            url.append_pair(k, v);
        }
    }
    url.append_pair("page", &page.to_string());
    format!("{path}?{}", url.finish())
}

/// "Previous page" and "Next page" links, where there are such pages.
pub fn pager(previous: Option<String>, next: Option<String>) -> impl IntoView {
    view! {
        <nav class="pager" aria-label=t("audit-pages")>
            {previous.map(|href| view! { <a href=href rel="prev">{t("pager-previous")}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{t("pager-next")}</a> })}
        </nav>
    }
}
