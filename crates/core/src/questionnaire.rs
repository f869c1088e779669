//! Questionnaires (Likert): the professional-commitment scale, the SMART ASN
//! self-assessment and the BerAKHLAK implementation index, with their answer scales.

use crate::text::Text;
use serde::{Deserialize, Serialize};

mod forms;

/// An answer scale: five labelled points, 1 (lowest) to 5 (highest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    #[serde(alias = "point")]
    pub points: Vec<ScalePoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    pub value: u8,
    pub label: Text,
}

/// The lowest and highest points of every scale.
pub const SCALE_MIN: u8 = 1;
pub const SCALE_MAX: u8 = 5;

/// Questionnaire ids.
pub const KOMITMEN: &str = "komitmen";
pub const SMART_ASN: &str = "smart-asn";
pub const INDEKS_BERAKHLAK: &str = "indeks-berakhlak";

/// The three commitment components (Meyer & Allen).
pub const COMMITMENT_COMPONENTS: [&str; 3] = ["afektif", "kontinuan", "normatif"];

/// The eight SMART ASN indicators (seed 000, table 2).
pub const SMART_ASN_INDICATORS: [&str; 8] = [
    "integritas",
    "nasionalisme",
    "profesionalisme",
    "wawasan-global",
    "ti-bahasa-asing",
    "hospitality",
    "networking",
    "entrepreneurship",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    /// Id of its [`Scale`].
    pub scale: String,
    /// About how long it takes.
    pub minutes: u32,
    pub title: Text,
    /// What it is for, in plain language.
    pub purpose: Text,
    #[serde(alias = "component")]
    pub components: Vec<Component>,
    #[serde(alias = "item")]
    pub items: Vec<Item>,
    /// The form asked now (1 for a questionnaire never revised). A revision that changes an
    /// item's meaning gives the new wording a new id and raises the form.
    #[serde(default = "first_form")]
    pub form: u32,
    /// Items of earlier forms, no longer asked. Answers given to them stay known, so a
    /// response on an earlier form still syncs and is scored on the form it was given on
    /// (see `forms`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Item>,
}

fn first_form() -> u32 {
    1
}

impl Questionnaire {
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    pub fn items_of<'a>(&'a self, component: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.component == component)
    }
}

/// What a questionnaire scores separately: a commitment component, a SMART ASN indicator,
/// or a BerAKHLAK value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// What a low result means and what helps.
    pub low: Text,
    /// What a high result means.
    pub high: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub component: String,
    /// Scored as `6 - answer`.
    #[serde(default)]
    pub reverse: bool,
    /// The behavioural indicator an index item asks about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    pub text: Text,
    /// The form the item was first asked in (none: form 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<u32>,
    /// A retired item: the last form it was asked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<u32>,
}
