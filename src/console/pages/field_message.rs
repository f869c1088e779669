//! A form's refusal beside the field it is about: announced (`role="alert"`), and named by
//! the field's `aria-describedby` through its `id`.

use leptos::prelude::*;

#[component]
pub fn FieldMessage(
    /// The refusal's words while the last one is about this field.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// The message's id, in the field's `aria-describedby`.
    #[prop(into)]
    id: String,
    testid: &'static str,
) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <p class="field-error" id=id.clone() role="alert" data-testid=testid data-field=id.clone()>
                    {m}
                </p>
            }
        })
    }
}
