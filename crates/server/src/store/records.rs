//! Synced records (`records`, `answer_slots`): each stored once, paged back for restore.
//! Rules (docs/api.md, as in ODK Central): same id and same content is a `duplicate`; same
//! id and different content is rejected `id_conflict`; a record of another account is
//! rejected `forbidden`.

use super::competitions::{self, AttemptContext};
use super::facts::{self, RecordFacts, UnitTallies, facts_of};
use super::recognitions;
use super::{
    Backend, Conn, Pool, Result, Store, StoreError, lock_accounts, on_conn, on_pool, rfc3339,
    sessions,
};
use crate::records::{Prepared, acknowledged, identify, ok, rejected, repeat_of};
use resapi_core::content::ContentBundle;
use resapi_core::sync::{
    MAX_PAGE_BYTES, PracticeAnswer, RecordError, RecordKind, RecordResult, RecordStatus,
    RecordsPage, StoredRecord, SyncRecord, check_record, json_len, raw_id,
};
use serde::Deserialize;
use sqlx::QueryBuilder;
use std::collections::HashMap;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

impl Store {
    /// Checks and stores one batch for `account_id`; answers per record in request order, and
    /// renews the caller's session (`token_hash`) in the same transaction.
    ///
    /// Parsing and the content rules are pure and run first, outside any lock. Then the
    /// database work ([`apply_batch`]) runs in a write transaction: on SQLite with the other
    /// batches waiting for the write lock (`group_commit.rs`), on PostgreSQL on its own,
    /// side by side with other batches. On a database error nothing is stored and the client
    /// retries the whole batch; once the commit succeeded, nothing else can fail.
    pub async fn store_batch(
        &self,
        account_id: Uuid,
        token_hash: &str,
        judging: Judging<'_>,
        raws: &[serde_json::Value],
    ) -> Result<Vec<RecordResult>> {
        let Judging { content, now, .. } = judging;
        // A rule's verdict is used only for ids that turn out not to be stored.
        let batch = Batch {
            account_id,
            token_hash: token_hash.to_owned(),
            now,
            judged: raws
                .iter()
                .map(|raw| {
                    let checked =
                        identify(raw, account_id).map(|p| judge(p, account_id, content, now));
                    (raw_id(raw).unwrap_or_default(), checked)
                })
                .collect(),
        };
        let applied = match &self.pool {
            Pool::Sqlite(db) => return self.group_commit(db, batch, judging).await,
            Pool::Postgres(db) => {
                type Db = sqlx::Postgres;
                let mut tx = db.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
                let mut applied = apply_batch(&mut Conn::from(&mut *tx), batch, judging).await?;
                // Last before the commit: the unit tallies are rows every batch of the unit
                // updates, locked until the commit.
                std::mem::take(&mut applied.tallies)
                    .write(&mut Conn::from(&mut *tx))
                    .await?;
                tx.commit().await?;
                applied
            }
        };
        if applied.stored_any {
            self.facts_changed().await;
        }
        Ok(applied.results)
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
            let _turn = self.sqlite_write_turn().await;
            let mut tx = db.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let owners: Vec<String> = records.iter().map(|r| r.account_id.to_string()).collect();
            lock_accounts(&mut Conn::from(&mut *tx), &owners).await?;
            let mut units: HashMap<Uuid, Option<String>> = HashMap::new();
            let mut results = Vec::with_capacity(records.len());
            let mut writes = Writes::default();
            let ids: Vec<String> = records.iter().map(|r| r.id.to_string()).collect();
            let known = known_hashes(&mut Conn::from(&mut *tx), &ids).await?;
            // Ids met earlier in this call: a repeated id is judged against its first copy,
            // which `known` (read before anything was written) cannot say.
            let mut seen: HashMap<Uuid, String> = HashMap::new();
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
                if let Some(first_hash) = seen.get(&record.id) {
                    results.push(if *first_hash == prepared.content_hash {
                        ok(id_text, RecordStatus::Duplicate)
                    } else {
                        rejected(id_text, &RecordError::IdConflict)
                    });
                    continue;
                }
                let hash = prepared.content_hash.clone();
                let judged = judge(prepared, account_id, content, now);
                let at = Stored {
                    account_id,
                    unit_id,
                    received_at: &received_at,
                    // Games make live answers only: no competition needs the pool here.
                    pool: content,
                    now,
                    from_game: true,
                    result_at: results.len(),
                };
                let status = store(&mut Conn::from(&mut *tx), judged, &at, &known, &mut writes).await?;
                if status.is_ok() {
                    seen.insert(record.id, hash);
                }
                results.push(match status {
                    Ok(status) => ok(id_text, status),
                    Err(e) => rejected(id_text, &e),
                });
            }
            // Games store live answers only, which claim no answer slot: nothing is refused
            // here, but the rule is the same as for a sync.
            let (refused, tallies) = writes.write(&mut Conn::from(&mut *tx)).await?;
            for at in refused {
                if let Some(r) = results.get_mut(at) {
                    *r = rejected(std::mem::take(&mut r.id), &RecordError::AlreadyAnswered);
                }
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

/// One sync's batch, judged and ready for the database.
pub(super) struct Batch {
    account_id: Uuid,
    token_hash: String,
    now: OffsetDateTime,
    /// Each record's id as sent, and the record judged or why it was refused.
    judged: Vec<(String, Result<Judged, RecordError>)>,
}

/// What writing a batch answered, whether it stored anything new, and the sums it adds to
/// the unit tallies: written by the transaction's owner, once for all its batches.
pub(super) struct Applied {
    pub results: Vec<RecordResult>,
    pub stored_any: bool,
    pub tallies: UnitTallies,
}

/// The database work of one batch, inside the caller's write transaction: the records
/// against what is stored, the answer slots, the inserts, the facts and the session's
/// renewal. Everything it writes is visible to the next batch in the same transaction; the
/// unit tallies it adds are not written yet ([`Applied::tallies`]): nothing reads them
/// before the commit.
pub(super) async fn apply_batch(
    tx: &mut Conn<'_>,
    batch: Batch,
    judging: Judging<'_>,
) -> Result<Applied> {
    let Batch {
        account_id,
        token_hash,
        now,
        judged,
    } = batch;
    let Judging { pool, .. } = judging;
    let received_at = rfc3339(now);
    lock_accounts(tx, &[account_id.to_string()]).await?;
    // The unit the records count under on the dashboard (docs/dashboard.md).
    let unit_id: String = on_conn!(tx, tx => {
        sqlx::query_scalar("SELECT unit_id FROM accounts WHERE id = $1")
            .bind(account_id.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .unwrap_or_default()
    });
    let mut results: Vec<RecordResult> = Vec::with_capacity(judged.len());
    let mut writes = Writes::default();
    let ids: Vec<String> = judged
        .iter()
        .filter_map(|(_, checked)| checked.as_ref().ok())
        .map(|j| j.prepared.record.id.to_string())
        .collect();
    let known = known_hashes(tx, &ids).await?;
    // The first copy of each id in this batch: its content hash and where its answer is.
    let mut first_copy: HashMap<Uuid, (String, usize)> = HashMap::new();
    // (repeat, first copy) by their places in `results`: a first copy refused when
    // the batch's answer slots are claimed takes its repeats with it.
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for (id_text, checked) in judged {
        let judged = match checked {
            Ok(judged) => judged,
            Err(e) => {
                results.push(rejected(id_text, &e));
                continue;
            }
        };
        let id = judged.prepared.record.id;
        if let Some((hash, at)) = first_copy.get(&id)
            && let Some(first) = results.get(*at)
        {
            if *hash == judged.prepared.content_hash {
                repeats.push((results.len(), *at));
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
            pool,
            now,
            from_game: false,
            result_at: results.len(),
        };
        first_copy
            .entry(id)
            .or_insert_with(|| (judged.prepared.content_hash.clone(), results.len()));
        let result = store(tx, judged, &at, &known, &mut writes).await?;
        results.push(match result {
            Ok(status) => ok(id_text, status),
            Err(e) => rejected(id_text, &e),
        });
    }
    // A phone that syncs keeps its session: offline for weeks is fine, as long as it syncs.
    // Inside the transaction, so that a committed batch is never answered with an error;
    // before the writes, whose last statement updates the unit tallies: rows every batch
    // of the unit shares (PostgreSQL), to be held as briefly as possible.
    sessions::renew(tx, &token_hash).await?;
    let (refused, tallies) = writes.write(tx).await?;
    for at in refused {
        if let Some(r) = results.get_mut(at) {
            *r = rejected(std::mem::take(&mut r.id), &RecordError::AlreadyAnswered);
        }
    }
    for (repeat, first) in repeats {
        if let Some(first) = results.get(first).cloned()
            && let Some(r) = results.get_mut(repeat)
        {
            *r = repeat_of(&first, std::mem::take(&mut r.id));
        }
    }
    let stored_any = results.iter().any(|r| r.status == RecordStatus::Stored);
    Ok(Applied {
        results,
        stored_any,
        tallies,
    })
}

/// Where and when a batch is stored, and by whom.
#[derive(Clone, Copy)]
struct Stored<'a> {
    account_id: Uuid,
    unit_id: &'a str,
    received_at: &'a str,
    pool: &'a ContentBundle,
    now: OffsetDateTime,
    /// The server's own game made these records (`store_game_records`); otherwise a phone
    /// synced them, and a phone cannot make a live answer (docs/api.md "Sync rules").
    from_game: bool,
    /// Where this record's answer is in the batch's results.
    result_at: usize,
}

/// A record of a batch as worked out before the write lock is taken (all pure): parsed
/// and hashed, the content rules' verdict (the server's judgement of an answer, or the
/// refusal), the answer slot a practice answer claims and what it adds to the facts.
/// Worked out for every record, also those that turn out to be stored already: the lock
/// is then held for the database work only (issue 14's ingest speed).
struct Judged {
    prepared: Prepared,
    verdict: Result<Option<bool>, RecordError>,
    /// A practice answer's (session, position).
    slot: Option<(String, i64)>,
    facts: RecordFacts,
}

fn judge(
    prepared: Prepared,
    account_id: Uuid,
    content: &ContentBundle,
    now: OffsetDateTime,
) -> Judged {
    let record = &prepared.record;
    let mut verdict = check_record(record, account_id, content, now);
    let slot = if record.kind == RecordKind::PracticeAnswer {
        // check_record has parsed this payload already; it cannot fail here.
        match PracticeAnswer::deserialize(&record.payload) {
            Ok(a) => Some((a.session_id.to_string(), i64::from(a.position))),
            Err(e) => {
                verdict = verdict.and(Err(RecordError::InvalidPayload(e.to_string())));
                None
            }
        }
    } else {
        None
    };
    let server_correct = verdict.as_ref().ok().copied().flatten();
    let facts = facts_of(record, server_correct, content);
    Judged {
        prepared,
        verdict,
        slot,
        facts,
    }
}

/// One record against what is stored: a stored id decides first (`duplicate` or
/// `id_conflict`, whatever the content or the clock say now), then a live answer the
/// server's games never stored is refused, then the content rules' verdict, then the
/// answer slot (when the batch ends), then the insert.
async fn store(
    tx: &mut Conn<'_>,
    judged: Judged,
    at: &Stored<'_>,
    known: &HashMap<String, String>,
    writes: &mut Writes,
) -> Result<Result<RecordStatus, RecordError>> {
    on_conn!(tx, tx => {
        let Stored {
            account_id,
            unit_id,
            received_at,
            pool,
            now,
            from_game,
            ..
        } = *at;
        let Judged {
            prepared: p,
            verdict,
            slot,
            facts,
        } = judged;
        let id = p.record.id.to_string();
        if let Some(stored_hash) = known.get(&id) {
            // The hash covers the owner too: an id taken by another account is a conflict.
            return Ok(if *stored_hash == p.content_hash {
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
        // A practice answer claims its session's position: with the batch's other claims,
        // when the batch ends (`Writes::write`), which refuses it then if the slot is taken.
        writes.records.push(NewRecord {
            id,
            account_id: account_id.to_string(),
            kind: p.record.kind.as_str(),
            created_at: p.created_at,
            received_at: received_at.to_owned(),
            payload: p.payload,
            content_hash: p.content_hash,
            server_correct,
            slot,
            facts,
            unit_id: unit_id.to_owned(),
            result_at: at.result_at,
        });
        Ok(Ok(RecordStatus::Stored))
    })
}

/// The stored content hash of each of `ids` that is already a record (in this transaction,
/// so under the batch's lock). One statement for the batch instead of one per record; a
/// repeated id inside the batch is judged against its first copy by the caller.
async fn known_hashes(tx: &mut Conn<'_>, ids: &[String]) -> Result<HashMap<String, String>> {
    on_conn!(tx, tx => {
        let mut known = HashMap::new();
        for chunk in ids.chunks(IDS_PER_STATEMENT) {
            let mut qb: QueryBuilder<Db> =
                QueryBuilder::new("SELECT id, content_hash FROM records WHERE id IN (");
            let mut list = qb.separated(", ");
            for id in chunk {
                list.push_bind(id);
            }
            qb.push(")");
            let rows: Vec<(String, String)> = qb.build_query_as().fetch_all(&mut *tx).await?;
            known.extend(rows);
        }
        Ok(known)
    })
}

/// Ids per look-up and rows per insert: far below both backends' bind limits (SQLite
/// 32,766, PostgreSQL 65,535; a record row binds 8).
const IDS_PER_STATEMENT: usize = 1000;

/// A record the batch stores, inserted with the others when the batch ends.
struct NewRecord {
    id: String,
    account_id: String,
    kind: &'static str,
    created_at: String,
    received_at: String,
    payload: String,
    content_hash: String,
    server_correct: Option<bool>,
    /// A practice answer's (session, position).
    slot: Option<(String, i64)>,
    /// For the facts, added once the record is sure to be stored.
    facts: RecordFacts,
    unit_id: String,
    result_at: usize,
}

/// What a batch writes at its end, after every record was judged: the answer slots its
/// practice answers claim (one statement), the records that keep their slot (one multi-row
/// INSERT, in the batch's order, so `seq` follows it) and the facts (the unit tallies are
/// summed here and written by the caller). Nothing in the
/// batch reads `records` or `answer_slots` after its look-up, so writing them last changes
/// no verdict; it saves three statements per record (on PostgreSQL each is a round trip).
#[derive(Default)]
struct Writes {
    records: Vec<NewRecord>,
    tallies: UnitTallies,
}

impl Writes {
    /// Writes the records; returns the places in the batch's results of the answers
    /// refused because their slot was taken (by an earlier batch, or earlier in this one),
    /// and the unit tallies of the records stored, for the caller to write.
    async fn write(mut self, tx: &mut Conn<'_>) -> Result<(Vec<usize>, UnitTallies)> {
        let claimed = claim_slots(tx, &self.records).await?;
        let (keep, refused): (Vec<NewRecord>, Vec<NewRecord>) = self
            .records
            .into_iter()
            .partition(|r| r.slot.is_none() || claimed.contains(&r.id));
        for r in &keep {
            facts::add_record(
                tx,
                (&r.account_id, &r.id),
                &r.facts,
                &r.unit_id,
                &mut self.tallies,
            )
            .await?;
        }
        on_conn!(tx, tx => {
            for chunk in keep.chunks(IDS_PER_STATEMENT) {
                let mut qb: QueryBuilder<Db> = QueryBuilder::new(
                    "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash, server_correct) ",
                );
                qb.push_values(chunk, |mut b, r| {
                    b.push_bind(&r.id)
                        .push_bind(&r.account_id)
                        .push_bind(r.kind)
                        .push_bind(&r.created_at)
                        .push_bind(&r.received_at)
                        .push_bind(&r.payload)
                        .push_bind(&r.content_hash)
                        .push_bind(r.server_correct);
                });
                qb.build().execute(&mut *tx).await?;
            }
            Ok::<(), StoreError>(())
        })?;
        Ok((
            refused.into_iter().map(|r| r.result_at).collect(),
            self.tallies,
        ))
    }
}

/// Claims the answer slots of `records`' practice answers in one statement per chunk; the
/// ids of the records whose slot is now theirs. Rows are inserted in the batch's order, so
/// of two answers to one position in the same batch the first wins, as when claimed one by
/// one.
async fn claim_slots(
    tx: &mut Conn<'_>,
    records: &[NewRecord],
) -> Result<std::collections::HashSet<String>> {
    let wanting: Vec<(&NewRecord, &(String, i64))> = records
        .iter()
        .filter_map(|r| r.slot.as_ref().map(|slot| (r, slot)))
        .collect();
    on_conn!(tx, tx => {
        let mut claimed = std::collections::HashSet::new();
        for chunk in wanting.chunks(IDS_PER_STATEMENT) {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new(
                "INSERT INTO answer_slots (account_id, attempt_id, position, record_id) ",
            );
            qb.push_values(chunk, |mut b, (r, (attempt, position))| {
                b.push_bind(&r.account_id)
                    .push_bind(attempt)
                    .push_bind(*position)
                    .push_bind(&r.id);
            });
            qb.push(" ON CONFLICT DO NOTHING");
            let inserted = qb.build().execute(&mut *tx).await?.rows_affected();
            if inserted == chunk.len() as u64 {
                // Every slot was free, as nearly always: no row per claim comes back (each
                // is a message from SQLite's thread, issue 14's ingest speed).
                claimed.extend(chunk.iter().map(|(r, _)| r.id.clone()));
                continue;
            }
            // Some were taken: which of these records now hold their slot.
            let mut qb: QueryBuilder<Db> =
                QueryBuilder::new("SELECT record_id FROM answer_slots WHERE record_id IN (");
            let mut list = qb.separated(", ");
            for (r, _) in chunk {
                list.push_bind(&r.id);
            }
            qb.push(")");
            let ids: Vec<String> = qb.build_query_scalar().fetch_all(&mut *tx).await?;
            claimed.extend(ids);
        }
        Ok(claimed)
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
