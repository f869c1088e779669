//! Records made on this device: stamped with the device's clock and the signed-in account,
//! built by `SyncRecord::new` from a typed payload (so every kind has one shape on the wire).

use crate::store::StoreError;
use resapi_core::sync::{Payload, SyncRecord};
use time::OffsetDateTime;
use uuid::Uuid;

/// A record `id` of `payload` made now by `account_id` (the id as the session stores it; an
/// unreadable one gives the nil id, which the server refuses as another account's record).
pub fn made_now<P: Payload>(
    id: Uuid,
    account_id: &str,
    payload: &P,
) -> Result<SyncRecord, StoreError> {
    let account_id = Uuid::parse_str(account_id).unwrap_or_else(|_| Uuid::nil());
    SyncRecord::new(id, account_id, OffsetDateTime::now_utc(), payload)
        .map_err(|e| StoreError::Record(e.code()))
}
