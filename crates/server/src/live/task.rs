//! One task per game: the only code that touches its [`Game`]. It takes commands from the
//! connections over one channel, sleeps until the open question closes (the server clock
//! decides), and after each change publishes what changed:
//!
//! - the phones' shared `state` once per phase change, serialized once into an
//!   `Arc<str>` behind a `watch` (a slow phone skips to the latest, never a backlog);
//! - the projector's and presenter's views at most every `host_every` (they change with
//!   every answer and list every player);
//! - each player's own messages (welcome, ack, status, record) through its small bounded
//!   outbox, never waiting on it: a full outbox disconnects that phone, which rejoins.
//!
//! Records and reports go to the database through a writer task of the game, in order and
//! with retries, so the game never waits on the disk. A record goes to its phone only once
//! the writer has stored it: a phone never holds a live answer the server lacks, so the
//! server can refuse any live answer it does not hold (`live_answer_unknown`).

use super::handle::{Command, ConnId, GameHandle, Outbox};
use super::now_ms;
use super::registry::Live;
use super::report::StoredReport;
use crate::state::ServedContent;
use crate::store::Store;
use resapi_core::live::game::{Game, GameError, HostCommand, Joined, Joiner, Phase, PlayerId};
use resapi_core::live::protocol::ServerMsg;
use resapi_core::sync::{RecordStatus, SyncRecord};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use uuid::Uuid;

/// Commands queued for one game before senders wait (a burst of answers).
const QUEUE: usize = 8192;
/// Commands handled before publishing: under a burst, one publish covers many answers.
const BATCH: usize = 512;

pub(super) struct TaskContext {
    pub live: Arc<Live>,
    pub store: Store,
    pub content: Arc<ServedContent>,
}

/// A message as the wire carries it, serialized once.
pub(super) fn encode(msg: &ServerMsg) -> Arc<str> {
    match serde_json::to_string(msg) {
        Ok(text) => text.into(),
        Err(e) => {
            tracing::error!(error = %e, "cannot serialize a live message");
            Arc::from("{}")
        }
    }
}

/// What makes the phones' shared view worth sending again: the phase and, outside a
/// question and the lobby, any change (a kick moves the boards). Inside a question only
/// the clock moves, and each phone counts down by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhaseKey {
    Lobby,
    Question { index: u32, paused: bool },
    Other(u64),
}

fn phase_key(game: &Game) -> PhaseKey {
    match game.phase() {
        Phase::Lobby => PhaseKey::Lobby,
        Phase::Question(q) => PhaseKey::Question {
            index: q.index,
            paused: q.paused_at.is_some(),
        },
        _ => PhaseKey::Other(game.revision()),
    }
}

enum Persist {
    Records(Vec<SyncRecord>),
    Report { report: StoredReport, ended: bool },
}

struct GameTask {
    game: Game,
    ctx: TaskContext,
    players: watch::Sender<Arc<str>>,
    projector: watch::Sender<Arc<str>>,
    host: watch::Sender<Arc<str>>,
    outboxes: HashMap<PlayerId, (ConnId, Outbox)>,
    accounts: HashMap<Uuid, PlayerId>,
    last_key: PhaseKey,
    last_revision: u64,
    host_sent_at: Instant,
    host_dirty: bool,
    last_activity: Instant,
    ended_at: Option<Instant>,
    persist: mpsc::UnboundedSender<Persist>,
    /// Ids of the records the writer has stored: only these reach a phone.
    stored: HashSet<Uuid>,
    counted_players: u32,
}

