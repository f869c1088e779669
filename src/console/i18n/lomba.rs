//! Strings of the competition screens (*lomba antar unit*) and *ASN Inspiratif*,
//! Indonesian first and English second. Console only.

use resapi_core::Lang;
use resapi_core::competition::draw::{MAX_QUESTIONS, QuestionSource};
use resapi_core::competition::schedule::{DraftError, Phase, Zone};
use resapi_core::recognition::{Consent, NameError};

pub struct LombaTr {
    pub title: &'static str,
    pub intro: &'static str,
    pub create: &'static str,
    pub list_loading: &'static str,
    pub list_empty: &'static str,
    pub list_caption: &'static str,
    pub name: &'static str,
    pub window: &'static str,
    pub phase: &'static str,
    pub questions: &'static str,
    pub new_title: &'static str,
    pub edit_title: &'static str,
    pub back_to_list: &'static str,
    pub form_loading: &'static str,
    pub open_detail: &'static str,
    pub description: &'static str,
    pub unit: &'static str,
    pub unit_hint: &'static str,
    pub window_legend: &'static str,
    pub zone: &'static str,
    pub opens: &'static str,
    pub closes: &'static str,
    pub closes_hint: &'static str,
    pub questions_legend: &'static str,
    pub source_per_value: &'static str,
    pub source_per_indicator: &'static str,
    pub source_fixed: &'static str,
    pub per_value: &'static str,
    pub per_value_hint: &'static str,
    pub per_indicator: &'static str,
    pub per_indicator_hint: &'static str,
    pub pool_empty: &'static str,
    pub limit: &'static str,
    pub limit_hint: &'static str,
    pub grace: &'static str,
    pub grace_hint: &'static str,
    pub min_participants: &'static str,
    pub min_participants_hint: &'static str,
    pub create_submit: &'static str,
    pub save_changes: &'static str,
    pub saving: &'static str,
    pub not_a_number: &'static str,
    pub pick_unit: &'static str,
    pub detail_title: &'static str,
    pub detail_loading: &'static str,
    pub cancelled_because: &'static str,
    pub edit: &'static str,
    pub open_results: &'static str,
    pub open_piagam: &'static str,
    pub participation_head: &'static str,
    pub participation_intro: &'static str,
    pub participation_caption: &'static str,
    pub members: &'static str,
    pub downloaded: &'static str,
    pub took_part: &'static str,
    pub took_part_share: &'static str,
    pub total: &'static str,
    pub refreshing: &'static str,
    pub actions_head: &'static str,
    pub extend_head: &'static str,
    pub extend: &'static str,
    pub cancel_head: &'static str,
    pub cancel_competition: &'static str,
    pub cancel_question: &'static str,
    pub cancel_reason: &'static str,
    pub cancel_reason_needed: &'static str,
    pub cancel_yes: &'static str,
    pub cancelled_done: &'static str,
    pub results_title: &'static str,
    pub results_loading: &'static str,
    pub publish_intro: &'static str,
    pub publish: &'static str,
    pub publish_question: &'static str,
    pub publish_yes: &'static str,
    pub published_notice: &'static str,
    pub units_head: &'static str,
    pub rule_sentence: &'static str,
    pub ranking_caption: &'static str,
    pub rank: &'static str,
    pub col_members: &'static str,
    pub col_participants: &'static str,
    pub col_participation: &'static str,
    pub col_mean: &'static str,
    pub col_weight: &'static str,
    pub col_shrunk: &'static str,
    pub col_score: &'static str,
    pub none_ranked: &'static str,
    pub unranked_head: &'static str,
    pub people_head: &'static str,
    pub no_people: &'static str,
    pub person: &'static str,
    pub correct_total: &'static str,
    pub time_taken: &'static str,
    pub refused_head: &'static str,
    pub refused_intro: &'static str,
    pub none_refused: &'static str,
    pub refusal_reason: &'static str,
    pub attempts: &'static str,
    pub items_head: &'static str,
    pub items_intro: &'static str,
    pub question: &'static str,
    pub value: &'static str,
    pub answered: &'static str,
    pub difficulty: &'static str,
    pub point_biserial: &'static str,
    pub option_shares: &'static str,
    pub flags: &'static str,
    pub key: &'static str,
    pub no_flag: &'static str,
    pub piagam_title: &'static str,
    pub piagam_intro: &'static str,
    pub piagam_none: &'static str,
    pub print: &'static str,
    pub piagam_heading: &'static str,
    pub given_to: &'static str,
    pub asn_title: &'static str,
    pub asn_intro: &'static str,
    pub asn_form_head: &'static str,
    pub person_search: &'static str,
    pub asn_person: &'static str,
    pub period: &'static str,
    pub citation: &'static str,
    pub after_competition: &'static str,
    pub no_competition: &'static str,
    pub consent_note: &'static str,
    pub name_submit: &'static str,
    pub pick_person: &'static str,
    pub pick_value: &'static str,
    pub asn_list_head: &'static str,
    pub asn_empty: &'static str,
    pub consent: &'static str,
    pub withdraw: &'static str,
    pub withdraw_question: &'static str,
    pub withdraw_yes: &'static str,
}

