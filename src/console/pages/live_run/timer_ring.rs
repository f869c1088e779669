//! The timer ring: an SVG circle that empties smoothly as a question's time runs out, with
//! the whole seconds in its middle. It counts down here, every animation frame, from the
//! last message's `remaining_ms`; a message only resets where it counts from, so the ring
//! never jumps back to the server's rhythm of four updates a second.

use super::clock::{Countdown, clock_text, seconds_left};
use leptos::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const RADIUS: f64 = 45.0;

fn circumference() -> f64 {
    2.0 * std::f64::consts::PI * RADIUS
}

pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Updates `left` (ms) and `share` (0–1) from `countdown` each frame until `alive` ends.
fn frame(
    countdown: Signal<Option<Countdown>>,
    left: RwSignal<f64>,
    share: RwSignal<f64>,
    alive: Arc<AtomicBool>,
) {
    if !alive.load(Ordering::Relaxed) {
        return;
    }
    if let Some(Some(c)) = countdown.try_get_untracked() {
        let now = now_ms();
        left.try_set(c.left_at(now));
        share.try_set(c.fraction_at(now));
    }
    request_animation_frame(move || frame(countdown, left, share, alive));
}

#[component]
pub fn TimerRing(
    #[prop(into)] countdown: Signal<Option<Countdown>>,
    /// "Sisa waktu", for screen readers.
    #[prop(into)]
    label: Signal<&'static str>,
) -> impl IntoView {
    let left = RwSignal::new(0.0);
    let share = RwSignal::new(1.0);
    let alive = Arc::new(AtomicBool::new(true));
    frame(countdown, left, share, alive.clone());
    on_cleanup(move || alive.store(false, Ordering::Relaxed));
    let seconds = Memo::new(move |_| seconds_left(left.get()));
    let c = circumference();
    let offset = move || format!("{:.2}", c * (1.0 - share.get()));
    let low = move || share.get() <= 0.25;
    view! {
        <div class="timer-ring" class:timer-low=low role="timer"
            aria-label=move || format!("{}: {}", label.get(), seconds.get())>
            <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
                <circle class="ring-track" cx="50" cy="50" r="45" />
                <circle class="ring-left" cx="50" cy="50" r="45" transform="rotate(-90 50 50)"
                    stroke-dasharray=format!("{c:.2}") stroke-dashoffset=offset />
            </svg>
            <span class="ring-seconds" data-testid="timer-seconds" aria-hidden="true">
                {move || clock_text(seconds.get())}
            </span>
        </div>
    }
}
