//! Why the game refused a join, a command or an answer: a stable code and a message in
//! both languages, which the phone or console shows.

use super::Coded;
use super::names::NameError;
use thiserror::Error;

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
