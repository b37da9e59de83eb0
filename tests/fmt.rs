//! `relc fmt` is idempotent and keeps the meaning, on every example, every
//! UI file that parses, and on generated documents.

mod common;

use proptest::prelude::*;

/// The meaning of a source: its checked release as JSON, or its diagnostic
/// codes when it does not check.
fn meaning(src: &str) -> String {
    let c = relc::compile(src);
    match c.release {
        Some(r) => {
            relc::render(&r, relc::Format::Json, &relc::EmitOptions::default()).expect("renders")
        }
        None => format!(
            "{:?}",
            c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>()
        ),
    }
}

fn assert_formats_well(name: &str, src: &str) {
    let once = relc::fmt::format(src).unwrap_or_else(|e| panic!("{name} does not format: {e:?}"));
    let twice = relc::fmt::format(&once).expect("formatted text parses");
    assert_eq!(once, twice, "{name}: not idempotent");
    assert_eq!(
        meaning(src),
        meaning(&once),
        "{name}: meaning changed\n{once}"
    );
    // Comments survive, every one of them.
    let comments = |s: &str| relc::syntax::parse(s).0.comments.len();
    assert_eq!(comments(src), comments(&once), "{name}: comments lost");
}

#[test]
fn examples_and_ui_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in ["examples", "tests/ui"] {
        for path in common::releases_in(&root.join(dir)) {
            // A file that is not UTF-8 (the UI suite's E0009) is not a
            // source to format.
            let Ok(src) = std::fs::read_to_string(&path) else {
                continue;
            };
            if relc::syntax::parse(&src).1.is_empty() {
                assert_formats_well(&path.display().to_string(), &src);
                n += 1;
            } else {
                assert!(
                    relc::fmt::format(&src).is_err(),
                    "{} has syntax errors",
                    path.display()
                );
            }
        }
    }
    assert!(n >= 20, "only {n} files formatted");
}

#[test]
fn examples_are_formatted() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut n = 0;
    for path in common::releases_under(std::path::Path::new(root)) {
        let src = std::fs::read_to_string(&path).expect("readable");
        let formatted = relc::fmt::format(&src).ok();
        assert_eq!(
            formatted.as_deref(),
            Some(src.as_str()),
            "{}",
            path.display()
        );
        n += 1;
    }
    assert!(n >= 4, "only {n} examples");
}

#[test]
fn the_canonical_layout() {
    let messy = "// header\n\nrelease{issuer @o headline \"H\"   dateline @p 2017-02-21}\n\
        org o \"O\" { url <https://o.example>  short \"O\" }\nplace p \"P\"{}\n\
        body {\n      First   line\n   second line.\n\n\n- a\n    - b\n1. c\n\n\n  quote @o said {\n x,\n  ---\n y\n}\n}\n";
    let expected = "// header\n\nrelease {\n  headline \"H\"\n  dateline @p 2017-02-21\n  issuer @o\n}\n\n\
        org o \"O\" {\n  short \"O\"\n  url <https://o.example>\n}\n\nplace p \"P\" {}\n\n\
        body {\n  First   line\n  second line.\n\n  - a\n    - b\n  1. c\n\n  quote @o said {\n    x,\n    ---\n    y\n  }\n}\n";
    assert_eq!(relc::fmt::format(messy).expect("formats"), expected);
}

#[test]
fn escapes_stay_escapes() {
    let src =
        "body {\n  Mail us \\@ the desk, \\*not\\* emphasis, \\[sic\\].\n  \\- not a list\n}\n";
    let out = relc::fmt::format(src).expect("formats");
    assert_eq!(out, src);
}

// ---------------------------------------------------------------- generated documents

const WORDS: &[&str] = &[
    "officials",
    "meet",
    "in",
    "the",
    "year's",
    "\"first\"",
    "trade",
    "--",
    "growth,",
    "2017",
    "Việt",
    "Nam",
    "—",
    "agreed.",
    "#hashtag",
    "1.5%",
    "a-b",
    "(note)",
    "x/y",
    "100",
    "it's",
];
const VERBS: &[&str] = &["said", "explained", "noted", "concluded", "added"];

#[derive(Debug, Clone)]
enum Inl {
    Word(usize),
    Ref(usize),
    Emph(Vec<usize>),
    Strong(Vec<usize>),
    Link(Vec<usize>, bool),
    Escaped(char),
}

