//! The outcome of a form posted without JavaScript, carried across the redirect that answers it.
//!
//! A refused plain post (no JavaScript, or before the WASM arrived) is answered with a redirect back
//! to the page it came from (post/redirect/get), so that a reload never posts again. The error and
//! what was typed (never a password) ride along in a short-lived, HttpOnly cookie; the next render
//! of that form takes them and clears the cookie.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{Deserialize, Serialize};

use super::auth::{cookie_attrs, cookie_name, request_cookie, set_cookie};
use crate::model::AppError;

pub const FLASH_COOKIE: &str = "tam_flash";

/// Browsers keep cookies up to 4096 bytes; values are dropped, longest first, to stay under this.
const MAX_COOKIE_VALUE: usize = 3000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// The server function the form posted to: only that form takes the flash.
    pub action: String,
    pub error: AppError,
    /// `(field, value)` as typed.
    pub values: Vec<(String, String)>,
}

impl Flash {
    /// A flash for a refused post of these fields: passwords and the `next` field are left out.
    pub fn new(action: &str, error: AppError, fields: impl IntoIterator<Item = (String, String)>) -> Flash {
        let values = fields
            .into_iter()
            .filter(|(k, _)| !k.contains("password") && k != "next" && !k.starts_with("__"))
            .collect();
        Flash { action: action.to_string(), error, values }
    }

    pub fn encode(&self) -> String {
        let mut flash = self.clone();
        loop {
            let encoded = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&flash).unwrap_or_default());
            if encoded.len() <= MAX_COOKIE_VALUE || flash.values.is_empty() {
                return encoded;
            }
            let longest = flash.values.iter().enumerate().max_by_key(|(_, (_, v))| v.len()).map(|(i, _)| i);
            if let Some(i) = longest {
                flash.values.remove(i);
            }
        }
    }

    pub fn decode(value: &str) -> Option<Flash> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(value).ok()?).ok()
    }

    /// The `Set-Cookie` value that carries this flash for two minutes.
    pub fn cookie(&self, secure: bool) -> String {
        format!("{}={}; Max-Age=120; {}", cookie_name(FLASH_COOKIE, secure), self.encode(), cookie_attrs(secure))
    }
}

/// The flash this request brought for the form that posts to `action`; the response clears it.
pub fn take(action: &str) -> Option<Flash> {
    let flash = request_cookie(FLASH_COOKIE).as_deref().and_then(Flash::decode).filter(|f| f.action == action)?;
    let secure = super::ctx().map(|c| c.secure_cookies).unwrap_or(false);
    set_cookie(format!("{}=; Max-Age=0; {}", cookie_name(FLASH_COOKIE, secure), cookie_attrs(secure)));
    Some(flash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FieldError;

    #[test]
    fn round_trips_without_passwords() {
        let fields = [("email", "a@b.qa"), ("password", "secret!"), ("new_password", "x"), ("next", "/me")]
            .map(|(k, v)| (k.to_string(), v.to_string()));
        let flash = Flash::new("/api/login", AppError::field("email", "err-email-invalid"), fields);
        assert_eq!(flash.values, [("email".to_string(), "a@b.qa".to_string())]);
        assert_eq!(Flash::decode(&flash.encode()), Some(flash));
        assert_eq!(Flash::decode("not base64 json!"), None);
    }

    #[test]
    fn stays_within_a_cookie() {
        let big = vec![("motivation".to_string(), "ن".repeat(5000)), ("name".to_string(), "Noura".to_string())];
        let flash =
            Flash::new("/api/x", AppError::Validation(vec![FieldError::new("name", "err-full-name-required")]), big);
        let encoded = flash.encode();
        assert!(encoded.len() <= MAX_COOKIE_VALUE);
        assert_eq!(Flash::decode(&encoded).unwrap().values, [("name".to_string(), "Noura".to_string())]);
    }
}
