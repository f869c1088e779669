//! A form's refusals beside the fields they are about, for the forms whose fields are an
//! enum ([`FormField`]): the form's own checks and the server's codes land in the same
//! place, announced (`role="alert"`), named by the field's `aria-describedby`, and the focus
//! moves to the field.

use super::focus::focus_id;
use crate::api::ApiError;
use leptos::prelude::*;

/// A form's field: the id of its input (and so of its message).
pub trait FormField: Copy + PartialEq + Send + Sync + 'static {
    fn input_id(self) -> &'static str;

    /// The id of the field's message (the input's `aria-describedby`).
    fn error_id(self) -> String {
        format!("{}-error", self.input_id())
    }
}

/// A refusal in words, beside its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> FieldError<F> {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// Shows `error` beside its field and moves the focus there.
pub fn show_beside<F: FormField>(error: FieldError<F>, shown: RwSignal<Option<FieldError<F>>>) {
    focus_id(error.field.input_id());
    shown.set(Some(error));
}

/// A server's refusal: beside the field its code is about (`field_of_code`), else as the
/// form's general problem.
pub fn place_refusal<F: FormField>(
    error: ApiError,
    field_of_code: fn(&str) -> Option<F>,
    shown: RwSignal<Option<FieldError<F>>>,
    problem: RwSignal<Option<ApiError>>,
) {
    match (&error, field_of_code(error.code())) {
        (ApiError::Server { message, .. }, Some(field)) => {
            show_beside(FieldError::new(field, message.clone()), shown)
        }
        _ => problem.set(Some(error)),
    }
}

/// The id of `field`'s message while the last refusal is about it (for `aria-describedby`).
pub fn described_by<F: FormField>(
    field: F,
    shown: RwSignal<Option<FieldError<F>>>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        shown
            .with(|e| e.as_ref().is_some_and(|e| e.field == field))
            .then(|| field.error_id())
    })
}

/// The refusal about `field`, if the last one was.
#[component]
pub fn FieldMessage<F: FormField>(
    field: F,
    error: RwSignal<Option<FieldError<F>>>,
    testid: &'static str,
) -> impl IntoView {
    let id = field.error_id();
    move || {
        error.with(|e| {
            e.as_ref().filter(|e| e.field == field).map(|e| {
                view! {
                    <p class="field-error" id=id.clone() role="alert" data-testid=testid data-field=id.clone()>
                        {e.message.clone()}
                    </p>
                }
            })
        })
    }
}