pub(super) fn spawn(game: Game, owner: Uuid, ctx: TaskContext) -> GameHandle {
    let now = now_ms();
    let (commands, rx) = mpsc::channel(QUEUE);
    let (players, players_rx) = watch::channel(encode(&ServerMsg::State {
        view: game.player_view(now),
    }));
    let (projector, projector_rx) = watch::channel(encode(&ServerMsg::Projector {
        view: game.projector_view(now),
    }));
    let (host, host_rx) = watch::channel(encode(&ServerMsg::Host {
        view: game.host_view(now),
    }));
    let handle = GameHandle {
        id: game.id(),
        code: game.code(),
        owner,
        commands,
        players: players_rx,
        projector: projector_rx,
        host: host_rx,
        guests_allowed: game.config().guests_allowed,
    };
    let (persist, persist_rx) = mpsc::unbounded_channel();
    let (stored, stored_rx) = mpsc::unbounded_channel();
    tokio::spawn(writer(
        game.id(),
        ctx.store.clone(),
        Arc::clone(&ctx.content),
        persist_rx,
        stored,
    ));
    let task = GameTask {
        last_key: phase_key(&game),
        last_revision: game.revision(),
        game,
        ctx,
        players,
        projector,
        host,
        outboxes: HashMap::new(),
        accounts: HashMap::new(),
        host_sent_at: Instant::now(),
        host_dirty: false,
        last_activity: Instant::now(),
        ended_at: None,
        persist,
        stored: HashSet::new(),
        counted_players: 0,
    };
    tokio::spawn(task.run(rx, stored_rx));
    handle
}

impl GameTask {
    async fn run(
        mut self,
        mut rx: mpsc::Receiver<Command>,
        mut stored: mpsc::UnboundedReceiver<Vec<SyncRecord>>,
    ) {
        loop {
            let wake = self.next_wake();
            tokio::select! {
                Some(records) = stored.recv() => self.deliver(records),
                command = rx.recv() => {
                    let Some(command) = command else { break };
                    self.handle(command);
                    for _ in 0..BATCH {
                        match rx.try_recv() {
                            Ok(command) => self.handle(command),
                            Err(_) => break,
                        }
                    }
                }
                () = tokio::time::sleep_until(wake) => {}
            }
            let now = now_ms();
            self.game.tick(now);
            self.publish(now);
            if self.expired() {
                break;
            }
        }
        self.finish();
    }

    /// The next moment something happens without a message: the question's close, a
    /// held-back host view, the end of the grace period or the idle limit.
    fn next_wake(&self) -> Instant {
        let settings = &self.ctx.live.settings;
        let mut wake = self.last_activity + settings.idle_limit;
        if let Some(at) = self.game.closes_at() {
            let now = now_ms();
            wake = wake.min(Instant::now() + Duration::from_millis(at.saturating_sub(now)));
        }
        if self.host_dirty {
            wake = wake.min(self.host_sent_at + settings.host_every);
        }
        if let Some(ended) = self.ended_at {
            wake = wake.min(ended + settings.ended_grace);
        }
        wake
    }

    fn expired(&self) -> bool {
        let settings = &self.ctx.live.settings;
        let now = Instant::now();
        self.ended_at
            .is_some_and(|ended| now >= ended + settings.ended_grace)
            || now >= self.last_activity + settings.idle_limit
    }

    fn handle(&mut self, command: Command) {
        let now = now_ms();
        match command {
            Command::Join {
                joiner,
                conn,
                outbox,
                reply,
            } => {
                self.last_activity = Instant::now();
                let result = self.join(joiner, conn, outbox, now);
                let _ = reply.send(result);
            }
            Command::Rejoin {
                secret,
                conn,
                outbox,
                reply,
            } => {
                self.last_activity = Instant::now();
                let result = self.game.rejoin(&secret);
                if let Ok(player) = result {
                    self.connect(player, conn, outbox, secret, now);
                }
                let _ = reply.send(result);
            }
            Command::Answer { player, answer } => {
                self.last_activity = Instant::now();
                let reply = match self.game.answer(player, &answer, now) {
                    Ok(ack) => ServerMsg::Ack(ack),
                    Err(e) => ServerMsg::refused(&e, Some(answer.answer_id)),
                };
                self.tell(player, &reply);
                self.tell_status(player, now);
            }
            Command::ExtraTime { player, on } => {
                self.last_activity = Instant::now();
                match self.game.set_extra_time(player, on) {
                    Ok(()) => self.tell_status(player, now),
                    Err(e) => self.tell(player, &ServerMsg::refused(&e, None)),
                }
            }
            Command::Host { command, reply } => {
                self.last_activity = Instant::now();
                let result = self.game.command(command, now);
                if let (Ok(()), HostCommand::Kick { player }) = (&result, command) {
                    self.tell(player, &ServerMsg::Kicked);
                    self.outboxes.remove(&player);
                }
                let _ = reply.send(result);
            }
            Command::Left { player, conn } => {
                if self.outboxes.get(&player).is_some_and(|(c, _)| *c == conn) {
                    self.outboxes.remove(&player);
                }
            }
            Command::Report { reply } => {
                let _ = reply.send(StoredReport::of(&self.game));
            }
        }
        self.count_players();
    }

