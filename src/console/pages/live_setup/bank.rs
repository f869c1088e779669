//! The question bank (values, indicators, questions with their stems and projector flag)
//! for the live quiz's screens, from `GET /content` as the phone app gets it.

use crate::api::ApiError;
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::content::ContentBundle;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Bank {
    pub content: RwSignal<Option<Arc<ContentBundle>>>,
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
}

impl Bank {
    /// Starts loading the bank; the screen shows what it can meanwhile.
    pub fn load() -> Bank {
        let console = use_console();
        let bank = Bank {
            content: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(true),
        };
        spawn_local(async move {
            match crate::api::content(None).await {
                Ok(Some(content)) => {
                    bank.content.try_set(Some(Arc::new(content)));
                }
                Ok(None) => {}
                Err(e) => {
                    console.failed(&e);
                    bank.error.try_set(Some(e));
                }
            }
            bank.loading.try_set(false);
        });
        bank
    }
}