#[derive(Debug, Clone)]
enum Blk {
    Para(Vec<Vec<Inl>>),
    Heading(u8, Vec<Inl>),
    List(Vec<(usize, bool, Vec<Inl>)>),
    Quote(usize, usize, Vec<Vec<Inl>>, Option<usize>),
    Comment,
}

fn inl() -> impl Strategy<Value = Inl> {
    prop_oneof![
        6 => (0..WORDS.len()).prop_map(Inl::Word),
        2 => (0..6usize).prop_map(Inl::Ref),
        1 => prop::collection::vec(0..WORDS.len(), 1..3).prop_map(Inl::Emph),
        1 => prop::collection::vec(0..WORDS.len(), 1..3).prop_map(Inl::Strong),
        1 => (prop::collection::vec(0..WORDS.len(), 1..3), any::<bool>()).prop_map(|(w, r)| Inl::Link(w, r)),
        1 => prop::sample::select(vec!['@', '*', '[', ']', '<', '{', '}', '\\']).prop_map(Inl::Escaped),
    ]
}

fn line() -> impl Strategy<Value = Vec<Inl>> {
    prop::collection::vec(inl(), 1..7)
}

fn blk() -> impl Strategy<Value = Blk> {
    prop_oneof![
        4 => prop::collection::vec(line(), 1..4).prop_map(Blk::Para),
        1 => (1u8..4, line()).prop_map(|(l, i)| Blk::Heading(l, i)),
        2 => prop::collection::vec((0usize..3, any::<bool>(), line()), 1..5).prop_map(Blk::List),
        2 => (0..2usize, 0..VERBS.len(), prop::collection::vec(line(), 1..4), prop::option::of(0usize..4))
            .prop_map(|(s, v, p, a)| Blk::Quote(s, v, p, a)),
        1 => Just(Blk::Comment),
    ]
}

/// The ids the generated documents declare, by what a reference to them
/// may render: people first (quote speakers are people).
const IDS: [&str; 6] = [
    "bollard",
    "okafor",
    "apec",
    "nha-trang",
    "som1",
    "inclusive",
];

fn render_inl(i: &Inl, out: &mut String) {
    match i {
        Inl::Word(w) => out.push_str(WORDS[*w]),
        Inl::Ref(r) => {
            out.push('@');
            out.push_str(IDS[*r]);
        }
        Inl::Emph(ws) => out.push_str(&format!("*{}*", words(ws))),
        Inl::Strong(ws) => out.push_str(&format!("**{}**", words(ws))),
        Inl::Link(ws, to_ref) => {
            let target = if *to_ref {
                "@som1".to_string()
            } else {
                "https://example.org/a_b".to_string()
            };
            out.push_str(&format!("[{}]({target})", words(ws)));
        }
        Inl::Escaped(c) => {
            out.push('\\');
            out.push(*c);
        }
    }
}

fn words(ws: &[usize]) -> String {
    // Emphasis must not start with a space or hold its own marker.
    ws.iter()
        .map(|w| WORDS[*w].trim_matches('*'))
        .collect::<Vec<_>>()
        .join(" ")
}

fn render_line(l: &[Inl], pad: &str) -> String {
    let mut out = String::from(pad);
    for (n, i) in l.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        render_inl(i, &mut out);
    }
    // A line must not read as the start of a block.
    let body = out.trim_start();
    if body.starts_with(['-', '#', '1', '/']) || body.starts_with("quote") {
        out = format!("{pad}so {body}");
    }
    out
}

