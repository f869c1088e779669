//! Questionnaire figures of a period wait until it has ended.
//!
//! The anonymity rule ([`super::suppression`]) protects one published state. A period that is
//! still running changes as responses arrive: a unit shown with 10 respondents in the morning
//! and 11 in the afternoon differs by exactly one person's answers, for anyone who kept both
//! screens. So a questionnaire figure is shown only for a period that has ended on the
//! agency's calendar; until then its cell says when it will appear. Practice figures (quiz
//! results, which a live quiz puts on a leaderboard anyway) and participation stay live.
//! docs/anonymity.md, "A running period".

use super::period::Period;
use super::suppression::{Reason, Visibility};
use time::Date;

/// True once every day of `period` has passed: `today` (the agency's local date) lies after it.
pub fn has_ended(period: &Period, today: Date) -> bool {
    today >= period.next_first_day()
}

/// The fate of a questionnaire cell of `period` seen on `today`: what the anonymity rule
/// decided once the period has ended, otherwise hidden as [`Reason::Running`].
pub fn questionnaire_visibility(decided: Visibility, period: &Period, today: Date) -> Visibility {
    if has_ended(period, today) {
        decided
    } else {
        Visibility::Suppressed(Reason::Running)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_period_ends_at_the_start_of_the_next_local_day_after_it() {
        let march: Period = "2026-03".parse().unwrap();
        assert!(!has_ended(&march, date!(2026 - 03 - 01)));
        assert!(!has_ended(&march, date!(2026 - 03 - 31)));
        assert!(has_ended(&march, date!(2026 - 04 - 01)));
        let year: Period = "2026".parse().unwrap();
        assert!(!has_ended(&year, date!(2026 - 12 - 31)));
        assert!(has_ended(&year, date!(2027 - 01 - 01)));
        let q4: Period = "2025-Q4".parse().unwrap();
        assert!(has_ended(&q4, date!(2026 - 01 - 01)));
    }

    #[test]
    fn a_running_period_hides_even_a_cell_the_rule_would_show() {
        let q: Period = "2026-Q4".parse().unwrap();
        let running = date!(2026 - 12 - 01);
        assert_eq!(
            questionnaire_visibility(Visibility::Shown, &q, running),
            Visibility::Suppressed(Reason::Running)
        );
        let ended = date!(2027 - 01 - 02);
        assert_eq!(
            questionnaire_visibility(Visibility::Shown, &q, ended),
            Visibility::Shown
        );
        // Once ended, the rule's own decision stands (a small cell stays hidden).
        let small = Visibility::Suppressed(Reason::BelowK);
        assert_eq!(questionnaire_visibility(small, &q, ended), small);
    }
}
