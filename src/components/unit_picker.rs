//! A searchable work-unit picker: type part of a name, choose from the matching units.
//! Radio buttons keep it usable with a keyboard and a screen reader.

use leptos::prelude::*;
use resapi_core::content::Unit;

/// At most this many matches are listed; typing narrows them down.
const MAX_SHOWN: usize = 40;

/// "Biro SDM — Sekretariat Utama": a unit with its parent, so same-named units differ.
fn label_of(unit: &Unit, all: &[Unit]) -> String {
    match unit
        .parent_id
        .as_ref()
        .and_then(|p| all.iter().find(|u| &u.id == p))
    {
        Some(parent) => format!("{} — {}", unit.name, parent.name),
        None => unit.name.clone(),
    }
}

/// Common abbreviations of Indonesian unit names, so "kanreg yogya" finds
/// "Kantor Regional I BKN Yogyakarta".
const ABBREVIATIONS: [(&str, &str); 9] = [
    ("sumber daya manusia", "sdm"),
    ("kantor regional", "kanreg"),
    ("sekretariat utama", "settama"),
    ("sekretariat daerah", "setda"),
    ("badan kepegawaian", "bkn bkd"),
    ("pusat", "pus"),
    ("direktorat", "dit"),
    ("inspektorat", "itama"),
    ("kedeputian", "deputi"),
];

fn matches(label: &str, query: &str) -> bool {
    let mut label = label.to_lowercase();
    for (long, short) in ABBREVIATIONS {
        if label.contains(long) {
            label.push(' ');
            label.push_str(short);
        }
    }
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| label.contains(word))
}

#[component]
pub fn UnitPicker(
    units: Signal<Vec<Unit>>,
    selected: RwSignal<String>,
    label: Signal<&'static str>,
    search_label: Signal<&'static str>,
    none_label: Signal<&'static str>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let shown = move || {
        let all = units.get();
        let q = query.get();
        all.iter()
            .map(|u| (u.id.clone(), label_of(u, &all)))
            .filter(|(id, label)| matches(label, &q) || *id == selected.get())
            .take(MAX_SHOWN)
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="field unit-picker">
            <legend>{label}</legend>
            <label for="unit-search" class="visually-hidden">{search_label}</label>
            <input
                id="unit-search"
                type="search"
                autocomplete="off"
                placeholder=search_label
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <div class="unit-list" role="radiogroup">
                <For each=shown key=|(id, _)| id.clone() let((id, text))>
                    {
                        let id_for_check = id.clone();
                        let id_for_set = id.clone();
                        view! {
                            <label class="unit-option">
                                <input
                                    type="radio"
                                    name="unit"
                                    value=id.clone()
                                    prop:checked=move || selected.get() == id_for_check
                                    on:change=move |_| selected.set(id_for_set.clone())
                                />
                                <span>{text}</span>
                            </label>
                        }
                    }
                </For>
                <Show when=move || shown().is_empty()>
                    <p class="hint">{none_label}</p>
                </Show>
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn finds_units_by_words_in_any_order_and_by_abbreviation() {
        let label = "Kantor Regional I BKN Yogyakarta — Badan Kepegawaian Negara";
        assert!(matches(label, "kanreg yogya"));
        assert!(matches(label, "YOGYAKARTA regional"));
        assert!(matches(label, ""));
        assert!(!matches(label, "kanreg medan"));
        assert!(matches(
            "Biro Sumber Daya Manusia — Sekretariat Utama",
            "biro sdm"
        ));
    }
}
