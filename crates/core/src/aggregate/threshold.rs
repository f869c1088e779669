//! The anonymity threshold k: a group figure is shown only where at least k people are in
//! it. k is 5 by default; an agency's configuration may raise it, never lower it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The default and the lowest allowed k.
pub const DEFAULT_K: u32 = 5;

/// A validated k (≥ [`DEFAULT_K`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct MinRespondents(u32);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "Ambang anonimitas k = {0} terlalu kecil: paling sedikit {DEFAULT_K} responden (boleh dinaikkan, tidak boleh diturunkan)."
)]
pub struct ThresholdError(pub u32);

impl ThresholdError {
    pub fn code(&self) -> &'static str {
        "anonymity_k_too_low"
    }
}

impl MinRespondents {
    /// k = [`DEFAULT_K`].
    pub const DEFAULT: MinRespondents = MinRespondents(DEFAULT_K);

    /// Checks a configured k: at least [`DEFAULT_K`].
    pub fn new(k: u32) -> Result<MinRespondents, ThresholdError> {
        if k < DEFAULT_K {
            return Err(ThresholdError(k));
        }
        Ok(MinRespondents(k))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// True for a count that must be hidden on its own: someone, but fewer than k.
    pub fn too_few(self, n: u32) -> bool {
        n > 0 && n < self.0
    }
}

impl Default for MinRespondents {
    fn default() -> Self {
        MinRespondents::DEFAULT
    }
}

impl TryFrom<u32> for MinRespondents {
    type Error = ThresholdError;
    fn try_from(k: u32) -> Result<Self, ThresholdError> {
        MinRespondents::new(k)
    }
}

impl From<MinRespondents> for u32 {
    fn from(k: MinRespondents) -> u32 {
        k.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_can_only_be_raised() {
        assert_eq!(MinRespondents::default().get(), 5);
        assert_eq!(MinRespondents::new(5).map(MinRespondents::get), Ok(5));
        assert_eq!(MinRespondents::new(10).map(MinRespondents::get), Ok(10));
        assert_eq!(MinRespondents::new(4), Err(ThresholdError(4)));
        assert_eq!(MinRespondents::new(0), Err(ThresholdError(0)));
        // A configuration file is checked the same way.
        assert!(serde_json::from_str::<MinRespondents>("3").is_err());
        assert_eq!(
            serde_json::from_str::<MinRespondents>("7").unwrap().get(),
            7
        );
    }

    #[test]
    fn zero_and_k_are_not_too_few() {
        let k = MinRespondents::default();
        assert!(!k.too_few(0));
        assert!(k.too_few(1) && k.too_few(4));
        assert!(!k.too_few(5));
    }
}