pub static ID: LombaTr = LombaTr {
    title: "Lomba antar unit",
    intro: "Kuis yang berjalan beberapa hari, dikerjakan di ponsel (juga tanpa sinyal) dan dinilai di server. Unit diperingkat secara adil, berapa pun besarnya.",
    create: "Buat lomba",
    list_loading: "Memuat daftar…",
    list_empty: "Belum ada lomba dalam cakupan Anda.",
    list_caption: "Lomba dalam cakupan Anda, terbaru dulu",
    name: "Nama lomba",
    window: "Waktu",
    phase: "Tahap",
    questions: "Soal",
    new_title: "Buat lomba",
    edit_title: "Ubah lomba",
    back_to_list: "Kembali ke daftar lomba",
    form_loading: "Memuat unit dan bank soal lomba…",
    open_detail: "Buka rincian lomba",
    description: "Deskripsi (boleh kosong)",
    unit: "Unit",
    unit_hint: "Unit ini dan semua unit di bawahnya ikut; sub-unit langsungnya yang diperingkat.",
    window_legend: "Waktu lomba",
    zone: "Zona waktu",
    opens: "Dibuka",
    closes: "Ditutup",
    closes_hint: "Ponsel yang luring saat ditutup masih dihitung bila tersinkron dalam masa tenggang.",
    questions_legend: "Soal",
    source_per_value: "Sejumlah soal per nilai (7 nilai)",
    source_per_indicator: "Sejumlah soal per indikator (21 indikator)",
    source_fixed: "Soal pilihan dari bank soal lomba",
    per_value: "Soal per nilai",
    per_value_hint: "Diundi dari soal aktif yang sudah ditinjau; semua peserta mendapat soal yang sama.",
    per_indicator: "Soal per indikator",
    per_indicator_hint: "Diundi dari soal aktif yang sudah ditinjau; semua peserta mendapat soal yang sama.",
    pool_empty: "Bank soal lomba masih kosong.",
    limit: "Batas waktu pengerjaan (menit)",
    limit_hint: "1 sampai 120 menit per peserta.",
    grace: "Masa tenggang (jam)",
    grace_hint: "Berapa lama sesudah ditutup ponsel luring masih boleh mengirim (bawaan 48, paling lama 168).",
    min_participants: "Minimal peserta per unit",
    min_participants_hint: "Unit dengan peserta lebih sedikit tetap tercantum, tetapi tidak diperingkat (bawaan 3).",
    create_submit: "Buat lomba",
    save_changes: "Simpan perubahan",
    saving: "Menyimpan…",
    not_a_number: "Isi dengan angka bulat.",
    pick_unit: "Pilih unit.",
    detail_title: "Rincian lomba",
    detail_loading: "Memuat lomba…",
    cancelled_because: "Dibatalkan:",
    edit: "Ubah",
    open_results: "Lihat hasil",
    open_piagam: "Piagam penghargaan",
    participation_head: "Partisipasi per unit",
    participation_intro: "Hanya jumlah, tanpa skor, selama lomba berjalan. Diperbarui tiap 30 detik.",
    participation_caption: "Anggota, yang sudah mengunduh soal, dan yang ikut (percobaan sah) per unit",
    members: "Anggota",
    downloaded: "Mengunduh soal",
    took_part: "Ikut",
    took_part_share: "Ikut (% anggota)",
    total: "Jumlah",
    refreshing: "Memperbarui…",
    actions_head: "Tindakan",
    extend_head: "Perpanjang waktu",
    extend: "Perpanjang",
    cancel_head: "Batalkan lomba",
    cancel_competition: "Batalkan lomba…",
    cancel_question: "Batalkan lomba ini? Peserta melihat alasannya, dan hasilnya tidak dihitung.",
    cancel_reason: "Alasan (ditampilkan ke peserta)",
    cancel_reason_needed: "Tulis alasan pembatalan.",
    cancel_yes: "Ya, batalkan lomba",
    cancelled_done: "Lomba dibatalkan.",
    results_title: "Hasil lomba",
    results_loading: "Menghitung hasil…",
    publish_intro: "Hasil belum terlihat oleh peserta. Sesudah diumumkan, peserta melihat skor dan peringkatnya, peringkat unit, serta kunci jawaban dengan pembahasannya.",
    publish: "Umumkan hasil",
    publish_question: "Umumkan hasil sekarang? Ini tidak dapat dibatalkan.",
    publish_yes: "Ya, umumkan",
    published_notice: "Hasil sudah diumumkan ke peserta.",
    units_head: "Peringkat unit",
    rule_sentence: "Skor unit = 100 · m̂ · ((1 − a) + a · p), dengan p = n / M, w = n / (n + k · (1 − p)) dan m̂ = w · x̄ + (1 − w) · μ: rata-rata unit ditarik ke rata-rata semua peserta sejauh anggotanya tidak ikut, lalu partisipasi menggeser skor paling banyak sebesar a. Skor sama dipisahkan oleh partisipasi, lalu oleh rata-rata waktu selesai yang lebih awal.",
    ranking_caption: "Unit yang diperingkat, dengan semua masukan skornya",
    rank: "Peringkat",
    col_members: "Anggota (M)",
    col_participants: "Peserta (n)",
    col_participation: "Partisipasi (p)",
    col_mean: "Rata-rata (x̄)",
    col_weight: "Bobot (w)",
    col_shrunk: "Rata-rata disusutkan (m̂)",
    col_score: "Skor",
    none_ranked: "Belum ada unit yang memenuhi minimal peserta.",
    unranked_head: "Tercantum, tidak diperingkat",
    people_head: "Peserta",
    no_people: "Belum ada percobaan yang dihitung.",
    person: "Nama",
    correct_total: "Benar/soal",
    time_taken: "Waktu pengerjaan",
    refused_head: "Percobaan yang ditolak",
    refused_intro: "Percobaan yang tidak dihitung, menurut alasannya. Ponsel pesertanya menyimpannya di “Perlu perhatian” dengan pesan yang sama.",
    none_refused: "Tidak ada percobaan yang ditolak.",
    refusal_reason: "Alasan",
    attempts: "Percobaan",
    items_head: "Analisis butir",
    items_intro: "Kesukaran (bagian yang menjawab benar), daya beda (korelasi point-biserial) dan pilihan tiap opsi. Soal dengan kesukaran di atas 0,95 atau daya beda di bawah 0,20 ditandai, agar dapat ditinjau atau tidak dipakai lagi.",
    question: "Soal",
    value: "Nilai",
    answered: "Menjawab",
    difficulty: "Kesukaran",
    point_biserial: "Daya beda (point-biserial)",
    option_shares: "Pilihan per opsi",
    flags: "Tanda",
    key: "(kunci)",
    no_flag: "Baik",
    piagam_title: "Piagam penghargaan",
    piagam_intro: "Satu piagam per halaman A4 mendatar untuk tiga unit dan tiga peserta terbaik. “Cetak” membuka dialog cetak peramban (pilih printer atau simpan sebagai PDF).",
    piagam_none: "Belum ada unit atau peserta yang diperingkat.",
    print: "Cetak",
    piagam_heading: "Piagam Penghargaan",
    given_to: "diberikan kepada",
    asn_title: "ASN Inspiratif",
    asn_intro: "Sebut satu pegawai unit yang menghidupi nilai BerAKHLAK, sesudah lomba atau tiap bulan, dengan kutipan singkat tentang apa yang dilakukannya. Kartunya muncul di ponsel anggota unit setelah pegawai itu menyetujuinya.",
    asn_form_head: "Sebut ASN Inspiratif",
    person_search: "Cari pegawai di unit ini (NIP atau nama)",
    asn_person: "Pegawai",
    period: "Bulan",
    citation: "Kutipan",
    after_competition: "Sesudah lomba (boleh kosong)",
    no_competition: "Tidak terkait lomba",
    consent_note: "Pegawai yang disebut ditanya dulu di ponselnya; sebelum ia setuju, tidak ada orang lain yang melihatnya.",
    name_submit: "Sebut ASN Inspiratif",
    pick_person: "Pilih pegawai.",
    pick_value: "Pilih nilai.",
    asn_list_head: "ASN Inspiratif yang sudah disebut",
    asn_empty: "Belum ada ASN Inspiratif dalam cakupan Anda.",
    consent: "Persetujuan",
    withdraw: "Tarik",
    withdraw_question: "Tarik penghargaan ini? Kartunya hilang dari ponsel anggota unit.",
    withdraw_yes: "Ya, tarik",
};