    fn join(
        &mut self,
        joiner: Joiner,
        conn: ConnId,
        outbox: Outbox,
        now: u64,
    ) -> Result<PlayerId, GameError> {
        let account = match &joiner {
            Joiner::Account { account_id, .. } => Some(*account_id),
            Joiner::Guest { .. } => None,
        };
        let known = account.is_some_and(|a| self.accounts.contains_key(&a));
        let settings = &self.ctx.live.settings;
        if !known
            && self.ctx.live.players_total.load(Ordering::Relaxed)
                >= u64::from(settings.max_players_total)
        {
            return Err(GameError::Full(settings.max_players_total));
        }
        let secret = crate::tokens::new_token()
            .map(|(token, _)| token)
            .map_err(|e| {
                tracing::error!(error = %e, "no randomness for a player's secret");
                GameError::SecretTaken
            })?;
        let Joined { player, secret, .. } = self.game.join(joiner, secret)?;
        if let Some(account) = account {
            self.accounts.insert(account, player);
        }
        self.connect(player, conn, outbox, secret, now);
        Ok(player)
    }

    /// Hooks a connection to a player (replacing an older one, which then closes) and
    /// sends it who it is, its records so far and its status.
    fn connect(
        &mut self,
        player: PlayerId,
        conn: ConnId,
        outbox: Outbox,
        secret: String,
        now: u64,
    ) {
        self.outboxes.insert(player, (conn, outbox));
        let config = self.game.config();
        // Only stored records: one still with the writer follows in its `record` message.
        let mut records = self.game.records_of(player);
        records.retain(|r| self.stored.contains(&r.id));
        let welcome = ServerMsg::Welcome {
            player,
            secret,
            question_count: self.game.question_count(),
            extra_time_allowed: config.extra_time_allowed,
            value_id: self.game.value_id().map(str::to_owned),
            records,
        };
        self.tell(player, &welcome);
        self.tell_status(player, now);
    }

