//! A questionnaire's items laid out once, so that many people's answers are scored without
//! looking every item up again: a group's spread scores each respondent, and over a year of
//! an agency that is thousands of personal scores per dashboard. The numbers are the ones
//! [`score_components`](super::score_components) and
//! [`index_from_answers`](super::index_from_answers) give, summed in the same order.
//!
//! A person's answers can also come as an [`AnswerRow`] (the dashboard keeps them so, to
//! read numbers rather than JSON): one slot per item in the questionnaire's order. A row is
//! checked and scored exactly as the same answers given as a map.
//!
//! A layout is the questionnaire's current form: answers to items retired from it are left
//! out (a group is scored on one form), where a person's own result is scored on the form
//! they answered.

use super::{ScoringError, enough, item_percent, mean_if_enough};
use crate::questionnaire::{Questionnaire, SCALE_MAX, SCALE_MIN};
use std::collections::HashMap;

/// One person's answers to one questionnaire in its item order: `None` where an item was
/// skipped. An answer sits at its item's first position (item ids are unique in valid
/// content). Values are kept as given; scoring checks the range.
pub type AnswerRow = Vec<Option<u8>>;

pub struct Layout<'a> {
    q: &'a Questionnaire,
    /// Item id → its (first) position: the position a person's answer is kept at.
    positions: HashMap<&'a str, usize>,
    /// Every position in item-id order: a row is checked in the order its answers would be
    /// as a map, so a bad row gives the same error.
    by_id: Vec<usize>,
    reverse: Vec<bool>,
    /// Per component, in questionnaire order: the positions of its items.
    components: Vec<Vec<usize>>,
    /// Per component: its indicators in first-seen order, each with its items' positions.
    indicators: Vec<Vec<Vec<usize>>>,
}

