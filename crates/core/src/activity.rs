//! Active days and the streak: consecutive local days with some practice, questionnaire or
//! reflection. Gentle by design: today not being active yet does not break the streak.

use std::collections::BTreeSet;
use time::{Date, Duration};

/// Consecutive active days ending today, or ending yesterday when today has no activity
/// yet (the day is not over). 0 when neither today nor yesterday was active.
pub fn streak(active: &BTreeSet<Date>, today: Date) -> u32 {
    let mut day = if active.contains(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    let mut n = 0;
    while active.contains(&day) {
        n += 1;
        day -= Duration::days(1);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn days(list: &[Date]) -> BTreeSet<Date> {
        list.iter().copied().collect()
    }

    #[test]
    fn counts_consecutive_days_up_to_today() {
        let active = days(&[
            date!(2026 - 11 - 20),
            date!(2026 - 11 - 21),
            date!(2026 - 11 - 22),
        ]);
        assert_eq!(streak(&active, date!(2026 - 11 - 22)), 3);
    }

    #[test]
    fn today_not_yet_active_keeps_yesterdays_streak() {
        let active = days(&[date!(2026 - 11 - 20), date!(2026 - 11 - 21)]);
        assert_eq!(streak(&active, date!(2026 - 11 - 22)), 2);
    }

    #[test]
    fn a_missed_day_ends_the_streak() {
        let active = days(&[
            date!(2026 - 11 - 18),
            date!(2026 - 11 - 19),
            date!(2026 - 11 - 21),
        ]);
        assert_eq!(streak(&active, date!(2026 - 11 - 21)), 1);
        assert_eq!(streak(&active, date!(2026 - 11 - 23)), 0);
        assert_eq!(streak(&BTreeSet::new(), date!(2026 - 11 - 23)), 0);
    }

    #[test]
    fn crosses_month_and_year_ends() {
        let active = days(&[date!(2026 - 12 - 31), date!(2027 - 01 - 01)]);
        assert_eq!(streak(&active, date!(2027 - 01 - 01)), 2);
    }
}
