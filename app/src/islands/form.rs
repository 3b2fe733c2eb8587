//! One island for every form: fields whose errors appear next to them, translated, while what was
//! typed stays.
//!
//! The server renders it as a plain `<form method="post" action="/api/…">`, so it works before the
//! WASM arrives and without JavaScript (the server answers such a post with a redirect, and a
//! refused one comes back with its errors and values; see `server::api_requests`). Once hydrated,
//! it posts with `fetch` instead, shows the errors in place and moves focus to the first one; on
//! success it goes to `next`, or reloads the page when the form sits on a page that was refused.
//!
//! Pages build the form with `components::forms::FormBuilder`, which translates every text and
//! renders the fields on the server as the island's children: the browser needs no translations,
//! and the WASM holds no field markup at all, so a new kind of field or a new form adds nothing
//! to it. Once hydrated, the island shows errors by setting the fields' error text and ARIA
//! attributes in place (the ids it needs are in [`FieldRef`]).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{AppError, FORM};

/// What the island needs of a form, already translated. The fields themselves are its children,
/// rendered by the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSpec {
    /// The server function the form posts to (`/api/login`).
    pub action: String,
    /// Where to go after success; `None` reloads the page. An answer that names a page of its own
    /// (`{"go": "/login/code"}`) goes there first.
    pub next: Option<String>,
    pub fields: Vec<FieldRef>,
    pub submit: String,
    /// The error of the form as a whole, from a refused post without JavaScript.
    pub error: Option<String>,
    /// The form element's id (inputs elsewhere on the page may belong to it).
    pub id: Option<String>,
    /// The button's weight: `None` is the view's primary action; `secondary`, or `danger` for an
    /// action that takes something away (withdraw, reject, reset).
    pub variant: Option<String>,
}

/// The element whose `data-texts` holds the texts of [`AppError::GENERIC_IDS`] (a JSON list),
/// rendered once per page by the layout.
pub const GENERIC_ERRORS_ID: &str = "generic-errors";

/// A field as the island finds it in the page: its name (the server function's argument), its
/// element's id (the input, or the fieldset of a group of boxes), whether it has a hint (whose id
/// stays in `aria-describedby`), and whether it is a group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldRef {
    pub name: String,
    pub id: String,
    pub hint: bool,
    pub group: bool,
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
pub fn Form(spec: FormSpec, children: Children) -> impl IntoView {
    let FormSpec { action, next, fields, submit, error, id, variant } = spec;
    let button = format!("button {}", variant.as_deref().unwrap_or("primary"));
    let form_error = RwSignal::new(error);
    let pending = RwSignal::new(false);

    let on_submit = {
        let next = next.clone();
        let action = action.clone();
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
                let (action, next, fields) = (action.clone(), next.clone(), fields.clone());
                leptos::task::spawn_local(async move {
                    match browser::post(&action, &form).await {
                        // Leaving the page: the button stays busy until the next one arrives.
                        Ok(go) => browser::go(go.as_deref().or(next.as_deref())),
                        Err(e) => {
                            let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
                            let (by_field, whole) = place_errors(&e, &names, &browser::generic_errors());
                            browser::show_errors(&form, &fields, &by_field);
                            form_error.set(whole);
                            pending.set(false);
                            request_animation_frame(move || browser::focus_first_error(&form));
                        }
                    }
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (ev, &action, &next, &fields);
        }
    };

    view! {
        <form id=id class="form" method="post" action=action novalidate=true aria-busy=move || pending.get().then_some("true")
            on:submit=on_submit>
            {children()}
            <div class="form-error" role="alert" data-testid="form-error">
                {move || form_error.get().map(|m| view! { <p>{m}</p> })}
            </div>
            <button type="submit" class=button disabled=move || pending.get()>{submit}</button>
        </form>
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

    /// The page's texts of the generic errors (see [`super::GENERIC_ERRORS_ID`]).
    pub fn generic_errors() -> Vec<String> {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(super::GENERIC_ERRORS_ID))
            .and_then(|e| e.get_attribute("data-texts"))
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    pub fn go(next: Option<&str>) {
        let Some(location) = web_sys::window().map(|w| w.location()) else { return };
        let _ = match next {
            Some(path) => location.assign(path),
            None => location.reload(),
        };
    }

    /// Puts each field's error (or none) in place: its text, `aria-invalid` (on a group,
    /// `data-invalid`), `aria-describedby`, and the `has-error` class of the field's wrapper.
    pub fn show_errors(form: &HtmlFormElement, fields: &[super::FieldRef], by_field: &[(String, String)]) {
        for f in fields {
            let error = by_field.iter().find(|(n, _)| *n == f.name).map(|(_, m)| m.as_str());
            let error_id = format!("{}-error", f.id);
            if let Ok(Some(p)) = form.query_selector(&format!("#{error_id}")) {
                p.set_text_content(error);
            }
            let Ok(Some(el)) = form.query_selector(&format!("#{}", f.id)) else { continue };
            let invalid = if f.group { "data-invalid" } else { "aria-invalid" };
            let described: Vec<String> = [f.hint.then(|| format!("{}-hint", f.id)), error.map(|_| error_id.clone())]
                .into_iter()
                .flatten()
                .collect();
            let _ = match error {
                Some(_) => el.set_attribute(invalid, "true"),
                None => el.remove_attribute(invalid),
            };
            let _ = if described.is_empty() {
                el.remove_attribute("aria-describedby")
            } else {
                el.set_attribute("aria-describedby", &described.join(" "))
            };
            let wrapper = if f.group { Some(el) } else { el.closest(".field").ok().flatten() };
            if let Some(w) = wrapper {
                let _ = w.class_list().toggle_with_force("has-error", error.is_some());
            }
        }
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
