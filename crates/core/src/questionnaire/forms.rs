//! Forms of a questionnaire: when a revision changes what an item means, the new wording
//! gets a new id and the old item is kept as *retired* with the last form it was asked in.
//! Responses on phones and on the server refer to items by id, so an answer to a retired
//! item is still known: a response that answers one was given on an earlier form and is
//! scored on that form (its items, its components), exactly as it was scored then. Items
//! whose meaning did not change keep their id and count in every form.

use super::{Item, Questionnaire};
use std::borrow::Cow;
use std::collections::BTreeMap;

impl Item {
    /// The form the item was first asked in.
    pub fn first_form(&self) -> u32 {
        self.since.unwrap_or(1)
    }

    /// Whether the item was asked in `form`: from its first form up to its last (a current
    /// item has no last form).
    pub fn in_form(&self, form: u32) -> bool {
        self.first_form() <= form && self.until.is_none_or(|until| form <= until)
    }
}

impl Questionnaire {
    /// Whether `id` is an item of any form, asked now or retired.
    pub fn knows_item(&self, id: &str) -> bool {
        self.items.iter().chain(&self.retired).any(|i| i.id == id)
    }

    /// The form a response was given on: the earliest last form of the retired items it
    /// answers, or the current form when it answers none.
    pub fn form_of<'a>(&self, answered: impl IntoIterator<Item = &'a str>) -> u32 {
        answered
            .into_iter()
            .filter_map(|id| self.retired.iter().find(|i| i.id == id))
            .map(|i| i.until.unwrap_or(self.form))
            .fold(self.form, u32::min)
    }

    /// The questionnaire as asked in `form`: its items (current and retired, grouped by
    /// component and indicator), with every other item of any form as retired, so that an
    /// answer to it stays known without counting. The current form is `self` unchanged.
    pub fn as_form(&self, form: u32) -> Cow<'_, Questionnaire> {
        if form >= self.form {
            return Cow::Borrowed(self);
        }
        let (mut items, retired): (Vec<Item>, Vec<Item>) = self
            .items
            .iter()
            .chain(&self.retired)
            .cloned()
            .partition(|i| i.in_form(form));
        // Grouped by component and indicator, so that a result lists its indicators in
        // the order the earlier form asked them (the content lists them so).
        let component = |i: &Item| self.components.iter().position(|c| c.id == i.component);
        items.sort_by(|a, b| (component(a), &a.indicator).cmp(&(component(b), &b.indicator)));
        Cow::Owned(Questionnaire {
            items,
            retired,
            form,
            ..self.clone()
        })
    }

    /// The answers to items asked now. A draft begun before a revision and finished after
    /// it keeps only these: the person answered and reviewed the rest on the current form,
    /// and a response mixing forms would be scored on neither as it was seen.
    pub fn asked_now<V: Clone>(&self, answers: &BTreeMap<String, V>) -> BTreeMap<String, V> {
        answers
            .iter()
            .filter(|(id, _)| self.items.iter().any(|i| &i.id == *id))
            .map(|(id, v)| (id.clone(), v.clone()))
            .collect()
    }

    /// The form a group's figures are read in: the form most of its responses were given on
    /// (`forms`, one per response; ties: the later form; none: the current form). A group's
    /// figures are one formula over item means, so it is scored on one form; reading a group
    /// that answered an earlier form in today's items would drop most of its answers (a
    /// revision gives every changed item a new id).
    pub fn most_answered_form(&self, forms: impl IntoIterator<Item = u32>) -> u32 {
        let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
        for form in forms {
            *counts.entry(form).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(form, n)| (n, form))
            .map_or(self.form, |(form, _)| form)
    }

    /// [`Questionnaire::as_form`] of the form the answered item ids were given on.
    pub fn form_answered<'a>(
        &self,
        answered: impl IntoIterator<Item = &'a str>,
    ) -> Cow<'_, Questionnaire> {
        self.as_form(self.form_of(answered))
    }
}

#[cfg(test)]
mod tests {
    use crate::questionnaire::{Component, Item, Questionnaire};
    use crate::text::Text;

    fn item(id: &str, since: Option<u32>, until: Option<u32>) -> Item {
        Item {
            id: id.into(),
            component: "c".into(),
            reverse: false,
            indicator: None,
            text: Text::new(id, id),
            since,
            until,
        }
    }

    /// Form 2 keeps `kept`, replaces `old` by `new`.
    fn revised() -> Questionnaire {
        Questionnaire {
            id: "q".into(),
            scale: "agreement".into(),
            minutes: 1,
            title: Text::new("q", "q"),
            purpose: Text::new("q", "q"),
            components: vec![Component {
                id: "c".into(),
                name: Text::new("c", "c"),
                description: Text::new("c", "c"),
                low: Text::new("c", "c"),
                high: Text::new("c", "c"),
            }],
            items: vec![item("kept", None, None), item("new", Some(2), None)],
            form: 2,
            retired: vec![item("old", None, Some(1))],
        }
    }

    fn ids(q: &Questionnaire) -> Vec<&str> {
        q.items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn a_group_is_read_in_the_form_most_of_it_answered_ties_going_to_the_later() {
        let q = revised();
        assert_eq!(q.most_answered_form([1, 1, 2]), 1);
        assert_eq!(q.most_answered_form([1, 2, 2]), 2);
        assert_eq!(q.most_answered_form([1, 2]), 2);
        assert_eq!(q.most_answered_form([]), q.form);
    }

    #[test]
    fn a_response_that_answers_a_retired_item_was_given_on_its_form() {
        let q = revised();
        assert_eq!(q.form_of(["kept", "old"]), 1);
        assert_eq!(q.form_of(["kept", "new"]), 2);
        assert_eq!(q.form_of(["kept"]), 2);
        assert_eq!(q.form_of([]), 2);
    }

    #[test]
    fn a_draft_finished_after_a_revision_keeps_the_answers_to_items_asked_now() {
        let q = revised();
        let draft = std::collections::BTreeMap::from([
            ("old".to_string(), 2u8),
            ("kept".to_string(), 4),
            ("new".to_string(), 5),
        ]);
        assert_eq!(
            q.asked_now(&draft),
            std::collections::BTreeMap::from([("kept".to_string(), 4), ("new".to_string(), 5)])
        );
        assert_eq!(q.form_of(q.asked_now(&draft).keys().map(String::as_str)), 2);
    }

    #[test]
    fn an_earlier_form_asks_its_own_items_and_still_knows_the_others() {
        let q = revised();
        let one = q.as_form(1);
        assert_eq!(ids(&one), ["kept", "old"]);
        assert!(one.knows_item("new") && one.knows_item("old"));
        assert!(!one.knows_item("other"));
        assert_eq!(ids(&q.as_form(2)), ["kept", "new"]);
        assert_eq!(ids(&q.as_form(7)), ["kept", "new"]);
    }
}
