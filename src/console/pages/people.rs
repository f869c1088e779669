//! People in the caller's scope: search by NIP or name (on "Cari"), a page at a time; for
//! one person, move them to another unit of the scope and grant or revoke the roles the
//! caller may give (a unit admin never sees "admin": the server would refuse it).

use crate::api::ApiError;
use crate::console::access::grantable_roles;
use crate::console::api;
use crate::console::i18n::{self, role_name};
use crate::console::problem::{Loading, Problem};
use crate::console::state::{Console, use_console};
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::admin::AdminUnit;
use resapi_core::api::{Account, Role};
use uuid::Uuid;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let console = use_console();
    let query = RwSignal::new(String::new());
    let searched = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    // Each person in their own signal: a change to one redraws only their card (focus stays).
    let people = RwSignal::new(Vec::<RwSignal<Account>>::new());
    let total = RwSignal::new(None::<(i64, u32)>);
    let units = RwSignal::new(Vec::<AdminUnit>::new());
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let selected = RwSignal::new(None::<Uuid>);
    let search = Callback::new(move |_: ()| {
        let Some(token) = console.token() else { return };
        let (q, p) = (searched.get_untracked(), page.get_untracked());
        let need_units = units.with_untracked(Vec::is_empty);
        loading.set(true);
        spawn_local(async move {
            let found = api::people(&token, &q, p).await;
            let scope = if need_units {
                api::units(&token).await.map(Some)
            } else {
                Ok(None)
            };
            loading.set(false);
            match (found, scope) {
                (Ok(found), Ok(scope)) => {
                    if let Some(scope) = scope {
                        units.set(scope);
                    }
                    error.set(None);
                    selected.set(None);
                    total.set(Some((found.total, found.per_page)));
                    people.set(found.people.into_iter().map(RwSignal::new).collect());
                }
                (Err(e), _) | (_, Err(e)) => {
                    console.failed(&e);
                    error.set(Some(e));
                }
            }
        });
    });
    search.run(());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        searched.set(query.get_untracked());
        page.set(1);
        search.run(());
    };
    let go = move |delta: i64| {
        let next = (i64::from(page.get_untracked()) + delta).max(1) as u32;
        page.set(next);
        search.run(());
    };
    let pages = move || {
        total
            .get()
            .map(|(n, per)| ((n.max(1) + i64::from(per) - 1) / i64::from(per)) as u32)
            .unwrap_or(1)
    };
    view! {
        <div class="page console-page">
            <h1>{move || console.tr().people_title}</h1>
            <p>{move || console.tr().people_intro}</p>
            <form class="people-search" role="search" on:submit=on_submit>
                <div class="field">
                    <label for="people-q">{move || console.tr().people_search_label}</label>
                    <div class="inline-field">
                        <input id="people-q" type="search" autocomplete="off"
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev)) />
                        <button type="submit" class="btn btn-primary btn-small">{move || console.tr().search}</button>
                    </div>
                </div>
            </form>
            <Loading when=loading />
            <Problem error=error retry=search />
            <p role="status" data-testid="people-count">
                {move || total.get().map(|(n, _)| i18n::people_found(console.lang.get(), n, &searched.get()))}
            </p>
            <ul class="card-list people-list" data-testid="people-list">
                <For each=move || people.get() key=|p| p.get_untracked().id let:person>
                    <PersonCard person=person units=units selected=selected />
                </For>
            </ul>
            <Show when=move || { pages() > 1 }>
                <nav class="pager" aria-label=move || console.tr().pager_label>
                    <button type="button" class="btn btn-secondary btn-small" disabled=move || page.get() <= 1 || loading.get() on:click=move |_| go(-1)>
                        {move || console.tr().previous}
                    </button>
                    <span data-testid="people-page">{move || i18n::page_of(console.lang.get(), page.get(), pages())}</span>
                    <button type="button" class="btn btn-secondary btn-small" disabled=move || page.get() >= pages() || loading.get() on:click=move |_| go(1)>
                        {move || console.tr().next}
                    </button>
                </nav>
            </Show>
        </div>
    }
}

