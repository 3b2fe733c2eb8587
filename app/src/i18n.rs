//! Languages, their negotiation, and message lookup.
//!
//! Arabic is the default and first language, English the second. The server picks the language of
//! a request (cookie `lang`, then `Accept-Language`, then Arabic) and renders `<html lang dir>`
//! and every string for it. Every string comes from `locales/{ar,en}/*.ftl`, compiled into the
//! server only: islands receive the strings they show as props, already translated.

use std::{borrow::Cow, cell::Cell, collections::HashMap};

use fluent_templates::{fluent_bundle::FluentValue, static_loader, LanguageIdentifier, Loader};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "ar",
        // Numbers in messages take the reader's digits (see [`Digits`]).
        customise: |bundle| bundle.set_formatter(Some(number_in_readers_digits)),
    };
}

thread_local! {
    /// Set while one message is formatted for a reader of Arabic-Indic digits: Fluent's number
    /// formatter is a plain function, so the lookup tells it through this cell.
    static ARABIC_INDIC: Cell<bool> = const { Cell::new(false) };
}

fn number_in_readers_digits<M: fluent_templates::fluent_bundle::memoizer::MemoizerKind>(
    value: &FluentValue,
    _: &M,
) -> Option<String> {
    match value {
        FluentValue::Number(n) if ARABIC_INDIC.with(Cell::get) => Some(arabic_indic(&n.as_string())),
        _ => None,
    }
}

/// Latin digits written as Arabic-Indic ones (`12.5` → `١٢٫٥`): the decimal point between two
/// digits becomes the Arabic decimal separator, the thousands comma the Arabic one.
fn arabic_indic(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut out = String::with_capacity(s.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        out.push(match c {
            '0'..='9' => char::from_u32('\u{0660}' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            '.' if i > 0 && digit(i - 1) && digit(i + 1) => '\u{066B}',
            ',' if i > 0 && digit(i - 1) && digit(i + 1) => '\u{066C}',
            other => other,
        });
    }
    out
}

/// The name of the cookie that remembers the digits a reader of Arabic chose.
pub const DIGITS_COOKIE: &str = "digits";

/// The digits Arabic pages are written in. Latin by default, as Qatar's government and banking
/// services write them online and as every form and time field takes them; a reader who prefers
/// Arabic-Indic digits (١٢٣) chooses them once (the footer's switch), and every number, date and
/// time Tam formats follows. English is always Latin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Digits {
    #[default]
    Latin,
    ArabicIndic,
}

impl Digits {
    pub fn code(self) -> &'static str {
        match self {
            Digits::Latin => "latn",
            Digits::ArabicIndic => "arab",
        }
    }

    pub fn from_code(code: &str) -> Option<Digits> {
        match code.trim() {
            "latn" => Some(Digits::Latin),
            "arab" => Some(Digits::ArabicIndic),
            _ => None,
        }
    }

    pub fn other(self) -> Digits {
        match self {
            Digits::Latin => Digits::ArabicIndic,
            Digits::ArabicIndic => Digits::Latin,
        }
    }

    /// The reader's choice from a `Cookie:` header; Latin without one.
    pub fn from_cookies(cookie_header: Option<&str>) -> Digits {
        cookie_header.and_then(|c| cookie_value(c, DIGITS_COOKIE)).and_then(Digits::from_code).unwrap_or_default()
    }
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

/// The gender of the person the request is for (`female`, `male`), once their session is resolved
/// and where their profile gives it; `other` for a visitor, a mail, or a person who did not say.
/// Every message gets it as `$gender`: Arabic messages that address the reader select on it and
/// read neutral for `other`. (Fluent refuses a selector on a variable it was not given, so it is
/// always given.) A message that names someone else passes that person's `gender` itself.
fn reader_gender() -> &'static str {
    let Some(cache) = use_context::<crate::backend::auth::RequestUser>() else { return "other" };
    let Ok(slot) = cache.0.try_lock() else { return "other" };
    match slot.as_ref().and_then(|u| u.as_ref()).and_then(|u| u.gender.as_deref()) {
        Some("female") => "female",
        Some("male") => "male",
        _ => "other",
    }
}

/// Whether numbers in `lang` are written for this reader in Arabic-Indic digits.
fn arabic_indic_for(lang: Lang) -> bool {
    lang == Lang::Ar && use_i18n().digits == Digits::ArabicIndic
}

/// Formats one message, its numbers in the reader's digits.
fn lookup(lang: Lang, id: &str, args: &HashMap<Cow<'static, str>, FluentValue>) -> Option<String> {
    let shape = arabic_indic_for(lang);
    let before = ARABIC_INDIC.with(|c| c.replace(shape));
    let out = LOCALES.try_lookup_with_args(&lang.langid(), id, args);
    ARABIC_INDIC.with(|c| c.set(before));
    out
}

