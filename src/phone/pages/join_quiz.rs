//! "Gabung kuis" on home: a button that opens a small form for a live quiz's code. The code
//! is read as core reads it (`live::code`: "482 913" and "482-913" are fine), then the
//! phone goes (a full navigation) to `/gabung/<code>`, the light join page, which the
//! service worker serves from its precache on an installed phone (docs/live-quiz.md).

use crate::state::use_app;
use leptos::prelude::*;
use resapi_core::live::code::JoinCode;

/// The form's state. The phone's entry provides one for the whole visit, so a code being
/// typed on the first screen survives the hand-over to the app (`phone::entry`).
#[derive(Clone, Copy, Default)]
pub struct JoinQuizDraft {
    open: RwSignal<bool>,
    code: RwSignal<String>,
    bad: RwSignal<bool>,
}

#[component]
pub fn JoinQuiz() -> impl IntoView {
    let app = use_app();
    let JoinQuizDraft { open, code, bad } = use_context().unwrap_or_default();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match JoinCode::parse(&code.get_untracked()) {
            Ok(c) => {
                let _ = window().location().assign(&format!("/gabung/{c}"));
            }
            Err(_) => {
                bad.set(true);
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
            }
        }
    };
    view! {
        <button type="button" class="btn btn-secondary" data-testid="join-quiz"
            aria-expanded=move || open.get().to_string() aria-controls="join-quiz-form"
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || app.tr().join_quiz}
        </button>
        <form id="join-quiz-form" class="join-quiz" hidden=move || !open.get() on:submit=submit>
            <div class="field">
                <label for="join-code">{move || app.tr().join_code}</label>
                <input id="join-code" type="text" inputmode="numeric" autocomplete="off" maxlength="9"
                    aria-describedby="join-code-error" node_ref=input
                    aria-invalid=move || bad.get().to_string()
                    prop:value=move || code.get()
                    on:input=move |ev| { code.set(event_target_value(&ev)); bad.set(false); } />
                <p class="field-error" id="join-code-error" role="alert">
                    {move || bad.get().then(|| app.tr().join_code_bad)}
                </p>
            </div>
            <button type="submit" class="btn btn-primary">{move || app.tr().join}</button>
        </form>
    }
}
