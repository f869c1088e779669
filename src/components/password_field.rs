//! A password input with a show/hide toggle (typing on a small screen is error-prone).

use leptos::prelude::*;

#[component]
pub fn PasswordField(
    id: &'static str,
    label: Signal<&'static str>,
    show_label: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<Signal<&'static str>>,
    #[prop(default = "current-password")] autocomplete: &'static str,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete=autocomplete
                aria-describedby=described
                required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <label class="check">
                <input type="checkbox" prop:checked=move || shown.get() on:change=move |ev| shown.set(event_target_checked(&ev)) />
                {show_label}
            </label>
        </div>
    }
}
