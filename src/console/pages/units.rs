//! The unit tree in the caller's scope, as nested lists (a screen reader announces each
//! level), with one form at a time under a unit: add a sub-unit, rename, move (to a new
//! parent; the server refuses a cycle and says so), retire (refused while the unit has
//! members or active sub-units: the server's message and the member count are shown).

use crate::api::ApiError;
use crate::console::api;
use crate::console::i18n::{self, unit_members};
use crate::console::problem::{Loading, Problem};
use crate::console::state::{Console, use_console};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::admin::{AdminUnit, UnitChange};
use resapi_core::api::Role;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Add,
    Rename,
    Move,
    Retire,
}

#[component]
pub fn UnitsPage() -> impl IntoView {
    let console = use_console();
    let units = RwSignal::new(None::<Vec<AdminUnit>>);
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let open = RwSignal::new(None::<(String, Action)>);
    let notice = RwSignal::new(None::<String>);
    let notice_ref = NodeRef::<html::P>::new();
    let load = Callback::new(move |_: ()| {
        let Some(token) = console.token() else { return };
        loading.set(true);
        spawn_local(async move {
            match api::units(&token).await {
                Ok(list) => {
                    units.set(Some(list));
                    error.set(None);
                }
                Err(e) => {
                    console.failed(&e);
                    error.set(Some(e));
                }
            }
            loading.set(false);
        });
    });
    load.run(());
    // A change done: say so where focus goes (the tree is drawn again), and reload.
    let done = Callback::new(move |message: String| {
        open.set(None);
        notice.set(Some(message));
        load.run(());
        if let Some(p) = notice_ref.get_untracked() {
            let _ = p.focus();
        }
    });
    let ctx = TreeCtx {
        console,
        open,
        done,
        units,
    };
    view! {
        <div class="page console-page">
            <h1>{move || console.tr().units_title}</h1>
            <p>{move || console.tr().units_intro}</p>
            <p class="console-notice" role="status" tabindex="-1" node_ref=notice_ref data-testid="units-notice">
                {move || notice.get()}
            </p>
            <Loading when=loading />
            <Problem error=error retry=load />
            {move || units.get().map(|list| tree(ctx, &list))}
        </div>
    }
}

/// What every node of the tree shares.
#[derive(Clone, Copy)]
struct TreeCtx {
    console: Console,
    open: RwSignal<Option<(String, Action)>>,
    done: Callback<String>,
    units: RwSignal<Option<Vec<AdminUnit>>>,
}

fn tree(ctx: TreeCtx, list: &[AdminUnit]) -> AnyView {
    let t = ctx.console.tr();
    if list.is_empty() {
        return view! { <p>{t.units_none}</p> }.into_any();
    }
    let ids: HashSet<&str> = list.iter().map(|u| u.id.as_str()).collect();
    // The tops of the scope: units whose parent is outside it (or none).
    let roots: Vec<AdminUnit> = list
        .iter()
        .filter(|u| u.parent_id.as_deref().is_none_or(|p| !ids.contains(p)))
        .cloned()
        .collect();
    view! {
        <ul class="unit-tree" aria-label=t.units_tree_label data-testid="unit-tree">
            {roots.into_iter().map(|u| node(ctx, u, list)).collect_view()}
        </ul>
    }
    .into_any()
}

fn node(ctx: TreeCtx, unit: AdminUnit, list: &[AdminUnit]) -> AnyView {
    let children: Vec<AdminUnit> = list
        .iter()
        .filter(|u| u.parent_id.as_deref() == Some(unit.id.as_str()))
        .cloned()
        .collect();
    let console = ctx.console;
    let lang = console.lang.get_untracked();
    let t = i18n::tr(lang);
    let open = ctx.open;
    let id = unit.id.clone();
    let button = move |action: Action, label: &'static str, name: String| {
        let id = id.clone();
        let expanded = {
            let id = id.clone();
            move || open.with(|o| o.as_ref() == Some(&(id.clone(), action)))
        };
        view! {
            <button type="button" class="btn btn-secondary btn-small"
                aria-expanded=move || expanded().to_string()
                on:click=move |_| {
                    let now = (id.clone(), action);
                    open.update(|o| *o = if o.as_ref() == Some(&now) { None } else { Some(now) });
                }>
                {label}<span class="visually-hidden">": " {name}</span>
            </button>
        }
    };
    let actions = unit.active.then(|| {
        view! {
            <div class="unit-actions">
                {button(Action::Add, t.unit_add, unit.name.clone())}
                {button(Action::Rename, t.unit_rename, unit.name.clone())}
                {button(Action::Move, t.unit_move, unit.name.clone())}
                {button(Action::Retire, t.unit_retire, unit.name.clone())}
            </div>
        }
    });
    let form_unit = unit.clone();
    let form = move || {
        let action = open.with(|o| {
            o.as_ref()
                .filter(|(id, _)| *id == form_unit.id)
                .map(|(_, a)| *a)
        })?;
        let all = ctx.units.get_untracked().unwrap_or_default();
        let cancel = Callback::new(move |_: ()| open.set(None));
        Some(
            view! { <UnitForm unit=form_unit.clone() action=action all=all done=ctx.done cancel=cancel /> },
        )
    };
    let sub = (!children.is_empty()).then(|| {
        view! {
            <ul>
                {children.into_iter().map(|c| node(ctx, c, list)).collect_view()}
            </ul>
        }
    });
    view! {
        <li data-testid="unit-node" data-unit=unit.id.clone()>
            <div class="unit-row" class:unit-retired=!unit.active>
                <span class="unit-name">{unit.name.clone()}</span>
                <span class="unit-meta">
                    {unit.id.clone()} " · " {unit_members(lang, unit.members)}
                    {(!unit.active).then(|| view! { " · " <strong>{t.unit_retired}</strong> })}
                </span>
                {actions}
            </div>
            {form}
            {sub}
        </li>
    }
    .into_any()
}