impl<'a> Layout<'a> {
    pub fn new(q: &'a Questionnaire) -> Layout<'a> {
        let mut positions = HashMap::new();
        for (i, item) in q.items.iter().enumerate() {
            positions.entry(item.id.as_str()).or_insert(i);
        }
        let at = |id: &str| positions.get(id).copied().unwrap_or(0);
        let mut by_id: Vec<usize> = (0..q.items.len()).collect();
        by_id.sort_by(|&a, &b| q.items[a].id.cmp(&q.items[b].id).then(a.cmp(&b)));
        let reverse = q.items.iter().map(|i| i.reverse).collect();
        let components = q
            .components
            .iter()
            .map(|c| q.items_of(&c.id).map(|i| at(&i.id)).collect())
            .collect();
        let indicators = q
            .components
            .iter()
            .map(|c| {
                let mut order: Vec<(&str, Vec<usize>)> = Vec::new();
                for i in q.items_of(&c.id) {
                    let Some(ind) = i.indicator.as_deref() else {
                        continue;
                    };
                    match order.iter_mut().find(|(o, _)| *o == ind) {
                        Some((_, items)) => items.push(at(&i.id)),
                        None => order.push((ind, vec![at(&i.id)])),
                    }
                }
                order.into_iter().map(|(_, items)| items).collect()
            })
            .collect();
        Layout {
            q,
            positions,
            by_id,
            reverse,
            components,
            indicators,
        }
    }

    /// The row of `answers`, leaving out answers to items the questionnaire does not have
    /// (the caller decides that they no longer count; scoring a map refuses them).
    pub fn row_of_known(&self, answers: &super::Answers) -> AnswerRow {
        let mut row = vec![None; self.q.items.len()];
        for (id, &answer) in answers {
            if let Some(&pos) = self.positions.get(id.as_str()) {
                row[pos] = Some(answer);
            }
        }
        row
    }

    /// The position of each item id (its first), for rows laid out by other code.
    pub fn position(&self, item: &str) -> Option<usize> {
        self.positions.get(item).copied()
    }

    /// An answer on the scale, reverse-keyed where its item is.
    fn key(&self, pos: usize, answer: u8) -> f64 {
        let mean = f64::from(answer);
        if self.reverse[pos] {
            f64::from(SCALE_MIN + SCALE_MAX) - mean
        } else {
            mean
        }
    }

    fn out_of_range(&self, pos: usize, answer: u8) -> Result<(), ScoringError> {
        if (SCALE_MIN..=SCALE_MAX).contains(&answer) {
            return Ok(());
        }
        Err(ScoringError::AnswerOutOfRange {
            item: self.q.items[pos].id.clone(),
            answer,
        })
    }

    /// One person's reverse-keyed answers by item position; the same checks, in the same
    /// order, as scoring the answers one by one.
    fn keyed(&self, answers: &super::Answers) -> Result<Vec<Option<f64>>, ScoringError> {
        let mut keyed = vec![None; self.q.items.len()];
        for (id, &answer) in answers {
            let Some(&pos) = self.positions.get(id.as_str()) else {
                // An earlier form's item: a group is scored on the current form.
                if self.q.knows_item(id) {
                    continue;
                }
                return Err(ScoringError::UnknownItem {
                    questionnaire: self.q.id.clone(),
                    item: id.clone(),
                });
            };
            self.out_of_range(pos, answer)?;
            keyed[pos] = Some(self.key(pos, answer));
        }
        Ok(keyed)
    }

    /// [`Layout::keyed`] of a row: the range checked in item-id order, as for a map.
    fn keyed_row(&self, row: &[Option<u8>]) -> Result<Vec<Option<f64>>, ScoringError> {
        let answer = |pos: usize| row.get(pos).copied().flatten();
        for &pos in &self.by_id {
            if let Some(a) = answer(pos) {
                self.out_of_range(pos, a)?;
            }
        }
        Ok((0..self.q.items.len())
            .map(|pos| answer(pos).map(|a| self.key(pos, a)))
            .collect())
    }

    /// A person's percentage per component (questionnaire order), as `score_components`.
    pub fn component_percents(
        &self,
        answers: &super::Answers,
    ) -> Result<Vec<Option<f64>>, ScoringError> {
        Ok(self.components_of(&self.keyed(answers)?))
    }

    /// [`Layout::component_percents`] of a row.
    pub fn component_percents_row(
        &self,
        row: &[Option<u8>],
    ) -> Result<Vec<Option<f64>>, ScoringError> {
        Ok(self.components_of(&self.keyed_row(row)?))
    }

    /// A person's percentage per value and overall, as `index_from_answers`.
    pub fn index_percents(
        &self,
        answers: &super::Answers,
    ) -> Result<(Vec<Option<f64>>, Option<f64>), ScoringError> {
        Ok(self.index_of(&self.keyed(answers)?))
    }

    /// [`Layout::index_percents`] of a row.
    pub fn index_percents_row(
        &self,
        row: &[Option<u8>],
    ) -> Result<(Vec<Option<f64>>, Option<f64>), ScoringError> {
        Ok(self.index_of(&self.keyed_row(row)?))
    }

    fn components_of(&self, keyed: &[Option<f64>]) -> Vec<Option<f64>> {
        self.components
            .iter()
            .map(|items| tally(items, keyed).map(item_percent))
            .collect()
    }

    fn index_of(&self, keyed: &[Option<f64>]) -> (Vec<Option<f64>>, Option<f64>) {
        let values: Vec<Option<f64>> = self
            .indicators
            .iter()
            .map(|inds| {
                mean_if_enough(
                    inds.iter()
                        .map(|items| tally(items, keyed).map(item_percent)),
                )
            })
            .collect();
        let overall = mean_if_enough(values.iter().copied());
        (values, overall)
    }
}

/// The mean of the answered items when enough of them are answered (`super::tally`).
fn tally(items: &[usize], keyed: &[Option<f64>]) -> Option<f64> {
    let (mut answered, mut sum) = (0u32, 0.0);
    for &i in items {
        if let Some(m) = keyed[i] {
            answered += 1;
            sum += m;
        }
    }
    let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
    enough(answered, total).then(|| sum / f64::from(answered))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ScoringConfig;
    use crate::rng::Rng;
    use crate::scoring::{Answers, index_from_answers, score_components};
    use serde_json::json;

    /// Two values with two indicators each (one reverse-keyed item, one indicator shared
    /// by name across values), so order and keying both matter.
    fn questionnaire() -> Questionnaire {
        let t = json!({"id": "-", "en": "-"});
        let components: Vec<_> = ["adaptif", "kompeten"]
            .iter()
            .map(|c| json!({"id": c, "name": t, "description": t, "low": t, "high": t}))
            .collect();
        let mut items = Vec::new();
        for (c, inds) in [("adaptif", ["x", "y"]), ("kompeten", ["z", "x"])] {
            for n in 0..7 {
                items.push(json!({
                    "id": format!("{c}{n}"), "component": c, "reverse": n % 3 == 2,
                    "indicator": inds[n % 2], "text": t,
                }));
            }
        }
        serde_json::from_value(json!({
            "id": "indeks", "scale": "agreement", "minutes": 5, "title": t, "purpose": t,
            "components": components, "items": items,
        }))
        .unwrap()
    }

    #[test]
    fn laid_out_scores_equal_scoring_each_person() {
        let q = questionnaire();
        let layout = Layout::new(&q);
        let config = ScoringConfig::default();
        let mut rng = Rng::new(9);
        for _ in 0..500 {
            let mut answers = Answers::new();
            for item in &q.items {
                // Many skips, so the two-thirds rule cuts both ways.
                if rng.below(3) != 0 {
                    answers.insert(item.id.clone(), 1 + rng.below(5) as u8);
                }
            }
            let own = index_from_answers(&q, &answers, &config).unwrap();
            let (values, overall) = layout.index_percents(&answers).unwrap();
            let expected: Vec<Option<f64>> = own.values.iter().map(|v| v.percent).collect();
            assert_eq!(values, expected);
            assert_eq!(overall, own.overall);
            let components: Vec<Option<f64>> = score_components(&q, &answers)
                .unwrap()
                .iter()
                .map(|c| c.percent)
                .collect();
            assert_eq!(layout.component_percents(&answers).unwrap(), components);
            // The same answers as a row score the same.
            let row = layout.row_of_known(&answers);
            assert_eq!(layout.index_percents_row(&row).unwrap(), (values, overall));
            assert_eq!(layout.component_percents_row(&row).unwrap(), components);
        }
    }

    #[test]
    fn a_row_leaves_out_unknown_items_and_keeps_each_answer_at_its_item() {
        let q = questionnaire();
        let layout = Layout::new(&q);
        let answers = Answers::from([
            ("adaptif2".to_string(), 4),
            ("kompeten6".to_string(), 1),
            ("gone".to_string(), 5),
        ]);
        let row = layout.row_of_known(&answers);
        assert_eq!(row.len(), q.items.len());
        assert_eq!(row[2], Some(4));
        assert_eq!(row[13], Some(1));
        assert_eq!(row.iter().flatten().count(), 2);
    }

    #[test]
    fn bad_answers_are_refused_as_when_scored_alone() {
        let q = questionnaire();
        let layout = Layout::new(&q);
        let config = ScoringConfig::default();
        for answers in [
            Answers::from([("adaptif0".to_string(), 6)]),
            Answers::from([("nope".to_string(), 3)]),
        ] {
            let alone = index_from_answers(&q, &answers, &config).unwrap_err();
            assert_eq!(layout.index_percents(&answers).unwrap_err(), alone);
        }
        // Two answers off the scale, items listed against their id order: a row names the
        // one a map would (item-id order), not the first in questionnaire order.
        let mut q = questionnaire();
        q.items.reverse();
        let layout = Layout::new(&q);
        let answers = Answers::from([("kompeten0".to_string(), 0), ("adaptif5".to_string(), 9)]);
        let alone = index_from_answers(&q, &answers, &config).unwrap_err();
        let row = layout.row_of_known(&answers);
        assert_eq!(layout.index_percents_row(&row).unwrap_err(), alone);
        assert_eq!(layout.component_percents_row(&row).unwrap_err(), alone);
    }
}
