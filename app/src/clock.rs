//! Qatar's time, in one place. Tam stores moments in UTC; people in Qatar read and type them in
//! Arabia Standard Time (UTC+3 all year, no daylight saving). Every conversion goes through here,
//! in Rust and in SQL.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, SubsecRound, Utc};

/// Qatar's offset from UTC, in hours.
pub const OFFSET_HOURS: i64 = 3;

/// The same shift in SQL: SQLite's date-function modifier and PostgreSQL's interval.
pub const SQLITE_MODIFIER: &str = "'+3 hours'";
pub const POSTGRES_INTERVAL: &str = "INTERVAL '3 hours'";

/// The day of the week in Qatar (0 = Sunday) of a `timestamptz` column, in PostgreSQL. One text
/// for the filter that uses it and for the statistics PostgreSQL keeps on it (migration 19), which
/// it recognizes only by the same expression.
pub fn postgres_weekday(column: &str) -> String {
    format!("CAST(EXTRACT(DOW FROM {column} + {POSTGRES_INTERVAL}) AS INTEGER)")
}

fn offset() -> FixedOffset {
    FixedOffset::east_opt((OFFSET_HOURS * 3600) as i32).expect("UTC+3 is a valid offset")
}

/// Now, to the second: both databases then store the same value.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

/// A moment as a clock in Qatar shows it.
pub fn local(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&offset())
}

/// The date in Qatar at a moment (late evening in UTC is already the next day there).
pub fn date(at: DateTime<Utc>) -> NaiveDate {
    local(at).date_naive()
}

/// Today's date in Qatar: ages and "today" are Qatar's.
pub fn today() -> NaiveDate {
    date(now())
}

/// A date and time typed in Qatar's time, as the moment it names.
pub fn from_local(local: NaiveDateTime) -> DateTime<Utc> {
    (local - Duration::hours(OFFSET_HOURS)).and_utc()
}

/// When a day begins in Qatar, as a moment.
pub fn midnight(day: NaiveDate) -> DateTime<Utc> {
    from_local(day.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn qatar_is_three_hours_ahead_all_year() {
        let late = Utc.with_ymd_and_hms(2026, 12, 6, 22, 30, 0).unwrap();
        assert_eq!(date(late), NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        assert_eq!(local(late).format("%H:%M").to_string(), "01:30");
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 5, 0, 0).unwrap();
        assert_eq!(local(summer).format("%H:%M").to_string(), "08:00");
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(midnight(day), Utc.with_ymd_and_hms(2026, 12, 6, 21, 0, 0).unwrap());
        assert_eq!(from_local(day.and_hms_opt(8, 0, 0).unwrap()), Utc.with_ymd_and_hms(2026, 12, 7, 5, 0, 0).unwrap());
    }
}