pub static EN: LombaTr = LombaTr {
    title: "Competitions between units",
    intro: "A quiz that runs over days, taken on phones (offline too) and graded on the server. Units are ranked fairly whatever their size.",
    create: "Create competition",
    list_loading: "Loading the list…",
    list_empty: "No competition in your scope yet.",
    list_caption: "Competitions in your scope, newest first",
    name: "Competition name",
    window: "When",
    phase: "Stage",
    questions: "Questions",
    new_title: "Create a competition",
    edit_title: "Change the competition",
    back_to_list: "Back to the competitions",
    form_loading: "Loading the units and the competition question pool…",
    open_detail: "Open the competition's details",
    description: "Description (optional)",
    unit: "Unit",
    unit_hint: "This unit and every unit under it take part; its direct sub-units are ranked.",
    window_legend: "When it runs",
    zone: "Time zone",
    opens: "Opens",
    closes: "Closes",
    closes_hint: "Phones offline at the close still count if they sync within the grace period.",
    questions_legend: "Questions",
    source_per_value: "A number of questions per value (7 values)",
    source_per_indicator: "A number of questions per indicator (21 indicators)",
    source_fixed: "Questions picked from the competition pool",
    per_value: "Questions per value",
    per_value_hint: "Drawn from active, reviewed questions; everyone gets the same questions.",
    per_indicator: "Questions per indicator",
    per_indicator_hint: "Drawn from active, reviewed questions; everyone gets the same questions.",
    pool_empty: "The competition question pool is empty.",
    limit: "Time limit per attempt (minutes)",
    limit_hint: "1 to 120 minutes per participant.",
    grace: "Grace period (hours)",
    grace_hint: "How long after the close offline phones may still send (48 by default, at most 168).",
    min_participants: "Fewest participants per unit",
    min_participants_hint: "Units with fewer are listed but not ranked (3 by default).",
    create_submit: "Create competition",
    save_changes: "Save changes",
    saving: "Saving…",
    not_a_number: "Enter a whole number.",
    pick_unit: "Choose a unit.",
    detail_title: "Competition details",
    detail_loading: "Loading the competition…",
    cancelled_because: "Cancelled:",
    edit: "Change",
    open_results: "See the results",
    open_piagam: "Certificates",
    participation_head: "Participation per unit",
    participation_intro: "Counts only, no scores, while it runs. Refreshed every 30 seconds.",
    participation_caption: "Members, those who downloaded the questions, and those who took part (counted attempts) per unit",
    members: "Members",
    downloaded: "Downloaded",
    took_part: "Took part",
    took_part_share: "Took part (% of members)",
    total: "Total",
    refreshing: "Refreshing…",
    actions_head: "Actions",
    extend_head: "Extend",
    extend: "Extend",
    cancel_head: "Cancel the competition",
    cancel_competition: "Cancel the competition…",
    cancel_question: "Cancel this competition? Participants see the reason, and no results are computed.",
    cancel_reason: "Reason (shown to participants)",
    cancel_reason_needed: "Write the reason for cancelling.",
    cancel_yes: "Yes, cancel the competition",
    cancelled_done: "Competition cancelled.",
    results_title: "Competition results",
    results_loading: "Computing the results…",
    publish_intro: "Participants cannot see the results yet. Once published they see their score and rank, the units' ranking, and the correct answers with explanations.",
    publish: "Publish results",
    publish_question: "Publish the results now? This cannot be undone.",
    publish_yes: "Yes, publish",
    published_notice: "The results are published to participants.",
    units_head: "Unit ranking",
    rule_sentence: "Unit score = 100 · m̂ · ((1 − a) + a · p), with p = n / M, w = n / (n + k · (1 − p)) and m̂ = w · x̄ + (1 − w) · μ: a unit's mean is pulled towards everyone's as far as its members did not take part, then participation moves the score by at most a. Equal scores are separated by participation, then by the earlier average completion.",
    ranking_caption: "Ranked units, with every input of their score",
    rank: "Rank",
    col_members: "Members (M)",
    col_participants: "Participants (n)",
    col_participation: "Participation (p)",
    col_mean: "Mean (x̄)",
    col_weight: "Weight (w)",
    col_shrunk: "Shrunk mean (m̂)",
    col_score: "Score",
    none_ranked: "No unit has reached the fewest participants yet.",
    unranked_head: "Listed, not ranked",
    people_head: "Participants",
    no_people: "No counted attempt yet.",
    person: "Name",
    correct_total: "Correct/questions",
    time_taken: "Time taken",
    refused_head: "Refused attempts",
    refused_intro: "Attempts that did not count, by reason. The participant's phone keeps each in “Needs attention” with the same message.",
    none_refused: "No attempt was refused.",
    refusal_reason: "Reason",
    attempts: "Attempts",
    items_head: "Item analysis",
    items_intro: "Difficulty (share correct), discrimination (point-biserial correlation) and each option's share. Questions with difficulty above 0.95 or discrimination below 0.20 are flagged, to review or retire.",
    question: "Question",
    value: "Value",
    answered: "Answered",
    difficulty: "Difficulty",
    point_biserial: "Discrimination (point-biserial)",
    option_shares: "Option shares",
    flags: "Flags",
    key: "(key)",
    no_flag: "Fine",
    piagam_title: "Certificates",
    piagam_intro: "One certificate per A4 landscape page for the three best units and the three best participants. “Print” opens the browser's print dialog (pick a printer or save as PDF).",
    piagam_none: "No unit or participant has been ranked yet.",
    print: "Print",
    piagam_heading: "Certificate of Appreciation",
    given_to: "awarded to",
    asn_title: "ASN Inspiratif",
    asn_intro: "Name one person of a unit who lives the BerAKHLAK values, after a competition or monthly, with a short citation of what they did. The card appears on the phones of the unit's members once the person agrees.",
    asn_form_head: "Name an ASN Inspiratif",
    person_search: "Find a person in this unit (NIP or name)",
    asn_person: "Person",
    period: "Month",
    citation: "Citation",
    after_competition: "After a competition (optional)",
    no_competition: "Not tied to a competition",
    consent_note: "The person named is asked first on their phone; until they agree nobody else sees it.",
    name_submit: "Name ASN Inspiratif",
    pick_person: "Choose a person.",
    pick_value: "Choose a value.",
    asn_list_head: "ASN Inspiratif named",
    asn_empty: "No ASN Inspiratif in your scope yet.",
    consent: "Consent",
    withdraw: "Withdraw",
    withdraw_question: "Withdraw this recognition? Its card disappears from the unit's phones.",
    withdraw_yes: "Yes, withdraw",
};

