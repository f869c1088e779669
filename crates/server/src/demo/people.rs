//! The demo agency's people: Indonesian names, valid NIPs (birth date, appointment, gender
//! and serial, as `resapi_core::nip` checks them), a unit, roles, and how keen and able each
//! one is. Four of them are the documented sign-in accounts.

use super::random;
use super::tree::UnitProfile;
use resapi_core::api::Role;
use resapi_core::nip::Nip;
use resapi_core::rng::Rng;
use std::collections::HashSet;
use uuid::Uuid;

/// The password of every demo account (documented in the README; demo data only).
pub const DEMO_PASSWORD: &str = "demo-resapi";

/// A documented account to sign in with.
#[derive(Debug, Clone, Copy)]
pub struct SignIn {
    pub nip: &'static str,
    pub name: &'static str,
    pub unit_id: &'static str,
    pub role: Role,
}

/// One per role. The unit admin's unit has five directorates under it; the employee works
/// in one of them, so the unit admin's dashboard includes her.
pub const SIGN_IN: [SignIn; 4] = [
    SignIn {
        nip: "198001152005012001",
        name: "Dewi Lestari",
        unit_id: "bkn-biro-sdm",
        role: Role::Admin,
    },
    SignIn {
        nip: "197806202003121002",
        name: "Budi Santoso",
        unit_id: "bkn-deputi-bmk",
        role: Role::UnitAdmin,
    },
    SignIn {
        nip: "198509032010031003",
        name: "Ahmad Fauzi",
        unit_id: "bkn-pusbang-kepegawaian",
        role: Role::Trainer,
    },
    SignIn {
        nip: "199204172019022004",
        name: "Siti Rahmawati",
        unit_id: "bkn-dit-kinerja",
        role: Role::Employee,
    },
];

const MALE: [&str; 40] = [
    "Agus",
    "Ahmad",
    "Andi",
    "Arif",
    "Bambang",
    "Bayu",
    "Budi",
    "Dedi",
    "Dimas",
    "Eko",
    "Fajar",
    "Fikri",
    "Hendra",
    "Irfan",
    "Joko",
    "Kurniawan",
    "Made",
    "Muhammad",
    "Nugroho",
    "Putu",
    "Rahmat",
    "Reza",
    "Rizky",
    "Slamet",
    "Sutrisno",
    "Taufik",
    "Teguh",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Hadi",
    "Ilham",
    "Gilang",
    "Aditya",
    "Dwi",
    "Heru",
    "Yoga",
    "Ridwan",
    "Arief",
    "Benny",
];
const FEMALE: [&str; 40] = [
    "Anisa",
    "Ayu",
    "Dewi",
    "Dian",
    "Endang",
    "Fitri",
    "Indah",
    "Intan",
    "Kartika",
    "Lestari",
    "Lina",
    "Maya",
    "Mega",
    "Nur",
    "Novi",
    "Nurul",
    "Putri",
    "Rina",
    "Rini",
    "Sari",
    "Siti",
    "Sri",
    "Tuti",
    "Wulan",
    "Yuliana",
    "Yanti",
    "Ratna",
    "Ani",
    "Desi",
    "Eka",
    "Fauziah",
    "Handayani",
    "Ika",
    "Kadek",
    "Laila",
    "Melati",
    "Nining",
    "Puspita",
    "Retno",
    "Wahyuni",
];
const FAMILY: [&str; 48] = [
    "Pratama",
    "Saputra",
    "Wijaya",
    "Santoso",
    "Hidayat",
    "Kusuma",
    "Setiawan",
    "Nugraha",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sitompul",
    "Hutapea",
    "Panjaitan",
    "Wibowo",
    "Susanto",
    "Purnomo",
    "Suryadi",
    "Rahman",
    "Hakim",
    "Syahputra",
    "Firmansyah",
    "Gunawan",
    "Hartono",
    "Halim",
    "Permana",
    "Ramadhan",
    "Kurniasih",
    "Wulandari",
    "Rahayu",
    "Safitri",
    "Utami",
    "Lestari",
    "Anggraini",
    "Maharani",
    "Pertiwi",
    "Yulianti",
    "Sembiring",
    "Ginting",
    "Tarigan",
    "Manurung",
    "Pohan",
    "Daulay",
    "Latuconsina",
    "Pattiasina",
    "Mandagi",
];

/// A person of the demo agency.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    /// Index into the unit plan.
    pub unit: usize,
    pub roles: Vec<Role>,
    /// Uses the app at all.
    pub active: bool,
    /// Relative amount of practice (1.0 typical).
    pub keenness: f64,
    /// Added to the chance of a correct answer.
    pub skill: f64,
    /// Added to questionnaire answers on the 1–5 scale.
    pub attitude: f64,
    /// The first day index (in the calendar) the person used the app.
    pub joined: usize,
}

