//! The game: a pure state machine the server's game task drives. Time comes in as the
//! server clock's Unix milliseconds (`now`), so the rules are tested without a clock.
//!
//! Lobby → Question → Reveal → Leaderboard → Question … → Podium → Ended. The host moves it
//! on ([`HostCommand`]); a question also closes by itself when its time (plus the latency
//! allowance) is over or when every player has answered ([`Game::tick`]).

use super::Coded;
use super::code::JoinCode;
use super::config::{ConfigError, DrawnQuestion, EXTRA_TIME_PERCENT, GameConfig};
use super::leaderboard::{Entry, Leaderboard};
use super::names::{self, NameError};
use super::scoring::{self, Scored};
use super::team::{Member, UnitBoard};
use super::view::{
    HostView, OptionCount, OptionView, PlayerQuestion, PlayerRow, PlayerStatus, PlayerView,
    ProjectorView, QuestionResult, RevealView,
};
use crate::content::ContentBundle;
use crate::rng::Rng;
use crate::sync::{LiveAnswer, SyncRecord};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use thiserror::Error;
use time::OffsetDateTime;
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

/// A player's number in this game (0, 1, 2 … in order of joining).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlayerId(pub u32);

/// A unit as the game shows it (the server resolves the id to its name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// Who asks to join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joiner {
    /// A signed-in account: name and unit come from the account.
    Account {
        account_id: Uuid,
        name: String,
        unit: UnitRef,
    },
    /// A guest (when the game allows guests): a typed name and a chosen unit.
    Guest { name: String, unit: UnitRef },
}

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

/// The result of a join: the player's number and the secret that rejoins them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub player: PlayerId,
    pub secret: String,
    /// True when an account that was already in the game came back.
    pub rejoined: bool,
}

/// One question as the game holds it: the content's text with options in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct GameQuestion {
    pub id: String,
    pub stem: Text,
    pub options: Vec<OptionView>,
    pub answer: String,
    pub explanation: Text,
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
            stem: q.stem.clone(),
            options,
            answer: q.answer.clone(),
            explanation: q.explanation.clone(),
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

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GameError {
    #[error("Perintah ini tidak bisa dijalankan pada tahap kuis sekarang.")]
    WrongPhase,
    #[error("Belum ada pemain yang bergabung.")]
    NoPlayers,
    #[error("Kuis ini sudah selesai.")]
    GameOver,
    #[error("Kuis sudah penuh ({0} pemain).")]
    Full(u32),
    #[error("Kuis ini hanya untuk pengguna yang sudah masuk.")]
    GuestsNotAllowed,
    #[error("{0}")]
    Name(NameError),
    #[error("Pemain tidak dikenal di kuis ini.")]
    UnknownPlayer,
    #[error("Anda dikeluarkan dari kuis ini oleh pemandu.")]
    Kicked,
    #[error("Tanda pemain sudah dipakai.")]
    SecretTaken,
    #[error("Pemandu tidak mengizinkan tambahan waktu di kuis ini.")]
    ExtraTimeNotAllowed,
    #[error("Soal ini belum dibuka.")]
    NotOpen,
    #[error("Soal sedang dijeda; tunggu pemandu melanjutkan.")]
    Paused,
    #[error("Waktu menjawab soal ini sudah habis.")]
    TooLate,
    #[error("Anda sudah menjawab soal ini.")]
    AlreadyAnswered,
    #[error("Pilihan jawaban tidak ada pada soal ini.")]
    UnknownOption,
    #[error("Id jawaban sudah dipakai untuk jawaban lain.")]
    AnswerIdTaken,
}

