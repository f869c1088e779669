//! Computed dashboards kept until the data under them changes. A dashboard depends on the
//! facts, the unit tree and the members only, and every write of those moves the store's
//! facts generation on ([`Store::facts_generation`]); an entry made at an older generation
//! is never served. Computed once per change, a dashboard is then served from memory to every
//! admin who opens it (docs/dashboard.md, "Speed"). The day is part of the key: a period that
//! ends overnight shows its questionnaire figures the next morning without any write.

use resapi_core::aggregate::period::Period;
use resapi_core::unit_dashboard::UnitDashboard;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use time::Date;

#[cfg(doc)]
use crate::store::Store;

/// Entries kept at most; beyond it the cache starts afresh (a dashboard is cheap to redo).
const MAX_ENTRIES: usize = 2048;

type Key = (String, Period, u32, Date);

#[derive(Default)]
pub struct DashboardCache {
    entries: Mutex<HashMap<Key, (u64, Arc<UnitDashboard>)>>,
}

impl DashboardCache {
    /// The dashboard of `unit` in `period` under threshold `k` as seen on `today`, if
    /// computed at `generation`.
    pub fn get(
        &self,
        unit: &str,
        period: Period,
        k: u32,
        today: Date,
        generation: u64,
    ) -> Option<Arc<UnitDashboard>> {
        let entries = self.entries.lock().ok()?;
        let (made_at, d) = entries.get(&(unit.to_string(), period, k, today))?;
        (*made_at == generation).then(|| Arc::clone(d))
    }

    /// Keeps a dashboard computed from the data of `generation` (read before computing, so
    /// a change during the computation makes the entry stale rather than wrong).
    pub fn put(&self, generation: u64, today: Date, d: Arc<UnitDashboard>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        let key = (d.unit.id.clone(), d.period, d.k, today);
        entries.insert(key, (generation, d));
    }
}
