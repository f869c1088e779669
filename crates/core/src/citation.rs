//! Whether a question's stem cites a rule (a law, regulation, circular or article), so the
//! content check can list questions that test a rule without naming it in `source`.
//! Heuristic on purpose: it looks for the short forms Indonesian civil-service texts use
//! ("UU 20/2023", "PP 94/2021", "PermenPAN-RB", "Pasal 4", "SE MenPAN-RB", "Peraturan
//! Pemerintah"), not for the word "peraturan" alone, which stems also use in general.

use crate::content::Question;
use crate::cues::words::words;

/// Words that alone mark a citation.
const MARKS: [&str; 9] = [
    "uu",
    "pp",
    "perpres",
    "permenpan",
    "keppres",
    "inpres",
    "perka",
    "pasal",
    "perda",
];

/// Words after "peraturan" (or "surat edaran") that make it a named kind of rule.
const ISSUERS: [&str; 10] = [
    "pemerintah",
    "presiden",
    "menteri",
    "menpan",
    "badan",
    "kepala",
    "daerah",
    "gubernur",
    "bupati",
    "wali",
];

pub fn cites_rule(text: &str) -> bool {
    let ws = words(text);
    ws.iter().enumerate().any(|(i, w)| {
        let next = ws.get(i + 1).map(String::as_str).unwrap_or("");
        MARKS.contains(&w.as_str())
            || (w == "undang" && next == "undang")
            || (w == "peraturan" && ISSUERS.contains(&next))
            || (w == "edaran" && ISSUERS.iter().any(|i| next.starts_with(i)))
            || (w == "se" && (next.starts_with("menpan") || next.starts_with(char::is_numeric)))
    })
}

/// Questions whose stem cites a rule but that name no `source`.
pub fn unsourced<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<&'a Question> {
    questions
        .into_iter()
        .filter(|q| q.source.is_none() && cites_rule(&q.stem.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_of_laws_regulations_and_articles_are_citations() {
        for stem in [
            "Menurut UU 20/2023, nilai dasar ASN adalah…",
            "PP 94/2021 mengatur disiplin. Apa yang tepat?",
            "PermenPAN-RB 6/2022 mengatur…",
            "Pasal 4 menyebut…",
            "SE MenPAN-RB 20/2021 menetapkan…",
            "Sesuai Peraturan Pemerintah tentang manajemen PNS…",
            "Undang-Undang ASN menyebut…",
            "Surat Edaran Menteri PANRB…",
        ] {
            assert!(cites_rule(stem), "{stem}");
        }
    }

    #[test]
    fn a_question_citing_a_rule_is_listed_until_it_names_its_source() {
        let mut cited = crate::cues::fixtures::question("loyal", 1, ["a", "b", "c", "d"], 0);
        cited.stem.id = "Menurut UU 20/2023 Pasal 4, apa nilai dasar ASN?".into();
        let mut plain = cited.clone();
        plain.id = "loyal-002".into();
        plain.stem.id = "Rekan membagikan berita bohong. Apa yang tepat?".into();
        let listed: Vec<&str> = unsourced([&cited, &plain])
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(listed, [cited.id.as_str()]);
        cited.source = Some("UU 20/2023 Pasal 4".into());
        assert!(unsourced([&cited, &plain]).is_empty());
    }

    #[test]
    fn everyday_words_are_not_citations() {
        for stem in [
            "Rina ragu apakah peraturan kantor membolehkan kerja dari rumah. Apa yang tepat?",
            "Seorang pemohon datang tanpa berkas. Apa sikap petugas?",
            "Pasalnya, rapat sudah lewat waktu.",
            "Upah lembur dibayar kemudian.",
        ] {
            assert!(!cites_rule(stem), "{stem}");
        }
    }
}
