//! Lists that follow new figures without being rebuilt: each item is keyed (a value's id, a
//! sub-unit's id, a questionnaire), its DOM stays while its key stays (moved when the order
//! changes), and it gets its figures as a memo, so only the cells whose text changed are
//! patched when the period changes.

use leptos::prelude::*;

/// A keyed list of `items`, each drawn once by `item` from a memo of its current figures.
pub fn keyed<R, V>(
    items: impl Fn() -> Vec<R> + Send + Sync + 'static,
    key: fn(&R) -> String,
    item: impl Fn(Memo<R>) -> V + Clone + Send + Sync + 'static,
) -> AnyView
where
    R: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let items = Memo::new(move |_| items());
    let find = move |k: &str| items.with(|all| all.iter().find(|r| key(r) == k).cloned());
    view! {
        <For
            each=move || items.with(|all| all.iter().map(key).collect::<Vec<_>>())
            key=String::clone
            children=move |k| {
                let first = items.with_untracked(|all| all.iter().find(|r| key(r) == k).cloned())?;
                // Keeps its last figures for the moment its key is leaving the list.
                let figures = Memo::new(move |_| find(&k).unwrap_or_else(|| first.clone()));
                // One view type for every list: the console's wasm carries one `<For>`'s code
                // per item type, not one per item view.
                Some(item(figures).into_any())
            }
        />
    }
    .into_any()
}
