//! The live quiz's running games (docs/live-quiz.md "Server"): a registry from join code to
//! game, one task per game owning core's [`Game`](resapi_core::live::game::Game), the join
//! limit per client address, the QR code and the reports the history and the CSV export
//! read. The HTTP and WebSocket endpoints are `http/live.rs` and `http/live_socket.rs`.

pub mod handle;
pub mod qr;
pub mod registry;
pub mod report;
pub mod socket_error;
mod task;

pub use handle::{Command, GameHandle, Outbox};
pub use registry::{CodeEndings, CodeEndingsError, CreateError, Live, LiveSettings};
pub use report::{GameReport, StoredReport};

/// The server clock, Unix milliseconds: the game's deadlines and its records' times.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
