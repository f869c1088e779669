//! When a measurement-quality statistic is not computed, and why. Two floors: k (nobody's
//! answers may be read out of a statistic over fewer people, the same rule as the
//! dashboards) and [`MIN_FOR_QUALITY`] (below it the statistic is too unstable to act on).

use super::threshold::MinRespondents;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Fewest people for α or an item analysis. At 20 respondents the 95 % interval of a
/// typical α (≈ 0.7, 6 items) is about ± 0.2, and the standard error of a difficulty near
/// 0.5 is 0.11: enough to spot a broken item, not enough to fine-tune one.
pub const MIN_FOR_QUALITY: u32 = 20;

/// The number of people a quality statistic needs under threshold `k`.
pub fn min_people(k: MinRespondents) -> u32 {
    k.get().max(MIN_FOR_QUALITY)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NotEnough {
    /// Fewer than k people: not shown for anonymity.
    BelowK { k: u32 },
    /// At least k but fewer than the statistic needs (`n` is safe to show here).
    TooFewPeople { n: u32, min: u32 },
    /// α needs at least two items.
    TooFewItems { items: u32 },
    /// Everyone gave the same answers: no variation to measure.
    NoVariance,
}

impl NotEnough {
    pub fn code(self) -> &'static str {
        match self {
            NotEnough::BelowK { .. } => "below_k",
            NotEnough::TooFewPeople { .. } => "too_few_people",
            NotEnough::TooFewItems { .. } => "too_few_items",
            NotEnough::NoVariance => "no_variance",
        }
    }

    pub fn message(self) -> Text {
        match self {
            NotEnough::BelowK { k } => Text::new(
                format!("Kurang dari {k} responden"),
                format!("Fewer than {k} respondents"),
            ),
            NotEnough::TooFewPeople { n, min } => Text::new(
                format!("Baru {n} orang; perlu paling sedikit {min} agar angkanya bermakna"),
                format!("Only {n} people; at least {min} are needed for a meaningful figure"),
            ),
            NotEnough::TooFewItems { items } => Text::new(
                format!("Hanya {items} butir; perlu paling sedikit 2"),
                format!("Only {items} item(s); at least 2 are needed"),
            ),
            NotEnough::NoVariance => Text::new(
                "Semua jawaban sama: tidak ada variasi untuk diukur",
                "All answers are the same: no variation to measure",
            ),
        }
    }
}

/// Checks the number of people against k and [`MIN_FOR_QUALITY`].
pub fn check_people(n: usize, k: MinRespondents) -> Result<u32, NotEnough> {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    if n < k.get() {
        return Err(NotEnough::BelowK { k: k.get() });
    }
    let min = min_people(k);
    if n < min {
        return Err(NotEnough::TooFewPeople { n, min });
    }
    Ok(n)
}
