//! The console's reactive state, provided as context: the language and the signed-in
//! person.

use super::i18n::{self, ConsoleTr};
use super::session::{self, ConsoleSession};
use crate::api::ApiError;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::api::Role;

#[derive(Clone, Copy)]
pub struct Console {
    pub lang: RwSignal<Lang>,
    pub session: RwSignal<Option<ConsoleSession>>,
}

impl Console {
    pub fn new() -> Console {
        Console {
            lang: RwSignal::new(crate::i18n::saved_lang()),
            session: RwSignal::new(session::load()),
        }
    }

    /// Strings of the current language (reactive).
    pub fn tr(&self) -> &'static ConsoleTr {
        i18n::tr(self.lang.get())
    }

    pub fn sign_in(&self, signed_in: ConsoleSession) {
        session::save(&signed_in);
        self.session.set(Some(signed_in));
    }

    /// The signed-in person's token (not tracked: read when a request goes out).
    pub fn token(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
    }

    /// The signed-in person's token and unit (not tracked): a unit screen's first unit.
    pub fn token_and_unit(&self) -> (String, String) {
        self.session
            .with_untracked(|s| {
                s.as_ref()
                    .map(|s| (s.token.clone(), s.account.unit_id.clone()))
            })
            .unwrap_or_default()
    }

    /// The signed-in person's roles (reactive).
    pub fn roles(&self) -> Vec<Role> {
        self.session
            .with(|s| s.as_ref().map(|s| s.account.roles.clone()))
            .unwrap_or_default()
    }

    /// After a failed request: a token the server no longer knows (401) ends the sign-in
    /// here too, so the person is asked to sign in again rather than shown errors.
    pub fn failed(&self, error: &ApiError) {
        if error.status() == Some(401) {
            self.sign_out();
        }
    }

    pub fn sign_out(&self) {
        session::clear();
        self.session.set(None);
    }
}

impl Default for Console {
    fn default() -> Self {
        Console::new()
    }
}

pub fn use_console() -> Console {
    expect_context::<Console>()
}
