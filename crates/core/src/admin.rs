//! Shapes of the admin API (`/api/v1/admin/…`, used by the console) and the rules for what
//! an admin types in, shared by console and server.

use crate::api::Account;
use crate::role::Role;
use serde::{Deserialize, Serialize};

/// A unit as the console manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUnit {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
    /// False once retired (kept: records and accounts still point at it).
    pub active: bool,
    /// Accounts whose unit this is (not counting sub-units).
    pub members: i64,
}

/// `POST /admin/units`. Without an `id`, one is made from the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUnit {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    pub parent_id: Option<String>,
}

/// `PATCH /admin/units/{id}`: rename and/or move. `parent_id: null` moves to the top
/// (admins only); a missing `parent_id` leaves the parent as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Left out when sent as `None`, so a rename never reads as a move to the top.
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_id: Option<Option<String>>,
}

/// `PUT /admin/people/{id}/unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonUnit {
    pub unit_id: String,
}

/// `GET /admin/people`: one page of the people in the caller's scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub people: Vec<Account>,
    /// Matches in scope on all pages.
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// `PUT`/`DELETE /admin/people/{id}/roles/{role}` answer: the person's roles now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRoles {
    pub roles: Vec<Role>,
}

/// What importing one roster row does (or would do, in a preview).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RosterRowStatus {
    /// A NIP not on the roster yet.
    Add,
    /// On the roster with another name or unit.
    Change,
    /// On the roster as it is.
    Same,
    /// Wrong; nothing is imported while any row is.
    Error,
}

/// One data row of a roster file with its line number (as the spreadsheet shows it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterRow {
    pub line: usize,
    pub status: RosterRowStatus,
    /// The NIP as 18 digits, the name and the unit (absent on a row in error).
    pub nip: Option<String>,
    pub name: Option<String>,
    pub unit_id: Option<String>,
    /// What is wrong with the row (empty unless `status` is `error`).
    pub errors: Vec<String>,
}

/// A problem of the file at a line: a row's, or the whole file's (no header, no rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterProblem {
    pub line: usize,
    pub message: String,
}

/// `POST /admin/roster`: every row's outcome and what the import changes (or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterReport {
    /// True only when the roster was replaced (never in a preview, never with a problem).
    pub imported: bool,
    /// The unit whose subtree the file replaces; null: the whole roster.
    pub unit_id: Option<String>,
    pub rows: Vec<RosterRow>,
    pub problems: Vec<RosterProblem>,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// People on the roster in those units who are not in the file (they leave it).
    pub removed: usize,
}

pub const MAX_UNIT_NAME_CHARS: usize = 120;

/// A unit id: 2 to 64 of `a-z`, `0-9` and `-`, starting with a letter or digit (ids go
/// into roster files and addresses).
pub fn check_unit_id(id: &str) -> Result<(), String> {
    let ok_len = (2..=64).contains(&id.len());
    let ok_chars = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok_len && ok_chars && !id.starts_with('-') {
        Ok(())
    } else {
        Err("Kode unit 2–64 karakter: huruf kecil, angka dan tanda hubung (-).".into())
    }
}

/// A unit name: 2 to [`MAX_UNIT_NAME_CHARS`] letters after trimming.
pub fn check_unit_name(name: &str) -> Result<(), String> {
    let n = name.trim().chars().count();
    if (2..=MAX_UNIT_NAME_CHARS).contains(&n) {
        Ok(())
    } else {
        Err(format!("Nama unit 2–{MAX_UNIT_NAME_CHARS} karakter."))
    }
}

/// An id made from a name: `Biro Umum & Keuangan` → `biro-umum-keuangan`.
pub fn unit_id_from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    id.truncate(64);
    id.trim_end_matches('-').to_owned()
}

/// `Option<Option<T>>` that tells a missing field (None) from an explicit null (Some(None)).
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Serialize>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names_are_valid_ids() {
        assert_eq!(
            unit_id_from_name(" Biro Umum & Keuangan "),
            "biro-umum-keuangan"
        );
        assert!(check_unit_id(&unit_id_from_name("Kantor Regional II")).is_ok());
        assert!(check_unit_id("Bkn").is_err());
        assert!(check_unit_id("-x").is_err());
        assert!(check_unit_id("a").is_err());
        assert!(check_unit_name(" x ").is_err());
    }

    #[test]
    fn a_missing_parent_is_not_a_null_parent() {
        let keep: UnitChange = serde_json::from_str(r#"{"name":"Biro"}"#).unwrap();
        assert_eq!(keep.parent_id, None);
        let top: UnitChange = serde_json::from_str(r#"{"parent_id":null}"#).unwrap();
        assert_eq!(top.parent_id, Some(None));
        let under: UnitChange = serde_json::from_str(r#"{"parent_id":"bkn"}"#).unwrap();
        assert_eq!(under.parent_id, Some(Some("bkn".into())));
    }

    #[test]
    fn a_rename_sent_by_the_console_is_not_read_as_a_move_to_the_top() {
        for change in [
            UnitChange {
                name: Some("Biro".into()),
                parent_id: None,
            },
            UnitChange {
                name: None,
                parent_id: Some(None),
            },
            UnitChange {
                name: None,
                parent_id: Some(Some("bkn".into())),
            },
        ] {
            let sent = serde_json::to_string(&change).unwrap();
            assert_eq!(
                serde_json::from_str::<UnitChange>(&sent).unwrap(),
                change,
                "{sent}"
            );
        }
    }
}
