//! Validated inputs: a value of these types has passed its rules, so services never re-check.
//! Each `parse` returns the Fluent id of the reason it refused.

use serde::{Deserialize, Serialize};

/// Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits read as Latin digits, so that people
/// typing on an Arabic keyboard are understood.
pub fn latin_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// Bidi controls and zero-width characters (U+200B–200F, U+202A–202E, U+2066–2069): in a name they
/// could reorder or hide what a coordinator reads next to it.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A path on this site to send the browser to (`/me`, `/org?tab=1`), or `None` for anything that
/// could lead elsewhere (`//evil.example`, `/\\evil.example`, `https://…`): an open redirect would
/// let a link to Tam forward people to a look-alike site.
pub fn local_path(raw: &str) -> Option<&str> {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && raw.len() <= 2048
        && !raw.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(raw)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let s = latin_digits(raw.trim()).to_lowercase();
        if s.is_empty() {
            return Err("err-email-required");
        }
        let valid = s.len() <= 254
            && s.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && local.len() <= 64
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            })
            && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
        if valid {
            Ok(Email(s))
        } else {
            Err("err-email-invalid")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullName(String);

impl FullName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        // Collapse runs of spaces: "  Fatima   Al-Kuwari " is one name.
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.chars().count() < 2 {
            return Err("err-full-name-required");
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err("err-full-name-too-long");
        }
        if s.chars().any(|c| c.is_control() || is_invisible_format(c) || matches!(c, '<' | '>' | '{' | '}' | '\\')) {
            return Err("err-full-name-invalid");
        }
        Ok(FullName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password. Never serialized back to anyone; only its Argon2id hash is stored.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let n = raw.chars().count();
        if n < Self::MIN_CHARS {
            Err("err-password-too-short")
        } else if n > Self::MAX_CHARS {
            Err("err-password-too-long")
        } else {
            Ok(Password(raw.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_redirect_targets() {
        for good in ["/", "/me", "/org?tab=people&page=2", "/login?next=%2Fme"] {
            assert_eq!(local_path(good), Some(good));
        }
        for bad in ["", "me", "//evil.example", "/\\evil.example", "/a\\b", "https://evil.example", "/a b", "/\nx"] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn email_is_trimmed_and_lowercased() {
        assert_eq!(Email::parse("  Fatima@Example.QA ").unwrap().as_str(), "fatima@example.qa");
    }

    #[test]
    fn email_accepts_arabic_indic_digits() {
        assert_eq!(Email::parse("user٢٠٢٦@qf.org.qa").unwrap().as_str(), "user2026@qf.org.qa");
    }

    #[test]
    fn email_refuses_malformed() {
        assert_eq!(Email::parse("   "), Err("err-email-required"));
        for bad in ["no-at-sign", "@example.qa", "a@b", "a@@b.qa", "a@.qa", "a b@c.qa", "a@b..qa", "a@b.qa."] {
            assert_eq!(Email::parse(bad), Err("err-email-invalid"), "{bad}");
        }
        assert_eq!(Email::parse(&format!("{}@x.qa", "a".repeat(65))), Err("err-email-invalid"));
    }

    #[test]
    fn full_name_collapses_spaces_and_keeps_arabic() {
        assert_eq!(FullName::parse("  فاطمة   الكواري ").unwrap().as_str(), "فاطمة الكواري");
    }

    #[test]
    fn full_name_refuses_empty_long_and_markup() {
        assert_eq!(FullName::parse(" "), Err("err-full-name-required"));
        assert_eq!(FullName::parse(&"ن".repeat(101)), Err("err-full-name-too-long"));
        assert!(FullName::parse(&"ن".repeat(100)).is_ok());
        assert_eq!(FullName::parse("<script>"), Err("err-full-name-invalid"));
    }

    #[test]
    fn full_name_refuses_bidi_controls_and_zero_width_characters() {
        for c in ['\u{200B}', '\u{200D}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            assert_eq!(FullName::parse(&format!("Noura{c} Admin")), Err("err-full-name-invalid"), "U+{:04X}", c as u32);
        }
        // Arabic and Latin letters, marks and hyphens stay welcome.
        assert!(FullName::parse("عبدالله بن سُعود آل-ثاني").is_ok());
    }

    #[test]
    fn password_length_is_counted_in_characters() {
        assert_eq!(Password::parse("short"), Err("err-password-too-short"));
        // Ten Arabic letters are ten characters, though twenty bytes.
        assert!(Password::parse("كلمةمرورقو").is_ok());
        assert_eq!(Password::parse(&"x".repeat(129)), Err("err-password-too-long"));
    }

    #[test]
    fn password_debug_hides_the_secret() {
        assert_eq!(format!("{:?}", Password::parse("correct horse battery").unwrap()), "Password(***)");
    }
}
