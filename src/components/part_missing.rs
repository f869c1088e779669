//! The place of a part of a screen whose code (a lazy wasm chunk, docs/lazy-routes.md) is not
//! on the phone and could not be fetched: it says so, and what to do, instead of the part.

use crate::state::use_app;
use leptos::prelude::*;

/// `on_retry`: a button that fetches again, where the part can try in place.
#[component]
pub fn PartNotDownloaded(#[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let app = use_app();
    view! {
        <p class="banner banner-error" role="alert">{move || app.tr().part_not_downloaded}</p>
        {on_retry.map(|retry| view! {
            <button type="button" class="btn btn-secondary" on:click=move |_| retry.run(())>
                {move || app.tr().retry}
            </button>
        })}
    }
}
