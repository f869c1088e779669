//! The units in one's scope as a `<select>` lists them: in tree order, each under its
//! parent and indented by its depth, retired units left out (nothing new goes to them).

use leptos::prelude::*;
use resapi_core::admin::AdminUnit;

/// Active units in tree order with their depth (0 for a unit whose parent is out of scope).
pub fn tree_order(units: &[AdminUnit]) -> Vec<(&AdminUnit, usize)> {
    let active: Vec<&AdminUnit> = units.iter().filter(|u| u.active).collect();
    let known = |id: &str| active.iter().any(|u| u.id == id);
    let mut out = Vec::with_capacity(active.len());
    fn visit<'a>(
        unit: &'a AdminUnit,
        depth: usize,
        all: &[&'a AdminUnit],
        out: &mut Vec<(&'a AdminUnit, usize)>,
    ) {
        // A cycle cannot be stored, but a depth bound keeps a bad answer from looping.
        if depth > 32 || out.iter().any(|(u, _)| u.id == unit.id) {
            return;
        }
        out.push((unit, depth));
        for child in all
            .iter()
            .filter(|u| u.parent_id.as_deref() == Some(&unit.id))
        {
            visit(child, depth + 1, all, out);
        }
    }
    for root in active
        .iter()
        .filter(|u| u.parent_id.as_deref().is_none_or(|p| !known(p)))
    {
        visit(root, 0, &active, &mut out);
    }
    out
}

/// The unit a form starts on: one's own when it is in the list (a unit admin's), else the
/// top of the tree (an admin's own unit may be outside what the list shows).
pub fn starting_unit(units: &[AdminUnit], own: &str) -> Option<String> {
    if units.iter().any(|u| u.id == own && u.active) {
        return Some(own.to_owned());
    }
    tree_order(units).first().map(|(u, _)| u.id.clone())
}

/// The top unit of the scope's tree: the agency's name for an admin.
pub fn top_name(units: &[AdminUnit]) -> Option<String> {
    tree_order(units).first().map(|(u, _)| u.name.clone())
}

/// The `<option>`s of a unit select, `chosen` marked selected.
pub fn unit_options(units: &[AdminUnit], chosen: Signal<String>) -> impl IntoView + use<> {
    tree_order(units)
        .into_iter()
        .map(|(u, depth)| {
            let id = u.id.clone();
            let selected = {
                let id = id.clone();
                move || chosen.with(|c| *c == id)
            };
            // Indented with no-break spaces: an <option> takes no markup.
            let label = format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth), u.name);
            view! { <option value=id selected=selected>{label}</option> }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn unit(id: &str, parent: Option<&str>, active: bool) -> AdminUnit {
        AdminUnit {
            id: id.into(),
            name: id.to_uppercase(),
            parent_id: parent.map(Into::into),
            active,
            members: 0,
        }
    }

    #[wasm_bindgen_test]
    fn units_list_under_their_parents_without_the_retired() {
        let units = vec![
            unit("b", Some("root"), true),
            unit("a1", Some("a"), true),
            unit("root", None, true),
            unit("a", Some("root"), true),
            unit("old", Some("root"), false),
        ];
        let order: Vec<(&str, usize)> = tree_order(&units)
            .into_iter()
            .map(|(u, d)| (u.id.as_str(), d))
            .collect();
        assert_eq!(order, vec![("root", 0), ("b", 1), ("a", 1), ("a1", 2)]);
        assert_eq!(top_name(&units).as_deref(), Some("ROOT"));
        assert_eq!(starting_unit(&units, "a1").as_deref(), Some("a1"));
        assert_eq!(starting_unit(&units, "old").as_deref(), Some("root"));
        // A unit admin's scope starts below the agency's root.
        let scope = vec![unit("a1", Some("a"), true), unit("a", Some("root"), true)];
        assert_eq!(tree_order(&scope)[0].0.id, "a");
    }
}
