//! The strings of the competition (*lomba*) screens and the *ASN Inspiratif* card, Indonesian
//! first and English second. Apart from [`super::i18n::Tr`], so that the competition screens'
//! words are read only by their own (lazy) code.

use super::i18n::decimal;
use resapi_core::Lang;

pub struct LombaTr {
    pub title: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    pub not_synced: &'static str,
    pub section_open: &'static str,
    pub section_upcoming: &'static str,
    pub section_done: &'static str,
    pub take: &'static str,
    pub resume: &'static str,
    pub needs_download: &'static str,
    pub taken: &'static str,
    pub awaiting: &'static str,
    pub closed: &'static str,
    pub cancelled: &'static str,
    pub not_taken: &'static str,
    pub refused: &'static str,
    pub see_attention: &'static str,
    pub see_results: &'static str,
    pub back_to_list: &'static str,
    pub missing: &'static str,
    // the attempt
    pub one_attempt: &'static str,
    pub works_offline: &'static str,
    pub start: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub to_summary: &'static str,
    pub summary: &'static str,
    pub all_answered: &'static str,
    pub send_hint: &'static str,
    pub send: &'static str,
    pub time_left: &'static str,
    /// Said once by a screen reader when five minutes are left (the countdown itself is a
    /// silent `timer`).
    pub five_minutes_left: &'static str,
    /// Said once when less than a minute is left.
    pub last_minute: &'static str,
    pub time_up: &'static str,
    pub sent_title: &'static str,
    pub sent_text: &'static str,
    pub answered: &'static str,
    pub unanswered: &'static str,
    // results
    pub results_title: &'static str,
    pub not_published: &'static str,
    pub your_result: &'static str,
    pub certificate: &'static str,
    pub unit_ranking: &'static str,
    pub top_people: &'static str,
    pub review_title: &'static str,
    pub correct_answer: &'static str,
    pub your_choice: &'static str,
    pub not_answered: &'static str,
    pub learn_more: &'static str,
    pub learn_more_hint: &'static str,
    // ASN Inspiratif
    pub inspiratif: &'static str,
    pub named_heading: &'static str,
    pub consent_ask: &'static str,
    pub consent_yes: &'static str,
    pub consent_no: &'static str,
    pub consent_given: &'static str,
    pub consent_declined: &'static str,
}

pub static ID: LombaTr = LombaTr {
    title: "Lomba",
    intro: "Lomba antar unit: satu kali kesempatan, bisa dikerjakan tanpa internet, dinilai di server saat ponsel sinkron.",
    empty: "Belum ada lomba untuk unit Anda.",
    not_synced: "Daftar lomba belum terunduh. Sambungkan ke internet, lalu sinkronkan.",
    section_open: "Sedang berlangsung",
    section_upcoming: "Akan datang",
    section_done: "Selesai",
    take: "Kerjakan",
    resume: "Lanjutkan",
    needs_download: "Sambungkan ke internet untuk mengunduh soal",
    taken: "Sudah dikerjakan",
    awaiting: "Menunggu pengumuman",
    closed: "Sudah ditutup",
    cancelled: "Dibatalkan",
    not_taken: "Anda tidak mengikuti lomba ini.",
    refused: "Jawaban Anda ditolak server:",
    see_attention: "Lihat di Perlu perhatian",
    see_results: "Lihat hasil",
    back_to_list: "Kembali ke daftar lomba",
    missing: "Lomba ini tidak ada di ponsel ini. Sinkronkan, lalu buka dari daftar lomba.",
    one_attempt: "Hanya satu kali kesempatan: jawaban dikirim saat Anda menekan Kirim, atau otomatis saat waktu habis.",
    works_offline: "Bisa dikerjakan tanpa internet. Jawaban dinilai di server saat ponsel tersambung.",
    start: "Mulai",
    previous: "Sebelumnya",
    next: "Berikutnya",
    to_summary: "Ringkasan",
    summary: "Ringkasan jawaban",
    all_answered: "Semua soal sudah dijawab.",
    send_hint: "Setelah dikirim, jawaban tidak bisa diubah.",
    send: "Kirim",
    time_left: "Sisa waktu",
    five_minutes_left: "Sisa waktu 5 menit.",
    last_minute: "Sisa waktu kurang dari 1 menit. Jawaban dikirim otomatis saat waktu habis.",
    time_up: "Waktu habis. Jawaban Anda dikirim.",
    sent_title: "Jawaban tersimpan",
    sent_text: "Jawaban Anda masuk antrean kirim dan akan dinilai di server saat ponsel sinkron. Hasil diumumkan setelah lomba ditutup.",
    answered: "dijawab",
    unanswered: "belum dijawab",
    results_title: "Hasil lomba",
    not_published: "Hasil lomba ini belum diumumkan.",
    your_result: "Hasil Anda",
    certificate: "Piagam",
    unit_ranking: "Peringkat unit",
    top_people: "Peserta terbaik",
    review_title: "Jawaban dan pembahasan",
    correct_answer: "Jawaban benar",
    your_choice: "Pilihan Anda",
    not_answered: "Tidak dijawab",
    learn_more: "Pelajari lagi",
    learn_more_hint: "Modul nilai dari soal yang belum tepat:",
    inspiratif: "ASN Inspiratif",
    named_heading: "Anda dinamai ASN Inspiratif",
    consent_ask: "Bolehkah nama dan kutipan ini tampil di beranda rekan unit Anda?",
    consent_yes: "Tampilkan ke rekan unit",
    consent_no: "Jangan tampilkan",
    consent_given: "Terima kasih. Akan tampil untuk rekan unit setelah sinkron.",
    consent_declined: "Baik, tidak ditampilkan ke rekan unit.",
};

