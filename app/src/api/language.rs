//! The visitor's language.

use leptos::prelude::*;

use crate::model::AppError;

/// Remembers the chosen language for a year. The switch is a plain form: the server answers it
/// with a redirect back to the page, rendered whole in the new language.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use crate::i18n::{Lang, LANG_COOKIE};
    super::respond(
        async {
            let lang = Lang::from_tag(&lang).ok_or_else(|| AppError::field("lang", "err-language-unknown"))?;
            remember_for_a_year(LANG_COOKIE, lang.code())
        }
        .await,
    )
}

/// Remembers, for a year, the digits Arabic pages are written in for this reader (`latn` or
/// `arab`). A plain form like the language switch: the page comes back whole in the new digits.
#[server(endpoint = "set_digits")]
pub async fn set_digits(digits: String) -> Result<(), AppError> {
    use crate::i18n::{Digits, DIGITS_COOKIE};
    super::respond(
        async {
            let digits = Digits::from_code(&digits).ok_or_else(|| AppError::field("digits", "err-digits-unknown"))?;
            remember_for_a_year(DIGITS_COOKIE, digits.code())
        }
        .await,
    )
}

/// A reading preference of this browser, kept for a year.
fn remember_for_a_year(cookie: &str, value: &str) -> Result<(), AppError> {
    use crate::backend::{auth, ctx};
    let attrs = auth::cookie_attrs(ctx()?.secure_cookies);
    auth::set_cookie(format!("{cookie}={value}; Max-Age=31536000; {attrs}"));
    Ok(())
}
