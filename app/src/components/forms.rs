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
use crate::islands::{FieldRef, Form, FormSpec};
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
    required: bool,
    /// For a select or a group of boxes: the message id prefix of each choice's label and the
    /// values (`skill` and `first-aid` read `skill-first-aid`).
    choices: Option<(&'static str, &'static [&'static str])>,
}

impl Input {
    pub const fn new(name: &'static str, label: &'static str) -> Input {
        Input {
            name,
            label,
            kind: "text",
            autocomplete: "off",
            hint: None,
            dir_auto: false,
            required: true,
            choices: None,
        }
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
    /// A field that may stay empty.
    pub const fn optional(mut self) -> Input {
        self.required = false;
        self
    }
    /// A select of one of `values`, labelled by the message ids `{prefix}-{value}`.
    pub const fn select(mut self, prefix: &'static str, values: &'static [&'static str]) -> Input {
        self.kind = "select";
        self.choices = Some((prefix, values));
        self
    }
    /// A group of boxes, any of `values` (posted as `name[value]=on`).
    pub const fn checkboxes(mut self, prefix: &'static str, values: &'static [&'static str]) -> Input {
        self.kind = "checkboxes";
        self.choices = Some((prefix, values));
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
    /// Stored values to start from: `(name, value)`, a box group's values one pair each.
    values: Vec<(String, String)>,
    /// Choices computed by the page (`name`, `(value, label)`), in place of [`Input::select`]'s.
    options: Vec<(String, Vec<(String, String)>)>,
    /// Where a page shows the same form several times (one per application): ids stay unique.
    scope: Option<String>,
    /// The form element's id, for boxes elsewhere on the page that belong to it (`form="…"`).
    form_id: Option<String>,
    /// The button's weight (see [`FormSpec::variant`]).
    variant: Option<&'static str>,
    /// A destructive action asks first: the message id of what will happen (see [`Self::confirm`]).
    confirm: Option<&'static str>,
}

impl FormBuilder {
    /// A form that posts to the server function `S`, with the submit button's message id.
    pub fn new<S: ServerFn>(submit: &'static str) -> FormBuilder {
        FormBuilder {
            action: S::PATH,
            submit,
            next: None,
            hidden: Vec::new(),
            inputs: Vec::new(),
            values: Vec::new(),
            options: Vec::new(),
            scope: None,
            form_id: None,
            variant: None,
            confirm: None,
        }
    }

    /// A button that is not the view's main action.
    pub fn secondary(mut self) -> FormBuilder {
        self.variant = Some("secondary");
        self
    }

    /// A button that takes something away (withdraw, reject, reset): styled apart from the
    /// view's primary action.
    pub fn danger(mut self) -> FormBuilder {
        self.variant = Some("danger");
        self
    }

    /// A destructive action that asks first: the page shows only a button naming the action;
    /// pressing it opens, in place, the message `what_happens` (what will be lost, who is told)
    /// and the form with its real button. Plain HTML (`<details>`), so it asks the same way
    /// without JavaScript; a refused post comes back open, with its error.
    pub fn confirm(mut self, what_happens: &'static str) -> FormBuilder {
        self.variant = Some("danger");
        self.confirm = Some(what_happens);
        self
    }

    /// Gives the form element an id, so that inputs outside it (a box on each row of a list) can
    /// belong to it with `form="<id>"`.
    pub fn form_id(mut self, id: impl Into<String>) -> FormBuilder {
        self.form_id = Some(id.into());
        self
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

    /// What a field holds when the page opens (the stored value); what was typed in a refused
    /// post wins over it.
    pub fn value(mut self, name: &str, value: impl Into<String>) -> FormBuilder {
        self.values.push((name.to_string(), value.into()));
        self
    }

    /// The ticked boxes of a group, as stored.
    pub fn checked(mut self, name: &str, values: &[String]) -> FormBuilder {
        self.values.extend(values.iter().map(|v| (name.to_string(), v.clone())));
        self
    }

    /// The choices of a select or box group, labelled already (a list the page sorts or builds).
    pub fn options(mut self, name: &str, options: Vec<(String, String)>) -> FormBuilder {
        self.options.push((name.to_string(), options));
        self
    }

    /// Makes the ids of this form's fields unique on a page that shows it more than once.
    pub fn scope(mut self, scope: impl Into<String>) -> FormBuilder {
        self.scope = Some(scope.into());
        self
    }

    pub fn input(mut self, input: Input) -> FormBuilder {
        self.inputs.push(input);
        self
    }

    /// The island's part (what it needs to post and to show errors) and the fields the server
    /// renders as its children.
    pub fn build(self) -> (FormSpec, Vec<FormField>, Vec<(String, String)>) {
        let i18n = use_i18n();
        let generic_errors: Vec<String> = AppError::GENERIC_IDS.iter().map(|id| i18n.t(id)).collect();
        // A refused post without JavaScript: its errors go where the island would put them.
        let (by_field, form_error, typed) = match flash::take(self.action) {
            Some(mut f) => {
                localize_fields(&mut f.error, i18n.lang);
                let names: Vec<String> = self.inputs.iter().map(|i| i.name.to_string()).collect();
                let (by_field, form_error) = place_errors(&f.error, &names, &generic_errors);
                (by_field, form_error, Some(f.values))
            }
            None => (Vec::new(), None, None),
        };
        let field_error = |name: &str| by_field.iter().find(|(n, _)| n == name).map(|(_, text)| text.clone());
        // A box of a group posts as `name[value]`.
        let typed_boxes = |name: &str| -> Vec<String> {
            typed
                .iter()
                .flatten()
                .filter_map(|(k, _)| k.strip_prefix(name)?.strip_prefix('[')?.strip_suffix(']'))
                .map(str::to_string)
                .collect()
        };
        let stored = |name: &str| -> Vec<String> {
            self.values.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
        };
        let fields = self
            .inputs
            .iter()
            .map(|input| {
                let options = match (self.options.iter().find(|(n, _)| n == input.name), input.choices) {
                    (Some((_, list)), _) => list.clone(),
                    (None, Some((prefix, values))) => {
                        values.iter().map(|v| (v.to_string(), i18n.t(&format!("{prefix}-{v}")))).collect()
                    }
                    (None, None) => Vec::new(),
                };
                let value = match (&typed, input.kind) {
                    // A password is never sent back, not even to its owner.
                    (_, "password") => String::new(),
                    (Some(t), _) => t.iter().find(|(k, _)| k == input.name).map(|(_, v)| v.clone()).unwrap_or_default(),
                    (None, _) => stored(input.name).into_iter().next().unwrap_or_default(),
                };
                let checked = match typed {
                    Some(_) => typed_boxes(input.name),
                    None => stored(input.name),
                };
                FormField {
                    name: input.name.to_string(),
                    id: match &self.scope {
                        Some(scope) => format!("field-{scope}-{}", input.name),
                        None => format!("field-{}", input.name),
                    },
                    label: i18n.t(input.label),
                    kind: input.kind.to_string(),
                    autocomplete: input.autocomplete.to_string(),
                    hint: input.hint.map(|h| i18n.t(h)),
                    dir_auto: input.dir_auto,
                    value,
                    error: field_error(input.name),
                    options,
                    checked: if input.kind == "checkboxes" { checked } else { Vec::new() },
                    placeholder: if input.kind == "select" { i18n.t("form-choose") } else { String::new() },
                    required: input.required,
                }
            })
            .collect::<Vec<FormField>>();
        let refs = fields
            .iter()
            .map(|f| FieldRef {
                name: f.name.clone(),
                id: f.id.clone(),
                hint: f.hint.is_some(),
                group: f.kind == "checkboxes",
            })
            .collect();
        let spec = FormSpec {
            action: self.action.to_string(),
            next: self.next,
            fields: refs,
            submit: i18n.t(self.submit),
            error: form_error,
            id: self.form_id,
            variant: self.variant.map(str::to_string),
        };
        (spec, fields, self.hidden)
    }

    pub fn view(self) -> impl IntoView {
        let confirm = self.confirm;
        let (spec, fields, hidden) = self.build();
        let next = spec.next.clone();
        let first_error = fields.iter().position(|f| f.error.is_some());
        let form = view! {
            <Form spec=spec.clone()>
                {next.map(|n| view! { <input type="hidden" name="next" value=n/> })}
                {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
                {fields
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| view! { <Field field=f autofocus=first_error == Some(i)/> })
                    .collect_view()}
            </Form>
        };
        match confirm {
            None => form.into_any(),
            Some(what_happens) => {
                let open = spec.error.is_some() || first_error.is_some();
                view! {
                    <details class="confirm" open=open>
                        <summary class="button secondary" data-testid="confirm-open">{spec.submit.clone()}</summary>
                        <div class="confirm-body">
                            <p>{crate::i18n::t(what_happens)}</p>
                            {form}
                        </div>
                    </details>
                }
                .into_any()
            }
        }
    }
}

/// One field as the server renders it (the island never does): translated, with what was typed
/// or stored, and the error of a refused post in place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormField {
    /// The input's name: the server function's argument.
    pub name: String,
    /// `field-<name>`, or `field-<scope>-<name>` where a page shows the form more than once.
    pub id: String,
    pub label: String,
    /// The input's `type`, or `select`, `checkboxes`, `textarea`.
    pub kind: String,
    pub autocomplete: String,
    pub hint: Option<String>,
    /// User-entered text (names, emails) whose direction the browser should detect.
    pub dir_auto: bool,
    /// What was typed before a refused post (never a password), or what is stored.
    pub value: String,
    pub error: Option<String>,
    /// For `select` and `checkboxes`: `(value, label)`.
    pub options: Vec<(String, String)>,
    /// For `checkboxes`: the values ticked. Each box posts as `name[value]=on`, a map the server
    /// function reads (repeated keys would not survive the query-string decoder).
    pub checked: Vec<String>,
    /// A select's first, empty option ("Choose…").
    pub placeholder: String,
    pub required: bool,
}

#[component]
fn Field(field: FormField, autofocus: bool) -> impl IntoView {
    let FormField {
        name,
        id,
        label,
        kind,
        autocomplete,
        hint,
        dir_auto,
        value,
        error,
        options,
        checked,
        placeholder,
        required,
    } = field;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let ids: Vec<&str> = [hint.is_some().then_some(hint_id.as_str()), error.is_some().then_some(error_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let invalid = error.is_some().then_some("true");
    let has_error = error.is_some();
    let hint = hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> });
    let message = view! { <p class="field-error" id=error_id aria-live="polite">{error}</p> };
    match kind.as_str() {
        // A group of boxes is a fieldset: its legend names the group for screen readers.
        "checkboxes" => view! {
            <fieldset class="field choices" class:has-error=has_error id=id.clone() data-invalid=invalid
                aria-describedby=described_by>
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
            <div class="field" class:has-error=has_error>
                <label for=id.clone()>{label}</label>
                {hint}
                <textarea id=id name=name rows="5" dir=dir_auto.then_some("auto") required=required autofocus=autofocus
                    aria-invalid=invalid aria-describedby=described_by>{value}</textarea>
                {message}
            </div>
        }
        .into_any(),
        "select" => view! {
            <div class="field" class:has-error=has_error>
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
            <div class="field" class:has-error=has_error>
                <label for=id.clone()>{label}</label>
                {hint}
                <input
                    id=id
                    name=name
                    // A number is typed as text with a numeric keyboard: browsers' number inputs
                    // refuse Arabic-Indic digits, which the server reads.
                    type=if kind == "number" { "text".to_string() } else { kind.clone() }
                    inputmode=(kind == "number").then_some("numeric")
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
