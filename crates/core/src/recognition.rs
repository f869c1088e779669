//! *ASN Inspiratif*: a leader names one person of a unit, after a competition or for a month,
//! with a short citation of the value they lived. The named person decides first whether it
//! may be shown; only then does it appear on the phones of the unit's members.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;
use uuid::Uuid;

/// Longest citation: two or three sentences read on a phone's home card.
pub const MAX_CITATION_CHARS: usize = 400;
/// Shortest citation that can say what the person did.
pub const MIN_CITATION_CHARS: usize = 20;

/// What the named person decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// Not asked yet or not answered: not shown to anyone else.
    Pending,
    Given,
    Declined,
}

/// `POST /recognitions`: name a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRequest {
    /// The unit the recognition is shown in (the person must belong to it or below it).
    pub unit_id: String,
    pub account_id: Uuid,
    /// The BerAKHLAK value the citation is about.
    pub value_id: String,
    pub citation: String,
    /// `YYYY-MM`: the month it recognises.
    pub period: String,
    /// The competition it follows, if any.
    #[serde(default)]
    pub competition_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    #[error(
        "Kutipan harus {MIN_CITATION_CHARS} sampai {MAX_CITATION_CHARS} karakter: ceritakan singkat nilai yang dihidupi."
    )]
    Citation,
    #[error("Periode harus ditulis TTTT-BB, misalnya 2026-12.")]
    Period,
}

impl NameError {
    pub fn code(&self) -> &'static str {
        match self {
            NameError::Citation => "recognition_citation",
            NameError::Period => "recognition_period",
        }
    }
}

impl NameRequest {
    /// Checks the citation and the period (the server checks the unit, person and value).
    pub fn check(&self) -> Result<(), NameError> {
        let n = self.citation.trim().chars().count();
        if !(MIN_CITATION_CHARS..=MAX_CITATION_CHARS).contains(&n) {
            return Err(NameError::Citation);
        }
        if !valid_period(&self.period) {
            return Err(NameError::Period);
        }
        Ok(())
    }
}

/// `YYYY-MM` with a real month from 2021 on.
pub fn valid_period(p: &str) -> bool {
    let Some((y, m)) = p.split_once('-') else {
        return false;
    };
    let (Ok(y), Ok(m)) = (y.parse::<u16>(), m.parse::<u8>()) else {
        return false;
    };
    p.len() == 7 && (2021..=9999).contains(&y) && (1..=12).contains(&m)
}

/// A recognition as the console and the phones show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    pub id: Uuid,
    pub unit_id: String,
    pub unit_name: String,
    pub account_id: Uuid,
    pub person_name: String,
    pub value_id: String,
    pub citation: String,
    pub period: String,
    #[serde(default)]
    pub competition_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub named_at: OffsetDateTime,
    pub consent: Consent,
}

/// `GET /me/recognitions`: one's own (to decide on) and those shown in one's units.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MyRecognitions {
    /// Naming the caller, whatever the decision (newest first).
    pub mine: Vec<Recognition>,
    /// Consented recognitions of the caller's unit and the units above it (newest first).
    pub shown: Vec<Recognition>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(citation: &str, period: &str) -> NameRequest {
        NameRequest {
            unit_id: "u".into(),
            account_id: Uuid::nil(),
            value_id: "pelayanan".into(),
            citation: citation.into(),
            period: period.into(),
            competition_id: None,
        }
    }

    #[test]
    fn a_citation_must_say_something_and_the_period_be_a_real_month() {
        let good = "Melayani warga lansia di rumahnya saat listrik kantor padam.";
        assert_eq!(request(good, "2026-12").check(), Ok(()));
        assert_eq!(
            request("Hebat", "2026-12").check(),
            Err(NameError::Citation)
        );
        assert_eq!(
            request(&"x".repeat(401), "2026-12").check(),
            Err(NameError::Citation)
        );
        for bad in ["2026-13", "2026-1", "26-12", "2020-12", "desember"] {
            assert_eq!(request(good, bad).check(), Err(NameError::Period), "{bad}");
        }
    }
}
