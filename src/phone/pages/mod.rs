//! The employee's phone app: routes and their pages.

pub mod attention;
pub mod history;
pub mod home;
pub mod home_guest;
pub mod home_signed_in;
pub mod home_values;
pub mod join_quiz;
pub mod login;
pub mod lomba;
pub mod lomba_attempt;
pub mod lomba_result;
pub mod module;
pub mod modules;
pub mod practice_pick;
pub mod progress;
pub mod questionnaire;
pub mod questionnaire_result;
pub mod questionnaires;
pub mod quiz;
pub mod register;
pub mod result;
pub mod settings;

#[cfg(feature = "split")]
mod split;

use crate::components::layout::Layout;
use crate::components::not_found::NotFound;
use crate::components::route_loading::RouteLoading;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// A screen whose code is a split point: it lives in a wasm chunk of its own, fetched when
/// the route first opens (or earlier: see the groups below), so the first visit does
/// not download it (scripts/wasm-split/). Home without its signed-in part stays in the main
/// module. `fallible`: a chunk that cannot be fetched shows a page saying so
/// ([`split::Screen`]) instead of a panic, which would end the app.
/// Only with the `split` feature (the phone's build, index.html): a split point is an
/// exported function, so without the feature the console's wasm would carry these screens.
#[cfg(feature = "split")]
macro_rules! lazy_screen {
    ($route:ident in $chunk:ident, $page:path) => {
        #[allow(non_snake_case)]
        mod $route {
            use leptos::prelude::*;
            use leptos::wasm_split::{SplitLoaderError, wasm_split};

            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))]
            pub fn view() -> Result<AnyView, SplitLoaderError> {
                use super::*;
                Ok(view! { <$page /> }.into_any())
            }
        }
    };
}

/// Without the `split` feature, the same screen as a plain view function.
#[cfg(not(feature = "split"))]
macro_rules! lazy_screen {
    ($route:ident in $chunk:ident, $page:path) => {
        #[allow(non_snake_case)]
        fn $route() -> impl IntoView {
            view! { <$page /> }
        }
    };
}

/// The route's view of a screen declared with `lazy_screen!`; `$loading` counts the screens
/// whose chunk is on its way (the "Memuat…" line).
#[cfg(feature = "split")]
macro_rules! screen {
    ($route:ident, $loading:expr) => {
        split::Screen {
            view: || Box::pin($route::view()),
            preload: || Box::pin($route::preload()),
            pending: $loading,
        }
    };
}
#[cfg(not(feature = "split"))]
macro_rules! screen {
    ($route:ident, $loading:expr) => {
        $route
    };
}

// The screens are split into three chunks, by who opens them when. Each split point (and
// each set of split points sharing code) makes chunks of its own and each chunk is a request:
// with a chunk per screen, the first sign-in screen of a first visit waited for 35 requests
// (3.7 s on "Fast 3G", six at a time), so the groups are few and large.
//
// `start`: what every visit needs after the first screen: sign-in and registration (for a
// guest's next tap), home's signed-in part (`home_signed_in.rs`) and the sync round
// (`sync/deferred.rs`). Start-up fetches it once the first screen is up, to read the saved
// content.
lazy_screen!(LoginRoute in start, login::LoginPage);
lazy_screen!(RegisterRoute in start, register::RegisterPage);
// `daily`: practice (choosing, the quiz, its result), the history, "Perlu perhatian" and
// settings (with the logout dialog's erase section, `erase_local.rs`).
lazy_screen!(PracticePickRoute in daily, practice_pick::PracticePickPage);
lazy_screen!(PracticeSessionRoute in daily, quiz::PracticeSessionPage);
lazy_screen!(ResultRoute in daily, result::ResultPage);
lazy_screen!(HistoryRoute in daily, history::HistoryPage);
lazy_screen!(AttentionRoute in daily, attention::AttentionPage);
lazy_screen!(SettingsRoute in daily, settings::SettingsPage);
// `occasional`: the questionnaires (list, items, result), the modules (list, reader),
// progress (its charts) and the competitions (list, attempt, results).
lazy_screen!(QuestionnairesRoute in occasional, questionnaires::QuestionnairesPage);
lazy_screen!(QuestionnaireRoute in occasional, questionnaire::QuestionnairePage);
lazy_screen!(QuestionnaireResultRoute in occasional, questionnaire_result::QuestionnaireResultPage);
lazy_screen!(ModulesRoute in occasional, modules::ModulesPage);
lazy_screen!(ModuleRoute in occasional, module::ModulePage);
lazy_screen!(ProgressRoute in occasional, progress::ProgressPage);
lazy_screen!(LombaRoute in occasional, lomba::LombaPage);
lazy_screen!(LombaAttemptRoute in occasional, lomba_attempt::LombaAttemptPage);
lazy_screen!(LombaResultRoute in occasional, lomba_result::LombaResultPage);

/// The screens, once they may show: when the store has opened and the session is read, or
/// at once for home on a first visit (`AppState::first_visit`). Any other screen waits for
/// the store, so none can read or write it (a sign-in saving its session) before it opens.
#[component]
fn WhenReady(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let path = use_location().pathname;
    let ready = move || app.booted.get() || (app.first_visit && path.with(|p| p == "/"));
    view! {
        <Show
            when=ready
            fallback=move || view! { <p class="loading" role="status">{move || app.tr().loading}</p> }
        >
            {children()}
        </Show>
    }
}

#[component]
pub fn PhoneRoutes() -> impl IntoView {
    let app = use_app();
    let loading = RwSignal::new(0u32);
    view! {
        <Router>
            <Layout>
                <WhenReady>
                    <Show when=move || app.store_failed.get()>
                        <p class="banner banner-error" role="alert">{move || app.tr().store_failed}</p>
                    </Show>
                    <Routes fallback=|| view! { <div class="page"><NotFound /></div> }>
                        <Route path=path!("/") view=home::HomePage />
                        <Route path=path!("/masuk") view=screen!(LoginRoute, loading) />
                        <Route path=path!("/daftar") view=screen!(RegisterRoute, loading) />
                        <Route path=path!("/latihan") view=screen!(PracticePickRoute, loading) />
                        <Route path=path!("/latihan/sesi") view=screen!(PracticeSessionRoute, loading) />
                        <Route path=path!("/hasil/:id") view=screen!(ResultRoute, loading) />
                        <Route path=path!("/riwayat") view=screen!(HistoryRoute, loading) />
                        <Route path=path!("/perhatian") view=screen!(AttentionRoute, loading) />
                        <Route path=path!("/kuesioner") view=screen!(QuestionnairesRoute, loading) />
                        <Route path=path!("/modul") view=screen!(ModulesRoute, loading) />
                        <Route path=path!("/pengaturan") view=screen!(SettingsRoute, loading) />
                        <Route path=path!("/kemajuan") view=screen!(ProgressRoute, loading) />
                        <Route path=path!("/modul/:id") view=screen!(ModuleRoute, loading) />
                        <Route path=path!("/kuesioner/hasil/:rid") view=screen!(QuestionnaireResultRoute, loading) />
                        <Route path=path!("/kuesioner/:id") view=screen!(QuestionnaireRoute, loading) />
                        <Route path=path!("/lomba") view=screen!(LombaRoute, loading) />
                        <Route path=path!("/lomba/:id") view=screen!(LombaAttemptRoute, loading) />
                        <Route path=path!("/lomba/:id/hasil") view=screen!(LombaResultRoute, loading) />
                    </Routes>
                </WhenReady>
                <RouteLoading pending=loading />
            </Layout>
        </Router>
    }
}
