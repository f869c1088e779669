//! The game: a pure state machine the server's game task drives. Time comes in as the
//! server clock's Unix milliseconds (`now`), so the rules are tested without a clock.
//!
//! Lobby → Question → Reveal → Leaderboard → Question … → Podium → Ended. The host moves it
//! on ([`HostCommand`]); a question also closes by itself when its time (plus the latency
//! allowance) is over or when every player has answered ([`Game::tick`]).

mod records;
#[cfg(test)]
mod tests;
mod views;

pub use super::error::GameError;
pub use super::player::{Joined, Joiner, PlayerId, UnitRef};

use super::code::JoinCode;
use super::config::{ConfigError, DrawnQuestion, EXTRA_TIME_PERCENT, GameConfig};
use super::leaderboard::{Entry, Leaderboard};
use super::names;
use super::scoring::{self, Scored};
use super::summary::{QuestionStats, Summary, UnitParticipation};
use super::team::{Member, UnitBoard};
use super::view::OptionView;
use crate::content::ContentBundle;
use crate::rng::Rng;
use crate::sync::SyncRecord;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// An answer arriving this long after the player's deadline (by the server clock) is
/// still accepted: it was most likely sent in time and delayed by a crowded network.
pub const LATENCY_ALLOWANCE_MS: u64 = 500;
/// The leaderboard rows the projector and the phones show.
pub const TOP_N: usize = 10;
/// The podium's places.
pub const PODIUM: usize = 3;
/// Newest names the projector's lobby scrolls.
pub const LOBBY_NAMES: usize = 60;

/// A host's command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum HostCommand {
    Start,
    Next,
    Pause,
    Resume,
    Skip,
    End,
    Kick { player: PlayerId },
}

/// An answer as a player sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Made on the phone (UUID v7) and kept across retries: the same id is the same answer.
    /// It becomes the id of the answer's `live_answer` record.
    pub answer_id: Uuid,
    /// 0-based position of the question in the game.
    pub question: u32,
    pub option_id: String,
}

/// "Jawaban terkirim": the answer is locked in. Says nothing about whether it is right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerAck {
    pub answer_id: Uuid,
    pub question: u32,
}

/// One question as the game holds it: the content's text with options in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct GameQuestion {
    pub id: String,
    /// The value it belongs to (the end screen links to that value's module).
    pub value: String,
    pub stem: Text,
    pub options: Vec<OptionView>,
    pub answer: String,
    pub explanation: Text,
    /// The wording's revision, kept in each answer's record.
    pub rev: u32,
}