/// Looks a message up. A missing id shows the id itself (the parity test keeps that from shipping).
pub fn translate(lang: Lang, id: &str) -> String {
    let map = HashMap::from([(Cow::Borrowed("gender"), FluentValue::from(reader_gender()))]);
    lookup(lang, id, &map).unwrap_or_else(|| id.to_string())
}

/// Looks a message up with arguments; numbers passed as `FluentValue::Number` select plural forms.
pub fn translate_args(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let mut map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    map.entry(Cow::Borrowed("gender")).or_insert_with(|| FluentValue::from(reader_gender()));
    lookup(lang, id, &map).unwrap_or_else(|| id.to_string())
}

/// Fills in the text of each field error of a refusal, in `lang`, for the form that shows it.
pub fn localize_fields(error: &mut crate::model::AppError, lang: Lang) {
    if let crate::model::AppError::Validation(errors) = error {
        for e in errors {
            e.text = Some(if e.args.is_empty() {
                translate(lang, &e.message)
            } else {
                let mut map: HashMap<Cow<'static, str>, FluentValue> =
                    e.args.iter().map(|(k, v)| (Cow::Owned(k.clone()), FluentValue::from(v.clone()))).collect();
                map.entry(Cow::Borrowed("gender")).or_insert_with(|| FluentValue::from(reader_gender()));
                lookup(lang, &e.message, &map).unwrap_or_else(|| e.message.clone())
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
    /// The digits of Arabic pages for this reader.
    pub digits: Digits,
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

/// The digits the reader of this request chose (cookie `digits`); Latin without one.
pub fn request_digits() -> Digits {
    let Some(parts) = use_context::<axum::http::request::Parts>() else { return Digits::default() };
    Digits::from_cookies(parts.headers.get(axum::http::header::COOKIE).and_then(|v| v.to_str().ok()))
}

pub fn provide_i18n() -> I18n {
    let i18n = I18n { lang: request_lang(), digits: request_digits() };
    provide_context(i18n);
    i18n
}

/// The page's language; outside a page render (a server function), the request's.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n { lang: request_lang(), digits: request_digits() })
}

/// A message in the page's language: `{t("nav-label")}` or `aria-label=t("nav-label")`.
pub fn t(id: &str) -> String {
    use_i18n().t(id)
}

// Dates, times and numbers: one formatter for every page, chart, mail, export and the certificate.
//
// Fluent wraps each placeable in bidi isolates (U+2068 … U+2069). A date built from placeables and
// then placed in another message nests isolates, and an isolate holding only isolates has no strong
// letter of its own, so the browser lays it out left to right: an Arabic reader then met the year
// first ("2026 ديسمبر 6"). These functions hand back plain text, which the message that holds it
// isolates once, by its first letter (a month name), in the page's direction.

/// Drops Fluent's bidi isolates from a formatted date or time.
fn bare(s: String) -> String {
    if s.contains(['\u{2068}', '\u{2069}']) {
        s.replace(['\u{2068}', '\u{2069}'], "")
    } else {
        s
    }
}

/// Long date in the page's language: day, month name, year ("6 ديسمبر 2026", "December 6, 2026").
pub fn format_date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = translate(lang, &format!("month-{}", date.month()));
    bare(translate_args(
        lang,
        "date-long",
        &[("day", num(date.day())), ("month", text(month)), ("year", num(date.year()))],
    ))
}

/// A time of day in Doha, 24-hour ("08:00"), in the reader's digits.
fn clock(lang: Lang, at: chrono::DateTime<chrono::FixedOffset>) -> String {
    format_digits(lang, &at.format("%H:%M").to_string())
}

/// A moment as people in Qatar read it: the date, then the time ("6 ديسمبر 2026، الساعة 08:00").
pub fn format_datetime(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = crate::clock::local(at);
    bare(translate_args(
        lang,
        "datetime-long",
        &[("date", text(format_date(lang, local.date_naive()))), ("time", text(clock(lang, local)))],
    ))
}

/// A period (a shift, a course session): its date written once when it starts and ends on the
/// same day in Doha ("6 ديسمبر 2026، 08:00–12:00"), both moments in full otherwise.
pub fn format_range(lang: Lang, start: chrono::DateTime<chrono::Utc>, end: chrono::DateTime<chrono::Utc>) -> String {
    let (from, to) = (crate::clock::local(start), crate::clock::local(end));
    let msg = if from.date_naive() == to.date_naive() {
        translate_args(
            lang,
            "datetime-range",
            &[
                ("date", text(format_date(lang, from.date_naive()))),
                ("start", text(clock(lang, from))),
                ("end", text(clock(lang, to))),
            ],
        )
    } else {
        translate_args(
            lang,
            "datetime-range-days",
            &[("start", text(format_datetime(lang, start))), ("end", text(format_datetime(lang, end)))],
        )
    };
    bare(msg)
}

/// A number grouped by thousands, rounded (half to even, as ICU does) to `decimals` places.
/// One digit system per page, the same for every number, date and time on it: Latin digits in
/// English and, unless the reader chose Arabic-Indic ones ([`Digits`]), in Arabic, so a dashboard
/// never mixes `١٢٬٣٤٥` with `12:00`. In Arabic the minus follows an Arabic letter mark (U+061C) so
/// that the sign keeps its place.
pub fn format_number(lang: Lang, n: f64, decimals: usize) -> String {
    if !n.is_finite() {
        return "—".to_string(); // nothing to count: never "NaN" on a dashboard
    }
    let fixed = format!("{:.*}", decimals, n.abs());
    let (int, frac) = fixed.split_once('.').map_or((fixed.as_str(), None), |(i, f)| (i, Some(f)));
    // A value that rounds to zero shows no sign ("-0" means nothing to a reader).
    let negative = n < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let (group, point, minus) = match lang {
        Lang::Ar => (',', '.', "\u{061C}-"),
        Lang::En => (',', '.', "-"),
    };
    let mut out = String::with_capacity(fixed.len() * 2 + 4);
    if negative {
        out.push_str(minus);
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push(point);
        out.push_str(frac);
    }
    format_digits(lang, &out)
}

/// Digits that are not a quantity (a year, a reference) in the reader's digits, ungrouped.
pub fn format_digits(lang: Lang, s: &str) -> String {
    if arabic_indic_for(lang) {
        arabic_indic(s)
    } else {
        s.to_string()
    }
}

/// A whole number (a count, a percentage's figure) in the page's digits, grouped by thousands.
pub fn format_count(lang: Lang, n: impl Into<f64>) -> String {
    format_number(lang, n.into(), 0)
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
    fn numbers_in_arabic_use_the_digits_of_every_other_page() {
        assert_eq!(format_number(Lang::Ar, 12345.0, 0), "12,345");
        assert_eq!(format_number(Lang::Ar, 12345.5, 1), "12,345.5");
        assert_eq!(format_number(Lang::Ar, 1234567.0, 0), "1,234,567");
        assert_eq!(format_number(Lang::Ar, 0.0, 0), "0");
    }

    #[test]
    fn dates_read_day_month_year_then_time_with_a_range_written_once() {
        use chrono::TimeZone;
        let start = chrono::Utc.with_ymd_and_hms(2026, 12, 6, 5, 0, 0).unwrap(); // 08:00 in Doha
        let end = chrono::Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap();
        let next_day = chrono::Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        assert_eq!(format_date(Lang::Ar, start.date_naive()), "6 ديسمبر 2026");
        assert_eq!(format_datetime(Lang::Ar, start), "6 ديسمبر 2026، الساعة 08:00");
        assert_eq!(format_datetime(Lang::En, start), "December 6, 2026, 08:00");
        assert_eq!(format_range(Lang::Ar, start, end), "6 ديسمبر 2026، 08:00–12:00");
        assert_eq!(format_range(Lang::En, start, end), "December 6, 2026, 08:00–12:00");
        assert_eq!(format_range(Lang::En, start, next_day), "December 6, 2026, 08:00 – December 7, 2026, 12:00");
        // No isolate marks: nested in another message, the date keeps the page's direction.
        for s in [format_datetime(Lang::Ar, start), format_range(Lang::Ar, start, next_day)] {
            assert!(!s.contains(['\u{2068}', '\u{2069}']), "{s:?}");
        }
        // Late evening in UTC is already the next day in Doha.
        let late = chrono::Utc.with_ymd_and_hms(2026, 12, 6, 22, 30, 0).unwrap();
        assert_eq!(format_datetime(Lang::En, late), "December 7, 2026, 01:30");
    }

    #[test]
    fn a_reader_who_chose_arabic_indic_digits_reads_every_number_date_and_time_in_them() {
        use chrono::TimeZone;
        let start = chrono::Utc.with_ymd_and_hms(2026, 12, 6, 5, 0, 0).unwrap();
        let end = chrono::Utc.with_ymd_and_hms(2026, 12, 6, 9, 30, 0).unwrap();
        // By default, Latin digits in both languages, numbers in messages included.
        assert!(plain(translate(Lang::Ar, "err-full-name-too-long")).contains("(100 حرف)"));
        let owner = Owner::new();
        owner.with(|| {
            provide_context(I18n { lang: Lang::Ar, digits: Digits::ArabicIndic });
            assert_eq!(format_number(Lang::Ar, 12345.5, 1), "١٢٬٣٤٥٫٥");
            assert_eq!(format_number(Lang::Ar, -3.0, 0), "\u{061C}-٣");
            assert_eq!(format_range(Lang::Ar, start, end), "٦ ديسمبر ٢٠٢٦، ٠٨:٠٠–١٢:٣٠");
            assert_eq!(format_datetime(Lang::Ar, start), "٦ ديسمبر ٢٠٢٦، الساعة ٠٨:٠٠");
            assert_eq!(format_digits(Lang::Ar, "2026"), "٢٠٢٦");
            // Numbers given to a message, and numbers written in one, plural forms unchanged.
            let count = |n: u32| plain(translate_args(Lang::Ar, "home-volunteer-count", &[("count", num(n))]));
            assert_eq!(count(11), "انضم إلى ١١ متطوعًا في تم");
            assert_eq!(count(2), "انضم إلى متطوعَين اثنين في تم");
            assert!(plain(translate(Lang::Ar, "err-full-name-too-long")).contains("(١٠٠ حرف)"));
            // English pages stay Latin for the same reader.
            assert_eq!(format_number(Lang::En, 12345.5, 1), "12,345.5");
            assert_eq!(format_range(Lang::En, start, end), "December 6, 2026, 08:00–12:30");
        });
        // The choice comes from its cookie; anything else is Latin.
        assert_eq!(Digits::from_cookies(Some("lang=ar; digits=arab")), Digits::ArabicIndic);
        assert_eq!(Digits::from_cookies(Some("digits=roman")), Digits::Latin);
        assert_eq!(Digits::from_cookies(None), Digits::Latin);
    }

    #[test]
    fn no_arabic_message_writes_a_number_outside_the_readers_digits() {
        // Numbers in Arabic prose are placeables (`{ 18 }`), so that they follow the reader's
        // digits; Arabic-Indic digits typed into a message would not.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/ar");
        for entry in std::fs::read_dir(root).unwrap() {
            let path = entry.unwrap().path();
            for (i, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
                if line.starts_with("err-digits-unknown") {
                    continue; // names both systems, by example
                }
                assert!(
                    !line.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
                    "{}:{}: {line}",
                    path.display(),
                    i + 1
                );
            }
        }
    }

    #[test]
    fn negative_numbers_lead_with_a_minus() {
        assert_eq!(format_number(Lang::En, -12345.5, 1), "-12,345.5");
        assert_eq!(format_number(Lang::Ar, -12345.0, 0), "\u{061C}-12,345");
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

    /// Every message formats in both languages for every reader (a woman, a man, someone who did
    /// not say): a selector on `$gender` needs its variable, and a variant must not lose another.
    #[test]
    fn every_message_formats_for_every_reader() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        for lang in [Lang::Ar, Lang::En] {
            let mut checked = 0;
            for entry in std::fs::read_dir(root.join(lang.code())).unwrap() {
                let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let mut messages: Vec<(String, String)> = Vec::new();
                for line in source.lines() {
                    match line.split_once('=') {
                        Some((id, rest)) if line.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                            messages.push((id.trim().to_string(), rest.to_string()))
                        }
                        _ => {
                            if let Some(last) = messages.last_mut() {
                                last.1.push_str(line);
                            }
                        }
                    }
                }
                for (id, body) in messages {
                    let vars: std::collections::BTreeSet<&'static str> = body
                        .split('$')
                        .skip(1)
                        .map(|v| v.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next().unwrap())
                        .filter(|v| !v.is_empty() && *v != "gender")
                        .map(|v| &*Box::leak(v.to_string().into_boxed_str()))
                        .collect();
                    for gender in ["female", "male", "other"] {
                        let mut args: Vec<(&'static str, FluentValue<'static>)> =
                            vars.iter().map(|v| (*v, num(3))).collect();
                        args.push(("gender", text(gender)));
                        let out = translate_args(lang, &id, &args);
                        assert!(out != id && !out.trim().is_empty(), "{} {id} for {gender}", lang.code());
                    }
                    checked += 1;
                }
            }
            assert!(checked > 500, "{checked} messages");
        }
        // Outside a request (a mail, a job) the reader is unknown: the neutral form, never the id.
        assert_eq!(translate(Lang::Ar, "role-volunteer"), "التطوع");
        assert_eq!(translate_args(Lang::Ar, "role-volunteer", &[("gender", text("female"))]), "متطوعة");
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
