//! The phone app's interface strings, Indonesian first and English second. A missing string is a compile
//! error: every language fills every field.

use crate::i18n::{self as shared, Shared};
pub use crate::i18n::{decimal, error_message};
use resapi_core::Lang;
use resapi_core::sync::RecordKind;

/// The phone's strings; those both entries show are in [`Shared`] (reached through `Deref`,
/// so `t.login` reads the same as `t.tagline`).
pub struct Tr {
    pub shared: &'static Shared,
    pub tagline: &'static str,
    pub nav_home: &'static str,
    pub nav_practice: &'static str,
    pub register: &'static str,
    pub cancel: &'static str,
    pub retry: &'static str,
    /// A part of a screen whose code is not on the phone yet and could not be fetched.
    pub part_not_downloaded: &'static str,
    pub screen_not_downloaded_title: &'static str,
    pub back_home: &'static str,
    pub store_failed: &'static str,
    /// A stale tab tried a step another tab had already saved.
    pub changed_elsewhere: &'static str,
    /// The questionnaire was finished in another tab.
    pub finished_elsewhere: &'static str,
    // sync indicator
    pub sync_heading: &'static str,
    pub online: &'static str,
    pub offline: &'static str,
    pub all_sent: &'static str,
    pub summary_waiting: &'static str,
    pub never_synced: &'static str,
    pub sync_now: &'static str,
    pub syncing: &'static str,
    pub offline_ready: &'static str,
    pub not_offline_ready: &'static str,
    pub needs_login: &'static str,
    pub login_again: &'static str,
    // update banner
    pub update_available: &'static str,
    pub update_reload: &'static str,
    // home
    pub home_intro: &'static str,
    pub guest_intro: &'static str,
    pub values_heading: &'static str,
    /// Where the values stand in law, under the heading.
    pub values_basis: &'static str,
    pub start_practice: &'static str,
    pub no_content: &'static str,
    pub history_link: &'static str,
    pub competitions_link: &'static str,
    // auth
    pub register_title: &'static str,
    pub name_label: &'static str,
    pub password_hint: &'static str,
    pub unit_label: &'static str,
    pub unit_search: &'static str,
    pub unit_none: &'static str,
    pub units_loading: &'static str,
    pub no_account: &'static str,
    pub have_account: &'static str,
    // practice
    pub practice_title: &'static str,
    pub practice_pick: &'static str,
    pub mixed: &'static str,
    pub mixed_hint: &'static str,
    pub correct: &'static str,
    pub incorrect: &'static str,
    pub best_answer: &'static str,
    pub your_answer: &'static str,
    pub next_question: &'static str,
    pub see_result: &'static str,
    pub quit: &'static str,
    pub quit_confirm: &'static str,
    pub quit_yes: &'static str,
    pub quit_no: &'static str,
    pub save_failed: &'static str,
    pub question_missing: &'static str,
    // results and history
    pub result_title: &'static str,
    pub per_value: &'static str,
    pub review: &'static str,
    pub practice_again: &'static str,
    pub stopped_early: &'static str,
    pub history_title: &'static str,
    pub history_empty: &'static str,
    // live quiz (kuis apel)
    pub live_quiz: &'static str,
    pub join_quiz: &'static str,
    pub join_code: &'static str,
    pub join_code_bad: &'static str,
    pub join: &'static str,
    pub not_found: &'static str,
    pub not_found_hint: &'static str,
    // attention
    pub attention_title: &'static str,
    pub attention_intro: &'static str,
    pub attention_empty: &'static str,
    pub export_json: &'static str,
    pub nav_questionnaires: &'static str,
    pub nav_modules: &'static str,
    pub nav_progress: &'static str,
    pub questionnaires_title: &'static str,
    pub questionnaires_intro: &'static str,
    pub never_done: &'static str,
    pub start: &'static str,
    pub resume_draft: &'static str,
    pub privacy_title: &'static str,
    pub privacy_text: &'static str,
    pub scale_hint: &'static str,
    pub skip: &'static str,
    pub back: &'static str,
    pub review_title: &'static str,
    pub skipped: &'static str,
    pub change: &'static str,
    pub finish_questionnaire: &'static str,
    pub q_result_title: &'static str,
    /// The gentle note under a careless response's result (`resapi_core::careless`).
    pub careless_same: &'static str,
    pub careless_fast: &'static str,
    pub not_enough: &'static str,
    pub read_next: &'static str,
    pub repeat_questionnaire: &'static str,
    pub repeat_hint: &'static str,
    pub what_it_means: &'static str,
    pub weakest_label: &'static str,
    /// Commitment: high continuance with low affective (`commitment_reading`).
    pub stay_pattern_title: &'static str,
    pub stay_pattern_text: &'static str,
    pub modules_title: &'static str,
    pub modules_intro: &'static str,
    pub value_modules: &'static str,
    pub commitment_modules: &'static str,
    pub looks_like: &'static str,
    pub not_like: &'static str,
    pub illustration: &'static str,
    pub reflection_heading: &'static str,
    pub reflection_label: &'static str,
    pub reflection_save: &'static str,
    pub reflection_saved: &'static str,
    pub commit_heading: &'static str,
    pub commit_intro: &'static str,
    pub own_action: &'static str,
    pub own_action_label: &'static str,
    pub commit_button: &'static str,
    pub commit_needs_choice: &'static str,
    pub practice_value: &'static str,
    pub checkin_heading: &'static str,
    pub checkin_done: &'static str,
    pub checkin_partly: &'static str,
    pub checkin_not_yet: &'static str,
    pub checkin_note: &'static str,
    pub checkin_thanks: &'static str,
    pub your_commitments: &'static str,
    pub review_scope: &'static str,
    pub review_heading: &'static str,
    pub review_start: &'static str,
    pub settings_title: &'static str,
    pub logout_title: &'static str,
    pub phone_data_title: &'static str,
    pub erase_local: &'static str,
    pub erase_local_hint: &'static str,
    pub erase_local_waiting: &'static str,
    pub erase_local_refused: &'static str,
    pub erase_local_attention: &'static str,
    pub erase_local_attention_ok: &'static str,
    pub erase_local_done: &'static str,
    pub server_data_title: &'static str,
    pub server_data_hint: &'static str,
    pub download_my_data: &'static str,
    pub download_done: &'static str,
    pub logout_all: &'static str,
    pub logout_all_hint: &'static str,
    pub logout_all_confirm: &'static str,
    pub logout_all_done: &'static str,
    pub erase_account_title: &'static str,
    pub erase_account_consequences: &'static str,
    pub erase_account_password: &'static str,
    pub erase_account_password_missing: &'static str,
    pub erase_account_confirm: &'static str,
    pub erase_account_done: &'static str,
    pub online_needed: &'static str,
    pub language: &'static str,
    pub show_streak: &'static str,
    pub show_streak_hint: &'static str,
    pub progress_title: &'static str,
    pub progress_intro: &'static str,
    pub chart_scope: &'static str,
    pub chart_all_values: &'static str,
    pub chart_accuracy: &'static str,
    pub chart_accuracy_title: &'static str,
    pub chart_mastery_title: &'static str,
    pub chart_commitment_title: &'static str,
    pub chart_smart_title: &'static str,
    pub chart_index_title: &'static str,
    pub chart_session: &'static str,
    pub chart_value: &'static str,
    pub chart_component: &'static str,
    pub chart_need_two_sessions: &'static str,
    pub chart_need_three_values: &'static str,
    pub chart_not_filled: &'static str,
    pub read_module: &'static str,
    // logout
    pub logout_keep: &'static str,
    pub logout_confirm: &'static str,
}

