//! Synced records (`records`, `answer_slots`): each stored once, paged back for restore.
//! Rules (docs/api.md, as in ODK Central): same id and same content is a `duplicate`; same
//! id and different content is rejected `id_conflict`; a record of another account is
//! rejected `forbidden`.

use super::competitions::{self, AttemptContext};
use super::facts::{self, UnitTallies};
use super::recognitions;
use super::{
    Backend, Conn, Result, Store, StoreError, lock_accounts, on_conn, on_pool, rfc3339, sessions,
};
use crate::records::{Prepared, acknowledged, identify, ok, rejected, repeat_of};
use resapi_core::content::ContentBundle;
use resapi_core::sync::{
    MAX_PAGE_BYTES, PracticeAnswer, RecordError, RecordKind, RecordResult, RecordStatus,
    RecordsPage, StoredRecord, SyncRecord, check_record, json_len, raw_id,
};
use std::collections::HashMap;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

impl Store {
    /// Checks and stores one batch for `account_id`; answers per record in request order, and
    /// renews the caller's session (`token_hash`) in the same transaction.
    ///
    /// The transaction starts with `BEGIN IMMEDIATE`: it takes SQLite's write lock first, so two
    /// syncs of the same records run one after the other and the second sees the first's
    /// records (`duplicate`), and a busy database fails the batch before anything is judged.
    /// On a database error nothing is stored and the client retries the whole batch; once the
    /// commit succeeded, nothing else can fail.
    pub async fn store_batch(
        &self,
        account_id: Uuid,
        token_hash: &str,
        judging: Judging<'_>,
        raws: &[serde_json::Value],
    ) -> Result<Vec<RecordResult>> {
        on_pool!(&self.pool, db => {
            let Judging { content, pool, now } = judging;
            let received_at = rfc3339(now);
            // Parsing and the content rules are pure: done before taking the write lock, so the
            // lock is held for the database work only. A rule's verdict is used only for ids that
            // turn out not to be stored.
            let judged: Vec<_> = raws
                .iter()
                .map(|raw| {
                    let checked = identify(raw, account_id).map(|p| {
                        let verdict = check_record(&p.record, account_id, content, now);
                        (p, verdict)
                    });
                    (raw_id(raw).unwrap_or_default(), checked)
                })
                .collect();
            let mut tx = db.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            lock_accounts(&mut Conn::from(&mut *tx), &[account_id.to_string()]).await?;
            // The unit the records count under on the dashboard (docs/dashboard.md).
            let unit_id: String = sqlx::query_scalar("SELECT unit_id FROM accounts WHERE id = $1")
                .bind(account_id.to_string())
                .fetch_optional(&mut *tx)
                .await?
                .unwrap_or_default();
            let mut results: Vec<RecordResult> = Vec::with_capacity(raws.len());
            let mut tallies = UnitTallies::default();
            // The first copy of each id in this batch: its content hash and where its answer is.
            let mut first_copy: HashMap<Uuid, (String, usize)> = HashMap::new();
            for (id_text, checked) in judged {
                let (prepared, verdict) = match checked {
                    Ok(checked) => checked,
                    Err(e) => {
                        results.push(rejected(id_text, &e));
                        continue;
                    }
                };
                let id = prepared.record.id;
                if let Some((hash, at)) = first_copy.get(&id)
                    && let Some(first) = results.get(*at)
                {
                    if *hash == prepared.content_hash {
                        results.push(repeat_of(first, id_text));
                        continue;
                    }
                    if acknowledged(first) {
                        results.push(rejected(id_text, &RecordError::IdConflict));
                        continue;
                    }
                    // The first copy was refused; this different copy is judged on its own.
                }
                let at = Stored {
                    account_id,
                    unit_id: &unit_id,
                    received_at: &received_at,
                    content,
                    pool,
                    now,
                    from_game: false,
                };
                let result = store(&mut Conn::from(&mut *tx), &prepared, verdict, &at, &mut tallies).await?;
                first_copy
                    .entry(id)
                    .or_insert((prepared.content_hash.clone(), results.len()));
                results.push(match result {
                    Ok(status) => ok(id_text, status),
                    Err(e) => rejected(id_text, &e),
                });
            }
            tallies.write(&mut Conn::from(&mut *tx)).await?;
            // A phone that syncs keeps its session: offline for weeks is fine, as long as it syncs.
            // Inside the transaction, so that a committed batch is never answered with an error.
            sessions::renew(&mut Conn::from(&mut *tx), token_hash).await?;
            tx.commit().await?;
            if results.iter().any(|r| r.status == RecordStatus::Stored) {
                self.facts_changed().await;
            }
            Ok(results)
        })
    }

