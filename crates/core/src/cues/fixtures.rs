//! Small question banks for the cue tests: one with deliberate cues, one without.

use crate::catalog::VALUE_IDS;
use crate::content::{ContentBundle, Question, QuestionKind, QuestionOption, Value};
use crate::text::Text;

const IDS: [&str; 4] = ["a", "b", "c", "d"];

/// A question of `value` with the four option texts in order a–d; `key` is the index of
/// the keyed option.
pub fn question(value: &str, n: usize, options: [&str; 4], key: usize) -> Question {
    Question {
        id: format!("{value}-{n:03}"),
        value: value.into(),
        indicator: format!("{value}-1"),
        difficulty: 1,
        projector: false,
        kind: QuestionKind::Situational,
        answer: IDS[key].into(),
        stem: Text::new("Apa yang paling tepat?", "What fits best?"),
        explanation: Text::new("Karena.", "Because."),
        options: IDS
            .iter()
            .zip(options)
            .map(|(id, text)| QuestionOption {
                id: (*id).into(),
                text: Text::new(text, text),
            })
            .collect(),
        rev: 1,
        status: Default::default(),
        source: None,
        audience: Vec::new(),
        competency: None,
    }
}

/// Six questions per value whose key is always the longest and joins two actions with
/// "dan", and whose wrong options all say "selalu"; the key moves through a–d.
pub fn cued_bank() -> Vec<Question> {
    let nouns = ["laporan", "anggaran", "arsip", "jadwal", "data", "surat"];
    let mut bank = Vec::new();
    for value in VALUE_IDS {
        for (n, noun) in nouns.iter().enumerate() {
            let key = format!("Memeriksa {noun} {value} dan membahasnya bersama tim");
            let wrong = [
                format!("Selalu menyerahkan {noun} kepada atasan"),
                format!("Selalu menyimpan {noun} sendiri"),
                format!("Selalu meminta {noun} ulang"),
            ];
            let mut texts: Vec<&str> = wrong.iter().map(String::as_str).collect();
            texts.insert(n % 4, &key);
            bank.push(question(
                value,
                n + 1,
                [texts[0], texts[1], texts[2], texts[3]],
                n % 4,
            ));
        }
    }
    bank
}

/// The four option texts of a value in the balanced bank: the same length, one cue each.
pub fn balanced_options(value: &str) -> [String; 4] {
    [
        format!("Memeriksa {value} dan melapor segera"),
        format!("Menunggu arahan {value} lebih dulu"),
        format!("Selalu mencatat keluhan {value} warga"),
        format!("Melapor agar {value} cepat selesai"),
    ]
}

/// Eight questions per value in two rounds over the same four options, each option keyed
/// once per round: nothing in the options tells the key from the others.
pub fn balanced_bank() -> Vec<Question> {
    let mut bank = Vec::new();
    for value in VALUE_IDS {
        let options = balanced_options(value);
        let texts = [
            options[0].as_str(),
            options[1].as_str(),
            options[2].as_str(),
            options[3].as_str(),
        ];
        for n in 0..8 {
            bank.push(question(value, n + 1, texts, n % 4));
        }
    }
    bank
}

/// A bundle of just these values and questions (no questionnaires, modules or mappings).
pub fn bundle(values: Vec<Value>, questions: Vec<Question>) -> ContentBundle {
    ContentBundle {
        version: "v".into(),
        values,
        questions,
        scales: vec![],
        questionnaires: vec![],
        modules: vec![],
        mappings: vec![],
        scoring: Default::default(),
    }
}
