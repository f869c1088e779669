//! App-wide reactive state, provided as context: language, the signed-in session, the
//! content bundle, and the sync status that the indicator shows.

use crate::phone::i18n::{self, Tr};
use crate::store::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use std::cell::RefCell;
use std::sync::Arc;

const STREAK_KEY: &str = "resapi.show_streak";
/// Set once the store has opened on this browser: without it no session can be waiting in
/// the store, so home may show before the store has opened (see [`AppState::first_visit`]).
const OPENED_KEY: &str = "resapi.store_opened";

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// The open store, once `boot` has opened it.
pub fn store() -> Option<Store> {
    STORE.with(|s| s.borrow().clone())
}

pub fn set_store(store: Store) {
    STORE.with(|s| *s.borrow_mut() = Some(store));
}

#[derive(Clone, Copy)]
pub struct SyncStatus {
    pub online: RwSignal<bool>,
    pub syncing: RwSignal<bool>,
    /// Answers waiting to be sent.
    pub pending: RwSignal<u32>,
    /// All records waiting (answers plus session summaries).
    pub pending_records: RwSignal<u32>,
    pub attention: RwSignal<u32>,
    pub last_sync: RwSignal<Option<String>>,
    /// The last sync problem, ready to show.
    pub problem: RwSignal<Option<String>>,
    pub shell_cached: RwSignal<bool>,
    pub update_ready: RwSignal<bool>,
    /// While a new phone downloads the account's history: how many records so far.
    pub restoring: RwSignal<Option<usize>>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// False until the store has opened and the session is read.
    pub booted: RwSignal<bool>,
    /// The store has never opened on this browser: a first visit, with no session to wait
    /// for. Home then shows as a guest's while the store opens (about 0.2 s sooner on a slow
    /// phone); other screens still wait for `booted`. Once the store has opened, every later
    /// visit waits, so a signed-in person never sees the guest's home flash.
    pub first_visit: bool,
    pub store_failed: RwSignal<bool>,
    pub session: RwSignal<Option<Session>>,
    pub content: RwSignal<Option<Arc<ContentBundle>>>,
    /// False until the bundle saved on the phone has been read (just after the first
    /// screen: `sync::deferred`); until then no content is not yet "not downloaded".
    pub content_read: RwSignal<bool>,
    /// True while a practice session is on screen (no update reloads then).
    pub in_practice_session: RwSignal<bool>,
    /// Whether home shows the streak (a setting; on unless turned off).
    pub show_streak: RwSignal<bool>,
    /// Bumped when history arrives from elsewhere (a restore), so pages re-read the store.
    pub history_version: RwSignal<u32>,
    /// Bumped when a sync brought competitions, papers or recognitions.
    pub competitions_version: RwSignal<u32>,
    pub sync: SyncStatus,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            lang: RwSignal::new(crate::i18n::saved_lang()),
            booted: RwSignal::new(false),
            first_visit: crate::preferences::flag(OPENED_KEY).is_none(),
            store_failed: RwSignal::new(false),
            session: RwSignal::new(None),
            content: RwSignal::new(None),
            content_read: RwSignal::new(false),
            in_practice_session: RwSignal::new(false),
            history_version: RwSignal::new(0),
            competitions_version: RwSignal::new(0),
            show_streak: RwSignal::new(crate::preferences::flag(STREAK_KEY).unwrap_or(true)),
            sync: SyncStatus {
                online: RwSignal::new(navigator_online()),
                syncing: RwSignal::new(false),
                pending: RwSignal::new(0),
                pending_records: RwSignal::new(0),
                attention: RwSignal::new(0),
                last_sync: RwSignal::new(None),
                problem: RwSignal::new(None),
                shell_cached: RwSignal::new(false),
                update_ready: RwSignal::new(false),
                restoring: RwSignal::new(None),
            },
        }
    }

    /// Strings of the current language (reactive).
    pub fn tr(&self) -> &'static Tr {
        i18n::tr(self.lang.get())
    }

    pub fn set_lang(&self, lang: Lang) {
        crate::i18n::save_lang(lang);
        self.lang.set(lang);
    }

    /// Remembers that the store opened, so later visits wait for the session.
    pub fn mark_store_opened(&self) {
        if self.first_visit {
            crate::preferences::set_flag(OPENED_KEY, true);
        }
    }

    pub fn set_show_streak(&self, show: bool) {
        crate::preferences::set_flag(STREAK_KEY, show);
        self.show_streak.set(show);
    }

    /// No content on this phone: read, and none there (reactive). Before the saved bundle
    /// is read, content is not yet missing, so no "not downloaded" hint flashes at start.
    pub fn content_missing(&self) -> bool {
        self.content_read.get() && self.content.with(Option::is_none)
    }

    pub fn account_id(&self) -> Option<String> {
        self.session.with(|s| s.as_ref().map(Session::account_id))
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

fn navigator_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}
