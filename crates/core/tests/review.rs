//! "Ulang" review schedule: what a person sees on home and in the review session.

use resapi_core::review::{
    Card, ReviewEvent, ReviewState, due_count, due_on, due_questions, rebuild,
};
use time::macros::{date, datetime, offset};
use time::{Date, Duration, OffsetDateTime, UtcOffset};

const WIB: UtcOffset = offset!(+7);
const WITA: UtcOffset = offset!(+8);
const WIT: UtcOffset = offset!(+9);

fn answer(id: &str, at: OffsetDateTime, correct: bool) -> ReviewEvent {
    ReviewEvent {
        question_id: id.to_owned(),
        at: at.to_offset(UtcOffset::UTC),
        correct,
    }
}

/// `hh:mm` local time on `date` at `offset`, as the UTC instant the device records.
fn local(date: Date, hour: u8, minute: u8, offset: UtcOffset) -> OffsetDateTime {
    date.with_hms(hour, minute, 0)
        .unwrap()
        .assume_offset(offset)
        .to_offset(UtcOffset::UTC)
}

fn card<'a>(state: &'a ReviewState, id: &str) -> &'a Card {
    state.get(id).expect("question in review")
}

/// Wrong on `start` at 09:00 WIB, then right at 09:00 on each due date, `rights` times.
/// Returns the events and the interval (days) after each answer.
fn wrong_then_rights(start: Date, rights: usize) -> (Vec<ReviewEvent>, Vec<i64>) {
    let mut events = vec![answer("q", local(start, 9, 0, WIB), false)];
    let mut intervals = vec![card(&rebuild(&events, WIB), "q").interval_days()];
    for _ in 0..rights {
        let due = due_on(card(&rebuild(&events, WIB), "q"), WIB);
        events.push(answer("q", local(due, 9, 0, WIB), true));
        intervals.push(card(&rebuild(&events, WIB), "q").interval_days());
    }
    (events, intervals)
}

#[test]
fn a_question_answered_right_only_is_never_due() {
    let events: Vec<ReviewEvent> = (0..5)
        .map(|i| {
            answer(
                "q",
                local(date!(2025 - 03 - 01), 9, 0, WIB) + Duration::days(i),
                true,
            )
        })
        .collect();
    let state = rebuild(&events, WIB);
    assert!(state.is_empty());
    assert_eq!(due_count(&state, date!(2026 - 03 - 01), WIB), 0);
    assert!(due_questions(&state, date!(2026 - 03 - 01), WIB).is_empty());
}

#[test]
fn a_wrong_answer_is_due_the_next_local_day_in_wib_wita_wit() {
    for offset in [WIB, WITA, WIT] {
        // 23:30 local on the 1st: 16:30 UTC in WIB, 15:30 in WITA, 14:30 in WIT.
        let late = local(date!(2025 - 03 - 01), 23, 30, offset);
        let state = rebuild(&[answer("q", late, false)], offset);
        assert_eq!(
            due_on(card(&state, "q"), offset),
            date!(2025 - 03 - 02),
            "{offset}"
        );
        assert_eq!(
            due_count(&state, date!(2025 - 03 - 01), offset),
            0,
            "not the same day"
        );
        assert_eq!(due_questions(&state, date!(2025 - 03 - 02), offset), ["q"]);

        // 00:15 local on the 2nd is still the 1st in UTC, yet it is due on the 3rd local.
        let early = local(date!(2025 - 03 - 02), 0, 15, offset);
        assert_eq!(early.date(), date!(2025 - 03 - 01));
        let state = rebuild(&[answer("q", early, false)], offset);
        assert_eq!(
            due_on(card(&state, "q"), offset),
            date!(2025 - 03 - 03),
            "{offset}"
        );
        assert_eq!(due_count(&state, date!(2025 - 03 - 02), offset), 0);
    }
    assert_eq!(
        local(date!(2025 - 03 - 01), 23, 30, WIB),
        datetime!(2025-03-01 16:30 UTC)
    );
}