/// The open form under a unit: its fields, "Simpan" (or "Ya, nonaktifkan") and "Batal".
#[component]
fn UnitForm(
    unit: AdminUnit,
    action: Action,
    all: Vec<AdminUnit>,
    done: Callback<String>,
    cancel: Callback<()>,
) -> impl IntoView {
    let console = use_console();
    let lang = console.lang.get_untracked();
    let t = i18n::tr(lang);
    let is_admin = console.roles().contains(&Role::Admin);
    let value = RwSignal::new(match action {
        Action::Rename => unit.name.clone(),
        Action::Move => unit.parent_id.clone().unwrap_or_default(),
        Action::Add | Action::Retire => String::new(),
    });
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let input = NodeRef::<html::Input>::new();
    let select = NodeRef::<html::Select>::new();
    let confirm = NodeRef::<html::Button>::new();
    // Focus goes into the form that was opened.
    Effect::new(move || {
        if let Some(el) = input.get() {
            let _ = el.focus();
        } else if let Some(el) = select.get() {
            let _ = el.focus();
        } else if let Some(el) = confirm.get() {
            let _ = el.focus();
        }
    });
    let field_id = format!("unit-{}-{}", unit.id, action as u8);
    let members = unit.members;
    let id = unit.id.clone();
    let name = unit.name.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(token) = console.token() else { return };
        let (id, name, text) = (id.clone(), name.clone(), value.get_untracked());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = match action {
                Action::Add => api::create_unit(&token, text.trim(), Some(&id))
                    .await
                    .map(|u| i18n::unit_added(lang, &u.name, &name)),
                Action::Rename => {
                    let change = UnitChange {
                        name: Some(text.trim().to_owned()),
                        parent_id: None,
                    };
                    api::change_unit(&token, &id, &change)
                        .await
                        .map(|u| i18n::unit_renamed(lang, &name, &u.name))
                }
                Action::Move => {
                    let parent = Some(text.trim().to_owned()).filter(|p| !p.is_empty());
                    let change = UnitChange {
                        name: None,
                        parent_id: Some(parent),
                    };
                    api::change_unit(&token, &id, &change)
                        .await
                        .map(|_| i18n::unit_moved(lang, &name))
                }
                Action::Retire => api::retire_unit(&token, &id)
                    .await
                    .map(|_| i18n::unit_retired_done(lang, &name)),
            };
            busy.set(false);
            match answer {
                Ok(message) => done.run(message),
                Err(e) => {
                    console.failed(&e);
                    error.set(Some(e));
                }
            }
        });
    };
    let fields = match action {
        Action::Add | Action::Rename => {
            let label = if action == Action::Add {
                t.unit_new_name
            } else {
                t.unit_name
            };
            view! {
                <div class="field">
                    <label for=field_id.clone()>{label}</label>
                    <input id=field_id.clone() type="text" node_ref=input required maxlength="120"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                </div>
            }
            .into_any()
        }
        Action::Move => {
            // Every active unit but itself: the server refuses one under it (a cycle) and
            // says so. Only an admin may move a unit to the top.
            let options = all
                .into_iter()
                .filter(|u| u.active && u.id != unit.id)
                .map(|u| {
                    let selected = unit.parent_id.as_deref() == Some(u.id.as_str());
                    view! { <option value=u.id.clone() selected=selected>{u.name.clone()} " (" {u.id.clone()} ")"</option> }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for=field_id.clone()>{t.unit_new_parent}</label>
                    <select id=field_id.clone() node_ref=select on:change=move |ev| value.set(event_target_value(&ev))>
                        {is_admin.then(|| view! { <option value="" selected=unit.parent_id.is_none()>{t.unit_top}</option> })}
                        {options}
                    </select>
                </div>
            }
            .into_any()
        }
        Action::Retire => view! {
            <p>{i18n::unit_retire_question(lang, &unit.name, members)}</p>
        }
        .into_any(),
    };
    let submit_label = if action == Action::Retire {
        t.unit_retire_confirm
    } else {
        t.save
    };
    let form_label = format!(
        "{}: {}",
        match action {
            Action::Add => t.unit_add,
            Action::Rename => t.unit_rename,
            Action::Move => t.unit_move,
            Action::Retire => t.unit_retire,
        },
        unit.name
    );
    view! {
        <form class="unit-form card" aria-label=form_label on:submit=on_submit novalidate data-testid="unit-form">
            {fields}
            <Problem error=error />
            {move || (action == Action::Retire && error.with(|e| e.as_ref().is_some_and(|e| e.code() == "unit_has_members")))
                .then(|| view! { <p class="problem-next" data-testid="unit-member-count">{i18n::unit_members_to_move(lang, members)}</p> })}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary btn-small" node_ref=confirm disabled=move || busy.get()>
                    {move || if busy.get() { t.busy } else { submit_label }}
                </button>
                <button type="button" class="btn btn-ghost btn-small" on:click=move |_| cancel.run(())>
                    {t.cancel}
                </button>
            </div>
        </form>
    }
}
