//! The words a test-wise reader uses to guess the keyed option without reading the
//! question: one table, so the shares in the coverage report, the classifier's extra
//! features and the documentation (docs/question-bank.md) all speak of the same lists.

/// A kind of surface cue an option can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// Joins two actions: a thorough-sounding key ("memeriksa dan melapor").
    Connector,
    /// Gives a reason or purpose, which makes an option sound considered.
    Reason,
    /// An absolute or sweeping qualifier, the classic mark of a wrong option.
    Absolute,
    /// Waiting, postponing or avoiding: the classic mark of a passive wrong option.
    Avoidance,
}

/// One row of the cue table: the cue, its name in the report, the words or phrases that
/// mark it (matched as whole lower-cased words, phrases as consecutive words) and the
/// punctuation that marks it anywhere in the text.
#[derive(Debug, Clone, Copy)]
pub struct CueWords {
    pub cue: Cue,
    pub name: &'static str,
    pub words: &'static [&'static str],
    pub marks: &'static [char],
}

/// The cue table (Indonesian: the checks read the Indonesian text, which authors write
/// first and the English follows).
pub const CUE_TABLE: [CueWords; 4] = [
    CueWords {
        cue: Cue::Connector,
        name: "connector (dan, serta, comma)",
        words: &["dan", "serta"],
        marks: &[','],
    },
    CueWords {
        cue: Cue::Reason,
        name: "reason (karena, agar, supaya…)",
        words: &[
            "karena",
            "sebab",
            "agar",
            "supaya",
            "sehingga",
            "demi",
            "biar",
            "oleh karena itu",
        ],
        marks: &[],
    },
    CueWords {
        cue: Cue::Absolute,
        name: "absolute (semua, selalu, hanya…)",
        words: &[
            "semua",
            "semuanya",
            "seluruh",
            "seluruhnya",
            "segala",
            "setiap",
            "selalu",
            "sama sekali",
            "sepenuhnya",
            "apa pun",
            "apapun",
            "tidak pernah",
            "tak pernah",
            "mutlak",
            "pasti",
            "hanya",
        ],
        marks: &[],
    },
    CueWords {
        cue: Cue::Avoidance,
        name: "waiting/avoidance (menunggu, tanpa…)",
        words: &[
            "menunggu",
            "tanpa",
            "menunda",
            "membiarkan",
            "menghindar",
            "menghindari",
            "mengabaikan",
            "menolak",
            "diam",
        ],
        marks: &[],
    },
];

/// Lower-cased words of a text (letters and digits; everything else separates words).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the consecutive words of `phrase` occur in `words`.
fn contains_phrase(words: &[String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(parts.len())
        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
}

/// The cues a text carries, in table order.
pub fn cues_in(text: &str) -> Vec<Cue> {
    let ws = words(text);
    CUE_TABLE
        .iter()
        .filter(|row| {
            text.contains(row.marks) || row.words.iter().any(|phrase| contains_phrase(&ws, phrase))
        })
        .map(|row| row.cue)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_phrases_mark_cues_but_parts_of_words_do_not() {
        assert_eq!(
            cues_in("Memeriksa data, lalu melapor"),
            vec![Cue::Connector]
        );
        assert_eq!(
            cues_in("Tidak pernah menunda"),
            vec![Cue::Absolute, Cue::Avoidance]
        );
        // "pandangan" holds "dan", "selalu" holds "lalu": neither is a word of the table.
        assert!(cues_in("Menyampaikan pandangan").is_empty());
        assert_eq!(cues_in("Selalu hadir"), vec![Cue::Absolute]);
        // A phrase counts only as consecutive words.
        assert!(cues_in("Sama dengan sekali").is_empty());
        assert_eq!(
            cues_in("Menolaknya? Tidak sama sekali"),
            vec![Cue::Absolute]
        );
        assert_eq!(cues_in("Melapor agar cepat"), vec![Cue::Reason]);
    }

    #[test]
    fn every_cue_has_one_row() {
        for cue in [Cue::Connector, Cue::Reason, Cue::Absolute, Cue::Avoidance] {
            assert_eq!(CUE_TABLE.iter().filter(|r| r.cue == cue).count(), 1);
        }
    }
}
