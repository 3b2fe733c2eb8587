use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{get_profile_form, ResendGuardianConsent, SaveProfile};
use crate::backend::services::profiles::{CAUSES, EDUCATION, GENDERS, LANGUAGES, MUNICIPALITIES, SKILLS};
use crate::backend::services::profiles::{NATIONALITIES, STEPS};
use crate::components::forms::{FormBuilder, Input};
use crate::components::guard::guarded;
use crate::components::query_param;
use crate::components::taxonomy;
use crate::i18n::{format_datetime, num, t, text, use_i18n};
use crate::model::ProfileForm;

/// The step titles, in order, as message ids.
const STEP_TITLES: [&str; 4] =
    ["profile-step-about", "profile-step-skills", "profile-step-time", "profile-step-contacts"];

/// `/me/profile?step=N`: the volunteer fills in the profile in four short steps, any order, each
/// saved on its own, with the meter showing how complete it is.
#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <Title text=t("profile-title")/>
        {guarded(get_profile_form, |d| view! { <Profile form=d/> })}
    }
}

/// The step asked for in the URL (1 to 4), as an index.
fn current_step() -> usize {
    query_param("step").and_then(|s| s.parse::<usize>().ok()).filter(|s| (1..=STEPS.len()).contains(s)).unwrap_or(1) - 1
}

#[component]
fn Profile(form: ProfileForm) -> impl IntoView {
    let i18n = use_i18n();
    let step = current_step();
    let ProfileForm { values, completeness, minor, guardian_email, guardian_consent_at } = form;
    let last = step + 1 == STEPS.len();
    let next = if last { "/me?profile=saved".to_string() } else { format!("/me/profile?step={}&saved=1", step + 2) };
    let mut builder = FormBuilder::new::<SaveProfile>(if last { "profile-save" } else { "profile-save-next" })
        .hidden("step", step.to_string())
        .next(next);
    for (name, value) in &values {
        builder = builder.value(name, value.clone());
    }
    let builder = match step {
        0 => {
            let mut nationalities = taxonomy::choices(i18n, "nationality", &NATIONALITIES);
            // "Other" stays last; the rest in the reader's alphabet.
            nationalities[..NATIONALITIES.len() - 1].sort_by(|a, b| a.1.cmp(&b.1));
            builder
                .options("nationality", nationalities)
                .input(
                    Input::new("name_ar", "field-name-ar")
                        .optional()
                        .autocomplete("name")
                        .dir_auto()
                        .hint("field-name-ar-hint"),
                )
                .input(
                    Input::new("name_latin", "field-name-latin")
                        .optional()
                        .autocomplete("name")
                        .dir_auto()
                        .hint("field-name-latin-hint"),
                )
                .input(
                    Input::new("mobile", "field-mobile")
                        .kind("tel")
                        .optional()
                        .autocomplete("tel")
                        .hint("field-phone-hint"),
                )
                .input(
                    Input::new("birth_date", "field-birth-date")
                        .kind("date")
                        .optional()
                        .autocomplete("bday")
                        .hint("field-birth-date-hint"),
                )
                .input(Input::new("gender", "field-gender").optional().select("gender", &GENDERS))
                .input(Input::new("nationality", "field-nationality").optional().select("nationality", &NATIONALITIES))
                .input(
                    Input::new("municipality", "field-municipality").optional().select("municipality", &MUNICIPALITIES),
                )
                .input(Input::new("education", "field-education").optional().select("education", &EDUCATION))
        }
        1 => builder
            .input(Input::new("languages", "field-languages").optional().checkboxes("language", &LANGUAGES))
            .input(Input::new("skills", "field-skills").optional().checkboxes("skill", &SKILLS))
            .input(
                Input::new("skills_other", "field-skills-other").optional().dir_auto().hint("field-skills-other-hint"),
            )
            .input(Input::new("causes", "field-causes").optional().checkboxes("cause", &CAUSES)),
        2 => {
            let slots = taxonomy::slot_choices(i18n);
            builder.options("availability", slots).input(
                Input::new("availability", "field-availability")
                    .optional()
                    .checkboxes("slot", &[])
                    .hint("field-availability-hint"),
            )
        }
        _ => builder
            .input(Input::new("emergency_name", "field-emergency-name").optional().dir_auto())
            .input(
                Input::new("emergency_phone", "field-emergency-phone").kind("tel").optional().hint("field-phone-hint"),
            )
            .input(Input::new("emergency_relation", "field-emergency-relation").optional().dir_auto())
            .input(Input::new("guardian_name", "field-guardian-name").optional().dir_auto().hint("field-guardian-hint"))
            .input(Input::new("guardian_phone", "field-guardian-phone").kind("tel").optional())
            .input(Input::new("guardian_email", "field-guardian-email").kind("email").optional().dir_auto())
            .input(Input::new("guardian_relation", "field-guardian-relation").optional().dir_auto()),
    };
    view! {
        <section class="panel" data-testid="profile">
            <h1>{t("profile-title")}</h1>
            <p class="lead">{t("profile-lead")}</p>
            <CompletenessMeter percent=completeness testid="completeness"/>
            {query_param("saved").map(|_| view! { <p class="notice" role="status" data-testid="saved">{t("profile-saved")}</p> })}
            {minor.then(|| view! {
                <GuardianState email=guardian_email consented=guardian_consent_at/>
            })}
            <nav aria-label=t("profile-steps")>
                <ol class="steps">
                    {STEP_TITLES
                        .iter()
                        .enumerate()
                        .map(|(i, title)| {
                            let here = i == step;
                            view! {
                                <li class:current=here>
                                    <a href=format!("/me/profile?step={}", i + 1) aria-current=here.then_some("step")>
                                        {i18n.t_args("profile-step-n", &[("n", num((i + 1) as f64))])}" "{t(title)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <h2>{t(STEP_TITLES[step])}</h2>
            {builder.view()}
            <p><A href="/me">{t("profile-back")}</A></p>
        </section>
    }
}

/// How complete the profile is, as a labelled progress bar (on `/me` and on the profile).
#[component]
pub fn CompletenessMeter(percent: u8, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="meter" data-testid=testid>
            <label for="completeness">{i18n.t_args("profile-complete", &[("percent", num(percent as f64))])}</label>
            <progress id="completeness" max="100" value=percent.to_string()>{format!("{percent}%")}</progress>
        </div>
    }
}

/// A minor's guardian: consent given (when), or asked for (with "send again"), or not named yet.
#[component]
fn GuardianState(email: Option<String>, consented: Option<chrono::DateTime<chrono::Utc>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match (consented, email) {
        (Some(at), _) => view! {
            <p data-testid="guardian-consented">
                {i18n.t_args("profile-guardian-consented", &[("date", text(format_datetime(i18n.lang, at)))])}
            </p>
        }
        .into_any(),
        (None, Some(email)) => view! {
            <p data-testid="guardian-pending">{i18n.t_args("profile-guardian-pending", &[("email", text(email))])}</p>
            {FormBuilder::new::<ResendGuardianConsent>("profile-guardian-resend").view()}
        }
        .into_any(),
        (None, None) => view! { <p data-testid="guardian-missing">{t("profile-guardian-missing")}</p> }.into_any(),
    };
    view! { <div class="notice">{body}</div> }
}
