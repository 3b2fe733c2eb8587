//! Text as people type it and as spreadsheets read it: the forgiving form of a name or word that
//! search compares, and a CSV cell that cannot run as a formula.

use crate::model::inputs::latin_digits;

/// The form search compares, so that `احمد` finds `أحمد`: Arabic diacritics and tatweel are
/// dropped, alef forms (أ إ آ ٱ) become ا, taa marbuta ة becomes ه, alef maqsura ى becomes ي,
/// Arabic-Indic digits become Latin ones, Latin letters are lower-cased, invisible format
/// characters go, and runs of spaces become one.
pub fn normalize_for_search(s: &str) -> String {
    let digits = latin_digits(s);
    let mut out = String::with_capacity(digits.len());
    let mut space = true;
    for c in digits.chars() {
        let c = match c {
            // Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => continue,
            c if crate::model::inputs::is_invisible_format(c) => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// One CSV cell (RFC 4180), safe to open in a spreadsheet: a value that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be read as a formula, so it gets a leading apostrophe.
pub fn csv_cell(value: &str) -> String {
    let neutral =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// A CSV line of cells, ending in CRLF.
pub fn csv_line<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut line = cells.into_iter().map(csv_cell).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_search_forgives_how_people_type() {
        let n = normalize_for_search;
        assert_eq!(n("أحمد"), n("احمد"));
        assert_eq!(n("إيمان"), n("ايمان"));
        assert_eq!(n("آمنة"), n("امنه"));
        assert_eq!(n("فاطمة"), n("فاطمه"));
        assert_eq!(n("مصطفى"), n("مصطفي"));
        assert_eq!(n("مُحَمَّد"), n("محمد"), "diacritics");
        assert_eq!(n("محـــمد"), n("محمد"), "tatweel");
        assert_eq!(n("٢٠٢٦"), "2026");
        assert_eq!(n("  Fatima   AL-Kuwari "), "fatima al-kuwari");
        assert_eq!(n("نو\u{200F}رة"), n("نورة"), "invisible marks");
        assert_ne!(n("احمد"), n("حمد"));
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        for dangerous in ["=HYPERLINK(\"http://x\")", "+974 5555 1234", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"] {
            assert!(csv_cell(dangerous).trim_start_matches('"').starts_with('\''), "{dangerous:?}");
        }
        assert_eq!(csv_cell("فاطمة"), "فاطمة");
        assert_eq!(csv_cell("Al-Kuwari, Fatima"), "\"Al-Kuwari, Fatima\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1,2"), "\"'=1,2\"");
        assert_eq!(csv_line(["a", "=b"]), "a,'=b\r\n");
    }
}
