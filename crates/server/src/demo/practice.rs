//! Practice sessions: ten questions drawn as the app draws them, each answer a
//! `practice_answer` record, and the session's summary (`practice_attempt`) at the end. The
//! chance of a correct answer follows the question's difficulty and value, the unit's
//! strength, the person's skill, and grows a little with practice.

use super::Scene;
use super::patterns;
use super::people::uuid_v7;
use super::random;
use super::record::{self, DemoRecord, unix_ms};
use resapi_core::practice::{MIXED, QUESTIONS_PER_SESSION, draw_questions};
use resapi_core::rng::Rng;
use resapi_core::sync::{PracticeAnswer, PracticeSession, RecordError};
use std::collections::HashSet;
use time::Duration;

/// Share of sessions left before the last question.
const QUIT: f64 = 0.07;
/// Longest a session takes here (ten answers of at most 70 s, and the summary).
const LONGEST: Duration = Duration::minutes(13);

/// `count` practice sessions of the scene's person, oldest first, with all their records.
pub fn sessions(scene: &Scene, rng: &mut Rng, count: u32) -> Result<Vec<DemoRecord>, RecordError> {
    let cal = scene.cal;
    let mut days: Vec<usize> = (0..count)
        .map(|_| cal.pick_day(rng, scene.person.joined))
        .collect();
    days.sort_unstable();
    let values: Vec<&str> = scene.content.values.iter().map(|v| v.id.as_str()).collect();
    let mut out = Vec::with_capacity(count as usize * (QUESTIONS_PER_SESSION + 1));
    let mut avoid: HashSet<String> = HashSet::new();
    for (n, day) in days.into_iter().enumerate() {
        let mut start = cal.moment(rng, day);
        while start + LONGEST >= cal.now {
            start -= Duration::days(1);
        }
        let scope = if values.is_empty() || random::chance(rng, 0.45) {
            MIXED
        } else {
            random::pick(rng, &values)
        };
        let questions = draw_questions(
            &scene.content.questions,
            scope,
            &avoid,
            QUESTIONS_PER_SESSION,
            rng,
        );
        if questions.is_empty() {
            continue;
        }
        let session_id = uuid_v7(rng, unix_ms(start));
        let to_answer = if random::chance(rng, QUIT) {
            random::between(rng, 1, questions.len() as i64 - 1).max(1) as usize
        } else {
            questions.len()
        };
        // Practice helps: up to six points more after twenty sessions.
        let learning = (n as f64 * 0.003).min(0.06);
        let mut at = start;
        let mut correct_count = 0;
        let mut answered = 0;
        let first = out.len();
        for (position, question_id) in questions.iter().take(to_answer).enumerate() {
            let Some(question) = scene.content.question(question_id) else {
                continue;
            };
            at += Duration::seconds(random::between(rng, 15, 70));
            let p = patterns::base_accuracy(question.difficulty)
                + scene.unit.strength.accuracy()
                + patterns::value_accuracy(&question.value)
                + scene.person.skill
                + learning;
            let correct = random::chance(rng, p.clamp(0.05, 0.97));
            let wrong: Vec<&str> = question
                .options
                .iter()
                .map(|o| o.id.as_str())
                .filter(|o| *o != question.answer)
                .collect();
            let option_id = if correct || wrong.is_empty() {
                question.answer.clone()
            } else {
                (*random::pick(rng, &wrong)).to_string()
            };
            let payload = PracticeAnswer {
                session_id,
                question_id: question_id.clone(),
                correct: question.is_correct(&option_id),
                option_id,
                content_version: scene.content.version.clone(),
                position: position as u32,
                question_rev: question.rev,
            };
            correct_count += u32::from(payload.correct);
            answered += 1;
            out.push(record::make(rng, scene.person, at, &payload)?);
        }
        at += Duration::seconds(random::between(rng, 3, 20));
        let summary = PracticeSession {
            scope: scope.to_string(),
            question_ids: questions.clone(),
            answered,
            correct: correct_count,
            completed: answered as usize >= questions.len(),
            started_at: start,
            content_version: scene.content.version.clone(),
        };
        out.push(record::make_with_id(
            session_id,
            scene.person,
            at,
            &summary,
        )?);
        // The phone sends the session's records together after it ends.
        let received = record::received(rng, at, cal);
        for r in &mut out[first..] {
            r.received_at = received;
        }
        avoid = questions.into_iter().collect();
    }
    Ok(out)
}
