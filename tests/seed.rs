//! The APEC example says what the seed release says: every word of the
//! seed, in the seed's order, is in the text output.
//!
//! The seed lost its e-mail addresses and one link target when it was
//! scraped; those are missing from the seed itself, so they cannot be
//! asked for here.

mod common;

use relc::{EmitOptions, Format};

fn words(s: &str) -> Vec<String> {
    s.replace(['\u{2019}', '\''], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn seed_words_in_seed_order() {
    let root = env!("CARGO_MANIFEST_DIR");
    let Some(seed) = common::shared_file("seeds/000_0d36a467a663d0bf.txt") else {
        return;
    };
    let release = common::example(std::path::Path::new(&format!(
        "{root}/examples/apec-2017-nha-trang.rel"
    )));
    let text = relc::render(&release, Format::Text, &EmitOptions::default()).expect("renders");

    // A contact line of the seed ends in "at", where the scrape cut the
    // e-mail address off: the word belongs to what was lost.
    let seed: String = seed
        .lines()
        .map(|l| l.trim_end().strip_suffix(" at").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");

    let out = words(&text);
    let mut at = 0;
    for (i, w) in words(&seed).iter().enumerate() {
        match out[at..].iter().position(|o| o == w) {
            Some(p) => at += p + 1,
            None => panic!(
                "seed word {i} {w:?} is missing from the text output, or out of order (after word {at})"
            ),
        }
    }
}