pub static ID: Tr = Tr {
    shared: &shared::ID,
    tagline: "Meresapi nilai BerAKHLAK",
    nav_home: "Beranda",
    nav_practice: "Latihan",
    register: "Daftar",
    cancel: "Batal",
    retry: "Coba lagi",
    part_not_downloaded: "Bagian ini belum tersimpan di ponsel. Sambungkan ke internet, lalu coba lagi.",
    screen_not_downloaded_title: "Layar belum terunduh",
    back_home: "Kembali ke beranda",
    store_failed: "Penyimpanan ponsel tidak bisa dibuka. Tutup mode penyamaran atau kosongkan ruang penyimpanan, lalu muat ulang.",
    changed_elsewhere: "Sesi ini sudah dilanjutkan di tab atau jendela lain. Yang tersimpan ditampilkan di sini; lanjutkan dari sini.",
    finished_elsewhere: "Kuesioner ini sudah diselesaikan di tab atau jendela lain. Hasilnya ada di riwayat kuesioner.",
    sync_heading: "Status sinkronisasi",
    online: "Daring",
    offline: "Luring — tanpa sinyal",
    all_sent: "Semua jawaban terkirim",
    summary_waiting: "Ringkasan latihan menunggu dikirim",
    never_synced: "Belum pernah sinkron",
    sync_now: "Sinkronkan sekarang",
    syncing: "Menyinkronkan…",
    offline_ready: "Siap dipakai offline",
    not_offline_ready: "Belum siap offline",
    needs_login: "Sesi berakhir. Masuk lagi agar jawaban bisa dikirim; latihan tetap bisa dipakai.",
    login_again: "Masuk lagi",
    update_available: "Versi baru tersedia.",
    update_reload: "Muat ulang",
    home_intro: "Latih pemahaman tujuh nilai dasar ASN BerAKHLAK kapan saja, juga tanpa sinyal. Setiap jawaban tersimpan di ponsel dan terkirim saat ada sinyal.",
    guest_intro: "Masuk atau daftar sekali saat ada sinyal. Setelah itu Resapi bisa dipakai tanpa sinyal.",
    values_heading: "Tujuh nilai BerAKHLAK",
    values_basis: "Nilai dasar ASN menurut UU 20/2023 tentang ASN (Pasal 4), dijabarkan dalam SE MenPAN-RB 20/2021.",
    start_practice: "Mulai latihan",
    no_content: "Soal belum terunduh. Sambungkan ke internet sekali untuk mengunduhnya.",
    history_link: "Riwayat latihan",
    competitions_link: "Lomba",
    register_title: "Daftar akun",
    name_label: "Nama lengkap",
    password_hint: "Minimal 8 karakter.",
    unit_label: "Unit kerja",
    unit_search: "Ketik untuk mencari unit kerja",
    unit_none: "Tidak ada unit yang cocok. Coba kata lain.",
    units_loading: "Memuat daftar unit…",
    no_account: "Belum punya akun? Daftar",
    have_account: "Sudah punya akun? Masuk",
    practice_title: "Latihan soal",
    practice_pick: "Pilih nilai yang ingin dilatih. Setiap latihan berisi 10 soal.",
    mixed: "Campuran",
    mixed_hint: "Soal dari ketujuh nilai",
    correct: "Tepat!",
    incorrect: "Belum tepat.",
    best_answer: "Jawaban terbaik",
    your_answer: "Jawaban Anda",
    next_question: "Soal berikutnya",
    see_result: "Lihat hasil",
    quit: "Berhenti",
    quit_confirm: "Berhenti sekarang? Jawaban yang sudah diberikan tetap tersimpan.",
    quit_yes: "Ya, berhenti",
    quit_no: "Lanjutkan latihan",
    save_failed: "Jawaban gagal disimpan di ponsel. Coba sekali lagi.",
    question_missing: "Soal ini tidak ada lagi di bank soal terbaru. Lanjutkan ke soal berikutnya.",
    result_title: "Hasil latihan",
    per_value: "Per nilai",
    review: "Tinjau jawaban",
    practice_again: "Latihan lagi",
    stopped_early: "Dihentikan sebelum selesai",
    history_title: "Riwayat latihan",
    history_empty: "Belum ada latihan. Mulai latihan pertama Anda!",
    live_quiz: "Kuis Apel",
    join_quiz: "Gabung kuis",
    join_code: "Kode kuis",
    join_code_bad: "Kode kuis harus 6 angka, misalnya 482 913.",
    join: "Gabung",
    not_found: "Halaman tidak ditemukan",
    not_found_hint: "Tautannya mungkin lama, atau isinya sudah diperbarui. Semua jawaban Anda tetap tersimpan.",
    attention_title: "Perlu perhatian",
    attention_intro: "Server menolak catatan berikut. Catatan ini tidak dihapus: ekspor lalu kirimkan ke admin unit Anda.",
    attention_empty: "Tidak ada catatan yang ditolak.",
    export_json: "Ekspor (JSON)",
    nav_questionnaires: "Kuesioner",
    nav_modules: "Modul",
    nav_progress: "Kemajuan",
    questionnaires_title: "Kuesioner",
    questionnaires_intro: "Kenali kekuatan Anda dan unit kerja Anda. Jawaban dan hasilnya hanya untuk Anda.",
    never_done: "Belum pernah diisi",
    start: "Mulai",
    resume_draft: "Lanjutkan yang tersimpan",
    privacy_title: "Siapa melihat apa",
    privacy_text: "Jawaban dan skor Anda hanya terlihat oleh Anda. Jawaban disimpan di ponsel ini dan di server Resapi agar bisa dipulihkan di ponsel baru. Pimpinan dan admin unit hanya melihat rata-rata unit, dan hanya bila sedikitnya lima orang sudah mengisi.",
    scale_hint: "Pilih satu jawaban. Anda bisa melewati butir atau kembali untuk mengubah jawaban.",
    skip: "Lewati",
    back: "Kembali",
    review_title: "Periksa jawaban Anda",
    skipped: "dilewati",
    change: "Ubah",
    finish_questionnaire: "Simpan dan lihat hasil",
    q_result_title: "Hasil kuesioner",
    careless_same: "Semua pernyataan Anda jawab dengan pilihan yang sama. Hasil ini tetap tersimpan untuk Anda, tetapi tidak ikut dihitung dalam gambaran unit. Bila sempat, isi lagi sambil membaca tiap pernyataan.",
    careless_fast: "Kuesioner ini selesai lebih cepat daripada waktu untuk membaca semua pernyataannya. Hasil ini tetap tersimpan untuk Anda, tetapi tidak ikut dihitung dalam gambaran unit. Bila sempat, isi lagi dengan tenang.",
    not_enough: "Belum cukup jawaban untuk dinilai: isi setidaknya dua pertiga butirnya.",
    read_next: "Baca selanjutnya",
    repeat_questionnaire: "Isi lagi",
    repeat_hint: "Isi lagi tiap tiga bulan untuk melihat perubahannya.",
    what_it_means: "Artinya",
    weakest_label: "Paling perlu dikuatkan",
    stay_pattern_title: "Layak dibicarakan",
    stay_pattern_text: "Komitmen berkelanjutan Anda tinggi sementara komitmen afektif Anda rendah: Anda bertahan terutama karena apa yang akan hilang bila pergi, bukan karena ingin. Ini bukan kesalahan, tetapi layak dibicarakan dengan atasan, pengelola kepegawaian, atau orang yang Anda percaya. Komitmen berkelanjutan yang rendah, sebaliknya, bukan kelemahan dan tidak perlu dinaikkan.",
    modules_title: "Modul penguatan nilai",
    modules_intro: "Bacaan singkat, sekitar lima menit: makna nilai dalam kerja sehari-hari, contoh nyata, kisah, refleksi, dan komitmen aksi.",
    value_modules: "Tujuh nilai BerAKHLAK",
    commitment_modules: "Menguatkan komitmen",
    looks_like: "Tampak seperti",
    not_like: "Bukan seperti",
    illustration: "Ilustrasi — kisah rekaan",
    reflection_heading: "Refleksi",
    reflection_label: "Jawaban Anda (hanya Anda yang bisa membacanya)",
    reflection_save: "Simpan refleksi",
    reflection_saved: "Refleksi tersimpan.",
    commit_heading: "Komitmen aksi 7 hari",
    commit_intro: "Pilih satu aksi kecil untuk tujuh hari ke depan, atau tulis sendiri. Tujuh hari lagi Resapi akan menanyakan hasilnya.",
    own_action: "Aksi saya sendiri",
    own_action_label: "Tulis aksi Anda",
    commit_button: "Saya berkomitmen",
    commit_needs_choice: "Pilih satu aksi atau tulis aksi Anda sendiri.",
    practice_value: "Latihan soal nilai ini",
    checkin_heading: "Bagaimana komitmen Anda?",
    checkin_done: "Sudah",
    checkin_partly: "Sebagian",
    checkin_not_yet: "Belum",
    checkin_note: "Catatan (boleh kosong)",
    checkin_thanks: "Terima kasih sudah mencatat. Setiap langkah kecil berarti.",
    your_commitments: "Komitmen Anda",
    review_scope: "Ulang",
    review_heading: "Ulang soal",
    review_start: "Ulang sekarang",
    settings_title: "Pengaturan",
    logout_title: "Keluar dari Resapi?",
    phone_data_title: "Data saya di ponsel ini",
    erase_local: "Hapus data saya dari ponsel ini",
    erase_local_hint: "Hasil latihan, kuesioner (juga yang belum selesai), jurnal, jadwal ulang dan latihan yang sedang berjalan dihapus dari ponsel ini, lalu Anda keluar. Semua yang sudah diterima server tetap aman dan kembali saat Anda masuk lagi. Data orang lain di ponsel ini tidak tersentuh.",
    erase_local_waiting: "{n} catatan belum terkirim",
    erase_local_refused: "{n} catatan belum diterima server, jadi tidak ada yang dihapus. Sambungkan ke internet, sinkronkan, lalu coba lagi.",
    erase_local_attention: "{n} catatan ditolak server (Perlu perhatian) dan hanya ada di ponsel ini. Unduh dulu bila ingin menyimpannya; tanpa persetujuan Anda catatan itu tidak dihapus.",
    erase_local_attention_ok: "Hapus juga catatan yang ditolak server",
    erase_local_done: "Data Anda sudah dihapus dari ponsel ini.",
    server_data_title: "Data saya di server",
    server_data_hint: "Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, Anda dapat mengunduh semua data Anda yang disimpan server dan meminta akun Anda dihapus. Perlu sambungan internet.",
    download_my_data: "Unduh data saya",
    download_done: "Berkas data Anda sudah diunduh.",
    logout_all: "Keluar dari semua perangkat",
    logout_all_hint: "Semua sesi masuk akun Anda berakhir, di ponsel ini juga. Jawaban yang belum terkirim tetap di ponsel ini dan terkirim saat Anda masuk lagi.",
    logout_all_confirm: "Ya, keluar dari semua perangkat",
    logout_all_done: "Anda sudah keluar dari semua perangkat.",
    erase_account_title: "Hapus akun saya",
    erase_account_consequences: "Akun Anda beserta semua jawaban, hasil dan jurnal Anda di server dihapus selamanya dan tidak bisa dikembalikan. Data Anda di ponsel ini juga dihapus, termasuk yang belum terkirim. Angka rekap unit yang sudah diterbitkan tidak berubah (tidak memuat data pribadi). Unduh data Anda dulu bila ingin menyimpannya.",
    erase_account_password: "Kata sandi Anda (untuk memastikan)",
    erase_account_password_missing: "Ketik kata sandi Anda dulu; akun belum dihapus.",
    erase_account_confirm: "Hapus akun saya selamanya",
    erase_account_done: "Akun Anda dan semua datanya sudah dihapus.",
    online_needed: "Perlu sambungan internet. Coba lagi saat tersambung.",
    language: "Bahasa",
    show_streak: "Tampilkan hari aktif berturut-turut di beranda",
    show_streak_hint: "Hanya untuk Anda sendiri; tidak ada yang membandingkannya.",
    progress_title: "Kemajuan saya",
    progress_intro: "Dihitung di ponsel ini dari latihan dan kuesioner Anda; juga tanpa sinyal.",
    chart_scope: "Tampilkan latihan untuk",
    chart_all_values: "Semua nilai",
    chart_accuracy: "Jawaban benar",
    chart_accuracy_title: "Ketepatan latihan dari waktu ke waktu",
    chart_mastery_title: "Penguasaan tujuh nilai",
    chart_commitment_title: "Komitmen profesi (skala 1–5)",
    chart_smart_title: "SMART ASN (persen)",
    chart_index_title: "Indeks BerAKHLAK unit kerja",
    chart_session: "Sesi",
    chart_value: "Nilai",
    chart_component: "Komponen",
    chart_need_two_sessions: "Belum cukup data: selesaikan setidaknya dua sesi latihan.",
    chart_need_three_values: "Belum cukup data: latih setidaknya tiga nilai yang berbeda.",
    chart_not_filled: "Belum ada data: isi kuesionernya lebih dulu.",
    read_module: "Baca modul",
    logout_keep: "Jawaban tetap tersimpan di ponsel ini dan terkirim saat akun ini masuk lagi.",
    logout_confirm: "Tetap keluar",
};

