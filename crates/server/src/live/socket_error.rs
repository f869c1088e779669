//! Refusals that come from the server rather than the game's rules: the message itself is
//! wrong, or the game is gone. Sent as `refused` like the game's own.

use resapi_core::live::Coded;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SocketError {
    #[error("Pesan tidak dapat dibaca.")]
    BadMessage,
    #[error("Pesan terlalu besar.")]
    TooLarge,
    #[error("Hanya pemandu yang dapat mengendalikan kuis.")]
    NotHost,
    #[error("Layar proyektor hanya menampilkan; kendalikan kuis dari layar pemandu.")]
    ReadOnly,
    #[error("Bergabunglah dahulu.")]
    NotJoined,
    #[error("Anda sudah bergabung.")]
    AlreadyJoined,
    #[error("Unit tidak dikenal.")]
    UnknownUnit,
    #[error("Terlalu banyak yang bergabung dari alamat ini. Coba lagi sebentar lagi.")]
    TooManyJoins,
    #[error("Kuis ini sudah tidak berjalan.")]
    GameGone,
    #[error("Koneksi terlalu lambat; menyambung ulang.")]
    TooSlow,
}

impl Coded for SocketError {
    fn code(&self) -> &'static str {
        match self {
            SocketError::BadMessage => "live_bad_message",
            SocketError::TooLarge => "live_message_too_large",
            SocketError::NotHost => "live_not_host",
            SocketError::ReadOnly => "live_read_only",
            SocketError::NotJoined => "live_not_joined",
            SocketError::AlreadyJoined => "live_already_joined",
            SocketError::UnknownUnit => "live_unknown_unit",
            SocketError::TooManyJoins => "live_too_many_joins",
            SocketError::GameGone => "live_game_gone",
            SocketError::TooSlow => "live_too_slow",
        }
    }

    fn english(&self) -> String {
        match self {
            SocketError::BadMessage => "The message could not be read.",
            SocketError::TooLarge => "The message is too large.",
            SocketError::NotHost => "Only the host can control the quiz.",
            SocketError::ReadOnly => {
                "The projector only shows; control the quiz from the host's screen."
            }
            SocketError::NotJoined => "Join first.",
            SocketError::AlreadyJoined => "You have joined already.",
            SocketError::UnknownUnit => "Unknown unit.",
            SocketError::TooManyJoins => "Too many joins from this address. Try again shortly.",
            SocketError::GameGone => "This quiz is no longer running.",
            SocketError::TooSlow => "The connection is too slow; reconnecting.",
        }
        .into()
    }
}
