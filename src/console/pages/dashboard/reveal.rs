//! New figures reach the screen one section per animation frame: each section (with its
//! charts) is rebuilt in its own frame instead of all of them in one long frame, so a period
//! change stays smooth on a slow laptop. Until its turn a section keeps the figures it shows.

use leptos::prelude::*;
use resapi_core::unit_dashboard::UnitDashboard;
use std::sync::Arc;

/// The dashboard's sections, each fed its own copy of the answer.
pub const SECTIONS: usize = 5;

pub type Slots = [RwSignal<Option<Arc<UnitDashboard>>>; SECTIONS];

pub fn slots() -> Slots {
    std::array::from_fn(|_| RwSignal::new(None))
}

/// Hands `d` to slot `from` now and to the next ones on the following frames, then calls
/// `done` a frame after the last. Stops as soon as `still_wanted` says a newer answer came.
pub fn reveal(
    slots: Slots,
    d: Arc<UnitDashboard>,
    from: usize,
    still_wanted: impl Fn() -> bool + Clone + 'static,
    done: impl FnOnce() + 'static,
) {
    if !still_wanted() {
        return;
    }
    match slots.get(from) {
        Some(slot) => {
            slot.set(Some(d.clone()));
            request_animation_frame(move || reveal(slots, d, from + 1, still_wanted, done));
        }
        None => request_animation_frame(done),
    }
}
