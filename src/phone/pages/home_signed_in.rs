//! Home's part for a signed-in person: the streak, a due check-in, the review card, *ASN
//! Inspiratif*, and the way into practice (or back into a session in progress) and the other
//! screens. A guest's first screen never shows it, so in the phone's build it is in the
//! `start` chunk, which start-up fetches once the first screen is up (src/phone/app.rs).

use crate::components::checkin_card::CheckinCard;
use crate::components::recognition_card::RecognitionCard;
use crate::components::review_card::ReviewCard;
use crate::components::streak::Streak;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::practice_session::PracticeSessionState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The signed-in part, fetched apart from the first visit's code in the phone's build.
/// `ready` turns true once every card knows what it shows (home waits for it, so nothing
/// arrives late under a finger). A chunk that cannot be fetched (the link dropped on a first
/// visit before the service worker had it) says so, with a button to try again.
#[component]
pub fn LazySignedInHome(ready: RwSignal<bool>) -> impl IntoView {
    #[cfg(feature = "split")]
    {
        use crate::components::part_missing::PartNotDownloaded;
        let attempt = RwSignal::new(0u32);
        move || {
            attempt.track();
            Suspend::new(async move {
                in_chunk::signed_in_home_view(ready)
                    .await
                    .unwrap_or_else(|_| {
                        ready.set(true);
                        let retry = move || attempt.update(|n| *n += 1);
                        view! { <PartNotDownloaded on_retry=retry /> }.into_any()
                    })
            })
        }
    }
    #[cfg(not(feature = "split"))]
    view! { <SignedInHome ready /> }
}

#[cfg(feature = "split")]
mod in_chunk {
    use leptos::prelude::*;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    /// `fallible`: a failed fetch is an `Err`, not a panic (which would end the app).
    /// In the `start` chunk (src/phone/pages/mod.rs says how the screens are grouped).
    #[wasm_split(
        start,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )]
    pub fn signed_in_home_view(ready: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::SignedInHome ready /> }.into_any())
    }
}

#[component]
fn SignedInHome(ready: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let in_progress: RwSignal<Option<PracticeSessionState>> = RwSignal::new(None);
    let [
        session_ready,
        streak_ready,
        checkin_ready,
        review_ready,
        recognition_ready,
    ] = std::array::from_fn(|_| RwSignal::new(false));
    Effect::new(move |_| {
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            session_ready.set(true);
            return;
        };
        spawn_local(async move {
            in_progress.set(store.practice_session(&account).await.ok().flatten());
            session_ready.set(true);
        });
    });
    Effect::new(move |_| {
        let all = [
            session_ready,
            streak_ready,
            checkin_ready,
            review_ready,
            recognition_ready,
        ];
        ready.set(all.iter().all(|r| r.get()));
    });
    view! {
        <Streak ready=streak_ready />
        <p class="lead">{move || app.tr().home_intro}</p>
        <CheckinCard ready=checkin_ready />
        <ReviewCard ready=review_ready />
        <RecognitionCard ready=recognition_ready />
        <div class="actions">
            {move || match in_progress.get() {
                Some(q) => view! {
                    <A href="/latihan/sesi" attr:class="btn btn-primary" attr:data-testid="resume-practice">
                        {i18n::resume(lang.get(), q.position + 1, q.questions.len())}
                    </A>
                }.into_any(),
                None => view! {
                    <A href="/latihan" attr:class="btn btn-primary" attr:data-testid="start-practice">
                        {move || app.tr().start_practice}
                    </A>
                }.into_any(),
            }}
            <A href="/kuesioner" attr:class="btn btn-secondary">{move || app.tr().questionnaires_title}</A>
            <A href="/riwayat" attr:class="btn btn-secondary">{move || app.tr().history_link}</A>
            <A href="/lomba" attr:class="btn btn-secondary" attr:data-testid="lomba-link">{move || app.tr().competitions_link}</A>
        </div>
    }
}
