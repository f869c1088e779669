//! The live quiz's WebSockets (docs/live-quiz.md "Messages"): a phone's socket by join
//! code, and the presenter's or projector's socket by game id. Each connection is its own
//! task: it forwards the client's messages to the game's task and writes what the game
//! publishes, so a slow phone only ever slows its own socket.
//!
//! Signed-in players and hosts pass their session token as `?token=` (a browser cannot set
//! headers on a WebSocket) or as the usual bearer header. Everything is checked before the
//! upgrade, so a refused socket gets the API's JSON error (401, 403, 404, 426).

use crate::client_addr::{ClientAddr, limit_key};
use crate::http::access::Caller;
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiPath, ApiQuery, AuthSession, bearer};
use crate::live::handle::{Command, ConnId, GameHandle};
use crate::live::socket_error::SocketError;
use crate::live::{Live, Outbox};
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use resapi_core::live::Coded;
use resapi_core::live::code::JoinCode;
use resapi_core::live::game::{GameError, Joiner, PlayerId, UnitRef};
use resapi_core::live::protocol::{ClientMsg, ServerMsg};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/live/join/{code}/ws", get(player_socket))
        .route("/live/games/{id}/ws", get(host_socket))
}

/// A ping this often finds phones that vanished without closing (a locked screen, a lost
/// network) and keeps NAT mappings and proxies from dropping a quiet socket.
const PING_EVERY: Duration = Duration::from_secs(20);
/// Close code for a connection the server lets go: replaced by a newer one, too slow, or
/// its game gone. The phone rejoins with its secret.
const CLOSE_REJOIN: u16 = 4000;

#[derive(Deserialize)]
struct SocketQuery {
    #[serde(default)]
    token: Option<String>,
    /// `projector` for the read-only big screen (host socket only).
    #[serde(default)]
    view: Option<String>,
}

fn upgrade(
    ws: std::result::Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
    live: &Live,
) -> Result<WebSocketUpgrade> {
    let ws = ws.map_err(|_| Error::UpgradeRequired)?;
    // Past this, tungstenite closes the connection itself; below it, an over-long message
    // is answered `live_message_too_large` and the connection stays.
    let hard = live.settings.max_message_bytes * 4;
    // Small buffers: thousands of phones each hold one (the default reserves 128 KiB to
    // read per connection; a client's messages are at most a few KiB).
    Ok(ws
        .max_message_size(hard)
        .max_frame_size(hard)
        .read_buffer_size(8 * 1024)
        .write_buffer_size(0))
}

fn no_such_game() -> Error {
    Error::Missing {
        code: "live_no_such_game",
        message: "Kuis dengan kode ini tidak sedang berjalan. Periksa kodenya.".into(),
    }
}

/// The session of `?token=` or the bearer header, if either is given.
async fn session(
    state: &AppState,
    headers: &HeaderMap,
    query: &SocketQuery,
) -> Result<Option<AuthSession>> {
    let token = query.token.as_deref().or_else(|| bearer(headers));
    match token {
        Some(token) => Ok(Some(AuthSession::of_token(state, token).await?)),
        None => Ok(None),
    }
}

