//! The console's interface strings, Indonesian first and English second. Only the console's
//! binary uses them, so they never ship to phones; the strings both entries show are in
//! [`Shared`] (reached through `Deref`). The measurement-quality screens' strings are in
//! [`quality`].

pub mod live_run;
pub mod live_setup;
pub mod lomba;
pub mod quality;

use super::access::Screen;
use crate::api::ApiError;
use crate::i18n::{self as shared, Shared};
use resapi_core::Lang;
use resapi_core::admin::{RosterReport, RosterRowStatus};
use resapi_core::api::Role;

pub struct ConsoleTr {
    pub shared: &'static Shared,
    pub product: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_dashboard: &'static str,
    pub no_access_title: &'static str,
    pub no_access: &'static str,
    pub signed_in_as: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub not_for_you_title: &'static str,
    pub not_for_you: &'static str,
    pub open_phone_app: &'static str,
    pub home_roles: &'static str,
    pub home_intro: &'static str,
    pub own_practice: &'static str,
    pub nav_units: &'static str,
    pub nav_people: &'static str,
    pub nav_roster: &'static str,
    pub nav_quality: &'static str,
    pub nav_item_analysis: &'static str,
    pub nav_live: &'static str,
    pub nav_lomba: &'static str,
    pub nav_recognition: &'static str,
    pub no_connection: &'static str,
    pub retry: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub no_such_screen: &'static str,
    pub back_to_home: &'static str,
    pub units_title: &'static str,
    pub units_intro: &'static str,
    pub units_none: &'static str,
    pub units_tree_label: &'static str,
    pub unit_add: &'static str,
    pub unit_rename: &'static str,
    pub unit_move: &'static str,
    pub unit_retire: &'static str,
    pub unit_retired: &'static str,
    pub unit_new_name: &'static str,
    pub unit_name: &'static str,
    pub unit_new_parent: &'static str,
    pub unit_top: &'static str,
    pub unit_retire_confirm: &'static str,
    pub people_title: &'static str,
    pub people_intro: &'static str,
    pub people_search_label: &'static str,
    pub search: &'static str,
    pub pager_label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub manage: &'static str,
    pub person_unit: &'static str,
    pub person_move: &'static str,
    pub person_roles: &'static str,
    pub roster_title: &'static str,
    pub roster_intro: &'static str,
    pub roster_rule: &'static str,
    pub roster_file: &'static str,
    pub roster_file_hint: &'static str,
    pub roster_wrong_type: &'static str,
    pub roster_checking: &'static str,
    pub roster_importing: &'static str,
    pub roster_done: &'static str,
    pub roster_check_again: &'static str,
    pub roster_import: &'static str,
    pub roster_import_disabled: &'static str,
    pub roster_preview: &'static str,
    pub roster_rows_caption: &'static str,
    pub roster_line: &'static str,
    pub roster_status: &'static str,
    pub roster_name: &'static str,
    pub roster_unit: &'static str,
    pub roster_note: &'static str,
}

impl std::ops::Deref for ConsoleTr {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        self.shared
    }
}

impl ConsoleTr {
    /// A screen's name in the nav.
    pub fn screen_name(&self, screen: Screen) -> &'static str {
        match screen {
            Screen::Home => self.nav_home,
            Screen::Dashboard => self.nav_dashboard,
            Screen::Units => self.nav_units,
            Screen::People => self.nav_people,
            Screen::Roster => self.nav_roster,
            Screen::Quality => self.nav_quality,
            Screen::ItemAnalysis => self.nav_item_analysis,
            Screen::Live => self.nav_live,
            Screen::Lomba => self.nav_lomba,
            Screen::Recognition => self.nav_recognition,
        }
    }
}