impl GameQuestion {
    pub fn from_content(content: &ContentBundle, drawn: &DrawnQuestion) -> Option<GameQuestion> {
        let q = content.question(&drawn.question_id)?;
        let options = drawn
            .option_order
            .iter()
            .map(|id| {
                q.option(id).map(|o| OptionView {
                    id: o.id.clone(),
                    text: o.text.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(GameQuestion {
            id: q.id.clone(),
            value: q.value.clone(),
            stem: q.stem.clone(),
            options,
            answer: q.answer.clone(),
            explanation: q.explanation.clone(),
            rev: q.rev,
        })
    }
}

/// Where the game is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Lobby,
    Question(OpenQuestion),
    /// The question closed: distribution, correct option and explanation are shown.
    Reveal {
        index: u32,
    },
    Leaderboard {
        index: u32,
    },
    Podium,
    Ended,
}

/// The question being answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenQuestion {
    pub index: u32,
    /// When it opened, moved later by any pause so that `now - opened_at` is answering time.
    pub opened_at: u64,
    /// `opened_at` + the question's time (a player with extra time has longer).
    pub deadline: u64,
    /// Set while the host has paused it.
    pub paused_at: Option<u64>,
}

impl OpenQuestion {
    /// Answering time left at `now` for a player allowed `allowed_ms`.
    fn remaining(&self, allowed_ms: u64, now: u64) -> u64 {
        let at = self.paused_at.unwrap_or(now);
        (self.opened_at + allowed_ms).saturating_sub(at)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Given {
    answer_id: Uuid,
    option_id: String,
    accepted_at: u64,
    taken_ms: u64,
    correct: bool,
    points: u32,
}

#[derive(Debug, Clone)]
struct Player {
    secret: String,
    account: Option<Uuid>,
    name: String,
    unit: UnitRef,
    extra_time: bool,
    kicked: bool,
    total: u32,
    correct: u32,
    answered: u32,
    streak: u32,
    /// Per question; `None` for no answer. Counted into the totals at close.
    answers: Vec<Option<Given>>,
    /// The last question whose result this player can be told (closed and not voided).
    last_closed: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Closed {
    /// Per option in display order.
    counts: Vec<u32>,
    no_answer: u32,
}

/// One live game. Build with [`Game::prepare`] (draws the questions) or [`Game::new`].
#[derive(Debug, Clone)]
pub struct Game {
    id: Uuid,
    code: JoinCode,
    config: GameConfig,
    content_version: String,
    questions: Vec<GameQuestion>,
    phase: Phase,
    players: Vec<Player>,
    by_secret: HashMap<String, PlayerId>,
    by_account: HashMap<Uuid, PlayerId>,
    answer_ids: HashMap<Uuid, (PlayerId, u32)>,
    active: u32,
    active_extra_time: u32,
    answered_now: u32,
    closed: Vec<Option<Closed>>,
    board: Leaderboard,
    /// Each player's row in `board` (by player number), so a status is found at once.
    board_rows: Vec<Option<usize>>,
    units: UnitBoard,
    records: Vec<SyncRecord>,
    revision: u64,
}

impl Game {
    /// A game whose questions are drawn from `content` by `config` (see
    /// [`GameConfig::draw`]).
    pub fn prepare(
        id: Uuid,
        code: JoinCode,
        config: GameConfig,
        content: &ContentBundle,
        rng: &mut Rng,
    ) -> Result<Game, ConfigError> {
        let drawn = config.draw(content, rng)?;
        let questions = drawn
            .iter()
            .map(|d| {
                GameQuestion::from_content(content, d)
                    .ok_or_else(|| ConfigError::UnknownQuestion(d.question_id.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Game::new(
            id,
            code,
            config,
            content.version.clone(),
            questions,
        ))
    }

    pub fn new(
        id: Uuid,
        code: JoinCode,
        config: GameConfig,
        content_version: String,
        questions: Vec<GameQuestion>,
    ) -> Game {
        let n = questions.len();
        Game {
            id,
            code,
            config,
            content_version,
            questions,
            phase: Phase::Lobby,
            players: Vec::new(),
            by_secret: HashMap::new(),
            by_account: HashMap::new(),
            answer_ids: HashMap::new(),
            active: 0,
            active_extra_time: 0,
            answered_now: 0,
            closed: vec![None; n],
            board: Leaderboard::default(),
            board_rows: Vec::new(),
            units: UnitBoard::default(),
            records: Vec::new(),
            revision: 0,
        }
    }

    pub fn id(&self) -> Uuid {
        self.id
    }

    pub fn code(&self) -> JoinCode {
        self.code
    }

    pub fn config(&self) -> &GameConfig {
        &self.config
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// Grows whenever anything a view shows changes: the server re-sends views when it
    /// differs from the one it sent last.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Players in the game (kicked ones not counted).
    pub fn player_count(&self) -> u32 {
        self.active
    }

    /// The phase as the host's controls see it ([`super::host_controls::host_allows`]).
    pub fn control_phase(&self) -> super::host_controls::ControlPhase {
        use super::host_controls::ControlPhase as C;
        match &self.phase {
            Phase::Lobby => C::Lobby,
            Phase::Question(q) => C::Question {
                paused: q.paused_at.is_some(),
            },
            Phase::Reveal { .. } => C::Reveal,
            Phase::Leaderboard { .. } => C::Leaderboard,
            Phase::Podium => C::Podium,
            Phase::Ended => C::Ended,
        }
    }

    /// The value every question of the game belongs to, if they share one: the phone's end
    /// screen links to its module.
    pub fn value_id(&self) -> Option<&str> {
        let first = self.questions.first()?.value.as_str();
        self.questions
            .iter()
            .all(|q| q.value == first)
            .then_some(first)
    }

    pub fn question_count(&self) -> u32 {
        self.questions.len() as u32
    }

    fn touch(&mut self) {
        self.revision += 1;
    }

    fn player(&self, id: PlayerId) -> Result<&Player, GameError> {
        let p = self
            .players
            .get(id.0 as usize)
            .ok_or(GameError::UnknownPlayer)?;
        if p.kicked {
            return Err(GameError::Kicked);
        }
        Ok(p)
    }

    /// Adds a player, or for an account already in the game gives back its place (with its
    /// score and answers, also after the end, to see the results). `secret` is a fresh random token from the server; the phone keeps
    /// it to [`rejoin`](Game::rejoin).
    pub fn join(&mut self, joiner: Joiner, secret: String) -> Result<Joined, GameError> {
        let over = matches!(self.phase, Phase::Podium | Phase::Ended);
        let (account, name, unit) = match joiner {
            Joiner::Account {
                account_id,
                name,
                unit,
            } => {
                if let Some(&id) = self.by_account.get(&account_id) {
                    let p = self.player(id)?;
                    return Ok(Joined {
                        player: id,
                        secret: p.secret.clone(),
                        rejoined: true,
                    });
                }
                if over {
                    return Err(GameError::GameOver);
                }
                (Some(account_id), names::account_display_name(&name), unit)
            }
            Joiner::Guest { .. } if over => return Err(GameError::GameOver),
            Joiner::Guest { name, unit } => {
                if !self.config.guests_allowed {
                    return Err(GameError::GuestsNotAllowed);
                }
                (None, names::clean_name(&name)?, unit)
            }
        };
        if self.active >= self.config.max_players {
            return Err(GameError::Full(self.config.max_players));
        }
        if secret.is_empty() || self.by_secret.contains_key(&secret) {
            return Err(GameError::SecretTaken);
        }
        let id = PlayerId(self.players.len() as u32);
        self.players.push(Player {
            secret: secret.clone(),
            account,
            name,
            unit,
            extra_time: false,
            kicked: false,
            total: 0,
            correct: 0,
            answered: 0,
            streak: 0,
            answers: vec![None; self.questions.len()],
            last_closed: None,
        });
        self.by_secret.insert(secret.clone(), id);
        if let Some(account) = account {
            self.by_account.insert(account, id);
        }
        self.active += 1;
        self.touch();
        Ok(Joined {
            player: id,
            secret,
            rejoined: false,
        })
    }

    /// The player whose secret this is, with score and answers as they were. A kicked
    /// player cannot come back. Works after the game ended too (to see the results).
    pub fn rejoin(&self, secret: &str) -> Result<PlayerId, GameError> {
        let id = *self.by_secret.get(secret).ok_or(GameError::UnknownPlayer)?;
        self.player(id)?;
        Ok(id)
    }

    /// A player asks for extra time (+50 % per question) or gives it back. It applies at
    /// once, to the open question too.
    pub fn set_extra_time(&mut self, id: PlayerId, on: bool) -> Result<(), GameError> {
        if on && !self.config.extra_time_allowed {
            return Err(GameError::ExtraTimeNotAllowed);
        }
        let was = self.player(id)?.extra_time;
        if was != on {
            self.players[id.0 as usize].extra_time = on;
            if on {
                self.active_extra_time += 1;
            } else {
                self.active_extra_time -= 1;
            }
            self.touch();
        }
        Ok(())
    }

    /// Time a player has for each question.
    pub fn allowed_ms(&self, id: PlayerId) -> u64 {
        let base = self.config.question_ms();
        match self.players.get(id.0 as usize) {
            Some(p) if p.extra_time => base + base * EXTRA_TIME_PERCENT / 100,
            _ => base,
        }
    }

    /// When the open question closes by itself if not everyone has answered: the longest
    /// time any player in the game has, plus the latency allowance.
    pub fn closes_at(&self) -> Option<u64> {
        match &self.phase {
            Phase::Question(q) if q.paused_at.is_none() => {
                let base = self.config.question_ms();
                let longest = if self.active_extra_time > 0 {
                    base + base * EXTRA_TIME_PERCENT / 100
                } else {
                    base
                };
                Some(q.opened_at + longest + LATENCY_ALLOWANCE_MS)
            }
            _ => None,
        }
    }

    /// Lets time pass: closes the open question when its time is over. Returns whether
    /// the phase changed. The server calls it at [`closes_at`](Game::closes_at).
    pub fn tick(&mut self, now: u64) -> bool {
        match self.closes_at() {
            Some(at) if now >= at => {
                self.close();
                true
            }
            _ => false,
        }
    }

    /// Runs a host command.
    pub fn command(&mut self, command: HostCommand, now: u64) -> Result<(), GameError> {
        match (command, self.phase.clone()) {
            (HostCommand::Start, Phase::Lobby) => {
                if self.active == 0 {
                    return Err(GameError::NoPlayers);
                }
                self.open(0, now);
            }
            (HostCommand::Next, Phase::Question(_)) => self.close(),
            (HostCommand::Next, Phase::Reveal { index }) => {
                self.phase = Phase::Leaderboard { index };
                self.touch();
            }
            (HostCommand::Next, Phase::Leaderboard { index }) => self.open(index + 1, now),
            (HostCommand::Next, Phase::Podium) => {
                self.phase = Phase::Ended;
                self.touch();
            }
            (HostCommand::Pause, Phase::Question(mut q)) if q.paused_at.is_none() => {
                q.paused_at = Some(now);
                self.phase = Phase::Question(q);
                self.touch();
            }
            (HostCommand::Resume, Phase::Question(mut q)) => {
                let Some(paused_at) = q.paused_at else {
                    return Err(GameError::WrongPhase);
                };
                let pause = now.saturating_sub(paused_at);
                q.opened_at += pause;
                q.deadline += pause;
                q.paused_at = None;
                self.phase = Phase::Question(q);
                self.touch();
            }
            (HostCommand::Skip, Phase::Question(q)) => {
                self.void(q.index);
                self.open(q.index + 1, now);
            }
            (HostCommand::End, Phase::Ended) => return Err(GameError::WrongPhase),
            (HostCommand::End, phase) => {
                if matches!(phase, Phase::Question(_)) {
                    self.close();
                }
                self.phase = Phase::Ended;
                self.touch();
            }
            (HostCommand::Kick { player }, _) => self.kick(player)?,
            _ => return Err(GameError::WrongPhase),
        }
        Ok(())
    }

    /// Opens question `index`, or the podium after the last one.
    fn open(&mut self, index: u32, now: u64) {
        self.answered_now = 0;
        self.phase = if index as usize >= self.questions.len() {
            Phase::Podium
        } else {
            Phase::Question(OpenQuestion {
                index,
                opened_at: now,
                deadline: now + self.config.question_ms(),
                paused_at: None,
            })
        };
        self.touch();
    }

    /// A skipped question counts for nobody: its answers are dropped and streaks carry on.
    fn void(&mut self, index: u32) {
        for p in &mut self.players {
            p.answers[index as usize] = None;
        }
    }

    /// Closes the open question: answers are counted into totals, streaks and the
    /// distribution; account players' answers become records.
    fn close(&mut self) {
        let Phase::Question(q) = self.phase else {
            return;
        };
        let i = q.index as usize;
        let question = self.questions[i].clone();
        let mut records = Vec::new();
        let mut closed = Closed {
            counts: vec![0; question.options.len()],
            no_answer: 0,
        };
        for p in self.players.iter_mut() {
            if p.kicked {
                continue;
            }
            p.last_closed = Some(q.index);
            match &p.answers[i] {
                Some(given) => {
                    if let Some(slot) = question
                        .options
                        .iter()
                        .position(|o| o.id == given.option_id)
                    {
                        closed.counts[slot] += 1;
                    }
                    p.total += given.points;
                    p.answered += 1;
                    if given.correct {
                        p.correct += 1;
                        p.streak += 1;
                    } else {
                        p.streak = 0;
                    }
                    if let Some(account) = p.account
                        && let Some(record) = records::record(
                            self.id,
                            &self.content_version,
                            &self.config,
                            &question,
                            q.index,
                            account,
                            given,
                        )
                    {
                        records.push(record);
                    }
                }
                None => {
                    p.streak = 0;
                    closed.no_answer += 1;
                }
            }
        }
        self.records.extend(records);
        self.closed[i] = Some(closed);
        self.phase = Phase::Reveal { index: q.index };
        self.rank();
        self.touch();
    }

    fn kick(&mut self, id: PlayerId) -> Result<(), GameError> {
        let p = self
            .players
            .get_mut(id.0 as usize)
            .ok_or(GameError::UnknownPlayer)?;
        if p.kicked {
            return Ok(());
        }
        p.kicked = true;
        self.active -= 1;
        if p.extra_time {
            self.active_extra_time -= 1;
        }
        if let Phase::Question(q) = self.phase
            && p.answers[q.index as usize].take().is_some()
        {
            self.answered_now -= 1;
        }
        self.rank();
        self.touch();
        if matches!(self.phase, Phase::Question(_))
            && self.active > 0
            && self.answered_now >= self.active
        {
            self.close();
        }
        Ok(())
    }

    fn rank(&mut self) {
        let active = self.players.iter().enumerate().filter(|(_, p)| !p.kicked);
        self.board = Leaderboard::new(
            active
                .clone()
                .map(|(n, p)| Entry {
                    player: PlayerId(n as u32),
                    name: p.name.clone(),
                    unit_name: p.unit.name.clone(),
                    points: p.total,
                    correct: p.correct,
                })
                .collect(),
        );
        self.board_rows = vec![None; self.players.len()];
        for (row, r) in self.board.rows.iter().enumerate() {
            self.board_rows[r.player.0 as usize] = Some(row);
        }
        self.units = UnitBoard::new(active.map(|(_, p)| Member {
            unit_id: &p.unit.id,
            unit_name: &p.unit.name,
            total: p.total,
            answered: p.answered,
        }));
    }

    /// Takes an answer. Checks, in order: the player; the same `answer_id` again (the same
    /// acknowledgement, even after the question closed); the question being the open one;
    /// a pause; a second answer to the question; the option; the deadline plus
    /// [`LATENCY_ALLOWANCE_MS`]. Closes the question when this was the last player to answer.
    pub fn answer(
        &mut self,
        id: PlayerId,
        answer: &Answer,
        now: u64,
    ) -> Result<AnswerAck, GameError> {
        self.player(id)?;
        if let Some(&(owner, question)) = self.answer_ids.get(&answer.answer_id) {
            if owner != id {
                return Err(GameError::AnswerIdTaken);
            }
            return Ok(AnswerAck {
                answer_id: answer.answer_id,
                question,
            });
        }
        let q = match &self.phase {
            Phase::Question(q) if q.index == answer.question => *q,
            Phase::Question(OpenQuestion { index, .. })
            | Phase::Reveal { index }
            | Phase::Leaderboard { index }
                if answer.question > *index =>
            {
                return Err(GameError::NotOpen);
            }
            Phase::Lobby => return Err(GameError::NotOpen),
            _ => return Err(GameError::TooLate),
        };
        if q.paused_at.is_some() {
            return Err(GameError::Paused);
        }
        let i = q.index as usize;
        let player = &self.players[id.0 as usize];
        if player.answers[i].is_some() {
            return Err(GameError::AlreadyAnswered);
        }
        let question = &self.questions[i];
        if !question.options.iter().any(|o| o.id == answer.option_id) {
            return Err(GameError::UnknownOption);
        }
        let allowed_ms = self.allowed_ms(id);
        let taken_ms = now.saturating_sub(q.opened_at);
        if taken_ms > allowed_ms + LATENCY_ALLOWANCE_MS {
            return Err(GameError::TooLate);
        }
        let correct = question.answer == answer.option_id;
        let points = scoring::points(
            self.config.scoring,
            Scored {
                correct,
                taken_ms,
                allowed_ms,
                streak_before: player.streak,
            },
        );
        self.players[id.0 as usize].answers[i] = Some(Given {
            answer_id: answer.answer_id,
            option_id: answer.option_id.clone(),
            accepted_at: now,
            taken_ms: taken_ms.min(allowed_ms),
            correct,
            points,
        });
        self.answer_ids.insert(answer.answer_id, (id, q.index));
        self.answered_now += 1;
        self.touch();
        if self.answered_now >= self.active {
            self.close();
        }
        Ok(AnswerAck {
            answer_id: answer.answer_id,
            question: q.index,
        })
    }

    /// The account a player joined as (None for a guest or an unknown player): the
    /// server keeps it with a stored report, so erasing the account can blank its name.
    pub fn account_of(&self, player: PlayerId) -> Option<Uuid> {
        self.players.get(player.0 as usize)?.account
    }

    /// The ranked people, for the summary and the CSV export.
    pub fn leaderboard(&self) -> &Leaderboard {
        &self.board
    }

    pub fn unit_board(&self) -> &UnitBoard {
        &self.units
    }

    /// The trainer's summary: accuracy per closed question and participation per unit.
    pub fn summary(&self) -> Summary {
        let active: Vec<&Player> = self.players.iter().filter(|p| !p.kicked).collect();
        let questions = self
            .closed
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .map(|(i, _)| {
                let (answered, correct) = active
                    .iter()
                    .filter_map(|p| p.answers[i].as_ref())
                    .fold((0, 0), |(a, c), g| (a + 1, c + u32::from(g.correct)));
                QuestionStats::new(i as u32, self.questions[i].id.clone(), answered, correct)
            })
            .collect();
        let mut units: BTreeMap<&str, (&str, u32, u32)> = BTreeMap::new();
        for p in &active {
            let unit = units.entry(&p.unit.id).or_insert((&p.unit.name, 0, 0));
            unit.1 += 1;
            unit.2 += u32::from(p.answered > 0);
        }
        let mut units: Vec<UnitParticipation> = units
            .into_iter()
            .map(|(id, (name, joined, answered))| {
                UnitParticipation::new(id.to_owned(), name.to_owned(), joined, answered)
            })
            .collect();
        units.sort_by(|a, b| a.unit_name.cmp(&b.unit_name));
        Summary {
            players: self.active,
            questions,
            units,
        }
    }
}
