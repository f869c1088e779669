//! A person's live games as their history shows them: the `live_answer` records a phone
//! holds (received from the game, or restored from the server) grouped into one entry per
//! game. Pure, so the phone's history and any later report group the same way.

use crate::content::ContentBundle;
use crate::sync::{RecordKind, SyncRecord};
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

/// What the history reads of a [`crate::sync::LiveAnswer`] payload (the scoring mode, the
/// time and the content version are left unread: fewer fields to decode is less code in
/// every phone's download).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlayedAnswer {
    pub game_id: Uuid,
    pub question_id: String,
    pub option_id: String,
    pub correct: bool,
    pub points: u32,
    /// 0-based position of the question in the game.
    pub position: u32,
}

/// One game the person played: their answers in the order the game asked them.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayedGame {
    pub game_id: Uuid,
    /// When the person's first answer of the game was taken.
    pub played_at: OffsetDateTime,
    /// Sorted by the question's position in the game.
    pub answers: Vec<PlayedAnswer>,
}

impl PlayedGame {
    /// Right answers among those given. A question the person did not answer left no
    /// record, so "of n" counts the answers given (the same on a phone that restored them).
    pub fn correct(&self) -> u32 {
        self.answers.iter().filter(|a| a.correct).count() as u32
    }

    pub fn answered(&self) -> u32 {
        self.answers.len() as u32
    }

    /// The game's points: the sum of the answers' (a wrong answer earns 0).
    pub fn points(&self) -> u32 {
        self.answers.iter().map(|a| a.points).sum()
    }

    /// The value every answered question belongs to, or `None` when they span several
    /// values (a trainer's own list) or the content no longer knows them.
    pub fn value<'a>(&self, content: &'a ContentBundle) -> Option<&'a str> {
        let mut values = self
            .answers
            .iter()
            .map(|a| content.question(&a.question_id).map(|q| q.value.as_str()));
        let first = values.next()??;
        values.all(|v| v == Some(first)).then_some(first)
    }
}

/// Groups live-answer records into games, in the order each game's first record comes
/// (the history orders them by date with the practice sessions). Other kinds and
/// unreadable payloads are skipped; a second record for a question a game already holds is
/// the same answer (received at a close and again in a rejoin's `welcome`, or kept
/// locally and restored: the game takes one answer per question) and counts once.
///
/// No sorting nor maps here, on purpose: a phone holds a few games of a few answers, and
/// each sort or map of a new type adds to every phone's download.
pub fn played_games<'a>(records: impl IntoIterator<Item = &'a SyncRecord>) -> Vec<PlayedGame> {
    let mut games: Vec<PlayedGame> = Vec::new();
    for record in records {
        if record.kind != RecordKind::LiveAnswer {
            continue;
        }
        let Ok(answer) = serde_json::from_value::<PlayedAnswer>(record.payload.clone()) else {
            continue;
        };
        let at = match games.iter().position(|g| g.game_id == answer.game_id) {
            Some(i) => i,
            None => {
                games.push(PlayedGame {
                    game_id: answer.game_id,
                    played_at: record.created_at,
                    answers: Vec::new(),
                });
                games.len() - 1
            }
        };
        let game = &mut games[at];
        game.played_at = game.played_at.min(record.created_at);
        // Kept in the order of the questions' positions as they come in.
        let slot = game
            .answers
            .partition_point(|a| a.position < answer.position);
        if game
            .answers
            .get(slot)
            .is_none_or(|a| a.position != answer.position)
        {
            game.answers.insert(slot, answer);
        }
    }
    games
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::scoring::ScoringMode;
    use crate::sync::LiveAnswer;
    use time::macros::datetime;

    fn record(
        id: u128,
        game: u128,
        position: u32,
        correct: bool,
        at: OffsetDateTime,
    ) -> SyncRecord {
        let answer = LiveAnswer {
            game_id: Uuid::from_u128(game),
            question_id: format!("adaptif-00{}", position + 1),
            option_id: "a".into(),
            correct,
            points: if correct { 750 } else { 0 },
            position,
            scoring: ScoringMode::SpeedPoints,
            time_ms: 10_000,
            content_version: "1".into(),
            question_rev: 1,
        };
        SyncRecord::new(Uuid::from_u128(id), Uuid::from_u128(99), at, &answer).unwrap()
    }

    #[test]
    fn answers_group_into_one_entry_per_game_in_question_order() {
        let monday = datetime!(2026-11-30 08:10 UTC);
        let tuesday = datetime!(2026-12-01 08:10 UTC);
        let records = vec![
            record(3, 1, 2, true, monday + time::Duration::seconds(60)),
            record(1, 1, 0, true, monday),
            record(2, 1, 1, false, monday + time::Duration::seconds(30)),
            record(4, 2, 0, true, tuesday),
        ];
        let games = played_games(&records);
        assert_eq!(games.len(), 2);
        assert_eq!(games[1].game_id, Uuid::from_u128(2));
        let monday_game = &games[0];
        assert_eq!(monday_game.played_at, monday);
        let positions: Vec<u32> = monday_game.answers.iter().map(|a| a.position).collect();
        assert_eq!(positions, [0, 1, 2]);
        assert_eq!((monday_game.correct(), monday_game.answered()), (2, 3));
        assert_eq!(monday_game.points(), 1500);
    }

    #[test]
    fn a_record_held_twice_counts_once() {
        let at = datetime!(2026-11-30 08:10 UTC);
        let records = [record(1, 1, 0, true, at), record(1, 1, 0, true, at)];
        let games = played_games(&records);
        assert_eq!(games[0].answered(), 1);
        assert_eq!(games[0].points(), 750);
    }

    #[test]
    fn other_kinds_and_unreadable_payloads_are_skipped() {
        let at = datetime!(2026-11-30 08:10 UTC);
        let mut broken = record(2, 1, 1, true, at);
        broken.payload = serde_json::json!({"game_id": "not a uuid"});
        let mut practice = record(3, 1, 2, true, at);
        practice.kind = RecordKind::PracticeAnswer;
        let games = played_games(&[record(1, 1, 0, false, at), broken, practice]);
        assert_eq!(games.len(), 1);
        assert_eq!((games[0].correct(), games[0].answered()), (0, 1));
    }

    #[test]
    fn a_game_has_a_value_only_when_all_its_questions_share_it() {
        let content = crate::live::config::tests::content();
        let at = datetime!(2026-11-30 08:10 UTC);
        let with_question = |id: u128, position: u32, question: &str| {
            let mut r = record(id, 1, position, true, at);
            r.payload["question_id"] = question.into();
            r
        };
        let loyal = [
            with_question(1, 0, "loyal-001"),
            with_question(2, 1, "loyal-004"),
        ];
        assert_eq!(played_games(&loyal)[0].value(&content), Some("loyal"));
        let mixed = [
            with_question(1, 0, "loyal-001"),
            with_question(2, 1, "adaptif-001"),
        ];
        assert_eq!(played_games(&mixed)[0].value(&content), None);
        let unknown = [with_question(1, 0, "gone-001")];
        assert_eq!(played_games(&unknown)[0].value(&content), None);
    }
}