    /// Records the server made itself, for several accounts (a live game's answers at a
    /// question's close): each goes through the same rules and the same insert as a synced
    /// record, so the phone's later sync of the same record is a `duplicate` and the
    /// dashboard counts it once. An account erased meanwhile has its record refused
    /// (`forbidden`). Answers per record, in order.
    pub async fn store_game_records(
        &self,
        content: &ContentBundle,
        records: &[SyncRecord],
    ) -> Result<Vec<RecordResult>> {
        on_pool!(&self.pool, db => {
            let now = OffsetDateTime::now_utc();
            let received_at = rfc3339(now);
            let mut tx = db.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let owners: Vec<String> = records.iter().map(|r| r.account_id.to_string()).collect();
            lock_accounts(&mut Conn::from(&mut *tx), &owners).await?;
            let mut units: HashMap<Uuid, Option<String>> = HashMap::new();
            let mut results = Vec::with_capacity(records.len());
            let mut tallies = UnitTallies::default();
            for record in records {
                let id_text = record.id.to_string();
                let account_id = record.account_id;
                let raw = serde_json::to_value(record)
                    .map_err(|e| StoreError::Corrupt(format!("live record {id_text}: {e}")))?;
                let prepared = match identify(&raw, account_id) {
                    Ok(p) => p,
                    Err(e) => {
                        results.push(rejected(id_text, &e));
                        continue;
                    }
                };
                if let std::collections::hash_map::Entry::Vacant(slot) = units.entry(account_id) {
                    let unit: Option<String> =
                        sqlx::query_scalar("SELECT unit_id FROM accounts WHERE id = $1")
                            .bind(account_id.to_string())
                            .fetch_optional(&mut *tx)
                            .await?;
                    slot.insert(unit);
                }
                let Some(Some(unit_id)) = units.get(&account_id) else {
                    results.push(rejected(id_text, &RecordError::Forbidden));
                    continue;
                };
                let verdict = check_record(&prepared.record, account_id, content, now);
                let at = Stored {
                    account_id,
                    unit_id,
                    received_at: &received_at,
                    content,
                    // Games make live answers only: no competition needs the pool here.
                    pool: content,
                    now,
                    from_game: true,
                };
                results.push(
                    match store(&mut Conn::from(&mut *tx), &prepared, verdict, &at, &mut tallies).await? {
                        Ok(status) => ok(id_text, status),
                        Err(e) => rejected(id_text, &e),
                    },
                );
            }
            tallies.write(&mut Conn::from(&mut *tx)).await?;
            tx.commit().await?;
            if results.iter().any(|r| r.status == RecordStatus::Stored) {
                self.facts_changed().await;
            }
            Ok(results)
        })
    }

    /// One page of an account's records after cursor `since` (a `seq`), oldest first: at most
    /// `limit` records and [`MAX_PAGE_BYTES`] of them.
    pub async fn records_page(
        &self,
        account_id: Uuid,
        since: i64,
        limit: u32,
    ) -> Result<RecordsPage> {
        on_pool!(&self.pool, db => {
            let rows: Vec<RecordRow> = sqlx::query_as(
                "SELECT seq, id, kind, account_id, created_at, received_at, payload FROM records \
                 WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            )
            .bind(account_id.to_string())
            .bind(since)
            // One extra row tells whether another page follows.
            .bind(i64::from(limit) + 1)
            .fetch_all(db)
            .await?;
            let mut more = rows.len() > limit as usize;
            let mut records = Vec::with_capacity(rows.len().min(limit as usize));
            let mut last_seq = since;
            let mut bytes = 0;
            for row in rows.into_iter().take(limit as usize) {
                let (seq, record) = to_stored(row)?;
                // Bounded in bytes as well as count; always at least one record, so a page moves on
                // even past a record stored before the size limit existed.
                let size = serde_json::to_value(&record).map_or(0, |v| json_len(&v));
                if !records.is_empty() && bytes + size > MAX_PAGE_BYTES {
                    more = true;
                    break;
                }
                bytes += size;
                last_seq = seq;
                records.push(record);
            }
            Ok(RecordsPage {
                records,
                next_since: more.then(|| last_seq.to_string()),
            })
        })
    }

    /// How many records the account has on the server (what an erasure would remove).
    pub async fn record_count(&self, account_id: Uuid) -> Result<i64> {
        on_pool!(&self.pool, db => {
            Ok(
                sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE account_id = $1")
                    .bind(account_id.to_string())
                    .fetch_one(db)
                    .await?,
            )
        })
    }
}

/// What a batch is judged against: the public content, the competition pool (values and
/// the server-only questions) and the server's clock.
#[derive(Clone, Copy)]
pub struct Judging<'a> {
    pub content: &'a ContentBundle,
    pub pool: &'a ContentBundle,
    pub now: OffsetDateTime,
}

