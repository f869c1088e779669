//! Request and response shapes of the HTTP API shared by app and server.

pub use crate::role::Role;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// `{"error": {"code", "message"}}` — the message is safe to show to a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub unit_id: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterRequest {
    pub nip: String,
    pub name: String,
    pub password: String,
    pub unit_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub nip: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthResponse {
    pub token: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    pub account: Account,
}

/// `POST /me/erase`: the account's password, asked again before everything is removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseRequest {
    pub password: String,
}

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest name accepted.
pub const MAX_NAME_CHARS: usize = 100;

/// The name an erased account's row carries in what outlives it (a live game's report,
/// a competition's published results): its score and unit stay, so rankings and unit
/// boards are unchanged, but not who it was.
pub const ERASED_NAME: &str = "Peserta terhapus";

/// Checks a registration form; the same rules run in the app before sending.
/// Returns (field, code, message) of the first problem.
pub fn check_registration(req: &RegisterRequest) -> Result<(), (&'static str, String, String)> {
    if let Err(e) = crate::nip::Nip::parse(&req.nip) {
        return Err(("nip", e.code().into(), e.to_string()));
    }
    let name = req.name.trim();
    if name.chars().count() < 2 {
        return Err((
            "name",
            "name_required".into(),
            "Nama lengkap wajib diisi.".into(),
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err((
            "name",
            "name_too_long".into(),
            format!("Nama paling banyak {MAX_NAME_CHARS} huruf."),
        ));
    }
    if req.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err((
            "password",
            "password_too_short".into(),
            format!("Kata sandi minimal {MIN_PASSWORD_CHARS} karakter."),
        ));
    }
    if req.password.len() > 256 {
        return Err((
            "password",
            "password_too_long".into(),
            "Kata sandi terlalu panjang (maksimal 256 karakter).".into(),
        ));
    }
    if req.unit_id.trim().is_empty() {
        return Err((
            "unit_id",
            "unit_required".into(),
            "Pilih unit kerja Anda.".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RegisterRequest {
        RegisterRequest {
            nip: "19850312 201001 1 004".into(),
            name: "Siti Rahma".into(),
            password: "rahasia-123".into(),
            unit_id: "bkn".into(),
        }
    }

    #[test]
    fn a_complete_form_passes() {
        assert!(check_registration(&form()).is_ok());
    }

    #[test]
    fn each_bad_field_is_named() {
        let field = |f: RegisterRequest| check_registration(&f).unwrap_err().0;
        assert_eq!(
            field(RegisterRequest {
                nip: "123".into(),
                ..form()
            }),
            "nip"
        );
        assert_eq!(
            field(RegisterRequest {
                name: " ".into(),
                ..form()
            }),
            "name"
        );
        assert_eq!(
            field(RegisterRequest {
                password: "short".into(),
                ..form()
            }),
            "password"
        );
        assert_eq!(
            field(RegisterRequest {
                unit_id: "".into(),
                ..form()
            }),
            "unit_id"
        );
    }
}
