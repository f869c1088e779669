//! The console's reactive state, provided as context: the language and the signed-in
//! person.

use super::i18n::{self, ConsoleTr};
use super::session::{self, ConsoleSession};
use leptos::prelude::*;
use resapi_core::Lang;

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