    /// One message to one player, never waiting: a full outbox means the phone stopped
    /// reading, so it is let go (it rejoins and gets everything afresh).
    fn tell(&mut self, player: PlayerId, msg: &ServerMsg) {
        let Some((_, outbox)) = self.outboxes.get(&player) else {
            return;
        };
        match outbox.try_send(encode(msg)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                tracing::debug!(player = player.0, "live: a phone stopped reading; let go");
                self.outboxes.remove(&player);
            }
            Err(TrySendError::Closed(_)) => {
                self.outboxes.remove(&player);
            }
        }
    }

    fn tell_status(&mut self, player: PlayerId, now: u64) {
        if let Ok(status) = self.game.player_status(player, now) {
            self.tell(player, &ServerMsg::You { status });
        }
    }

    fn publish(&mut self, now: u64) {
        let key = phase_key(&self.game);
        let revision = self.game.revision();
        if key != self.last_key {
            let closed = matches!(self.game.phase(), Phase::Reveal { .. });
            let ended = matches!(self.game.phase(), Phase::Ended);
            self.last_key = key;
            self.players.send_replace(encode(&ServerMsg::State {
                view: self.game.player_view(now),
            }));
            self.flush_host(now);
            let connected: Vec<PlayerId> = self.outboxes.keys().copied().collect();
            for player in connected {
                self.tell_status(player, now);
            }
            if closed || ended {
                self.save_report(ended);
            }
            if ended && self.ended_at.is_none() {
                self.ended_at = Some(Instant::now());
            }
        } else if revision != self.last_revision {
            self.host_dirty = true;
        }
        self.last_revision = revision;
        if self.host_dirty && self.host_sent_at.elapsed() >= self.ctx.live.settings.host_every {
            self.flush_host(now);
        }
        let records = self.game.take_records();
        if !records.is_empty() {
            let _ = self.persist.send(Persist::Records(records));
        }
    }

    /// Records the writer has stored go to their phones (`record`), after the close that
    /// made them: the phone's later sync of one is a `duplicate`.
    fn deliver(&mut self, records: Vec<SyncRecord>) {
        for record in records {
            self.stored.insert(record.id);
            if let Some(&player) = self.accounts.get(&record.account_id) {
                self.tell(player, &ServerMsg::Record { record });
            }
        }
    }

    /// The projector's and presenter's views (and in the lobby the phones' count of
    /// players), at most every `host_every`.
    fn flush_host(&mut self, now: u64) {
        self.projector.send_replace(encode(&ServerMsg::Projector {
            view: self.game.projector_view(now),
        }));
        self.host.send_replace(encode(&ServerMsg::Host {
            view: self.game.host_view(now),
        }));
        if matches!(self.game.phase(), Phase::Lobby) {
            self.players.send_replace(encode(&ServerMsg::State {
                view: self.game.player_view(now),
            }));
        }
        self.host_dirty = false;
        self.host_sent_at = Instant::now();
    }

    fn save_report(&self, ended: bool) {
        let report = StoredReport::of(&self.game);
        let _ = self.persist.send(Persist::Report { report, ended });
    }

    /// Keeps the server-wide count of players in step with this game's.
    fn count_players(&mut self) {
        let now = self.game.player_count();
        let total = &self.ctx.live.players_total;
        if now > self.counted_players {
            total.fetch_add(u64::from(now - self.counted_players), Ordering::Relaxed);
        } else if now < self.counted_players {
            total.fetch_sub(u64::from(self.counted_players - now), Ordering::Relaxed);
        }
        self.counted_players = now;
    }

    /// The game stops: ended if it was still on (idle), its last report stored, its code
    /// freed. Dropping the outboxes and views closes every connection.
    fn finish(mut self) {
        let now = now_ms();
        if !matches!(self.game.phase(), Phase::Ended) {
            let _ = self.game.command(HostCommand::End, now);
            self.publish(now);
        }
        let total = &self.ctx.live.players_total;
        total.fetch_sub(u64::from(self.counted_players), Ordering::Relaxed);
        self.ctx.live.remove(self.game.id());
        tracing::info!(game = %self.game.id(), "live game finished");
    }
}

/// Stores a game's records and reports in order, retrying a busy or failing database with
/// backoff, so an answer is not lost to a moment of contention. The records the server now
/// holds (stored, or stored before) go back to the game (`stored`) for their phones.
async fn writer(
    game: Uuid,
    store: Store,
    content: Arc<ServedContent>,
    mut jobs: mpsc::UnboundedReceiver<Persist>,
    stored: mpsc::UnboundedSender<Vec<SyncRecord>>,
) {
    while let Some(job) = jobs.recv().await {
        let mut wait = Duration::from_millis(200);
        for attempt in 1..=8 {
            let result = match &job {
                Persist::Records(records) => store
                    .store_game_records(&content.bundle, records)
                    .await
                    .map(|results| {
                        let mut held = Vec::with_capacity(records.len());
                        for (record, r) in records.iter().zip(&results) {
                            if r.status == RecordStatus::Rejected {
                                tracing::warn!(%game, record = %r.id, error = ?r.error, "live record refused");
                            } else {
                                held.push(record.clone());
                            }
                        }
                        // The game has stopped when this fails; its phones went with it.
                        let _ = stored.send(held);
                    }),
                Persist::Report { report, ended } => {
                    store.save_game_report(game, report, *ended).await
                }
            };
            match result {
                Ok(()) => break,
                Err(e) if attempt < 8 => {
                    tracing::warn!(%game, error = %e, attempt, "live: storing failed; retrying");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(10));
                }
                Err(e) => tracing::error!(%game, error = %e, "live: storing failed; given up"),
            }
        }
    }
}
