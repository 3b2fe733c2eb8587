//! One island for every form: fields whose errors appear next to them, translated, while what was
//! typed stays.
//!
//! The server renders it as a plain `<form method="post" action="/api/…">`, so it works before the
//! WASM arrives and without JavaScript (the server answers such a post with a redirect, and a
//! refused one comes back with its errors and values; see `server::api_requests`). Once hydrated,
//! it posts with `fetch` instead, shows the errors in place and moves focus to the first one; on
//! success it goes to `next`, or reloads the page when the form sits on a page that was refused.
//!
//! Pages build the [`FormSpec`] with `components::forms::FormBuilder`, which translates every
//! text, so that the browser needs no translations and a new form adds no code to the WASM.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{AppError, FORM};

/// Everything the form shows, already translated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSpec {
    /// The server function the form posts to (`/api/login`).
    pub action: String,
    /// Where to go after success; `None` reloads the page. An answer that names a page of its own
    /// (`{"go": "/login/code"}`) goes there first.
    pub next: Option<String>,
    /// Values the form carries without showing them (`name`, `value`): a link's secret, an id.
    #[serde(default)]
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<FormField>,
    pub submit: String,
    /// The error of the form as a whole, from a refused post without JavaScript.
    pub error: Option<String>,
    /// The texts of [`AppError::GENERIC_IDS`], in that order.
    pub generic_errors: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormField {
    /// The input's name: the server function's argument.
    pub name: String,
    /// The input's `id` (`field-<name>`, or `field-<scope>-<name>` where one page shows several
    /// forms with the same fields).
    pub id: String,
    pub label: String,
    /// The input's `type`.
    pub kind: String,
    pub autocomplete: String,
    pub hint: Option<String>,
    /// User-entered text (names, emails) whose direction the browser should detect.
    pub dir_auto: bool,
    /// What was typed before a refused post (never a password), or what is stored.
    pub value: String,
    pub error: Option<String>,
    /// For `select` and `checkboxes`: `(value, label)`.
    #[serde(default)]
    pub options: Vec<(String, String)>,
    /// For `checkboxes`: the values ticked. Each box posts as `name[value]=on`, a map the server
    /// function reads (repeated keys would not survive the query-string decoder).
    #[serde(default)]
    pub checked: Vec<String>,
    /// A select's first, empty option ("Choose…").
    #[serde(default)]
    pub placeholder: String,
    pub required: bool,
}

/// The errors a refusal puts next to each field: `(field, text)`, and the form's own. The island
/// uses it for a refusal of its `fetch`, the server (`FormBuilder`) for one of a plain post.
pub fn place_errors(
    error: &AppError,
    fields: &[String],
    generic: &[String],
) -> (Vec<(String, String)>, Option<String>) {
    let generic_text = |id: &str| {
        AppError::GENERIC_IDS.iter().position(|g| *g == id).and_then(|i| generic.get(i).cloned()).unwrap_or_default()
    };
    match error {
        AppError::Validation(list) => {
            let text = |e: &crate::model::FieldError| e.text.clone().unwrap_or_else(|| generic_text("err-validation"));
            let by_field: Vec<(String, String)> =
                list.iter().filter(|e| fields.contains(&e.field)).map(|e| (e.field.clone(), text(e))).collect();
            // An error for the form, or for a field this form does not show, goes above the button.
            let form = list.iter().find(|e| e.field == FORM || !fields.contains(&e.field)).map(text);
            (by_field, form)
        }
        other => (Vec::new(), Some(generic_text(other.message_id()))),
    }
}