pub static EN: Tr = Tr {
    shared: &shared::EN,
    tagline: "Living the BerAKHLAK values",
    nav_home: "Home",
    nav_practice: "Practice",
    register: "Sign up",
    cancel: "Cancel",
    retry: "Try again",
    part_not_downloaded: "This part is not on the phone yet. Connect to the internet, then try again.",
    screen_not_downloaded_title: "Screen not downloaded yet",
    back_home: "Back to home",
    store_failed: "The phone's storage cannot be opened. Leave private mode or free some space, then reload.",
    changed_elsewhere: "This session went on in another tab or window. What is saved is shown here; carry on from here.",
    finished_elsewhere: "This questionnaire was finished in another tab or window. Its result is in the questionnaire history.",
    sync_heading: "Sync status",
    online: "Online",
    offline: "Offline — no signal",
    all_sent: "All answers sent",
    summary_waiting: "A practice summary is waiting to be sent",
    never_synced: "Not synced yet",
    sync_now: "Sync now",
    syncing: "Syncing…",
    offline_ready: "Ready to use offline",
    not_offline_ready: "Not ready offline yet",
    needs_login: "Session ended. Log in again so your answers can be sent; practice still works.",
    login_again: "Log in again",
    update_available: "A new version is available.",
    update_reload: "Reload",
    home_intro: "Practise the seven BerAKHLAK core values any time, even without a signal. Every answer is kept on the phone and sent when there is a signal.",
    guest_intro: "Log in or sign up once while you have a signal. After that Resapi works without one.",
    values_heading: "The seven BerAKHLAK values",
    values_basis: "The basic values of civil servants under Law 20/2023 on the State Civil Apparatus (Article 4), set out in MenPAN-RB Circular 20/2021.",
    start_practice: "Start practice",
    no_content: "Questions are not downloaded yet. Connect to the internet once to download them.",
    history_link: "Practice history",
    competitions_link: "Competitions",
    register_title: "Create an account",
    name_label: "Full name",
    password_hint: "At least 8 characters.",
    unit_label: "Work unit",
    unit_search: "Type to search for your work unit",
    unit_none: "No unit matches. Try another word.",
    units_loading: "Loading units…",
    no_account: "No account yet? Sign up",
    have_account: "Already have an account? Log in",
    practice_title: "Practice",
    practice_pick: "Choose a value to practise. Each session has 10 questions.",
    mixed: "Mixed",
    mixed_hint: "Questions from all seven values",
    correct: "Correct!",
    incorrect: "Not quite.",
    best_answer: "Best answer",
    your_answer: "Your answer",
    next_question: "Next question",
    see_result: "See result",
    quit: "Stop",
    quit_confirm: "Stop now? The answers you gave are kept.",
    quit_yes: "Yes, stop",
    quit_no: "Keep practising",
    save_failed: "The answer could not be saved on the phone. Please try once more.",
    question_missing: "This question is no longer in the latest bank. Go on to the next one.",
    result_title: "Practice result",
    per_value: "Per value",
    review: "Review answers",
    practice_again: "Practise again",
    stopped_early: "Stopped before the end",
    history_title: "Practice history",
    history_empty: "No practice yet. Start your first one!",
    live_quiz: "Live quiz (Kuis Apel)",
    join_quiz: "Join a quiz",
    join_code: "Quiz code",
    join_code_bad: "A quiz code has 6 digits, for example 482 913.",
    join: "Join",
    not_found: "Page not found",
    not_found_hint: "The link may be old, or the content has been updated. All your answers are still saved.",
    attention_title: "Needs attention",
    attention_intro: "The server refused these records. They are not deleted: export them and send them to your unit admin.",
    attention_empty: "No refused records.",
    export_json: "Export (JSON)",
    nav_questionnaires: "Surveys",
    nav_modules: "Modules",
    nav_progress: "Progress",
    questionnaires_title: "Questionnaires",
    questionnaires_intro: "Get to know your strengths and your work unit. Your answers and results are for you alone.",
    never_done: "Not filled in yet",
    start: "Start",
    resume_draft: "Resume where you stopped",
    privacy_title: "Who sees what",
    privacy_text: "Your answers and scores are visible only to you. They are kept on this phone and on the Resapi server so they can be restored on a new phone. Leaders and unit admins see only unit averages, and only once at least five people have answered.",
    scale_hint: "Choose one answer. You can skip an item or go back to change an answer.",
    skip: "Skip",
    back: "Back",
    review_title: "Check your answers",
    skipped: "skipped",
    change: "Change",
    finish_questionnaire: "Save and see result",
    q_result_title: "Questionnaire result",
    careless_same: "You gave every statement the same answer. This result stays yours, but it is not counted in your unit's picture. When you have a moment, fill it in again reading each statement.",
    careless_fast: "This questionnaire was finished faster than its statements can be read. This result stays yours, but it is not counted in your unit's picture. When you have a moment, fill it in again at your own pace.",
    not_enough: "Not enough answers to score: answer at least two thirds of its items.",
    read_next: "Read next",
    repeat_questionnaire: "Fill in again",
    repeat_hint: "Fill it in again every three months to see how it changes.",
    what_it_means: "What it means",
    weakest_label: "Most in need of strengthening",
    stay_pattern_title: "Worth talking over",
    stay_pattern_text: "Your continuance commitment is high while your affective commitment is low: you stay mainly because of what you would lose by leaving, not because you want to. That is not a fault, but it is worth talking over with your supervisor, the HR office or someone you trust. Low continuance commitment, on the other hand, is not a weakness and needs no raising.",
    modules_title: "Value modules",
    modules_intro: "Short reads, about five minutes: what the value means in everyday work, real examples, a story, a reflection and an action commitment.",
    value_modules: "The seven BerAKHLAK values",
    commitment_modules: "Strengthening commitment",
    looks_like: "Looks like",
    not_like: "Does not look like",
    illustration: "Illustration — a fictional story",
    reflection_heading: "Reflection",
    reflection_label: "Your answer (only you can read it)",
    reflection_save: "Save reflection",
    reflection_saved: "Reflection saved.",
    commit_heading: "Seven-day action commitment",
    commit_intro: "Choose one small action for the next seven days, or write your own. In seven days Resapi will ask how it went.",
    own_action: "My own action",
    own_action_label: "Write your action",
    commit_button: "I commit to this",
    commit_needs_choice: "Choose an action or write your own.",
    practice_value: "Practise this value",
    checkin_heading: "How did your commitment go?",
    checkin_done: "Done",
    checkin_partly: "Partly",
    checkin_not_yet: "Not yet",
    checkin_note: "Note (optional)",
    checkin_thanks: "Thank you for noting it. Every small step counts.",
    your_commitments: "Your commitments",
    review_scope: "Review",
    review_heading: "Review",
    review_start: "Review now",
    settings_title: "Settings",
    logout_title: "Log out of Resapi?",
    phone_data_title: "My data on this phone",
    erase_local: "Remove my data from this phone",
    erase_local_hint: "Practice results, questionnaires (unfinished ones too), the journal, the review schedule and any practice in progress are removed from this phone, and you are logged out. Everything the server has received stays safe and comes back when you log in again. Other people's data on this phone is not touched.",
    erase_local_waiting: "{n} records not sent yet",
    erase_local_refused: "The server has not received {n} records yet, so nothing was removed. Connect to the internet, sync, then try again.",
    erase_local_attention: "The server refused {n} records (Needs attention); they exist only on this phone. Download them first if you want to keep them; without your consent they are not removed.",
    erase_local_attention_ok: "Also remove the records the server refused",
    erase_local_done: "Your data has been removed from this phone.",
    server_data_title: "My data on the server",
    server_data_hint: "Under Law No. 27 of 2022 on Personal Data Protection you can download all the data the server holds about you and have your account erased. Needs an internet connection.",
    download_my_data: "Download my data",
    download_done: "Your data file has been downloaded.",
    logout_all: "Log out of all devices",
    logout_all_hint: "Every login of your account ends, on this phone too. Answers not sent yet stay on this phone and are sent when you log in again.",
    logout_all_confirm: "Yes, log out everywhere",
    logout_all_done: "You have been logged out of all devices.",
    erase_account_title: "Delete my account",
    erase_account_consequences: "Your account and all your answers, results and journal on the server are deleted for good and cannot be brought back. Your data on this phone is removed too, including what was not sent yet. Unit summaries already published do not change (they hold no personal data). Download your data first if you want to keep it.",
    erase_account_password: "Your password (to make sure it is you)",
    erase_account_password_missing: "Type your password first; the account has not been deleted.",
    erase_account_confirm: "Delete my account for good",
    erase_account_done: "Your account and all its data have been deleted.",
    online_needed: "Needs an internet connection. Try again when connected.",
    language: "Language",
    show_streak: "Show consecutive active days on home",
    show_streak_hint: "Only for you; nobody compares it.",
    progress_title: "My progress",
    progress_intro: "Computed on this phone from your practice and questionnaires, also without a signal.",
    chart_scope: "Show practice for",
    chart_all_values: "All values",
    chart_accuracy: "Correct answers",
    chart_accuracy_title: "Practice accuracy over time",
    chart_mastery_title: "Mastery of the seven values",
    chart_commitment_title: "Professional commitment (1–5 scale)",
    chart_smart_title: "SMART ASN (percent)",
    chart_index_title: "BerAKHLAK index of your unit",
    chart_session: "Session",
    chart_value: "Value",
    chart_component: "Component",
    chart_need_two_sessions: "Not enough data yet: finish at least two practice sessions.",
    chart_need_three_values: "Not enough data yet: practise at least three different values.",
    chart_not_filled: "No data yet: fill in the questionnaire first.",
    read_module: "Read module",
    logout_keep: "The answers stay on this phone and are sent when this account logs in again.",
    logout_confirm: "Log out anyway",
};

