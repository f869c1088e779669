//! Join codes: six digits a hall can read off the projector and type, never starting with
//! 0 (a phone keypad or a spreadsheet would drop it). The server keeps them unique among
//! games that are running; a code dies with its game.

use super::Coded;
use crate::rng::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

const LOWEST: u32 = 100_000;
const HIGHEST: u32 = 999_999;

/// A 6-digit join code, 100000–999999. On the wire a string of six digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct JoinCode(u32);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeError {
    #[error("Kode kuis harus 6 angka.")]
    Malformed,
}

impl Coded for CodeError {
    fn code(&self) -> &'static str {
        "join_code_malformed"
    }

    fn english(&self) -> String {
        "A quiz code has 6 digits.".into()
    }
}

impl JoinCode {
    /// A code drawn uniformly from the 900,000 possible ones. The server draws again when
    /// the code is already taken by a running game.
    pub fn generate(rng: &mut Rng) -> JoinCode {
        JoinCode(LOWEST + rng.below((HIGHEST - LOWEST + 1) as usize) as u32)
    }

    /// Reads a code as typed or taken from `/gabung/<code>`: spaces and dashes between
    /// digits are allowed ("123 456", "123-456").
    pub fn parse(input: &str) -> Result<JoinCode, CodeError> {
        let digits: String = input
            .trim()
            .chars()
            .filter(|c| *c != ' ' && *c != '-')
            .collect();
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::Malformed);
        }
        let n: u32 = digits.parse().map_err(|_| CodeError::Malformed)?;
        if n < LOWEST {
            return Err(CodeError::Malformed);
        }
        Ok(JoinCode(n))
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

impl TryFrom<String> for JoinCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        JoinCode::parse(&s)
    }
}

impl From<JoinCode> for String {
    fn from(code: JoinCode) -> String {
        code.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_have_six_digits_and_never_a_leading_zero() {
        let mut rng = Rng::new(11);
        let codes: Vec<JoinCode> = (0..2000).map(|_| JoinCode::generate(&mut rng)).collect();
        for code in &codes {
            let s = code.to_string();
            assert_eq!(s.len(), 6);
            assert_ne!(&s[..1], "0");
            assert_eq!(JoinCode::parse(&s), Ok(*code));
        }
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert!(
            distinct.len() > 1990,
            "codes repeat too often: {}",
            distinct.len()
        );
    }

    #[test]
    fn typed_codes_may_carry_spaces_or_a_dash() {
        assert_eq!(JoinCode::parse(" 482 913 ").unwrap().value(), 482_913);
        assert_eq!(JoinCode::parse("482-913").unwrap().to_string(), "482913");
    }

    #[test]
    fn wrong_codes_are_refused() {
        for bad in [
            "",
            "12345",
            "1234567",
            "012345",
            "12a456",
            "１２３４５６",
            "+12345",
        ] {
            assert_eq!(JoinCode::parse(bad), Err(CodeError::Malformed), "{bad}");
        }
    }

    #[test]
    fn a_code_travels_as_a_string() {
        let code = JoinCode::parse("700001").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"700001\"");
        let back: JoinCode = serde_json::from_str("\"700001\"").unwrap();
        assert_eq!(back, code);
        assert!(serde_json::from_str::<JoinCode>("\"070001\"").is_err());
    }
}
