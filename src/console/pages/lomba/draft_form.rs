//! The competition form's fields as typed, turned into core's `CompetitionDraft` with the
//! checks the server makes (core's `CompetitionDraft::check`), each refusal placed beside
//! the field it is about — the form's own and the server's `competition_*` codes alike.

use crate::console::i18n::lomba::{draft_error, lomba_tr, question_count_range};
use crate::console::pages::field_message::{self, FormField};
use resapi_core::Lang;
use resapi_core::competition::draw::{MAX_QUESTIONS, QuestionSource};
use resapi_core::competition::ranking::RankingRule;
use resapi_core::competition::schedule::{CompetitionDraft, DraftError, Zone};
use resapi_core::competition::window::DEFAULT_GRACE;
use resapi_core::competition::wire::Competition;
use time::OffsetDateTime;

/// Where the questions come from, as the radio buttons choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    PerValue,
    PerIndicator,
    Fixed,
}

/// The form's fields. Numbers stay text until sent, so a half-typed field is kept as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftForm {
    pub name: String,
    pub description: String,
    pub unit_id: String,
    pub zone: Zone,
    /// `YYYY-MM-DDTHH:MM` in `zone`, as `<input type="datetime-local">` gives it.
    pub opens_local: String,
    pub closes_local: String,
    pub source: SourceKind,
    pub per_value: String,
    pub per_indicator: String,
    /// The chosen questions, in the order they were ticked.
    pub fixed: Vec<String>,
    pub limit_minutes: String,
    pub grace_hours: String,
    pub min_participants: String,
}

/// A field a refusal is shown beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Description,
    Unit,
    Opens,
    Closes,
    Questions,
    Limit,
    Grace,
    MinParticipants,
}

impl FormField for Field {
    /// The field's input (focused when a refusal is about it).
    fn input_id(self) -> &'static str {
        match self {
            Field::Name => "lomba-name",
            Field::Description => "lomba-description",
            Field::Unit => "lomba-unit",
            Field::Opens => "lomba-opens",
            Field::Closes => "lomba-closes",
            Field::Questions => "lomba-questions",
            Field::Limit => "lomba-limit",
            Field::Grace => "lomba-grace",
            Field::MinParticipants => "lomba-min",
        }
    }
}

pub type FieldError = field_message::FieldError<Field>;

impl DraftForm {
    /// A new competition for `unit_id`: a window of a working week from tomorrow, two
    /// questions per value, 15 minutes, core's default grace and minimum.
    pub fn new(unit_id: &str, zone: Zone, window: (String, String)) -> DraftForm {
        DraftForm {
            name: String::new(),
            description: String::new(),
            unit_id: unit_id.to_owned(),
            zone,
            opens_local: window.0,
            closes_local: window.1,
            source: SourceKind::PerValue,
            per_value: "2".into(),
            per_indicator: "1".into(),
            fixed: vec![],
            limit_minutes: "15".into(),
            grace_hours: DEFAULT_GRACE.whole_hours().to_string(),
            min_participants: RankingRule::default().min_participants.to_string(),
        }
    }

    /// A saved competition in the form (to change it before it opens).
    pub fn from_competition(c: &Competition) -> DraftForm {
        let mut form = DraftForm::new(
            &c.unit_id,
            c.zone,
            (c.opens_local.clone(), c.closes_local.clone()),
        );
        form.name = c.name.clone();
        form.description = c.description.clone();
        match &c.questions {
            QuestionSource::PerValue { per_value } => form.per_value = per_value.to_string(),
            QuestionSource::PerIndicator { per_indicator } => {
                form.source = SourceKind::PerIndicator;
                form.per_indicator = per_indicator.to_string();
            }
            QuestionSource::Fixed { question_ids } => {
                form.source = SourceKind::Fixed;
                form.fixed = question_ids.clone();
            }
        }
        form.limit_minutes = c.limit_minutes.to_string();
        form.grace_hours = c.grace_hours.to_string();
        form.min_participants = c.rule.min_participants.to_string();
        form
    }

    /// Ticks or unticks a question of the fixed set (a new one goes last).
    pub fn toggle_question(&mut self, id: &str) {
        if let Some(at) = self.fixed.iter().position(|q| q == id) {
            self.fixed.remove(at);
        } else {
            self.fixed.push(id.to_owned());
        }
    }

