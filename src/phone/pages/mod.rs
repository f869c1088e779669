//! The employee's phone app: routes and their pages.

pub mod attention;
pub mod history;
pub mod home;
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

use crate::components::layout::Layout;
use crate::components::not_found::NotFound;
use crate::components::route_loading::RouteLoading;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
#[cfg(feature = "split")]
use leptos_router::{ChooseView, Lazy, LazyRoute, lazy_route};

/// A screen whose code is a split point: it lives in a wasm chunk of its own, fetched when
/// the route first opens, so the first visit does not download it (scripts/wasm-split/).
/// Sign-in, home and the practice quiz stay in the main module.
/// Only with the `split` feature (the phone's build, index.html): a split point is an
/// exported function, so without the feature the console's wasm would carry these screens.
#[cfg(feature = "split")]
macro_rules! lazy_screen {
    ($route:ident, $page:path) => {
        pub(crate) struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(this: Self) -> AnyView {
                let $route = this;
                view! { <$page /> }.into_any()
            }
        }
    };
}

/// Without the `split` feature, the same screen as a plain view function.
#[cfg(not(feature = "split"))]
macro_rules! lazy_screen {
    ($route:ident, $page:path) => {
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
        Loading {
            screen: Lazy::<$route>::new(),
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

/// A lazy screen that counts itself in `pending` while its chunk is fetched (on its first
/// opening; afterwards the chunk is in memory and the count never shows).
#[cfg(feature = "split")]
struct Loading<T> {
    screen: Lazy<T>,
    pending: RwSignal<u32>,
}

// By hand: a derive would ask the screen's own type to be `Clone`.
#[cfg(feature = "split")]
impl<T> Clone for Loading<T> {
    fn clone(&self) -> Self {
        Self {
            screen: self.screen.clone(),
            pending: self.pending,
        }
    }
}

#[cfg(feature = "split")]
impl<T: LazyRoute + Send + Sync> ChooseView for Loading<T> {
    async fn choose(self) -> AnyView {
        self.screen.choose().await
    }

    async fn preload(&self) {
        /// Counts down however the fetch ends: a navigation elsewhere drops it half-way.
        struct Fetching(RwSignal<u32>);
        impl Drop for Fetching {
            fn drop(&mut self) {
                self.0.try_update(|n| *n = n.saturating_sub(1));
            }
        }
        self.pending.update(|n| *n += 1);
        let _fetching = Fetching(self.pending);
        self.screen.preload().await;
    }
}

// A practice session's result, with its per-value scores and the review of each answer.
lazy_screen!(ResultRoute, result::ResultPage);
// The progress screen: its charts and their Chart.js bindings.
lazy_screen!(ProgressRoute, progress::ProgressPage);
// The questionnaires: the list, the items and the result with its scoring.
lazy_screen!(QuestionnairesRoute, questionnaires::QuestionnairesPage);
lazy_screen!(QuestionnaireRoute, questionnaire::QuestionnairePage);
lazy_screen!(
    QuestionnaireResultRoute,
    questionnaire_result::QuestionnaireResultPage
);
// The learning modules: the list and a module's reader with its check-ins.
lazy_screen!(ModulesRoute, modules::ModulesPage);
lazy_screen!(ModuleRoute, module::ModulePage);
// Screens a person opens now and then: settings, the history, records needing attention.
lazy_screen!(SettingsRoute, settings::SettingsPage);
lazy_screen!(HistoryRoute, history::HistoryPage);
lazy_screen!(AttentionRoute, attention::AttentionPage);
// The competitions (lomba): the list, an attempt, and the results after publication.
lazy_screen!(LombaRoute, lomba::LombaPage);
lazy_screen!(LombaAttemptRoute, lomba_attempt::LombaAttemptPage);
lazy_screen!(LombaResultRoute, lomba_result::LombaResultPage);

#[component]
pub fn PhoneRoutes() -> impl IntoView {
    let app = use_app();
    let loading = RwSignal::new(0u32);
    view! {
        <Router>
            <Layout>
                <Show
                    when=move || app.booted.get()
                    fallback=move || view! { <p class="loading" role="status">{move || app.tr().loading}</p> }
                >
                    <Show when=move || app.store_failed.get()>
                        <p class="banner banner-error" role="alert">{move || app.tr().store_failed}</p>
                    </Show>
                    <Routes fallback=|| view! { <div class="page"><NotFound /></div> }>
                        <Route path=path!("/") view=home::HomePage />
                        <Route path=path!("/masuk") view=login::LoginPage />
                        <Route path=path!("/daftar") view=register::RegisterPage />
                        <Route path=path!("/latihan") view=practice_pick::PracticePickPage />
                        <Route path=path!("/latihan/sesi") view=quiz::PracticeSessionPage />
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
                </Show>
                <RouteLoading pending=loading />
            </Layout>
        </Router>
    }
}
