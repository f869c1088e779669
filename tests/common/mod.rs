//! What the app's browser tests share: a small content bundle.
#![cfg(target_arch = "wasm32")]

use resapi_core::content::{ContentBundle, Question, QuestionKind, QuestionOption, ScoringConfig};
use resapi_core::text::Text;

/// Twelve "loyal" questions whose best answer is always "b".
pub fn bundle() -> ContentBundle {
    let questions = (0..12)
        .map(|n| Question {
            id: format!("loyal-{n:03}"),
            value: "loyal".into(),
            indicator: "loyal-1".into(),
            difficulty: 1,
            projector: false,
            kind: QuestionKind::Situational,
            answer: "b".into(),
            stem: Text::new(format!("Soal {n}"), format!("Question {n}")),
            explanation: Text::new("Karena…", "Because…"),
            options: ["a", "b", "c", "d"]
                .iter()
                .map(|o| QuestionOption {
                    id: (*o).into(),
                    text: Text::new(*o, *o),
                })
                .collect(),
            rev: 1,
            status: Default::default(),
            source: None,
            audience: vec![],
            competency: None,
        })
        .collect();
    ContentBundle {
        version: "v1".into(),
        values: vec![],
        questions,
        scales: vec![],
        questionnaires: vec![],
        modules: vec![],
        mappings: vec![],
        scoring: ScoringConfig::default(),
    }
}
