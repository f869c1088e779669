//! *ASN Inspiratif* on the device: the recognitions as last synced (one's own, to decide on,
//! and those shown in one's units), and one's decision, which goes through the outbox.

use super::{Store, db};
use resapi_core::recognition::{Consent, MyRecognitions};
use resapi_core::sync::SyncRecord;
use rexie::TransactionMode;
use uuid::Uuid;
use wasm_bindgen::JsValue;

impl Store {
    pub async fn my_recognitions(&self, account_id: &str) -> db::Result<Option<MyRecognitions>> {
        db::get(self.db(), db::RECOGNITIONS, account_id).await
    }

    pub async fn save_my_recognitions(
        &self,
        account_id: &str,
        list: &MyRecognitions,
    ) -> db::Result<()> {
        db::put(self.db(), db::RECOGNITIONS, list, Some(account_id)).await
    }

    /// Records the decision on one's own recognition `id`: the record into the outbox and the
    /// stored recognition's consent, in one transaction. Returns the updated list.
    pub async fn decide_recognition(
        &self,
        account_id: &str,
        id: Uuid,
        given: bool,
        record: &SyncRecord,
    ) -> db::Result<MyRecognitions> {
        let tx = self
            .db()
            .transaction(&[db::RECOGNITIONS, db::OUTBOX], TransactionMode::ReadWrite)?;
        let key = JsValue::from_str(account_id);
        let store = tx.store(db::RECOGNITIONS)?;
        let mut list: MyRecognitions = match store.get(key.clone()).await? {
            Some(v) if !v.is_undefined() => db::from_js(v)?,
            _ => MyRecognitions::default(),
        };
        for r in list.mine.iter_mut().filter(|r| r.id == id) {
            r.consent = if given {
                Consent::Given
            } else {
                Consent::Declined
            };
        }
        store.put(&db::to_js(&list)?, Some(&key)).await?;
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.done().await?;
        Ok(list)
    }
}