pub fn lomba_tr(lang: Lang) -> &'static LombaTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

pub fn phase_name(lang: Lang, phase: Phase) -> &'static str {
    match (lang, phase) {
        (Lang::Id, Phase::Upcoming) => "Akan datang",
        (Lang::En, Phase::Upcoming) => "Upcoming",
        (Lang::Id, Phase::Open) => "Berjalan",
        (Lang::En, Phase::Open) => "Open",
        (Lang::Id, Phase::Grace) => "Masa tenggang",
        (Lang::En, Phase::Grace) => "Grace period",
        (Lang::Id, Phase::Final) => "Selesai, belum diumumkan",
        (Lang::En, Phase::Final) => "Closed, not published",
        (Lang::Id, Phase::Published) => "Diumumkan",
        (Lang::En, Phase::Published) => "Published",
        (Lang::Id, Phase::Cancelled) => "Dibatalkan",
        (Lang::En, Phase::Cancelled) => "Cancelled",
    }
}

/// What the phase means for the organiser, one sentence.
pub fn phase_explained(lang: Lang, phase: Phase) -> &'static str {
    match (lang, phase) {
        (Lang::Id, Phase::Upcoming) => "Belum dibuka: semua pengaturan masih dapat diubah.",
        (Lang::En, Phase::Upcoming) => "Not open yet: every setting can still be changed.",
        (Lang::Id, Phase::Open) => {
            "Sedang berjalan: peserta dapat mengunduh soal dan mengerjakan. Pengaturan tidak dapat diubah lagi; waktu tutup dapat diperpanjang."
        }
        (Lang::En, Phase::Open) => {
            "Running: participants can download the questions and take part. Settings can no longer change; the close can be extended."
        }
        (Lang::Id, Phase::Grace) => {
            "Sudah ditutup; ponsel yang luring masih dapat mengirim percobaan yang dimulai sebelum ditutup."
        }
        (Lang::En, Phase::Grace) => {
            "Closed; phones that were offline can still send attempts started before the close."
        }
        (Lang::Id, Phase::Final) => {
            "Tidak ada lagi yang dapat masuk: hasil dapat dilihat dan diumumkan."
        }
        (Lang::En, Phase::Final) => {
            "Nothing more can arrive: the results can be seen and published."
        }
        (Lang::Id, Phase::Published) => "Hasil sudah diumumkan ke peserta.",
        (Lang::En, Phase::Published) => "The results are published to participants.",
        (Lang::Id, Phase::Cancelled) => "Lomba dibatalkan; peserta melihat alasannya.",
        (Lang::En, Phase::Cancelled) => {
            "The competition was cancelled; participants see the reason."
        }
    }
}