    /// The draft to send, checked as the server checks it at `now` (the server also checks
    /// the unit is in scope and the questions are in the pool).
    pub fn draft(&self, now: OffsetDateTime, lang: Lang) -> Result<CompetitionDraft, FieldError> {
        let t = lomba_tr(lang);
        let number = |text: &str, field| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| FieldError::new(field, t.not_a_number))
        };
        if self.unit_id.is_empty() {
            return Err(FieldError::new(Field::Unit, t.pick_unit));
        }
        let questions = match self.source {
            SourceKind::PerValue => QuestionSource::PerValue {
                per_value: number(&self.per_value, Field::Questions)?,
            },
            SourceKind::PerIndicator => QuestionSource::PerIndicator {
                per_indicator: number(&self.per_indicator, Field::Questions)?,
            },
            SourceKind::Fixed => QuestionSource::Fixed {
                question_ids: self.fixed.clone(),
            },
        };
        let count = match &questions {
            QuestionSource::PerValue { per_value } => *per_value as usize * 7,
            QuestionSource::PerIndicator { per_indicator } => *per_indicator as usize * 21,
            QuestionSource::Fixed { question_ids } => question_ids.len(),
        };
        if count == 0 || count > MAX_QUESTIONS {
            return Err(FieldError::new(
                Field::Questions,
                question_count_range(lang, count),
            ));
        }
        let draft = CompetitionDraft {
            name: self.name.split_whitespace().collect::<Vec<_>>().join(" "),
            description: self.description.trim().to_owned(),
            unit_id: self.unit_id.clone(),
            opens_local: self.opens_local.trim().to_owned(),
            closes_local: self.closes_local.trim().to_owned(),
            zone: self.zone,
            questions,
            limit_minutes: number(&self.limit_minutes, Field::Limit)?,
            grace_hours: Some(number(&self.grace_hours, Field::Grace)?),
            min_participants: Some(number(&self.min_participants, Field::MinParticipants)?),
        };
        draft
            .check(now)
            .map_err(|e| FieldError::new(self.field_of(&e), draft_error(lang, &e)))?;
        Ok(draft)
    }

    /// The field a draft refusal is about.
    fn field_of(&self, error: &DraftError) -> Field {
        match error {
            DraftError::Name => Field::Name,
            DraftError::Description => Field::Description,
            // Core quotes the unreadable time (its first 40 characters).
            DraftError::Time(text)
                if self.opens_local.trim().chars().take(40).collect::<String>() == *text =>
            {
                Field::Opens
            }
            DraftError::Time(_)
            | DraftError::ClosesBeforeOpens
            | DraftError::TooLong
            | DraftError::NotLater
            | DraftError::ClosesInPast => Field::Closes,
            DraftError::Limit => Field::Limit,
            DraftError::Grace => Field::Grace,
            DraftError::MinParticipants => Field::MinParticipants,
        }
    }
}