pub static ID: ConsoleTr = ConsoleTr {
    shared: &shared::ID,
    product: "Konsol",
    nav_label: "Menu konsol",
    nav_home: "Beranda",
    nav_dashboard: "Dasbor unit",
    no_access_title: "Anda tidak punya akses ke layar ini",
    no_access: "Layar ini untuk peran lain. Pilih layar dari menu, atau minta admin memberi peran yang diperlukan.",
    signed_in_as: "Masuk sebagai",
    login_title: "Masuk ke konsol Resapi",
    login_intro: "Untuk pelatih dan admin unit, di laptop. Masuk dengan akun Resapi yang sama seperti di ponsel.",
    not_for_you_title: "Konsol ini untuk pelatih dan admin unit",
    not_for_you: "Akun Anda adalah akun pegawai. Latihan, kuesioner, dan kemajuan Anda ada di aplikasi Resapi. Jika Anda pelatih atau admin unit, minta admin memberi peran itu ke akun Anda.",
    open_phone_app: "Buka aplikasi Resapi",
    home_roles: "Peran Anda",
    home_intro: "Menu di samping berisi layar yang dibuka oleh peran Anda.",
    own_practice: "Untuk latihan Anda sendiri, buka aplikasi Resapi",
    nav_units: "Unit",
    nav_people: "Pegawai",
    nav_roster: "Impor daftar pegawai",
    nav_quality: "Kualitas ukur",
    nav_item_analysis: "Analisis butir",
    nav_live: "Kuis Apel",
    nav_lomba: "Lomba antar unit",
    nav_recognition: "ASN Inspiratif",
    no_connection: "Tidak tersambung ke server.",
    retry: "Coba lagi",
    save: "Simpan",
    cancel: "Batal",
    yes: "ya",
    no: "tidak",
    no_such_screen: "Layar ini tidak ada",
    back_to_home: "Kembali ke beranda konsol",
    units_title: "Unit",
    units_intro: "Pohon unit yang Anda kelola: unit Anda dan semua unit di bawahnya. Unit yang masih punya pegawai atau sub-unit aktif tidak dapat dinonaktifkan.",
    units_none: "Belum ada unit dalam cakupan Anda.",
    units_tree_label: "Pohon unit",
    unit_add: "Tambah sub-unit",
    unit_rename: "Ubah nama",
    unit_move: "Pindahkan",
    unit_retire: "Nonaktifkan",
    unit_retired: "nonaktif",
    unit_new_name: "Nama sub-unit baru",
    unit_name: "Nama baru",
    unit_new_parent: "Induk baru",
    unit_top: "(tingkat teratas)",
    unit_retire_confirm: "Ya, nonaktifkan",
    people_title: "Pegawai",
    people_intro: "Cari pegawai dalam cakupan Anda, pindahkan ke unit lain, beri atau cabut peran.",
    people_search_label: "Cari NIP atau nama",
    search: "Cari",
    pager_label: "Halaman hasil",
    previous: "Sebelumnya",
    next: "Berikutnya",
    manage: "Kelola",
    person_unit: "Unit",
    person_move: "Pindahkan ke unit ini",
    person_roles: "Peran",
    roster_title: "Impor daftar pegawai",
    roster_intro: "Daftar pegawai menentukan siapa yang boleh mendaftar dan di unit mana. Berkas menggantikan daftar unit Anda dan semua sub-unitnya: kolom NIP, nama dan unit (kode unit).",
    roster_rule: "Tidak ada yang diimpor sebelum semua baris benar. Perbaiki baris yang bermasalah di berkas, lalu pilih berkas itu lagi.",
    roster_file: "Berkas daftar pegawai (CSV atau XLSX)",
    roster_file_hint: "Setelah dipilih, berkas diperiksa dulu; belum ada yang berubah.",
    roster_wrong_type: "Pilih berkas .csv atau .xlsx.",
    roster_checking: "Memeriksa berkas…",
    roster_importing: "Mengimpor…",
    roster_done: "Impor selesai.",
    roster_check_again: "Periksa lagi",
    roster_import: "Impor",
    roster_import_disabled: "“Impor” aktif setelah pratinjau menunjukkan semua baris benar.",
    roster_preview: "Pratinjau",
    roster_rows_caption: "Hasil tiap baris",
    roster_line: "Baris",
    roster_status: "Hasil",
    roster_name: "Nama",
    roster_unit: "Unit",
    roster_note: "Keterangan",
};

