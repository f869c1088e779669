//! Questionnaire responses: the commitment scale, SMART ASN and the BerAKHLAK index, every
//! item answered 1–5 (a few skipped) around a level set by the person, the unit, the
//! component (Adaptif lowest) and a small rise over the year. Some people answer a
//! questionnaire again within days (after reading a module), so one period holds several
//! responses of one person.

use super::Scene;
use super::patterns;
use super::random;
use super::record::{self, DemoRecord};
use resapi_core::questionnaire::{INDEKS_BERAKHLAK, Questionnaire, SCALE_MAX, SCALE_MIN};
use resapi_core::rng::Rng;
use resapi_core::scoring::Answers;
use resapi_core::sync::{QuestionnaireResponse, RecordError};
use time::Duration;

/// Share of active people who answer questionnaires at all.
const RESPONDS: f64 = 0.85;
/// Share of responses followed by another one within ten days.
const ANSWERS_AGAIN: f64 = 0.15;
/// Spread of one answer around the person's level.
const ANSWER_SD: f64 = 0.75;

/// Every questionnaire response of the scene's person.
pub fn responses(scene: &Scene, rng: &mut Rng) -> Result<Vec<DemoRecord>, RecordError> {
    let mut out = Vec::new();
    if !scene.person.active || !random::chance(rng, RESPONDS) {
        return Ok(out);
    }
    let cal = scene.cal;
    for q in &scene.content.questionnaires {
        // The index is the agency's own survey, asked each quarter; the others are optional.
        let (takes_part, extra) = if q.id == INDEKS_BERAKHLAK {
            (0.9, 1.0)
        } else {
            (0.65, 0.4)
        };
        if !random::chance(rng, takes_part) {
            continue;
        }
        for _ in 0..1 + random::poisson(rng, extra) {
            let day = cal.pick_day(rng, scene.person.joined);
            out.push(response(scene, rng, q, day, 0.0)?);
            if random::chance(rng, ANSWERS_AGAIN) {
                let again = (day + rng.below(10) + 1).min(cal.days() - 1);
                out.push(response(scene, rng, q, again, 0.1)?);
            }
        }
    }
    Ok(out)
}

fn response(
    scene: &Scene,
    rng: &mut Rng,
    q: &Questionnaire,
    day: usize,
    lift: f64,
) -> Result<DemoRecord, RecordError> {
    let cal = scene.cal;
    let started = cal.moment(rng, day);
    let level = patterns::BASE_LIKERT
        + scene.person.attitude
        + scene.unit.strength.likert()
        + patterns::YEAR_TREND_LIKERT * cal.progress(day)
        + lift;
    let mut answers = Answers::new();
    for item in &q.items {
        if random::chance(rng, 0.03) {
            continue;
        }
        let scored = random::normal(
            rng,
            level + patterns::component_likert(&item.component),
            ANSWER_SD,
        )
        .round()
        .clamp(f64::from(SCALE_MIN), f64::from(SCALE_MAX)) as u8;
        let answer = if item.reverse {
            SCALE_MIN + SCALE_MAX - scored
        } else {
            scored
        };
        answers.insert(item.id.clone(), answer);
    }
    let minutes = i64::from(q.minutes.max(1));
    let finished = cal
        .before_now(started + Duration::seconds(random::between(rng, minutes * 40, minutes * 90)));
    let started = started.min(finished);
    let payload = QuestionnaireResponse {
        questionnaire_id: q.id.clone(),
        answers,
        started_at: started,
        content_version: scene.content.version.clone(),
    };
    let mut made = record::make(rng, scene.person, finished, &payload)?;
    made.received_at = record::received(rng, finished, cal);
    Ok(made)
}
