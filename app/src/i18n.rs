//! Languages, their negotiation, and message lookup.
//!
//! Arabic is the default and first language, English the second. The server picks the language of
//! a request (cookie `lang`, then `Accept-Language`, then Arabic) and renders `<html lang dir>`
//! and every string for it. Every string comes from `locales/{ar,en}/*.ftl`, compiled into the
//! server only: islands receive the strings they show as props, already translated.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{fluent_bundle::FluentValue, static_loader, LanguageIdentifier, Loader};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "ar",
    };
}

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    /// Reads a language tag (`ar`, `ar-QA`, `EN-gb` …); only the primary subtag matters.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Ar => fluent_templates::langid!("ar"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }
}

/// Cookie first, then the browser's ordered preferences, then Arabic.
pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(lang) = cookie_header.and_then(|c| cookie_value(c, LANG_COOKIE)).and_then(Lang::from_tag) {
        return lang;
    }
    accept_language.and_then(from_accept_language).unwrap_or_default()
}

/// The value of one cookie in a `Cookie:` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v.trim())
    })
}

/// The supported language with the highest quality in an `Accept-Language` header.
fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(Lang::from_tag) else { continue };
        let q =
            parts.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok())).unwrap_or(1.0);
        // Ties keep the earlier entry, as the header's order breaks them.
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

/// Looks a message up. A missing id shows the id itself (the parity test keeps that from shipping).
pub fn translate(lang: Lang, id: &str) -> String {
    LOCALES.try_lookup(&lang.langid(), id).unwrap_or_else(|| id.to_string())
}

/// Looks a message up with arguments; numbers passed as `FluentValue::Number` select plural forms.
pub fn translate_args(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    LOCALES.try_lookup_with_args(&lang.langid(), id, &map).unwrap_or_else(|| id.to_string())
}

/// Fills in the text of each field error of a refusal, in `lang`, for the form that shows it.
pub fn localize_fields(error: &mut crate::model::AppError, lang: Lang) {
    if let crate::model::AppError::Validation(errors) = error {
        for e in errors {
            e.text = Some(if e.args.is_empty() {
                translate(lang, &e.message)
            } else {
                let map: HashMap<Cow<'static, str>, FluentValue> =
                    e.args.iter().map(|(k, v)| (Cow::Owned(k.clone()), FluentValue::from(v.clone()))).collect();
                LOCALES.try_lookup_with_args(&lang.langid(), &e.message, &map).unwrap_or_else(|| e.message.clone())
            });
        }
    }
}

/// A number argument for a Fluent message (drives plural selection).
pub fn num(n: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(n.into())
}

/// A text argument for a Fluent message.
pub fn text(s: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(s.into())
}

/// The language of the page being rendered, shared through context. Pages render on the server
/// only, so it is fixed for the whole request: changing it is a new request (see `set_language`).
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn t(&self, id: &str) -> String {
        translate(self.lang, id)
    }

    pub fn t_args(&self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        translate_args(self.lang, id, args)
    }
}

/// The language of the current request: cookie, then `Accept-Language`, then Arabic.
pub fn request_lang() -> Lang {
    use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
    let Some(parts) = use_context::<axum::http::request::Parts>() else { return Lang::default() };
    let h = |name| parts.headers.get(name).and_then(|v: &axum::http::HeaderValue| v.to_str().ok());
    negotiate(h(COOKIE), h(ACCEPT_LANGUAGE))
}

pub fn provide_i18n() -> I18n {
    let i18n = I18n { lang: request_lang() };
    provide_context(i18n);
    i18n
}

/// The page's language; outside a page render (a server function), the request's.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n { lang: request_lang() })
}

/// A message in the page's language: `{t("nav-home")}` or `aria-label=t("nav-label")`.
pub fn t(id: &str) -> String {
    use_i18n().t(id)
}

/// Long date (day, month name, year) in the page's language, the same on server and browser.
pub fn format_date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = translate(lang, &format!("month-{}", date.month()));
    translate_args(lang, "date-long", &[("day", num(date.day())), ("month", text(month)), ("year", num(date.year()))])
}

/// A moment as people in Qatar read it (Arabia Standard Time, UTC+3, all year): date and time.
pub fn format_datetime(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    let qatar = chrono::FixedOffset::east_opt(3 * 3600).expect("UTC+3 is a valid offset");
    let local = at.with_timezone(&qatar);
    translate_args(
        lang,
        "datetime-long",
        &[("date", text(format_date(lang, local.date_naive()))), ("time", text(local.format("%H:%M").to_string()))],
    )
}