/// Where and when a batch is stored, and by whom.
#[derive(Clone, Copy)]
struct Stored<'a> {
    account_id: Uuid,
    unit_id: &'a str,
    received_at: &'a str,
    content: &'a ContentBundle,
    pool: &'a ContentBundle,
    now: OffsetDateTime,
    /// The server's own game made these records (`store_game_records`); otherwise a phone
    /// synced them, and a phone cannot make a live answer (docs/api.md "Sync rules").
    from_game: bool,
}

/// One record against what is stored: a stored id decides first (`duplicate` or
/// `id_conflict`, whatever the content or the clock say now), then a live answer the
/// server's games never stored is refused, then the content rules' `verdict` (the server's
/// judgement of an answer, or the refusal), then the answer slot, then the insert.
async fn store(
    tx: &mut Conn<'_>,
    p: &Prepared,
    verdict: Result<Option<bool>, RecordError>,
    at: &Stored<'_>,
    tallies: &mut UnitTallies,
) -> Result<Result<RecordStatus, RecordError>> {
    on_conn!(tx, tx => {
        let Stored {
            account_id,
            unit_id,
            received_at,
            content,
            pool,
            now,
            from_game,
        } = *at;
        let id = p.record.id.to_string();
        let stored: Option<(String,)> =
            sqlx::query_as("SELECT content_hash FROM records WHERE id = $1")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((stored_hash,)) = stored {
            // The hash covers the owner too: an id taken by another account is a conflict.
            return Ok(if stored_hash == p.content_hash {
                Ok(RecordStatus::Duplicate)
            } else {
                Err(RecordError::IdConflict)
            });
        }
        if p.record.kind == RecordKind::LiveAnswer && !from_game {
            // The game stores each live answer before its phone gets it, so a new one from a
            // phone was made up (or belongs to a game whose writer gave up): it never counts.
            return Ok(Err(RecordError::LiveAnswerUnknown));
        }
        let server_correct = match verdict {
            Ok(judged) => judged,
            Err(e) => return Ok(Err(e)),
        };
        // Kinds whose rules need the server's own tables, judged in this transaction.
        let own_rules = match p.record.kind {
            RecordKind::CompetitionAttempt => {
                let context = AttemptContext {
                    account_id,
                    pool,
                    now,
                };
                competitions::accept_attempt(&mut Conn::from(&mut *tx), &p.record, &context).await?
            }
            RecordKind::RecognitionConsent => {
                recognitions::apply_consent(&mut Conn::from(&mut *tx), &p.record, account_id, now).await?
            }
            _ => Ok(()),
        };
        if let Err(e) = own_rules {
            return Ok(Err(e));
        }
        if p.record.kind == RecordKind::PracticeAnswer {
            // check_record has parsed this payload already; it cannot fail here.
            let answer: PracticeAnswer = match serde_json::from_value(p.record.payload.clone()) {
                Ok(a) => a,
                Err(e) => return Ok(Err(RecordError::InvalidPayload(e.to_string()))),
            };
            let claimed = sqlx::query(
                "INSERT INTO answer_slots (account_id, attempt_id, position, record_id) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(account_id.to_string())
            .bind(answer.session_id.to_string())
            .bind(i64::from(answer.position))
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 0 {
                return Ok(Err(RecordError::AlreadyAnswered));
            }
        }
        sqlx::query(
            "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash, server_correct) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(account_id.to_string())
        .bind(p.record.kind.as_str())
        .bind(&p.created_at)
        .bind(received_at)
        .bind(&p.payload)
        .bind(&p.content_hash)
        .bind(server_correct)
        .execute(&mut *tx)
        .await?;
        facts::add_record(&mut Conn::from(&mut *tx), &p.record, server_correct, unit_id, content, tallies).await?;
        Ok(Ok(RecordStatus::Stored))
    })
}

type RecordRow = (i64, String, String, String, String, String, String);

fn to_stored(row: RecordRow) -> Result<(i64, StoredRecord)> {
    let (seq, id, kind, account_id, created_at, received_at, payload) = row;
    let corrupt = |what: &str, e: &dyn std::fmt::Display| {
        StoreError::Corrupt(format!("record {id} {what}: {e}"))
    };
    let record = SyncRecord::from_stored(
        Uuid::parse_str(&id).map_err(|e| corrupt("id", &e))?,
        RecordKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        Uuid::parse_str(&account_id).map_err(|e| corrupt("account", &e))?,
        OffsetDateTime::parse(&created_at, &Rfc3339).map_err(|e| corrupt("created_at", &e))?,
        serde_json::from_str(&payload).map_err(|e| corrupt("payload", &e))?,
    );
    let received_at =
        OffsetDateTime::parse(&received_at, &Rfc3339).map_err(|e| corrupt("received_at", &e))?;
    Ok((
        seq,
        StoredRecord {
            record,
            received_at,
        },
    ))
}
