//! The profile's choices as people read them: each stored value (`first-aid`, `sat-morning`)
//! with its label in the page's language.

use crate::backend::services::profiles::{DAYS, DAY_PARTS};
use crate::i18n::{text, I18n};

/// The label of one value: the message `{prefix}-{value}` (`skill-first-aid`).
pub fn label(i18n: I18n, prefix: &str, value: &str) -> String {
    i18n.t(&format!("{prefix}-{value}"))
}

/// Every value of a taxonomy with its label, in the taxonomy's order.
pub fn choices(i18n: I18n, prefix: &str, values: &[&str]) -> Vec<(String, String)> {
    values.iter().map(|v| (v.to_string(), label(i18n, prefix, v))).collect()
}

/// A time of the week (`sat-morning`) as "Saturday morning".
pub fn slot_label(i18n: I18n, slot: &str) -> String {
    let Some((day, part)) = slot.split_once('-') else { return slot.to_string() };
    i18n.t_args("slot-label", &[("day", text(label(i18n, "day", day))), ("part", text(label(i18n, "part", part)))])
}

/// The 21 times of the week, Saturday morning first.
pub fn slot_choices(i18n: I18n) -> Vec<(String, String)> {
    DAYS.iter()
        .flat_map(|d| DAY_PARTS.iter().map(move |p| format!("{d}-{p}")))
        .map(|slot| {
            let shown = slot_label(i18n, &slot);
            (slot, shown)
        })
        .collect()
}
