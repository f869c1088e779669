//! Home's *ASN Inspiratif* card: the recognitions shown in one's units (name, value,
//! citation), and, when one has been named and not yet decided, the question whether it may
//! be shown to one's unit. The decision goes through the outbox (`recognition_consent`).

use crate::phone::i18n_lomba as t;
use crate::state::{store, use_app};
use crate::sync::record::made_now;
use crate::sync::triggers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::recognition::{Consent, MyRecognitions, Recognition};
use resapi_core::sync::RecognitionConsent;
use uuid::Uuid;

/// `ready` turns true once the card knows what it shows (home waits for it, so the card
/// never pushes the buttons below it down). In the main module, not a split point: a chunk
/// of its own cost a new person's home about 1.8 s on Fast 3G (its shared chunks are
/// fetched one after another), for 7 KB.
#[component]
pub fn RecognitionCard(ready: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let list: RwSignal<MyRecognitions> = RwSignal::new(MyRecognitions::default());
    let decided = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        let _ = app.competitions_version.get();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            ready.set(true);
            return;
        };
        spawn_local(async move {
            list.set(
                store
                    .my_recognitions(&account)
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            );
            ready.set(true);
        });
    });
    let pending = move || {
        list.with(|l| {
            l.mine
                .iter()
                .find(|r| r.consent == Consent::Pending)
                .cloned()
        })
    };
    let decide = move |id: Uuid, given: bool| {
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            return;
        };
        spawn_local(async move {
            let payload = RecognitionConsent {
                recognition_id: id,
                given,
            };
            let Ok(record) = made_now(Uuid::now_v7(), &account, &payload) else {
                return;
            };
            if let Ok(updated) = store.decide_recognition(&account, id, given, &record).await {
                list.set(updated);
                decided.set(Some(given));
                triggers::saved(app);
            }
        });
    };
    // The value's name in the interface language (its id if the content does not know it).
    let value_name = move |id: &str| {
        app.content
            .with(|c| {
                c.as_ref()?
                    .values
                    .iter()
                    .find(|v| v.id == id)
                    .map(|v| v.name.get(lang.get()).to_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    };
    let shown_item = move |r: Recognition| {
        view! {
            <li data-testid="recognition">
                <p><strong>{r.person_name}</strong>" · "{value_name(&r.value_id)}" · "<span class="muted">{r.unit_name}</span></p>
                <p class="citation">"“"{r.citation}"”"</p>
            </li>
        }
    };
    view! {
        {move || decided.get().map(|given| {
            let tr = t::tr(lang.get());
            view! { <p class="card ok" role="status" data-testid="recognition-decided">{if given { tr.consent_given } else { tr.consent_declined }}</p> }
        })}
        {move || pending().map(|r| {
            let tr = t::tr(lang.get());
            let id = r.id;
            view! {
                <section class="card" aria-labelledby="named-h" data-testid="recognition-consent">
                    <h2 id="named-h">{tr.named_heading}</h2>
                    <p>{value_name(&r.value_id)}" · "{r.unit_name.clone()}" · "{r.period.clone()}</p>
                    <p class="citation">"“"{r.citation.clone()}"”"</p>
                    <p>{tr.consent_ask}</p>
                    <div class="actions">
                        <button type="button" class="btn btn-primary" data-testid="consent-yes" on:click=move |_| decide(id, true)>{tr.consent_yes}</button>
                        <button type="button" class="btn btn-secondary" data-testid="consent-no" on:click=move |_| decide(id, false)>{tr.consent_no}</button>
                    </div>
                </section>
            }
        })}
        <Show when=move || list.with(|l| !l.shown.is_empty())>
            <section class="card" aria-labelledby="inspiratif-h" data-testid="recognitions">
                <h2 id="inspiratif-h">{move || t::tr(lang.get()).inspiratif}</h2>
                <ul class="card-list">{move || list.get().shown.into_iter().map(shown_item).collect_view()}</ul>
            </section>
        </Show>
    }
}
