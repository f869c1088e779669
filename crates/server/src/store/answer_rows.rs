//! The compact stored form of a counted response's answers (`fact_responses.answer_row`,
//! migration 0008, docs/dashboard.md "Speed"): one byte per item of the questionnaire as it
//! was when the fact was written (its *layout*, `fact_layouts`), 0 where the item was
//! skipped. A dashboard reads these bytes instead of parsing each response's JSON.
//!
//! The layout keeps the item ids, so a later content change still finds each answer's item:
//! an answer to an item the content no longer has is left out, as for the JSON answers.

use resapi_core::questionnaire::{Questionnaire, SCALE_MAX, SCALE_MIN};
use resapi_core::scoring::{AnswerRow, Answers, Layout};
use std::collections::HashMap;

/// A questionnaire's item ids in its order: the layout its rows are written in.
pub fn layout_items(q: &Questionnaire) -> String {
    let ids: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())
}

/// The row of `answers` in `q`'s item order, or `None` when a byte cannot say it all (an
/// item `q` does not have, an answer off the scale): such a response keeps only its JSON,
/// read the slow way, so nothing changes for it.
pub fn encode(q: &Questionnaire, answers: &Answers) -> Option<Vec<u8>> {
    let layout = Layout::new(q);
    let mut row = vec![0u8; q.items.len()];
    for (id, &answer) in answers {
        let pos = layout.position(id)?;
        if !(SCALE_MIN..=SCALE_MAX).contains(&answer) {
            return None;
        }
        row[pos] = answer;
    }
    Some(row)
}

/// Where each position of a stored layout lies in today's questionnaire (`None`: an item
/// the content no longer has).
pub fn to_today(stored_items: &[String], today: &Layout) -> Vec<Option<usize>> {
    stored_items.iter().map(|id| today.position(id)).collect()
}

/// A stored row in today's item order (`len` items), through `to_today`.
pub fn decode(bytes: &[u8], to_today: &[Option<usize>], len: usize) -> AnswerRow {
    let mut row = vec![None; len];
    for (&b, to) in bytes.iter().zip(to_today) {
        if b != 0
            && let Some(pos) = to
        {
            row[*pos] = Some(b);
        }
    }
    row
}

/// Stored layouts by id: (questionnaire, item ids).
pub type StoredLayouts = HashMap<i64, (String, Vec<String>)>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn komitmen() -> Questionnaire {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let content = crate::content::load(&dir).expect("content");
        content
            .bundle
            .questionnaires
            .into_iter()
            .find(|q| q.id == "komitmen")
            .expect("komitmen")
    }

    /// Every third item skipped, the others answered 1–5 in turn.
    fn answers(q: &Questionnaire) -> Answers {
        q.items
            .iter()
            .enumerate()
            .filter(|(n, _)| n % 3 != 1)
            .map(|(n, i)| (i.id.clone(), 1 + (n % 5) as u8))
            .collect()
    }

    fn stored_items(q: &Questionnaire) -> Vec<String> {
        serde_json::from_str(&layout_items(q)).expect("item ids")
    }

    #[test]
    fn a_row_round_trips_through_its_layout() {
        let q = komitmen();
        let answers = answers(&q);
        let bytes = encode(&q, &answers).expect("a row");
        assert_eq!(bytes.len(), q.items.len());
        let layout = Layout::new(&q);
        let row = decode(&bytes, &to_today(&stored_items(&q), &layout), q.items.len());
        assert_eq!(row, layout.row_of_known(&answers));
        assert_eq!(row.iter().flatten().count(), answers.len());
    }

    #[test]
    fn answers_a_byte_cannot_say_keep_only_their_json() {
        let q = komitmen();
        for (item, answer) in [("no-such-item", 3), (q.items[0].id.as_str(), 0)] {
            let mut a = answers(&q);
            a.insert(item.to_string(), answer);
            assert_eq!(encode(&q, &a), None, "{item} {answer}");
        }
        let mut a = answers(&q);
        a.insert(q.items[0].id.clone(), 6);
        assert_eq!(encode(&q, &a), None);
    }

    #[test]
    fn after_an_item_is_removed_or_moved_a_row_drops_what_the_json_answers_drop() {
        let old = komitmen();
        let answers = answers(&old);
        let bytes = encode(&old, &answers).expect("a row");
        // Today's content: the first item gone (it was answered), two others swapped.
        let mut today = old.clone();
        let gone = today.items.remove(0);
        assert!(answers.contains_key(&gone.id));
        today.items.swap(2, 5);
        let layout = Layout::new(&today);
        let row = decode(
            &bytes,
            &to_today(&stored_items(&old), &layout),
            today.items.len(),
        );
        // What dashboards did with the JSON answers: the answer to the removed item is left
        // out and every other answer stays with its item.
        assert_eq!(row, layout.row_of_known(&answers));
        assert_eq!(row.iter().flatten().count(), answers.len() - 1);
        for (item, a) in today.items.iter().zip(&row) {
            assert_eq!(*a, answers.get(&item.id).copied(), "{}", item.id);
        }
    }
}