#[test]
fn intervals_grow_with_each_correct_review() {
    let (_, intervals) = wrong_then_rights(date!(2025 - 03 - 01), 4);
    assert_eq!(intervals[0], 1, "the wrong answer: next day");
    let reviews = &intervals[1..];
    assert!(reviews.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
    // With the default parameters: 2, 6, 15, 36 days.
    assert_eq!(reviews, [2, 6, 15, 36]);
}

#[test]
fn a_lapse_shortens_the_next_interval_sharply() {
    let (mut events, intervals) = wrong_then_rights(date!(2025 - 03 - 01), 4);
    let before = card(&rebuild(&events, WIB), "q").clone();
    assert_eq!(*intervals.last().unwrap(), 36);

    let due = due_on(&before, WIB);
    events.push(answer("q", local(due, 9, 0, WIB), false));
    let lapsed = card(&rebuild(&events, WIB), "q").clone();
    assert_eq!(lapsed.interval_days(), 1, "back the next day");
    assert_eq!(due_on(&lapsed, WIB), due + Duration::days(1));
    assert!(lapsed.stability < before.stability / 3.0, "{lapsed:?}");
    assert!(lapsed.difficulty > before.difficulty);
    assert_eq!(lapsed.lapses, before.lapses + 1);

    // Right again the next day: the interval restarts far below the 36 days before.
    events.push(answer("q", local(due + Duration::days(1), 9, 0, WIB), true));
    let recovered = card(&rebuild(&events, WIB), "q").clone();
    assert!(recovered.interval_days() < 36 / 3, "{recovered:?}");
}

#[test]
fn first_steps_match_the_fsrs5_formulas_with_default_parameters() {
    let wrong = local(date!(2025 - 03 - 01), 9, 0, WIB);
    let state = rebuild(&[answer("q", wrong, false)], WIB);
    let first = card(&state, "q");
    // Again (G = 1): S0 = w0 = 0.40255; D0(1) = w4 − e^(w5·0) + 1 = w4 = 7.1949.
    assert!((first.stability - 0.40255).abs() < 1e-9);
    assert!((first.difficulty - 7.1949).abs() < 1e-9);
    assert_eq!((first.reviews, first.lapses), (1, 1));

    // Good (G = 3) the next day, t = 1:
    // R = (1 + 19/81 · 1/0.40255)^−0.5 = 1.582705^−0.5 = 0.794877
    // S' = S·(e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1) + 1)
    //    = 0.40255·(4.691489 · 3.8051 · 1.114565 · 0.232533 + 1) = 0.40255 · 5.626640 = 2.265009
    // D' = D + ΔD·(10 − D)/9 with ΔD = −w6·(3 − 3) = 0 → 7.1949
    // D'' = w7·D0(4) + (1 − w7)·D', D0(4) = w4 − e^(3·w5) + 1 = 8.1949 − 4.970398 = 3.224502
    //     = 0.0046·3.224502 + 0.9954·7.1949 = 7.176636
    // Interval = S'/FACTOR·(0.9^(1/−0.5) − 1) = S' = 2.27 → 2 days.
    let right = answer("q", wrong + Duration::days(1), true);
    let state = rebuild(&[answer("q", wrong, false), right], WIB);
    let second = card(&state, "q");
    assert!((second.stability - 2.265009).abs() < 1e-5, "{second:?}");
    assert!((second.difficulty - 7.176636).abs() < 1e-5, "{second:?}");
    assert_eq!(second.interval_days(), 2);
    assert_eq!(due_on(second, WIB), date!(2025 - 03 - 04));
}

#[test]
fn same_day_repeats_do_not_inflate_stability_but_a_wrong_one_keeps_it_due() {
    let day = date!(2025 - 03 - 01);
    let wrong = answer("q", local(day, 9, 0, WIB), false);
    let alone = rebuild(std::slice::from_ref(&wrong), WIB);
    // Right again an hour later, same local day: nothing changes, still due tomorrow.
    let retried = rebuild(
        &[wrong.clone(), answer("q", local(day, 10, 0, WIB), true)],
        WIB,
    );
    assert_eq!(retried, alone);

    // A review answered right, then wrong later the same evening: due again the next day,
    // and the stability only goes down.
    let review_day = date!(2025 - 03 - 02);
    let mut events = vec![wrong, answer("q", local(review_day, 8, 0, WIB), true)];
    let reviewed = card(&rebuild(&events, WIB), "q").clone();
    assert!(reviewed.interval_days() > 1);
    events.push(answer("q", local(review_day, 23, 45, WIB), false));
    let after = card(&rebuild(&events, WIB), "q").clone();
    assert_eq!(due_on(&after, WIB), date!(2025 - 03 - 03));
    assert!(after.stability < reviewed.stability);
}

#[test]
fn rebuild_ignores_input_order_and_duplicated_events() {
    let d = date!(2025 - 03 - 01);
    let events = vec![
        answer("a", local(d, 9, 0, WIB), false),
        answer("b", local(d, 9, 1, WIB), true),
        answer("b", local(d, 9, 2, WIB), false),
        answer("a", local(d + Duration::days(1), 7, 0, WIB), true),
        answer("b", local(d + Duration::days(1), 7, 5, WIB), false),
        answer("a", local(d + Duration::days(3), 20, 0, WIB), true),
        answer("c", local(d + Duration::days(3), 20, 1, WIB), true),
    ];
    let expected = rebuild(&events, WIB);
    assert_eq!(expected.keys().collect::<Vec<_>>(), ["a", "b"]);

    let mut shuffled = events.clone();
    shuffled.reverse();
    shuffled.rotate_left(3);
    assert_eq!(rebuild(&shuffled, WIB), expected);

    // A restore that delivers records twice (and in another order) changes nothing.
    let mut doubled = shuffled.clone();
    doubled.extend(events.iter().cloned());
    doubled.push(events[3].clone());
    // The same answer recorded once as right and once as wrong: the wrong one counts.
    doubled.push(answer("a", local(d, 9, 0, WIB), true));
    assert_eq!(rebuild(&doubled, WIB), expected);
    assert_eq!(card(&rebuild(&doubled, WIB), "a").reviews, 3);

    // The rebuilt state survives a JSON round trip.
    let json = serde_json::to_string(&expected).unwrap();
    assert_eq!(
        serde_json::from_str::<ReviewState>(&json).unwrap(),
        expected
    );
}

#[test]
fn due_questions_lists_the_most_overdue_first_then_by_id() {
    let d = date!(2025 - 03 - 01);
    let events = vec![
        answer("newer", local(d + Duration::days(4), 9, 0, WIB), false),
        answer("oldest", local(d, 9, 0, WIB), false),
        answer("tie-b", local(d + Duration::days(2), 21, 0, WIB), false),
        answer("tie-a", local(d + Duration::days(2), 6, 0, WIB), false),
        answer("later", local(d + Duration::days(9), 9, 0, WIB), false),
    ];
    let state = rebuild(&events, WIB);
    let today = d + Duration::days(6);
    assert_eq!(
        due_questions(&state, today, WIB),
        ["oldest", "tie-a", "tie-b", "newer"]
    );
    assert_eq!(due_count(&state, today, WIB), 4);
    assert_eq!(due_count(&state, d, WIB), 0);
}
