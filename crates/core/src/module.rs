//! Learning modules: one per core value and one per commitment component, and the mapping
//! that points every weak result at something to read.

use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleKind {
    /// About one BerAKHLAK value.
    Value,
    /// About strengthening one commitment component.
    Commitment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub id: String,
    pub kind: ModuleKind,
    /// The value of a value module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The commitment component of a commitment module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// Reading time.
    pub minutes: u32,
    pub title: Text,
    /// Paragraphs separated by a blank line.
    pub intro: Text,
    pub reflection: Text,
    /// Value modules: one block per behavioural indicator.
    #[serde(default, alias = "indicator")]
    pub indicators: Vec<IndicatorExample>,
    pub story: Story,
    /// Suggested *komitmen aksi* for the next seven days.
    #[serde(alias = "action")]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorExample {
    pub indicator: String,
    pub looks_like: Text,
    pub not_like: Text,
}

/// A fictional story of an ASN living the value (shown labelled as an illustration).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub title: Text,
    pub body: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub text: Text,
}

/// `target` is `komitmen:<component>`, `smart-asn:<indicator>` or
/// `indeks-berakhlak:<value>`; `modules` are the module ids to read, most relevant first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub target: String,
    pub modules: Vec<String>,
}
