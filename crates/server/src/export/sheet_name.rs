//! Worksheet names from table titles, within Excel's rules: at most 31 characters (UTF-16
//! units), none of `* ? : [ ] \ /`, no `'` at either end, not "History" (Excel reserves it),
//! and unique in the workbook ignoring case. Excel refuses to open a file that breaks them.

const MAX_UNITS: usize = 31;

/// One valid, unique sheet name per title, in order.
pub fn sheet_names(titles: &[&str]) -> Vec<String> {
    let mut taken = vec!["history".to_owned()];
    let mut names = Vec::with_capacity(titles.len());
    for title in titles {
        let base = clean(title);
        let mut name = base.clone();
        let mut n = 1;
        while taken.contains(&name.to_lowercase()) {
            n += 1;
            let suffix = format!(" ({n})");
            name = format!(
                "{}{suffix}",
                trim_ends(truncate(&base, MAX_UNITS - suffix.len()))
            );
        }
        taken.push(name.to_lowercase());
        names.push(name);
    }
    names
}

fn clean(title: &str) -> String {
    let replaced: String = title
        .chars()
        .map(|c| match c {
            '*' | '?' | ':' | '[' | ']' | '\\' | '/' => '-',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        })
        .collect();
    let collapsed = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = trim_ends(truncate(trim_ends(&collapsed), MAX_UNITS)).to_owned();
    if name.is_empty() {
        "Tabel".into()
    } else {
        name
    }
}

fn trim_ends(s: &str) -> &str {
    s.trim_matches(|c: char| c == '\'' || c.is_whitespace())
}

/// The longest prefix of `s` of at most `units` UTF-16 units (Excel counts those).
fn truncate(s: &str, units: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &s[..i];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_len(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn forbidden_characters_length_apostrophes_and_history_are_handled() {
        let names = sheet_names(&[
            "Indeks BerAKHLAK: Biro SDM / Kuartal [3] 2026 — per nilai",
            "'Partisipasi'",
            "History",
            "  ",
            "Ä😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
        ]);
        assert_eq!(
            names,
            [
                "Indeks BerAKHLAK- Biro SDM - Ku",
                "Partisipasi",
                "History (2)",
                "Tabel",
                "Ä😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
            ]
        );
        for name in &names {
            assert!(utf16_len(name) <= MAX_UNITS, "{name}");
        }
    }

    #[test]
    fn titles_that_clash_after_cutting_get_numbers() {
        let long = "Partisipasi per unit kerja bulan Januari";
        let names = sheet_names(&[long, long, "partisipasi per unit kerja bula", long]);
        assert_eq!(
            names,
            [
                "Partisipasi per unit kerja bula",
                "Partisipasi per unit kerja (2)",
                "partisipasi per unit kerja (3)",
                "Partisipasi per unit kerja (4)",
            ]
        );
    }
}
