//! What a link to nothing shows (an old bookmark, a result from another account, content
//! that a new version no longer has): a heading, why, and the way home.

use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{move || app.tr().not_found}</h1>
        <p>{move || app.tr().not_found_hint}</p>
        <A href="/" attr:class="btn btn-primary">{move || app.tr().back_home}</A>
    }
}