pub static EN: LombaTr = LombaTr {
    title: "Competitions",
    intro: "Competitions between units: one attempt, works without internet, graded on the server when the phone syncs.",
    empty: "No competitions for your unit yet.",
    not_synced: "The competitions have not been downloaded yet. Connect to the internet, then sync.",
    section_open: "Open now",
    section_upcoming: "Upcoming",
    section_done: "Finished",
    take: "Take it",
    resume: "Continue",
    needs_download: "Connect to the internet to download the questions",
    taken: "Already taken",
    awaiting: "Awaiting results",
    closed: "Closed",
    cancelled: "Cancelled",
    not_taken: "You did not take part in this competition.",
    refused: "The server refused your answers:",
    see_attention: "See Needs attention",
    see_results: "See results",
    back_to_list: "Back to the competitions",
    missing: "This competition is not on this phone. Sync, then open it from the list.",
    one_attempt: "One attempt only: your answers are sent when you tap Send, or automatically when the time is up.",
    works_offline: "Works without internet. Your answers are graded on the server when the phone connects.",
    start: "Start",
    previous: "Previous",
    next: "Next",
    to_summary: "Summary",
    summary: "Your answers",
    all_answered: "Every question is answered.",
    send_hint: "Once sent, the answers cannot be changed.",
    send: "Send",
    time_left: "Time left",
    five_minutes_left: "5 minutes left.",
    last_minute: "Less than a minute left. Your answers are sent when the time is up.",
    time_up: "Time is up. Your answers were sent.",
    sent_title: "Answers saved",
    sent_text: "Your answers are queued and will be graded on the server when the phone syncs. Results are announced after the competition closes.",
    answered: "answered",
    unanswered: "not answered",
    results_title: "Competition results",
    not_published: "The results of this competition have not been announced yet.",
    your_result: "Your result",
    certificate: "Certificate",
    unit_ranking: "Unit ranking",
    top_people: "Top participants",
    review_title: "Answers and explanations",
    correct_answer: "Correct answer",
    your_choice: "Your choice",
    not_answered: "Not answered",
    learn_more: "Learn more",
    learn_more_hint: "Value modules of the questions you missed:",
    inspiratif: "ASN Inspiratif",
    named_heading: "You were named ASN Inspiratif",
    consent_ask: "May your name and this citation be shown on your unit colleagues' home screens?",
    consent_yes: "Show to my unit",
    consent_no: "Don't show",
    consent_given: "Thank you. It will show to your unit after the next sync.",
    consent_declined: "All right, it will not be shown to your unit.",
};

pub fn tr(lang: Lang) -> &'static LombaTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// "10 soal · 15 menit".
pub fn size(lang: Lang, questions: u32, minutes: u32) -> String {
    match lang {
        Lang::Id => format!("{questions} soal · {minutes} menit"),
        Lang::En => format!("{questions} questions · {minutes} minutes"),
    }
}

pub fn opens(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Dibuka {when}"),
        Lang::En => format!("Opens {when}"),
    }
}

pub fn closes(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Ditutup {when}"),
        Lang::En => format!("Closes {when}"),
    }
}

pub fn reason(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Id => format!("Alasan: {reason}"),
        Lang::En => format!("Reason: {reason}"),
    }
}

/// The intro's first line: what the attempt is.
pub fn rules(lang: Lang, questions: usize, minutes: u32) -> String {
    match lang {
        Lang::Id => {
            format!("{questions} soal. Waktu {minutes} menit, dihitung sejak Anda menekan Mulai.")
        }
        Lang::En => {
            format!("{questions} questions. {minutes} minutes, counted from when you tap Start.")
        }
    }
}

pub fn unanswered_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} soal belum dijawab."),
        (Lang::En, 1) => "1 question is not answered.".into(),
        (Lang::En, n) => format!("{n} questions are not answered."),
    }
}

pub fn number(lang: Lang, i: usize) -> String {
    match lang {
        Lang::Id => format!("Soal {i}"),
        Lang::En => format!("Question {i}"),
    }
}

/// "8 dari 10 benar · skor 80".
pub fn own_score(lang: Lang, correct: u32, total: u32, score: f64) -> String {
    let score = decimal(lang, score);
    match lang {
        Lang::Id => format!("{correct} dari {total} benar · skor {score}"),
        Lang::En => format!("{correct} of {total} correct · score {score}"),
    }
}

pub fn own_rank(lang: Lang, rank: u32, of: u32) -> String {
    match lang {
        Lang::Id => format!("Peringkat {rank} dari {of} peserta"),
        Lang::En => format!("Rank {rank} of {of} participants"),
    }
}

pub fn unit_rank(lang: Lang, unit: &str, rank: Option<u32>, of: u32) -> String {
    match (lang, rank) {
        (Lang::Id, Some(r)) => format!("{unit}: peringkat {r} dari {of} unit"),
        (Lang::En, Some(r)) => format!("{unit}: rank {r} of {of} units"),
        (Lang::Id, None) => {
            format!("{unit}: tidak diperingkat (pesertanya kurang dari batas minimum)")
        }
        (Lang::En, None) => format!("{unit}: not ranked (fewer participants than the minimum)"),
    }
}

/// The certificate's line for a winner.
pub fn winner(lang: Lang, who: &str, rank: u32, competition: &str) -> String {
    match lang {
        Lang::Id => format!("{who} — juara {rank} {competition}"),
        Lang::En => format!("{who} — place {rank}, {competition}"),
    }
}

pub fn place(lang: Lang, rank: u32) -> String {
    match lang {
        Lang::Id => format!("Juara {rank}"),
        Lang::En => format!("Place {rank}"),
    }
}
