//! A game's settings as the trainer chooses them, their checks, and the draw of its
//! questions from the content. Saved settings (a *quiz set*) are these same settings.

use super::Coded;
use super::scoring::ScoringMode;
use crate::content::{ContentBundle, Question};
use crate::rng::Rng;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// Shortest and longest time per question.
pub const MIN_SECONDS: u32 = 10;
pub const MAX_SECONDS: u32 = 90;
/// Most questions in one game (an explicit list included).
pub const MAX_QUESTIONS: u32 = 50;
/// Largest player cap a trainer may set; the hall holds up to 2,000 people and
/// the server is measured at 5,000.
pub const MAX_PLAYERS_LIMIT: u32 = 5000;
/// The cap a new game starts with.
pub const DEFAULT_MAX_PLAYERS: u32 = 2000;
/// Extra time for a player who asks for it (when the game allows it), in percent of the
/// question's time.
pub const EXTRA_TIME_PERCENT: u64 = 50;

/// Where a game's questions come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Projector-ready questions of one value, drawn at random.
    Value { value_id: String },
    /// Projector-ready questions of one indicator, drawn at random.
    Indicator { indicator_id: String },
    /// Exactly these questions in this order: the trainer picked them, so they need not
    /// be projector-ready.
    Questions { question_ids: Vec<String> },
}

/// The settings of one game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GameConfig {
    pub source: Source,
    /// For a value or an indicator; an explicit list plays all of its questions.
    pub question_count: u32,
    pub seconds_per_question: u32,
    pub scoring: ScoringMode,
    /// Team mode per unit: the unit board is shown and a best unit crowned.
    pub team_mode: bool,
    pub guests_allowed: bool,
    pub extra_time_allowed: bool,
    pub max_players: u32,
}

impl GameConfig {
    /// Ten 20-second questions of `value_id`, accuracy only, guests and extra time allowed.
    pub fn for_value(value_id: &str) -> GameConfig {
        GameConfig {
            source: Source::Value {
                value_id: value_id.into(),
            },
            question_count: 10,
            seconds_per_question: 20,
            scoring: ScoringMode::AccuracyOnly,
            team_mode: true,
            guests_allowed: true,
            extra_time_allowed: true,
            max_players: DEFAULT_MAX_PLAYERS,
        }
    }

    /// Milliseconds a question stays open for a player without extra time.
    pub fn question_ms(&self) -> u64 {
        u64::from(self.seconds_per_question) * 1000
    }

    /// Checks the settings that do not need the content.
    pub fn check(&self) -> Result<(), ConfigError> {
        if !(MIN_SECONDS..=MAX_SECONDS).contains(&self.seconds_per_question) {
            return Err(ConfigError::Seconds(self.seconds_per_question));
        }
        if !(1..=MAX_PLAYERS_LIMIT).contains(&self.max_players) {
            return Err(ConfigError::MaxPlayers(self.max_players));
        }
        let count = match &self.source {
            Source::Questions { question_ids } => question_ids.len() as u32,
            _ => self.question_count,
        };
        if !(1..=MAX_QUESTIONS).contains(&count) {
            return Err(ConfigError::QuestionCount(count));
        }
        Ok(())
    }

    /// The questions this game would play, checked against the content, in the order they
    /// will be asked, each with its options in display order. A value or indicator draws
    /// `question_count` projector-ready questions at random; an explicit list keeps the
    /// trainer's order. Options are shuffled once per game: the projector and every phone
    /// show the same order.
    pub fn draw(
        &self,
        content: &ContentBundle,
        rng: &mut Rng,
    ) -> Result<Vec<DrawnQuestion>, ConfigError> {
        self.check()?;
        let picked: Vec<&Question> = match &self.source {
            Source::Questions { question_ids } => {
                let mut seen = HashSet::new();
                let mut out = Vec::with_capacity(question_ids.len());
                for id in question_ids {
                    if !seen.insert(id.as_str()) {
                        return Err(ConfigError::DuplicateQuestion(id.clone()));
                    }
                    let q = content
                        .question(id)
                        .ok_or_else(|| ConfigError::UnknownQuestion(id.clone()))?;
                    if !q.is_drawable() {
                        return Err(ConfigError::RetiredQuestion(id.clone()));
                    }
                    out.push(q);
                }
                out
            }
            source => {
                let mut pool = pool(source, content)?;
                let wanted = self.question_count as usize;
                if pool.len() < wanted {
                    return Err(ConfigError::NotEnoughQuestions {
                        wanted: self.question_count,
                        available: pool.len() as u32,
                    });
                }
                rng.shuffle(&mut pool);
                pool.truncate(wanted);
                pool
            }
        };
        Ok(picked
            .into_iter()
            .map(|q| DrawnQuestion {
                question_id: q.id.clone(),
                option_order: crate::practice::shuffled_options(q, rng),
            })
            .collect())
    }
}

