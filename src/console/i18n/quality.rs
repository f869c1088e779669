//! Strings of the measurement-quality screens ("Kualitas ukur" and "Analisis butir"),
//! Indonesian first and English second. Console only, like the rest of [`super`].

use resapi_core::Lang;
use resapi_core::aggregate::item_analysis::Flag;
use resapi_core::aggregate::reliability_reading::AlphaReading;

pub struct QualityTr {
    pub quality_title: &'static str,
    pub quality_intro: &'static str,
    pub open_quality: &'static str,
    pub back_to_dashboard: &'static str,
    pub reading_head: &'static str,
    pub reading_bands: &'static str,
    pub reading_items: &'static str,
    pub quality_loading: &'static str,
    pub component: &'static str,
    pub respondents: &'static str,
    pub alpha: &'static str,
    pub reading: &'static str,
    pub not_given: &'static str,
    pub item: &'static str,
    pub item_total: &'static str,
    pub alpha_if_deleted: &'static str,
    pub weak_item: &'static str,
    pub no_variation: &'static str,
    pub items_title: &'static str,
    pub items_intro: &'static str,
    pub items_loading: &'static str,
    pub only_flagged: &'static str,
    pub question: &'static str,
    pub value_indicator: &'static str,
    pub first_attempts: &'static str,
    pub difficulty: &'static str,
    pub discrimination: &'static str,
    pub upper_lower: &'static str,
    pub flags: &'static str,
    pub no_flag: &'static str,
    pub wrong_options: &'static str,
    pub no_wrong_choice: &'static str,
    pub none_flagged: &'static str,
    pub sort_by: &'static str,
}

pub static ID: QualityTr = QualityTr {
    quality_title: "Kualitas ukur",
    quality_intro: "Seberapa konsisten butir-butir kuesioner mengukur komponennya (alfa Cronbach), dari responden unit ini dan sub-unitnya dalam periode yang dipilih. Hanya angka kelompok: tidak ada jawaban perorangan.",
    open_quality: "Kualitas ukur unit ini",
    back_to_dashboard: "Kembali ke dasbor unit",
    reading_head: "Cara membaca",
    reading_bands: "α 0,70 atau lebih: baik. 0,60 sampai di bawah 0,70: cukup. Di bawah 0,60: perlu ditinjau.",
    reading_items: "Korelasi butir-total di bawah 0,30 (atau butir tanpa variasi) ditandai \u{201c}lemah\u{201d}: kalimat butir itu layak dibaca ulang.",
    quality_loading: "Memuat kualitas ukur…",
    component: "Komponen",
    respondents: "Responden (n)",
    alpha: "α Cronbach",
    reading: "Bacaan",
    not_given: "Tidak dihitung",
    item: "Butir",
    item_total: "Korelasi butir-total",
    alpha_if_deleted: "α tanpa butir ini",
    weak_item: "lemah",
    no_variation: "tanpa variasi",
    items_title: "Analisis butir",
    items_intro: "Soal latihan dari seluruh instansi, dari percobaan pertama tiap orang: kesukaran (bagian yang menjawab benar), daya beda (korelasi point-biserial; atas-bawah 27 % bila tidak dapat dihitung), dan seberapa sering tiap pilihan salah dipilih. Soal dengan kesukaran di atas 0,95 atau daya beda di bawah 0,20 ditandai perlu ditinjau.",
    items_loading: "Memuat analisis butir…",
    only_flagged: "Hanya yang perlu ditinjau",
    question: "Soal",
    value_indicator: "Nilai / indikator",
    first_attempts: "Percobaan pertama (n)",
    difficulty: "Kesukaran (p)",
    discrimination: "Daya beda",
    upper_lower: "atas-bawah",
    flags: "Tanda",
    no_flag: "Tidak ada",
    wrong_options: "Pilihan salah yang dipilih",
    no_wrong_choice: "Tidak ada yang memilih pilihan salah",
    none_flagged: "Tidak ada soal yang perlu ditinjau pada periode ini.",
    sort_by: "Urutkan menurut",
};

