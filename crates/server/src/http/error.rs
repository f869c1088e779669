//! The one error type of the HTTP API. Every error leaves as
//! `{"error": {"code", "message"}}` with a fitting status; the message is Indonesian and safe
//! to show to a user. Server-side failures are logged and shown only as a generic 500.

use crate::passwords::{BUSY_RETRY_AFTER, PasswordError};
use crate::store::StoreError;
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use resapi_core::api::{ErrorBody, ErrorDetail};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Sesi Anda sudah berakhir atau tidak sah. Silakan masuk lagi.")]
    Unauthorized,
    #[error("NIP atau kata sandi salah.")]
    BadCredentials,
    /// Signed in, but the role or the unit is not the caller's to manage (403).
    #[error("Anda tidak berwenang untuk tindakan ini.")]
    Forbidden,
    /// Something the request names does not exist (404), e.g. `no_such_unit`.
    #[error("{message}")]
    Missing { code: &'static str, message: String },
    /// The request cannot be done in the current state (409), e.g. `unit_has_members`.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error(
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {} menit.",
        retry_after.as_secs().div_ceil(60).max(1)
    )]
    TooManyAttempts { retry_after: Duration },
    /// Too many competition attempts from one account (429 with Retry-After); the batch is
    /// not stored and the phone keeps it for a later sync.
    #[error(
        "Terlalu banyak kiriman lomba dari akun ini. Jawaban Anda aman di perangkat; \
         kirim lagi dalam {} menit.",
        retry_after.as_secs().div_ceil(60).max(1)
    )]
    TooManyCompetitionAttempts { retry_after: Duration },
    #[error(
        "NIP ini sudah terdaftar. Silakan masuk dengan NIP tersebut. Jika bukan Anda yang \
         mendaftarkannya, minta admin unit Anda melepaskan NIP ini."
    )]
    NipTaken,
    /// Registration is limited to the agency roster and this NIP is not on it (403).
    #[error(
        "NIP ini tidak ada dalam daftar pegawai instansi. Periksa NIP Anda, atau minta admin \
         unit Anda menambahkannya ke daftar."
    )]
    NotOnRoster,
    /// A field that fails the shared rules (422); `code` comes from `resapi_core`.
    #[error("{message}")]
    Invalid { code: String, message: String },
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("Terlalu banyak catatan dalam satu kiriman (paling banyak {max}).")]
    BatchTooLarge { max: usize },
    #[error("Kiriman terlalu besar (paling banyak 1 MiB). Kirim dalam beberapa bagian.")]
    PayloadTooLarge,
    #[error("Kiriman harus berupa JSON (Content-Type: application/json).")]
    UnsupportedMediaType,
    /// A roster file of a type other than CSV or XLSX (415).
    #[error("Kirim berkas CSV (text/csv) atau XLSX.")]
    UnsupportedFile,
    #[error("Alamat tidak ditemukan.")]
    NotFound,
    #[error("Metode ini tidak didukung untuk alamat ini.")]
    MethodNotAllowed,
    /// A WebSocket address asked for without the WebSocket handshake (426).
    #[error("Alamat ini hanya melayani koneksi WebSocket.")]
    UpgradeRequired,
    #[error("Layanan sedang tidak tersedia. Coba lagi sebentar lagi.")]
    Unavailable,
    /// The database stayed locked past its busy timeout, or the server is at its ceiling of
    /// requests in flight or of password hashes (503 with Retry-After). Nothing of the
    /// request was stored.
    #[error(
        "Server sedang sibuk. Data Anda aman di perangkat; coba lagi dalam {} detik.",
        retry_after.as_secs().max(1)
    )]
    Busy { retry_after: Duration },
    /// The request took longer than the server's request timeout (503 with Retry-After).
    #[error("Server terlalu lama menjawab. Data Anda aman di perangkat; coba lagi nanti.")]
    Timeout,
    /// Anything on our side: logged in full, shown as a generic message.
    #[error("internal error: {0}")]
    Internal(String),
    /// The data layer failed: logged in full, shown as a generic message (busy: 503).
    #[error("{0}")]
    Store(StoreError),
}

/// The generic message of every 500.
pub const INTERNAL_MESSAGE: &str =
    "Terjadi kesalahan di server. Data Anda aman di perangkat; coba lagi nanti.";