/// The projector-ready questions a value or indicator offers (the console shows the
/// count beside the number-of-questions field).
pub fn available(source: &Source, content: &ContentBundle) -> Result<usize, ConfigError> {
    match source {
        Source::Questions { question_ids } => Ok(question_ids.len()),
        other => pool(other, content).map(|p| p.len()),
    }
}

fn pool<'a>(source: &Source, content: &'a ContentBundle) -> Result<Vec<&'a Question>, ConfigError> {
    let matches: Box<dyn Fn(&Question) -> bool> = match source {
        Source::Value { value_id } => {
            if content.value(value_id).is_none() {
                return Err(ConfigError::UnknownValue(value_id.clone()));
            }
            let id = value_id.clone();
            Box::new(move |q| q.value == id)
        }
        Source::Indicator { indicator_id } => {
            let known = content
                .values
                .iter()
                .any(|v| v.indicators.iter().any(|i| &i.id == indicator_id));
            if !known {
                return Err(ConfigError::UnknownIndicator(indicator_id.clone()));
            }
            let id = indicator_id.clone();
            Box::new(move |q| q.indicator == id)
        }
        Source::Questions { .. } => Box::new(|_| false),
    };
    Ok(content
        .questions
        .iter()
        .filter(|q| q.projector && q.is_drawable() && matches(q))
        .collect())
}

/// One question of a game: its id and the order its options are shown in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnQuestion {
    pub question_id: String,
    pub option_order: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("Waktu per soal harus {MIN_SECONDS} sampai {MAX_SECONDS} detik (sekarang {0}).")]
    Seconds(u32),
    #[error("Jumlah soal harus 1 sampai {MAX_QUESTIONS} (sekarang {0}).")]
    QuestionCount(u32),
    #[error("Batas pemain harus 1 sampai {MAX_PLAYERS_LIMIT} (sekarang {0}).")]
    MaxPlayers(u32),
    #[error("Nilai `{0}` tidak dikenal.")]
    UnknownValue(String),
    #[error("Indikator `{0}` tidak dikenal.")]
    UnknownIndicator(String),
    #[error("Soal `{0}` tidak ada di bank soal.")]
    UnknownQuestion(String),
    #[error("Soal `{0}` sudah tidak dipakai lagi di bank soal; pilih soal lain.")]
    RetiredQuestion(String),
    #[error("Soal `{0}` dipilih lebih dari sekali.")]
    DuplicateQuestion(String),
    #[error("Hanya ada {available} soal layak proyektor, kurang dari {wanted} yang diminta.")]
    NotEnoughQuestions { wanted: u32, available: u32 },
}