pub static EN: ConsoleTr = ConsoleTr {
    shared: &shared::EN,
    product: "Console",
    nav_label: "Console menu",
    nav_home: "Home",
    nav_dashboard: "Unit dashboard",
    no_access_title: "You do not have access to this screen",
    no_access: "This screen is for another role. Pick a screen from the menu, or ask an admin for the role it needs.",
    signed_in_as: "Signed in as",
    login_title: "Log in to the Resapi console",
    login_intro: "For trainers and unit admins, on a laptop. Log in with the same Resapi account as on your phone.",
    not_for_you_title: "This console is for trainers and unit admins",
    not_for_you: "Your account is an employee account. Your practice, questionnaires and progress are in the Resapi app. If you are a trainer or unit admin, ask an admin to give your account that role.",
    open_phone_app: "Open the Resapi app",
    home_roles: "Your roles",
    home_intro: "The menu lists the screens your roles open.",
    own_practice: "For your own practice, open the Resapi app",
    nav_units: "Units",
    nav_people: "People",
    nav_roster: "Roster import",
    nav_quality: "Measurement quality",
    nav_item_analysis: "Item analysis",
    nav_live: "Live quiz (Kuis Apel)",
    nav_lomba: "Competitions (Lomba)",
    nav_recognition: "ASN Inspiratif",
    no_connection: "No connection to the server.",
    retry: "Try again",
    save: "Save",
    cancel: "Cancel",
    yes: "yes",
    no: "no",
    no_such_screen: "There is no such screen",
    back_to_home: "Back to the console home",
    units_title: "Units",
    units_intro: "The unit tree you manage: your unit and every unit under it. A unit that still has people or active sub-units cannot be retired.",
    units_none: "No unit in your scope yet.",
    units_tree_label: "Unit tree",
    unit_add: "Add sub-unit",
    unit_rename: "Rename",
    unit_move: "Move",
    unit_retire: "Retire",
    unit_retired: "retired",
    unit_new_name: "Name of the new sub-unit",
    unit_name: "New name",
    unit_new_parent: "New parent",
    unit_top: "(top level)",
    unit_retire_confirm: "Yes, retire",
    people_title: "People",
    people_intro: "Find people in your scope, move them to another unit, grant or revoke roles.",
    people_search_label: "Search by NIP or name",
    search: "Search",
    pager_label: "Result pages",
    previous: "Previous",
    next: "Next",
    manage: "Manage",
    person_unit: "Unit",
    person_move: "Move to this unit",
    person_roles: "Roles",
    roster_title: "Roster import",
    roster_intro: "The roster decides who may register, and in which unit. The file replaces the roster of your unit and all its sub-units: columns NIP, name and unit (unit code).",
    roster_rule: "Nothing is imported until every row is valid. Fix the rows with problems in the file, then choose it again.",
    roster_file: "Roster file (CSV or XLSX)",
    roster_file_hint: "Once chosen, the file is checked first; nothing changes yet.",
    roster_wrong_type: "Choose a .csv or .xlsx file.",
    roster_checking: "Checking the file…",
    roster_importing: "Importing…",
    roster_done: "Import done.",
    roster_check_again: "Check again",
    roster_import: "Import",
    roster_import_disabled: "“Import” is enabled once the preview shows every row valid.",
    roster_preview: "Preview",
    roster_rows_caption: "Each row's outcome",
    roster_line: "Line",
    roster_status: "Outcome",
    roster_name: "Name",
    roster_unit: "Unit",
    roster_note: "Note",
};

