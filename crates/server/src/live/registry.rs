//! The running games: join code → game, and game id → code. A code belongs to one running
//! game at a time and is freed when its game's task stops (after the game ended and a
//! grace period for the results, or after it sat idle).

use super::handle::{ConnId, GameHandle};
use super::task::{self, TaskContext};
use crate::state::ServedContent;
use crate::store::Store;
use crate::window_limit::WindowLimiter;
use resapi_core::live::code::JoinCode;
use resapi_core::live::config::{ConfigError, GameConfig};
use resapi_core::live::game::Game;
use resapi_core::rng::Rng;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use uuid::Uuid;

/// The server's live quiz limits (`serve` flags set some of them).
#[derive(Debug, Clone)]
pub struct LiveSettings {
    /// Most games running at once on this server.
    pub max_games: usize,
    /// Most players in all running games together (on top of each game's own cap).
    pub max_players_total: u32,
    /// A game nobody has sent anything to for this long is ended.
    pub idle_limit: Duration,
    /// How long an ended game stays reachable (players see the results, rejoin).
    pub ended_grace: Duration,
    /// Shortest gap between two host or projector views (they list every player).
    pub host_every: Duration,
    /// Messages waiting for one connection before it counts as stalled.
    pub outbox: usize,
    /// New players per client address per minute.
    pub joins_per_minute: usize,
    /// Largest message a client may send, in bytes.
    pub max_message_bytes: usize,
    /// The last digits this process gives its games' join codes (and ids): how a load
    /// balancer in front of several processes finds the one holding a game.
    pub code_endings: CodeEndings,
}

impl Default for LiveSettings {
    fn default() -> LiveSettings {
        LiveSettings {
            max_games: 100,
            max_players_total: 20_000,
            idle_limit: Duration::from_secs(2 * 60 * 60),
            ended_grace: Duration::from_secs(15 * 60),
            host_every: Duration::from_millis(250),
            outbox: 64,
            joins_per_minute: 600,
            max_message_bytes: 4096,
            code_endings: CodeEndings::ALL,
        }
    }
}

/// The last digits of the join codes one process hands out (`serve --live-code-endings`).
///
/// A running game lives in the memory of the process that created it, so every request
/// about it must reach that process. Giving each process its own last digits makes the
/// code itself say where the game is: a load balancer routes `/live/join/<code>/…` by the
/// code's last digit, and `/live/games/<id>/…` by the id's last character, which the
/// registry makes the same digit (docs/deploy.md). One process keeps all ten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeEndings([bool; 10]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a set of digits 0-9 (e.g. 01234)")]
pub struct CodeEndingsError(String);

impl CodeEndings {
    pub const ALL: CodeEndings = CodeEndings([true; 10]);

    /// Reads digits such as `01234` (commas or spaces between them allowed); at least one.
    pub fn parse(text: &str) -> Result<CodeEndings, CodeEndingsError> {
        let mut endings = [false; 10];
        for c in text.chars().filter(|c| !matches!(c, ',' | ' ')) {
            let digit = c
                .to_digit(10)
                .ok_or_else(|| CodeEndingsError(text.to_owned()))?;
            endings[digit as usize] = true;
        }
        if !endings.contains(&true) {
            return Err(CodeEndingsError(text.to_owned()));
        }
        Ok(CodeEndings(endings))
    }

    pub fn allows(&self, code: JoinCode) -> bool {
        self.0[(code.value() % 10) as usize]
    }
}

/// A new game's id whose last hex digit is the code's last digit, so the game's id routes
/// like its code. The id stays a valid version-7 UUID: its version and variant bits are
/// in bytes 6 and 8; only 4 of its 74 random bits are fixed.
fn id_ending_like(code: JoinCode) -> Uuid {
    let mut bytes = Uuid::now_v7().into_bytes();
    bytes[15] = (bytes[15] & 0xf0) | (code.value() % 10) as u8;
    Uuid::from_bytes(bytes)
}

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("too many games are running")]
    TooManyGames,
    #[error("no randomness: {0}")]
    Random(#[from] getrandom::Error),
}