/// The field a server refusal (its stable code) is about; None for one about no field
/// (shown above the buttons).
pub fn field_of_code(code: &str) -> Option<Field> {
    Some(match code {
        "competition_name" => Field::Name,
        "competition_description" => Field::Description,
        "competition_time" => Field::Opens,
        "competition_window" | "competition_window_past" => Field::Closes,
        "competition_limit" => Field::Limit,
        "competition_grace" => Field::Grace,
        "competition_min_participants" => Field::MinParticipants,
        "unknown_unit" | "no_such_unit" | "forbidden" => Field::Unit,
        c if c.starts_with("competition_question") || c.starts_with("competition_draw") => {
            Field::Questions
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    const NOW: OffsetDateTime = datetime!(2026-12-01 00:00 UTC);

    fn filled() -> DraftForm {
        DraftForm {
            name: "  Lomba   Bulan BerAKHLAK ".into(),
            ..DraftForm::new(
                "bkn",
                Zone::Wib,
                ("2026-12-07T08:00".into(), "2026-12-11T16:00".into()),
            )
        }
    }

    #[wasm_bindgen_test]
    fn a_filled_form_becomes_the_draft_the_server_takes() {
        let draft = filled().draft(NOW, Lang::Id).unwrap();
        assert_eq!(draft.name, "Lomba Bulan BerAKHLAK");
        assert_eq!(draft.questions, QuestionSource::PerValue { per_value: 2 });
        assert_eq!(draft.limit_minutes, 15);
        assert_eq!(draft.grace_hours, Some(48));
        assert_eq!(draft.min_participants, Some(3));
        let checked = draft.check(NOW).unwrap();
        assert_eq!(checked.window.opens_at, datetime!(2026-12-07 01:00 UTC));
    }

    #[wasm_bindgen_test]
    fn each_refusal_is_in_words_beside_its_field() {
        let cases: Vec<(DraftForm, Field)> = vec![
            (
                DraftForm {
                    name: " ".into(),
                    ..filled()
                },
                Field::Name,
            ),
            (
                DraftForm {
                    unit_id: String::new(),
                    ..filled()
                },
                Field::Unit,
            ),
            (
                DraftForm {
                    opens_local: String::new(),
                    ..filled()
                },
                Field::Opens,
            ),
            (
                DraftForm {
                    closes_local: "11 Des".into(),
                    ..filled()
                },
                Field::Closes,
            ),
            (
                DraftForm {
                    closes_local: "2026-12-06T08:00".into(),
                    ..filled()
                },
                Field::Closes,
            ),
            (
                DraftForm {
                    limit_minutes: "lima".into(),
                    ..filled()
                },
                Field::Limit,
            ),
            (
                DraftForm {
                    limit_minutes: "0".into(),
                    ..filled()
                },
                Field::Limit,
            ),
            (
                DraftForm {
                    grace_hours: "200".into(),
                    ..filled()
                },
                Field::Grace,
            ),
            (
                DraftForm {
                    min_participants: "0".into(),
                    ..filled()
                },
                Field::MinParticipants,
            ),
            (
                DraftForm {
                    per_value: "9".into(),
                    ..filled()
                },
                Field::Questions,
            ),
            (
                DraftForm {
                    source: SourceKind::Fixed,
                    ..filled()
                },
                Field::Questions,
            ),
        ];
        for (form, field) in cases {
            let err = form.draft(NOW, Lang::Id).unwrap_err();
            assert_eq!(err.field, field, "{form:?}");
            assert!(!err.message.is_empty());
        }
        let late = DraftForm {
            closes_local: "2026-11-30T16:00".into(),
            opens_local: "2026-11-29T08:00".into(),
            ..filled()
        };
        assert_eq!(
            late.draft(NOW, Lang::Id).unwrap_err().message,
            "Waktu tutup sudah lewat; pilih waktu di masa depan."
        );
        assert_eq!(
            late.draft(NOW, Lang::En).unwrap_err().message,
            "The closing time has passed; pick a time in the future."
        );
    }

    #[wasm_bindgen_test]
    fn a_saved_competition_comes_back_into_the_form_as_it_was() {
        let mut form = DraftForm {
            source: SourceKind::Fixed,
            zone: Zone::Wita,
            grace_hours: "24".into(),
            ..filled()
        };
        for id in ["q3", "q1", "q2"] {
            form.toggle_question(id);
        }
        form.toggle_question("q1");
        let draft = form.draft(NOW, Lang::Id).unwrap();
        assert_eq!(
            draft.questions,
            QuestionSource::Fixed {
                question_ids: vec!["q3".into(), "q2".into()]
            }
        );
        let checked = draft.check(NOW).unwrap();
        let saved = Competition {
            id: uuid::Uuid::nil(),
            name: draft.name.clone(),
            description: String::new(),
            unit_id: draft.unit_id.clone(),
            zone: draft.zone,
            opens_at: checked.window.opens_at,
            closes_at: checked.window.closes_at,
            opens_local: draft.opens_local.clone(),
            closes_local: draft.closes_local.clone(),
            grace_hours: 24,
            limit_minutes: 15,
            questions: draft.questions.clone(),
            question_count: 2,
            rule: checked.rule,
            phase: resapi_core::competition::schedule::Phase::Upcoming,
            cancel_reason: None,
            published_at: None,
            created_at: NOW,
        };
        let back = DraftForm::from_competition(&saved);
        assert_eq!(back.draft(NOW, Lang::Id).unwrap(), draft);
    }

    #[wasm_bindgen_test]
    fn server_refusals_land_beside_their_fields() {
        assert_eq!(
            field_of_code("competition_window_past"),
            Some(Field::Closes)
        );
        assert_eq!(field_of_code("competition_limit"), Some(Field::Limit));
        assert_eq!(field_of_code("competition_started"), None);
    }
}