/// A valid NIP: born 1966–2001, appointed at 19–35 (not after `latest_year`), gender digit
/// from the name, a serial. Returns its 18 digits.
fn nip(rng: &mut Rng, female: bool, latest_year: i32) -> String {
    let birth_year = random::between(rng, 1966, 2001) as i32;
    let month = random::between(rng, 1, 12);
    let day = random::between(rng, 1, 28);
    let appointed = (birth_year + random::between(rng, 19, 35) as i32).min(latest_year);
    let appointed_month = *random::pick(rng, &[1, 1, 1, 2, 3, 3, 4, 6, 10, 12]);
    let gender = if female { 2 } else { 1 };
    let serial = random::between(rng, 1, 999);
    format!(
        "{birth_year:04}{month:02}{day:02}{appointed:04}{appointed_month:02}{gender}{serial:03}"
    )
}

fn name(rng: &mut Rng, female: bool) -> String {
    let first = if female {
        random::pick(rng, &FEMALE)
    } else {
        random::pick(rng, &MALE)
    };
    match rng.below(10) {
        // Many Indonesians have one name; many more two or three.
        0 | 1 => (*first).to_string(),
        2 => {
            let middle = if female {
                random::pick(rng, &FEMALE)
            } else {
                random::pick(rng, &MALE)
            };
            format!("{first} {middle} {}", random::pick(rng, &FAMILY))
        }
        _ => format!("{first} {}", random::pick(rng, &FAMILY)),
    }
}

/// A UUID v7 for `unix_ms` whose random part comes from the seed.
pub fn uuid_v7(rng: &mut Rng, unix_ms: i64) -> Uuid {
    let mut bytes = [0u8; 10];
    bytes[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&rng.next_u64().to_le_bytes()[..2]);
    uuid::Builder::from_unix_timestamp_millis(unix_ms.max(0) as u64, &bytes).into_uuid()
}

/// Days of the launch, when most people start using the app.
const LAUNCH_DAYS: usize = 30;

/// Everyone in `units`: the sign-in accounts first, then each unit's members. `days` is the
/// length of the period (people join within it).
pub fn plan(
    units: &[UnitProfile],
    rng: &mut Rng,
    created_ms: i64,
    latest_year: i32,
    days: usize,
) -> Vec<Person> {
    let mut taken: HashSet<String> = SIGN_IN.iter().map(|s| s.nip.to_string()).collect();
    let mut people = Vec::new();
    let mut seats: Vec<u32> = units.iter().map(|u| u.members).collect();
    for s in SIGN_IN {
        let unit = units.iter().position(|u| u.id == s.unit_id).unwrap_or(0);
        seats[unit] = seats[unit].saturating_sub(1);
        let mut roles = vec![Role::Employee];
        if s.role != Role::Employee {
            roles.push(s.role);
        }
        people.push(Person {
            id: uuid_v7(rng, created_ms),
            nip: s.nip.to_string(),
            name: s.name.to_string(),
            unit,
            roles,
            active: true,
            keenness: 2.0,
            skill: 0.03,
            attitude: 0.1,
            joined: 0,
        });
    }
    for (unit, profile) in units.iter().enumerate() {
        for _ in 0..seats[unit] {
            let female = random::chance(rng, 0.45);
            let nip = loop {
                let candidate = nip(rng, female, latest_year);
                // Checked as the server checks it; a clash is drawn again.
                if Nip::parse(&candidate).is_ok() && taken.insert(candidate.clone()) {
                    break candidate;
                }
            };
            // Most start in the launch month; the others join through the year.
            let joined = if random::chance(rng, 0.75) {
                rng.below(LAUNCH_DAYS)
            } else {
                rng.below(days.max(1))
            };
            people.push(Person {
                id: uuid_v7(rng, created_ms),
                nip,
                name: name(rng, female),
                unit,
                roles: vec![Role::Employee],
                active: random::chance(rng, profile.participation),
                keenness: random::normal(rng, 0.0, 0.8).exp(),
                skill: random::normal(rng, 0.0, 0.07),
                attitude: random::normal(rng, 0.0, 0.35),
                joined,
            });
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::patterns::Strength;

    #[test]
    fn every_nip_is_valid_and_unique_and_the_plan_repeats_with_its_seed() {
        let units = vec![UnitProfile {
            id: "bkn-biro-sdm".into(),
            members: 800,
            strength: Strength::Average,
            participation: 0.7,
            small: false,
        }];
        let people = plan(&units, &mut Rng::new(5), 0, 2026, 100);
        assert_eq!(
            people.len(),
            800,
            "the sign-in accounts take seats, not add them"
        );
        let nips: HashSet<&str> = people.iter().map(|p| p.nip.as_str()).collect();
        assert_eq!(nips.len(), people.len());
        for p in &people {
            assert!(Nip::parse(&p.nip).is_ok(), "{}", p.nip);
            assert!(p.name.chars().count() >= 2);
        }
        let again = plan(&units, &mut Rng::new(5), 0, 2026, 100);
        assert_eq!(
            people.iter().map(|p| &p.nip).collect::<Vec<_>>(),
            again.iter().map(|p| &p.nip).collect::<Vec<_>>()
        );
    }
}
