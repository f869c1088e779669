//! The active units, kept in memory: every guest joining a live quiz, and every join page
//! listing the units for a guest's form, would otherwise read the unit table (hundreds of
//! phones in the same minute). The list is read again once the unit tree changed in this
//! process (the store's units generation moved: the units file at start, a console edit)
//! and at least every [`MAX_AGE`], for a change made by another process on the same
//! database (an admin command while the server runs).

use crate::store::{Store, StoreError};
use resapi_core::content::Unit;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The longest a list is used without reading the table again.
pub const MAX_AGE: Duration = Duration::from_secs(60);

/// The list as last read: (the units generation it was read at, when, the units).
type Slot = Option<(u64, Instant, Arc<Vec<Unit>>)>;

#[derive(Default)]
pub struct UnitsCache {
    slot: Mutex<Slot>,
}

impl UnitsCache {
    /// The active units in file order (as [`Store::list_units`]).
    pub async fn units(&self, store: &Store) -> Result<Arc<Vec<Unit>>, StoreError> {
        // Read before the table: a change after this moment moves the generation on, so
        // a list read too early is never kept as current.
        let generation = store.units_generation();
        {
            let slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((at_generation, read_at, units)) = &*slot
                && *at_generation == generation
                && read_at.elapsed() < MAX_AGE
            {
                return Ok(Arc::clone(units));
            }
        }
        let units = Arc::new(store.list_units().await?);
        *self.slot.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((generation, Instant::now(), Arc::clone(&units)));
        Ok(units)
    }

    /// One active unit by id.
    pub async fn unit(&self, store: &Store, id: &str) -> Result<Option<Unit>, StoreError> {
        Ok(self
            .units(store)
            .await?
            .iter()
            .find(|u| u.id == id)
            .cloned())
    }
}
