//! A screen's answer from the server that follows what the person picked (a period, a
//! unit): asked again whenever the picks change or "Coba lagi" is pressed, the previous
//! answer kept on screen meanwhile (so nothing jumps), and a later answer winning over an
//! earlier one that arrives late.

use crate::api::ApiError;
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::sync::Arc;

pub struct LatestAnswer<T: Send + Sync + 'static> {
    pub answer: RwSignal<Option<Arc<T>>>,
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
    retry: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for LatestAnswer<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for LatestAnswer<T> {}

impl<T: Send + Sync + 'static> LatestAnswer<T> {
    /// Calls `ask` now and whenever a signal it reads changes. `ask` reads the picks and
    /// returns the request (the request itself tracks nothing).
    pub fn follow<F, Fut>(ask: F) -> LatestAnswer<T>
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let console = use_console();
        let this = LatestAnswer {
            answer: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(true),
            retry: RwSignal::new(0),
        };
        let asked = StoredValue::new(0u32);
        Effect::new(move |_| {
            this.retry.track();
            let request = ask();
            asked.update_value(|n| *n += 1);
            let mine = asked.get_value();
            this.loading.set(true);
            spawn_local(async move {
                let result = request.await;
                // A later request is under way, or the screen is gone.
                if asked.try_get_value() != Some(mine) {
                    return;
                }
                match result {
                    Ok(value) => {
                        this.error.set(None);
                        this.answer.set(Some(Arc::new(value)));
                    }
                    Err(e) => {
                        console.failed(&e);
                        this.error.set(Some(e));
                    }
                }
                this.loading.set(false);
            });
        });
        this
    }

    /// Asks again with the same picks ("Coba lagi").
    pub fn retry(&self) -> Callback<()> {
        let retry = self.retry;
        Callback::new(move |_| retry.update(|n| *n += 1))
    }
}
