//! The quiz form's fields as typed, turned into core's `GameConfig` with the same checks the
//! server makes, and each refusal placed beside the field it is about (the form's own checks
//! and the server's `live_*` codes alike).

use crate::console::i18n::live_setup::live_tr;
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use resapi_core::live::Coded;
use resapi_core::live::config::{ConfigError, GameConfig, Source};
use resapi_core::live::scoring::ScoringMode;
use resapi_core::rng::Rng;

/// Longest quiz set name the server takes, in characters.
const MAX_NAME: usize = 80;

/// Where the questions come from, as the radio buttons choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Value,
    Indicator,
    Questions,
}

/// The form's fields. Numbers stay text until sent, so a half-typed field is kept as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsForm {
    pub name: String,
    pub source: SourceKind,
    pub value_id: String,
    pub indicator_id: String,
    /// The chosen questions, in the order they will be asked.
    pub question_ids: Vec<String>,
    pub question_count: String,
    pub seconds: String,
    pub scoring: ScoringMode,
    pub team_mode: bool,
    pub guests_allowed: bool,
    pub extra_time_allowed: bool,
    pub max_players: String,
}

/// A field a refusal is shown beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Source,
    QuestionCount,
    Seconds,
    MaxPlayers,
}

impl Field {
    /// The id of the field's message (the input's `aria-describedby`).
    pub fn error_id(self) -> &'static str {
        match self {
            Field::Name => "live-name-error",
            Field::Source => "live-source-error",
            Field::QuestionCount => "live-count-error",
            Field::Seconds => "live-seconds-error",
            Field::MaxPlayers => "live-max-players-error",
        }
    }
}

/// A refusal in words, beside its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl FieldError {
    fn new(field: Field, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

impl Default for SettingsForm {
    /// Core's defaults for a new game (ten 20-second questions, accuracy only), on no
    /// value yet.
    fn default() -> Self {
        SettingsForm::from_config("", &GameConfig::for_value(""))
    }
}

impl SettingsForm {
    /// A saved quiz set's settings in the form.
    pub fn from_config(name: &str, config: &GameConfig) -> SettingsForm {
        let (source, value_id, indicator_id, question_ids) = match &config.source {
            Source::Value { value_id } => {
                (SourceKind::Value, value_id.clone(), String::new(), vec![])
            }
            Source::Indicator { indicator_id } => (
                SourceKind::Indicator,
                String::new(),
                indicator_id.clone(),
                vec![],
            ),
            Source::Questions { question_ids } => (
                SourceKind::Questions,
                String::new(),
                String::new(),
                question_ids.clone(),
            ),
        };
        SettingsForm {
            name: name.to_owned(),
            source,
            value_id,
            indicator_id,
            question_ids,
            question_count: config.question_count.to_string(),
            seconds: config.seconds_per_question.to_string(),
            scoring: config.scoring,
            team_mode: config.team_mode,
            guests_allowed: config.guests_allowed,
            extra_time_allowed: config.extra_time_allowed,
            max_players: config.max_players.to_string(),
        }
    }

    /// The source as core names it (none while no value or indicator is picked).
    pub fn source(&self) -> Option<Source> {
        match self.source {
            SourceKind::Value if !self.value_id.is_empty() => Some(Source::Value {
                value_id: self.value_id.clone(),
            }),
            SourceKind::Indicator if !self.indicator_id.is_empty() => Some(Source::Indicator {
                indicator_id: self.indicator_id.clone(),
            }),
            SourceKind::Questions => Some(Source::Questions {
                question_ids: self.question_ids.clone(),
            }),
            _ => None,
        }
    }

    /// Ticks or unticks a question of the chosen list (a new one goes last).
    pub fn toggle_question(&mut self, id: &str) {
        if let Some(at) = self.question_ids.iter().position(|q| q == id) {
            self.question_ids.remove(at);
        } else {
            self.question_ids.push(id.to_owned());
        }
    }

    /// The settings to send, checked as the server checks them: core's `check`, then,
    /// with the content at hand, the draw (unknown or too few questions).
    pub fn config(
        &self,
        content: Option<&ContentBundle>,
        lang: Lang,
    ) -> Result<GameConfig, FieldError> {
        let t = live_tr(lang);
        let source = self.source().ok_or_else(|| {
            let pick = match self.source {
                SourceKind::Indicator => t.pick_indicator,
                _ => t.pick_value,
            };
            FieldError::new(Field::Source, pick)
        })?;
        let number = |text: &str, field| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| FieldError::new(field, t.not_a_number))
        };
        let question_count = match source {
            Source::Questions { ref question_ids } => question_ids.len() as u32,
            _ => number(&self.question_count, Field::QuestionCount)?,
        };
        let config = GameConfig {
            source,
            question_count,
            seconds_per_question: number(&self.seconds, Field::Seconds)?,
            scoring: self.scoring,
            team_mode: self.team_mode,
            guests_allowed: self.guests_allowed,
            extra_time_allowed: self.extra_time_allowed,
            max_players: number(&self.max_players, Field::MaxPlayers)?,
        };
        let checked = match content {
            Some(content) => config.draw(content, &mut Rng::new(0)).map(|_| ()),
            None => config.check(),
        };
        checked.map_err(|e| FieldError::new(field_of(&e), e.text().get(lang).to_owned()))?;
        Ok(config)
    }

    /// The name to save the set under (spaces folded as the server folds them).
    pub fn checked_name(&self, lang: Lang) -> Result<String, FieldError> {
        let t = live_tr(lang);
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            Err(FieldError::new(Field::Name, t.name_needed))
        } else if name.chars().count() > MAX_NAME {
            Err(FieldError::new(Field::Name, t.name_too_long))
        } else {
            Ok(name)
        }
    }
}