async fn player_socket(
    State(state): State<AppState>,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<SocketQuery>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    ws: std::result::Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response> {
    let code = JoinCode::parse(&code).map_err(|_| no_such_game())?;
    let handle = state.live.by_code(code).ok_or_else(no_such_game)?;
    let account = match session(&state, &headers, &query).await? {
        Some(session) => {
            let row = state
                .store
                .account_by_id(session.account_id)
                .await?
                .ok_or(Error::Unauthorized)?;
            let unit = unit_ref(&state, &row.unit_id).await?.unwrap_or(UnitRef {
                name: row.unit_id.clone(),
                id: row.unit_id,
            });
            Some(Joiner::Account {
                account_id: session.account_id,
                name: row.name,
                unit,
            })
        }
        None => None,
    };
    let ws = upgrade(ws, &state.live)?;
    let conn = Player {
        live: Arc::clone(&state.live),
        state: state.clone(),
        handle,
        account,
        addr: addr.map(limit_key),
        conn: state.live.conn_id(),
        player: None,
    };
    Ok(ws.on_upgrade(move |socket| conn.run(socket)))
}

async fn unit_ref(state: &AppState, id: &str) -> Result<Option<UnitRef>> {
    let unit = state.units.unit(&state.store, id).await?;
    Ok(unit.map(|u| UnitRef {
        id: u.id,
        name: u.name,
    }))
}

async fn host_socket(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<SocketQuery>,
    headers: HeaderMap,
    ws: std::result::Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response> {
    let session = session(&state, &headers, &query)
        .await?
        .ok_or(Error::Unauthorized)?;
    let caller = Caller::of_session(&state, &session).await?;
    if !caller.may_host() {
        return Err(Error::Forbidden);
    }
    let handle = state.live.by_id(id).ok_or_else(no_such_game)?;
    if handle.owner != caller.account_id && !caller.is_admin() {
        return Err(no_such_game());
    }
    let projector = query.view.as_deref() == Some("projector");
    let ws = upgrade(ws, &state.live)?;
    let max = state.live.settings.max_message_bytes;
    Ok(ws.on_upgrade(move |socket| host_connection(socket, handle, projector, max)))
}

/// Sends one text; false when the socket is gone.
async fn send(socket: &mut WebSocket, text: &str) -> bool {
    socket
        .send(Message::Text(Utf8Bytes::from(text)))
        .await
        .is_ok()
}

async fn refuse(socket: &mut WebSocket, error: &impl Coded, answer_id: Option<Uuid>) -> bool {
    let msg = ServerMsg::refused(error, answer_id);
    match serde_json::to_string(&msg) {
        Ok(text) => send(socket, &text).await,
        Err(_) => false,
    }
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: Utf8Bytes::from_static(reason),
        })))
        .await;
}

/// What a client's frame means to a connection.
enum Incoming {
    Msg(ClientMsg),
    /// Answered with `refused`; the connection stays.
    Refused(SocketError),
    /// Pings and pongs.
    Ignore,
    /// Closed or broken.
    Gone,
}

fn incoming_msg(frame: Option<std::result::Result<Message, axum::Error>>, max: usize) -> Incoming {
    match frame {
        Some(Ok(Message::Text(text))) => match read(text.as_str(), max) {
            Ok(msg) => Incoming::Msg(msg),
            Err(e) => Incoming::Refused(e),
        },
        Some(Ok(Message::Binary(_))) => Incoming::Refused(SocketError::BadMessage),
        Some(Ok(Message::Ping(_) | Message::Pong(_))) => Incoming::Ignore,
        Some(Ok(Message::Close(_)) | Err(_)) | None => Incoming::Gone,
    }
}

/// A client's text as a message: too long and unreadable are answered, not fatal.
fn read(text: &str, max: usize) -> std::result::Result<ClientMsg, SocketError> {
    if text.len() > max {
        return Err(SocketError::TooLarge);
    }
    serde_json::from_str(text).map_err(|_| SocketError::BadMessage)
}

