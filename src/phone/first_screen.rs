//! Home as a guest's first visit shows it while the app's own code is still on its way (the
//! `start` chunk, `phone::entry`): the top bar, the greeting with its ways in and "Gabung
//! kuis" — the same components the app's home uses. The hand-over changes nothing on screen
//! but what appears below (the sync status, the values), so nothing moves.
//!
//! A tap on "Masuk" or "Daftar" before the app is here goes to that address at once and says
//! "Memuat…" (as any screen whose code is still coming does); the app opens the screen the
//! moment it arrives. "Gabung kuis" works fully here: it leaves for the light join page.

use crate::components::part_missing::PartNotDownloaded;
use crate::components::route_loading::RouteLoading;
use crate::components::top_bar::TopBar;
use crate::phone::pages::home_guest::GuestWelcome;
use crate::phone::pages::join_quiz::JoinQuiz;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// `missing`: the app's code could not be fetched (the link dropped): the screen says so, with
/// a button that tries again.
#[component]
pub fn FirstScreen(missing: Signal<bool>) -> impl IntoView {
    let pending = RwSignal::new(0u32);
    // Back from a tapped link, before the app came: nothing is loading any more.
    let back = window_event_listener(leptos::ev::popstate, move |_| {
        pending.set(u32::from(current_path() != "/"));
    });
    // On the window rather than a wrapper, so the page's elements are the app's own.
    let click = window_event_listener(leptos::ev::click, move |ev: MouseEvent| {
        // Once the app's code is known missing, the browser's own navigation loads the page
        // again, which is the retry.
        if missing.get_untracked() {
            return;
        }
        if let Some(href) = own_link(&ev) {
            ev.prevent_default();
            if let Ok(history) = window().history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href));
            }
            pending.set(u32::from(href != "/"));
        }
    });
    on_cleanup(move || {
        back.remove();
        click.remove();
    });
    view! {
        <TopBar />
        <main id="main" tabindex="-1">
            <Show when=move || missing.get()>
                <PartNotDownloaded on_retry=reload() />
            </Show>
            <div class="page home">
                <GuestWelcome />
                <div class="home-body">
                    <div class="actions">
                        <JoinQuiz />
                    </div>
                </div>
            </div>
        </main>
        <RouteLoading pending=pending />
    }
}

/// In place of any other first screen when the app's code could not be fetched (a visit the
/// service worker cannot serve yet, offline): what happened and a button that tries again.
#[component]
pub fn AppNotDownloaded() -> impl IntoView {
    view! {
        <TopBar />
        <main id="main" tabindex="-1">
            <div class="page">
                <PartNotDownloaded on_retry=reload() />
            </div>
        </main>
    }
}

/// "Coba lagi" where the app's code is missing: loading the page again fetches it again.
fn reload() -> Callback<()> {
    Callback::new(|_| {
        let _ = window().location().reload();
    })
}

/// The address of a plain left click on one of the app's own links (the router's rule, which
/// is not here yet); `None` for anything the browser should handle itself (the skip link's
/// `#main`, a new tab).
fn own_link(ev: &MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let link = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    let href = link.get_attribute("href")?;
    (href.starts_with('/') && !href.starts_with("//")).then_some(href)
}

pub fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}