#[derive(Default)]
struct Games {
    by_code: HashMap<JoinCode, GameHandle>,
    by_id: HashMap<Uuid, JoinCode>,
}

/// The live quiz's shared state (one per server).
pub struct Live {
    pub settings: LiveSettings,
    pub join_limit: WindowLimiter,
    games: Mutex<Games>,
    next_conn: AtomicU64,
    /// Players in all running games (joins minus kicks, per game task).
    pub players_total: AtomicU64,
}

impl Default for Live {
    fn default() -> Live {
        Live::new(LiveSettings::default())
    }
}

impl Live {
    pub fn new(settings: LiveSettings) -> Live {
        Live {
            join_limit: WindowLimiter::new(settings.joins_per_minute, Duration::from_secs(60)),
            settings,
            games: Mutex::new(Games::default()),
            next_conn: AtomicU64::new(1),
            players_total: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Games> {
        self.games.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn conn_id(&self) -> ConnId {
        self.next_conn.fetch_add(1, Ordering::Relaxed)
    }

    pub fn by_code(&self, code: JoinCode) -> Option<GameHandle> {
        self.lock().by_code.get(&code).cloned()
    }

    pub fn by_id(&self, id: Uuid) -> Option<GameHandle> {
        let games = self.lock();
        games
            .by_id
            .get(&id)
            .and_then(|c| games.by_code.get(c))
            .cloned()
    }

    pub fn running(&self) -> usize {
        self.lock().by_code.len()
    }

    /// Draws the game's questions, gives it a code no running game has, and starts its
    /// task. The caller stores the game's row; if that fails it calls [`Live::remove`].
    pub fn create(
        self: &Arc<Self>,
        owner: Uuid,
        config: GameConfig,
        content: Arc<ServedContent>,
        store: Store,
    ) -> Result<GameHandle, CreateError> {
        let mut seed = [0u8; 8];
        getrandom::fill(&mut seed)?;
        let mut rng = Rng::new(u64::from_le_bytes(seed));
        config.check()?;
        let mut games = self.lock();
        if games.by_code.len() >= self.settings.max_games {
            return Err(CreateError::TooManyGames);
        }
        // With one ending in ten, about one draw in ten fits; the loop ends as surely as
        // with all ten (max_games is far below the 90,000 codes of one ending).
        let endings = self.settings.code_endings;
        let mut code = JoinCode::generate(&mut rng);
        while games.by_code.contains_key(&code) || !endings.allows(code) {
            code = JoinCode::generate(&mut rng);
        }
        let id = id_ending_like(code);
        let game = Game::prepare(id, code, config, &content.bundle, &mut rng)?;
        let handle = task::spawn(
            game,
            owner,
            TaskContext {
                live: Arc::clone(self),
                store,
                content,
            },
        );
        games.by_code.insert(code, handle.clone());
        games.by_id.insert(id, code);
        Ok(handle)
    }

    /// Forgets a game (its task stopped): its code is free again.
    pub fn remove(&self, id: Uuid) {
        let mut games = self.lock();
        if let Some(code) = games.by_id.remove(&id) {
            games.by_code.remove(&code);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_endings_are_digits_and_at_least_one() {
        let even = CodeEndings::parse("0,2 468").unwrap();
        assert!(even.allows(JoinCode::parse("482914").unwrap()));
        assert!(!even.allows(JoinCode::parse("482913").unwrap()));
        assert!(CodeEndings::parse("").is_err());
        assert!(CodeEndings::parse("0a").is_err());
        assert_eq!(CodeEndings::parse("0123456789").unwrap(), CodeEndings::ALL);
    }

    #[test]
    fn a_game_id_ends_in_its_code_digit_and_stays_a_v7_uuid() {
        for text in ["100000", "482913", "999999"] {
            let code = JoinCode::parse(text).unwrap();
            let id = id_ending_like(code);
            assert_eq!(id.get_version_num(), 7);
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
            assert_eq!(id.to_string().chars().last(), text.chars().last());
        }
    }
}
