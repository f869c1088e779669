//! `/konsol/inspiratif`: *ASN Inspiratif*. A leader names one person of a unit for a month
//! (after a competition, or monthly) with a short citation of the value they lived; the
//! list shows each recognition with the person's decision (it appears on the unit's phones
//! only once they agreed) and "Tarik" to withdraw it.

pub mod request;

use crate::api::ApiError;
use crate::console::api as console_api;
use crate::console::i18n::lomba::{self as i18n, lomba_tr};
use crate::console::lomba_api;
use crate::console::pages::confirm::ConfirmAction;
use crate::console::pages::dashboard::names::Names;
use crate::console::pages::data_table::DataTable;
use crate::console::pages::field_message::{
    FieldMessage, described_by, place_refusal, show_beside,
};
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::pages::lomba::when::{month_name, now, this_month};
use crate::console::pages::unit_choice::{starting_unit, unit_options};
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use request::{Field, FieldError, NamingForm, citation_chars, citation_too_long, field_of_code};
use resapi_core::admin::AdminUnit;
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::Competition;
use resapi_core::recognition::{Consent, MAX_CITATION_CHARS, MIN_CITATION_CHARS, Recognition};

#[component]
pub fn RecognitionPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let (token, own_unit) = console.token_and_unit();
    let form = RwSignal::new(NamingForm {
        unit_id: own_unit,
        period: this_month(now()),
        ..NamingForm::default()
    });
    let units = RwSignal::new(Vec::<AdminUnit>::new());
    let competitions = RwSignal::new(Vec::<Competition>::new());
    let names = Names::load();
    {
        let token = token.clone();
        spawn_local(async move {
            if let Ok(list) = console_api::units(&token).await {
                let own = form.with_untracked(|f| f.unit_id.clone());
                let start = starting_unit(&list, &own).unwrap_or_default();
                form.update(|f| f.unit_id = start);
                units.try_set(list);
            }
            // Only finished competitions are something to follow.
            if let Ok(list) = lomba_api::competitions(&token).await {
                competitions.try_set(
                    list.into_iter()
                        .filter(|c| matches!(c.phase, Phase::Final | Phase::Published))
                        .collect(),
                );
            }
        });
    }
    let search = RwSignal::new(String::new());
    let people = {
        let token = token.clone();
        LatestAnswer::follow(move || {
            let unit = form.with(|f| f.unit_id.clone());
            let (query, token) = (search.get(), token.clone());
            async move {
                if unit.is_empty() {
                    return Ok(resapi_core::admin::PeoplePage {
                        people: vec![],
                        total: 0,
                        page: 1,
                        per_page: 200,
                    });
                }
                lomba_api::unit_people(&token, &unit, &query).await
            }
        })
    };
    let reload = RwSignal::new(0u32);
    let list = LatestAnswer::follow(move || {
        reload.track();
        let token = token.clone();
        async move { lomba_api::recognitions(&token).await }
    });
    let field_error = RwSignal::new(None::<FieldError>);
    let problem = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = lang.get_untracked();
        problem.set(None);
        let request = match form.with_untracked(|f| f.request(lang)) {
            Ok(r) => r,
            Err(e) => {
                show_beside(e, field_error);
                return;
            }
        };
        field_error.set(None);
        let Some(token) = console.token() else { return };
        busy.set(true);
        spawn_local(async move {
            match lomba_api::name_person(&token, &request).await {
                Ok(r) => {
                    notice.try_set(Some(i18n::named(lang, &r.person_name)));
                    form.update(|f| {
                        f.citation.clear();
                        f.account_id.clear();
                    });
                    reload.update(|n| *n += 1);
                }
                Err(e) => {
                    console.failed(&e);
                    place_refusal(e, field_of_code, field_error, problem);
                }
            }
            busy.try_set(false);
        });
    };

    let described = move |field: Field, hint: Option<&'static str>| {
        let error = described_by(field, field_error);
        move || {
            let ids: Vec<String> = hint
                .map(str::to_owned)
                .into_iter()
                .chain(error.get())
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let message = move |field: Field| {
        view! { <FieldMessage field=field error=field_error testid="asn-field-error" /> }
    };
    let unit_chosen = Signal::derive(move || form.with(|f| f.unit_id.clone()));
    let person_options = move || {
        people.answer.get().map(|page| {
            let chosen = form.with(|f| f.account_id.clone());
            page.people
                .iter()
                .map(|p| {
                    let id = p.id.to_string();
                    let selected = id == chosen;
                    view! { <option value=id selected=selected>{format!("{} · {}", p.name, p.nip)}</option> }
                })
                .collect_view()
        })
    };
    let people_count = move || {
        people
            .answer
            .get()
            .map(|p| i18n::people_found(lang.get(), p.people.len(), p.total))
    };
    let value_options = move || {
        let names = names.get();
        let lang = lang.get();
        let chosen = form.with(|f| f.value_id.clone());
        names
            .0
            .as_ref()
            .map(|c| {
                c.values
                    .iter()
                    .map(|v| {
                        let selected = v.id == chosen;
                        view! { <option value=v.id.clone() selected=selected>{v.name.get(lang).to_owned()}</option> }
                    })
                    .collect_view()
            })
    };
    let competition_options = move || {
        let chosen = form.with(|f| f.competition_id.clone());
        competitions.with(|list| {
            list.iter()
                .map(|c| {
                    let id = c.id.to_string();
                    let selected = id == chosen;
                    view! { <option value=id selected=selected>{c.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let count =
        move || form.with(|f| (citation_chars(&f.citation), citation_too_long(&f.citation)));

    view! {
        <div class="page console-page lomba live-setup" data-testid="asn-page">
            <h1>{move || t().asn_title}</h1>
            <p>{move || t().asn_intro}</p>
            <p class="console-notice" role="status" data-testid="asn-notice">{move || notice.get()}</p>
            <form class="card lomba-form" on:submit=on_submit novalidate data-testid="asn-form">
                <h2>{move || t().asn_form_head}</h2>
                <div class="field">
                    <label for="asn-unit">{move || t().unit}</label>
                    <select id="asn-unit" aria-describedby=described(Field::Unit, None)
                        on:change=move |ev| form.update(|f| {
                            f.unit_id = event_target_value(&ev);
                            f.account_id.clear();
                        })>
                        {move || units.with(|u| unit_options(u, unit_chosen))}
                    </select>
                    {message(Field::Unit)}
                </div>
                <div class="field">
                    <label for="asn-search">{move || t().person_search}</label>
                    <input id="asn-search" type="search" autocomplete="off" aria-describedby="asn-people-count"
                        prop:value=move || search.get()
                        on:change=move |ev| search.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="asn-person">{move || t().asn_person}</label>
                    <select id="asn-person" aria-describedby=described(Field::Person, Some("asn-people-count"))
                        on:change=move |ev| form.update(|f| f.account_id = event_target_value(&ev))>
                        <option value="" selected=move || form.with(|f| f.account_id.is_empty())>"—"</option>
                        {person_options}
                    </select>
                    <p class="field-hint" id="asn-people-count" data-testid="asn-people-count">{people_count}</p>
                    <Problem error=people.error retry=people.retry() />
                    {message(Field::Person)}
                </div>
                <div class="field">
                    <label for="asn-value">{move || t().value}</label>
                    <select id="asn-value" aria-describedby=described(Field::Value, None)
                        on:change=move |ev| form.update(|f| f.value_id = event_target_value(&ev))>
                        <option value="" selected=move || form.with(|f| f.value_id.is_empty())>"—"</option>
                        {value_options}
                    </select>
                    {message(Field::Value)}
                </div>
                <div class="field">
                    <label for="asn-period">{move || t().period}</label>
                    <input id="asn-period" type="month" aria-describedby=described(Field::Period, None)
                        prop:value=move || form.with(|f| f.period.clone())
                        on:input=move |ev| form.update(|f| f.period = event_target_value(&ev)) />
                    {message(Field::Period)}
                </div>
                <div class="field">
                    <label for="asn-citation">{move || t().citation}</label>
                    <textarea id="asn-citation" rows="4" aria-describedby=described(Field::Citation, Some("asn-citation-count"))
                        prop:value=move || form.with(|f| f.citation.clone())
                        on:input=move |ev| form.update(|f| f.citation = event_target_value(&ev))></textarea>
                    <p class="field-hint" id="asn-citation-count" data-testid="asn-citation-count"
                        class:item-weak=move || count().1>
                        {move || i18n::citation_count(lang.get(), count().0, MIN_CITATION_CHARS, MAX_CITATION_CHARS)}
                    </p>
                    {message(Field::Citation)}
                </div>
                <div class="field">
                    <label for="asn-competition">{move || t().after_competition}</label>
                    <select id="asn-competition"
                        on:change=move |ev| form.update(|f| f.competition_id = event_target_value(&ev))>
                        <option value="" selected=move || form.with(|f| f.competition_id.is_empty())>{move || t().no_competition}</option>
                        {competition_options}
                    </select>
                </div>
                <p class="field-hint">{move || t().consent_note}</p>
                <Problem error=problem />
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" data-testid="asn-submit" disabled=move || busy.get()>
                        {move || t().name_submit}
                    </button>
                    <span role="status">{move || busy.get().then(|| t().saving)}</span>
                </div>
            </form>
            <section class="dash-section" aria-labelledby="asn-list-head">
                <h2 id="asn-list-head">{move || t().asn_list_head}</h2>
                <Loading when=list.loading label=Signal::derive(move || t().list_loading) />
                <Problem error=list.error retry=list.retry() />
                {move || list.answer.get().map(|all| {
                    if all.is_empty() {
                        view! { <p data-testid="asn-empty">{t().asn_empty}</p> }.into_any()
                    } else {
                        view! { <RecognitionTable list=all.to_vec() names=names notice=notice reload=reload /> }.into_any()
                    }
                })}
            </section>
        </div>
    }
}

#[component]
fn RecognitionTable(
    list: Vec<Recognition>,
    names: RwSignal<Names>,
    notice: RwSignal<Option<String>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    // Drawn again (by the caller) when the language changes.
    let t = lomba_tr(use_console().lang.get_untracked());
    let rows = list
        .into_iter()
        .map(|r| view! { <RecognitionRow r=r names=names notice=notice reload=reload /> })
        .collect_view();
    DataTable::new(
        "asn-table",
        vec![
            t.period,
            t.asn_person,
            t.unit,
            t.value,
            t.citation,
            t.consent,
            t.actions_head,
        ],
    )
    .view(rows, None)
}

#[component]
fn RecognitionRow(
    r: Recognition,
    names: RwSignal<Names>,
    notice: RwSignal<Option<String>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let (id, person) = (r.id, r.person_name.clone());
    let withdraw = move |()| {
        if busy.get_untracked() {
            return;
        }
        let Some(token) = console.token() else { return };
        let person = person.clone();
        busy.set(true);
        spawn_local(async move {
            match lomba_api::withdraw(&token, id).await {
                Ok(()) => {
                    notice.set(Some(i18n::withdrawn(lang.get_untracked(), &person)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => {
                    console.failed(&e);
                    problem.try_set(Some(e));
                    busy.try_set(false);
                }
            }
        });
    };
    let consent_class = match r.consent {
        Consent::Pending => "badge",
        Consent::Given => "badge lomba-open",
        Consent::Declined => "badge badge-warn",
    };
    let consent = r.consent;
    let value = r.value_id.clone();
    let period = r.period.clone();
    let name = r.person_name.clone();
    view! {
        <tr data-testid="asn-row" data-id=r.id.to_string()>
            <td>{move || month_name(&period, lang.get())}</td>
            <th scope="row" data-testid="asn-person-name">{r.person_name.clone()}</th>
            <td>{r.unit_name.clone()}</td>
            <td>{move || names.with(|n| n.value(&value, lang.get()))}</td>
            <td class="lomba-citation">{r.citation.clone()}</td>
            <td><span class=consent_class data-testid="asn-consent" data-consent=format!("{consent:?}").to_lowercase()>
                {move || i18n::consent_name(lang.get(), consent)}
            </span></td>
            <td><div class="live-actions">
                <ConfirmAction
                    label=Signal::derive(move || t().withdraw.to_owned())
                    detail=name
                    question=Signal::derive(move || t().withdraw_question.to_owned())
                    yes=Signal::derive(move || t().withdraw_yes.to_owned())
                    testid="asn-withdraw" busy=busy asking=confirming
                    on_yes=Callback::new(withdraw) />
                <Problem error=problem />
            </div></td>
        </tr>
    }
}
