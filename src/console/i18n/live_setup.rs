//! Strings of the live quiz's setup screens (the list of quiz sets and games, the form, a
//! game's results), Indonesian first and English second. Console only.

use resapi_core::Lang;
use resapi_core::live::scoring::ScoringMode;

pub struct LiveTr {
    pub title: &'static str,
    pub intro: &'static str,
    pub create: &'static str,
    pub sets_head: &'static str,
    pub sets_empty: &'static str,
    pub sets_loading: &'static str,
    pub set_name: &'static str,
    pub source: &'static str,
    pub questions_time: &'static str,
    pub scoring: &'static str,
    pub actions: &'static str,
    pub run: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub delete_yes: &'static str,
    pub history_head: &'static str,
    pub history_empty: &'static str,
    pub history_loading: &'static str,
    pub when: &'static str,
    pub code: &'static str,
    pub players: &'static str,
    pub state: &'static str,
    pub running: &'static str,
    pub ended: &'static str,
    pub open_presenter: &'static str,
    pub open_results: &'static str,
    pub new_title: &'static str,
    pub edit_title: &'static str,
    pub form_intro: &'static str,
    pub content_loading: &'static str,
    pub name_label: &'static str,
    pub name_hint: &'static str,
    pub source_value: &'static str,
    pub source_indicator: &'static str,
    pub source_questions: &'static str,
    pub value_label: &'static str,
    pub indicator_label: &'static str,
    pub search_label: &'static str,
    pub only_projector: &'static str,
    pub projector_ready: &'static str,
    pub chosen_head: &'static str,
    pub chosen_none: &'static str,
    pub remove: &'static str,
    pub no_match: &'static str,
    pub count_label: &'static str,
    pub seconds_label: &'static str,
    pub seconds_hint: &'static str,
    pub scoring_legend: &'static str,
    pub options_legend: &'static str,
    pub team_mode: &'static str,
    pub team_mode_hint: &'static str,
    pub guests: &'static str,
    pub extra_time: &'static str,
    pub extra_time_hint: &'static str,
    pub max_players: &'static str,
    pub start_now: &'static str,
    pub save_set: &'static str,
    pub back_to_list: &'static str,
    pub busy: &'static str,
    pub not_a_number: &'static str,
    pub name_needed: &'static str,
    pub name_too_long: &'static str,
    pub pick_value: &'static str,
    pub pick_indicator: &'static str,
    pub results_title: &'static str,
    pub results_loading: &'static str,
    pub still_running: &'static str,
    pub no_report: &'static str,
    pub participation_head: &'static str,
    pub unit: &'static str,
    pub joined: &'static str,
    pub answered_once: &'static str,
    pub accuracy_head: &'static str,
    pub hardest: &'static str,
    pub ranking_head: &'static str,
    pub rank: &'static str,
    pub name: &'static str,
    pub points: &'static str,
    pub right_answers: &'static str,
    pub unit_board_head: &'static str,
    pub unit_board_rule: &'static str,
    pub mean_points: &'static str,
    pub too_few: &'static str,
    pub download_csv: &'static str,
    pub downloading: &'static str,
    pub download_failed: &'static str,
    pub question: &'static str,
}