/// The next message of an outbox, or never while there is none.
async fn next_out(outbox: &mut Option<mpsc::Receiver<Arc<str>>>) -> Option<Arc<str>> {
    match outbox {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// What a shared view's latest is, once it changed; None when the game is gone.
async fn next_view(view: &mut watch::Receiver<Arc<str>>, on: bool) -> Option<Arc<str>> {
    if !on {
        return std::future::pending().await;
    }
    view.changed().await.ok()?;
    Some(view.borrow_and_update().clone())
}

/// One phone's connection.
struct Player {
    live: Arc<Live>,
    state: AppState,
    handle: GameHandle,
    account: Option<Joiner>,
    addr: Option<String>,
    conn: ConnId,
    player: Option<PlayerId>,
}

enum Step {
    Go,
    Stop,
}

impl Player {
    async fn run(mut self, mut socket: WebSocket) {
        let max = self.live.settings.max_message_bytes;
        let mut outbox: Option<mpsc::Receiver<Arc<str>>> = None;
        let mut view = self.handle.players.clone();
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.tick().await;
        // Just joined: the view waits until `welcome` is out.
        let mut fresh = false;
        loop {
            let was_out = self.player.is_some();
            tokio::select! {
                // The shared view first: at a close the game publishes the reveal before it
                // queues each player's result, and the phone sees them in that order.
                biased;
                shared = next_view(&mut view, self.player.is_some() && !fresh) => match shared {
                    Some(text) => {
                        if !send(&mut socket, &text).await {
                            break;
                        }
                    }
                    None => {
                        close(&mut socket, CLOSE_REJOIN, "game over").await;
                        break;
                    }
                },
                out = next_out(&mut outbox) => match out {
                    Some(text) => {
                        if !send(&mut socket, &text).await {
                            break;
                        }
                        // `welcome` went first; now the current view.
                        if fresh {
                            fresh = false;
                            view.mark_changed();
                        }
                    }
                    None => {
                        // Kicked (already told), replaced by a newer connection, or too
                        // slow: the game let this connection go.
                        close(&mut socket, CLOSE_REJOIN, "rejoin").await;
                        break;
                    }
                },
                incoming = socket.recv() => {
                    let step = match incoming_msg(incoming, max) {
                        Incoming::Msg(msg) => self.on_message(&mut socket, msg, &mut outbox).await,
                        Incoming::Refused(e) => {
                            if refuse(&mut socket, &e, None).await { Step::Go } else { Step::Stop }
                        }
                        Incoming::Ignore => Step::Go,
                        Incoming::Gone => Step::Stop,
                    };
                    if let Step::Stop = step {
                        break;
                    }
                    if !was_out && self.player.is_some() {
                        fresh = true;
                    }
                }
                _ = ping.tick() => {
                    if socket.send(Message::Ping(Default::default())).await.is_err() {
                        break;
                    }
                }
            }
        }
        if let Some(player) = self.player {
            let _ = self.handle.commands.try_send(Command::Left {
                player,
                conn: self.conn,
            });
        }
    }

    async fn on_message(
        &mut self,
        socket: &mut WebSocket,
        msg: ClientMsg,
        outbox: &mut Option<mpsc::Receiver<Arc<str>>>,
    ) -> Step {
        let player = self.player;
        let command = match (msg, player) {
            (ClientMsg::Join { .. } | ClientMsg::Rejoin { .. }, Some(_)) => {
                return self.refused(socket, &SocketError::AlreadyJoined).await;
            }
            (ClientMsg::Join { name, unit_id }, None) => {
                let joiner = match self.joiner(name, unit_id).await {
                    Ok(joiner) => joiner,
                    Err(refusal) => return self.refused_any(socket, refusal).await,
                };
                if !self.live.join_limit.allow(self.addr.as_deref()) {
                    return self.refused(socket, &SocketError::TooManyJoins).await;
                }
                return self.enter(socket, Entry::Join(joiner), outbox).await;
            }
            (ClientMsg::Rejoin { secret }, None) => {
                return self.enter(socket, Entry::Rejoin(secret), outbox).await;
            }
            (ClientMsg::Host(_), _) => {
                return self.refused(socket, &SocketError::NotHost).await;
            }
            (_, None) => return self.refused(socket, &SocketError::NotJoined).await,
            (ClientMsg::Answer(answer), Some(player)) => Command::Answer { player, answer },
            (ClientMsg::ExtraTime { on }, Some(player)) => Command::ExtraTime { player, on },
        };
        if self.handle.send(command).await {
            Step::Go
        } else {
            self.refused(socket, &SocketError::GameGone).await;
            Step::Stop
        }
    }

    async fn refused(&self, socket: &mut WebSocket, error: &impl Coded) -> Step {
        if refuse(socket, error, None).await {
            Step::Go
        } else {
            Step::Stop
        }
    }

    async fn refused_any(&self, socket: &mut WebSocket, refusal: Refusal) -> Step {
        match refusal {
            Refusal::Game(e) => self.refused(socket, &e).await,
            Refusal::Socket(e) => self.refused(socket, &e).await,
            Refusal::Store(e) => {
                tracing::error!(error = %e, "live: cannot read the units for a guest");
                self.refused(socket, &SocketError::GameGone).await
            }
        }
    }

    /// Who joins: the signed-in account, or a guest with a name and a known unit.
    async fn joiner(&self, name: String, unit_id: String) -> std::result::Result<Joiner, Refusal> {
        if let Some(account) = &self.account {
            return Ok(account.clone());
        }
        if !self.handle.guests_allowed {
            return Err(Refusal::Game(GameError::GuestsNotAllowed));
        }
        let unit = unit_ref(&self.state, unit_id.trim())
            .await
            .map_err(Refusal::Store)?
            .ok_or(Refusal::Socket(SocketError::UnknownUnit))?;
        Ok(Joiner::Guest { name, unit })
    }

    /// Joins or rejoins through the game's task; on success the player's outbox is hooked
    /// up and the shared view sent at once.
    async fn enter(
        &mut self,
        socket: &mut WebSocket,
        entry: Entry,
        outbox: &mut Option<mpsc::Receiver<Arc<str>>>,
    ) -> Step {
        let (tx, rx): (Outbox, _) = mpsc::channel(self.live.settings.outbox);
        let (reply, answer) = oneshot::channel();
        let conn = self.conn;
        let command = match entry {
            Entry::Join(joiner) => Command::Join {
                joiner,
                conn,
                outbox: tx,
                reply,
            },
            Entry::Rejoin(secret) => Command::Rejoin {
                secret,
                conn,
                outbox: tx,
                reply,
            },
        };
        if !self.handle.send(command).await {
            self.refused(socket, &SocketError::GameGone).await;
            return Step::Stop;
        }
        match answer.await {
            Ok(Ok(player)) => {
                self.player = Some(player);
                *outbox = Some(rx);
                Step::Go
            }
            Ok(Err(e)) => {
                let kicked = e == GameError::Kicked;
                let step = self.refused(socket, &e).await;
                if kicked {
                    close(socket, 1008, "kicked").await;
                    return Step::Stop;
                }
                step
            }
            Err(_) => {
                self.refused(socket, &SocketError::GameGone).await;
                Step::Stop
            }
        }
    }
}

enum Entry {
    Join(Joiner),
    Rejoin(String),
}

enum Refusal {
    Game(GameError),
    Socket(SocketError),
    Store(Error),
}

/// The presenter's (or, read-only, the projector's) connection: the latest view, and the
/// presenter's commands with a refusal when the game's rules say no.
async fn host_connection(mut socket: WebSocket, handle: GameHandle, projector: bool, max: usize) {
    let mut view = if projector {
        handle.projector.clone()
    } else {
        handle.host.clone()
    };
    view.mark_changed();
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    loop {
        tokio::select! {
            shared = next_view(&mut view, true) => match shared {
                Some(text) => {
                    if !send(&mut socket, &text).await {
                        break;
                    }
                }
                None => {
                    close(&mut socket, 1000, "game over").await;
                    break;
                }
            },
            incoming = socket.recv() => {
                let sent = match incoming_msg(incoming, max) {
                    Incoming::Gone => break,
                    Incoming::Ignore => true,
                    Incoming::Refused(e) => refuse(&mut socket, &e, None).await,
                    Incoming::Msg(_) if projector => {
                        refuse(&mut socket, &SocketError::ReadOnly, None).await
                    }
                    Incoming::Msg(ClientMsg::Host(command)) => {
                        let (reply, answer) = oneshot::channel();
                        if !handle.send(Command::Host { command, reply }).await {
                            refuse(&mut socket, &SocketError::GameGone, None).await;
                            break;
                        }
                        match answer.await {
                            Ok(Ok(())) => true,
                            Ok(Err(e)) => refuse(&mut socket, &e, None).await,
                            Err(_) => refuse(&mut socket, &SocketError::GameGone, None).await,
                        }
                    }
                    Incoming::Msg(_) => refuse(&mut socket, &SocketError::BadMessage, None).await,
                };
                if !sent {
                    break;
                }
            }
            _ = ping.tick() => {
                if socket.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
}