pub fn tr(lang: Lang) -> &'static ConsoleTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

pub fn hello(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Selamat datang, {name}"),
        Lang::En => format!("Welcome, {name}"),
    }
}

pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match (lang, role) {
        (Lang::Id, Role::Employee) => "Pegawai",
        (Lang::En, Role::Employee) => "Employee",
        (Lang::Id, Role::Trainer) => "Pelatih",
        (Lang::En, Role::Trainer) => "Trainer",
        (Lang::Id, Role::UnitAdmin) => "Admin unit",
        (Lang::En, Role::UnitAdmin) => "Unit admin",
        (Lang::Id, Role::Admin) => "Admin",
        (Lang::En, Role::Admin) => "Admin",
    }
}

/// What to do after a failed request, beside the server's message (none where the message
/// says it already).
pub fn next_step(lang: Lang, error: &ApiError) -> Option<&'static str> {
    let id = lang == Lang::Id;
    match (error, error.status()) {
        (ApiError::Network, _) => Some(if id {
            "Periksa sambungan internet laptop, lalu coba lagi."
        } else {
            "Check the laptop's internet connection, then try again."
        }),
        (_, Some(401)) => Some(if id {
            "Sesi Anda berakhir. Masuk lagi."
        } else {
            "Your session ended. Log in again."
        }),
        (_, Some(403)) => Some(if id {
            "Anda hanya dapat mengelola unit Anda dan unit di bawahnya. Minta admin jika perlu lebih."
        } else {
            "You can manage only your unit and the units under it. Ask an admin if you need more."
        }),
        (_, Some(status)) if status >= 500 => Some(if id {
            "Server sedang bermasalah. Coba lagi sebentar lagi."
        } else {
            "The server has a problem. Try again in a moment."
        }),
        _ => None,
    }
}

pub fn unit_members(lang: Lang, members: i64) -> String {
    match lang {
        Lang::Id => format!("{members} anggota"),
        Lang::En if members == 1 => "1 member".into(),
        Lang::En => format!("{members} members"),
    }
}

pub fn unit_added(lang: Lang, name: &str, parent: &str) -> String {
    match lang {
        Lang::Id => format!("Sub-unit {name} ditambahkan di bawah {parent}."),
        Lang::En => format!("Sub-unit {name} added under {parent}."),
    }
}

pub fn unit_renamed(lang: Lang, old: &str, new: &str) -> String {
    match lang {
        Lang::Id => format!("{old} sekarang bernama {new}."),
        Lang::En => format!("{old} is now called {new}."),
    }
}

pub fn unit_moved(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("{name} dipindahkan."),
        Lang::En => format!("{name} moved."),
    }
}

pub fn unit_retired_done(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("{name} dinonaktifkan."),
        Lang::En => format!("{name} retired."),
    }
}

pub fn unit_retire_question(lang: Lang, name: &str, members: i64) -> String {
    match lang {
        Lang::Id => format!(
            "Nonaktifkan {name}? Unit ini punya {members} anggota. Unit dengan anggota atau sub-unit aktif tidak dapat dinonaktifkan."
        ),
        Lang::En => format!(
            "Retire {name}? It has {}. A unit with members or active sub-units cannot be retired.",
            unit_members(lang, members)
        ),
    }
}

pub fn unit_members_to_move(lang: Lang, members: i64) -> String {
    match lang {
        Lang::Id => format!(
            "Anggota unit ini: {members}. Pindahkan mereka dulu di layar Pegawai, lalu coba lagi."
        ),
        Lang::En => format!(
            "This unit has {}. Move them first on the People screen, then try again.",
            unit_members(lang, members)
        ),
    }
}

