//! Home's "Ulang" card: how many wrong-answered questions are due today (local day), and
//! the way into a review session.

use crate::phone::i18n;
use crate::practice;
use crate::review;
use crate::state::{store, use_app};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// `ready` turns true once the card knows whether it shows (home waits for it, so the card
/// never pushes the buttons below it down).
#[component]
pub fn ReviewCard(ready: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let due: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let _ = app.history_version.get();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            ready.set(true);
            return;
        };
        spawn_local(async move {
            due.set(
                review::due_today(&store, &account)
                    .await
                    .unwrap_or_default(),
            );
            ready.set(true);
        });
    });
    let navigate = use_navigate();
    let start = move |_| {
        let (Some(store), Some(content), Some(account)) =
            (store(), app.content.get_untracked(), app.account_id())
        else {
            return;
        };
        let ids = due.get_untracked();
        let navigate = navigate.clone();
        spawn_local(async move {
            // A session in progress is resumed rather than replaced.
            let existing = store.practice_session(&account).await.ok().flatten();
            let ok = existing.is_some()
                || practice::start_review(&store, &content, &account, &ids)
                    .await
                    .is_ok();
            if ok {
                navigate("/latihan/sesi", Default::default());
            }
        });
    };
    view! {
        <Show when=move || !due.with(Vec::is_empty)>
            <section class="card review-card" aria-labelledby="review-h" data-testid="review-card">
                <h2 id="review-h">{move || app.tr().review_heading}</h2>
                <p data-testid="review-due">{move || i18n::review_due(app.lang.get(), due.with(Vec::len))}</p>
                <button type="button" class="btn btn-primary" on:click=start.clone()>{move || app.tr().review_start}</button>
            </section>
        </Show>
    }
}