/// Why a competition's settings cannot be changed any more.
pub fn locked(lang: Lang, phase: Phase) -> String {
    match lang {
        Lang::Id => format!(
            "Lomba ini tidak dapat diubah lagi (tahap: {}). Pengaturan hanya dapat diubah sebelum lomba dibuka; sesudahnya hanya waktu tutup yang dapat diperpanjang, atau lomba dibatalkan.",
            phase_name(lang, phase)
        ),
        Lang::En => format!(
            "This competition can no longer be changed (stage: {}). Settings can change only before it opens; after that the close can only be extended, or the competition cancelled.",
            phase_name(lang, phase)
        ),
    }
}

pub fn zone_name(lang: Lang, zone: Zone) -> &'static str {
    match (lang, zone) {
        (Lang::Id, Zone::Wib) => "WIB (UTC+7, Waktu Indonesia Barat)",
        (Lang::En, Zone::Wib) => "WIB (UTC+7, Western Indonesia)",
        (Lang::Id, Zone::Wita) => "WITA (UTC+8, Waktu Indonesia Tengah)",
        (Lang::En, Zone::Wita) => "WITA (UTC+8, Central Indonesia)",
        (Lang::Id, Zone::Wit) => "WIT (UTC+9, Waktu Indonesia Timur)",
        (Lang::En, Zone::Wit) => "WIT (UTC+9, Eastern Indonesia)",
    }
}