impl std::ops::Deref for Tr {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        self.shared
    }
}

pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// "3 jawaban menunggu dikirim" / "3 answers waiting to be sent".
pub fn waiting(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} jawaban menunggu dikirim"),
        (Lang::En, 1) => "1 answer waiting to be sent".into(),
        (Lang::En, n) => format!("{n} answers waiting to be sent"),
    }
}

/// "3 jawaban belum terkirim" — the logout warning.
pub fn unsent(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} jawaban belum terkirim"),
        (Lang::En, 1) => "1 answer not sent yet".into(),
        (Lang::En, n) => format!("{n} answers not sent yet"),
    }
}

pub fn last_sync(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Terakhir sinkron {when}"),
        Lang::En => format!("Last synced {when}"),
    }
}

pub fn question_of(lang: Lang, i: usize, n: usize) -> String {
    match lang {
        Lang::Id => format!("Soal {i} dari {n}"),
        Lang::En => format!("Question {i} of {n}"),
    }
}

pub fn score(lang: Lang, correct: u32, answered: u32) -> String {
    match lang {
        Lang::Id => format!("{correct} dari {answered} benar"),
        Lang::En => format!("{correct} of {answered} correct"),
    }
}

/// A live game's points.
pub fn points(lang: Lang, points: u32) -> String {
    match lang {
        Lang::Id => format!("{points} poin"),
        Lang::En => format!("{points} points"),
    }
}

