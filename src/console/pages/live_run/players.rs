//! The presenter's list of players: name, unit, points, whether they answered the open
//! question, and "Keluarkan" (kick) after a confirmation. In a hall of thousands the list
//! shows the first 200 that match the search box.

use super::controls::may_kick;
use super::parts::Parts;
use crate::console::i18n::live_run::{kick_question, live_tr, players_shown};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::live::game::{HostCommand, PlayerId};
use resapi_core::live::view::{HostView, PlayerRow};

const SHOWN: usize = 200;

#[component]
pub fn Players(
    host: RwSignal<Option<HostView>>,
    parts: Parts,
    lang: RwSignal<Lang>,
    send: Callback<HostCommand>,
) -> impl IntoView {
    let t = move || live_tr(lang.get());
    let filter = RwSignal::new(String::new());
    let confirm = RwSignal::new(None::<(PlayerId, String)>);
    let matching = Memo::new(move |_| {
        let needle = filter.get().trim().to_lowercase();
        host.with(|h| {
            let all = h.as_ref().map(|h| h.players.as_slice()).unwrap_or_default();
            let found: Vec<PlayerRow> = all
                .iter()
                .filter(|p| needle.is_empty() || p.name.to_lowercase().contains(&needle))
                .take(SHOWN)
                .cloned()
                .collect();
            (found, all.len())
        })
    });
    let kick_allowed = move || parts.phase.get().is_some_and(may_kick);
    let row = move |p: PlayerRow| {
        let name = p.name.clone();
        view! {
            <tr data-player=p.player.0>
                <th scope="row">{p.name.clone()}{p.guest.then(|| view! { <span class="muted">{move || format!(" ({})", t().guest)}</span> })}</th>
                <td>{p.unit_name.clone()}</td>
                <td class="num">{p.total}</td>
                <td class="num">{p.answered_current.then_some("✓")}</td>
                <td>
                    <button type="button" class="btn btn-small btn-secondary" disabled=move || !kick_allowed()
                        on:click=move |_| confirm.set(Some((p.player, name.clone())))>
                        {move || t().kick}
                        <span class="visually-hidden">" "{p.name.clone()}</span>
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="live-players" aria-labelledby="live-players">
            <h2 id="live-players">{move || t().players_title}" ("{move || matching.with(|m| m.1)}")"</h2>
            <Show when=move || confirm.with(Option::is_some)>
                <div class="live-confirm" role="alertdialog" aria-labelledby="kick-question">
                    <p id="kick-question">{move || confirm.with(|c| c.as_ref().map(|(_, n)| kick_question(lang.get(), n)))}</p>
                    <button type="button" class="btn live-end" on:click=move |_| {
                        if let Some((player, _)) = confirm.get_untracked() {
                            send.run(HostCommand::Kick { player });
                        }
                        confirm.set(None);
                    }>{move || t().kick_yes}</button>
                    <button type="button" class="btn btn-secondary" on:click=move |_| confirm.set(None)>{move || t().cancel}</button>
                </div>
            </Show>
            <label class="live-filter">
                <span>{move || t().players_filter}</span>
                <input type="search" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            </label>
            <Show when=move || matching.with(|m| m.0.len() < m.1 && filter.with(String::is_empty))>
                <p class="hint">{move || matching.with(|m| players_shown(lang.get(), m.0.len(), m.1))}</p>
            </Show>
            <Show when=move || matching.with(|m| m.1 > 0) fallback=move || view! { <p class="hint">{move || t().no_players_yet}</p> }>
                <table class="live-player-table" data-testid="live-players">
                    <thead><tr>
                        <th scope="col">{move || t().player_name}</th>
                        <th scope="col">{move || t().player_unit}</th>
                        <th scope="col" class="num">{move || t().player_points}</th>
                        <th scope="col" class="num">{move || t().player_answered}</th>
                        <th scope="col"><span class="visually-hidden">{move || t().kick}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || matching.get().0 key=|p| (p.player.0, p.total, p.answered_current, p.guest, p.name.clone(), p.unit_name.clone()) children=row />
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