pub fn question_count(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Id => format!("{n} soal"),
        Lang::En if n == 1 => "1 question".into(),
        Lang::En => format!("{n} questions"),
    }
}

/// A draw that asks no question or more than a competition may.
pub fn question_count_range(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => {
            format!("Lomba berisi 1 sampai {MAX_QUESTIONS} soal; pilihan ini memberi {n} soal.")
        }
        Lang::En => {
            format!("A competition asks 1 to {MAX_QUESTIONS} questions; this choice gives {n}.")
        }
    }
}

pub fn chosen_total(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} soal dipilih (paling banyak {MAX_QUESTIONS})."),
        Lang::En => format!("{n} chosen (at most {MAX_QUESTIONS})."),
    }
}

pub fn chosen_of(lang: Lang, chosen: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("{chosen} dari {total} dipilih"),
        Lang::En => format!("{chosen} of {total} chosen"),
    }
}

/// Where the questions come from, in words.
pub fn source_text(lang: Lang, source: &QuestionSource) -> String {
    match (lang, source) {
        (Lang::Id, QuestionSource::PerValue { per_value }) => format!("{per_value} per nilai"),
        (Lang::En, QuestionSource::PerValue { per_value }) => format!("{per_value} per value"),
        (Lang::Id, QuestionSource::PerIndicator { per_indicator }) => {
            format!("{per_indicator} per indikator")
        }
        (Lang::En, QuestionSource::PerIndicator { per_indicator }) => {
            format!("{per_indicator} per indicator")
        }
        (Lang::Id, QuestionSource::Fixed { .. }) => "soal pilihan".into(),
        (Lang::En, QuestionSource::Fixed { .. }) => "picked questions".into(),
    }
}

