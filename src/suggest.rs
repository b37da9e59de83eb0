//! Did-you-mean suggestions, by edit distance (strsim's Jaro-Winkler and
//! Damerau-Levenshtein, the measures rustc and cargo use for the same job).

/// The candidate closest to `word`, if one is close enough to be a likely
/// typo.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_l = word.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for cand in candidates {
        if cand == word {
            continue;
        }
        let cand_l = cand.to_lowercase();
        let dist = strsim::damerau_levenshtein(&word_l, &cand_l);
        let max_len = word_l.chars().count().max(cand_l.chars().count());
        // Up to a third of the letters may differ, and at least one.
        let allowed = (max_len / 3).max(1);
        let sim = strsim::jaro_winkler(&word_l, &cand_l);
        if dist <= allowed || sim > 0.9 {
            let better = match best {
                None => true,
                Some((s, _)) => sim > s,
            };
            if better {
                best = Some((sim, cand));
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_typos_and_rejects_strangers() {
        let ids = ["bollard", "apec", "nha-trang", "som1"];
        assert_eq!(closest("bolard", ids), Some("bollard"));
        assert_eq!(closest("nha-trnag", ids), Some("nha-trang"));
        assert_eq!(closest("som2", ids), Some("som1"));
        assert_eq!(closest("zebra", ids), None);
        assert_eq!(closest("persn", ["person", "place", "org"]), Some("person"));
    }
}
