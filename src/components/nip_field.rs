//! The NIP input: a numeric keypad on phones, spaces accepted as printed on the card.

use leptos::prelude::*;

#[component]
pub fn NipField(
    label: Signal<&'static str>,
    hint: Signal<&'static str>,
    value: RwSignal<String>,
    /// The message to show under the field, if it is wrong.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="nip">{label}</label>
            <input
                id="nip"
                name="nip"
                type="text"
                inputmode="numeric"
                autocomplete="username"
                aria-describedby="nip-hint nip-error"
                aria-invalid=move || error.with(Option::is_some).to_string()
                required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p class="hint" id="nip-hint">{hint}</p>
            <p class="field-error" id="nip-error">{move || error.get()}</p>
        </div>
    }
}
