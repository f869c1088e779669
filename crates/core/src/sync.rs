//! The sync protocol: records made on the device, each with a client UUID v7, pushed in
//! batches; the server answers per record. Records are checked one by one so that one bad
//! record never blocks the good ones beside it.

use crate::content::ContentBundle;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;
use uuid::Uuid;

/// At most this many records per sync request.
pub const MAX_BATCH: usize = 500;
/// Largest sync request body.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Largest single record, measured as the bytes of its compact JSON ([`json_len`]). A
/// reflection of the maximum length ([`MAX_REFLECTION_CHARS`]) in 4-byte characters (20,000
/// bytes) still fits with its envelope; 16 KiB would not.
pub const MAX_RECORD_BYTES: usize = 24 * 1024;
/// What the app puts in one sync request at most: well under [`MAX_BODY_BYTES`], so the
/// request envelope and JSON escaping never push a batch over the server's limit.
pub const BATCH_TARGET_BYTES: usize = 768 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// One answered practice question.
    PracticeAnswer,
    /// One finished (or quit) practice session. On the wire `practice_attempt`, its name
    /// before the practice session had one name (phones and servers store it so).
    #[serde(rename = "practice_attempt")]
    PracticeSession,
    /// One completed questionnaire (all its answers; skipped items absent).
    QuestionnaireResponse,
    /// The answer to a module's reflection question.
    Reflection,
    /// A *komitmen aksi* the person took on for the next seven days.
    Commitment,
    /// How a commitment went, asked seven days later.
    CommitmentCheckin,
    /// One answer given in a live game (*kuis apel*), as the server scored it.
    LiveAnswer,
    /// One finished attempt at a competition (*lomba*), graded by the server.
    CompetitionAttempt,
    /// Whether the person named *ASN Inspiratif* lets their unit see it.
    RecognitionConsent,
}

/// Every record kind, for parsing and documentation.
pub const RECORD_KINDS: [RecordKind; 9] = [
    RecordKind::PracticeAnswer,
    RecordKind::PracticeSession,
    RecordKind::QuestionnaireResponse,
    RecordKind::Reflection,
    RecordKind::Commitment,
    RecordKind::CommitmentCheckin,
    RecordKind::LiveAnswer,
    RecordKind::CompetitionAttempt,
    RecordKind::RecognitionConsent,
];

impl RecordKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            RecordKind::PracticeAnswer => "practice_answer",
            RecordKind::PracticeSession => "practice_attempt",
            RecordKind::QuestionnaireResponse => "questionnaire_response",
            RecordKind::Reflection => "reflection",
            RecordKind::Commitment => "commitment",
            RecordKind::CommitmentCheckin => "commitment_checkin",
            RecordKind::LiveAnswer => "live_answer",
            RecordKind::CompetitionAttempt => "competition_attempt",
            RecordKind::RecognitionConsent => "recognition_consent",
        }
    }

    pub fn parse(s: &str) -> Option<RecordKind> {
        RECORD_KINDS.into_iter().find(|k| k.as_str() == s)
    }
}

/// A record as it travels: `{id, kind, account_id, created_at, payload}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncRecord {
    pub id: Uuid,
    pub kind: RecordKind,
    pub account_id: Uuid,
    /// The device's time when the person answered (UTC).
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub payload: serde_json::Value,
}

impl SyncRecord {
    /// A new record carrying `payload`; its kind is the payload's. The one place the app
    /// (and tests) build records, so every record of a kind has the same shape on the wire.
    pub fn new<P: Payload>(
        id: Uuid,
        account_id: Uuid,
        created_at: OffsetDateTime,
        payload: &P,
    ) -> Result<SyncRecord, RecordError> {
        // Fails only for a time outside the years 0–9999, which RFC 3339 cannot write.
        let payload = serde_json::to_value(payload)
            .map_err(|e| RecordError::InvalidPayload(e.to_string()))?;
        Ok(SyncRecord {
            id,
            kind: P::KIND,
            account_id,
            created_at,
            payload,
        })
    }

    /// A record read back from storage: its payload exactly as it arrived (it was checked
    /// then), so a restore gives the phone what the phone sent.
    pub fn from_stored(
        id: Uuid,
        kind: RecordKind,
        account_id: Uuid,
        created_at: OffsetDateTime,
        payload: serde_json::Value,
    ) -> SyncRecord {
        SyncRecord {
            id,
            kind,
            account_id,
            created_at,
            payload,
        }
    }
}

