//! The keywords of `.rel`, in one place: the parser's recovery, the
//! language server's completion and the formatter read them here, and a
//! test holds the pest grammar, the tree-sitter grammar and the TextMate
//! grammar to this list.

use super::ast::DeclKind;

/// The parts of a release, each opening a top-level item.
pub const PARTS: [&str; 11] = [
    "use",
    "release",
    "body",
    "contacts",
    "advisory",
    "about",
    "follow",
    "notes",
    "disclaimer",
    "trademarks",
    "source",
];

/// Every keyword that opens a top-level item: the parts, then the kinds of
/// declaration.
pub fn top_level() -> impl Iterator<Item = &'static str> {
    PARTS
        .into_iter()
        .chain(DeclKind::ALL.into_iter().map(DeclKind::keyword))
}

/// Words writers reach for instead of a keyword, with the keyword meant.
pub const ALIASES: &[(&str, &str)] = &[
    ("organisation", "org"),
    ("organization", "org"),
    ("company", "org"),
    ("agency", "org"),
    ("ministry", "org"),
    ("people", "person"),
    ("speaker", "person"),
    ("spokesperson", "person"),
    ("location", "place"),
    ("city", "place"),
    ("venue", "place"),
    ("event", "meeting"),
    ("conference", "meeting"),
    ("summit", "meeting"),
    ("result", "outcome"),
    ("media", "contacts"),
    ("boilerplate", "about"),
    ("header", "release"),
    ("import", "use"),
    ("include", "use"),
];

/// The keyword a word most likely stands for: a known alias, else the
/// nearest spelling.
pub fn meant(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, kw)| *kw)
        .or_else(|| crate::suggest::closest(word, top_level()))
}

#[cfg(test)]
mod tests {
    use super::{meant, top_level};

    #[test]
    fn writers_words_lead_to_keywords() {
        assert_eq!(meant("organisation"), Some("org"));
        assert_eq!(meant("Organization"), Some("org"));
        assert_eq!(meant("persn"), Some("person"));
        assert_eq!(meant("xyzzy"), None);
    }

    /// Every keyword is in each grammar that colours or parses `.rel`, and
    /// the pest grammar has no top-level keyword this list lacks.
    #[test]
    fn the_grammars_know_every_keyword() {
        let root = env!("CARGO_MANIFEST_DIR");
        for file in [
            "grammar/rel.pest",
            "grammar/tree-sitter-rel/grammar.js",
            "grammar/textmate/rel.tmLanguage.json",
        ] {
            let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap_or_default();
            for kw in top_level() {
                let spelt = [
                    format!("\"{kw}\""),
                    format!("'{kw}'"),
                    format!("({kw})"),
                    format!("({kw}|"),
                    format!(":{kw}|"),
                    format!("|{kw}|"),
                    format!("|{kw})"),
                ];
                assert!(
                    spelt.iter().any(|s| text.contains(s.as_str())),
                    "{file} does not know the keyword `{kw}`"
                );
            }
        }
        // The pest grammar's items, each opened by a keyword of the list.
        let pest = std::fs::read_to_string(format!("{root}/grammar/rel.pest")).unwrap_or_default();
        let items = pest
            .lines()
            .find_map(|l| l.strip_prefix("item = _{"))
            .expect("the item rule");
        for rule in items.trim_end_matches('}').split('|').map(str::trim) {
            let def = pest
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{rule} ")))
                .unwrap_or_default();
            assert!(
                rule == "decl" || top_level().any(|kw| def.contains(&format!("\"{kw}\""))),
                "the pest rule `{rule}` opens with a keyword the list lacks: {def}"
            );
        }
    }
}
