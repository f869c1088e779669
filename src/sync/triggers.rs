//! When sync runs: at start, when the browser comes back online, when the app becomes
//! visible again, after new answers are saved, on a timer with backoff, and on the button.

use super::Outcome;
use super::deferred::sync_round;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

const MIN_DELAY: Duration = Duration::from_secs(5);
const MAX_DELAY: Duration = Duration::from_secs(300);
/// With nothing waiting, still look for content changes now and then.
const IDLE_DELAY: Duration = Duration::from_secs(600);
const TICK: Duration = Duration::from_millis(500);

thread_local! {
    static KICK: Cell<bool> = const { Cell::new(true) };
}

/// Asks for a sync round at the next tick (within half a second).
pub fn request() {
    KICK.with(|k| k.set(true));
}

/// After a record was saved to the outbox: show the new waiting count at once (a sync round
/// may be busy, or the session may need a login), then ask for a round.
pub fn saved(app: AppState) {
    spawn_local(super::refresh_counts(app));
    request();
}

/// Starts the background loop and the event listeners. Call once.
pub fn start(app: AppState) {
    listen_window(app, "online");
    listen_window(app, "offline");
    listen_visibility();
    spawn_local(async move {
        let mut delay = MIN_DELAY;
        let mut waited = Duration::ZERO;
        loop {
            if KICK.with(|k| k.replace(false)) || waited >= delay {
                waited = Duration::ZERO;
                delay = match sync_round(app).await {
                    Outcome::Done if app.sync.pending_records.get_untracked() > 0 => MIN_DELAY,
                    Outcome::Done | Outcome::NeedsLogin => IDLE_DELAY,
                    Outcome::Unreachable => (delay * 2).clamp(MIN_DELAY, MAX_DELAY),
                    Outcome::Busy => MIN_DELAY,
                };
            }
            gloo_timers::future::sleep(TICK).await;
            waited += TICK;
        }
    });
}

fn listen_window(app: AppState, event: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(move || {
        app.sync.online.set(event == "online");
        request();
    });
    let _ = window.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget(); // lives as long as the page
}

fn listen_visibility() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let doc = document.clone();
    let handler = Closure::<dyn Fn()>::new(move || {
        if doc.visibility_state() == web_sys::VisibilityState::Visible {
            request();
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", handler.as_ref().unchecked_ref());
    handler.forget();
}
