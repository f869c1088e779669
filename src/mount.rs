//! Starting an entry: its root replaces the HTML skeleton the page painted while loading.

use leptos::prelude::*;

pub fn mount<F, N>(root: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    console_error_panic_hook::set_once();
    remove_skeleton();
    leptos::mount::mount_to_body(root);
}

/// Removes the skeleton, once something can take its place.
pub fn remove_skeleton() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("skeleton"))
    {
        el.remove();
    }
}
