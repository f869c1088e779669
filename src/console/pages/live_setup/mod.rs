//! The trainer's side of Kuis Apel before and after a game (`/konsol/kuis…`): the list of
//! saved quiz sets and past games, the form that makes a game or a quiz set, and a game's
//! results. The presenter and projector screens of a running game are elsewhere; these
//! screens link to them.

pub mod bank;
pub mod form;
pub mod list;
pub mod picker;
pub mod results;
pub mod settings_form;
pub mod wib;

use crate::console::access::Screen;
use crate::console::i18n::live_setup::{chosen_questions, live_tr};
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use resapi_core::live::config::Source;

/// The form for a new game or quiz set.
pub fn new_href() -> String {
    format!("{}/baru", Screen::Live.path())
}

/// The form that changes a saved quiz set.
pub fn edit_href(set_id: &str) -> String {
    format!("{}/set/{set_id}", Screen::Live.path())
}

/// A running game's presenter screen.
pub fn presenter_href(game_id: &str) -> String {
    format!("{}/{game_id}", Screen::Live.path())
}

/// A game's results.
pub fn results_href(game_id: &str) -> String {
    format!("{}/{game_id}/hasil", Screen::Live.path())
}

/// Where a game's questions come from, in words: the value's name, the indicator's text,
/// or how many questions were chosen (ids when the content is not at hand).
pub fn source_label(source: &Source, content: Option<&ContentBundle>, lang: Lang) -> String {
    let t = live_tr(lang);
    match source {
        Source::Value { value_id } => {
            let name = content
                .and_then(|c| c.value(value_id))
                .map_or(value_id.as_str(), |v| v.name.get(lang));
            format!("{}: {name}", t.source_value)
        }
        Source::Indicator { indicator_id } => {
            let text = content
                .and_then(|c| {
                    c.values
                        .iter()
                        .flat_map(|v| &v.indicators)
                        .find(|i| &i.id == indicator_id)
                })
                .map_or(indicator_id.as_str(), |i| i.text.get(lang));
            format!("{}: {text}", t.source_indicator)
        }
        Source::Questions { question_ids } => chosen_questions(lang, question_ids.len()),
    }
}