impl Coded for ConfigError {
    fn code(&self) -> &'static str {
        match self {
            ConfigError::Seconds(_) => "live_seconds_out_of_range",
            ConfigError::QuestionCount(_) => "live_question_count_out_of_range",
            ConfigError::MaxPlayers(_) => "live_max_players_out_of_range",
            ConfigError::UnknownValue(_) => "live_unknown_value",
            ConfigError::UnknownIndicator(_) => "live_unknown_indicator",
            ConfigError::UnknownQuestion(_) => "live_unknown_question",
            ConfigError::RetiredQuestion(_) => "live_retired_question",
            ConfigError::DuplicateQuestion(_) => "live_duplicate_question",
            ConfigError::NotEnoughQuestions { .. } => "live_not_enough_questions",
        }
    }

    fn english(&self) -> String {
        match self {
            ConfigError::Seconds(s) => format!(
                "Time per question must be {MIN_SECONDS} to {MAX_SECONDS} seconds (now {s})."
            ),
            ConfigError::QuestionCount(n) => {
                format!("The number of questions must be 1 to {MAX_QUESTIONS} (now {n}).")
            }
            ConfigError::MaxPlayers(n) => {
                format!("The player cap must be 1 to {MAX_PLAYERS_LIMIT} (now {n}).")
            }
            ConfigError::UnknownValue(id) => format!("Unknown value `{id}`."),
            ConfigError::UnknownIndicator(id) => format!("Unknown indicator `{id}`."),
            ConfigError::UnknownQuestion(id) => format!("Question `{id}` is not in the bank."),
            ConfigError::RetiredQuestion(id) => {
                format!("Question `{id}` is retired from the bank; choose another.")
            }
            ConfigError::DuplicateQuestion(id) => {
                format!("Question `{id}` was chosen more than once.")
            }
            ConfigError::NotEnoughQuestions { wanted, available } => format!(
                "Only {available} projector-ready questions, fewer than the {wanted} asked for."
            ),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::{Indicator, QuestionKind, QuestionOption, ScoringConfig, Value};
    use crate::text::Text;

    fn question(id: &str, value: &str, indicator: &str, projector: bool) -> Question {
        Question {
            id: id.into(),
            value: value.into(),
            indicator: indicator.into(),
            difficulty: 1,
            projector,
            kind: QuestionKind::Knowledge,
            answer: "b".into(),
            stem: Text::new(format!("Soal {id}"), format!("Question {id}")),
            explanation: Text::new("Karena b.", "Because b."),
            options: ["a", "b", "c", "d"]
                .iter()
                .map(|o| QuestionOption {
                    id: (*o).into(),
                    text: Text::new(format!("Pilihan {o}"), format!("Option {o}")),
                })
                .collect(),
            rev: 1,
            status: Default::default(),
            source: None,
            audience: Vec::new(),
            competency: None,
        }
    }

    /// Loyal: 6 projector-ready questions (3 per indicator) and 2 that are not; adaptif: 1.
    pub(crate) fn content() -> ContentBundle {
        let mut questions = Vec::new();
        for i in 1..=6 {
            let indicator = if i <= 3 { "loyal-1" } else { "loyal-2" };
            questions.push(question(&format!("loyal-{i:03}"), "loyal", indicator, true));
        }
        questions.push(question("loyal-007", "loyal", "loyal-1", false));
        questions.push(question("loyal-008", "loyal", "loyal-2", false));
        questions.push(question("adaptif-001", "adaptif", "adaptif-1", true));
        let value = |id: &str| Value {
            id: id.into(),
            name: Text::new(id, id),
            summary: Text::new("s", "s"),
            indicators: (1..=2)
                .map(|i| Indicator {
                    id: format!("{id}-{i}"),
                    text: Text::new("i", "i"),
                })
                .collect(),
        };
        ContentBundle {
            version: "v1".into(),
            values: vec![value("loyal"), value("adaptif")],
            questions,
            scales: vec![],
            questionnaires: vec![],
            modules: vec![],
            mappings: vec![],
            scoring: ScoringConfig::default(),
        }
    }

    fn ids(drawn: &[DrawnQuestion]) -> Vec<&str> {
        drawn.iter().map(|d| d.question_id.as_str()).collect()
    }

    #[test]
    fn a_value_draws_only_projector_ready_questions_and_the_same_seed_draws_the_same() {
        let mut config = GameConfig::for_value("loyal");
        config.question_count = 6;
        let drawn = config.draw(&content(), &mut Rng::new(5)).unwrap();
        let mut got = ids(&drawn);
        got.sort();
        assert_eq!(
            got,
            [
                "loyal-001",
                "loyal-002",
                "loyal-003",
                "loyal-004",
                "loyal-005",
                "loyal-006"
            ]
        );
        assert_eq!(config.draw(&content(), &mut Rng::new(5)).unwrap(), drawn);
        for d in &drawn {
            let mut options = d.option_order.clone();
            options.sort();
            assert_eq!(options, ["a", "b", "c", "d"]);
        }
    }

    #[test]
    fn asking_for_more_than_the_projector_ready_ones_says_how_many_there_are() {
        let config = GameConfig::for_value("loyal"); // 10 wanted, 6 ready
        let err = config.draw(&content(), &mut Rng::new(1)).unwrap_err();
        assert_eq!(
            err,
            ConfigError::NotEnoughQuestions {
                wanted: 10,
                available: 6
            }
        );
        assert_eq!(err.code(), "live_not_enough_questions");
        assert!(err.to_string().contains("Hanya ada 6"));
        assert!(err.english().contains("Only 6"));
    }

    #[test]
    fn an_indicator_draws_from_its_own_questions() {
        let mut config = GameConfig::for_value("loyal");
        config.source = Source::Indicator {
            indicator_id: "loyal-2".into(),
        };
        config.question_count = 3;
        let mut got = ids(&config.draw(&content(), &mut Rng::new(2)).unwrap())
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        got.sort();
        assert_eq!(got, ["loyal-004", "loyal-005", "loyal-006"]);
        assert_eq!(available(&config.source, &content()), Ok(3));
        config.source = Source::Indicator {
            indicator_id: "loyal-9".into(),
        };
        assert_eq!(
            config.draw(&content(), &mut Rng::new(2)),
            Err(ConfigError::UnknownIndicator("loyal-9".into()))
        );
    }

    #[test]
    fn an_explicit_list_keeps_its_order_and_may_hold_questions_not_marked_for_projectors() {
        let mut config = GameConfig::for_value("loyal");
        config.source = Source::Questions {
            question_ids: vec!["loyal-008".into(), "adaptif-001".into(), "loyal-002".into()],
        };
        let drawn = config.draw(&content(), &mut Rng::new(3)).unwrap();
        assert_eq!(ids(&drawn), ["loyal-008", "adaptif-001", "loyal-002"]);
        config.source = Source::Questions {
            question_ids: vec!["loyal-001".into(), "loyal-001".into()],
        };
        assert_eq!(
            config.draw(&content(), &mut Rng::new(3)),
            Err(ConfigError::DuplicateQuestion("loyal-001".into()))
        );
        config.source = Source::Questions {
            question_ids: vec!["nope".into()],
        };
        assert_eq!(
            config.draw(&content(), &mut Rng::new(3)),
            Err(ConfigError::UnknownQuestion("nope".into()))
        );
        let mut retired = content();
        if let Some(q) = retired.questions.iter_mut().find(|q| q.id == "loyal-002") {
            q.status = crate::content::ItemStatus::Retired;
        }
        config.source = Source::Questions {
            question_ids: vec!["loyal-008".into(), "loyal-002".into()],
        };
        let refused = config.draw(&retired, &mut Rng::new(3)).unwrap_err();
        assert_eq!(refused, ConfigError::RetiredQuestion("loyal-002".into()));
        assert_eq!(refused.code(), "live_retired_question");
    }

    #[test]
    fn settings_out_of_range_are_refused_with_their_code() {
        let base = GameConfig::for_value("loyal");
        let with = |f: &dyn Fn(&mut GameConfig)| {
            let mut c = base.clone();
            f(&mut c);
            c.check().map_err(|e| e.code())
        };
        assert_eq!(
            with(&|c| c.seconds_per_question = 9),
            Err("live_seconds_out_of_range")
        );
        assert_eq!(with(&|c| c.seconds_per_question = 10), Ok(()));
        assert_eq!(with(&|c| c.seconds_per_question = 90), Ok(()));
        assert_eq!(
            with(&|c| c.seconds_per_question = 91),
            Err("live_seconds_out_of_range")
        );
        assert_eq!(
            with(&|c| c.question_count = 0),
            Err("live_question_count_out_of_range")
        );
        assert_eq!(
            with(&|c| c.question_count = 51),
            Err("live_question_count_out_of_range")
        );
        assert_eq!(
            with(&|c| c.max_players = 0),
            Err("live_max_players_out_of_range")
        );
        assert_eq!(
            with(&|c| c.max_players = 5001),
            Err("live_max_players_out_of_range")
        );
        assert_eq!(
            with(&|c| c.source = Source::Questions {
                question_ids: vec![]
            }),
            Err("live_question_count_out_of_range")
        );
        assert_eq!(
            base.clone()
                .draw(&content(), &mut Rng::new(1))
                .map(|_| ())
                .map_err(|e| e.code()),
            Err("live_not_enough_questions")
        );
        let mut unknown = base;
        unknown.source = Source::Value {
            value_id: "jujur".into(),
        };
        assert_eq!(
            unknown.draw(&content(), &mut Rng::new(1)),
            Err(ConfigError::UnknownValue("jujur".into()))
        );
    }

    #[test]
    fn settings_travel_as_json_with_a_tagged_source() {
        let config = GameConfig::for_value("loyal");
        let json = serde_json::to_value(&config).unwrap();
        assert_eq!(
            json["source"],
            serde_json::json!({"kind": "value", "value_id": "loyal"})
        );
        assert_eq!(json["scoring"], "accuracy_only");
        let back: GameConfig = serde_json::from_value(json).unwrap();
        assert_eq!(back, config);
    }
}