/// A record's payload type, which knows its record kind.
pub trait Payload: Serialize + serde::de::DeserializeOwned {
    const KIND: RecordKind;
}

/// A payload type has the name of its record kind, so the kind is written once.
macro_rules! payload_kinds {
    ($($payload:ident),* $(,)?) => {
        $(impl Payload for $payload {
            const KIND: RecordKind = RecordKind::$payload;
        })*
    };
}

payload_kinds!(
    PracticeAnswer,
    PracticeSession,
    QuestionnaireResponse,
    Reflection,
    Commitment,
    CommitmentCheckin,
    LiveAnswer,
    CompetitionAttempt,
    RecognitionConsent,
);

/// Payload of [`RecordKind::PracticeAnswer`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeAnswer {
    /// The practice session this answer belongs to: the id of its
    /// [`RecordKind::PracticeSession`] record. `attempt_id` on the wire.
    #[serde(rename = "attempt_id")]
    pub session_id: Uuid,
    pub question_id: String,
    pub option_id: String,
    /// What the device judged; the server re-checks against its own key.
    pub correct: bool,
    pub content_version: String,
    /// 0-based position in the session.
    pub position: u32,
    /// The question's `rev` it was answered under; absent on the wire for the first
    /// wording, so records from before revisions read as rev 1.
    #[serde(default = "first_rev", skip_serializing_if = "is_first_rev")]
    pub question_rev: u32,
}

fn first_rev() -> u32 {
    1
}

fn is_first_rev(rev: &u32) -> bool {
    *rev == 1
}

/// Payload of [`RecordKind::PracticeSession`]: one finished (or quit) practice session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeSession {
    /// A value id or "campuran".
    pub scope: String,
    pub question_ids: Vec<String>,
    pub answered: u32,
    pub correct: u32,
    /// False when the person quit before the last question.
    pub completed: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    pub content_version: String,
}

/// Payload of [`RecordKind::QuestionnaireResponse`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireResponse {
    pub questionnaire_id: String,
    /// Item id → answer 1–5; skipped items are absent.
    pub answers: std::collections::BTreeMap<String, u8>,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    pub content_version: String,
}

/// Payload of [`RecordKind::Reflection`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    pub module_id: String,
    pub text: String,
}

/// Payload of [`RecordKind::Commitment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub module_id: String,
    /// The suggested action chosen, or none for the person's own words.
    #[serde(default)]
    pub action_id: Option<String>,
    /// The commitment in the person's language (their own words or the action's text).
    pub text: String,
    /// The local day the check-in is due (seven days on), `YYYY-MM-DD`.
    pub due_on: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckinOutcome {
    Done,
    Partly,
    NotYet,
}

/// Payload of [`RecordKind::CommitmentCheckin`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentCheckin {
    /// The id of the commitment record.
    pub commitment_id: Uuid,
    pub outcome: CheckinOutcome,
    #[serde(default)]
    pub note: String,
}

/// Payload of [`RecordKind::LiveAnswer`]: one answer in a live game. The server's game
/// makes it when the question closes, with the answer's own id as the record id and the
/// moment the server accepted the answer as `created_at`; the phone gets the same record
/// and syncs it, so the answer is stored once however often it travels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiveAnswer {
    pub game_id: Uuid,
    pub question_id: String,
    pub option_id: String,
    pub correct: bool,
    /// Points the game gave (0–[`crate::live::scoring::MAX_POINTS`], 0 when wrong).
    pub points: u32,
    /// 0-based position of the question in the game.
    pub position: u32,
    pub scoring: crate::live::scoring::ScoringMode,
    /// Answering time, pauses excluded, capped at the player's allowed time.
    pub time_ms: u32,
    pub content_version: String,
    /// The question's `rev` it was answered under (absent for the first wording).
    #[serde(default = "first_rev", skip_serializing_if = "is_first_rev")]
    pub question_rev: u32,
}

