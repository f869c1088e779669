//! The seven-day rule of a *komitmen aksi*: the person commits to an action for the next
//! seven days, and on the seventh day (their local day) Resapi asks how it went, until they
//! answer. Days travel as `YYYY-MM-DD` (the `due_on` of a commitment record).

use time::{Date, Month};

/// Days from the commitment to the check-in.
pub const COMMITMENT_DAYS: i64 = 7;

/// The local day the check-in of a commitment made on `committed_on` is due.
pub fn due_on(committed_on: Date) -> Date {
    committed_on.saturating_add(time::Duration::days(COMMITMENT_DAYS))
}

/// A day as the records carry it: `YYYY-MM-DD`.
pub fn format_day(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// Reads a `YYYY-MM-DD` day; `None` when it is not one.
pub fn parse_day(s: &str) -> Option<Date> {
    // By hand, not with a `time` format description: that parser costs the phone's wasm
    // about 10 KB for this one date.
    let mut parts = s.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// Whether home asks about a commitment today: its due day (`due_on`, `YYYY-MM-DD`) has come
/// and it has no check-in yet. A due day that cannot be read asks at once, so a damaged
/// commitment can still be closed rather than waiting for ever.
pub fn checkin_due(due_on: &str, checked_in: bool, today: Date) -> bool {
    !checked_in && parse_day(due_on).is_none_or(|due| due <= today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_check_in_is_due_seven_days_after_the_commitment() {
        assert_eq!(due_on(date!(2026 - 11 - 24)), date!(2026 - 12 - 01));
        // Across a year's end and a leap day.
        assert_eq!(due_on(date!(2026 - 12 - 28)), date!(2027 - 01 - 04));
        assert_eq!(due_on(date!(2028 - 02 - 25)), date!(2028 - 03 - 03));
    }

    #[test]
    fn days_are_written_and_read_as_year_month_day() {
        assert_eq!(format_day(date!(2026 - 03 - 05)), "2026-03-05");
        assert_eq!(parse_day("2026-03-05"), Some(date!(2026 - 03 - 05)));
        assert_eq!(parse_day("5/3/2026"), None);
        assert_eq!(parse_day("2026-02-30"), None);
    }

    #[test]
    fn home_asks_from_the_due_day_on_until_the_person_answers() {
        let due = "2026-12-01";
        assert!(!checkin_due(due, false, date!(2026 - 11 - 30)));
        assert!(checkin_due(due, false, date!(2026 - 12 - 01)));
        assert!(checkin_due(due, false, date!(2027 - 03 - 01)));
        assert!(!checkin_due(due, true, date!(2026 - 12 - 01)));
    }

    #[test]
    fn an_unreadable_due_day_asks_at_once() {
        assert!(checkin_due("soon", false, date!(2026 - 12 - 01)));
        assert!(!checkin_due("soon", true, date!(2026 - 12 - 01)));
    }
}
