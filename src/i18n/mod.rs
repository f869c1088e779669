//! Interface strings both entries show (sign-in, language switch, charts) and the error
//! messages of the API. Each entry keeps its own strings beside it (`phone::i18n`,
//! `console::i18n`), so one entry's text never ships in the other's wasm. Indonesian first
//! and English second; a missing string is a compile error.

use resapi_core::Lang;

const LANG_KEY: &str = "resapi.lang";

pub struct Shared {
    pub skip_link: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub login: &'static str,
    pub logout: &'static str,
    pub loading: &'static str,
    pub busy: &'static str,
    pub login_title: &'static str,
    pub nip_label: &'static str,
    pub nip_hint: &'static str,
    pub password_label: &'static str,
    pub show_password: &'static str,
    pub auth_needs_network: &'static str,
    pub chart_show_table: &'static str,
    pub chart_no_value: &'static str,
    pub chart_failed: &'static str,
}

pub static ID: Shared = Shared {
    skip_link: "Lewati ke isi utama",
    switch_lang: "EN",
    switch_lang_label: "EN: switch to English",
    login: "Masuk",
    logout: "Keluar",
    loading: "Memuat…",
    busy: "Mohon tunggu…",
    login_title: "Masuk",
    nip_label: "NIP",
    nip_hint: "18 angka seperti di kartu pegawai. Spasi boleh.",
    password_label: "Kata sandi",
    show_password: "Tampilkan kata sandi",
    auth_needs_network: "Masuk dan daftar memerlukan sinyal. Coba lagi saat tersambung.",
    chart_show_table: "Lihat sebagai tabel",
    chart_no_value: "tidak ada data",
    chart_failed: "Grafik belum bisa ditampilkan di ponsel ini. Angka-angkanya ada di tabel berikut.",
};

pub static EN: Shared = Shared {
    skip_link: "Skip to main content",
    switch_lang: "ID",
    switch_lang_label: "ID: ganti ke Bahasa Indonesia",
    login: "Log in",
    logout: "Log out",
    loading: "Loading…",
    busy: "Please wait…",
    login_title: "Log in",
    nip_label: "NIP (employee number)",
    nip_hint: "18 digits as on your ID card. Spaces are fine.",
    password_label: "Password",
    show_password: "Show password",
    auth_needs_network: "Logging in and signing up need a signal. Try again when connected.",
    chart_show_table: "Show as table",
    chart_no_value: "no data",
    chart_failed: "The chart cannot be shown on this phone yet. Its numbers are in the table below.",
};

pub fn tr(lang: Lang) -> &'static Shared {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// Indonesian unless the person chose English (the browser's language is not used: the
/// app speaks Indonesian first). One choice for both entries on the same browser.
pub fn saved_lang() -> Lang {
    let lang = crate::preferences::text(LANG_KEY)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
    set_document_lang(lang);
    lang
}

/// Keeps the choice and tells screen readers the page's language.
pub fn save_lang(lang: Lang) {
    crate::preferences::set_text(LANG_KEY, lang.code());
    set_document_lang(lang);
}

fn set_document_lang(lang: Lang) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.code());
    }
}

/// One decimal, with the language's decimal separator: "3,8" / "3.8".
pub fn decimal(lang: Lang, x: f64) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A form or server error in the interface language. Messages from `resapi_core` and the
/// server are Indonesian; English ones are looked up by their stable code.
pub fn error_message(lang: Lang, code: &str, indonesian: &str) -> String {
    if lang == Lang::Id {
        return indonesian.to_owned();
    }
    let english = match code {
        "nip_empty" => "Enter your NIP.",
        "nip_not_digits" => "The NIP may contain only digits and spaces.",
        "nip_length" => "The NIP has 18 digits.",
        "nip_birth_date" => {
            "The first eight digits of the NIP must be a real birth date (YYYYMMDD)."
        }
        "nip_appointment" => "Digits 9 to 14 of the NIP must be a real appointment year and month.",
        "nip_gender" => "Digit 15 of the NIP (gender) must be 1 or 2.",
        "name_required" => "Enter your full name.",
        "name_too_long" => "The name is too long (at most 100 letters).",
        "password_too_short" => "The password needs at least 8 characters.",
        "password_too_long" => "The password is too long (at most 256 characters).",
        "unit_required" | "unknown_unit" => "Choose your work unit from the list.",
        "nip_taken" => {
            "This NIP already has an account. Log in instead; if you did not register it, ask your unit admin to release it."
        }
        "bad_credentials" => "The NIP or password is wrong. Check both and try again.",
        "too_many_attempts" => {
            "Too many failed attempts for this NIP. Wait 15 minutes and try again."
        }
        "not_on_roster" => {
            "This NIP is not on your agency's staff list. Check it, or ask your unit admin to add it."
        }
        "busy" => "The server is busy with many people at once. Try again in a few seconds.",
        // Why the server refused a synced record (the "needs attention" list).
        "id_conflict" => "The server already holds a different record under this id.",
        "forbidden" => "This record belongs to another account.",
        "unknown_question" => "This question is no longer in the question bank.",
        "unknown_option" => "The chosen option no longer exists for this question.",
        "malformed" | "invalid_payload" | "invalid_id" => "The record is incomplete or damaged.",
        "unknown_kind" => "The server does not know this kind of record yet.",
        "live_answer_unknown" => {
            "The server does not know this quiz answer: live quiz answers are recorded by the server when a question closes."
        }
        "created_in_future" => {
            "The record's time is too far in the future: check the phone's date and time."
        }
        "created_too_early" => "The record's time is before 2021: check the phone's date and time.",
        "record_too_large" => {
            "The record is too large to send. Export it and send it to your unit admin."
        }
        "already_answered" => {
            "This question was already answered in the same practice session (in another tab or window)."
        }
        _ => return indonesian.to_owned(),
    };
    english.to_owned()
}

/// The message for a failed login or sign-up: no connection, or the server's reason.
pub fn auth_error(lang: Lang, e: &crate::api::ApiError) -> String {
    match e {
        crate::api::ApiError::Network => tr(lang).auth_needs_network.to_string(),
        other => error_message(lang, other.code(), &other.to_string()),
    }
}
