//! The demo agency's competitions: one held last month, taken by about two thirds of the
//! Deputi BMK's people and published (so the console's results, item analysis and piagam
//! and the phones' results are full at once), one open this week (the demo employee can
//! take it), and two ASN Inspiratif: one consented (on the unit's phones) and one naming the
//! demo employee, waiting for her decision.

use super::people::SIGN_IN;
use crate::competition::results::{Inputs, compute};
use crate::competition::row_of;
use crate::store::{NewAttempt, Store};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::competition::draw::{QuestionSource, draw};
use resapi_core::competition::grade::AttemptAnswer;
use resapi_core::competition::ranking::RankingRule;
use resapi_core::competition::schedule::{Checked, CompetitionDraft, Zone};
use resapi_core::competition::window::{DEFAULT_GRACE, Window};
use resapi_core::content::ContentBundle;
use resapi_core::recognition::NameRequest;
use resapi_core::rng::Rng;
use resapi_core::role::subtree;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// The unit both competitions are for: the demo unit admin's, with five directorates.
const UNIT: &str = "bkn-deputi-bmk";

fn draft(
    name: &str,
    description: &str,
    per_value: u32,
    minutes: u32,
    window: &Window,
) -> CompetitionDraft {
    CompetitionDraft {
        name: name.into(),
        description: description.into(),
        unit_id: UNIT.into(),
        opens_local: Zone::Wib.format_local(window.opens_at),
        closes_local: Zone::Wib.format_local(window.closes_at),
        zone: Zone::Wib,
        questions: QuestionSource::PerValue { per_value },
        limit_minutes: minutes,
        grace_hours: None,
        min_participants: None,
    }
}

