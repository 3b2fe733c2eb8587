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
use crate::i18n::{localize_fields, use_i18n};
use crate::islands::form::place_errors;
use crate::islands::{Form, FormField, FormSpec};
use crate::model::AppError;

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
    hidden: Vec<(String, String)>,
    inputs: Vec<Input>,
}

impl FormBuilder {
    /// A form that posts to the server function `S`, with the submit button's message id.
    pub fn new<S: ServerFn>(submit: &'static str) -> FormBuilder {
        FormBuilder { action: S::PATH, submit, next: None, hidden: Vec::new(), inputs: Vec::new() }
    }

    /// Where to go after success (a local path); without it the page reloads.
    pub fn next(mut self, path: impl Into<String>) -> FormBuilder {
        self.next = Some(path.into());
        self
    }

    /// A value posted with the form but not shown (a link's secret, the id of what a button acts on).
    pub fn hidden(mut self, name: &str, value: impl Into<String>) -> FormBuilder {
        self.hidden.push((name.to_string(), value.into()));
        self
    }

    pub fn input(mut self, input: Input) -> FormBuilder {
        self.inputs.push(input);
        self
    }

    pub fn build(self) -> FormSpec {
        let i18n = use_i18n();
        let generic_errors: Vec<String> = AppError::GENERIC_IDS.iter().map(|id| i18n.t(id)).collect();
        // A refused post without JavaScript: its errors go where the island would put them.
        let (by_field, form_error, values) = match flash::take(self.action) {
            Some(mut f) => {
                localize_fields(&mut f.error, i18n.lang);
                let names: Vec<String> = self.inputs.iter().map(|i| i.name.to_string()).collect();
                let (by_field, form_error) = place_errors(&f.error, &names, &generic_errors);
                (by_field, form_error, f.values)
            }
            None => (Vec::new(), None, Vec::new()),
        };
        let field_error = |name: &str| by_field.iter().find(|(n, _)| n == name).map(|(_, text)| text.clone());
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
            hidden: self.hidden,
            fields,
            submit: i18n.t(self.submit),
            error: form_error,
            generic_errors,
        }
    }

    pub fn view(self) -> impl IntoView {
        view! { <Form spec=self.build()/> }
    }
}