/// A number as CLDR writes it for the language: grouped by thousands, rounded (half to even, as
/// ICU does) to `decimals` places. Arabic (ar-QA) uses Arabic-Indic digits with the Arabic group
/// and decimal separators (`١٢٬٣٤٥٫٥`) and CLDR's minus, a hyphen after an Arabic letter mark
/// (U+061C) so that the sign keeps its place in any direction; English writes `-12,345.5`.
/// Shared by every place that shows a statistic (charts and their tables), so they agree.
pub fn format_number(lang: Lang, n: f64, decimals: usize) -> String {
    if !n.is_finite() {
        return "—".to_string(); // nothing to count: never "NaN" on a dashboard
    }
    let fixed = format!("{:.*}", decimals, n.abs());
    let (int, frac) = fixed.split_once('.').map_or((fixed.as_str(), None), |(i, f)| (i, Some(f)));
    // A value that rounds to zero shows no sign ("-0" means nothing to a reader).
    let negative = n < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let (group, point, minus) = match lang {
        Lang::Ar => ('\u{066C}', '\u{066B}', "\u{061C}-"),
        Lang::En => (',', '.', "-"),
    };
    let digit = |c: char| match lang {
        Lang::Ar => c.to_digit(10).and_then(|d| char::from_u32(0x0660 + d)).unwrap_or(c),
        Lang::En => c,
    };
    let mut out = String::with_capacity(fixed.len() * 2 + 4);
    if negative {
        out.push_str(minus);
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit(c));
    }
    if let Some(frac) = frac {
        out.push(point);
        out.extend(frac.chars().map(digit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fluent isolates placeables with FSI/PDI; comparisons ignore those marks.
    fn plain(s: String) -> String {
        s.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn cookie_wins_over_accept_language() {
        assert_eq!(negotiate(Some("a=1; lang=en"), Some("ar")), Lang::En);
        assert_eq!(negotiate(Some("lang=ar"), Some("en-US,en")), Lang::Ar);
    }

    #[test]
    fn accept_language_respects_quality_and_order() {
        assert_eq!(negotiate(None, Some("fr-FR, en;q=0.8, ar;q=0.9")), Lang::Ar);
        assert_eq!(negotiate(None, Some("en-GB,ar;q=0.5")), Lang::En);
        assert_eq!(negotiate(None, Some("ar-QA")), Lang::Ar);
        assert_eq!(negotiate(None, Some("en;q=0, fr")), Lang::Ar);
    }

    #[test]
    fn unknown_or_missing_falls_back_to_arabic() {
        assert_eq!(negotiate(None, None), Lang::Ar);
        assert_eq!(negotiate(Some("lang=de"), Some("de-DE")), Lang::Ar);
        assert_eq!(negotiate(Some("xlang=en"), None), Lang::Ar);
    }

    #[test]
    fn arabic_plurals_use_all_six_categories() {
        let count = |n: u32| plain(translate_args(Lang::Ar, "home-volunteer-count", &[("count", num(n))]));
        assert_eq!(count(0), "كن أول متطوع في تم");
        assert_eq!(count(1), "انضم إلى متطوع واحد في تم");
        assert_eq!(count(2), "انضم إلى متطوعَين اثنين في تم");
        assert_eq!(count(3), "انضم إلى 3 متطوعين في تم");
        assert_eq!(count(11), "انضم إلى 11 متطوعًا في تم");
        assert_eq!(count(100), "انضم إلى 100 متطوع في تم");
    }

    #[test]
    fn english_plurals() {
        let count = |n: u32| plain(translate_args(Lang::En, "home-volunteer-count", &[("count", num(n))]));
        assert_eq!(count(1), "Join 1 volunteer on Tam");
        assert_eq!(count(7), "Join 7 volunteers on Tam");
    }

    #[test]
    fn dates_format_per_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(plain(format_date(Lang::Ar, d)), "29 نوفمبر 2026");
        assert_eq!(plain(format_date(Lang::En, d)), "November 29, 2026");
    }

    #[test]
    fn numbers_in_english_group_by_thousands() {
        assert_eq!(format_number(Lang::En, 12345.0, 0), "12,345");
        assert_eq!(format_number(Lang::En, 12345.5, 1), "12,345.5");
        assert_eq!(format_number(Lang::En, 1234567.891, 2), "1,234,567.89");
        assert_eq!(format_number(Lang::En, 999.0, 0), "999");
        assert_eq!(format_number(Lang::En, 1000.0, 0), "1,000");
        assert_eq!(format_number(Lang::En, 0.0, 0), "0");
        assert_eq!(format_number(Lang::En, 3.0, 1), "3.0");
        assert_eq!(format_number(Lang::En, 0.25, 1), "0.2"); // half to even, as ICU
        assert_eq!(format_number(Lang::En, 12.6, 0), "13");
    }

    #[test]
    fn numbers_in_arabic_use_arabic_indic_digits_and_separators() {
        assert_eq!(format_number(Lang::Ar, 12345.0, 0), "١٢٬٣٤٥");
        assert_eq!(format_number(Lang::Ar, 12345.5, 1), "١٢٬٣٤٥٫٥");
        assert_eq!(format_number(Lang::Ar, 1234567.0, 0), "١٬٢٣٤٬٥٦٧");
        assert_eq!(format_number(Lang::Ar, 0.0, 0), "٠");
        assert_eq!(format_number(Lang::Ar, 2026.0, 0), "٢٬٠٢٦");
    }

    #[test]
    fn negative_numbers_lead_with_a_minus() {
        assert_eq!(format_number(Lang::En, -12345.5, 1), "-12,345.5");
        assert_eq!(format_number(Lang::Ar, -12345.0, 0), "\u{061C}-١٢٬٣٤٥");
        assert_eq!(format_number(Lang::En, -0.04, 1), "0.0");
        assert_eq!(format_number(Lang::En, -0.0, 0), "0");
        assert_eq!(format_number(Lang::En, f64::NAN, 0), "—");
    }

    /// The message ids of one language, as `file:id`.
    fn ftl_ids(lang: &str) -> std::collections::BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let mut ids = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(root.join(lang)).unwrap() {
            let path = entry.unwrap().path();
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                if line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                    if let Some((id, _)) = line.split_once('=') {
                        ids.insert(format!("{}:{}", path.file_name().unwrap().to_string_lossy(), id.trim()));
                    }
                }
            }
        }
        ids
    }

    /// Every message id exists in both languages (and in the same file).
    #[test]
    fn both_languages_have_the_same_message_ids() {
        let (ar, en) = (ftl_ids("ar"), ftl_ids("en"));
        let only_ar: Vec<_> = ar.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&ar).collect();
        assert!(only_ar.is_empty() && only_en.is_empty(), "only in ar: {only_ar:?}; only in en: {only_en:?}");
        assert!(ar.len() > 50, "the locale files were not read");
    }

    /// Every literal id the sources pass to the lookup helpers exists (in both, by the test above).
    #[test]
    fn every_id_used_in_code_exists() {
        let known: std::collections::BTreeSet<String> =
            ftl_ids("ar").into_iter().map(|i| i.split_once(':').unwrap().1.to_string()).collect();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        let mut stack = vec![src];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.components().any(|c| c.as_os_str() == "islands") {
                    continue; // islands never translate: they show the texts they are given
                }
                let code = std::fs::read_to_string(&path).unwrap();
                // Lookups, error and field-label literals, and a form's submit label
                // (`FormBuilder::new::<Login>("login-submit")`).
                for marker in ["t(\"", "t_args(\"", "\"err-", "\"field-", ">(\""] {
                    for (i, _) in code.match_indices(marker) {
                        // The name must be whole: not the tail of `expect` or `insert`.
                        if code[..i].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') && marker == "t(\""
                        {
                            continue;
                        }
                        // A CSS class (`class="field-error"`) is not a message.
                        if code[..i].ends_with("class=") {
                            continue;
                        }
                        let rest = &code[i + marker.len()..];
                        let id = &rest[..rest.find('"').unwrap()];
                        // Error and field ids are named by their literal, prefix included.
                        let id = &match marker {
                            "\"err-" => format!("err-{id}"),
                            "\"field-" => format!("field-{id}"),
                            _ => id.to_string(),
                        };
                        if id == "err-" || id == "field-" || id.contains('{') || id.starts_with("field-{") {
                            continue; // this test's own markers
                        }
                        // No message id is empty: `row.try_get::<i64>("", "n")` reads a column.
                        if id.is_empty() {
                            continue;
                        }
                        seen += 1;
                        if !known.contains(id) {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 20, "no message ids found in the sources");
        assert!(missing.is_empty(), "ids used in code but missing: {missing:#?}");
    }
}