pub static ID: LiveTr = LiveTr {
    title: "Kuis Apel",
    intro: "Kuis singkat untuk seluruh ruangan setelah apel: peserta bergabung dari ponsel dengan kode atau kode QR, soal tampil di proyektor.",
    create: "Buat kuis baru",
    sets_head: "Set kuis tersimpan",
    sets_empty: "Belum ada set kuis. Buat kuis baru, lalu pilih \u{201c}Simpan set kuis\u{201d} agar bisa dijalankan lagi kapan saja.",
    sets_loading: "Memuat set kuis…",
    set_name: "Nama",
    source: "Sumber soal",
    questions_time: "Soal × waktu",
    scoring: "Penilaian",
    actions: "Tindakan",
    run: "Jalankan",
    edit: "Ubah",
    delete: "Hapus",
    delete_yes: "Ya, hapus",
    history_head: "Riwayat kuis",
    history_empty: "Belum ada kuis yang dijalankan. Jalankan set kuis atau buat kuis baru; kuisnya akan tercatat di sini beserta hasilnya.",
    history_loading: "Memuat riwayat kuis…",
    when: "Waktu (WIB)",
    code: "Kode",
    players: "Pemain",
    state: "Keadaan",
    running: "Berjalan",
    ended: "Selesai",
    open_presenter: "Buka layar pemandu",
    open_results: "Lihat hasil",
    new_title: "Kuis baru",
    edit_title: "Ubah set kuis",
    form_intro: "Pilih sumber soal dan aturan kuis. \u{201c}Mulai sekarang\u{201d} membuka kuis untuk peserta; \u{201c}Simpan set kuis\u{201d} menyimpan pengaturan ini untuk dijalankan lagi.",
    content_loading: "Memuat bank soal…",
    name_label: "Nama set kuis",
    name_hint: "Diperlukan untuk menyimpan, misalnya \u{201c}Apel Senin: Akuntabel\u{201d}.",
    source_value: "Nilai",
    source_indicator: "Indikator",
    source_questions: "Soal pilihan",
    value_label: "Nilai BerAKHLAK",
    indicator_label: "Indikator",
    search_label: "Cari soal",
    only_projector: "Hanya yang siap proyektor",
    projector_ready: "siap proyektor",
    chosen_head: "Urutan soal yang dipilih",
    chosen_none: "Belum ada soal dipilih. Centang soal di daftar.",
    remove: "Lepas",
    no_match: "Tidak ada soal yang cocok dengan pencarian.",
    count_label: "Jumlah soal (1–50)",
    seconds_label: "Detik per soal",
    seconds_hint: "10 sampai 90 detik.",
    scoring_legend: "Cara penilaian",
    options_legend: "Pilihan lain",
    team_mode: "Mode tim per unit",
    team_mode_hint: "Papan unit: nilai unit adalah rata-rata anggotanya yang menjawab; unit perlu minimal 3 pemain untuk masuk peringkat.",
    guests: "Izinkan tamu (tanpa akun, memberi nama dan memilih unit)",
    extra_time: "Izinkan tambahan waktu",
    extra_time_hint: "Pemain yang memintanya mendapat waktu 50 % lebih lama per soal.",
    max_players: "Batas pemain (1–5.000)",
    start_now: "Mulai sekarang",
    save_set: "Simpan set kuis",
    back_to_list: "Kembali ke Kuis Apel",
    busy: "Mengirim…",
    not_a_number: "Isi dengan angka bulat.",
    name_needed: "Beri nama set kuis untuk menyimpannya.",
    name_too_long: "Nama set kuis paling panjang 80 karakter.",
    pick_value: "Pilih nilai.",
    pick_indicator: "Pilih indikator.",
    results_title: "Hasil kuis",
    results_loading: "Memuat hasil kuis…",
    still_running: "Kuis ini masih berjalan: hasil di bawah sampai soal terakhir yang sudah ditutup.",
    no_report: "Belum ada soal yang ditutup, jadi belum ada hasil.",
    participation_head: "Keikutsertaan per unit",
    unit: "Unit",
    joined: "Bergabung",
    answered_once: "Menjawab minimal sekali",
    accuracy_head: "Ketepatan per soal",
    hardest: "Soal tersulit",
    ranking_head: "Peringkat",
    rank: "Peringkat",
    name: "Nama",
    points: "Poin",
    right_answers: "Jawaban benar",
    unit_board_head: "Papan unit",
    unit_board_rule: "Nilai unit = rata-rata poin anggotanya yang menjawab minimal sekali; unit dengan kurang dari 3 pemain dicantumkan terpisah.",
    mean_points: "Rata-rata poin",
    too_few: "Belum cukup pemain (kurang dari 3)",
    download_csv: "Unduh CSV",
    downloading: "Mengunduh…",
    download_failed: "Gagal mengunduh",
    question: "Soal",
};

