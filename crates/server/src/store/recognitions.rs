//! ASN Inspiratif recognitions: named by a leader, shown to the unit only after the named
//! person consented (a `recognition_consent` record, applied in the sync's transaction).

use super::competitions::from_ms;
use super::{Conn, Result, Store, StoreError, on_conn, on_pool, unix_ms};
use resapi_core::recognition::{Consent, NameRequest, Recognition};
use resapi_core::sync::{RecognitionConsent, RecordError, SyncRecord};
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct RecognitionRow {
    id: String,
    unit_id: String,
    unit_name: String,
    account_id: String,
    person_name: String,
    value_id: String,
    citation: String,
    period: String,
    competition_id: Option<String>,
    named_at: i64,
    consent: String,
}

const SELECT: &str = "SELECT r.id, r.unit_id, u.name AS unit_name, r.account_id, \
     a.name AS person_name, r.value_id, r.citation, r.period, r.competition_id, r.named_at, \
     r.consent FROM recognitions r JOIN units u ON u.id = r.unit_id \
     JOIN accounts a ON a.id = r.account_id";

fn consent_text(c: Consent) -> &'static str {
    match c {
        Consent::Pending => "pending",
        Consent::Given => "given",
        Consent::Declined => "declined",
    }
}

impl RecognitionRow {
    fn into_recognition(self) -> Result<Recognition> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("recognition {} {what}", self.id));
        let uuid = |s: &str, what: &str| Uuid::parse_str(s).map_err(|_| corrupt(what));
        Ok(Recognition {
            id: uuid(&self.id, "id")?,
            account_id: uuid(&self.account_id, "account")?,
            competition_id: match &self.competition_id {
                Some(c) => Some(uuid(c, "competition")?),
                None => None,
            },
            consent: match self.consent.as_str() {
                "pending" => Consent::Pending,
                "given" => Consent::Given,
                "declined" => Consent::Declined,
                _ => return Err(corrupt("consent")),
            },
            named_at: from_ms(self.named_at),
            unit_id: self.unit_id,
            unit_name: self.unit_name,
            person_name: self.person_name,
            value_id: self.value_id,
            citation: self.citation,
            period: self.period,
        })
    }
}

fn all(rows: Vec<RecognitionRow>) -> Result<Vec<Recognition>> {
    rows.into_iter()
        .map(RecognitionRow::into_recognition)
        .collect()
}

impl Store {
    pub async fn name_recognition(
        &self,
        request: &NameRequest,
        by: Uuid,
        now: OffsetDateTime,
    ) -> Result<Recognition> {
        on_pool!(&self.pool, pool => {
            let id = Uuid::now_v7();
            sqlx::query(
                "INSERT INTO recognitions (id, unit_id, account_id, value_id, citation, period, \
                 competition_id, named_by, named_at, consent) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(id.to_string())
            .bind(&request.unit_id)
            .bind(request.account_id.to_string())
            .bind(&request.value_id)
            .bind(request.citation.trim())
            .bind(&request.period)
            .bind(request.competition_id.map(|c| c.to_string()))
            .bind(by.to_string())
            .bind(unix_ms(now))
            .bind(consent_text(Consent::Pending))
            .execute(pool)
            .await?;
            self.recognition(id)
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("recognition {id} vanished")))
        })
    }

    pub async fn recognition(&self, id: Uuid) -> Result<Option<Recognition>> {
        on_pool!(&self.pool, pool => {
            let row: Option<RecognitionRow> =
                sqlx::query_as(AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
                    .bind(id.to_string())
                    .fetch_optional(pool)
                    .await?;
            row.map(RecognitionRow::into_recognition).transpose()
        })
    }

    /// Every recognition, newest first (callers filter by scope or unit).
    pub async fn recognitions(&self) -> Result<Vec<Recognition>> {
        on_pool!(&self.pool, pool => {
            all(sqlx::query_as(AssertSqlSafe(format!(
                "{SELECT} ORDER BY r.named_at DESC, r.id"
            )))
            .fetch_all(pool)
            .await?)
        })
    }

    /// The recognitions naming `account`, newest first.
    pub async fn recognitions_of(&self, account: Uuid) -> Result<Vec<Recognition>> {
        on_pool!(&self.pool, pool => {
            all(sqlx::query_as(AssertSqlSafe(format!(
                "{SELECT} WHERE r.account_id = $1 ORDER BY r.named_at DESC, r.id"
            )))
            .bind(account.to_string())
            .fetch_all(pool)
            .await?)
        })
    }

    /// The named person's decision, outside a sync (the demo agency's consented one).
    pub async fn set_consent(&self, id: Uuid, given: bool, now: OffsetDateTime) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let consent = if given {
                Consent::Given
            } else {
                Consent::Declined
            };
            sqlx::query("UPDATE recognitions SET consent = $2, consent_at = $3 WHERE id = $1")
                .bind(id.to_string())
                .bind(consent_text(consent))
                .bind(unix_ms(now))
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    pub async fn withdraw_recognition(&self, id: Uuid) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query("DELETE FROM recognitions WHERE id = $1")
                .bind(id.to_string())
                .execute(pool)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}

/// Applies a consent record in the sync's transaction: only the named person decides; the
/// latest decision stands.
pub(crate) async fn apply_consent(
    tx: &mut Conn<'_>,
    record: &SyncRecord,
    account_id: Uuid,
    now: OffsetDateTime,
) -> Result<Result<(), RecordError>> {
    on_conn!(tx, tx => {
        let consent: RecognitionConsent = match serde_json::from_value(record.payload.clone()) {
            Ok(c) => c,
            Err(e) => return Ok(Err(RecordError::InvalidPayload(e.to_string()))),
        };
        let given = if consent.given {
            Consent::Given
        } else {
            Consent::Declined
        };
        let done = sqlx::query(
            "UPDATE recognitions SET consent = $3, consent_at = $4 WHERE id = $1 AND account_id = $2",
        )
        .bind(consent.recognition_id.to_string())
        .bind(account_id.to_string())
        .bind(consent_text(given))
        .bind(unix_ms(now))
        .execute(&mut *tx)
        .await?;
        Ok(if done.rows_affected() == 1 {
            Ok(())
        } else {
            Err(RecordError::Refused {
                code: "recognition_unknown",
                message: "Penghargaan ini sudah ditarik atau bukan untuk Anda.".into(),
            })
        })
    })
}