#[island]
pub fn Form(spec: FormSpec) -> impl IntoView {
    let FormSpec { action, next, hidden, fields, submit, error, generic_errors } = spec;
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    let errors = RwSignal::new(
        fields.iter().filter_map(|f| f.error.clone().map(|e| (f.name.clone(), e))).collect::<Vec<(String, String)>>(),
    );
    let form_error = RwSignal::new(error);
    let pending = RwSignal::new(false);
    let first_error = fields.iter().position(|f| f.error.is_some());

    let on_submit = {
        let (action, next) = (action.clone(), next.clone());
        move |ev: leptos::ev::SubmitEvent| {
            #[cfg(feature = "hydrate")]
            {
                use wasm_bindgen::JsCast;
                ev.prevent_default();
                if pending.get_untracked() {
                    return;
                }
                let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
                    return;
                };
                pending.set(true);
                let (action, next, names, generic) =
                    (action.clone(), next.clone(), names.clone(), generic_errors.clone());
                leptos::task::spawn_local(async move {
                    match browser::post(&action, &form).await {
                        // Leaving the page: the button stays busy until the next one arrives.
                        Ok(go) => browser::go(go.as_deref().or(next.as_deref())),
                        Err(e) => {
                            let (by_field, whole) = place_errors(&e, &names, &generic);
                            errors.set(by_field);
                            form_error.set(whole);
                            pending.set(false);
                            request_animation_frame(move || browser::focus_first_error(&form));
                        }
                    }
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (ev, &action, &next, &names, &generic_errors);
        }
    };

    view! {
        <form class="form" method="post" action=action novalidate=true aria-busy=move || pending.get().then_some("true")
            on:submit=on_submit>
            {next.map(|n| view! { <input type="hidden" name="next" value=n/> })}
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
            {fields
                .into_iter()
                .enumerate()
                .map(|(i, f)| view! { <Field field=f errors autofocus=first_error == Some(i)/> })
                .collect_view()}
            <div class="form-error" role="alert" data-testid="form-error">
                {move || form_error.get().map(|m| view! { <p>{m}</p> })}
            </div>
            <button type="submit" class="button primary" disabled=move || pending.get()>{submit}</button>
        </form>
    }
}

#[component]
fn Field(field: FormField, errors: RwSignal<Vec<(String, String)>>, autofocus: bool) -> impl IntoView {
    let FormField {
        name,
        id,
        label,
        kind,
        autocomplete,
        hint,
        dir_auto,
        value,
        error: _,
        options,
        checked,
        placeholder,
        required,
    } = field;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = {
        let name = name.clone();
        Signal::derive(move || errors.with(|e| e.iter().find(|(n, _)| *n == name).map(|(_, m)| m.clone())))
    };
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [has_hint.then_some(hint_id.as_str()), error.get().map(|_| error_id.as_str())]
                .into_iter()
                .flatten()
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let hint = hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> });
    let message = view! { <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p> };
    match kind.as_str() {
        // A group of boxes is a fieldset: its legend names the group for screen readers.
        "checkboxes" => view! {
            <fieldset class="field choices" class:has-error=move || error.get().is_some() id=id
                data-invalid=invalid aria-describedby=described_by>
                <legend>{label}</legend>
                {hint}
                <div class="choice-grid">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, text))| {
                            let box_id = format!("{id}-{v}");
                            let label_for = box_id.clone();
                            let on = checked.contains(&v);
                            view! {
                                <label class="choice" for=label_for>
                                    <input type="checkbox" id=box_id name=format!("{name}[{v}]") value="on"
                                        checked=on autofocus=autofocus && i == 0/>
                                    <span>{text}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
                {message}
            </fieldset>
        }
        .into_any(),
        "textarea" => view! {
            <div class="field" class:has-error=move || error.get().is_some()>
                <label for=id.clone()>{label}</label>
                {hint}
                <textarea id=id name=name rows="5" dir=dir_auto.then_some("auto") required=required autofocus=autofocus
                    aria-invalid=invalid aria-describedby=described_by>{value}</textarea>
                {message}
            </div>
        }
        .into_any(),
        "select" => view! {
            <div class="field" class:has-error=move || error.get().is_some()>
                <label for=id.clone()>{label}</label>
                {hint}
                <select id=id name=name required=required autofocus=autofocus aria-invalid=invalid
                    aria-describedby=described_by>
                    <option value="" selected=value.is_empty()>{placeholder}</option>
                    {options
                        .into_iter()
                        .map(|(v, text)| {
                            let on = v == value;
                            view! { <option value=v selected=on>{text}</option> }
                        })
                        .collect_view()}
                </select>
                {message}
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="field" class:has-error=move || error.get().is_some()>
                <label for=id.clone()>{label}</label>
                {hint}
                <input
                    id=id
                    name=name
                    type=kind
                    autocomplete=autocomplete
                    dir=dir_auto.then_some("auto")
                    value=(!value.is_empty()).then_some(value)
                    required=required
                    autofocus=autofocus
                    aria-invalid=invalid
                    aria-describedby=described_by
                />
                {message}
            </div>
        }
        .into_any(),
    }
}