/// Payload of [`RecordKind::CompetitionAttempt`]: the answers of one attempt, by option id
/// (the phone showed the options in the person's own order). Started and finished on the
/// phone's clock; the server grades it from its own key and judges its times
/// (`competition::window`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetitionAttempt {
    pub competition_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub finished_at: OffsetDateTime,
    /// Unanswered questions are absent.
    pub answers: Vec<crate::competition::grade::AttemptAnswer>,
}

/// Payload of [`RecordKind::RecognitionConsent`]: the named person's decision; the latest
/// one stands (they may change their mind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecognitionConsent {
    pub recognition_id: Uuid,
    pub given: bool,
}

/// Longest free text a record may carry (a reflection); shorter ones for the rest.
pub const MAX_REFLECTION_CHARS: usize = 5000;
pub const MAX_COMMITMENT_CHARS: usize = 500;
pub const MAX_NOTE_CHARS: usize = 2000;
/// Longest id a record may name (content ids, option ids, scope, content version). Content
/// ids are short slugs (`adaptif-001`); this only stops a record from smuggling megabytes.
pub const MAX_ID_CHARS: usize = 100;
/// Most questions one practice session may list (a session draws
/// [`crate::practice::QUESTIONS_PER_SESSION`]; the slack is for future longer sessions).
pub const MAX_SESSION_QUESTIONS: usize = 50;
/// Most answers one questionnaire response may carry (every key must also be an item).
pub const MAX_QUESTIONNAIRE_ANSWERS: usize = 200;
/// Largest page of `GET /me/records`, in bytes of its records' JSON (besides the count
/// limit): a page of 500 maximum-size records would otherwise be 8 MiB for a phone.
pub const MAX_PAGE_BYTES: usize = 512 * 1024;
/// Device clocks drift: a record may be at most this far ahead of the server clock.
pub const FUTURE_SLACK: time::Duration = time::Duration::days(1);
/// Nothing in Resapi predates 2021 (the BerAKHLAK values were launched that year): an
/// earlier time is a broken clock or a forged record.
pub const EARLIEST: OffsetDateTime = time::macros::datetime!(2021-01-01 00:00 UTC);

/// Why one record was refused. `code()` is stable; the message can be shown to a user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordError {
    #[error("Catatan tidak punya id UUID yang sah.")]
    InvalidId,
    #[error("Jenis catatan `{0}` tidak dikenal.")]
    UnknownKind(String),
    #[error("Catatan tidak lengkap atau rusak: {0}.")]
    Malformed(String),
    #[error("Isi catatan tidak sah: {0}.")]
    InvalidPayload(String),
    #[error("Soal `{0}` tidak ada di bank soal.")]
    UnknownQuestion(String),
    #[error("Pilihan `{option}` tidak ada pada soal `{question}`.")]
    UnknownOption { question: String, option: String },
    #[error(
        "Soal `{question}` versi {rev} tidak dikenal server. Perbarui aplikasi lalu sinkronkan lagi."
    )]
    UnknownRevision { question: String, rev: u32 },
    #[error("Catatan ini milik akun lain.")]
    Forbidden,
    #[error("Id catatan sudah dipakai untuk isi yang berbeda.")]
    IdConflict,
    #[error("Waktu catatan terlalu jauh di masa depan.")]
    FromTheFuture,
    #[error("Waktu catatan tidak masuk akal (sebelum tahun 2021).")]
    TooOld,
    #[error("Catatan terlalu besar (paling banyak {max} byte).")]
    TooLarge { max: usize },
    #[error("Soal pada posisi ini sudah dijawab dalam sesi latihan yang sama.")]
    AlreadyAnswered,
    /// A `live_answer` the server's games never made: only the server's game task makes
    /// live answers (it stores each before the phone gets it), so a live answer the server
    /// does not hold did not come from a game.
    #[error(
        "Jawaban kuis apel ini tidak tercatat di server. Jawaban kuis dicatat oleh server saat \
         soal ditutup; catatan ini tidak berasal dari kuis."
    )]
    LiveAnswerUnknown,
    /// A record refused by its own kind's rules, which need the server's data: a
    /// competition attempt that does not count (closed, twice, not one's unit, …), a
    /// consent to a recognition that is not one's.
    #[error("{message}")]
    Refused { code: &'static str, message: String },
}