pub static EN: LiveTr = LiveTr {
    title: "Kuis Apel (live quiz)",
    intro: "A short quiz for the whole room after the apel: people join from their phones by code or QR code, the questions show on the projector.",
    create: "Create a new quiz",
    sets_head: "Saved quiz sets",
    sets_empty: "No quiz sets yet. Create a new quiz, then choose \u{201c}Save quiz set\u{201d} to run it again any time.",
    sets_loading: "Loading quiz sets…",
    set_name: "Name",
    source: "Questions from",
    questions_time: "Questions × time",
    scoring: "Scoring",
    actions: "Actions",
    run: "Run",
    edit: "Edit",
    delete: "Delete",
    delete_yes: "Yes, delete",
    history_head: "Quiz history",
    history_empty: "No quizzes run yet. Run a quiz set or create a new quiz; it will be listed here with its results.",
    history_loading: "Loading quiz history…",
    when: "Time (WIB)",
    code: "Code",
    players: "Players",
    state: "State",
    running: "Running",
    ended: "Ended",
    open_presenter: "Open the presenter screen",
    open_results: "See results",
    new_title: "New quiz",
    edit_title: "Edit quiz set",
    form_intro: "Choose where the questions come from and the rules. \u{201c}Start now\u{201d} opens the quiz to players; \u{201c}Save quiz set\u{201d} keeps these settings to run again.",
    content_loading: "Loading the question bank…",
    name_label: "Quiz set name",
    name_hint: "Needed to save, e.g. \u{201c}Monday apel: Accountable\u{201d}.",
    source_value: "Value",
    source_indicator: "Indicator",
    source_questions: "Chosen questions",
    value_label: "BerAKHLAK value",
    indicator_label: "Indicator",
    search_label: "Search questions",
    only_projector: "Projector-ready only",
    projector_ready: "projector-ready",
    chosen_head: "Order of the chosen questions",
    chosen_none: "No questions chosen yet. Tick questions in the list.",
    remove: "Remove",
    no_match: "No question matches the search.",
    count_label: "Number of questions (1–50)",
    seconds_label: "Seconds per question",
    seconds_hint: "10 to 90 seconds.",
    scoring_legend: "Scoring",
    options_legend: "Other options",
    team_mode: "Team mode per unit",
    team_mode_hint: "Unit board: a unit's score is the mean of its members who answered; a unit needs at least 3 players to rank.",
    guests: "Allow guests (no account, they give a name and pick a unit)",
    extra_time: "Allow extra time",
    extra_time_hint: "A player who asks gets 50 % more time per question.",
    max_players: "Player cap (1–5,000)",
    start_now: "Start now",
    save_set: "Save quiz set",
    back_to_list: "Back to Kuis Apel",
    busy: "Sending…",
    not_a_number: "Enter a whole number.",
    name_needed: "Give the quiz set a name to save it.",
    name_too_long: "A quiz set name is at most 80 characters.",
    pick_value: "Choose a value.",
    pick_indicator: "Choose an indicator.",
    results_title: "Quiz results",
    results_loading: "Loading the results…",
    still_running: "This quiz is still running: the results below go up to the last closed question.",
    no_report: "No question has closed yet, so there are no results.",
    participation_head: "Participation per unit",
    unit: "Unit",
    joined: "Joined",
    answered_once: "Answered at least once",
    accuracy_head: "Accuracy per question",
    hardest: "Hardest question",
    ranking_head: "Ranking",
    rank: "Rank",
    name: "Name",
    points: "Points",
    right_answers: "Right answers",
    unit_board_head: "Unit board",
    unit_board_rule: "A unit's score = the mean points of its members who answered at least once; units with fewer than 3 players are listed apart.",
    mean_points: "Mean points",
    too_few: "Not enough players yet (fewer than 3)",
    download_csv: "Download CSV",
    downloading: "Downloading…",
    download_failed: "Download failed",
    question: "Question",
};

