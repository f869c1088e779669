//! What a questionnaire result advises for one component: its "low" advice (what to work
//! on) or its "high" advice (what to keep doing), from the component's percentage.

/// Below this percentage the "low" advice is given. 62.5 % is a 3.5 mean on the 1–5 scale:
/// under it the person mostly did not agree, and advice on what to work on helps more than
/// praise.
pub const LOW_ADVICE_BELOW_PERCENT: f64 = 62.5;

/// The advice for one scored (or unscored) component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// Too few items answered to say anything (never read as a low score).
    NotEnough,
    /// The component's "low" text: what to work on.
    Low,
    /// The component's "high" text: what to keep doing.
    High,
}

/// The advice for a component's percentage (`None`: not enough answers). NaN reads as not
/// enough, never as a score.
pub fn advice(percent: Option<f64>) -> Advice {
    match percent {
        Some(p) if p.is_nan() => Advice::NotEnough,
        None => Advice::NotEnough,
        Some(p) if p < LOW_ADVICE_BELOW_PERCENT => Advice::Low,
        Some(_) => Advice::High,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::item_percent;

    #[test]
    fn a_mean_below_three_and_a_half_gets_the_low_advice() {
        assert_eq!(advice(Some(item_percent(3.4))), Advice::Low);
        assert_eq!(advice(Some(0.0)), Advice::Low);
        assert_eq!(advice(Some(62.4)), Advice::Low);
    }

    #[test]
    fn a_mean_of_three_and_a_half_or_more_gets_the_high_advice() {
        assert_eq!(advice(Some(item_percent(3.5))), Advice::High);
        assert_eq!(advice(Some(62.5)), Advice::High);
        assert_eq!(advice(Some(100.0)), Advice::High);
    }

    #[test]
    fn too_few_answers_give_no_advice_rather_than_a_low_one() {
        assert_eq!(advice(None), Advice::NotEnough);
        assert_eq!(advice(Some(f64::NAN)), Advice::NotEnough);
    }
}