impl RecordError {
    pub fn code(&self) -> &'static str {
        match self {
            RecordError::InvalidId => "invalid_id",
            RecordError::UnknownKind(_) => "unknown_kind",
            RecordError::Malformed(_) => "malformed",
            RecordError::InvalidPayload(_) => "invalid_payload",
            RecordError::UnknownQuestion(_) => "unknown_question",
            RecordError::UnknownOption { .. } => "unknown_option",
            RecordError::UnknownRevision { .. } => "unknown_revision",
            RecordError::Forbidden => "forbidden",
            RecordError::IdConflict => "id_conflict",
            RecordError::FromTheFuture => "created_in_future",
            RecordError::TooOld => "created_too_early",
            RecordError::TooLarge { .. } => "record_too_large",
            RecordError::AlreadyAnswered => "already_answered",
            RecordError::LiveAnswerUnknown => "live_answer_unknown",
            RecordError::Refused { code, .. } => code,
        }
    }
}

/// The id of a raw record, if it has a readable one (used to answer even for bad records).
pub fn raw_id(raw: &serde_json::Value) -> Option<String> {
    raw.get("id").and_then(|v| v.as_str()).map(str::to_owned)
}

/// Parses one raw record from a batch. Checks the id, the size ([`MAX_RECORD_BYTES`]), the
/// shape and the kind; [`check_record`] checks the rest.
pub fn parse_record(raw: &serde_json::Value) -> Result<SyncRecord, RecordError> {
    let id = raw_id(raw)
        .and_then(|s| Uuid::parse_str(&s).ok())
        .ok_or(RecordError::InvalidId)?;
    if json_len(raw) > MAX_RECORD_BYTES {
        return Err(RecordError::TooLarge {
            max: MAX_RECORD_BYTES,
        });
    }
    let kind = raw
        .get("kind")
        .and_then(|v| v.as_str())
        .ok_or_else(|| RecordError::Malformed("`kind` tidak ada".into()))?;
    RecordKind::parse(kind).ok_or_else(|| RecordError::UnknownKind(kind.into()))?;
    // From the borrowed value: no copy of the whole record first (issue 14's ingest speed).
    let record = SyncRecord::deserialize(raw).map_err(|e| RecordError::Malformed(e.to_string()))?;
    debug_assert_eq!(record.id, id);
    Ok(record)
}

