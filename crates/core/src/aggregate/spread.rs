//! How spread out a group's scores are, in a form a leader reads at a glance: the mean, the
//! standard deviation, and the middle half (first quartile, median, third quartile).
//!
//! No minimum or maximum on purpose: the lowest and the highest score are always one
//! person's exact score, and in a unit of five the lowest is often easy to attribute. The
//! quartiles interpolate between neighbours and the middle half says the same thing a leader
//! needs ("most of us are between 60 and 75") without pointing at anyone.

use super::stats::{mean, quantile_sorted, sample_sd};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// People with a score.
    pub n: u32,
    pub mean: f64,
    /// Sample standard deviation; `None` for a single score.
    pub sd: Option<f64>,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

impl Spread {
    /// The spread of the scores given (NaN dropped); `None` when there are none.
    pub fn of(scores: &[f64]) -> Option<Spread> {
        let mut sorted: Vec<f64> = scores.iter().copied().filter(|x| !x.is_nan()).collect();
        sorted.sort_by(f64::total_cmp);
        Some(Spread {
            n: u32::try_from(sorted.len()).unwrap_or(u32::MAX),
            mean: mean(&sorted)?,
            sd: sample_sd(&sorted),
            q1: quantile_sorted(&sorted, 0.25)?,
            median: quantile_sorted(&sorted, 0.5)?,
            q3: quantile_sorted(&sorted, 0.75)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_of_five_scores() {
        // 50 60 70 80 90: mean 70, sd √250 ≈ 15.81, quartiles 60 / 70 / 80.
        let s = Spread::of(&[90.0, 50.0, 70.0, 60.0, 80.0]).unwrap();
        assert_eq!(
            (s.n, s.mean, s.q1, s.median, s.q3),
            (5, 70.0, 60.0, 70.0, 80.0)
        );
        assert!((s.sd.unwrap() - 250f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn one_score_has_no_sd_and_none_has_no_spread() {
        let s = Spread::of(&[42.0]).unwrap();
        assert_eq!((s.n, s.sd, s.median), (1, None, 42.0));
        assert_eq!(Spread::of(&[]), None);
        assert_eq!(Spread::of(&[f64::NAN]), None);
    }
}
