//! Competitions between units (*lomba antar unit*, docs/competitions.md), the organiser's
//! side (`/konsol/lomba…`): the list, the form that sets one up, a running one's
//! participation (counts only), the results with every input of the ranking, and the
//! printable certificates. The phones' side is in the phone app.

pub mod detail;
pub mod draft_form;
pub mod form;
pub mod list;
pub mod piagam;
pub mod pool_picker;
pub mod results;
pub mod when;

use crate::console::access::Screen;
use crate::console::i18n::lomba::phase_name;
use crate::console::state::use_console;
use leptos::prelude::*;
use resapi_core::competition::schedule::Phase;
use uuid::Uuid;

pub fn new_href() -> String {
    format!("{}/baru", Screen::Lomba.path())
}

pub fn detail_href(id: Uuid) -> String {
    format!("{}/{id}", Screen::Lomba.path())
}

pub fn edit_href(id: Uuid) -> String {
    format!("{}/{id}/ubah", Screen::Lomba.path())
}

pub fn results_href(id: Uuid) -> String {
    format!("{}/{id}/hasil", Screen::Lomba.path())
}

pub fn piagam_href(id: Uuid) -> String {
    format!("{}/{id}/piagam", Screen::Lomba.path())
}

/// The competition in the address (`:id`); an unreadable one is the nil id, which the
/// server answers with its "not found" (shown like any refusal).
pub fn id_param() -> Uuid {
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|id| Uuid::parse_str(&id).ok())
        .unwrap_or_default()
}

/// Where a competition is in its life, in words (colour only repeats them).
#[component]
pub fn PhaseBadge(phase: Phase) -> impl IntoView {
    let lang = use_console().lang;
    let class = match phase {
        Phase::Upcoming => "badge lomba-phase lomba-upcoming",
        Phase::Open => "badge lomba-phase lomba-open",
        Phase::Grace => "badge lomba-phase lomba-grace",
        Phase::Final => "badge lomba-phase lomba-final",
        Phase::Published => "badge lomba-phase lomba-published",
        Phase::Cancelled => "badge lomba-phase lomba-cancelled",
    };
    let code = serde_json::to_value(phase)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    view! {
        <span class=class data-testid="lomba-phase" data-phase=code>{move || phase_name(lang.get(), phase)}</span>
    }
}
