//! Form fields whose errors appear next to them, translated, while what was typed stays.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::model::{AppError, FORM};

/// The message id of an action's error for one field.
pub fn field_error<T, S>(value: S, field: &'static str) -> Signal<Option<String>>
where
    T: Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.with(|v| v.as_ref().and_then(|r| r.as_ref().err()).and_then(|e| e.for_field(field))))
}

/// The message id for the form as a whole: a form-level field error, or any non-field error.
pub fn form_error<T, S>(value: S) -> Signal<Option<String>>
where
    T: Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || {
        value.with(|v| match v.as_ref().and_then(|r| r.as_ref().err()) {
            Some(e @ AppError::Validation(_)) => e.for_field(FORM),
            Some(e) => Some(e.message_id().to_string()),
            None => None,
        })
    })
}

#[component]
pub fn Field(
    /// The input's name: the server function's argument.
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] dir_auto: bool,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{t(label)}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{t(h)}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                dir=dir_auto.then_some("auto")
                required=true
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            <p class="field-error" id=error_id.clone() aria-live="polite">
                {move || error.get().map(|m| i18n.t(&m))}
            </p>
        </div>
    }
}

/// The form's own error, announced when it appears.
#[component]
pub fn FormError(error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-error" role="alert" data-testid="form-error">
            {move || error.get().map(|m| view! { <p>{i18n.t(&m)}</p> })}
        </div>
    }
}
