//! The downloaded content bundle.

use super::{Store, db};
use resapi_core::content::ContentBundle;

const BUNDLE_KEY: &str = "bundle";

impl Store {
    pub async fn content(&self) -> db::Result<Option<ContentBundle>> {
        db::get(self.db(), db::CONTENT, BUNDLE_KEY).await
    }

    pub async fn save_content(&self, bundle: &ContentBundle) -> db::Result<()> {
        db::put(self.db(), db::CONTENT, bundle, Some(BUNDLE_KEY)).await
    }
}
