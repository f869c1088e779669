//! New figures reach the screen one section per animation frame, each chart's update in a
//! frame of its own after its section's ([`crate::console::frames`]), so a period change
//! stays smooth on a slow laptop. Until its turn a section keeps the figures it shows.

use crate::console::frames;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::unit_dashboard::UnitDashboard;
use std::sync::Arc;

/// The dashboard's sections, each fed its own copy of the answer.
pub const SECTIONS: usize = 5;

pub type Slots = [RwSignal<Option<Arc<UnitDashboard>>>; SECTIONS];

pub fn slots() -> Slots {
    std::array::from_fn(|_| RwSignal::new(None))
}

/// Hands `d` to slot `from` in the next free frame, then (after the chart updates that slot
/// queued) to the next slots; calls `done` in a frame after the last chart is updated. Stops
/// as soon as `still_wanted` says a newer answer came.
pub fn reveal(
    slots: Slots,
    d: Arc<UnitDashboard>,
    from: usize,
    still_wanted: impl Fn() -> bool + Clone + 'static,
    done: impl FnOnce() + 'static,
) {
    frames::in_own_frame(move || {
        if !still_wanted() {
            return;
        }
        let Some(slot) = slots.get(from) else {
            done();
            return;
        };
        slot.set(Some(d.clone()));
        // The section's effects (which queue its charts' updates) run as tasks queued by
        // `set`; queuing the next section from a later task puts it after those charts.
        spawn_local(async move { reveal(slots, d, from + 1, still_wanted, done) });
    });
}