/// The browser side: posting the form and leaving the page.
#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{FormData, Headers, HtmlFormElement, RequestInit, Response, UrlSearchParams};

    use crate::model::AppError;

    /// Posts the form's fields as the server function expects them; success is the page the answer
    /// names (if any), a refusal its `AppError`.
    pub async fn post(action: &str, form: &HtmlFormElement) -> Result<Option<String>, AppError> {
        let transport = |_| AppError::Transport(String::new());
        let window = web_sys::window().ok_or(AppError::Internal)?;
        let data = FormData::new_with_form(form).map_err(transport)?;
        let body = UrlSearchParams::new_with_str_sequence_sequence(&data).map_err(transport)?;
        let headers = Headers::new().map_err(transport)?;
        headers.set("Accept", "application/json").map_err(transport)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        init.set_headers(&headers);
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(action, &init))
            .await
            .and_then(|r| r.dyn_into())
            .map_err(transport)?;
        let text = match response.text() {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        if response.ok() {
            return Ok(crate::model::go_from_response(text.as_bytes()));
        }
        Err(serde_json::from_str::<AppError>(&text).unwrap_or(AppError::Internal))
    }

    pub fn go(next: Option<&str>) {
        let Some(location) = web_sys::window().map(|w| w.location()) else { return };
        let _ = match next {
            Some(path) => location.assign(path),
            None => location.reload(),
        };
    }

    pub fn focus_first_error(form: &HtmlFormElement) {
        let target = form
            .query_selector("[aria-invalid=true], fieldset[data-invalid] input")
            .ok()
            .flatten()
            .or_else(|| form.query_selector(".form-error p").ok().flatten());
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // The form-wide message is not focusable by itself.
            if el.tag_name() == "P" {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FieldError;

    fn generic() -> Vec<String> {
        AppError::GENERIC_IDS.iter().map(|id| format!("text of {id}")).collect()
    }

    #[test]
    fn field_errors_go_next_to_their_field_and_the_rest_above_the_button() {
        let fields = vec!["email".to_string(), "password".to_string()];
        let mut email = FieldError::new("email", "err-email-invalid");
        email.text = Some("Not an email".into());
        let mut form = FieldError::new(FORM, "err-login-failed");
        form.text = Some("Wrong email or password".into());
        let (by_field, whole) = place_errors(&AppError::Validation(vec![email, form]), &fields, &generic());
        assert_eq!(by_field, [("email".to_string(), "Not an email".to_string())]);
        assert_eq!(whole.as_deref(), Some("Wrong email or password"));
    }

    #[test]
    fn other_refusals_show_their_generic_text() {
        let (by_field, whole) = place_errors(&AppError::RateLimited, &[], &generic());
        assert!(by_field.is_empty());
        assert_eq!(whole.as_deref(), Some("text of err-rate-limited"));
        let (_, whole) = place_errors(&AppError::Transport(String::new()), &[], &generic());
        assert_eq!(whole.as_deref(), Some("text of err-transport"));
    }
}