/// A person: name, NIP, unit, roles; "Kelola" opens their unit and roles.
#[component]
fn PersonCard(
    person: RwSignal<Account>,
    units: RwSignal<Vec<AdminUnit>>,
    selected: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let console = use_console();
    let id = person.get_untracked().id;
    let is_open = move || selected.get() == Some(id);
    let unit_name = move || {
        let unit_id = person.with(|p| p.unit_id.clone());
        units.with(|us| {
            us.iter()
                .find(|u| u.id == unit_id)
                .map(|u| u.name.clone())
                .unwrap_or(unit_id)
        })
    };
    let roles = move || {
        let lang = console.lang.get();
        person.with(|p| {
            p.roles
                .iter()
                .map(|r| role_name(lang, *r))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <li class="card person" data-testid="person" data-nip=move || person.with(|p| p.nip.clone())>
            <h2 class="person-name">{move || person.with(|p| p.name.clone())}</h2>
            <p class="person-meta">
                <span>"NIP " {move || person.with(|p| p.nip.clone())}</span>
                <span data-testid="person-unit">{unit_name}</span>
                <span data-testid="person-roles">{roles}</span>
            </p>
            <button type="button" class="btn btn-secondary btn-small"
                aria-expanded=move || is_open().to_string()
                on:click=move |_| selected.update(|s| *s = if *s == Some(id) { None } else { Some(id) })>
                {move || console.tr().manage}
                <span class="visually-hidden">": " {move || person.with(|p| p.name.clone())}</span>
            </button>
            <Show when=is_open>
                <ManagePerson person=person units=units />
            </Show>
        </li>
    }
}

/// One person's unit and roles.
#[component]
fn ManagePerson(person: RwSignal<Account>, units: RwSignal<Vec<AdminUnit>>) -> impl IntoView {
    let console = use_console();
    let Account { id, .. } = person.get_untracked();
    let unit = RwSignal::new(person.get_untracked().unit_id);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let unit_field = format!("unit-of-{id}");
    let save_unit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = unit.get_untracked();
        run(console, busy, error, move |token: String| async move {
            let account = api::set_person_unit(&token, &id.to_string(), &target).await?;
            let lang = console.lang.get_untracked();
            let name = units.with_untracked(|us| {
                us.iter()
                    .find(|u| u.id == account.unit_id)
                    .map_or(account.unit_id.clone(), |u| u.name.clone())
            });
            notice.set(Some(i18n::person_moved(lang, &account.name, &name)));
            person.set(account);
            Ok(())
        });
    };
    let role_button = move |role: Role| {
        let has = move || person.with(|p| p.roles.contains(&role));
        let on_click = move |_| {
            let grant = !has();
            run(console, busy, error, move |token: String| async move {
                let now = api::set_role(&token, &id.to_string(), role, grant).await?;
                let lang = console.lang.get_untracked();
                let name = person.with_untracked(|p| p.name.clone());
                notice.set(Some(i18n::role_changed(lang, &name, role, grant)));
                person.update(|p| p.roles = now.roles);
                Ok(())
            });
        };
        view! {
            <li class="role-row">
                <span>{move || role_name(console.lang.get(), role)} ": "
                    <strong>{move || if has() { console.tr().yes } else { console.tr().no }}</strong></span>
                <button type="button" class="btn btn-secondary btn-small" disabled=move || busy.get() on:click=on_click
                    data-testid=format!("role-{}", role.as_str())>
                    {move || i18n::role_action(console.lang.get(), role, !has())}
                </button>
            </li>
        }
    };
    view! {
        <div class="manage-person">
            <form on:submit=save_unit>
                <div class="field">
                    <label for=unit_field.clone()>{move || console.tr().person_unit}</label>
                    <div class="inline-field">
                        <select id=unit_field.clone() on:change=move |ev| unit.set(event_target_value(&ev))>
                            {move || units.get().into_iter().filter(|u| u.active).map(|u| {
                                let chosen = unit.get_untracked() == u.id;
                                view! { <option value=u.id.clone() selected=chosen>{u.name.clone()} " (" {u.id.clone()} ")"</option> }
                            }).collect_view()}
                        </select>
                        <button type="submit" class="btn btn-primary btn-small" disabled=move || busy.get()>
                            {move || console.tr().person_move}
                        </button>
                    </div>
                </div>
            </form>
            <fieldset class="field">
                <legend>{move || console.tr().person_roles}</legend>
                <ul class="role-list">
                    {move || grantable_roles(&console.roles()).into_iter().map(role_button).collect_view()}
                </ul>
            </fieldset>
            <Problem error=error />
            <p role="status" class="console-notice" data-testid="person-notice">{move || notice.get()}</p>
        </div>
    }
}

/// Runs one change for the signed-in person: busy while it runs, the server's refusal
/// shown (and a dead sign-in ended).
fn run<F>(
    console: Console,
    busy: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    change: impl FnOnce(String) -> F + 'static,
) where
    F: std::future::Future<Output = Result<(), ApiError>> + 'static,
{
    if busy.get_untracked() {
        return;
    }
    let Some(token) = console.token() else { return };
    busy.set(true);
    error.set(None);
    spawn_local(async move {
        if let Err(e) = change(token).await {
            console.failed(&e);
            error.set(Some(e));
        }
        busy.set(false);
    });
}
