//! The downloaded content bundle, whole or (until the rest arrives) its practice part only.

use super::{Store, db};
use resapi_core::content::ContentBundle;
use rexie::TransactionMode;
use wasm_bindgen::JsValue;

const BUNDLE_KEY: &str = "bundle";
/// Present while the saved bundle is only the practice part (`resapi_core::content_parts`).
/// Phones that saved a bundle before the parts existed have no such key: theirs is whole.
const PARTIAL_KEY: &str = "partial";

impl Store {
    /// The saved bundle and whether it is whole.
    pub async fn content(&self) -> db::Result<Option<(ContentBundle, bool)>> {
        let Some(bundle) = db::get(self.db(), db::CONTENT, BUNDLE_KEY).await? else {
            return Ok(None);
        };
        let partial: Option<bool> = db::get(self.db(), db::CONTENT, PARTIAL_KEY).await?;
        Ok(Some((bundle, partial != Some(true))))
    }

    /// Saves the bundle and whether it is whole, in one transaction.
    pub async fn save_content(&self, bundle: &ContentBundle, whole: bool) -> db::Result<()> {
        let tx = self
            .db()
            .transaction(&[db::CONTENT], TransactionMode::ReadWrite)?;
        let store = tx.store(db::CONTENT)?;
        let key = JsValue::from_str(BUNDLE_KEY);
        store.put(&db::to_js(bundle)?, Some(&key)).await?;
        let partial = JsValue::from_str(PARTIAL_KEY);
        if whole {
            store.delete(partial).await?;
        } else {
            store.put(&JsValue::TRUE, Some(&partial)).await?;
        }
        tx.done().await?;
        Ok(())
    }
}
