//! Display names in a live game: what a guest types (and an account's name, shortened) is
//! shown on a projector in front of a hall, so it is cleaned before anyone sees it.

use super::Coded;
use thiserror::Error;

/// Shortest name a guest may give (after cleaning).
pub const MIN_NAME_CHARS: usize = 2;
/// Longest name shown on the projector; a row of the leaderboard fits it at 720p.
pub const MAX_NAME_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    #[error("Nama paling sedikit {MIN_NAME_CHARS} huruf.")]
    TooShort,
    #[error("Nama paling banyak {MAX_NAME_CHARS} huruf (sekarang {0}).")]
    TooLong(usize),
}

impl Coded for NameError {
    fn code(&self) -> &'static str {
        match self {
            NameError::TooShort => "name_too_short",
            NameError::TooLong(_) => "name_too_long",
        }
    }

    fn english(&self) -> String {
        match self {
            NameError::TooShort => format!("A name needs at least {MIN_NAME_CHARS} letters."),
            NameError::TooLong(n) => {
                format!("A name may have at most {MAX_NAME_CHARS} letters (this one has {n}).")
            }
        }
    }
}

/// Cleans a name a guest typed: control and invisible format characters (zero-width
/// spaces, bidi overrides that would flip the projector's text) are dropped, runs of
/// whitespace become one space, the ends are trimmed; then 2–40 characters must remain.
pub fn clean_name(raw: &str) -> Result<String, NameError> {
    let cleaned = collapse(raw);
    let count = cleaned.chars().count();
    if count < MIN_NAME_CHARS {
        return Err(NameError::TooShort);
    }
    if count > MAX_NAME_CHARS {
        return Err(NameError::TooLong(count));
    }
    Ok(cleaned)
}

/// An account's registered name (up to 100 characters) as the game shows it: cleaned the
/// same way and shortened with "…" rather than refused, since the person cannot change it
/// in the hall.
pub fn account_display_name(name: &str) -> String {
    let cleaned = collapse(name);
    if cleaned.chars().count() <= MAX_NAME_CHARS {
        return cleaned;
    }
    let mut short: String = cleaned.chars().take(MAX_NAME_CHARS - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if c.is_control() || is_invisible_format(c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Unicode format characters (category Cf) that can hide or reorder text: soft hyphen,
/// Arabic letter mark, Mongolian vowel separator, zero-width characters and direction
/// marks, bidi embeddings, overrides and isolates, invisible operators, the BOM, and tags;
/// and the blank "letters" used for names that look empty (Hangul fillers, the blank
/// braille pattern).
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}'
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_trimmed_and_collapsed() {
        assert_eq!(clean_name("  Siti \t\n  Aminah  ").unwrap(), "Siti Aminah");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_removed() {
        // "Budi" followed by a right-to-left override and a reversed word would read
        // backwards on the projector; the override and the zero-width space vanish.
        assert_eq!(
            clean_name("Bu\u{200B}di \u{202E}kcah").unwrap(),
            "Budi kcah"
        );
        assert_eq!(clean_name("\u{2067}Ani\u{2069}").unwrap(), "Ani");
        assert_eq!(clean_name("Rina\u{0007}\u{0000}").unwrap(), "Rina");
    }

    #[test]
    fn a_name_of_only_invisible_characters_is_too_short() {
        assert_eq!(
            clean_name("\u{3164}\u{3164}\u{3164}"),
            Err(NameError::TooShort)
        );
        assert_eq!(
            clean_name("\u{2800}\u{2800} \u{115F}"),
            Err(NameError::TooShort)
        );
        assert_eq!(
            clean_name("\u{200B}\u{200B} \u{FEFF}"),
            Err(NameError::TooShort)
        );
        assert_eq!(clean_name("A"), Err(NameError::TooShort));
        assert_eq!(clean_name("Al").unwrap(), "Al");
    }

    #[test]
    fn forty_characters_pass_and_forty_one_are_refused_with_the_count() {
        let forty = "a".repeat(40);
        assert_eq!(clean_name(&forty).unwrap(), forty);
        let err = clean_name(&"é".repeat(41)).unwrap_err();
        assert_eq!(err, NameError::TooLong(41));
        assert_eq!(err.code(), "name_too_long");
        assert!(err.to_string().contains("40"));
        assert!(err.english().contains("41"));
    }

    #[test]
    fn a_long_account_name_is_shortened_not_refused() {
        let long = "Raden Ajeng Kartini Binti Raden Mas Adipati Ario Sosroningrat";
        let shown = account_display_name(long);
        assert_eq!(shown.chars().count(), MAX_NAME_CHARS);
        assert!(shown.ends_with('…'));
        assert!(shown.starts_with("Raden Ajeng Kartini"));
        assert_eq!(account_display_name(" Dewi  Lestari "), "Dewi Lestari");
    }
}
