//! What each audience is sent, built from the game's state (docs/live-quiz.md "Who sees
//! what").

use super::{Game, GameError, LOBBY_NAMES, PODIUM, Phase, Player, PlayerId, TOP_N};
use crate::live::team::UnitBoard;
use crate::live::view::{
    HostView, OptionCount, PlayerQuestion, PlayerRow, PlayerStatus, PlayerView, ProjectorView,
    QuestionResult, RevealView,
};

impl Game {
    /// What every phone sees (one message for all).
    pub fn player_view(&self, now: u64) -> PlayerView {
        let count = self.question_count();
        let team = |units: &UnitBoard| self.config.team_mode.then(|| units.clone());
        match &self.phase {
            Phase::Lobby => PlayerView::Lobby {
                players: self.active,
            },
            Phase::Question(q) => {
                let question = &self.questions[q.index as usize];
                PlayerView::Question {
                    question: PlayerQuestion {
                        index: q.index,
                        count,
                        question_id: question.id.clone(),
                        stem: question.stem.clone(),
                        options: question.options.clone(),
                    },
                    remaining_ms: q.remaining(self.config.question_ms(), now),
                    allowed_ms: self.config.question_ms(),
                    paused: q.paused_at.is_some(),
                }
            }
            Phase::Reveal { index } => {
                let question = &self.questions[*index as usize];
                let closed = self.closed[*index as usize].clone().unwrap_or_default();
                PlayerView::Reveal {
                    reveal: RevealView {
                        index: *index,
                        count,
                        question_id: question.id.clone(),
                        stem: question.stem.clone(),
                        options: question.options.clone(),
                        correct_option: question.answer.clone(),
                        explanation: question.explanation.clone(),
                        distribution: question
                            .options
                            .iter()
                            .zip(closed.counts)
                            .map(|(o, count)| OptionCount {
                                option_id: o.id.clone(),
                                count,
                            })
                            .collect(),
                        no_answer: closed.no_answer,
                    },
                }
            }
            Phase::Leaderboard { index } => PlayerView::Leaderboard {
                index: *index,
                count,
                top: self.board.top(TOP_N),
                units: team(&self.units),
            },
            Phase::Podium => PlayerView::Podium {
                top: self.board.top(PODIUM),
                best_unit: self
                    .config
                    .team_mode
                    .then(|| self.units.best().cloned())
                    .flatten(),
                units: team(&self.units),
            },
            Phase::Ended => PlayerView::Ended {
                top: self.board.top(TOP_N),
                units: team(&self.units),
            },
        }
    }

    /// What the projector shows: the phones' view plus the room's counts and the lobby's
    /// newest names. Built from the player view, so it never shows the key early either.
    pub fn projector_view(&self, now: u64) -> ProjectorView {
        let recent_names = if matches!(self.phase, Phase::Lobby) {
            let active: Vec<&Player> = self.players.iter().filter(|p| !p.kicked).collect();
            let skip = active.len().saturating_sub(LOBBY_NAMES);
            active[skip..].iter().map(|p| p.name.clone()).collect()
        } else {
            Vec::new()
        };
        ProjectorView {
            code: self.code,
            question_count: self.question_count(),
            scoring: self.config.scoring,
            team_mode: self.config.team_mode,
            players: self.active,
            answered: match self.phase {
                Phase::Question(_) => self.answered_now,
                _ => 0,
            },
            recent_names,
            phase: self.player_view(now),
        }
    }

    /// What the presenter's controls show: the projector's view, the key of the open
    /// question and every player (to kick).
    pub fn host_view(&self, now: u64) -> HostView {
        let current = match self.phase {
            Phase::Question(q) => Some(q.index as usize),
            _ => None,
        };
        HostView {
            answer_key: current.map(|i| self.questions[i].answer.clone()),
            closes_at_ms: self.closes_at().map(|at| at.saturating_sub(now)),
            players: self
                .players
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.kicked)
                .map(|(n, p)| PlayerRow {
                    player: PlayerId(n as u32),
                    name: p.name.clone(),
                    unit_name: p.unit.name.clone(),
                    guest: p.account.is_none(),
                    total: p.total,
                    extra_time: p.extra_time,
                    answered_current: current.is_some_and(|i| p.answers[i].is_some()),
                })
                .collect(),
            projector: self.projector_view(now),
        }
    }

    /// One player's own state: score, rank, their answer to the open question (without
    /// whether it is right) and the result of the last closed one.
    pub fn player_status(&self, id: PlayerId, now: u64) -> Result<PlayerStatus, GameError> {
        let p = self.player(id)?;
        let row = self
            .board_rows
            .get(id.0 as usize)
            .copied()
            .flatten()
            .and_then(|row| self.board.rows.get(row));
        let open = match &self.phase {
            Phase::Question(q) => Some(q),
            _ => None,
        };
        let allowed = self.allowed_ms(id);
        Ok(PlayerStatus {
            player: id,
            name: p.name.clone(),
            unit_name: p.unit.name.clone(),
            total: p.total,
            correct_count: p.correct,
            answered: p.answered,
            streak: p.streak,
            rank: row.map(|r| r.rank),
            players: self.active,
            unit_rank: self
                .units
                .ranked
                .iter()
                .find(|u| u.unit_id == p.unit.id)
                .and_then(|u| u.rank),
            extra_time: p.extra_time,
            remaining_ms: open.map(|q| q.remaining(allowed, now)),
            locked_in: open.and_then(|q| {
                p.answers[q.index as usize]
                    .as_ref()
                    .map(|g| g.option_id.clone())
            }),
            last: p
                .last_closed
                .filter(|i| self.closed[*i as usize].is_some())
                .map(|i| {
                    let given = p.answers[i as usize].as_ref();
                    QuestionResult {
                        index: i,
                        option_id: given.map(|g| g.option_id.clone()),
                        correct_option: self.questions[i as usize].answer.clone(),
                        correct: given.is_some_and(|g| g.correct),
                        points: given.map_or(0, |g| g.points),
                    }
                }),
        })
    }
}
