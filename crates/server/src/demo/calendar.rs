//! The demo year: which day something happened (weighted by [`patterns::activity`]) and at
//! what time, in WIB (UTC+7) working hours mostly, some in the evening.

use super::patterns;
use super::random;
use resapi_core::rng::Rng;
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset};

/// Western Indonesia Time, where the agency's head office is.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// The days of the demo period with their cumulative activity, for weighted picks.
pub struct Calendar {
    pub first: Date,
    pub last: Date,
    /// Nothing is dated at or after this instant (the moment the demo is made).
    pub now: OffsetDateTime,
    cumulative: Vec<f64>,
}

impl Calendar {
    /// `days` days ending with `last` (the day the demo is made, or an earlier day).
    pub fn new(last: Date, days: u16, now: OffsetDateTime) -> Calendar {
        let first = last - Duration::days(i64::from(days.max(1)) - 1);
        let mut cumulative = Vec::with_capacity(usize::from(days));
        let mut total = 0.0;
        for i in 0..days.max(1) {
            total += patterns::activity(first + Duration::days(i64::from(i)));
            cumulative.push(total);
        }
        Calendar {
            first,
            last,
            now,
            cumulative,
        }
    }

    pub fn days(&self) -> usize {
        self.cumulative.len()
    }

    pub fn date(&self, index: usize) -> Date {
        self.first + Duration::days(index as i64)
    }

    /// A day index at or after `from`, busy days more likely.
    pub fn pick_day(&self, rng: &mut Rng, from: usize) -> usize {
        let from = from.min(self.days() - 1);
        let below = if from == 0 {
            0.0
        } else {
            self.cumulative[from - 1]
        };
        let total = self.cumulative[self.days() - 1];
        let target = below + random::unit(rng) * (total - below);
        let found = self.cumulative.partition_point(|c| *c <= target);
        found.clamp(from, self.days() - 1)
    }

    /// How far through the period a day is (0 at the start, 1 at the end).
    pub fn progress(&self, index: usize) -> f64 {
        index as f64 / (self.days().max(2) - 1) as f64
    }

    /// A moment on day `index`: office hours (peaks mid-morning and mid-afternoon) or, one
    /// time in six, the evening. Always before `now`.
    pub fn moment(&self, rng: &mut Rng, index: usize) -> OffsetDateTime {
        let minutes = if random::chance(rng, 1.0 / 6.0) {
            random::between(rng, 19 * 60, 22 * 60)
        } else if random::chance(rng, 0.5) {
            random::between(rng, 8 * 60, 11 * 60 + 30)
        } else {
            random::between(rng, 13 * 60, 16 * 60 + 30)
        };
        let seconds = random::between(rng, 0, 59);
        let time = Time::from_hms((minutes / 60) as u8, (minutes % 60) as u8, seconds as u8)
            .unwrap_or(Time::MIDNIGHT);
        let at = self.date(index).with_time(time).assume_offset(WIB);
        self.before_now(at.to_offset(UtcOffset::UTC))
    }

    /// `at`, or a day earlier when it falls after `now` (the last day's later hours).
    pub fn before_now(&self, at: OffsetDateTime) -> OffsetDateTime {
        let mut at = at;
        while at >= self.now {
            at -= Duration::days(1);
        }
        at
    }

    /// The day index of an instant, if it is in the period.
    pub fn index_of(&self, at: OffsetDateTime) -> Option<usize> {
        let day = at.to_offset(WIB).date();
        let index = (day - self.first).whole_days();
        (0..self.days() as i64)
            .contains(&index)
            .then_some(index as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn moments_fall_in_the_period_before_now_and_mostly_in_office_hours() {
        let now = datetime!(2026-11-30 05:00 UTC);
        let cal = Calendar::new(date!(2026 - 11 - 30), 365, now);
        assert_eq!(cal.days(), 365);
        assert_eq!(cal.first, date!(2025 - 12 - 01));
        let mut rng = Rng::new(1);
        let mut office = 0;
        for _ in 0..2000 {
            let day = cal.pick_day(&mut rng, 0);
            let at = cal.moment(&mut rng, day);
            assert!(at < now);
            assert!(at.to_offset(WIB).date() >= cal.first);
            let hour = at.to_offset(WIB).hour();
            if (8..17).contains(&hour) {
                office += 1;
            }
        }
        assert!(office > 1500, "{office} of 2000 in office hours");
    }
}