/// The field a settings refusal is about.
pub fn field_of(error: &ConfigError) -> Field {
    match error {
        ConfigError::Seconds(_) => Field::Seconds,
        ConfigError::QuestionCount(_) | ConfigError::NotEnoughQuestions { .. } => {
            Field::QuestionCount
        }
        ConfigError::MaxPlayers(_) => Field::MaxPlayers,
        ConfigError::UnknownValue(_)
        | ConfigError::UnknownIndicator(_)
        | ConfigError::UnknownQuestion(_)
        | ConfigError::RetiredQuestion(_)
        | ConfigError::DuplicateQuestion(_) => Field::Source,
    }
}

/// The field a server refusal (its stable code) is about; None for one about no field
/// (too many games, a network failure), shown above the buttons.
pub fn field_of_code(code: &str) -> Option<Field> {
    Some(match code {
        "live_seconds_out_of_range" => Field::Seconds,
        "live_question_count_out_of_range" | "live_not_enough_questions" => Field::QuestionCount,
        "live_max_players_out_of_range" => Field::MaxPlayers,
        "live_unknown_value"
        | "live_unknown_indicator"
        | "live_unknown_question"
        | "live_retired_question"
        | "live_duplicate_question" => Field::Source,
        "live_quiz_set_name" => Field::Name,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn by_value() -> SettingsForm {
        SettingsForm {
            value_id: "akuntabel".into(),
            question_count: "5".into(),
            ..SettingsForm::default()
        }
    }

    #[wasm_bindgen_test]
    fn a_filled_form_becomes_the_settings_the_server_takes() {
        let form = SettingsForm {
            seconds: " 30 ".into(),
            scoring: ScoringMode::StreakBonus,
            guests_allowed: false,
            max_players: "300".into(),
            ..by_value()
        };
        let config = form.config(None, Lang::Id).unwrap();
        assert_eq!(
            config.source,
            Source::Value {
                value_id: "akuntabel".into()
            }
        );
        assert_eq!(config.question_count, 5);
        assert_eq!(config.seconds_per_question, 30);
        assert_eq!(config.scoring, ScoringMode::StreakBonus);
        assert!(!config.guests_allowed);
        assert_eq!(config.max_players, 300);
        assert_eq!(
            SettingsForm::from_config("", &config).config(None, Lang::Id),
            Ok(config)
        );
    }

    #[wasm_bindgen_test]
    fn each_refusal_is_in_words_beside_its_field() {
        let short = SettingsForm {
            seconds: "5".into(),
            ..by_value()
        };
        let err = short.config(None, Lang::Id).unwrap_err();
        assert_eq!(err.field, Field::Seconds);
        assert_eq!(
            err.message,
            "Waktu per soal harus 10 sampai 90 detik (sekarang 5)."
        );
        let err = short.config(None, Lang::En).unwrap_err();
        assert!(
            err.message
                .starts_with("Time per question must be 10 to 90")
        );
        let typed = SettingsForm {
            question_count: "lima".into(),
            ..by_value()
        };
        assert_eq!(
            typed.config(None, Lang::Id).unwrap_err(),
            FieldError::new(Field::QuestionCount, "Isi dengan angka bulat.")
        );
        let crowd = SettingsForm {
            max_players: "6000".into(),
            ..by_value()
        };
        assert_eq!(
            crowd.config(None, Lang::Id).unwrap_err().field,
            Field::MaxPlayers
        );
        let none = SettingsForm::default();
        assert_eq!(
            none.config(None, Lang::Id).unwrap_err(),
            FieldError::new(Field::Source, "Pilih nilai.")
        );
        let nothing_chosen = SettingsForm {
            source: SourceKind::Questions,
            ..by_value()
        };
        assert_eq!(
            nothing_chosen.config(None, Lang::Id).unwrap_err().field,
            Field::QuestionCount
        );
    }

    #[wasm_bindgen_test]
    fn chosen_questions_keep_the_order_they_were_ticked_in() {
        let mut form = SettingsForm {
            source: SourceKind::Questions,
            ..SettingsForm::default()
        };
        for id in ["q3", "q1", "q2"] {
            form.toggle_question(id);
        }
        form.toggle_question("q1");
        let config = form.config(None, Lang::Id).unwrap();
        assert_eq!(
            config.source,
            Source::Questions {
                question_ids: vec!["q3".into(), "q2".into()]
            }
        );
        assert_eq!(config.question_count, 2);
    }

    #[wasm_bindgen_test]
    fn a_name_is_needed_to_save_and_folded_as_the_server_folds_it() {
        let mut form = by_value();
        assert_eq!(form.checked_name(Lang::Id).unwrap_err().field, Field::Name);
        form.name = "  Apel   Senin ".into();
        assert_eq!(form.checked_name(Lang::Id).unwrap(), "Apel Senin");
        form.name = "x".repeat(81);
        assert_eq!(form.checked_name(Lang::En).unwrap_err().field, Field::Name);
    }

    #[wasm_bindgen_test]
    fn server_refusals_land_beside_their_fields() {
        assert_eq!(
            field_of_code("live_not_enough_questions"),
            Some(Field::QuestionCount)
        );
        assert_eq!(field_of_code("live_quiz_set_name"), Some(Field::Name));
        assert_eq!(field_of_code("live_too_many_games"), None);
    }
}