pub fn hello(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Halo, {name}"),
        Lang::En => format!("Hello, {name}"),
    }
}

pub fn resume(lang: Lang, at: usize, of: usize) -> String {
    match lang {
        Lang::Id => format!("Lanjutkan latihan (soal {at} dari {of})"),
        Lang::En => format!("Resume practice (question {at} of {of})"),
    }
}

pub fn attention_count(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Id => format!("{n} catatan ditolak server perlu perhatian"),
        Lang::En if n == 1 => "1 refused record needs attention".into(),
        Lang::En => format!("{n} refused records need attention"),
    }
}

pub fn minutes(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Id => format!("± {n} menit"),
        Lang::En => format!("about {n} minutes"),
    }
}

pub fn item_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} butir"),
        Lang::En => format!("{n} items"),
    }
}

pub fn item_of(lang: Lang, i: usize, n: usize) -> String {
    let _ = lang;
    format!("{i} / {n}")
}

pub fn answered_count(lang: Lang, answered: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("{answered} dari {total} butir dijawab"),
        Lang::En => format!("{answered} of {total} items answered"),
    }
}

pub fn last_done(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Terakhir diisi {when}"),
        Lang::En => format!("Last filled in {when}"),
    }
}

/// "naik 0,4 sejak 12 Agu 2026" / "up 0.4 since 12 Aug 2026".
pub fn change_since(lang: Lang, delta: f64, unit: &str, when: &str) -> String {
    let amount = decimal(lang, delta.abs());
    match (lang, delta) {
        (Lang::Id, d) if d.abs() < 0.05 => format!("tetap sejak {when}"),
        (Lang::En, d) if d.abs() < 0.05 => format!("unchanged since {when}"),
        (Lang::Id, d) if d > 0.0 => format!("naik {amount}{unit} sejak {when}"),
        (Lang::Id, _) => format!("turun {amount}{unit} sejak {when}"),
        (Lang::En, d) if d > 0.0 => format!("up {amount}{unit} since {when}"),
        (Lang::En, _) => format!("down {amount}{unit} since {when}"),
    }
}

