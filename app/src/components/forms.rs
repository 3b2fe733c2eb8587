//! Forms as pages declare them. A page describes its fields with message ids; [`FormBuilder`]
//! translates them and the errors into the page's language and hands the result to the form island
//! ([`crate::islands::Form`]), which is all the browser runs.
//!
//! A form posted without JavaScript and refused comes back to its page with a flash cookie holding
//! the error and what was typed ([`crate::backend::flash`]); the builder of the form that posted
//! puts both back in place.

use leptos::prelude::*;
use server_fn::ServerFn;

use crate::backend::flash;
use crate::i18n::use_i18n;
use crate::islands::{Form, FormField, FormSpec};
use crate::model::{AppError, FORM};

/// One input of a form, described with message ids.
#[derive(Clone, Copy)]
pub struct Input {
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    hint: Option<&'static str>,
    dir_auto: bool,
}

impl Input {
    pub const fn new(name: &'static str, label: &'static str) -> Input {
        Input { name, label, kind: "text", autocomplete: "off", hint: None, dir_auto: false }
    }
    pub const fn kind(mut self, kind: &'static str) -> Input {
        self.kind = kind;
        self
    }
    pub const fn autocomplete(mut self, autocomplete: &'static str) -> Input {
        self.autocomplete = autocomplete;
        self
    }
    pub const fn hint(mut self, hint: &'static str) -> Input {
        self.hint = Some(hint);
        self
    }
    /// Text people type in either script (names, emails): the browser detects its direction.
    pub const fn dir_auto(mut self) -> Input {
        self.dir_auto = true;
        self
    }
}

pub struct FormBuilder {
    action: &'static str,
    submit: &'static str,
    next: Option<String>,
    inputs: Vec<Input>,
}

impl FormBuilder {
    /// A form that posts to the server function `S`, with the submit button's message id.
    pub fn new<S: ServerFn>(submit: &'static str) -> FormBuilder {
        FormBuilder { action: S::PATH, submit, next: None, inputs: Vec::new() }
    }

    /// Where to go after success (a local path); without it the page reloads.
    pub fn next(mut self, path: impl Into<String>) -> FormBuilder {
        self.next = Some(path.into());
        self
    }

    pub fn input(mut self, input: Input) -> FormBuilder {
        self.inputs.push(input);
        self
    }

    pub fn build(self) -> FormSpec {
        let i18n = use_i18n();
        let flash = flash::take(self.action);
        let (error, values) = match flash {
            Some(f) => (Some(f.error), f.values),
            None => (None, Vec::new()),
        };
        let field_error = |name: &str| error.as_ref().and_then(|e| e.for_field(name)).map(|id| i18n.t(&id));
        let form_error = error.as_ref().and_then(|e| match e {
            AppError::Validation(list) => list
                .iter()
                .find(|f| f.field == FORM || !self.inputs.iter().any(|i| i.name == f.field))
                .map(|f| i18n.t(&f.message)),
            other => Some(i18n.t(other.message_id())),
        });
        let fields = self
            .inputs
            .iter()
            .map(|input| FormField {
                name: input.name.to_string(),
                label: i18n.t(input.label),
                kind: input.kind.to_string(),
                autocomplete: input.autocomplete.to_string(),
                hint: input.hint.map(|h| i18n.t(h)),
                dir_auto: input.dir_auto,
                // A password is never sent back, not even to its owner.
                value: if input.kind == "password" {
                    String::new()
                } else {
                    values.iter().find(|(k, _)| k == input.name).map(|(_, v)| v.clone()).unwrap_or_default()
                },
                error: field_error(input.name),
            })
            .collect();
        FormSpec {
            action: self.action.to_string(),
            next: self.next,
            fields,
            submit: i18n.t(self.submit),
            error: form_error,
            generic_errors: AppError::GENERIC_IDS.iter().map(|id| i18n.t(id)).collect(),
        }
    }

    pub fn view(self) -> impl IntoView {
        view! { <Form spec=self.build()/> }
    }
}