/// A share 0–1 from the generator.
fn unit(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Adds the competitions and recognitions; answers a one-line summary.
pub async fn seed(
    store: &Store,
    pool: &ContentBundle,
    now: OffsetDateTime,
    seed: u64,
) -> Result<String, String> {
    let err = |e: crate::store::StoreError| e.to_string();
    let tree = store.unit_tree().await.map_err(err)?;
    if pool.questions.is_empty() || !tree.iter().any(|(id, _)| id == UNIT) {
        return Ok("no competition pool or no Deputi BMK: no demo competitions".into());
    }
    let mut rng = Rng::new(seed ^ 0x004c_4f4d_4241);
    let admin = account_of(store, SIGN_IN[0].nip).await?;
    let rule = RankingRule::default();

    // Last month's, published three days after its grace.
    let opens_at = (now - Duration::days(35)).replace_time(time::macros::time!(01:00));
    let past = Window {
        opens_at,
        closes_at: opens_at + Duration::days(4) + Duration::hours(8),
        grace_seconds: DEFAULT_GRACE.whole_seconds() as u32,
        limit_seconds: 20 * 60,
    };
    let d = draft(
        "Lomba Bulan BerAKHLAK",
        "Dua soal tiap nilai, 20 menit, satu kali. Unit dinilai dari rata-rata anggotanya dengan \
         partisipasi ikut dihitung.",
        2,
        20,
        &past,
    );
    let id = Uuid::now_v7();
    let questions = draw(&d.questions, pool, &mut rng).map_err(|e| e.to_string())?;
    let checked = Checked { window: past, rule };
    let row = row_of(id, &d, &checked, &questions, opens_at - Duration::days(7)).map_err(err)?;
    store.insert_competition(&row, admin).await.map_err(err)?;

    let members = subtree(UNIT, &tree);
    let people = store.accounts_in_units().await.map_err(err)?;
    let mut taken = 0;
    for (account, unit_id) in people.iter().filter(|(_, u)| members.contains(u)) {
        // Units differ in keenness and in knowledge; people a little around their unit.
        let unit_seed = unit_id
            .bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let mut unit_rng = Rng::new(unit_seed);
        let keenness = 0.45 + 0.45 * unit(&mut unit_rng);
        let skill = 0.5 + 0.3 * unit(&mut unit_rng);
        if unit(&mut rng) > keenness {
            continue;
        }
        let started =
            past.opens_at + Duration::minutes((unit(&mut rng) * 4.0 * 24.0 * 60.0) as i64);
        let finished = started + Duration::seconds(300 + (unit(&mut rng) * 900.0) as i64);
        let mut answers = Vec::new();
        let mut correct = 0;
        for qid in &questions {
            let Some(q) = pool.question(qid) else {
                continue;
            };
            let right = unit(&mut rng) < skill + 0.2 * (unit(&mut rng) - 0.5);
            let wrong: Vec<&str> = q
                .options
                .iter()
                .map(|o| o.id.as_str())
                .filter(|o| *o != q.answer)
                .collect();
            let option = if right || wrong.is_empty() {
                q.answer.clone()
            } else {
                wrong[rng.below(wrong.len())].to_owned()
            };
            correct += u32::from(q.is_correct(&option));
            answers.push(AttemptAnswer {
                question_id: q.id.clone(),
                option_id: option,
            });
        }
        store
            .insert_attempt(&NewAttempt {
                competition: id,
                account: *account,
                unit_id,
                record_id: Uuid::now_v7(),
                downloaded_at: started - Duration::minutes(30),
                started_at: started,
                finished_at: finished,
                correct,
                total: questions.len() as u32,
                answers: &answers,
            })
            .await
            .map_err(err)?;
        taken += 1;
    }
    let published_at = past.accepts_until() + Duration::days(3);
    let inputs = Inputs::read(store, id).await.map_err(err)?;
    let results =
        compute(&row, &inputs, pool, MinRespondents::DEFAULT, published_at).map_err(err)?;
    let json = serde_json::to_string(&results).map_err(|e| e.to_string())?;
    store
        .publish_competition(id, &json, published_at)
        .await
        .map_err(err)?;

    // This week's: open now, nobody has taken it yet.
    let this_week = Window {
        opens_at: now - Duration::days(1),
        closes_at: now + Duration::days(6),
        grace_seconds: DEFAULT_GRACE.whole_seconds() as u32,
        limit_seconds: 10 * 60,
    };
    let d = draft(
        "Kuis Apel Pekan Ini",
        "Satu soal tiap nilai, 10 menit.",
        1,
        10,
        &this_week,
    );
    let open_id = Uuid::now_v7();
    let questions = draw(&d.questions, pool, &mut rng).map_err(|e| e.to_string())?;
    let checked = Checked {
        window: this_week,
        rule,
    };
    let row = row_of(open_id, &d, &checked, &questions, now - Duration::days(2)).map_err(err)?;
    store.insert_competition(&row, admin).await.map_err(err)?;

    // ASN Inspiratif: one consented in the demo employee's directorate, and one for her.
    let leader = account_of(store, SIGN_IN[1].nip).await?;
    let siti = account_of(store, SIGN_IN[3].nip).await?;
    let directorate = SIGN_IN[3].unit_id;
    let colleague = people
        .iter()
        .find(|(a, u)| u == directorate && *a != siti)
        .map(|(a, _)| *a);
    let mut named = 0;
    if let Some(colleague) = colleague {
        let r = store
            .name_recognition(
                &NameRequest {
                    unit_id: directorate.into(),
                    account_id: colleague,
                    value_id: "pelayanan".into(),
                    citation: "Menyusun panduan singkat pengisian SKP untuk pegawai baru dan \
                               mendampingi mereka satu per satu sampai selesai."
                        .into(),
                    period: period(published_at),
                    competition_id: Some(id),
                },
                leader,
                published_at,
            )
            .await
            .map_err(err)?;
        store
            .set_consent(r.id, true, published_at + Duration::hours(5))
            .await
            .map_err(err)?;
        named += 1;
    }
    store
        .name_recognition(
            &NameRequest {
                unit_id: directorate.into(),
                account_id: siti,
                value_id: "kolaboratif".into(),
                citation: "Mengajak tiga bidang menyatukan data kinerja dalam satu lembar kerja \
                           bersama sehingga laporan bulanan selesai dua hari lebih cepat."
                    .into(),
                period: period(now),
                competition_id: None,
            },
            leader,
            now - Duration::hours(2),
        )
        .await
        .map_err(err)?;
    named += 1;
    Ok(format!(
        "2 competitions (one published: {taken} attempts; one open this week), {named} ASN Inspiratif"
    ))
}

fn period(at: OffsetDateTime) -> String {
    let d = at.to_offset(Zone::Wib.offset()).date();
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

async fn account_of(store: &Store, nip: &str) -> Result<Uuid, String> {
    store
        .account_by_nip(nip)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("the demo account {nip} is missing"))?
        .uuid()
        .map_err(|e| e.to_string())
}
