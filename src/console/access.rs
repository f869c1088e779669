//! What the console offers a person, from the roles in their login answer. The server
//! checks every request on its own; this only decides what to show.

use resapi_core::api::Role;

/// The console's screens. The nav lists those a person's roles open (only screens that
/// exist: a new screen is added here with the roles it needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
}

/// Trainers, unit admins and admins use the console; an employee only has the phone app.
pub fn opens_console(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::Trainer | Role::UnitAdmin | Role::Admin))
}

/// The screens in the nav, in order.
pub fn screens(roles: &[Role]) -> Vec<Screen> {
    if opens_console(roles) {
        vec![Screen::Home]
    } else {
        Vec::new()
    }
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
            assert_eq!(screens(&[Role::Employee, role]), vec![Screen::Home]);
        }
    }
}