pub fn minutes(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Id => format!("{n} menit"),
        Lang::En if n == 1 => "1 minute".into(),
        Lang::En => format!("{n} minutes"),
    }
}

pub fn grace_until(lang: Lang, hours: u32, until: &str) -> String {
    match lang {
        Lang::Id => format!("{hours} jam (sampai {until})"),
        Lang::En => format!("{hours} hours (until {until})"),
    }
}

pub fn new_close_label(lang: Lang, zone: Zone) -> String {
    match lang {
        Lang::Id => format!("Waktu tutup baru ({})", zone.as_str()),
        Lang::En => format!("New closing time ({})", zone.as_str()),
    }
}

pub fn extended(lang: Lang, until: &str) -> String {
    match lang {
        Lang::Id => format!("Lomba diperpanjang sampai {until}."),
        Lang::En => format!("Competition extended until {until}."),
    }
}

pub fn published_at(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Diumumkan {when}."),
        Lang::En => format!("Published {when}."),
    }
}

/// The rule's parameters and the overall mean, printed above the ranking.
pub fn rule_parameters(lang: Lang, k: &str, a: &str, min: u32, mu: &str) -> String {
    match lang {
        Lang::Id => format!(
            "Aturan: k = {k} orang · a = {a} · minimal {min} peserta per unit · μ (rata-rata semua peserta) = {mu}"
        ),
        Lang::En => format!(
            "Rule: k = {k} people · a = {a} · at least {min} participants per unit · μ (mean of every participant) = {mu}"
        ),
    }
}

pub fn unranked_why(lang: Lang, n: u32, members: u32, min: u32) -> String {
    match lang {
        Lang::Id => {
            format!("{n} peserta dari {members} anggota, kurang dari minimal {min} peserta.")
        }
        Lang::En => format!("{n} participants of {members} members, fewer than the {min} needed."),
    }
}

pub fn people_caption(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} peserta dengan percobaan yang dihitung, terbaik dulu"),
        Lang::En => format!("{n} participants with a counted attempt, best first"),
    }
}

/// A refusal code in words (the code itself is shown beside it).
pub fn refusal(lang: Lang, code: &str) -> &'static str {
    let id = lang == Lang::Id;
    match code {
        "competition_closed" => {
            if id {
                "Masuk sesudah ditutup dan masa tenggang"
            } else {
                "Arrived after the close and the grace period"
            }
        }
        "competition_already_taken" => {
            if id {
                "Percobaan kedua"
            } else {
                "A second attempt"
            }
        }
        "competition_not_your_unit" => {
            if id {
                "Bukan unit peserta"
            } else {
                "Not a participating unit"
            }
        }
        "competition_over_time_limit" => {
            if id {
                "Melewati batas waktu pengerjaan"
            } else {
                "Over the time limit"
            }
        }
        "competition_not_downloaded" => {
            if id {
                "Soal tidak diunduh sebelum ditutup"
            } else {
                "Questions not downloaded before the close"
            }
        }
        "competition_bad_times" => {
            if id {
                "Waktu mulai dan selesai tidak masuk akal"
            } else {
                "Start and finish times do not fit"
            }
        }
        c if c.starts_with("competition_answer") || c == "competition_unknown_option" => {
            if id {
                "Jawaban tidak cocok dengan soal lomba"
            } else {
                "Answers that do not fit the competition's questions"
            }
        }
        _ => {
            if id {
                "Ditolak"
            } else {
                "Refused"
            }
        }
    }
}

