//! An action that cannot be undone, asked twice: the button, then a question with "Ya, …"
//! and "Batal" (the second click is the one that acts).

use crate::console::state::use_console;
use leptos::prelude::*;

#[component]
pub fn ConfirmAction(
    /// The first button's words (and the question's, "Ya, …").
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] yes: Signal<String>,
    /// The `data-testid` prefix: `{testid}`, `{testid}-confirm`, `{testid}-yes`.
    testid: &'static str,
    /// While the action runs (the "Ya" button is disabled).
    #[prop(into)]
    busy: Signal<bool>,
    /// Open after "Ya" until the action closes it (set false on success).
    asking: RwSignal<bool>,
    on_yes: Callback<()>,
    /// Read after the first button's words by screen readers only (whose row it acts on).
    #[prop(optional, into)]
    detail: Option<String>,
    /// Classes of the first button.
    #[prop(default = "btn btn-ghost btn-small")]
    class: &'static str,
) -> impl IntoView {
    let console = use_console();
    view! {
        <Show when=move || !asking.get()>
            <button type="button" class=class data-testid=testid on:click=move |_| asking.set(true)>
                {move || label.get()}
                {detail.clone().map(|d| view! { <span class="visually-hidden">": " {d}</span> })}
            </button>
        </Show>
        <Show when=move || asking.get()>
            <div class="live-confirm" role="group" data-testid=format!("{testid}-confirm")>
                <p>{move || question.get()}</p>
                <button type="button" class="btn btn-primary btn-small" data-testid=format!("{testid}-yes")
                    disabled=move || busy.get() on:click=move |_| on_yes.run(())>
                    {move || yes.get()}
                </button>
                <button type="button" class="btn btn-ghost btn-small" on:click=move |_| asking.set(false)>
                    {move || console.tr().cancel}
                </button>
            </div>
        </Show>
    }
}
