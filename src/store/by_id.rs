//! Items a page opens by the id in its address (`/hasil/:id`, `/kuesioner/hasil/:rid`).
//! On a shared phone an address can come from someone else's history, so an item is
//! returned only to the account it belongs to; to anyone else it does not exist.

use super::questionnaires::Response;
use super::results::PracticeResult;
use super::{Store, db};

impl Store {
    /// A finished practice session of `account_id`.
    pub async fn own_result(
        &self,
        account_id: &str,
        id: &str,
    ) -> db::Result<Option<PracticeResult>> {
        let found: Option<PracticeResult> = db::get(self.db(), db::RESULTS, id).await?;
        Ok(found.filter(|r| r.account_id == account_id))
    }

    /// A finished questionnaire of `account_id`.
    pub async fn own_response(&self, account_id: &str, id: &str) -> db::Result<Option<Response>> {
        let found: Option<Response> = db::get(self.db(), db::RESPONSES, id).await?;
        Ok(found.filter(|r| r.account_id == account_id))
    }
}
