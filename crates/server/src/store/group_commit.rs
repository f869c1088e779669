//! SQLite's group commit: the syncs waiting for the write lock are written together, one
//! after the other in one transaction, with one commit (one `fsync` of the WAL) for all.
//!
//! SQLite has a single writer, so a batch's database work is the part of a sync that cannot
//! run side by side with another's; of that work, beginning and committing (whose `fsync`
//! makes the batch durable before the phone is told so) was about a fifth (issue 14's
//! ingest benchmark: 0.8 of 4.5 ms for 100 records). Whoever gets the write turn takes every
//! batch queued by then and writes them; each has its own savepoint, so a batch whose
//! database work fails is rolled back and answered with its error alone. A failed commit
//! fails every batch of the group: nothing of it is stored, and each client retries.
//!
//! Each batch's writes are visible to the next one in the group, so two syncs of the same
//! records still make one `stored` and one `duplicate`, as with a transaction each. Only
//! the unit tallies, which no batch reads, are summed over the group and written once at
//! its end.

use super::facts::UnitTallies;
use super::records::{Applied, Batch, Judging, apply_batch};
use super::{Backend, Conn, Result, Store, StoreError};
use resapi_core::sync::RecordResult;
use sqlx::SqlitePool;
use tokio::sync::oneshot;

/// At most this many batches in one transaction (10,000 records of 100-record batches):
/// the rest wait for the next turn, so one commit never holds the lock for long.
const MAX_GROUP: usize = 100;

/// The batches waiting for the write turn, each with where its answer goes.
#[derive(Default)]
pub(super) struct WriteQueue(std::sync::Mutex<Vec<Queued>>);

impl std::fmt::Debug for WriteQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WriteQueue")
    }
}

struct Queued {
    batch: Batch,
    reply: oneshot::Sender<Result<Vec<RecordResult>>>,
}

impl WriteQueue {
    fn push(&self, queued: Queued) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(queued);
    }

    fn take(&self) -> Vec<Queued> {
        let mut queue = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = queue.len().min(MAX_GROUP);
        queue.drain(..n).collect()
    }
}

impl Store {
    /// Queues `batch` and answers it once written, by this call or by the call that had the
    /// write turn when it was queued. All batches of a process are judged against the same
    /// content and pool (the server's own), so any call may write any queued batch.
    pub(super) async fn group_commit(
        &self,
        db: &SqlitePool,
        batch: Batch,
        judging: Judging<'_>,
    ) -> Result<Vec<RecordResult>> {
        let (reply, mut answer) = oneshot::channel();
        self.write_queue.push(Queued { batch, reply });
        loop {
            let turn = tokio::select! {
                biased;
                answer = &mut answer => return answered(answer),
                turn = self.write_turn.lock() => turn,
            };
            let group = self.write_queue.take();
            if !group.is_empty() {
                self.write_group(db, group, judging).await;
            }
            drop(turn);
            // This call's batch was in the group written, or in one before it; or it is
            // still queued behind MAX_GROUP others: then the next turn takes it.
            if let Ok(answer) = answer.try_recv() {
                return answer;
            }
        }
    }

    /// Writes `group` in one transaction and answers each batch. If this future is dropped
    /// midway, the transaction rolls back and the waiting calls are answered `busy`.
    async fn write_group(&self, db: &SqlitePool, group: Vec<Queued>, judging: Judging<'_>) {
        let mut tx = match db.begin_with(<sqlx::Sqlite as Backend>::BEGIN_WRITE).await {
            Ok(tx) => tx,
            Err(e) => return fail_all(group.into_iter().map(|q| q.reply), &e.into()),
        };
        let alone = group.len() == 1;
        let mut written = Vec::with_capacity(group.len());
        // The group's unit tallies, written once after its last batch: the batches of one
        // unit add to the same rows.
        let mut tallies = UnitTallies::default();
        for Queued { batch, reply } in group {
            match in_savepoint(&mut tx, batch, judging, !alone).await {
                Ok(Ok(mut applied)) => {
                    tallies.merge(std::mem::take(&mut applied.tallies));
                    written.push((reply, applied));
                }
                Ok(Err(e)) => {
                    let _ = reply.send(Err(e));
                }
                // The savepoint statements failed: the transaction is in an unknown state.
                Err(e) => {
                    let replies = written.into_iter().map(|(reply, _)| reply);
                    return fail_all(replies.chain([reply]), &e);
                }
            }
        }
        if written.is_empty() {
            return;
        }
        if let Err(e) = tallies.write(&mut Conn::from(&mut *tx)).await {
            return fail_all(written.into_iter().map(|(reply, _)| reply), &e);
        }
        if let Err(e) = tx.commit().await {
            return fail_all(written.into_iter().map(|(reply, _)| reply), &e.into());
        }
        if written.iter().any(|(_, applied)| applied.stored_any) {
            self.facts_changed().await;
        }
        for (reply, Applied { results, .. }) in written {
            // A caller that went away (client hung up) is not waiting: its records are
            // stored all the same, and its next sync of them is a `duplicate`.
            let _ = reply.send(Ok(results));
        }
    }
}

/// One batch of a group under its own savepoint (none when it is alone: the transaction is
/// then its own): `Ok(Err)` is the batch's own failure, rolled back; `Err` is a failure of
/// the savepoint statements themselves.
async fn in_savepoint(
    tx: &mut sqlx::SqliteConnection,
    batch: Batch,
    judging: Judging<'_>,
    savepoint: bool,
) -> Result<Result<Applied>> {
    if !savepoint {
        return Ok(apply_batch(&mut Conn::from(&mut *tx), batch, judging).await);
    }
    sqlx::query("SAVEPOINT batch").execute(&mut *tx).await?;
    match apply_batch(&mut Conn::from(&mut *tx), batch, judging).await {
        Ok(applied) => {
            sqlx::query("RELEASE batch").execute(&mut *tx).await?;
            Ok(Ok(applied))
        }
        Err(e) => {
            sqlx::query("ROLLBACK TO batch").execute(&mut *tx).await?;
            sqlx::query("RELEASE batch").execute(&mut *tx).await?;
            Ok(Err(e))
        }
    }
}

fn fail_all(
    replies: impl Iterator<Item = oneshot::Sender<Result<Vec<RecordResult>>>>,
    error: &StoreError,
) {
    tracing::warn!(%error, "a group of sync batches was not written");
    for reply in replies {
        let _ = reply.send(Err(StoreError::GroupNotWritten {
            busy: error.is_busy(),
            message: error.to_string(),
        }));
    }
}

/// The answer a queued batch got; none at all means the call writing its group was
/// dropped before the commit: nothing of the group is stored, and the client retries.
fn answered(
    answer: std::result::Result<Result<Vec<RecordResult>>, oneshot::error::RecvError>,
) -> Result<Vec<RecordResult>> {
    answer.unwrap_or_else(|_| {
        Err(StoreError::GroupNotWritten {
            busy: true,
            message: "the sync that was writing this batch's group stopped".into(),
        })
    })
}