pub fn place(lang: Lang, rank: u32) -> String {
    match lang {
        Lang::Id => format!("sebagai Juara {rank}"),
        Lang::En => format!("for place {rank}"),
    }
}

pub fn in_competition(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("dalam {name}"),
        Lang::En => format!("in {name}"),
    }
}

pub fn with_score(lang: Lang, score: &str) -> String {
    match lang {
        Lang::Id => format!("dengan skor {score}"),
        Lang::En => format!("with a score of {score}"),
    }
}

/// A draft refusal in the interface language (core's messages are Indonesian).
pub fn draft_error(lang: Lang, error: &DraftError) -> String {
    if lang == Lang::Id {
        return error.to_string();
    }
    match error {
        DraftError::Name => "Give the competition a name (at most 120 characters).".into(),
        DraftError::Description => "The description may have at most 1000 characters.".into(),
        DraftError::Time(text) => {
            format!("The time `{text}` cannot be read; pick a date and time.")
        }
        DraftError::ClosesBeforeOpens => "The close must be after the opening.".into(),
        DraftError::TooLong => "A competition runs for at most 31 days.".into(),
        DraftError::NotLater => "The new close must be after the current one.".into(),
        DraftError::ClosesInPast => {
            "The closing time has passed; pick a time in the future.".into()
        }
        DraftError::Limit => "The time limit must be 1 to 120 minutes.".into(),
        DraftError::Grace => "The grace period must be 0 to 168 hours.".into(),
        DraftError::MinParticipants => "The fewest participants per unit must be 1 to 50.".into(),
    }
}

pub fn name_error(lang: Lang, error: &NameError) -> String {
    match (lang, error) {
        (Lang::Id, e) => e.to_string(),
        (Lang::En, NameError::Citation) => {
            "The citation must be 20 to 400 characters: say briefly how the value was lived.".into()
        }
        (Lang::En, NameError::Period) => "Pick the month (YYYY-MM, e.g. 2026-12).".into(),
    }
}

pub fn consent_name(lang: Lang, consent: Consent) -> &'static str {
    match (lang, consent) {
        (Lang::Id, Consent::Pending) => "Menunggu persetujuan",
        (Lang::En, Consent::Pending) => "Awaiting consent",
        (Lang::Id, Consent::Given) => "Disetujui",
        (Lang::En, Consent::Given) => "Agreed",
        (Lang::Id, Consent::Declined) => "Ditolak",
        (Lang::En, Consent::Declined) => "Declined",
    }
}

pub fn citation_count(lang: Lang, n: usize, min: usize, max: usize) -> String {
    match lang {
        Lang::Id => format!("{n}/{max} karakter (paling sedikit {min})"),
        Lang::En => format!("{n}/{max} characters (at least {min})"),
    }
}

pub fn people_found(lang: Lang, shown: usize, total: i64) -> String {
    match lang {
        Lang::Id if shown as i64 >= total => format!("{total} pegawai di unit ini."),
        Lang::Id => format!("{shown} dari {total} pegawai ditampilkan; cari untuk mempersempit."),
        Lang::En if shown as i64 >= total => format!("{total} people in this unit."),
        Lang::En => format!("{shown} of {total} people shown; search to narrow down."),
    }
}

pub fn named(lang: Lang, person: &str) -> String {
    match lang {
        Lang::Id => format!("{person} disebut ASN Inspiratif; menunggu persetujuannya."),
        Lang::En => format!("{person} named ASN Inspiratif; awaiting their consent."),
    }
}

pub fn withdrawn(lang: Lang, person: &str) -> String {
    match lang {
        Lang::Id => format!("Penghargaan untuk {person} ditarik."),
        Lang::En => format!("The recognition of {person} was withdrawn."),
    }
}
