//! A download's file name from its table's title.

/// An ASCII file name stem (no extension) for a title: letters and digits kept, anything
/// else one `-`, at most 80 characters, so it is safe in a Content-Disposition header and
/// on every file system. `resapi-export` when nothing is left.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if stem.len() == 80 {
                break;
            }
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') && stem.len() < 80 {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "resapi-export".into()
    } else {
        stem.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_safe_file_names() {
        assert_eq!(
            file_stem("Indeks BerAKHLAK: Biro SDM / Kuartal 3 2026"),
            "indeks-berakhlak-biro-sdm-kuartal-3-2026"
        );
        assert_eq!(file_stem("Pärtisipasi \"Ümum\""), "p-rtisipasi-mum");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("—"), "resapi-export");
        assert_eq!(file_stem(&"a".repeat(200)).len(), 80);
    }
}