impl Error {
    pub fn status(&self) -> StatusCode {
        match self {
            Error::Unauthorized | Error::BadCredentials => StatusCode::UNAUTHORIZED,
            Error::TooManyAttempts { .. } | Error::TooManyCompetitionAttempts { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            Error::NipTaken => StatusCode::CONFLICT,
            Error::NotOnRoster | Error::Forbidden => StatusCode::FORBIDDEN,
            Error::Missing { .. } => StatusCode::NOT_FOUND,
            Error::Conflict { .. } => StatusCode::CONFLICT,
            Error::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Error::BadRequest { .. } | Error::BatchTooLarge { .. } => StatusCode::BAD_REQUEST,
            Error::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Error::UnsupportedMediaType | Error::UnsupportedFile => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::UpgradeRequired => StatusCode::UPGRADE_REQUIRED,
            Error::Unavailable | Error::Busy { .. } | Error::Timeout => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Error::Internal(_) | Error::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &str {
        match self {
            Error::Unauthorized => "unauthorized",
            Error::BadCredentials => "bad_credentials",
            Error::TooManyAttempts { .. } => "too_many_attempts",
            Error::TooManyCompetitionAttempts { .. } => "too_many_competition_attempts",
            Error::NipTaken => "nip_taken",
            Error::NotOnRoster => "not_on_roster",
            Error::Forbidden => "forbidden",
            Error::Missing { code, .. } | Error::Conflict { code, .. } => code,
            Error::Invalid { code, .. } => code,
            Error::BadRequest { code, .. } => code,
            Error::BatchTooLarge { .. } => "batch_too_large",
            Error::PayloadTooLarge => "payload_too_large",
            Error::UnsupportedMediaType | Error::UnsupportedFile => "unsupported_media_type",
            Error::NotFound => "not_found",
            Error::MethodNotAllowed => "method_not_allowed",
            Error::UpgradeRequired => "websocket_required",
            Error::Unavailable => "unavailable",
            Error::Busy { .. } => "busy",
            Error::Timeout => "timeout",
            Error::Internal(_) | Error::Store(_) => "internal",
        }
    }

    pub fn body(&self) -> ErrorBody {
        let message = match self {
            Error::Internal(_) | Error::Store(_) => INTERNAL_MESSAGE.to_owned(),
            other => other.to_string(),
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message,
            },
        }
    }
}

/// How long a client waits before retrying a busy or timed-out request.
pub const RETRY_AFTER: Duration = Duration::from_secs(5);

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let this = match self {
            Error::Store(e) if e.is_busy() => {
                tracing::warn!(error = %e, "database busy; answered 503");
                Error::Busy {
                    retry_after: RETRY_AFTER,
                }
            }
            other => other,
        };
        this.respond()
    }
}

impl Error {
    fn respond(self) -> Response {
        if matches!(self, Error::Internal(_) | Error::Store(_)) {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        let headers = response.headers_mut();
        match &self {
            Error::TooManyAttempts { retry_after } | Error::Busy { retry_after } => {
                if let Ok(v) = HeaderValue::from_str(&retry_after.as_secs().max(1).to_string()) {
                    headers.insert(header::RETRY_AFTER, v);
                }
            }
            Error::Unauthorized => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            Error::Timeout => {
                if let Ok(v) = HeaderValue::from_str(&RETRY_AFTER.as_secs().to_string()) {
                    headers.insert(header::RETRY_AFTER, v);
                }
            }
            _ => {}
        }
        response
    }
}

impl From<JsonRejection> for Error {
    fn from(rejection: JsonRejection) -> Error {
        tracing::debug!(%rejection, "bad JSON body");
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Error::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Error::UnsupportedMediaType,
            StatusCode::UNPROCESSABLE_ENTITY => Error::Invalid {
                code: "invalid_body".into(),
                message: "Isi kiriman tidak sesuai bentuk yang diharapkan.".into(),
            },
            _ => Error::BadRequest {
                code: "invalid_json",
                message: "Isi kiriman bukan JSON yang sah.".into(),
            },
        }
    }
}

impl From<QueryRejection> for Error {
    fn from(rejection: QueryRejection) -> Error {
        tracing::debug!(%rejection, "bad query string");
        Error::BadRequest {
            code: "bad_query",
            message: "Parameter alamat tidak sah.".into(),
        }
    }
}

/// The data layer's answers as HTTP: what a client asked for that cannot be done is a 4xx
/// with its own code; everything else is ours (logged, generic 500, or 503 when busy).
impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        match e {
            StoreError::NipTaken => Error::NipTaken,
            StoreError::NoSuchAccount => Error::Missing {
                code: "no_such_person",
                message: "Pegawai tidak ditemukan.".into(),
            },
            StoreError::NoSuchUnit => Error::Missing {
                code: "no_such_unit",
                message: "Unit tidak ditemukan atau sudah tidak aktif.".into(),
            },
            StoreError::UnitExists => Error::Conflict {
                code: "unit_exists",
                message: "Kode unit ini sudah dipakai. Pilih kode lain.".into(),
            },
            StoreError::UnitCycle => Error::Conflict {
                code: "unit_cycle",
                message: "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya."
                    .into(),
            },
            StoreError::UnitHasMembers => Error::Conflict {
                code: "unit_has_members",
                message: "Unit ini masih memiliki pegawai. Pindahkan mereka dahulu.".into(),
            },
            StoreError::UnitHasSubunits => Error::Conflict {
                code: "unit_has_subunits",
                message:
                    "Unit ini masih memiliki sub-unit aktif. Pindahkan atau nonaktifkan dahulu."
                        .into(),
            },
            StoreError::LastAdmin => Error::Conflict {
                code: "last_admin",
                message: "Peran admin terakhir tidak dapat dicabut.".into(),
            },
            other => Error::Store(other),
        }
    }
}

impl From<PasswordError> for Error {
    fn from(e: PasswordError) -> Error {
        match e {
            PasswordError::Busy => Error::Busy {
                retry_after: BUSY_RETRY_AFTER,
            },
            other => Error::Internal(other.to_string()),
        }
    }
}

/// A refusal of the live quiz's rules (a game's settings) as a 400 with its own code.
impl From<resapi_core::live::config::ConfigError> for Error {
    fn from(e: resapi_core::live::config::ConfigError) -> Error {
        use resapi_core::live::Coded;
        Error::BadRequest {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
