//! Which practice questions the item-analysis table lists, in which order: the filter
//! "only those to review" and the sort by any column. Questions without statistics (too few
//! first attempts) sort after the others whichever the direction.

use crate::console::pages::sortable::by_number;
use resapi_core::aggregate::item_analysis::ItemStats;
use resapi_core::unit_dashboard::{ItemCell, ItemRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Question,
    Value,
    FirstAttempts,
    Difficulty,
    Discrimination,
    Flags,
}

impl SortKey {
    /// Text columns start A→Z; numbers start with the largest (flags: most flags first).
    pub fn ascending_first(self) -> bool {
        matches!(self, SortKey::Question | SortKey::Value)
    }
}

pub fn stats(row: &ItemRow) -> Option<&ItemStats> {
    match &row.analysis {
        ItemCell::Given { stats } => Some(stats),
        ItemCell::NotGiven { .. } => None,
    }
}

/// The discrimination the flag is judged by: the point-biserial, or the upper–lower index
/// where the point-biserial is undefined (`true` then).
pub fn discrimination(s: &ItemStats) -> Option<(f64, bool)> {
    s.point_biserial
        .map(|d| (d, false))
        .or(s.upper_lower.map(|d| (d, true)))
}

pub fn flagged(row: &ItemRow) -> bool {
    stats(row).is_some_and(|s| !s.flags.is_empty())
}

/// The rows to list, in order. `text` is a question's text as shown (its stem).
pub fn listed(
    rows: &[ItemRow],
    only_flagged: bool,
    (key, ascending): (SortKey, bool),
    text: impl Fn(&ItemRow) -> String,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|&i| !only_flagged || flagged(&rows[i]))
        .collect();
    let number = |row: &ItemRow| -> Option<f64> {
        let s = stats(row)?;
        match key {
            SortKey::FirstAttempts => Some(f64::from(s.n)),
            SortKey::Difficulty => Some(s.difficulty),
            SortKey::Discrimination => discrimination(s).map(|(d, _)| d),
            SortKey::Flags => Some(s.flags.len() as f64),
            SortKey::Question | SortKey::Value => None,
        }
    };
    order.sort_by(|&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        let words = |a: String, b: String| if ascending { a.cmp(&b) } else { b.cmp(&a) };
        match key {
            SortKey::Question => words(text(a), text(b)),
            SortKey::Value => words(
                format!("{}\u{0}{}", a.value, a.indicator),
                format!("{}\u{0}{}", b.value, b.indicator),
            ),
            _ => by_number(number(a), number(b), ascending),
        }
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::aggregate::item_analysis::{Flag, OptionShare};
    use resapi_core::aggregate::sample::NotEnough;
    use resapi_core::text::Text;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn row(id: &str, value: &str, stats: Option<(u32, f64, Option<f64>, Vec<Flag>)>) -> ItemRow {
        ItemRow {
            question: id.into(),
            value: value.into(),
            indicator: format!("{value}-1"),
            analysis: match stats {
                Some((n, difficulty, point_biserial, flags)) => ItemCell::Given {
                    stats: ItemStats {
                        n,
                        difficulty,
                        point_biserial,
                        upper_lower: Some(0.1),
                        options: vec![OptionShare {
                            option: "a".into(),
                            correct: true,
                            chosen: n,
                            share: 1.0,
                        }],
                        flags,
                    },
                },
                None => ItemCell::NotGiven {
                    reason: NotEnough::BelowK { k: 5 },
                    message: Text::new("Kurang dari 5 responden", "Fewer than 5 respondents"),
                },
            },
        }
    }

    fn rows() -> Vec<ItemRow> {
        vec![
            row(
                "q1",
                "adaptif",
                Some((
                    30,
                    0.98,
                    Some(0.1),
                    vec![Flag::TooEasy, Flag::LowDiscrimination],
                )),
            ),
            row("q2", "akuntabel", None),
            row(
                "q3",
                "berorientasi-pelayanan",
                Some((25, 0.6, Some(0.45), vec![])),
            ),
            // No point-biserial: judged by upper–lower (0.1).
            row(
                "q4",
                "adaptif",
                Some((22, 0.5, None, vec![Flag::LowDiscrimination])),
            ),
        ]
    }

    #[wasm_bindgen_test]
    fn the_filter_keeps_only_flagged_questions() {
        let text = |r: &ItemRow| r.question.clone();
        assert_eq!(
            listed(&rows(), true, (SortKey::Question, true), text),
            vec![0, 3]
        );
        assert_eq!(
            listed(&rows(), false, (SortKey::Question, true), text).len(),
            4
        );
    }

    #[wasm_bindgen_test]
    fn numbers_sort_both_ways_with_questions_without_statistics_last() {
        let text = |r: &ItemRow| r.question.clone();
        let rows = rows();
        assert_eq!(
            listed(&rows, false, (SortKey::Difficulty, false), text),
            vec![0, 2, 3, 1]
        );
        assert_eq!(
            listed(&rows, false, (SortKey::Difficulty, true), text),
            vec![3, 2, 0, 1]
        );
        // q4's discrimination is its upper–lower 0.1, equal to q1's point-biserial.
        assert_eq!(
            listed(&rows, false, (SortKey::Discrimination, false), text),
            vec![2, 0, 3, 1]
        );
        assert_eq!(
            listed(&rows, false, (SortKey::Flags, false), text),
            vec![0, 3, 2, 1]
        );
        assert_eq!(
            listed(&rows, false, (SortKey::Value, false), text),
            vec![2, 1, 0, 3]
        );
        assert_eq!(discrimination(stats(&rows[3]).unwrap()), Some((0.1, true)));
    }
}