/// Checks a record against the owner and the content it was answered with. Returns the
/// server's own judgement of a practice or live answer (`Some(correct)`), `None` for an
/// answer to an earlier wording and for other kinds.
pub fn check_record(
    record: &SyncRecord,
    account_id: Uuid,
    content: &ContentBundle,
    now: OffsetDateTime,
) -> Result<Option<bool>, RecordError> {
    if record.account_id != account_id {
        return Err(RecordError::Forbidden);
    }
    within_time(record.created_at, now)?;
    match record.kind {
        RecordKind::PracticeAnswer => {
            let answer: PracticeAnswer = payload(record)?;
            let judged = judge(
                content,
                &answer.question_id,
                &answer.option_id,
                &answer.content_version,
                answer.question_rev,
            )?;
            if answer.position as usize >= MAX_SESSION_QUESTIONS {
                return Err(RecordError::InvalidPayload(format!(
                    "posisi soal harus di bawah {MAX_SESSION_QUESTIONS}"
                )));
            }
            Ok(judged)
        }
        RecordKind::PracticeSession => {
            let session: PracticeSession = payload(record)?;
            id_within(&session.scope)?;
            id_within(&session.content_version)?;
            within_time(session.started_at, now)?;
            if session.scope != crate::practice::MIXED
                && session.scope != crate::practice::REVIEW
                && content.value(&session.scope).is_none()
            {
                return Err(RecordError::InvalidPayload(format!(
                    "cakupan latihan `{}` tidak dikenal",
                    session.scope
                )));
            }
            if session.question_ids.is_empty() || session.question_ids.len() > MAX_SESSION_QUESTIONS
            {
                return Err(RecordError::InvalidPayload(format!(
                    "daftar soal harus berisi 1 sampai {MAX_SESSION_QUESTIONS} soal"
                )));
            }
            for id in &session.question_ids {
                id_within(id)?;
                if content.question(id).is_none() {
                    return Err(RecordError::UnknownQuestion(id.clone()));
                }
            }
            if session.correct > session.answered
                || session.answered as usize > session.question_ids.len()
            {
                return Err(RecordError::InvalidPayload(
                    "jumlah benar atau terjawab tidak masuk akal".into(),
                ));
            }
            Ok(None)
        }
        RecordKind::QuestionnaireResponse => {
            let response: QuestionnaireResponse = payload(record)?;
            id_within(&response.questionnaire_id)?;
            id_within(&response.content_version)?;
            within_time(response.started_at, now)?;
            if response.answers.len() > MAX_QUESTIONNAIRE_ANSWERS {
                return Err(RecordError::InvalidPayload(format!(
                    "paling banyak {MAX_QUESTIONNAIRE_ANSWERS} jawaban"
                )));
            }
            let q = content
                .questionnaire(&response.questionnaire_id)
                .ok_or_else(|| {
                    RecordError::InvalidPayload(format!(
                        "kuesioner `{}` tidak dikenal",
                        response.questionnaire_id
                    ))
                })?;
            for (item, answer) in &response.answers {
                // An item of an earlier form is known: phones may still hold such answers.
                if !q.knows_item(item) {
                    return Err(RecordError::InvalidPayload(format!(
                        "butir `{item}` tidak ada di kuesioner ini"
                    )));
                }
                if !(crate::questionnaire::SCALE_MIN..=crate::questionnaire::SCALE_MAX)
                    .contains(answer)
                {
                    return Err(RecordError::InvalidPayload(format!(
                        "jawaban butir `{item}` harus 1 sampai 5"
                    )));
                }
            }
            Ok(None)
        }
        RecordKind::Reflection => {
            let reflection: Reflection = payload(record)?;
            id_within(&reflection.module_id)?;
            known_module(content, &reflection.module_id)?;
            text_within(&reflection.text, MAX_REFLECTION_CHARS, true)?;
            Ok(None)
        }
        RecordKind::Commitment => {
            let commitment: Commitment = payload(record)?;
            id_within(&commitment.module_id)?;
            if let Some(action) = &commitment.action_id {
                id_within(action)?;
            }
            let module = known_module(content, &commitment.module_id)?;
            if let Some(action) = &commitment.action_id
                && !module.actions.iter().any(|a| &a.id == action)
            {
                return Err(RecordError::InvalidPayload(format!(
                    "aksi `{action}` tidak ada di modul ini"
                )));
            }
            text_within(&commitment.text, MAX_COMMITMENT_CHARS, true)?;
            let due = crate::commitment::parse_day(&commitment.due_on)
                .ok_or_else(|| RecordError::InvalidPayload("tanggal `due_on` tidak sah".into()))?;
            // Due seven days after the commitment: never before Resapi, never years ahead.
            if due < EARLIEST.date() || due > (now + time::Duration::days(366)).date() {
                return Err(RecordError::InvalidPayload(
                    "tanggal `due_on` di luar rentang".into(),
                ));
            }
            Ok(None)
        }
        RecordKind::CommitmentCheckin => {
            let checkin: CommitmentCheckin = payload(record)?;
            text_within(&checkin.note, MAX_NOTE_CHARS, false)?;
            Ok(None)
        }
        RecordKind::LiveAnswer => {
            let answer: LiveAnswer = payload(record)?;
            let judged = judge(
                content,
                &answer.question_id,
                &answer.option_id,
                &answer.content_version,
                answer.question_rev,
            )?;
            let max_questions = crate::live::config::MAX_QUESTIONS;
            if answer.position >= max_questions {
                return Err(RecordError::InvalidPayload(format!(
                    "posisi soal harus di bawah {max_questions}"
                )));
            }
            let max_points = crate::live::scoring::MAX_POINTS;
            if answer.points > max_points || (!answer.correct && answer.points > 0) {
                return Err(RecordError::InvalidPayload(format!(
                    "poin harus 0 sampai {max_points}, dan 0 untuk jawaban salah"
                )));
            }
            if u64::from(answer.time_ms) > u64::from(crate::live::config::MAX_SECONDS) * 1500 {
                return Err(RecordError::InvalidPayload(
                    "waktu menjawab lebih lama dari soal mana pun".into(),
                ));
            }
            Ok(judged)
        }
        RecordKind::CompetitionAttempt => {
            // The shape only: grading and the window need the competition, which the
            // server's store holds (crates/server/src/store/competitions.rs).
            let attempt: CompetitionAttempt = payload(record)?;
            within_time(attempt.started_at, now)?;
            within_time(attempt.finished_at, now)?;
            if attempt.answers.len() > crate::competition::draw::MAX_QUESTIONS {
                return Err(RecordError::InvalidPayload(format!(
                    "paling banyak {} jawaban",
                    crate::competition::draw::MAX_QUESTIONS
                )));
            }
            for a in &attempt.answers {
                id_within(&a.question_id)?;
                id_within(&a.option_id)?;
            }
            Ok(None)
        }
        RecordKind::RecognitionConsent => {
            // Whose recognition it is, the server's store checks.
            let _: RecognitionConsent = payload(record)?;
            Ok(None)
        }
    }
}