pub fn people_found(lang: Lang, total: i64, query: &str) -> String {
    match (lang, query.trim()) {
        (Lang::Id, "") => format!("{total} pegawai dalam cakupan Anda."),
        (Lang::Id, q) => format!("{total} pegawai cocok dengan \u{201c}{q}\u{201d}."),
        (Lang::En, "") => format!("{total} people in your scope."),
        (Lang::En, q) => format!("{total} people match \u{201c}{q}\u{201d}."),
    }
}

pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Id => format!("Halaman {page} dari {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

pub fn person_moved(lang: Lang, name: &str, unit: &str) -> String {
    match lang {
        Lang::Id => format!("{name} sekarang di {unit}."),
        Lang::En => format!("{name} is now in {unit}."),
    }
}

/// "Beri peran Pelatih" / "Cabut peran Pelatih".
pub fn role_action(lang: Lang, role: Role, grant: bool) -> String {
    let role = role_name(lang, role);
    match (lang, grant) {
        (Lang::Id, true) => format!("Beri peran {role}"),
        (Lang::Id, false) => format!("Cabut peran {role}"),
        (Lang::En, true) => format!("Grant {role}"),
        (Lang::En, false) => format!("Revoke {role}"),
    }
}

pub fn role_changed(lang: Lang, name: &str, role: Role, granted: bool) -> String {
    let role = role_name(lang, role);
    match (lang, granted) {
        (Lang::Id, true) => format!("{name} sekarang {role}."),
        (Lang::Id, false) => format!("Peran {role} {name} dicabut."),
        (Lang::En, true) => format!("{name} is now {role}."),
        (Lang::En, false) => format!("{name} is no longer {role}."),
    }
}

pub fn at_line(lang: Lang, line: usize) -> String {
    match lang {
        Lang::Id => format!("Baris {line}"),
        Lang::En => format!("Line {line}"),
    }
}

pub fn roster_problem_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} masalah; tidak ada yang diimpor"),
        Lang::En if n == 1 => "1 problem; nothing is imported".into(),
        Lang::En => format!("{n} problems; nothing is imported"),
    }
}

pub fn roster_status(lang: Lang, status: RosterRowStatus) -> &'static str {
    match (lang, status) {
        (Lang::Id, RosterRowStatus::Add) => "baru",
        (Lang::Id, RosterRowStatus::Change) => "berubah",
        (Lang::Id, RosterRowStatus::Same) => "tetap",
        (Lang::Id, RosterRowStatus::Error) => "salah",
        (Lang::En, RosterRowStatus::Add) => "new",
        (Lang::En, RosterRowStatus::Change) => "changed",
        (Lang::En, RosterRowStatus::Same) => "unchanged",
        (Lang::En, RosterRowStatus::Error) => "wrong",
    }
}

/// What an import does or did: added, changed, unchanged, leaving the roster.
pub fn roster_counts(lang: Lang, r: &RosterReport) -> String {
    match lang {
        Lang::Id => format!(
            "{} baru, {} berubah, {} tetap, {} keluar dari daftar.",
            r.added, r.changed, r.unchanged, r.removed
        ),
        Lang::En => format!(
            "{} new, {} changed, {} unchanged, {} leave the roster.",
            r.added, r.changed, r.unchanged, r.removed
        ),
    }
}

pub fn roster_summary(lang: Lang, r: &RosterReport) -> String {
    let rows = r.rows.len();
    let wrong = r
        .rows
        .iter()
        .filter(|row| row.status == RosterRowStatus::Error)
        .count();
    match lang {
        Lang::Id if r.problems.is_empty() => format!(
            "{rows} baris, semuanya benar. Jika diimpor: {}",
            roster_counts(lang, r)
        ),
        Lang::Id => format!("{rows} baris, {wrong} salah. Belum ada yang diimpor."),
        Lang::En if r.problems.is_empty() => format!(
            "{rows} rows, all valid. If imported: {}",
            roster_counts(lang, r)
        ),
        Lang::En => format!("{rows} rows, {wrong} wrong. Nothing is imported yet."),
    }
}
