//! What the console offers a person, from the roles in their login answer. The server
//! checks every request on its own; this only decides what to show.

use resapi_core::api::Role;
use resapi_core::role::Scope;
use std::collections::HashSet;

/// The console's screens. The nav lists those a person's roles open (only screens that
/// exist: a new screen is added here with the roles it needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// The unit dashboard: figures of a unit and its sub-units, never of a person.
    Dashboard,
    /// The unit tree: create, rename, move, retire.
    Units,
    /// Search people, change their unit, grant roles.
    People,
    /// The roster import: preview, then import.
    Roster,
    /// Measurement quality of a unit's questionnaires (Cronbach's α); reached from the
    /// dashboard for the unit and period on screen there, so not in the nav.
    Quality,
    /// Item analysis of the practice questions, over the whole agency: admins only.
    ItemAnalysis,
    /// Kuis Apel: the trainer's quiz sets and games, and under it the presenter, the
    /// projector and a game's results (`/konsol/kuis/…`).
    Live,
    /// Competitions between units (*lomba*): set up, follow, results, certificates
    /// (`/konsol/lomba/…`).
    Lomba,
    /// *ASN Inspiratif*: name a person of a unit with a citation (`/konsol/inspiratif`).
    Recognition,
}

impl Screen {
    /// The screen's address under `/konsol`.
    pub fn path(self) -> &'static str {
        match self {
            Screen::Home => "/konsol/",
            Screen::Dashboard => "/konsol/dasbor",
            Screen::Units => "/konsol/unit",
            Screen::People => "/konsol/pegawai",
            Screen::Roster => "/konsol/impor",
            Screen::Quality => "/konsol/kualitas",
            Screen::ItemAnalysis => "/konsol/analisis-butir",
            Screen::Live => "/konsol/kuis",
            Screen::Lomba => "/konsol/lomba",
            Screen::Recognition => "/konsol/inspiratif",
        }
    }

    /// Whether someone with `roles` may open the screen.
    pub fn opens_for(self, roles: &[Role]) -> bool {
        match self {
            Screen::Home | Screen::Live => opens_console(roles),
            Screen::Dashboard
            | Screen::Units
            | Screen::People
            | Screen::Roster
            | Screen::Quality
            | Screen::Lomba
            | Screen::Recognition => manages_units(roles),
            Screen::ItemAnalysis => roles.contains(&Role::Admin),
        }
    }
}

/// Trainers, unit admins and admins use the console; an employee only has the phone app.
pub fn opens_console(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::Trainer | Role::UnitAdmin | Role::Admin))
}

/// Unit admins and admins manage units, people and the roster (a trainer does not).
pub fn manages_units(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::UnitAdmin | Role::Admin))
}

/// The screens in the nav, in order ([`Screen::Quality`] is opened from the dashboard).
pub fn screens(roles: &[Role]) -> Vec<Screen> {
    [
        Screen::Home,
        Screen::Live,
        Screen::Lomba,
        Screen::Recognition,
        Screen::Dashboard,
        Screen::Units,
        Screen::People,
        Screen::Roster,
        Screen::ItemAnalysis,
    ]
    .into_iter()
    .filter(|s| s.opens_for(roles))
    .collect()
}

/// The roles someone with `roles` may grant or revoke for a person in their scope, by the
/// same rule the server applies (`Scope::may_grant`): a unit admin offers trainer and unit
/// admin, an admin offers admin too.
pub fn grantable_roles(roles: &[Role]) -> Vec<Role> {
    let scope = if roles.contains(&Role::Admin) {
        Scope::Everything
    } else if roles.contains(&Role::UnitAdmin) {
        Scope::Units(HashSet::new())
    } else {
        Scope::Nothing
    };
    Role::ALL
        .into_iter()
        .filter(|r| scope.may_grant(*r))
        .collect()
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
    }

    #[wasm_bindgen_test]
    fn a_trainer_sees_no_admin_screen_and_unit_admins_see_them_all() {
        assert_eq!(
            screens(&[Role::Employee, Role::Trainer]),
            vec![Screen::Home, Screen::Live]
        );
        assert!(!Screen::Units.opens_for(&[Role::Employee, Role::Trainer]));
        assert!(!Screen::Dashboard.opens_for(&[Role::Employee, Role::Trainer]));
        // A trainer runs live quizzes; competitions rank units, so they are a unit admin's.
        assert!(!Screen::Lomba.opens_for(&[Role::Employee, Role::Trainer]));
        assert!(!Screen::Recognition.opens_for(&[Role::Employee, Role::Trainer]));
        let all = vec![
            Screen::Home,
            Screen::Live,
            Screen::Lomba,
            Screen::Recognition,
            Screen::Dashboard,
            Screen::Units,
            Screen::People,
            Screen::Roster,
        ];
        assert_eq!(screens(&[Role::Employee, Role::UnitAdmin]), all);
        let mut admin = all.clone();
        admin.push(Screen::ItemAnalysis);
        assert_eq!(screens(&[Role::Employee, Role::Admin]), admin);
    }

    #[wasm_bindgen_test]
    fn item_analysis_opens_for_admins_only_and_quality_for_unit_admins_too() {
        for roles in [
            &[Role::Employee, Role::Trainer][..],
            &[Role::Employee, Role::UnitAdmin],
            &[Role::Employee, Role::UnitAdmin, Role::Trainer],
        ] {
            assert!(!Screen::ItemAnalysis.opens_for(roles), "{roles:?}");
        }
        assert!(Screen::ItemAnalysis.opens_for(&[Role::Employee, Role::Admin]));
        assert!(Screen::Quality.opens_for(&[Role::Employee, Role::UnitAdmin]));
        assert!(Screen::Quality.opens_for(&[Role::Employee, Role::Admin]));
        assert!(!Screen::Quality.opens_for(&[Role::Employee, Role::Trainer]));
        // Reached from the dashboard, not listed in the nav.
        assert!(!screens(&[Role::Employee, Role::Admin]).contains(&Screen::Quality));
    }

    #[wasm_bindgen_test]
    fn only_an_admin_is_offered_the_admin_role() {
        assert_eq!(
            grantable_roles(&[Role::Employee, Role::UnitAdmin]),
            vec![Role::Trainer, Role::UnitAdmin]
        );
        assert_eq!(
            grantable_roles(&[Role::Employee, Role::Admin]),
            vec![Role::Trainer, Role::UnitAdmin, Role::Admin]
        );
        assert!(grantable_roles(&[Role::Employee, Role::Trainer]).is_empty());
    }
}
