//! The demo agency's units: the real unit tree from `units.toml`, each unit given a size,
//! a strength and a participation rate. A few units are kept tiny (fewer than five people),
//! so the dashboards' anonymity rule ("kurang dari 5 responden") shows.

use super::patterns::Strength;
use super::random;
use resapi_core::content::Unit;
use resapi_core::rng::Rng;

/// Units with fewer than five members.
pub const SMALL_UNITS: usize = 3;
/// Units clearly above, and clearly below, the agency.
pub const STRONG_UNITS: usize = 5;
pub const WEAK_UNITS: usize = 5;

#[derive(Debug, Clone)]
pub struct UnitProfile {
    pub id: String,
    pub members: u32,
    pub strength: Strength,
    /// Share of the members who use the app.
    pub participation: f64,
    pub small: bool,
}

/// Relative size of a unit by its kind (read from the id: the example agency's ids say it).
fn size_weight(unit: &Unit, has_children: bool) -> f64 {
    let id = unit.id.as_str();
    if unit.parent_id.is_none() || has_children {
        // The head's or a deputy's own office: a handful of people besides its sub-units.
        0.08
    } else if id.contains("kanreg") {
        1.6
    } else if id.contains("pus") || id.contains("inspektorat") {
        0.7
    } else {
        1.0
    }
}

/// Sizes `units` to about `accounts` people in all (the named sign-in accounts are part of
/// it). Units in `keep_large` are never made small or weak (the sign-in accounts' units).
pub fn plan(units: &[Unit], accounts: u32, keep_large: &[&str], rng: &mut Rng) -> Vec<UnitProfile> {
    let has_children = |u: &Unit| units.iter().any(|c| c.parent_id.as_deref() == Some(&u.id));
    let leaves: Vec<usize> = (0..units.len())
        .filter(|&i| !has_children(&units[i]) && !keep_large.contains(&units[i].id.as_str()))
        .collect();
    let mut chosen = leaves.clone();
    rng.shuffle(&mut chosen);
    let small: Vec<usize> = chosen.iter().copied().take(SMALL_UNITS).collect();
    let strong: Vec<usize> = chosen
        .iter()
        .copied()
        .skip(SMALL_UNITS)
        .take(STRONG_UNITS)
        .collect();
    let weak: Vec<usize> = chosen
        .iter()
        .copied()
        .skip(SMALL_UNITS + STRONG_UNITS)
        .take(WEAK_UNITS)
        .collect();

    let weights: Vec<f64> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if small.contains(&i) {
                0.0
            } else {
                size_weight(u, has_children(u)) * random::normal(rng, 1.0, 0.2).clamp(0.6, 1.5)
            }
        })
        .collect();
    let small_people = SMALL_UNITS as u32 * 4;
    let spread =
        f64::from(accounts.saturating_sub(small_people).max(1)) / weights.iter().sum::<f64>();
    units
        .iter()
        .zip(weights)
        .enumerate()
        .map(|(i, (unit, weight))| {
            let strength = if strong.contains(&i) {
                Strength::Strong
            } else if weak.contains(&i) {
                Strength::Weak
            } else {
                Strength::Average
            };
            let (lo, hi) = strength.participation();
            let is_small = small.contains(&i);
            UnitProfile {
                id: unit.id.clone(),
                members: if is_small {
                    random::between(rng, 2, 4) as u32
                } else {
                    ((weight * spread).round() as u32).max(2)
                },
                strength,
                participation: if is_small {
                    1.0
                } else {
                    lo + random::unit(rng) * (hi - lo)
                },
                small: is_small,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<Unit> {
        let mut units = vec![Unit {
            id: "root".into(),
            name: "Root".into(),
            parent_id: None,
        }];
        for i in 0..20 {
            units.push(Unit {
                id: format!("leaf-{i}"),
                name: format!("Leaf {i}"),
                parent_id: Some("root".into()),
            });
        }
        units
    }

    #[test]
    fn sizes_add_up_and_small_strong_and_weak_units_are_distinct_leaves() {
        let plan = plan(&units(), 1000, &["leaf-0"], &mut Rng::new(9));
        let total: u32 = plan.iter().map(|u| u.members).sum();
        assert!((950..=1050).contains(&total), "{total}");
        let small: Vec<_> = plan.iter().filter(|u| u.small).collect();
        assert_eq!(small.len(), SMALL_UNITS);
        assert!(small.iter().all(|u| u.members < 5 && u.id != "leaf-0"));
        let count = |s| plan.iter().filter(|u| u.strength == s && !u.small).count();
        assert_eq!(count(Strength::Strong), STRONG_UNITS);
        assert_eq!(count(Strength::Weak), WEAK_UNITS);
        assert_eq!(plan[0].strength, Strength::Average);
    }
}
