//! The downloaded content bundle.

use super::{Store, db};
use resapi_core::content::ContentBundle;
use rexie::TransactionMode;

const BUNDLE_KEY: &str = "bundle";

impl Store {
    pub async fn content(&self) -> db::Result<Option<ContentBundle>> {
        db::get(self.db(), db::CONTENT, BUNDLE_KEY).await
    }

    /// Whether a bundle is saved, without reading it (start-up does not deserialise it).
    pub async fn has_content(&self) -> db::Result<bool> {
        let tx = self
            .db()
            .transaction(&[db::CONTENT], TransactionMode::ReadOnly)?;
        let key = db::only(BUNDLE_KEY)?;
        let n = tx.store(db::CONTENT)?.count(Some(key)).await?;
        tx.done().await?;
        Ok(n > 0)
    }

    pub async fn save_content(&self, bundle: &ContentBundle) -> db::Result<()> {
        db::put(self.db(), db::CONTENT, bundle, Some(BUNDLE_KEY)).await
    }
}
