//! How a Cronbach's α and a corrected item-total correlation read for the people who look
//! after the questionnaires (the console's "Kualitas ukur"). The bands and their sources are
//! in `docs/console-dashboard.md`: α ≥ 0.70 is the usual floor for a scale used to compare
//! groups (Nunnally 1978), 0.60–0.70 is "questionable" in George & Mallery's widely used
//! steps (2003); an item correlating below 0.30 with the rest of its component is the common
//! cue to look at its wording (Nunnally & Bernstein 1994).

/// α at or above this: the component holds together well enough to compare units by.
pub const ALPHA_GOOD: f64 = 0.7;
/// α at or above this (and below [`ALPHA_GOOD`]): usable, with care.
pub const ALPHA_FAIR: f64 = 0.6;
/// A corrected item-total correlation below this: the item may measure something else.
pub const MIN_ITEM_TOTAL: f64 = 0.3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlphaReading {
    /// ≥ 0.70.
    Good,
    /// 0.60 up to 0.70.
    Fair,
    /// < 0.60: the component's items should be looked at.
    Review,
}

impl AlphaReading {
    pub fn of(alpha: f64) -> AlphaReading {
        if alpha >= ALPHA_GOOD {
            AlphaReading::Good
        } else if alpha >= ALPHA_FAIR {
            AlphaReading::Fair
        } else {
            AlphaReading::Review
        }
    }

    /// A stable name for styling and tests.
    pub fn code(self) -> &'static str {
        match self {
            AlphaReading::Good => "good",
            AlphaReading::Fair => "fair",
            AlphaReading::Review => "review",
        }
    }
}

/// Whether an item's corrected item-total correlation asks for a look at the item. An item
/// that does not vary (`None`) tells nothing about the component either.
pub fn weak_item(corrected_item_total: Option<f64>) -> bool {
    corrected_item_total.is_none_or(|r| r < MIN_ITEM_TOTAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_reads_by_its_band_with_each_bound_in_the_upper_band() {
        assert_eq!(AlphaReading::of(0.92), AlphaReading::Good);
        assert_eq!(AlphaReading::of(0.70), AlphaReading::Good);
        assert_eq!(AlphaReading::of(0.6999), AlphaReading::Fair);
        assert_eq!(AlphaReading::of(0.60), AlphaReading::Fair);
        assert_eq!(AlphaReading::of(0.5999), AlphaReading::Review);
        // α can be negative when items pull against each other.
        assert_eq!(AlphaReading::of(-0.3), AlphaReading::Review);
    }

    #[test]
    fn an_item_is_weak_below_030_or_when_it_does_not_vary() {
        assert!(weak_item(Some(0.29)));
        assert!(weak_item(Some(-0.1)));
        assert!(weak_item(None));
        assert!(!weak_item(Some(0.30)));
        assert!(!weak_item(Some(0.65)));
    }
}