impl Coded for GameError {
    fn code(&self) -> &'static str {
        match self {
            GameError::WrongPhase => "live_wrong_phase",
            GameError::NoPlayers => "live_no_players",
            GameError::GameOver => "live_game_over",
            GameError::Full(_) => "live_game_full",
            GameError::GuestsNotAllowed => "live_guests_not_allowed",
            GameError::Name(e) => e.code(),
            GameError::UnknownPlayer => "live_unknown_player",
            GameError::Kicked => "live_kicked",
            GameError::SecretTaken => "live_secret_taken",
            GameError::ExtraTimeNotAllowed => "live_extra_time_not_allowed",
            GameError::NotOpen => "live_question_not_open",
            GameError::Paused => "live_paused",
            GameError::TooLate => "live_too_late",
            GameError::AlreadyAnswered => "live_already_answered",
            GameError::UnknownOption => "live_unknown_option",
            GameError::AnswerIdTaken => "live_answer_id_taken",
        }
    }

    fn english(&self) -> String {
        match self {
            GameError::WrongPhase => {
                "This command cannot be used at this stage of the quiz.".into()
            }
            GameError::NoPlayers => "Nobody has joined yet.".into(),
            GameError::GameOver => "This quiz is over.".into(),
            GameError::Full(n) => format!("The quiz is full ({n} players)."),
            GameError::GuestsNotAllowed => "This quiz is for signed-in users only.".into(),
            GameError::Name(e) => e.english(),
            GameError::UnknownPlayer => "This player is not in the quiz.".into(),
            GameError::Kicked => "The host removed you from this quiz.".into(),
            GameError::SecretTaken => "This player token is already in use.".into(),
            GameError::ExtraTimeNotAllowed => {
                "The host does not allow extra time in this quiz.".into()
            }
            GameError::NotOpen => "This question is not open yet.".into(),
            GameError::Paused => "The question is paused; wait for the host.".into(),
            GameError::TooLate => "Time for this question is up.".into(),
            GameError::AlreadyAnswered => "You already answered this question.".into(),
            GameError::UnknownOption => "That option is not in this question.".into(),
            GameError::AnswerIdTaken => "This answer id was used for another answer.".into(),
        }
    }
}

impl From<NameError> for GameError {
    fn from(e: NameError) -> Self {
        GameError::Name(e)
    }
}

/// The server clock's Unix milliseconds as a time (for records).
fn instant(ms: u64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
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
                        && let Some(record) = record(
                            self.id,
                            &self.content_version,
                            &self.config,
                            &question.id,
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

    /// Records made since the last call: one `live_answer` per account player and closed
    /// question, with the answer's own id. The server stores them like synced records.
    pub fn take_records(&mut self) -> Vec<SyncRecord> {
        std::mem::take(&mut self.records)
    }

    /// A player's records so far (closed questions only): a phone that rejoins or missed
    /// a reveal stores them, and the same ids make the phone's later sync a duplicate.
    pub fn records_of(&self, id: PlayerId) -> Vec<SyncRecord> {
        let Some(p) = self.players.get(id.0 as usize) else {
            return Vec::new();
        };
        let Some(account) = p.account else {
            return Vec::new();
        };
        self.closed
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .filter_map(|(i, _)| {
                let given = p.answers[i].as_ref()?;
                record(
                    self.id,
                    &self.content_version,
                    &self.config,
                    &self.questions[i].id,
                    i as u32,
                    account,
                    given,
                )
            })
            .collect()
    }

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

    /// The ranked people, for the summary and the CSV export.
    pub fn leaderboard(&self) -> &Leaderboard {
        &self.board
    }

    pub fn unit_board(&self) -> &UnitBoard {
        &self.units
    }

    /// Per closed question: (question id, answered, correct), for the summary's accuracy
    /// per question and its hardest question.
    pub fn accuracy(&self) -> Vec<(String, u32, u32)> {
        self.closed
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .map(|(i, _)| {
                let given = self
                    .players
                    .iter()
                    .filter(|p| !p.kicked)
                    .filter_map(|p| p.answers[i].as_ref());
                let (answered, correct) =
                    given.fold((0, 0), |(a, c), g| (a + 1, c + u32::from(g.correct)));
                (self.questions[i].id.clone(), answered, correct)
            })
            .collect()
    }
}

fn record(
    game_id: Uuid,
    content_version: &str,
    config: &GameConfig,
    question_id: &str,
    position: u32,
    account: Uuid,
    given: &Given,
) -> Option<SyncRecord> {
    let payload = LiveAnswer {
        game_id,
        question_id: question_id.to_owned(),
        option_id: given.option_id.clone(),
        correct: given.correct,
        points: given.points,
        position,
        scoring: config.scoring,
        time_ms: u32::try_from(given.taken_ms).unwrap_or(u32::MAX),
        content_version: content_version.to_owned(),
    };
    SyncRecord::new(
        given.answer_id,
        account,
        instant(given.accepted_at)?,
        &payload,
    )
    .ok()
}
