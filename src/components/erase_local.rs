//! "Hapus data saya dari ponsel ini", offered at logout and in settings. It removes the
//! signed-in account's data from this phone only when the server has everything
//! (`store::erase`); while records wait, the button says how many and removes nothing.

use crate::phone::i18n::Tr;
use crate::phone::pages::login::DONE_DATA;
use crate::state::{store, use_app};
use crate::store::erase::{EraseRule, LocalErasure, Unacknowledged};
use crate::sync;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

fn count(template: &str, n: u32) -> String {
    template.replace("{n}", &n.to_string())
}

/// Why nothing was removed, ready to show.
fn refusal_text(t: &Tr, left: Unacknowledged) -> String {
    if left.waiting > 0 {
        count(t.erase_local_refused, left.waiting)
    } else {
        count(t.erase_local_attention, left.refused)
    }
}

/// The logout dialog's erase section, its code fetched apart from the first visit's (the
/// phone's build, where it is a split point). The dialog opens once `preload_erase_local`
/// has fetched it, so the section never grows the dialog under a finger.
#[component]
pub fn LazyEraseLocalData(on_done: Callback<()>) -> impl IntoView {
    #[cfg(feature = "split")]
    {
        Suspend::new(async move {
            in_chunk::erase_local_view(on_done)
                .await
                .unwrap_or_else(|_| {
                    view! { <crate::components::part_missing::PartNotDownloaded /> }.into_any()
                })
        })
    }
    #[cfg(not(feature = "split"))]
    view! { <EraseLocalData on_done /> }
}

/// In the `daily` chunk, with settings (src/phone/pages/mod.rs). `fallible`: a chunk that
/// cannot be fetched says so rather than ending the app.
#[cfg(feature = "split")]
mod in_chunk {
    use leptos::prelude::*;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    #[wasm_split(
        daily,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_chunk)
    )]
    pub fn erase_local_view(on_done: Callback<()>) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::EraseLocalData on_done /> }.into_any())
    }
}

/// Fetches the erase section's chunk (a no-op once it is in, or without the split); a
/// failed fetch shows in the section.
pub async fn preload_erase_local() {
    #[cfg(feature = "split")]
    let _ = in_chunk::preload_chunk().await;
}

#[component]
pub fn EraseLocalData(
    /// Called once the data is gone (before moving to the login page).
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let left: RwSignal<Unacknowledged> = RwSignal::new(Unacknowledged::default());
    let refusal: RwSignal<Option<Unacknowledged>> = RwSignal::new(None);
    let include_refused = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    // Read now and again whenever a sync changes the counts.
    Effect::new(move |_| {
        app.sync.pending_records.track();
        app.sync.attention.track();
        if let (Some(store), Some(account)) = (store(), app.account_id()) {
            spawn_local(async move {
                if let Ok(now) = store.unacknowledged(&account).await {
                    left.set(now);
                    if refusal.get_untracked().is_some_and(|r| r != now) {
                        refusal.set(None);
                    }
                }
            });
        }
    });
    let on_erase = move |_| {
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            return;
        };
        // A sync round in flight could write this account's data back after the erase (its
        // restore or its competition lists): the button waits for it, and the erase holds
        // the sync lock so that no round starts while it runs.
        if busy.get_untracked() || app.sync.syncing.get_untracked() {
            return;
        }
        busy.set(true);
        app.sync.syncing.set(true);
        let navigate = navigate.clone();
        let rule = if include_refused.get_untracked() {
            EraseRule::AcknowledgedOrRefused
        } else {
            EraseRule::Acknowledged
        };
        spawn_local(async move {
            let erased = store.erase_local_data(&account, rule).await;
            if matches!(erased, Ok(LocalErasure::Erased)) {
                app.session.set(None);
            }
            app.sync.syncing.set(false);
            match erased {
                Ok(LocalErasure::Erased) => {
                    sync::refresh_counts(app).await;
                    if let Some(f) = on_done {
                        f.run(());
                    }
                    navigate(DONE_DATA, Default::default());
                }
                Ok(LocalErasure::Refused(now)) => {
                    left.set(now);
                    refusal.set(Some(now));
                }
                Err(_) => failed.set(true),
            }
            busy.set(false);
        });
    };
    let sync_first = move |_| {
        spawn_local(async move {
            sync::deferred::sync_round(app).await;
        });
    };
    view! {
        <div class="erase-local" data-testid="erase-local-box">
            <p class="hint">{move || app.tr().erase_local_hint}</p>
            <Show when=move || { left.get().refused > 0 }>
                <p class="hint">{move || count(app.tr().erase_local_attention, left.get().refused)}</p>
                <p><A href="/perhatian">{move || app.tr().attention_title}</A></p>
                <label class="check">
                    <input type="checkbox" data-testid="erase-local-refused-too"
                        prop:checked=move || include_refused.get()
                        on:change=move |ev| include_refused.set(event_target_checked(&ev)) />
                    <span>{move || app.tr().erase_local_attention_ok}</span>
                </label>
            </Show>
            <button type="button" class="btn btn-secondary" data-testid="erase-local"
                disabled=move || busy.get() || app.sync.syncing.get() on:click=on_erase>
                {move || app.tr().erase_local}
                {move || {
                    let n = left.get().waiting;
                    (n > 0).then(|| format!(" ({})", count(app.tr().erase_local_waiting, n)))
                }}
            </button>
            <Show when=move || refusal.get().is_some()>
                <p class="form-error" role="alert" data-testid="erase-local-refused">
                    {move || refusal.get().map(|r| refusal_text(app.tr(), r))}
                </p>
                <Show when=move || { left.get().waiting > 0 }>
                    <button type="button" class="btn btn-primary" data-testid="erase-local-sync"
                        disabled=move || app.sync.syncing.get() on:click=sync_first>
                        {move || if app.sync.syncing.get() { app.tr().syncing } else { app.tr().sync_now }}
                    </button>
                </Show>
            </Show>
            <Show when=move || failed.get()>
                <p class="form-error" role="alert">{move || app.tr().store_failed}</p>
            </Show>
        </div>
    }
}
