//! Checks on the question bank that a validator cannot express as a hard rule: that the
//! best option is not given away by its length or position, and that no two stems say the
//! same thing. The content tests hold the real bank to these numbers.

use crate::content::Question;
use crate::text::Lang;
use std::collections::{BTreeMap, HashSet};

/// Share (0–1) of questions whose best option is strictly the longest (in `lang`). With
/// four options, chance is 0.25: more would let a guesser win by picking the longest.
pub fn longest_is_best_share(questions: &[&Question], lang: Lang) -> f64 {
    if questions.is_empty() {
        return 0.0;
    }
    let longest = questions
        .iter()
        .filter(|q| {
            let len = |id: &str| {
                q.option(id)
                    .map(|o| o.text.get(lang).chars().count())
                    .unwrap_or(0)
            };
            let best = len(&q.answer);
            q.options
                .iter()
                .filter(|o| o.id != q.answer)
                .all(|o| len(&o.id) < best)
        })
        .count();
    longest as f64 / questions.len() as f64
}

/// How often each position (a, b, c, d as written) holds the best option. The app shuffles
/// options, but an author's habit would still show in the file and in printed copies.
pub fn answer_positions(questions: &[&Question]) -> BTreeMap<usize, usize> {
    let mut counts = BTreeMap::new();
    for q in questions {
        if let Some(pos) = q.options.iter().position(|o| o.id == q.answer) {
            *counts.entry(pos).or_default() += 1;
        }
    }
    counts
}

fn bigrams(text: &str) -> HashSet<(String, String)> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

/// Jaccard similarity (0–1) of the word pairs of two texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Pairs of questions whose Indonesian stems are at least `threshold` alike, most alike
/// first.
pub fn near_duplicate_stems(questions: &[&Question], threshold: f64) -> Vec<(String, String, f64)> {
    let mut pairs = Vec::new();
    for (i, a) in questions.iter().enumerate() {
        for b in &questions[i + 1..] {
            let s = similarity(&a.stem.id, &b.stem.id);
            if s >= threshold {
                pairs.push((a.id.clone(), b.id.clone(), s));
            }
        }
    }
    pairs.sort_by(|x, y| y.2.total_cmp(&x.2));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_spots_a_reworded_copy_but_not_a_different_scene() {
        let a = "Seorang warga datang ke loket pukul 15.55, lima menit sebelum loket tutup.";
        let b = "Seorang warga datang ke loket pukul 15.50, sepuluh menit sebelum loket tutup.";
        let c = "Bendahara menemukan kuitansi ganda saat menyusun SPJ akhir bulan.";
        assert!(similarity(a, b) > 0.5);
        assert!(similarity(a, c) < 0.1);
        assert_eq!(similarity("", ""), 0.0);
    }
}