pub static EN: QualityTr = QualityTr {
    quality_title: "Measurement quality",
    quality_intro: "How consistently a questionnaire's items measure their component (Cronbach's alpha), over the respondents of this unit and its sub-units in the chosen period. Group figures only: no one's own answers.",
    open_quality: "This unit's measurement quality",
    back_to_dashboard: "Back to the unit dashboard",
    reading_head: "How to read it",
    reading_bands: "α 0.70 or more: good. 0.60 up to 0.70: fair. Below 0.60: to be reviewed.",
    reading_items: "An item-total correlation below 0.30 (or an item without variation) is marked \u{201c}weak\u{201d}: the item's wording is worth a second look.",
    quality_loading: "Loading the measurement quality…",
    component: "Component",
    respondents: "Respondents (n)",
    alpha: "Cronbach's α",
    reading: "Reading",
    not_given: "Not computed",
    item: "Item",
    item_total: "Item-total correlation",
    alpha_if_deleted: "α without this item",
    weak_item: "weak",
    no_variation: "no variation",
    items_title: "Item analysis",
    items_intro: "Practice questions across the agency, from each person's first attempt: difficulty (the share answering correctly), discrimination (point-biserial correlation; upper-lower 27 % where it cannot be computed), and how often each wrong option is chosen. Questions with a difficulty above 0.95 or a discrimination below 0.20 are flagged for review.",
    items_loading: "Loading the item analysis…",
    only_flagged: "Only those to review",
    question: "Question",
    value_indicator: "Value / indicator",
    first_attempts: "First attempts (n)",
    difficulty: "Difficulty (p)",
    discrimination: "Discrimination",
    upper_lower: "upper-lower",
    flags: "Flags",
    no_flag: "None",
    wrong_options: "Wrong options chosen",
    no_wrong_choice: "Nobody chose a wrong option",
    none_flagged: "No question needs review in this period.",
    sort_by: "Sort by",
};

pub fn quality_tr(lang: Lang) -> &'static QualityTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

pub fn alpha_reading(lang: Lang, reading: AlphaReading) -> &'static str {
    match (lang, reading) {
        (Lang::Id, AlphaReading::Good) => "Baik",
        (Lang::Id, AlphaReading::Fair) => "Cukup",
        (Lang::Id, AlphaReading::Review) => "Perlu ditinjau",
        (Lang::En, AlphaReading::Good) => "Good",
        (Lang::En, AlphaReading::Fair) => "Fair",
        (Lang::En, AlphaReading::Review) => "To be reviewed",
    }
}

/// A flag in words (the row is marked with this text, not by colour alone).
pub fn flag(lang: Lang, flag: Flag) -> &'static str {
    match (lang, flag) {
        (Lang::Id, Flag::TooEasy) => "Perlu ditinjau: terlalu mudah (p > 0,95)",
        (Lang::Id, Flag::LowDiscrimination) => "Perlu ditinjau: daya beda rendah (< 0,20)",
        (Lang::En, Flag::TooEasy) => "To review: too easy (p > 0.95)",
        (Lang::En, Flag::LowDiscrimination) => "To review: low discrimination (< 0.20)",
    }
}

/// The caption of a questionnaire's α table.
pub fn alpha_caption(lang: Lang, questionnaire: &str) -> String {
    match lang {
        Lang::Id => format!("{questionnaire}: α per komponen"),
        Lang::En => format!("{questionnaire}: α per component"),
    }
}

/// The caption of a component's item table.
pub fn items_caption(lang: Lang, component: &str) -> String {
    match lang {
        Lang::Id => format!("{component}: korelasi tiap butir dengan butir lain"),
        Lang::En => format!("{component}: each item's correlation with the others"),
    }
}

/// "12 dari 40 soal" under the filter.
pub fn questions_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("Menampilkan {shown} dari {total} soal."),
        Lang::En => format!("Showing {shown} of {total} questions."),
    }
}

pub fn questions_caption(lang: Lang, period: &str) -> String {
    match lang {
        Lang::Id => format!("Soal latihan, {period}"),
        Lang::En => format!("Practice questions, {period}"),
    }
}

/// One wrong option: "B · 32,0 % (8 orang)".
pub fn chosen_by(lang: Lang, share: &str, people: u32) -> String {
    match lang {
        Lang::Id => format!("{share} ({people} orang)"),
        Lang::En if people == 1 => format!("{share} (1 person)"),
        Lang::En => format!("{share} ({people} people)"),
    }
}
