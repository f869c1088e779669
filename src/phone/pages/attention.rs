//! Records the server refused: never dropped, shown with the reason, exportable as JSON.

use crate::local_time::{date_time, rfc3339};
use crate::phone::download::download_json;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::attention::AttentionItem;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AttentionPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let items: RwSignal<Vec<AttentionItem>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        if let (Some(store), Some(account)) = (store(), app.account_id()) {
            spawn_local(async move {
                items.set(store.attention(&account).await.unwrap_or_default());
            });
        }
    });
    let export = move |_| {
        let json = serde_json::to_string_pretty(&items.get_untracked()).unwrap_or_default();
        download_json("resapi-perlu-perhatian.json", &json);
    };
    view! {
        <div class="page attention">
            <h1>{move || app.tr().attention_title}</h1>
            <Show when=move || !items.with(Vec::is_empty) fallback=move || view! { <p class="hint">{move || app.tr().attention_empty}</p> }>
                <p>{move || app.tr().attention_intro}</p>
                <button type="button" class="btn btn-secondary" data-testid="attention-export" on:click=export>{move || app.tr().export_json}</button>
                <ul class="attention-list">
                    {move || items.get().into_iter().map(|i| {
                        let l = lang.get();
                        let made = rfc3339(i.record.created_at);
                        view! {
                            <li data-testid="attention-item" data-code=i.code.clone()>
                                <p><strong>{i18n::record_kind(l, i.record.kind)}</strong>" · "{date_time(&made, l)}</p>
                                <p class="warn">{i18n::error_message(l, &i.code, &i.message)}</p>
                                <p class="muted">{format!("{} · {}", i.code, i18n::refused_on(l, &date_time(&i.at, l)))}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