pub fn committed_until(lang: Lang, due_on: &str) -> String {
    match lang {
        Lang::Id => format!("Komitmen tersimpan. Pada {due_on} Resapi akan menanyakan hasilnya."),
        Lang::En => format!("Commitment saved. On {due_on} Resapi will ask how it went."),
    }
}

/// "3 soal perlu diulang hari ini".
pub fn review_due(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} soal perlu diulang hari ini"),
        (Lang::En, 1) => "1 question to review today".into(),
        (Lang::En, n) => format!("{n} questions to review today"),
    }
}

pub fn streak(lang: Lang, days: u32) -> String {
    match lang {
        Lang::Id => format!("Aktif {days} hari berturut-turut"),
        Lang::En => format!("Active {days} days in a row"),
    }
}

pub fn chart_latest(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Terbaru ({when})"),
        Lang::En => format!("Latest ({when})"),
    }
}

pub fn chart_earlier(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("Sebelumnya ({when})"),
        Lang::En => format!("Previous ({when})"),
    }
}

pub fn accuracy_summary(lang: Lang, first: f64, last: f64, sessions: usize) -> String {
    match lang {
        Lang::Id => {
            format!("{sessions} sesi: dari {first:.0} % menjadi {last:.0} % jawaban benar.")
        }
        Lang::En => format!("{sessions} sessions: from {first:.0} % to {last:.0} % correct."),
    }
}

