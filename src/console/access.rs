//! What the console offers a person, from the roles in their login answer. The server
//! checks every request on its own; this only decides what to show.

use resapi_core::api::Role;

/// The console's screens. The nav lists those a person's roles open (only screens that
/// exist: a new screen is added here with the roles it needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// The unit dashboard (unit admins and admins).
    Dashboard,
}

impl Screen {
    /// Its address under `/konsol/`.
    pub fn path(self) -> &'static str {
        match self {
            Screen::Home => "/konsol/",
            Screen::Dashboard => "/konsol/dasbor",
        }
    }

    /// The screen at a browser path (a trailing slash or none); `None` for an unknown one.
    pub fn at(path: &str) -> Option<Screen> {
        match path.trim_end_matches('/') {
            "/konsol" => Some(Screen::Home),
            "/konsol/dasbor" => Some(Screen::Dashboard),
            _ => None,
        }
    }
}

/// The screen at the browser's current address.
pub fn current_screen() -> Option<Screen> {
    let path = web_sys::window()?.location().pathname().ok()?;
    Screen::at(&path)
}

/// Unit admins and admins see unit figures.
pub fn sees_dashboards(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::UnitAdmin | Role::Admin))
}

/// Trainers, unit admins and admins use the console; an employee only has the phone app.
pub fn opens_console(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::Trainer | Role::UnitAdmin | Role::Admin))
}

/// The screens in the nav, in order.
pub fn screens(roles: &[Role]) -> Vec<Screen> {
    let mut screens = Vec::new();
    if opens_console(roles) {
        screens.push(Screen::Home);
    }
    if sees_dashboards(roles) {
        screens.push(Screen::Dashboard);
    }
    screens
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn an_employee_gets_no_console_and_the_other_roles_do() {
        assert!(!opens_console(&[Role::Employee]));
        assert!(!opens_console(&[]));
        assert!(screens(&[Role::Employee]).is_empty());
        for role in [Role::Trainer, Role::UnitAdmin, Role::Admin] {
            assert!(opens_console(&[Role::Employee, role]));
        }
        assert_eq!(screens(&[Role::Trainer]), vec![Screen::Home]);
    }

    #[wasm_bindgen_test]
    fn only_unit_admins_and_admins_get_the_dashboard() {
        for role in [Role::UnitAdmin, Role::Admin] {
            assert_eq!(
                screens(&[Role::Employee, role]),
                vec![Screen::Home, Screen::Dashboard]
            );
        }
        assert!(!screens(&[Role::Trainer, Role::Employee]).contains(&Screen::Dashboard));
    }

    #[wasm_bindgen_test]
    fn screens_are_found_by_their_path() {
        assert_eq!(Screen::at("/konsol/"), Some(Screen::Home));
        assert_eq!(Screen::at("/konsol"), Some(Screen::Home));
        assert_eq!(Screen::at("/konsol/dasbor/"), Some(Screen::Dashboard));
        assert_eq!(
            Screen::at(Screen::Dashboard.path()),
            Some(Screen::Dashboard)
        );
        assert_eq!(Screen::at("/konsol/tidak-ada"), None);
    }
}
