//! An erased account's name in stored game reports (docs/live-quiz.md "History and
//! export"). A report lists players by name; it also keeps which rows were accounts
//! ([`StoredReport`]), so an erasure blanks that account's rows in every report, and a
//! report written later (a game still running) blanks the accounts already gone. The
//! points stay, so the ranking and the unit board do not change.

use super::{Backend, Conn, Result, Store, StoreError, on_conn, on_pool};
use crate::live::{GameReport, StoredReport};
use sqlx::QueryBuilder;
use std::collections::HashSet;
use uuid::Uuid;

/// Account ids asked about per query (well under any database's parameter limit).
const CHUNK: usize = 500;

impl Store {
    /// A running game's report as its trainer reads it: accounts erased meanwhile blanked.
    pub async fn report_without_erased(&self, mut report: StoredReport) -> Result<GameReport> {
        on_pool!(&self.pool, pool => {
            let mut conn = pool.acquire().await?;
            let erased = erased_in(&mut Conn::from(&mut *conn), &report).await?;
            report.forget(&erased);
            Ok(report.report)
        })
    }
}

/// The report as it is written: the rows of accounts erased meanwhile blanked. Inside the
/// transaction that writes it, so an erasure is either seen or comes after.
pub(super) async fn without_erased(tx: &mut Conn<'_>, report: &StoredReport) -> Result<String> {
    on_conn!(tx, tx => {
        let erased = erased_in(&mut Conn::from(&mut *tx), report).await?;
        let text = if erased.is_empty() {
            serde_json::to_string(report)
        } else {
            let mut report = report.clone();
            report.forget(&erased);
            serde_json::to_string(&report)
        };
        text.map_err(|e| StoreError::Corrupt(format!("live report: {e}")))
    })
}

/// The accounts a report lists that no longer exist.
async fn erased_in(conn: &mut Conn<'_>, report: &StoredReport) -> Result<HashSet<Uuid>> {
    on_conn!(conn, conn => {
        let ids: Vec<Uuid> = report.account_ids().collect();
        let mut present: HashSet<Uuid> = HashSet::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let mut q: QueryBuilder<Db> =
                QueryBuilder::new("SELECT id FROM accounts WHERE id IN (");
            let mut list = q.separated(", ");
            for id in chunk {
                list.push_bind(id.to_string());
            }
            q.push(")");
            q.push(<Db as Backend>::FOR_SHARE);
            let found: Vec<String> = q.build_query_scalar().fetch_all(&mut *conn).await?;
            present.extend(found.iter().filter_map(|s| Uuid::parse_str(s).ok()));
        }
        Ok(ids.into_iter().filter(|id| !present.contains(id)).collect())
    })
}

/// Blanks `account`'s rows in every stored report that lists it. How many reports changed.
pub(super) async fn forget_account(tx: &mut Conn<'_>, account: Uuid) -> Result<u64> {
    on_conn!(tx, tx => {
        // The account id appears in a report only in its list of accounts.
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT id, report FROM live_games WHERE report LIKE $1")
                .bind(format!("%\"{account}\"%"))
                .fetch_all(&mut *tx)
                .await?;
        let erased = HashSet::from([account]);
        let mut changed = 0;
        for (id, text) in rows {
            let mut report: StoredReport = serde_json::from_str(&text)
                .map_err(|e| StoreError::Corrupt(format!("live game {id} report: {e}")))?;
            if !report.forget(&erased) {
                continue;
            }
            let text = serde_json::to_string(&report)
                .map_err(|e| StoreError::Corrupt(format!("live game {id} report: {e}")))?;
            sqlx::query("UPDATE live_games SET report = $1 WHERE id = $2")
                .bind(text)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            changed += 1;
        }
        Ok(changed)
    })
}
