//! The weakest part of a result and the module that answers it: what a questionnaire
//! result (or a unit's dashboard) suggests reading next.

use crate::commitment_reading::low_is_a_weakness;
use crate::module::Mapping;
use crate::scoring::{modules_for, target};

/// The weakest component of a questionnaire result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weakest {
    /// The component (commitment component, SMART ASN indicator or BerAKHLAK value) id.
    pub component: String,
    /// The first module the content maps to it; `None` when none is mapped.
    pub module_id: Option<String>,
}

/// The item with the lowest key. Items without a key (not enough answers) or with a NaN key
/// are skipped; a tie keeps the earlier item, so the order of the questionnaire decides.
pub fn lowest<T>(items: &[T], key: impl Fn(&T) -> Option<f64>) -> Option<&T> {
    let mut best: Option<(&T, f64)> = None;
    for item in items {
        if let Some(k) = key(item).filter(|k| !k.is_nan())
            && best.is_none_or(|(_, b)| k < b)
        {
            best = Some((item, k));
        }
    }
    best.map(|(item, _)| item)
}

/// The weakest of `scores` (component id → its score on any scale where lower is weaker:
/// a 1–5 mean or a percentage) in questionnaire order, with the module mapped to
/// `questionnaire_id:component`. A component whose low score is no weakness (continuance
/// commitment, see `commitment_reading`) is never the weakest. `None` when no other
/// component is scored.
pub fn weakest_component<C: AsRef<str>>(
    questionnaire_id: &str,
    scores: &[(C, Option<f64>)],
    mappings: &[Mapping],
) -> Option<Weakest> {
    let (component, _) = lowest(scores, |(c, score)| {
        score.filter(|_| low_is_a_weakness(questionnaire_id, c.as_ref()))
    })?;
    let component = component.as_ref();
    Some(Weakest {
        component: component.to_owned(),
        module_id: modules_for(mappings, &target(questionnaire_id, component))
            .first()
            .cloned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(target: &str, modules: &[&str]) -> Mapping {
        Mapping {
            target: target.into(),
            modules: modules.iter().map(|m| (*m).into()).collect(),
        }
    }

    #[test]
    fn lowest_keeps_the_first_of_a_tie_and_ignores_unscored() {
        let xs = [None, Some(2.0), Some(1.0), Some(1.0)];
        let low = lowest(&xs, |x| *x).map(|x| x as *const _);
        assert_eq!(low, Some(&xs[2] as *const _));
        assert!(lowest(&[None::<f64>], |x| *x).is_none());
    }

    #[test]
    fn a_nan_score_is_never_the_weakest() {
        let xs = [Some(f64::NAN), Some(3.0), Some(f64::NAN)];
        assert_eq!(lowest(&xs, |x| *x), Some(&Some(3.0)));
    }

    #[test]
    fn the_weakest_component_comes_with_the_first_module_mapped_to_it() {
        let mappings = [
            mapping("komitmen:afektif", &["modul-afektif"]),
            mapping("komitmen:normatif", &["modul-normatif", "modul-loyal"]),
        ];
        let scores = [
            ("afektif", Some(4.2)),
            ("kontinuan", None),
            ("normatif", Some(2.5)),
        ];
        assert_eq!(
            weakest_component("komitmen", &scores, &mappings),
            Some(Weakest {
                component: "normatif".into(),
                module_id: Some("modul-normatif".into()),
            })
        );
    }

    #[test]
    fn low_continuance_commitment_never_sends_anyone_to_raise_it() {
        let mappings = [
            mapping("komitmen:afektif", &["modul-afektif"]),
            mapping("komitmen:kontinuan", &["modul-kontinuan"]),
        ];
        let scores = [
            ("afektif", Some(3.8)),
            ("kontinuan", Some(1.5)),
            ("normatif", Some(3.9)),
        ];
        let w = weakest_component("komitmen", &scores, &mappings).unwrap();
        assert_eq!(w.component, "afektif");
        assert_eq!(w.module_id.as_deref(), Some("modul-afektif"));
        // Continuance alone scored: nothing to strengthen.
        let only = [("kontinuan", Some(1.0)), ("afektif", None)];
        assert_eq!(weakest_component("komitmen", &only, &mappings), None);
    }

    #[test]
    fn a_tie_goes_to_the_component_first_in_the_questionnaire() {
        let scores = [
            ("loyal".to_owned(), Some(40.0)),
            ("adaptif".into(), Some(40.0)),
        ];
        let w = weakest_component("indeks-berakhlak", &scores, &[]).unwrap();
        assert_eq!(w.component, "loyal");
    }

    #[test]
    fn an_unmapped_weakest_component_has_no_module_and_nothing_scored_has_no_weakest() {
        let mappings = [mapping("smart-asn:integritas", &["modul-integritas"])];
        let w = weakest_component("smart-asn", &[("networking", Some(10.0))], &mappings);
        assert_eq!(w.map(|w| w.module_id), Some(None));
        let none: [(&str, Option<f64>); 2] = [("a", None), ("b", None)];
        assert_eq!(weakest_component("smart-asn", &none, &mappings), None);
    }
}
