//! The people a grid counts: per unit's own members and span, how many distinct people
//! answered a questionnaire. The same selection as the figures (one person once per span,
//! on the agency's calendar), so the n that decides a cell is the n behind its numbers.

use super::grid::Span;
use super::latest::ResponseFact;
use std::collections::{BTreeMap, BTreeSet};
use time::UtcOffset;
use uuid::Uuid;

/// (unit id, span) → distinct respondents to `questionnaire` among the unit's own members.
/// `unit_of` gives a person's unit (people without one are not counted). Feed it to
/// [`super::grid::Grid::build`] as `|u, s| counts.get(&(u.to_string(), *s)).copied().unwrap_or(0)`.
pub fn own_respondents(
    responses: &[ResponseFact],
    questionnaire: &str,
    unit_of: impl Fn(&Uuid) -> Option<String>,
    spans: &[Span],
    offset: UtcOffset,
) -> BTreeMap<(String, Span), u32> {
    let mut people: BTreeMap<(String, Span), BTreeSet<Uuid>> = BTreeMap::new();
    for r in responses
        .iter()
        .filter(|r| r.questionnaire_id == questionnaire)
    {
        let Some(unit) = unit_of(&r.person) else {
            continue;
        };
        let day = r.at.to_offset(offset).date();
        for span in spans.iter().filter(|s| s.contains_date(day)) {
            people
                .entry((unit.clone(), *span))
                .or_default()
                .insert(r.person);
        }
    }
    people
        .into_iter()
        .map(|(key, set)| (key, u32::try_from(set.len()).unwrap_or(u32::MAX)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::grid::SpanLayout;
    use crate::aggregate::period::{Period, PeriodKind};
    use time::macros::{datetime, offset};

    fn response(person: u128, at: time::OffsetDateTime) -> ResponseFact {
        ResponseFact {
            id: Uuid::from_u128(person * 100 + u128::from(at.month() as u8)),
            person: Uuid::from_u128(person),
            questionnaire_id: "komitmen".into(),
            at,
            answers: Default::default(),
        }
    }

    #[test]
    fn a_person_answering_twice_counts_once_per_span() {
        let rs = [
            response(1, datetime!(2026-01-10 09:00 UTC)),
            response(1, datetime!(2026-03-10 09:00 UTC)),
            response(2, datetime!(2026-03-12 09:00 UTC)),
            // Someone without a unit is not counted.
            response(9, datetime!(2026-03-12 09:00 UTC)),
        ];
        let layout = SpanLayout::calendar_year(2026, PeriodKind::Month, true);
        let unit_of = |p: &Uuid| (p.as_u128() != 9).then(|| "seksi".to_string());
        let c = own_respondents(&rs, "komitmen", unit_of, &layout.spans, offset!(+7));
        let n = |s: Span| c.get(&("seksi".to_string(), s)).copied().unwrap_or(0);
        let month = |m| Span::Period(Period::month(2026, m).unwrap());
        assert_eq!((n(month(1)), n(month(2)), n(month(3))), (1, 0, 2));
        // Q1 is 2 people, not 3 answers: the sums over periods are not exact.
        assert_eq!(n(Span::Period(Period::quarter(2026, 1).unwrap())), 2);
        assert_eq!(n(Span::YearToDate(Period::month(2026, 2).unwrap())), 1);
        assert_eq!(n(Span::Period(Period::year(2026))), 2);
    }
}
