//! The shape of the demo agency's results: which values are weak, how much stronger or
//! weaker a unit is, and when in the year people practise less. Kept in one place so the
//! dashboards show the same story everywhere, and the tests can check it.

use time::{Date, Month};

/// How a unit does compared with the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Strong,
    Average,
    Weak,
}

impl Strength {
    /// Added to a person's answers on the 1–5 questionnaire scale.
    pub fn likert(self) -> f64 {
        match self {
            Strength::Strong => 0.35,
            Strength::Average => 0.0,
            Strength::Weak => -0.35,
        }
    }

    /// Added to the chance of answering a practice question correctly.
    pub fn accuracy(self) -> f64 {
        match self {
            Strength::Strong => 0.09,
            Strength::Average => 0.0,
            Strength::Weak => -0.09,
        }
    }

    /// Share of a unit's members who use the app (a range: drawn per unit).
    pub fn participation(self) -> (f64, f64) {
        match self {
            Strength::Strong => (0.85, 0.95),
            Strength::Average => (0.55, 0.8),
            Strength::Weak => (0.35, 0.5),
        }
    }
}

/// Per BerAKHLAK value: offset on the 1–5 scale and on practice accuracy. Adaptif is the
/// weakest value (as agencies' own index surveys often find); Loyal and Harmonis the
/// strongest. A value missing here gets no offset.
const VALUES: [(&str, f64, f64); 7] = [
    ("pelayanan", 0.2, 0.03),
    ("akuntabel", 0.15, 0.02),
    ("kompeten", 0.0, 0.0),
    ("harmonis", 0.3, 0.04),
    ("loyal", 0.35, 0.05),
    ("adaptif", -0.5, -0.1),
    ("kolaboratif", 0.05, 0.01),
];

/// The value that comes out weakest.
pub const WEAKEST_VALUE: &str = "adaptif";

pub fn value_likert(value: &str) -> f64 {
    VALUES.iter().find(|v| v.0 == value).map_or(0.0, |v| v.1)
}

pub fn value_accuracy(value: &str) -> f64 {
    VALUES.iter().find(|v| v.0 == value).map_or(0.0, |v| v.2)
}

/// Offsets of the other questionnaires' components: continuance commitment below the
/// others; foreign languages and global outlook the SMART ASN gaps, integrity the strength.
pub fn component_likert(component: &str) -> f64 {
    match component {
        "afektif" => 0.3,
        "kontinuan" => -0.25,
        "normatif" => 0.1,
        "integritas" => 0.4,
        "nasionalisme" => 0.3,
        "ti-bahasa-asing" => -0.45,
        "wawasan-global" => -0.25,
        "entrepreneurship" => -0.1,
        other => value_likert(other),
    }
}

/// The agency mean on the 1–5 scale before offsets (about 70 %: band B, "Cukup Sehat").
pub const BASE_LIKERT: f64 = 3.75;

/// Chance of a correct first answer by question difficulty (1 easy – 3 hard).
pub fn base_accuracy(difficulty: u8) -> f64 {
    match difficulty {
        0 | 1 => 0.82,
        2 => 0.7,
        _ => 0.56,
    }
}

/// Idul Fitri (1 Syawal) by year, as set by the government's joint decree; the weeks around
/// it (cuti bersama, mudik) are the year's quietest.
const LEBARAN: [(i32, Month, u8); 7] = [
    (2024, Month::April, 10),
    (2025, Month::March, 31),
    (2026, Month::March, 20),
    (2027, Month::March, 10),
    (2028, Month::February, 27),
    (2029, Month::February, 14),
    (2030, Month::February, 4),
];

fn lebaran(year: i32) -> Option<Date> {
    LEBARAN
        .iter()
        .find(|l| l.0 == year)
        .and_then(|l| Date::from_calendar_date(l.0, l.1, l.2).ok())
}

/// How busy a day is with Resapi, 1.0 being a normal working day: weekends are quiet, the
/// Lebaran weeks very quiet, Ramadan and the year-end holidays somewhat quiet.
pub fn activity(day: Date) -> f64 {
    let weekday = match day.weekday() {
        time::Weekday::Saturday => 0.15,
        time::Weekday::Sunday => 0.08,
        _ => 1.0,
    };
    let season = match lebaran(day.year()) {
        Some(l) if (-7..=9).contains(&(day - l).whole_days()) => 0.2,
        Some(l) if (-30..-7).contains(&(day - l).whole_days()) => 0.85,
        _ if day.month() == Month::December && day.day() >= 22 => 0.45,
        _ if day.month() == Month::January && day.day() == 1 => 0.45,
        _ => 1.0,
    };
    weekday * season
}

/// The month of the seasonal dip within `from..=until`: the month of Lebaran (the year-end
/// holidays are the smaller dip).
pub fn dip_month(from: Date, until: Date) -> Option<(i32, Month)> {
    (from.year()..=until.year())
        .filter_map(lebaran)
        .find(|l| (from..=until).contains(l))
        .map(|l| (l.year(), l.month()))
}

/// Improvement over the year (the programme working): 0 at the start, this much at the end.
pub const YEAR_TREND_LIKERT: f64 = 0.2;

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn lebaran_weeks_are_quieter_than_ordinary_weekdays() {
        // Wed 20 March 2026 is Idul Fitri; Wed 13 May 2026 an ordinary day.
        assert!(activity(date!(2026 - 03 - 20)) < 0.5 * activity(date!(2026 - 05 - 13)));
        assert!(activity(date!(2026 - 05 - 16)) < activity(date!(2026 - 05 - 13)));
        assert_eq!(
            dip_month(date!(2025 - 12 - 01), date!(2026 - 11 - 30)),
            Some((2026, Month::March))
        );
    }

    #[test]
    fn adaptif_is_the_weakest_value_in_both_measures() {
        for (value, likert, accuracy) in VALUES {
            if value != WEAKEST_VALUE {
                assert!(likert > value_likert(WEAKEST_VALUE));
                assert!(accuracy > value_accuracy(WEAKEST_VALUE));
            }
        }
    }
}
