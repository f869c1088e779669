//! The console's root: state, and sign-in or the frame with the screen at the address
//! (`/konsol/…`; each admin screen guarded by the roles that open it).

use super::access::Screen;
use super::layout::Frame;
use super::pages::dashboard::DashboardPage;
use super::pages::home::HomePage;
use super::pages::item_analysis::ItemAnalysisPage;
use super::pages::live_run::{PresenterPage, ProjectorPage};
use super::pages::live_setup::form::LiveFormPage;
use super::pages::live_setup::list::LiveListPage;
use super::pages::live_setup::results::LiveResultsPage;
use super::pages::login::LoginPage;
use super::pages::lomba::detail::LombaDetailPage;
use super::pages::lomba::form::LombaFormPage;
use super::pages::lomba::list::LombaListPage;
use super::pages::lomba::piagam::LombaPiagamPage;
use super::pages::lomba::results::LombaResultsPage;
use super::pages::no_access::{Guarded, NoSuchScreen};
use super::pages::people::PeoplePage;
use super::pages::quality::QualityPage;
use super::pages::recognition::RecognitionPage;
use super::pages::roster_import::RosterImportPage;
use super::pages::units::UnitsPage;
use super::state::{Console, use_console};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn ConsoleApp() -> impl IntoView {
    provide_context(Console::new());
    let console = use_console();
    view! {
        <Router>
            <Frame>
                <Show when=move || console.session.with(Option::is_some) fallback=LoginPage>
                    <Routes fallback=NoSuchScreen>
                        <Route path=path!("/konsol") view=HomePage />
                        <Route path=path!("/konsol/dasbor") view=|| view! { <Guarded screen=Screen::Dashboard><DashboardPage /></Guarded> } />
                        <Route path=path!("/konsol/unit") view=|| view! { <Guarded screen=Screen::Units><UnitsPage /></Guarded> } />
                        <Route path=path!("/konsol/pegawai") view=|| view! { <Guarded screen=Screen::People><PeoplePage /></Guarded> } />
                        <Route path=path!("/konsol/impor") view=|| view! { <Guarded screen=Screen::Roster><RosterImportPage /></Guarded> } />
                        <Route path=path!("/konsol/kualitas") view=|| view! { <Guarded screen=Screen::Quality><QualityPage /></Guarded> } />
                        <Route path=path!("/konsol/analisis-butir") view=|| view! { <Guarded screen=Screen::ItemAnalysis><ItemAnalysisPage /></Guarded> } />
                        <Route path=path!("/konsol/kuis") view=|| view! { <Guarded screen=Screen::Live><LiveListPage /></Guarded> } />
                        <Route path=path!("/konsol/kuis/baru") view=|| view! { <Guarded screen=Screen::Live><LiveFormPage /></Guarded> } />
                        <Route path=path!("/konsol/kuis/set/:id") view=|| view! { <Guarded screen=Screen::Live><LiveFormPage /></Guarded> } />
                        <Route path=path!("/konsol/kuis/:id/hasil") view=|| view! { <Guarded screen=Screen::Live><LiveResultsPage /></Guarded> } />
                        // Last: the first route that matches wins, and `/konsol/kuis/baru` is no game id.
                        <Route path=path!("/konsol/kuis/:id") view=|| view! { <Guarded screen=Screen::Live><PresenterPage /></Guarded> } />
                        <Route path=path!("/konsol/kuis/:id/layar") view=|| view! { <Guarded screen=Screen::Live><ProjectorPage /></Guarded> } />
                        <Route path=path!("/konsol/lomba") view=|| view! { <Guarded screen=Screen::Lomba><LombaListPage /></Guarded> } />
                        <Route path=path!("/konsol/lomba/baru") view=|| view! { <Guarded screen=Screen::Lomba><LombaFormPage /></Guarded> } />
                        <Route path=path!("/konsol/lomba/:id/ubah") view=|| view! { <Guarded screen=Screen::Lomba><LombaFormPage /></Guarded> } />
                        <Route path=path!("/konsol/lomba/:id/hasil") view=|| view! { <Guarded screen=Screen::Lomba><LombaResultsPage /></Guarded> } />
                        <Route path=path!("/konsol/lomba/:id/piagam") view=|| view! { <Guarded screen=Screen::Lomba><LombaPiagamPage /></Guarded> } />
                        <Route path=path!("/konsol/lomba/:id") view=|| view! { <Guarded screen=Screen::Lomba><LombaDetailPage /></Guarded> } />
                        <Route path=path!("/konsol/inspiratif") view=|| view! { <Guarded screen=Screen::Recognition><RecognitionPage /></Guarded> } />
                    </Routes>
                </Show>
            </Frame>
        </Router>
    }
}

/// Mounts the console, replacing the HTML skeleton `console.html` painted while loading.
pub fn mount() {
    crate::mount::mount(ConsoleApp);
}
