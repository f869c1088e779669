//! A gentle streak line on home ("Aktif 3 hari berturut-turut"); hidden when the person
//! turned it off in settings, and silent when there is no streak.

use crate::activity;
use crate::local_time::local_today;
use crate::phone::i18n;
use crate::state::{store, use_app};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `ready` turns true once the streak is known (home waits for it).
#[component]
pub fn Streak(ready: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let days = RwSignal::new(0u32);
    Effect::new(move |_| {
        let _ = app.history_version.get();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            ready.set(true);
            return;
        };
        spawn_local(async move {
            let active = activity::active_days(&store, &account)
                .await
                .unwrap_or_default();
            days.set(resapi_core::activity::streak(&active, local_today()));
            ready.set(true);
        });
    });
    view! {
        <Show when=move || { app.show_streak.get() && days.get() > 1 }>
            <p class="streak" data-testid="streak">{move || i18n::streak(app.lang.get(), days.get())}</p>
        </Show>
    }
}