pub fn mastery_summary(lang: Lang, best: &str, best_v: f64, worst: &str, worst_v: f64) -> String {
    match lang {
        Lang::Id => format!(
            "Terkuat: {best} ({best_v:.0} %). Paling perlu dilatih: {worst} ({worst_v:.0} %)."
        ),
        Lang::En => format!(
            "Strongest: {best} ({best_v:.0} %). Most in need of practice: {worst} ({worst_v:.0} %)."
        ),
    }
}

pub fn lowest_summary(lang: Lang, name: &str, shown: &str) -> String {
    match lang {
        Lang::Id => format!("Terendah: {name} ({shown})."),
        Lang::En => format!("Lowest: {name} ({shown})."),
    }
}

pub fn index_summary(lang: Lang, overall: f64, band: &str) -> String {
    match lang {
        Lang::Id => format!("Indeks keseluruhan {} % ({band}).", decimal(lang, overall)),
        Lang::En => format!("Overall index {} % ({band}).", decimal(lang, overall)),
    }
}

pub fn mean_of_five(lang: Lang, mean: f64) -> String {
    match lang {
        Lang::Id => format!("{} dari 5", decimal(lang, mean)),
        Lang::En => format!("{} of 5", decimal(lang, mean)),
    }
}

/// Shown while a new phone brings the account's history back.
pub fn restoring(lang: Lang, records: usize) -> String {
    match lang {
        Lang::Id => format!("Memulihkan riwayat dari server… {records} catatan"),
        Lang::En => format!("Restoring your history from the server… {records} records"),
    }
}

