//! The content model: values with their indicators, the practice question bank, the
//! scoring configuration the device needs offline, and the unit tree. Content files in
//! `content/` deserialize into these types; the bundle is what the app downloads.

use crate::module::{Mapping, Module};
use crate::questionnaire::{Questionnaire, Scale};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A BerAKHLAK core value with its three behavioural indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    #[serde(alias = "indicator")]
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A workplace scene: which response best shows the value?
    Situational,
    /// What a value or indicator means.
    Knowledge,
}

/// A multiple-choice practice question with four options, one of them best.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub value: String,
    pub indicator: String,
    pub difficulty: u8,
    /// Short enough to read on a projector in under 20 seconds (live quizzes).
    #[serde(default)]
    pub projector: bool,
    pub kind: QuestionKind,
    /// Id of the best option.
    pub answer: String,
    pub stem: Text,
    pub explanation: Text,
    #[serde(alias = "option")]
    pub options: Vec<QuestionOption>,
    /// The wording's revision: bumped whenever the stem, an option or the key changes, so
    /// records and item statistics never mix two wordings.
    #[serde(default = "first_rev")]
    pub rev: u32,
    #[serde(default, skip_serializing_if = "ItemStatus::is_active")]
    pub status: ItemStatus,
    /// The regulation and article the question tests, where it tests a rule
    /// ("UU 20/2023 Pasal 4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Who the rule applies to, where it does not apply to every civil servant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    /// The related competency of PermenPAN-RB 38/2017, where one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
}

fn first_rev() -> u32 {
    1
}

/// Where a question is in its life: only active questions are drawn; retired ones stay in
/// the bundle so old records and the history still show their wording.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Draft,
    #[default]
    Active,
    Retired,
}

impl ItemStatus {
    fn is_active(&self) -> bool {
        *self == ItemStatus::Active
    }
}

/// A group of civil servants a rule is limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Pegawai Negeri Sipil.
    Pns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja.
    Pppk,
    /// Central government (kementerian/lembaga).
    Pusat,
    /// Regional government (pemerintah daerah).
    Daerah,
}

impl Question {
    /// Whether practice, live quizzes and competitions may draw it.
    pub fn is_drawable(&self) -> bool {
        self.status == ItemStatus::Active
    }

    pub fn option(&self, id: &str) -> Option<&QuestionOption> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn is_correct(&self, option_id: &str) -> bool {
        self.answer == option_id
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    pub id: String,
    pub text: Text,
}

/// A health category band of the BerAKHLAK implementation index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// "A", "B", "C".
    pub grade: String,
    pub label: Text,
    /// The lowest percentage (inclusive) in this band.
    pub min_percent: f64,
}

/// Scoring settings the device needs offline. The server's configuration is the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringConfig {
    /// Highest band first.
    pub index_bands: Vec<Band>,
}

impl Default for ScoringConfig {
    /// The defaults (docs/scoring.md): A "Sehat" ≥ 75, B "Cukup Sehat" ≥ 50, C "Tidak Sehat" below.
    fn default() -> Self {
        ScoringConfig {
            index_bands: vec![
                Band {
                    grade: "A".into(),
                    label: Text::new("Sehat", "Healthy"),
                    min_percent: 75.0,
                },
                Band {
                    grade: "B".into(),
                    label: Text::new("Cukup Sehat", "Fairly healthy"),
                    min_percent: 50.0,
                },
                Band {
                    grade: "C".into(),
                    label: Text::new("Tidak Sehat", "Unhealthy"),
                    min_percent: 0.0,
                },
            ],
        }
    }
}

/// Everything the app downloads to work offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentBundle {
    /// Changes whenever any content changes; records carry it.
    pub version: String,
    pub values: Vec<Value>,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub scales: Vec<Scale>,
    #[serde(default)]
    pub questionnaires: Vec<Questionnaire>,
    #[serde(default)]
    pub modules: Vec<Module>,
    #[serde(default)]
    pub mappings: Vec<Mapping>,
    pub scoring: ScoringConfig,
}

impl ContentBundle {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn value(&self, id: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.id == id)
    }

    pub fn questionnaire(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaires.iter().find(|q| q.id == id)
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }
}

/// A work unit in the agency's org chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default, alias = "parent")]
    pub parent_id: Option<String>,
}

/// A stable content version: FNV-1a 64 of the bundle's canonical JSON (without version).
pub fn content_version(canonical_json: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in canonical_json {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_changes_with_content() {
        assert_eq!(content_version(b"abc"), content_version(b"abc"));
        assert_ne!(content_version(b"abc"), content_version(b"abd"));
        assert_eq!(content_version(b"").len(), 16);
    }
}
