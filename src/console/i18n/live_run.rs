//! Strings of the live quiz's presenter and projector screens (`/konsol/kuis/{id}` and
//! `/konsol/kuis/{id}/layar`), Indonesian first and English second. Console only.

use crate::console::pages::live_run::controls::Control;
use crate::console::pages::live_run::phase::Phase;
use resapi_core::Lang;

pub struct LiveRunTr {
    pub presenter_title: &'static str,
    pub projector_title: &'static str,
    pub controls_label: &'static str,
    pub keys_hint: &'static str,
    pub connecting: &'static str,
    pub connected: &'static str,
    pub not_connected: &'static str,
    pub open_projector: &'static str,
    pub fullscreen: &'static str,
    pub join_code: &'static str,
    pub join_at: &'static str,
    pub scan_to_join: &'static str,
    pub qr_alt: &'static str,
    pub waiting_for_players: &'static str,
    pub loopback: &'static str,
    pub remote_hint: &'static str,
    pub time_left: &'static str,
    pub paused: &'static str,
    pub answer_key: &'static str,
    pub correct_option: &'static str,
    pub correct_mark: &'static str,
    pub explanation: &'static str,
    pub no_answer: &'static str,
    pub leaderboard: &'static str,
    pub unit_board: &'static str,
    pub too_few_units: &'static str,
    pub podium: &'static str,
    pub best_unit: &'static str,
    pub ended: &'static str,
    pub final_board: &'static str,
    pub results_page: &'static str,
    pub results_csv: &'static str,
    pub downloading: &'static str,
    pub players_title: &'static str,
    pub players_filter: &'static str,
    pub player_name: &'static str,
    pub player_unit: &'static str,
    pub player_points: &'static str,
    pub player_answered: &'static str,
    pub guest: &'static str,
    pub kick: &'static str,
    pub kick_yes: &'static str,
    pub end_question: &'static str,
    pub end_yes: &'static str,
    pub cancel: &'static str,
    pub no_such_game: &'static str,
    pub rank: &'static str,
    pub points: &'static str,
    pub no_players_yet: &'static str,
    pub joined: &'static str,
}

pub static ID: LiveRunTr = LiveRunTr {
    presenter_title: "Kuis Apel: layar presenter",
    projector_title: "Kuis Apel",
    controls_label: "Kontrol kuis",
    keys_hint: "Papan ketik: → lanjut (mulai di ruang tunggu), Spasi jeda/lanjutkan saat soal terbuka, selain itu lanjut.",
    connecting: "Menyambung…",
    connected: "Tersambung",
    not_connected: "Belum tersambung ke kuis: perintah tidak terkirim. Tunggu sampai tersambung kembali.",
    open_projector: "Buka layar proyektor",
    fullscreen: "Layar penuh",
    join_code: "Kode",
    join_at: "Gabung di",
    scan_to_join: "Pindai untuk bergabung",
    qr_alt: "Kode QR menuju halaman gabung kuis",
    waiting_for_players: "Menunggu pemain bergabung. Mulai bisa ditekan setelah ada satu pemain.",
    remote_hint: "Ponsel Anda bisa menjadi remote: buka alamat ini di ponsel dan masuk dengan akun yang sama:",
    loopback: "Konsol ini dibuka di alamat localhost: ponsel lain tidak bisa membuka tautan dan kode QR ini. Di aula, buka konsol lewat alamat jaringan laptop (misalnya http://192.168.43.10:8080/konsol) lalu buka kuis ini dari menu Kuis Apel: kuisnya tetap berjalan.",
    time_left: "Sisa waktu",
    paused: "Dijeda",
    answer_key: "Jawaban benar (hanya di layar presenter)",
    correct_option: "Jawaban benar",
    correct_mark: "benar",
    explanation: "Penjelasan",
    no_answer: "Tidak menjawab",
    leaderboard: "Papan peringkat",
    unit_board: "Papan unit",
    too_few_units: "Belum cukup pemain (kurang dari 3 yang menjawab)",
    podium: "Podium",
    best_unit: "Unit terbaik",
    ended: "Kuis selesai",
    final_board: "Peringkat akhir",
    results_page: "Lihat hasil kuis",
    results_csv: "Unduh hasil (CSV)",
    downloading: "Mengunduh…",
    players_title: "Pemain",
    players_filter: "Cari pemain",
    player_name: "Nama",
    player_unit: "Unit",
    player_points: "Poin",
    player_answered: "Menjawab soal ini",
    guest: "tamu",
    kick: "Keluarkan",
    kick_yes: "Ya, keluarkan",
    end_question: "Akhiri kuis sekarang? Soal yang terbuka ditutup dan jawabannya dihitung.",
    end_yes: "Ya, akhiri",
    cancel: "Batal",
    no_such_game: "Alamat ini bukan kuis.",
    rank: "Peringkat",
    points: "poin",
    no_players_yet: "Belum ada pemain.",
    joined: "bergabung",
};

