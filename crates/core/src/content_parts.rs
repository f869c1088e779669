//! The content bundle in two parts, so that a phone's first download is what practice needs
//! (the values, the questions and the scoring bands) and the rest (questionnaires, modules,
//! their scales and mappings) follows in the background. Each part has the bundle's shape,
//! with the other part's lists left empty, and carries the version, so a phone joins only
//! parts of one version (docs/api.md, `GET /content?part=`).

use crate::content::ContentBundle;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Values, questions and scoring: home and practice.
    Practice,
    /// Scales, questionnaires, modules and mappings (with the scoring again).
    More,
}

impl Part {
    /// The value of the `part` query parameter.
    pub fn name(self) -> &'static str {
        match self {
            Part::Practice => "practice",
            Part::More => "more",
        }
    }
}

impl ContentBundle {
    /// One part of this bundle.
    pub fn part(&self, part: Part) -> ContentBundle {
        let mut out = ContentBundle {
            version: self.version.clone(),
            values: Vec::new(),
            questions: Vec::new(),
            scales: Vec::new(),
            questionnaires: Vec::new(),
            modules: Vec::new(),
            mappings: Vec::new(),
            scoring: self.scoring.clone(),
        };
        match part {
            Part::Practice => {
                out.values = self.values.clone();
                out.questions = self.questions.clone();
            }
            Part::More => {
                out.scales = self.scales.clone();
                out.questionnaires = self.questionnaires.clone();
                out.modules = self.modules.clone();
                out.mappings = self.mappings.clone();
            }
        }
        out
    }

    /// This (practice) part completed by the `more` part of the same version; `None` when
    /// the versions differ (the content changed between the two downloads).
    pub fn with_more(self, more: ContentBundle) -> Option<ContentBundle> {
        if self.version != more.version {
            return None;
        }
        Some(ContentBundle {
            scales: more.scales,
            questionnaires: more.questionnaires,
            modules: more.modules,
            mappings: more.mappings,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ScoringConfig, Value};
    use crate::module::Mapping;
    use crate::questionnaire::{Scale, ScalePoint};
    use crate::text::Text;

    fn bundle(version: &str) -> ContentBundle {
        ContentBundle {
            version: version.into(),
            values: vec![Value {
                id: "loyal".into(),
                name: Text::new("Loyal", "Loyal"),
                summary: Text::new("s", "s"),
                indicators: vec![],
            }],
            questions: vec![],
            scales: vec![Scale {
                id: "setuju".into(),
                points: vec![ScalePoint {
                    value: 1,
                    label: Text::new("Tidak", "No"),
                }],
            }],
            questionnaires: vec![],
            modules: vec![],
            mappings: vec![Mapping {
                target: "loyal".into(),
                modules: vec!["modul-loyal".into()],
            }],
            scoring: ScoringConfig::default(),
        }
    }

    #[test]
    fn the_two_parts_of_one_version_make_the_whole_bundle() {
        let whole = bundle("v1");
        let practice = whole.part(Part::Practice);
        let more = whole.part(Part::More);
        assert_eq!(practice.values, whole.values);
        assert!(practice.scales.is_empty() && practice.mappings.is_empty());
        assert!(more.values.is_empty() && more.questions.is_empty());
        assert_eq!(practice.with_more(more), Some(whole));
    }

    #[test]
    fn parts_of_two_versions_are_not_joined() {
        let practice = bundle("v1").part(Part::Practice);
        assert_eq!(practice.with_more(bundle("v2").part(Part::More)), None);
    }
}
