//! Tables sortable by a column: a header button per sortable column, `aria-sort` on the
//! column, and hidden or missing numbers after the known ones whichever the direction.

use leptos::prelude::*;
use std::cmp::Ordering;

/// Known numbers in the asked order; hidden or missing ones after them either way.
pub fn by_number(a: Option<f64>, b: Option<f64>, ascending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if ascending => a.total_cmp(&b),
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A column header that sorts by `key`: pressed again it turns the direction round; a new
/// column starts ascending when `ascending_first(key)` (names), else descending (numbers).
pub fn sort_header<K>(
    sort: RwSignal<(K, bool)>,
    key: K,
    label: &'static str,
    sort_by: &'static str,
    ascending_first: fn(K) -> bool,
) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    let aria = move || match sort.get() {
        (k, true) if k == key => "ascending",
        (k, false) if k == key => "descending",
        _ => "none",
    };
    let on_click = move |_| {
        sort.update(|(k, asc)| {
            if *k == key {
                *asc = !*asc;
            } else {
                *k = key;
                *asc = ascending_first(key);
            }
        });
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort-button" on:click=on_click>
                {label}
                <span class="visually-hidden">" — "{sort_by}</span>
                <span aria-hidden="true" class="sort-mark">{move || match aria() {
                    "ascending" => "▲",
                    "descending" => "▼",
                    _ => "↕",
                }}</span>
            </button>
        </th>
    }
}