pub static EN: LiveRunTr = LiveRunTr {
    presenter_title: "Kuis Apel: presenter",
    projector_title: "Kuis Apel",
    controls_label: "Quiz controls",
    keys_hint: "Keyboard: → next (start in the lobby), Space pause/resume while a question is open, next otherwise.",
    connecting: "Connecting…",
    connected: "Connected",
    not_connected: "Not connected to the quiz: the command was not sent. Wait until it reconnects.",
    open_projector: "Open the projector screen",
    fullscreen: "Full screen",
    join_code: "Code",
    join_at: "Join at",
    scan_to_join: "Scan to join",
    qr_alt: "QR code to the quiz's join page",
    waiting_for_players: "Waiting for players. Start can be pressed once one has joined.",
    remote_hint: "Your phone can be the remote: open this address on it and sign in with the same account:",
    loopback: "This console was opened at localhost: other phones cannot open this link or QR code. In a hall, open the console at the laptop's network address (for example http://192.168.43.10:8080/konsol) and open this quiz from the Live quiz menu: it keeps running.",
    time_left: "Time left",
    paused: "Paused",
    answer_key: "Correct answer (presenter screen only)",
    correct_option: "Correct answer",
    correct_mark: "correct",
    explanation: "Explanation",
    no_answer: "No answer",
    leaderboard: "Leaderboard",
    unit_board: "Unit board",
    too_few_units: "Not enough players yet (fewer than 3 answered)",
    podium: "Podium",
    best_unit: "Best unit",
    ended: "Quiz over",
    final_board: "Final ranking",
    results_page: "See the quiz results",
    results_csv: "Download results (CSV)",
    downloading: "Downloading…",
    players_title: "Players",
    players_filter: "Find a player",
    player_name: "Name",
    player_unit: "Unit",
    player_points: "Points",
    player_answered: "Answered this question",
    guest: "guest",
    kick: "Remove",
    kick_yes: "Yes, remove",
    end_question: "End the quiz now? An open question closes and its answers count.",
    end_yes: "Yes, end it",
    cancel: "Cancel",
    no_such_game: "This address is not a quiz.",
    rank: "Rank",
    points: "points",
    no_players_yet: "No players yet.",
    joined: "joined",
};

pub fn live_tr(lang: Lang) -> &'static LiveRunTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// A control's button label.
pub fn control_label(lang: Lang, control: Control) -> &'static str {
    match (lang, control) {
        (Lang::Id, Control::Start) => "Mulai",
        (Lang::Id, Control::Next) => "Lanjut",
        (Lang::Id, Control::Pause) => "Jeda",
        (Lang::Id, Control::Resume) => "Lanjutkan",
        (Lang::Id, Control::Skip) => "Lewati",
        (Lang::Id, Control::End) => "Akhiri",
        (Lang::En, Control::Start) => "Start",
        (Lang::En, Control::Next) => "Next",
        (Lang::En, Control::Pause) => "Pause",
        (Lang::En, Control::Resume) => "Resume",
        (Lang::En, Control::Skip) => "Skip",
        (Lang::En, Control::End) => "End",
    }
}

/// The phase as a heading (and as the projector announces it).
pub fn phase_name(lang: Lang, phase: Phase, index: u32, count: u32) -> String {
    let n = index + 1;
    match (lang, phase) {
        (Lang::Id, Phase::Lobby) => "Ruang tunggu".into(),
        (Lang::Id, Phase::Question) => format!("Soal {n} dari {count}"),
        (Lang::Id, Phase::Reveal) => format!("Jawaban soal {n}"),
        (Lang::Id, Phase::Leaderboard) => format!("Papan peringkat setelah soal {n}"),
        (Lang::Id, Phase::Podium) => "Podium".into(),
        (Lang::Id, Phase::Ended) => "Kuis selesai".into(),
        (Lang::En, Phase::Lobby) => "Lobby".into(),
        (Lang::En, Phase::Question) => format!("Question {n} of {count}"),
        (Lang::En, Phase::Reveal) => format!("Answer to question {n}"),
        (Lang::En, Phase::Leaderboard) => format!("Leaderboard after question {n}"),
        (Lang::En, Phase::Podium) => "Podium".into(),
        (Lang::En, Phase::Ended) => "Quiz over".into(),
    }
}

/// "12 dari 40 menjawab".
pub fn answered_of(lang: Lang, answered: u32, players: u32) -> String {
    match lang {
        Lang::Id => format!("{answered} dari {players} menjawab"),
        Lang::En => format!("{answered} of {players} answered"),
    }
}

/// "Menyambung kembali dalam 4 detik…".
pub fn reconnecting(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Id => format!("Koneksi terputus. Menyambung kembali dalam {seconds} detik…"),
        Lang::En if seconds == 1 => "Connection lost. Reconnecting in 1 second…".into(),
        Lang::En => format!("Connection lost. Reconnecting in {seconds} seconds…"),
    }
}

/// A bar's words: "12 orang" (never the bar's length alone).
pub fn people(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Id => format!("{n} orang"),
        Lang::En if n == 1 => "1 person".into(),
        Lang::En => format!("{n} people"),
    }
}

/// The kick confirmation.
pub fn kick_question(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Keluarkan {name} dari kuis ini? Ia tidak dapat bergabung lagi."),
        Lang::En => format!("Remove {name} from this quiz? They cannot join it again."),
    }
}

/// A unit's row: "Biro SDM · rata-rata 850 · 4 pemain".
pub fn unit_mean(lang: Lang, mean: u32, players: u32) -> String {
    match lang {
        Lang::Id => format!("rata-rata {mean} · {players} pemain"),
        Lang::En if players == 1 => format!("mean {mean} · 1 player"),
        Lang::En => format!("mean {mean} · {players} players"),
    }
}

/// "Menampilkan 100 dari 2.000 pemain" when the presenter's list is cut.
pub fn players_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("Menampilkan {shown} dari {total} pemain; cari nama untuk yang lain."),
        Lang::En => format!("Showing {shown} of {total} players; search a name for the others."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn the_projector_counts_answers_in_words() {
        assert_eq!(answered_of(Lang::Id, 12, 40), "12 dari 40 menjawab");
        assert_eq!(answered_of(Lang::En, 1, 2), "1 of 2 answered");
        assert_eq!(
            phase_name(Lang::Id, Phase::Question, 0, 10),
            "Soal 1 dari 10"
        );
        assert_eq!(people(Lang::En, 1), "1 person");
    }
}
