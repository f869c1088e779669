//! Dashboard periods: a month, a quarter or a year of the agency's local calendar. A month
//! lies in one quarter, a quarter in one year. Written `2026-03`, `2026-Q1`, `2026` (in URLs,
//! the API and exports).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;
use time::{Date, Month, OffsetDateTime, UtcOffset};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

/// A calendar period. `index` is the month (1–12), the quarter (1–4), or 1 for a year;
/// the constructors keep it in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    kind: PeriodKind,
    year: i32,
    index: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("Periode `{0}` tidak dikenal (contoh: 2026-03, 2026-Q1, 2026).")]
pub struct PeriodError(pub String);

impl PeriodError {
    pub fn code(&self) -> &'static str {
        "invalid_period"
    }
}

impl Period {
    pub fn year(year: i32) -> Period {
        Period {
            kind: PeriodKind::Year,
            year,
            index: 1,
        }
    }

    pub fn quarter(year: i32, quarter: u8) -> Result<Period, PeriodError> {
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError(format!("{year}-Q{quarter}")));
        }
        Ok(Period {
            kind: PeriodKind::Quarter,
            year,
            index: quarter,
        })
    }

    pub fn month(year: i32, month: u8) -> Result<Period, PeriodError> {
        if !(1..=12).contains(&month) {
            return Err(PeriodError(format!("{year}-{month:02}")));
        }
        Ok(Period {
            kind: PeriodKind::Month,
            year,
            index: month,
        })
    }

    /// The period of `kind` holding a local day.
    pub fn of_date(date: Date, kind: PeriodKind) -> Period {
        let month = u8::from(date.month());
        let index = match kind {
            PeriodKind::Month => month,
            PeriodKind::Quarter => (month - 1) / 3 + 1,
            PeriodKind::Year => 1,
        };
        Period {
            kind,
            year: date.year(),
            index,
        }
    }

    /// The period of `kind` holding an instant, on the agency's calendar (`offset`: WIB +7,
    /// WITA +8, WIT +9): a response at 23:30 WIB on 31 March counts in March.
    pub fn of_instant(at: OffsetDateTime, offset: UtcOffset, kind: PeriodKind) -> Period {
        Period::of_date(at.to_offset(offset).date(), kind)
    }

    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    pub fn calendar_year(&self) -> i32 {
        self.year
    }

    /// Months 1–12 covered (inclusive).
    fn month_range(&self) -> (u8, u8) {
        match self.kind {
            PeriodKind::Month => (self.index, self.index),
            PeriodKind::Quarter => (self.index * 3 - 2, self.index * 3),
            PeriodKind::Year => (1, 12),
        }
    }

    /// True when every day of `other` lies in `self` (a period contains itself).
    pub fn contains(&self, other: &Period) -> bool {
        let (a, b) = self.month_range();
        let (c, d) = other.month_range();
        self.year == other.year && a <= c && d <= b
    }

    /// True when the local day lies in the period.
    pub fn contains_date(&self, date: Date) -> bool {
        self.contains(&Period::of_date(date, PeriodKind::Month))
    }

    /// The first local day.
    pub fn first_day(&self) -> Date {
        let month = Month::try_from(self.month_range().0).unwrap_or(Month::January);
        Date::from_calendar_date(self.year, month, 1).unwrap_or(Date::MIN)
    }

    /// The first local day after the period (for half-open ranges in queries).
    pub fn next_first_day(&self) -> Date {
        let (_, last) = self.month_range();
        let (year, month) = if last == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, last + 1)
        };
        let month = Month::try_from(month).unwrap_or(Month::January);
        Date::from_calendar_date(year, month, 1).unwrap_or(Date::MAX)
    }

    /// The periods one level down: a year's quarters, a quarter's months; none for a month.
    pub fn children(&self) -> Vec<Period> {
        let (first, last) = self.month_range();
        match self.kind {
            PeriodKind::Year => (1..=4)
                .map(|q| Period {
                    kind: PeriodKind::Quarter,
                    year: self.year,
                    index: q,
                })
                .collect(),
            PeriodKind::Quarter => (first..=last)
                .map(|m| Period {
                    kind: PeriodKind::Month,
                    year: self.year,
                    index: m,
                })
                .collect(),
            PeriodKind::Month => Vec::new(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Month => write!(f, "{:04}-{:02}", self.year, self.index),
            PeriodKind::Quarter => write!(f, "{:04}-Q{}", self.year, self.index),
            PeriodKind::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Period, PeriodError> {
        let bad = || PeriodError(s.chars().take(20).collect());
        let number = |t: &str| -> Result<u32, PeriodError> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            t.parse().map_err(|_| bad())
        };
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 {
            return Err(bad());
        }
        let year = i32::try_from(number(year)?).map_err(|_| bad())?;
        match rest {
            None => Ok(Period::year(year)),
            Some(r) if r.len() == 2 && r.starts_with('Q') => {
                let q = u8::try_from(number(&r[1..])?).map_err(|_| bad())?;
                Period::quarter(year, q).map_err(|_| bad())
            }
            Some(r) if r.len() == 2 => {
                let m = u8::try_from(number(r)?).map_err(|_| bad())?;
                Period::month(year, m).map_err(|_| bad())
            }
            Some(_) => Err(bad()),
        }
    }
}

impl TryFrom<String> for Period {
    type Error = PeriodError;
    fn try_from(s: String) -> Result<Period, PeriodError> {
        s.parse()
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, offset};

    #[test]
    fn labels_round_trip() {
        for s in ["2026-03", "2026-12", "2026-Q1", "2026-Q4", "2026"] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        for s in [
            "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26", "2026-3", "", "2026-", "x",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    #[test]
    fn a_late_evening_in_wib_counts_in_the_local_month() {
        // 31 March 17:30 UTC is 1 April 00:30 WIB.
        let at = datetime!(2026-03-31 17:30 UTC);
        assert_eq!(
            Period::of_instant(at, offset!(+7), PeriodKind::Month).to_string(),
            "2026-04"
        );
        assert_eq!(
            Period::of_instant(at, offset!(+7), PeriodKind::Quarter).to_string(),
            "2026-Q2"
        );
        assert_eq!(
            Period::of_instant(at, offset!(UTC), PeriodKind::Month).to_string(),
            "2026-03"
        );
    }

    #[test]
    fn containment_and_children() {
        let y = Period::year(2026);
        let q1 = Period::quarter(2026, 1).unwrap();
        let m3 = Period::month(2026, 3).unwrap();
        let m4 = Period::month(2026, 4).unwrap();
        assert!(y.contains(&q1) && q1.contains(&m3) && y.contains(&m4));
        assert!(!q1.contains(&m4) && !m3.contains(&q1));
        assert!(!Period::year(2025).contains(&m3));
        assert_eq!(y.children().len(), 4);
        assert_eq!(
            q1.children(),
            vec![
                Period::month(2026, 1).unwrap(),
                Period::month(2026, 2).unwrap(),
                m3
            ]
        );
        assert!(m3.children().is_empty());
        assert!(q1.contains_date(date!(2026 - 02 - 28)));
    }

    #[test]
    fn the_api_carries_a_period_as_its_label() {
        let q = Period::quarter(2026, 2).unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"2026-Q2\"");
        assert_eq!(
            serde_json::from_str::<Period>("\"2026-07\"").unwrap(),
            Period::month(2026, 7).unwrap()
        );
        assert!(serde_json::from_str::<Period>("\"2026-Q9\"").is_err());
    }

    #[test]
    fn half_open_day_range() {
        let q4 = Period::quarter(2026, 4).unwrap();
        assert_eq!(q4.first_day(), date!(2026 - 10 - 01));
        assert_eq!(q4.next_first_day(), date!(2027 - 01 - 01));
        let feb = Period::month(2028, 2).unwrap();
        assert_eq!(feb.next_first_day(), date!(2028 - 03 - 01));
    }
}
