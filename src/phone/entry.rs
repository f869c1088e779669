//! The phone app's entry, the only code in the main wasm module besides the first screen's:
//! it holds the app's state, fetches the app's own code (the `start` chunk: router, layout,
//! store, sync, sign-in; docs/lazy-routes.md) and hands over to it.
//!
//! On a first visit to home (no store has ever opened on this browser, so no session can be
//! waiting) the first screen shows at once, and the app replaces it when its code arrives:
//! same state (language, a "Gabung kuis" code being typed), same focus. Any other visit keeps
//! the HTML skeleton until the app is here; on a phone that has been here, the service worker
//! serves the chunk from its cache.

use crate::phone::first_screen::{AppNotDownloaded, FirstScreen, current_path};
use crate::phone::pages::join_quiz::JoinQuizDraft;
use crate::state::AppState;
use crate::sync;
use leptos::mount::mount_to_body;
use leptos::prelude::*;

pub fn mount() {
    console_error_panic_hook::set_once();
    // The visit's state, created outside any reactive owner so that it outlives the first
    // screen it starts in and is the app's own afterwards.
    let app = AppState::new();
    let draft = JoinQuizDraft::default();
    let missing = RwSignal::new(false);
    let first_screen = (app.first_visit && current_path() == "/").then(|| {
        crate::mount::remove_skeleton();
        let screen = leptos::mount::mount_to(leptos::tachys::dom::body(), move || {
            provide_context(app);
            provide_context(draft);
            view! { <FirstScreen missing=missing.into() /> }
        });
        // No store has opened, so no bundle is saved: its download starts now, next to the
        // chunk's, rather than after start-up has opened the store.
        sync::prefetch::start();
        screen
    });
    // The browser's task queue, not leptos's executor: on a visit without the first screen
    // nothing has mounted yet, and mounting is what starts that executor.
    wasm_bindgen_futures::spawn_local(async move {
        if app_chunk::preload().await.is_err() {
            if let Some(screen) = first_screen {
                // It stays, saying what is missing.
                missing.set(true);
                screen.forget();
            } else {
                not_downloaded(app);
            }
            return;
        }
        // The chunk is in: the first screen goes and the app comes in the same task, so no
        // frame shows neither.
        let focused = focus::selector();
        drop(first_screen);
        crate::mount::remove_skeleton();
        if app_chunk::mount_app(app, draft).await.is_err() {
            // Not expected once the chunk is in; said rather than a blank page.
            not_downloaded(app);
            return;
        }
        if let Some(selector) = focused {
            request_animation_frame(move || focus::restore(&selector));
        }
        // For the load benchmark and DevTools: when the app's own code took over.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("app-in");
        }
    });
}

/// In place of the skeleton: the app's code could not be fetched, and what to do.
fn not_downloaded(app: AppState) {
    crate::mount::remove_skeleton();
    mount_to_body(move || {
        provide_context(app);
        view! { <AppNotDownloaded /> }
    });
}

/// Mounts the app under the visit's state. Reached only through `app_chunk::mount_app`, so
/// with the `split` feature it is in the `start` chunk.
fn mount_the_app(app: AppState, draft: JoinQuizDraft) {
    mount_to_body(move || {
        provide_context(app);
        provide_context(draft);
        view! { <crate::phone::app::App /> }
    });
}

/// The app, in the `start` chunk (the phone's build, `split` feature). Everything it reaches
/// stays out of the main module, which is why it mounts the app itself: a function pointer
/// handed back would be reached from the main module, and bring the app with it.
#[cfg(feature = "split")]
mod app_chunk {
    use crate::phone::pages::join_quiz::JoinQuizDraft;
    use crate::state::AppState;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    /// `fallible`: a chunk that cannot be fetched is an error to show, not a panic.
    #[wasm_split(start, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))]
    pub fn mount_app(app: AppState, draft: JoinQuizDraft) -> Result<(), SplitLoaderError> {
        super::mount_the_app(app, draft);
        Ok(())
    }
}

/// Without the `split` feature, the same, at once.
#[cfg(not(feature = "split"))]
mod app_chunk {
    use crate::phone::pages::join_quiz::JoinQuizDraft;
    use crate::state::AppState;
    use std::convert::Infallible;

    pub async fn preload() -> Result<(), Infallible> {
        Ok(())
    }

    pub async fn mount_app(app: AppState, draft: JoinQuizDraft) -> Result<(), Infallible> {
        super::mount_the_app(app, draft);
        Ok(())
    }
}

/// Keeps the focus across the hand-over: the app's elements replace the first screen's, so
/// the focused one is found again by what identifies it.
mod focus {
    /// A selector for the focused element: its id, its test id or, for a link, its address.
    pub fn selector() -> Option<String> {
        let el = web_sys::window()?.document()?.active_element()?;
        if !el.id().is_empty() {
            return Some(format!("#{}", el.id()));
        }
        if let Some(id) = el.get_attribute("data-testid") {
            return Some(format!("[data-testid=\"{id}\"]"));
        }
        let href = el.get_attribute("href")?;
        Some(format!("a[href=\"{href}\"]"))
    }

    pub fn restore(selector: &str) {
        use wasm_bindgen::JsCast;
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = found {
            let _ = el.focus();
        }
    }
}
