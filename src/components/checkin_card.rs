//! Seven days after a *komitmen aksi*, the next time the app opens, home asks how it went:
//! done, partly or not yet, with an optional note. (There are no push notifications.)

use crate::journal;
use crate::state::{store, use_app};
use crate::store::journal::{Entry, JournalItem};
use crate::sync::triggers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::sync::CheckinOutcome;

/// `ready` turns true once the card knows whether a check-in is due (home waits for it).
#[component]
pub fn CheckinCard(ready: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let due: RwSignal<Vec<JournalItem>> = RwSignal::new(Vec::new());
    let note = RwSignal::new(String::new());
    let thanks = RwSignal::new(false);
    let load = move || {
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            ready.set(true);
            return;
        };
        spawn_local(async move {
            let all = store.journal(&account).await.unwrap_or_default();
            due.set(journal::due_checkins(&all));
            ready.set(true);
        });
    };
    Effect::new(move |_| {
        let _ = app.session.get();
        load();
    });
    let answer = move |outcome: CheckinOutcome| {
        let (Some(store), Some(item)) = (store(), due.get_untracked().first().cloned()) else {
            return;
        };
        let text = note.get_untracked();
        spawn_local(async move {
            if journal::check_in(&store, &item, outcome, &text)
                .await
                .is_ok()
            {
                note.set(String::new());
                thanks.set(true);
                triggers::saved(app);
                load();
            }
        });
    };
    let current = move || {
        due.get().first().and_then(|i| match &i.entry {
            Entry::Commitment { text, .. } => Some(text.clone()),
            Entry::Reflection { .. } => None,
        })
    };
    view! {
        <Show when=move || thanks.get()>
            <p class="card ok" role="status">{move || app.tr().checkin_thanks}</p>
        </Show>
        {move || current().map(|text| view! {
            <section class="card checkin" aria-labelledby="checkin-h" data-testid="checkin">
                <h2 id="checkin-h">{app.tr().checkin_heading}</h2>
                <p class="commitment-text">"“" {text} "”"</p>
                <label for="checkin-note">{app.tr().checkin_note}</label>
                <textarea id="checkin-note" rows="2" maxlength="2000"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                <div class="actions">
                    <button type="button" class="btn btn-primary" on:click=move |_| answer(CheckinOutcome::Done)>{app.tr().checkin_done}</button>
                    <button type="button" class="btn btn-secondary" on:click=move |_| answer(CheckinOutcome::Partly)>{app.tr().checkin_partly}</button>
                    <button type="button" class="btn btn-secondary" on:click=move |_| answer(CheckinOutcome::NotYet)>{app.tr().checkin_not_yet}</button>
                </div>
            </section>
        })}
    }
}