/// An answer's ids within their lengths and known to the content; the server's own
/// judgement of it, or `None` for an answer to an earlier wording of the question, whose
/// key the server no longer has (the device's judgement stands, docs/question-bank.md).
fn judge(
    content: &ContentBundle,
    question_id: &str,
    option_id: &str,
    content_version: &str,
    rev: u32,
) -> Result<Option<bool>, RecordError> {
    for id in [question_id, option_id, content_version] {
        id_within(id)?;
    }
    let question = content
        .question(question_id)
        .ok_or_else(|| RecordError::UnknownQuestion(question_id.to_owned()))?;
    if rev == 0 || rev > question.rev {
        return Err(RecordError::UnknownRevision {
            question: question_id.to_owned(),
            rev,
        });
    }
    if question.option(option_id).is_none() {
        return Err(RecordError::UnknownOption {
            question: question_id.to_owned(),
            option: option_id.to_owned(),
        });
    }
    Ok((rev == question.rev).then(|| question.is_correct(option_id)))
}

fn payload<T: serde::de::DeserializeOwned>(record: &SyncRecord) -> Result<T, RecordError> {
    T::deserialize(&record.payload).map_err(|e| RecordError::InvalidPayload(e.to_string()))
}

fn known_module<'a>(
    content: &'a ContentBundle,
    id: &str,
) -> Result<&'a crate::module::Module, RecordError> {
    content
        .module(id)
        .ok_or_else(|| RecordError::InvalidPayload(format!("modul `{id}` tidak dikenal")))
}

/// A time a record names: not before [`EARLIEST`], not more than [`FUTURE_SLACK`] ahead.
fn within_time(t: OffsetDateTime, now: OffsetDateTime) -> Result<(), RecordError> {
    if t < EARLIEST {
        return Err(RecordError::TooOld);
    }
    if t > now + FUTURE_SLACK {
        return Err(RecordError::FromTheFuture);
    }
    Ok(())
}

fn id_within(id: &str) -> Result<(), RecordError> {
    if id.chars().count() > MAX_ID_CHARS {
        return Err(RecordError::InvalidPayload(format!(
            "id terlalu panjang (paling banyak {MAX_ID_CHARS} karakter)"
        )));
    }
    Ok(())
}

/// Bytes of `value` as compact JSON, counted without building the string.
pub fn json_len(value: &serde_json::Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    // Writing a Value to a counter cannot fail; on the impossible error, count what was seen.
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

fn text_within(text: &str, max: usize, required: bool) -> Result<(), RecordError> {
    if required && text.trim().is_empty() {
        return Err(RecordError::InvalidPayload(
            "teks tidak boleh kosong".into(),
        ));
    }
    if text.chars().count() > max {
        return Err(RecordError::InvalidPayload(format!(
            "teks terlalu panjang (paling banyak {max} karakter)"
        )));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    Stored,
    Duplicate,
    Rejected,
}

/// The server's answer for one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordResult {
    pub id: String,
    pub status: RecordStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::api::ErrorDetail>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncRequest {
    pub records: Vec<SyncRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncResponse {
    pub results: Vec<RecordResult>,
}

/// A stored record as `GET /api/v1/me/records` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord {
    #[serde(flatten)]
    pub record: SyncRecord,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
}

/// One page of the caller's records, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsPage {
    pub records: Vec<StoredRecord>,
    /// Pass as `?since=` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_since: Option<String>,
}
