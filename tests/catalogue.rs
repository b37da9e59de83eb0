//! The catalogue of diagnostics holds together: every code has its section
//! in docs/diagnostics.md with a bad and a fixed example that do what they
//! say, and a UI case that produces it.

mod common;

use std::collections::BTreeSet;

use relc::diag::{Code, explain};

/// The release that stands around an example without a header of its own,
/// as docs/diagnostics.md describes it.
fn complete(snippet: &str) -> String {
    if snippet.contains("release {") || snippet.starts_with("// A whole file.") {
        return snippet.to_string();
    }
    let mut src = String::from(
        "release {\n  headline \"Officials meet in Nha Trang\"\n  dateline @nha-trang 2017-02-21\n  issuer @apec\n}\n\
         org apec \"Asia-Pacific Economic Cooperation\" { short \"APEC\" }\n\
         place nha-trang \"Nha Trang\" { country \"Viet Nam\" }\n",
    );
    src.push_str(snippet);
    src.push('\n');
    if !snippet.contains("body {") {
        src.push_str("body { Officials from @apec meet in @nha-trang. }\n");
    }
    if !snippet.contains("contacts ") {
        src.push_str(
            "contacts \"Media:\" { contact press \"Media desk\" { role media phone \"+65 9137 3886\" } }\n",
        );
    }
    src
}

/// The release around an example's first part; the files after it as they are.
fn with_files(snippet: &str) -> String {
    match snippet.split_once("// file: ") {
        Some((main, rest)) => format!("{}// file: {rest}", complete(main)),
        None => complete(snippet),
    }
}

/// The fenced examples of a section, by their info string.
fn examples<'a>(section: &'a str, info: &str) -> Vec<&'a str> {
    let fence = format!("```{info}\n");
    section
        .match_indices(&fence)
        .filter_map(|(i, _)| {
            let body = &section[i + fence.len()..];
            body.find("```").map(|end| &body[..end])
        })
        .collect()
}

/// Files kept in memory, for examples in several files: the release is
/// `project/release.rel`, and the files it names are in `project/`, the
/// root of its project.
struct Memory(Vec<(String, String)>);

impl relc::project::Loader for Memory {
    fn load(&self, path: &std::path::Path) -> std::io::Result<String> {
        let path = path.strip_prefix("project").unwrap_or(path);
        self.0
            .iter()
            .find(|(name, _)| std::path::Path::new(name) == path)
            .map(|(_, src)| src.clone())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
    }

    fn project_root(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
        Some("project".into())
    }
}

/// The codes an example gives: its release, with the files it holds after
/// `// file: NAME` lines, read through a loader as the command line would.
fn codes_of(src: &str) -> Vec<Code> {
    // An example about bytes writes them as `\xHH`: read as the bytes they
    // stand for, as the command line reads a file.
    if src.contains("\\x") {
        let mut bytes = Vec::new();
        let mut rest = src;
        while let Some(at) = rest.find("\\x") {
            bytes.extend_from_slice(&rest.as_bytes()[..at]);
            let hex = &rest[at + 2..at + 4];
            bytes.push(u8::from_str_radix(hex, 16).expect("two hex digits"));
            rest = &rest[at + 4..];
        }
        bytes.extend_from_slice(rest.as_bytes());
        if let Err(e) = relc::decode("release.rel", bytes) {
            return vec![e.1.code];
        }
    }
    let mut parts = src.split("// file: ");
    let main = parts.next().unwrap_or_default().to_string();
    let files: Vec<(String, String)> = parts
        .map(|p| {
            let (name, body) = p.split_once('\n').unwrap_or((p, ""));
            (name.trim().to_string(), body.to_string())
        })
        .collect();
    let path = std::path::Path::new("project/release.rel");
    let project = relc::project::compile(path, "release.rel", main, &Memory(files), "release");
    project
        .compiled
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn every_code_is_explained_with_examples_that_work() {
    for &code in Code::ALL {
        let section = explain(code).unwrap_or_else(|| panic!("{code} has no section"));
        // A code about the files the command line is handed has no example
        // in a source; tests/cli.rs gives it.
        if Code::COMMAND_LINE.contains(&code) {
            continue;
        }
        let bad = examples(section, "rel bad");
        let fixed = examples(section, "rel fixed");
        assert_eq!(bad.len(), 1, "{code}: one bad example");
        assert_eq!(fixed.len(), 1, "{code}: one fixed example");
        let got = codes_of(&with_files(bad[0]));
        assert!(got.contains(&code), "{code}: the bad example gives {got:?}");
        let got = codes_of(&with_files(fixed[0]));
        assert!(
            !got.contains(&code),
            "{code}: the fixed example still gives it"
        );
    }
}

#[test]
fn explain_finds_codes_by_code_and_by_name() {
    assert_eq!(Code::parse("e0101"), Some(Code::UnknownId));
    assert_eq!(Code::parse("unknown-id"), Some(Code::UnknownId));
    assert_eq!(Code::parse("E9999"), None);
    let text = explain(Code::UnknownId).expect("explained");
    assert!(text.starts_with("## E0101 unknown-id"));
    assert!(
        !text.contains("## E0102"),
        "the section ends at the next code"
    );
}

#[test]
fn every_code_has_a_ui_case_and_every_ui_case_a_diagnostic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut seen = BTreeSet::new();
    for path in common::releases_in(&dir) {
        {
            let codes: Vec<Code> = common::compile(&path)
                .compiled
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect();
            assert!(!codes.is_empty(), "{} gives no diagnostic", path.display());
            seen.extend(codes);
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c) && !Code::COMMAND_LINE.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(missing.is_empty(), "codes with no UI case: {missing:?}");
}