pub fn refused_on(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Id => format!("ditolak {when}"),
        Lang::En => format!("refused {when}"),
    }
}

/// What a synced record is, in words (the "needs attention" list).
pub fn record_kind(lang: Lang, kind: RecordKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, RecordKind::PracticeAnswer) => "Jawaban latihan",
        (Lang::En, RecordKind::PracticeAnswer) => "Practice answer",
        (Lang::Id, RecordKind::PracticeSession) => "Sesi latihan",
        (Lang::En, RecordKind::PracticeSession) => "Practice session",
        (Lang::Id, RecordKind::QuestionnaireResponse) => "Jawaban kuesioner",
        (Lang::En, RecordKind::QuestionnaireResponse) => "Questionnaire answers",
        (Lang::Id, RecordKind::Reflection) => "Refleksi modul",
        (Lang::En, RecordKind::Reflection) => "Module reflection",
        (Lang::Id, RecordKind::Commitment) => "Komitmen aksi",
        (Lang::En, RecordKind::Commitment) => "Action commitment",
        (Lang::Id, RecordKind::CommitmentCheckin) => "Tindak lanjut komitmen",
        (Lang::En, RecordKind::CommitmentCheckin) => "Commitment follow-up",
        (Lang::Id, RecordKind::LiveAnswer) => "Jawaban kuis apel",
        (Lang::En, RecordKind::LiveAnswer) => "Live quiz answer",
        (Lang::Id, RecordKind::CompetitionAttempt) => "Jawaban lomba",
        (Lang::En, RecordKind::CompetitionAttempt) => "Competition answers",
        (Lang::Id, RecordKind::RecognitionConsent) => "Persetujuan ASN Inspiratif",
        (Lang::En, RecordKind::RecognitionConsent) => "ASN Inspiratif consent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn counts_read_naturally_in_both_languages() {
        assert_eq!(unsent(Lang::Id, 3), "3 jawaban belum terkirim");
        assert_eq!(unsent(Lang::En, 1), "1 answer not sent yet");
        assert_eq!(waiting(Lang::En, 2), "2 answers waiting to be sent");
    }
}
