//! How a professional-commitment result is read (docs/scoring.md, "Reading a commitment
//! result"). Continuance commitment is the felt cost of leaving the agency: a low score
//! means the person does not stay for what leaving would cost, which is nothing to train
//! or raise. So it is never a result's weakest part. What deserves a conversation is the
//! pattern of staying mainly because leaving costs too much: high continuance with low
//! affective commitment.

use crate::advice::{Advice, advice};
use crate::questionnaire::KOMITMEN;

/// The component whose low score is not a weakness.
pub const CONTINUANCE: &str = "kontinuan";
/// The component whose low score, with high continuance, makes the pattern.
pub const AFFECTIVE: &str = "afektif";

/// Whether a low score of `component` is something to work on. False only for continuance
/// commitment.
pub fn low_is_a_weakness(questionnaire: &str, component: &str) -> bool {
    !(questionnaire == KOMITMEN && component == CONTINUANCE)
}

/// Whether a commitment result shows the pattern worth a conversation: continuance is high
/// (its "high" reading) while affective is low (its "low" reading). Unscored parts never
/// make the pattern.
pub fn stays_for_the_cost(
    affective_percent: Option<f64>,
    continuance_percent: Option<f64>,
) -> bool {
    advice(continuance_percent) == Advice::High && advice(affective_percent) == Advice::Low
}

/// [`stays_for_the_cost`] of a result given as (component, percent) pairs; false for any
/// other questionnaire.
pub fn result_stays_for_the_cost<C: AsRef<str>>(
    questionnaire: &str,
    percents: &[(C, Option<f64>)],
) -> bool {
    let of = |id: &str| {
        percents
            .iter()
            .find(|(c, _)| c.as_ref() == id)
            .and_then(|(_, p)| *p)
    };
    questionnaire == KOMITMEN && stays_for_the_cost(of(AFFECTIVE), of(CONTINUANCE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_continuance_commitment_is_no_weakness_when_low() {
        assert!(!low_is_a_weakness("komitmen", "kontinuan"));
        assert!(low_is_a_weakness("komitmen", "afektif"));
        assert!(low_is_a_weakness("komitmen", "normatif"));
        assert!(low_is_a_weakness("smart-asn", "kontinuan"));
    }

    #[test]
    fn high_continuance_with_low_affective_is_the_pattern() {
        assert!(stays_for_the_cost(Some(30.0), Some(80.0)));
        // Both high, both low, or low continuance: no pattern.
        assert!(!stays_for_the_cost(Some(80.0), Some(80.0)));
        assert!(!stays_for_the_cost(Some(30.0), Some(30.0)));
        assert!(!stays_for_the_cost(Some(80.0), Some(20.0)));
        // Not enough answers is never the pattern.
        assert!(!stays_for_the_cost(None, Some(80.0)));
        assert!(!stays_for_the_cost(Some(30.0), None));
    }

    #[test]
    fn the_pattern_is_read_from_a_commitment_result_only() {
        let result = [
            ("afektif", Some(25.0)),
            ("kontinuan", Some(87.5)),
            ("normatif", Some(50.0)),
        ];
        assert!(result_stays_for_the_cost("komitmen", &result));
        assert!(!result_stays_for_the_cost("smart-asn", &result));
    }
}
