//! Module records: a reflection after reading a module, a *komitmen aksi* for the next seven
//! days (a suggested action or the person's own words), and the check-in when it is due.
//! The Adaptif module is read most (it answers the weakest value); strong units keep more
//! of their commitments.

use super::Scene;
use super::calendar::WIB;
use super::patterns::{self, Strength};
use super::random;
use super::record::{self, DemoRecord};
use resapi_core::module::{Module, ModuleKind};
use resapi_core::rng::Rng;
use resapi_core::sync::{
    CheckinOutcome, Commitment, CommitmentCheckin, Payload, RecordError, Reflection,
};
use time::Duration;

/// Modules an active person works through in the year, on average.
const MODULES_PER_YEAR: f64 = 1.6;

const REFLECTIONS: [&str; 8] = [
    "Setelah membaca modul \"{title}\", saya sadar masih sering menunda pekerjaan yang sebenarnya bisa selesai hari ini.",
    "Modul \"{title}\" mengingatkan saya bahwa hal kecil seperti membalas pesan dengan cepat berarti banyak bagi orang lain.",
    "Saya pernah mengalami situasi seperti dalam cerita di modul \"{title}\". Waktu itu saya diam saja; lain kali saya akan bertindak.",
    "Yang paling saya ingat dari \"{title}\": nilai ini terlihat dari kebiasaan sehari-hari, bukan dari slogan.",
    "Di unit kami hal ini belum berjalan baik. Saya ingin mengajak rekan satu tim membicarakannya dalam rapat mingguan.",
    "Saya merasa sudah cukup baik di sini, tetapi contoh \"yang bukan\" di modul \"{title}\" membuat saya berpikir ulang.",
    "Perubahan aplikasi dan aturan yang cepat kadang membuat saya kewalahan. Modul ini memberi cara memulai dari langkah kecil.",
    "Saya akan mencatat setiap kali saya berhasil menerapkan nilai ini selama seminggu, supaya kemajuannya terlihat.",
];

const OWN_WORDS: [&str; 6] = [
    "Membalas setiap pertanyaan layanan paling lambat satu hari kerja.",
    "Mempelajari satu fitur baru aplikasi kepegawaian setiap hari selama seminggu.",
    "Meminta masukan dari satu rekan setelah setiap rapat koordinasi.",
    "Menyelesaikan laporan harian sebelum pukul 16.00.",
    "Mengajak rekan dari unit lain makan siang dan berbagi cara kerja.",
    "Mencatat keluhan pengguna layanan dan menindaklanjutinya minggu ini.",
];

const NOTES: [&str; 4] = [
    "",
    "Sudah saya lakukan hampir setiap hari.",
    "Baru sebagian, minggu depan saya lanjutkan.",
    "Belum sempat karena banyak tugas lapangan.",
];

fn weight(module: &Module) -> f64 {
    match (&module.kind, module.value.as_deref()) {
        (ModuleKind::Value, Some(value)) if value == patterns::WEAKEST_VALUE => 3.0,
        (ModuleKind::Value, _) => 1.0,
        (ModuleKind::Commitment, _) => 0.7,
    }
}

/// Every module record of the scene's person.
pub fn records(scene: &Scene, rng: &mut Rng) -> Result<Vec<DemoRecord>, RecordError> {
    let mut out = Vec::new();
    let modules = &scene.content.modules;
    if !scene.person.active || modules.is_empty() {
        return Ok(out);
    }
    let weights: Vec<f64> = modules.iter().map(weight).collect();
    let cal = scene.cal;
    for _ in 0..random::poisson(rng, MODULES_PER_YEAR * scene.person.keenness.min(2.0)) {
        let module = &modules[random::weighted(rng, &weights)];
        let day = cal.pick_day(rng, scene.person.joined);
        let mut at = cal.moment(rng, day);
        if random::chance(rng, 0.7) {
            let text = random::pick(rng, &REFLECTIONS).replace("{title}", &module.title.id);
            let reflection = Reflection {
                module_id: module.id.clone(),
                text,
            };
            out.push(sent(scene, rng, at, &reflection)?);
            at = cal.before_now(at + Duration::minutes(random::between(rng, 1, 5)));
        }
        if !random::chance(rng, 0.6) {
            continue;
        }
        let action = (!module.actions.is_empty() && random::chance(rng, 0.8))
            .then(|| random::pick(rng, &module.actions));
        let text = match action {
            Some(action) => action.text.id.clone(),
            None => (*random::pick(rng, &OWN_WORDS)).to_string(),
        };
        let due = at.to_offset(WIB).date() + Duration::days(7);
        let commitment = Commitment {
            module_id: module.id.clone(),
            action_id: action.map(|a| a.id.clone()),
            text,
            due_on: format!(
                "{:04}-{:02}-{:02}",
                due.year(),
                u8::from(due.month()),
                due.day()
            ),
        };
        let made = sent(scene, rng, at, &commitment)?;
        let commitment_id = made.record.id;
        out.push(made);
        let Some(due_index) = cal.index_of(at).map(|i| i + 7 + rng.below(4)) else {
            continue;
        };
        if due_index >= cal.days() || !random::chance(rng, 0.8) {
            continue;
        }
        let done = match scene.unit.strength {
            Strength::Strong => [0.65, 0.25, 0.1],
            Strength::Average => [0.5, 0.33, 0.17],
            Strength::Weak => [0.3, 0.35, 0.35],
        };
        let outcome = [
            CheckinOutcome::Done,
            CheckinOutcome::Partly,
            CheckinOutcome::NotYet,
        ][random::weighted(rng, &done)];
        let checkin = CommitmentCheckin {
            commitment_id,
            outcome,
            note: (*random::pick(rng, &NOTES)).to_string(),
        };
        let when = cal.moment(rng, due_index);
        out.push(sent(scene, rng, when, &checkin)?);
    }
    Ok(out)
}

fn sent(
    scene: &Scene,
    rng: &mut Rng,
    at: time::OffsetDateTime,
    payload: &impl Payload,
) -> Result<DemoRecord, RecordError> {
    let mut made = record::make(rng, scene.person, at, payload)?;
    made.received_at = record::received(rng, at, scene.cal);
    Ok(made)
}