pub fn live_tr(lang: Lang) -> &'static LiveTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// A scoring mode's name and its one-line explanation.
pub fn scoring(lang: Lang, mode: ScoringMode) -> (&'static str, &'static str) {
    match (lang, mode) {
        (Lang::Id, ScoringMode::AccuracyOnly) => (
            "Ketepatan saja",
            "Setiap jawaban benar bernilai 1.000; kecepatan tidak pernah berpengaruh.",
        ),
        (Lang::Id, ScoringMode::SpeedPoints) => (
            "Poin kecepatan",
            "Jawaban benar bernilai 1.000 bila langsung, turun sampai 500 di detik terakhir.",
        ),
        (Lang::Id, ScoringMode::StreakBonus) => (
            "Bonus beruntun",
            "Jawaban benar bernilai 500 + 100 per jawaban benar beruntun sebelumnya, paling banyak 1.000.",
        ),
        (Lang::En, ScoringMode::AccuracyOnly) => (
            "Accuracy only",
            "Every right answer is worth 1,000; speed never matters.",
        ),
        (Lang::En, ScoringMode::SpeedPoints) => (
            "Speed points",
            "A right answer is worth 1,000 at once, down to 500 at the last second.",
        ),
        (Lang::En, ScoringMode::StreakBonus) => (
            "Streak bonus",
            "A right answer is worth 500 + 100 per right answer in a row before it, at most 1,000.",
        ),
    }
}

/// "10 soal × 20 detik".
pub fn questions_times_seconds(lang: Lang, questions: u32, seconds: u32) -> String {
    match lang {
        Lang::Id => format!("{questions} soal × {seconds} detik"),
        Lang::En => format!("{questions} questions × {seconds} s"),
    }
}

/// Beside the number of questions: how many projector-ready ones the source has.
pub fn available(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("Tersedia {n} soal siap proyektor untuk sumber ini."),
        Lang::En => format!("This source has {n} projector-ready questions."),
    }
}

pub fn chosen_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} soal dipilih (paling banyak 50)."),
        Lang::En => format!("{n} questions chosen (at most 50)."),
    }
}

/// Above a long list cut short.
pub fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("Menampilkan {shown} dari {total} soal; persempit dengan pencarian."),
        Lang::En => format!("Showing {shown} of {total} questions; narrow them with a search."),
    }
}

pub fn chosen_questions(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} soal pilihan"),
        Lang::En => format!("{n} chosen questions"),
    }
}

pub fn delete_confirm(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!(
            "Hapus set kuis \u{201c}{name}\u{201d}? Kuis yang pernah dijalankan darinya tetap ada di riwayat."
        ),
        Lang::En => format!(
            "Delete the quiz set \u{201c}{name}\u{201d}? Quizzes already run from it stay in the history."
        ),
    }
}

pub fn deleted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Set kuis \u{201c}{name}\u{201d} dihapus."),
        Lang::En => format!("Quiz set \u{201c}{name}\u{201d} deleted."),
    }
}

pub fn saved(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Set kuis \u{201c}{name}\u{201d} tersimpan."),
        Lang::En => format!("Quiz set \u{201c}{name}\u{201d} saved."),
    }
}

/// "Kuis 482913 · 1 Des 2026 09.05 WIB".
pub fn results_of(lang: Lang, code: &str, when: &str) -> String {
    match lang {
        Lang::Id => format!("Kuis {code} · {when}"),
        Lang::En => format!("Quiz {code} · {when}"),
    }
}

/// "12 pemain dari 3 unit".
pub fn players_and_units(lang: Lang, players: u32, units: usize) -> String {
    match lang {
        Lang::Id => format!("{players} pemain dari {units} unit."),
        Lang::En => format!("{players} players from {units} units."),
    }
}

/// "7 dari 10 benar (70 %)".
pub fn accuracy(lang: Lang, correct: u32, answered: u32, percent: u32) -> String {
    match lang {
        Lang::Id => format!("{correct} dari {answered} jawaban benar ({percent} %)"),
        Lang::En => format!("{correct} of {answered} answers right ({percent} %)"),
    }
}

pub fn question_number(lang: Lang, index: u32) -> String {
    match lang {
        Lang::Id => format!("Soal {}", index + 1),
        Lang::En => format!("Question {}", index + 1),
    }
}
