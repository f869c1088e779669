//! Who may do what: the four roles, a unit admin's scope (their unit and everything under
//! it in the unit tree) and which roles one may grant. The server enforces these; the
//! console only hides what the server would refuse.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Every account is an `employee`; the others are granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Employee,
    /// Runs live quizzes (next issue); no admin screens.
    Trainer,
    /// Manages the units and people of their own unit and every unit under it.
    UnitAdmin,
    /// Everything, everywhere.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Employee, Role::Trainer, Role::UnitAdmin, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Trainer => "trainer",
            Role::UnitAdmin => "unit_admin",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The units a person may manage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// No unit (an employee or trainer).
    Nothing,
    /// These units (a unit admin: their unit and its descendants).
    Units(HashSet<String>),
    /// Every unit (an admin).
    Everything,
}

impl Scope {
    /// The scope of someone with `roles` whose account is in `unit_id`, over the unit tree
    /// given as `(id, parent_id)` pairs (retired units included: they still have a place).
    pub fn of(roles: &[Role], unit_id: &str, tree: &[(String, Option<String>)]) -> Scope {
        if roles.contains(&Role::Admin) {
            Scope::Everything
        } else if roles.contains(&Role::UnitAdmin) {
            Scope::Units(subtree(unit_id, tree))
        } else {
            Scope::Nothing
        }
    }

    pub fn contains(&self, unit_id: &str) -> bool {
        match self {
            Scope::Nothing => false,
            Scope::Units(units) => units.contains(unit_id),
            Scope::Everything => true,
        }
    }

    /// Whether one may grant or revoke `role` for someone in one's scope: a unit admin
    /// grants `trainer` and `unit_admin`, only an admin grants `admin`; `employee` is
    /// everyone's and is neither granted nor revoked.
    pub fn may_grant(&self, role: Role) -> bool {
        match (self, role) {
            (_, Role::Employee) | (Scope::Nothing, _) => false,
            (Scope::Everything, _) => true,
            (Scope::Units(_), role) => role != Role::Admin,
        }
    }
}

/// `root` and every unit under it. A cycle in the stored tree cannot loop: each unit is
/// visited once.
pub fn subtree(root: &str, tree: &[(String, Option<String>)]) -> HashSet<String> {
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, parent) in tree {
        if let Some(parent) = parent {
            children
                .entry(parent.as_str())
                .or_default()
                .push(id.as_str());
        }
    }
    let mut found = HashSet::new();
    let mut todo = vec![root];
    while let Some(unit) = todo.pop() {
        if found.insert(unit.to_owned()) {
            todo.extend(children.get(unit).into_iter().flatten().copied());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Vec<(String, Option<String>)> {
        [
            ("bkn", None),
            ("settama", Some("bkn")),
            ("biro", Some("settama")),
            ("kanreg", Some("bkn")),
        ]
        .into_iter()
        .map(|(id, p)| (id.to_owned(), p.map(str::to_owned)))
        .collect()
    }

    #[test]
    fn roles_are_snake_case_on_the_wire() {
        assert_eq!(
            serde_json::to_string(&Role::UnitAdmin).unwrap(),
            "\"unit_admin\""
        );
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn a_unit_admin_manages_their_unit_and_everything_under_it_only() {
        let scope = Scope::of(&[Role::Employee, Role::UnitAdmin], "settama", &tree());
        assert!(scope.contains("settama") && scope.contains("biro"));
        assert!(!scope.contains("bkn") && !scope.contains("kanreg"));
        let admin = Scope::of(&[Role::Admin], "kanreg", &tree());
        assert!(admin.contains("bkn") && admin.contains("anything"));
        let trainer = Scope::of(&[Role::Employee, Role::Trainer], "bkn", &tree());
        assert!(!trainer.contains("bkn"));
    }

    #[test]
    fn a_cycle_in_the_tree_ends() {
        let mut cyclic = tree();
        // bkn under biro: settama → biro → bkn → kanreg → (settama again, not revisited).
        cyclic[0].1 = Some("biro".into());
        assert_eq!(subtree("settama", &cyclic).len(), 4);
    }

    #[test]
    fn only_an_admin_grants_admin_and_nobody_grants_employee() {
        let unit_admin = Scope::of(&[Role::UnitAdmin], "settama", &tree());
        assert!(unit_admin.may_grant(Role::Trainer) && unit_admin.may_grant(Role::UnitAdmin));
        assert!(!unit_admin.may_grant(Role::Admin) && !unit_admin.may_grant(Role::Employee));
        assert!(Scope::Everything.may_grant(Role::Admin));
        assert!(!Scope::Nothing.may_grant(Role::Trainer));
    }
}