fn document(blocks: Vec<Blk>, noise: Vec<u8>) -> String {
    let mut noise = noise.into_iter().cycle();
    let mut pad = move || " ".repeat(usize::from(noise.next().unwrap_or(0) % 4));
    let mut s = String::new();
    s.push_str("// generated\nrelease { headline \"Officials meet\"  dateline @nha-trang 2017-02-21\n  issuer @apec }\n");
    s.push_str("org apec \"Asia-Pacific Economic Cooperation\" {\n// the short name\nshort \"APEC\" url <https://www.apec.org> }\n");
    s.push_str(
        "place nha-trang \"Nha Trang\" { country \"Viet Nam\" zone \"Asia/Ho_Chi_Minh\" }\n\n\n",
    );
    s.push_str("person bollard \"Dr Alan Bollard\" { short \"Dr Bollard\" title \"Executive Director\" org @apec pronoun \"he\" }\n");
    s.push_str("person okafor \"Dr Chidi Okafor\" { title \"Secretary-General\" }\n");
    s.push_str("meeting som1 \"First Senior Officials' Meeting\" { dates 2017-03-02..2017-03-03 place @nha-trang status planned }\n");
    s.push_str(
        "outcome inclusive \"building inclusive economies\" { meeting @som1 status sought }\n",
    );
    s.push_str("body {\n");
    for b in &blocks {
        match b {
            Blk::Para(lines) => {
                for l in lines {
                    s.push_str(&render_line(l, &pad()));
                    s.push('\n');
                }
            }
            Blk::Heading(level, l) => {
                s.push_str(&format!(
                    "{}{} {}\n",
                    pad(),
                    "#".repeat(usize::from(*level)),
                    render_line(l, "")
                ));
            }
            Blk::List(items) => {
                for (depth, ordered, l) in items {
                    let marker = if *ordered { "1." } else { "-" };
                    s.push_str(&format!(
                        "{}{marker} {}\n",
                        " ".repeat(depth * 2),
                        render_line(l, "")
                    ));
                }
            }
            Blk::Quote(speaker, verb, paras, marker) => {
                s.push_str(&format!(
                    "{}quote @{} {} {{\n",
                    pad(),
                    IDS[*speaker],
                    VERBS[*verb]
                ));
                for (n, p) in paras.iter().enumerate() {
                    if *marker == Some(n) {
                        s.push_str("---\n");
                    } else if n > 0 {
                        s.push('\n');
                    }
                    s.push_str(&render_line(p, &pad()));
                    s.push('\n');
                }
                s.push_str("}\n");
            }
            Blk::Comment => s.push_str(&format!("{}// a note\n", pad())),
        }
        s.push('\n');
        if pad().len() > 2 {
            s.push('\n');
        }
    }
    s.push_str("}\n");
    s.push_str("contacts \"Media:\" { contact press \"Media desk\" { role media phone \"+65 9137 3886\" } }\n");
    s
}

fn documents() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(blk(), 0..10),
        prop::collection::vec(any::<u8>(), 1..16),
    )
        .prop_map(|(b, n)| document(b, n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_parse(src in documents()) {
        let (_, diags) = relc::syntax::parse(&src);
        prop_assert!(diags.is_empty(), "the generator wrote invalid syntax: {:?}\n{}", diags, src);
    }

    #[test]
    fn fmt_is_idempotent(src in documents()) {
        let once = relc::fmt::format(&src).expect("formats");
        let twice = relc::fmt::format(&once).expect("formats again");
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn fmt_keeps_the_meaning(src in documents()) {
        let once = relc::fmt::format(&src).expect("formats");
        prop_assert_eq!(meaning(&src), meaning(&once));
        let comments = |s: &str| relc::syntax::parse(s).0.comments.len();
        prop_assert_eq!(comments(&src), comments(&once));
    }
}

/// A comment written before a field of the header stays before that field,
/// also when the formatter moves the field to its place in the schema.
#[test]
fn a_comment_stays_with_the_header_field_it_was_written_before() {
    let src = "release {\n  headline \"Officials meet\"\n  // the language\n  locale en-GB\n  // where and when\n  dateline @hanoi 2017-02-21\n  issuer @apec\n}\n";
    let out = relc::fmt::format(src).expect("formats");
    let before = |comment: &str, field: &str| {
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        let at = lines.iter().position(|l| *l == comment).expect(comment);
        lines.get(at + 1).is_some_and(|l| l.starts_with(field))
    };
    assert!(before("// where and when", "dateline"), "{out}");
    assert!(before("// the language", "locale"), "{out}");
    // The schema puts the locale after the dateline and the issuer.
    assert!(out.find("dateline").expect("dateline") < out.find("locale").expect("locale"));
    assert_eq!(relc::fmt::format(&out).expect("formats"), out);
}

#[test]
fn a_field_in_one_language_follows_the_field_in_every_language() {
    // The languages in the order of their tags, after the field; a name in
    // one language before every field.
    let src = "person b \"Dr Alan Bollard\" {\n  title.fr \"directeur\"\n  org @o\n  name.ja \"ボラード\"\n  title \"Director\"\n  title.ar \"مدير\"\n}\n";
    let out = relc::fmt::format(src).expect("formats");
    let keys: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|k| *k != "}")
        .collect();
    assert_eq!(
        keys,
        ["name.ja", "title", "title.ar", "title.fr", "org"],
        "{out}"
    );
    assert_eq!(relc::fmt::format(&out).expect("formats"), out);
}
