//! The editor features as pure functions. Each file of tests/ide is a
//! release with a cursor, written `‸`, whose first line names the feature
//! asked there; the answer is snapshotted beside the source.

use std::path::Path;

use relc::ide;
use relc::project::{NoFiles, Project};

const CURSOR: char = '‸';

/// The release without its cursor, the cursor's byte offset, and the
/// compiled project.
fn fixture(text: &str) -> (String, usize, Project) {
    let pos = text.find(CURSOR).expect("a cursor in the fixture");
    let src = text.replacen(CURSOR, "", 1);
    let p = relc::project::compile(
        Path::new("fixture.rel"),
        "fixture.rel",
        src.clone(),
        &NoFiles,
        "fixture",
    );
    (src, pos, p)
}

const BASE: &str = r#"release {
  headline "Officials meet"
  dateline @nha-trang 2017-02-21
  issuer @apec
}

org apec "Asia-Pacific Economic Cooperation" {
  short "APEC"
}

place nha-trang "Nha Trang" {
  country "Việt Nam"
}

person bollard "Dr Alan Bollard" {
  short "Dr Bollard"
  title "Executive Director"
  org @apec
}

BODY

contacts "Media:" {
  contact press "Media desk" {
    role media
    phone "+65 9137 3886"
  }
}
"#;

fn with_body(body: &str) -> String {
    BASE.replace("BODY", body)
}

#[test]
fn rename_refuses_a_taken_or_malformed_name() {
    let (_, pos, p) = fixture(&with_body("body {\n  @ap‸ec meets.\n}"));
    assert_eq!(
        ide::rename(&p, pos, "bollard"),
        Err("`bollard` is declared already".to_string())
    );
    assert!(ide::rename(&p, pos, "9lives").is_err());
    assert!(ide::rename(&p, pos, "apec-").is_err());
    // issuer, the org's parent field of the person, the body, the decl.
    assert_eq!(ide::rename(&p, pos, "apec-org").map(|v| v.len()), Ok(4));
}

#[test]
fn semantic_tokens_colour_the_structure() {
    let (src, _, p) = fixture(&with_body(
        "// A comment.\nbody {\n  Officials of @apec meet.\n\n  quote @bollard said {\n    Ready.\n  }\n}‸",
    ));
    let shown: Vec<String> = ide::tokens(&p)
        .into_iter()
        .map(|(s, k)| format!("{k:?} {}", &src[s.start..s.end]))
        .collect();
    insta::assert_snapshot!(shown.join("\n"));
}

/// Line (from 1) and the text of that line, for a byte offset.
fn line_of(src: &str, at: usize) -> (usize, &str) {
    let line = src[..at].matches('\n').count() + 1;
    (line, src.lines().nth(line - 1).unwrap_or_default())
}

fn answer(feature: &str, src: &str, pos: usize, p: &Project) -> String {
    match feature {
        "definition" => match ide::definition(p, pos) {
            Some(d) => {
                let (line, text) = line_of(src, d.start);
                format!("{line}: {text}\n{}", &src[d.start..d.end])
            }
            None => "no definition".to_string(),
        },
        "completion" => ide::completions(p, pos)
            .into_iter()
            .map(|c| format!("{} ({})", c.label, c.detail))
            .collect::<Vec<_>>()
            .join("\n"),
        "hover" => ide::hover(p, pos).map_or("no hover".to_string(), |(text, _)| text),
        "references" => {
            let (id, _) = ide::id_at(p, pos).expect("an id at the cursor");
            ide::occurrences(p, &id)
                .into_iter()
                .map(|s| {
                    let (line, text) = line_of(src, s.start);
                    format!("{line}: {text}")
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        "actions" => {
            let mut out = String::new();
            for a in ide::code_actions(p, relc::span::Span::new(pos, pos)) {
                let mut fixed = src.to_string();
                for (span, text) in a.edits.iter().rev() {
                    fixed.replace_range(span.start..span.end, text);
                }
                // Applied, the fix leaves no unknown id behind.
                let after = relc::compile(&fixed);
                assert!(
                    after
                        .diagnostics
                        .iter()
                        .all(|d| d.code != relc::diag::Code::UnknownId),
                    "{}: {:?}",
                    a.title,
                    after.diagnostics
                );
                let (span, text) = &a.edits[0];
                let (line, _) = line_of(&fixed, span.start);
                out.push_str(&format!("== {}\nat line {line}:\n", a.title));
                let end = span.start + text.len();
                let shown = fixed[span.start..end].trim_end();
                out.push_str(if shown.is_empty() { "(removed)" } else { shown });
                out.push('\n');
            }
            out
        }
        other => panic!("no feature `{other}`"),
    }
}

#[test]
fn every_fixture_answers_as_snapshotted() {
    insta::glob!("ide/*.rel", |path| {
        let text = std::fs::read_to_string(path).expect("fixture");
        let feature = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// "))
            .expect("a first line `// FEATURE`")
            .to_string();
        let (src, pos, p) = fixture(&text);
        let out = answer(&feature, &src, pos, &p);
        insta::assert_snapshot!(format!("{text}\n{}\n{out}", "=".repeat(72)));
    });
}

/// Completion after a word that follows a character of more than one byte
/// (`café@`) once sliced inside that character, and the server panicked.
#[test]
fn completion_after_a_wide_character_does_not_panic() {
    let text = "org apec \"APEC\" {}\nbody {\n  Un café@ap\n}\n".to_string();
    let p = relc::project::compile(
        std::path::Path::new("release.rel"),
        "release.rel",
        text.clone(),
        &relc::project::NoFiles,
        "release",
    );
    // Every position, the ones right after the é among them.
    for pos in (0..=text.len()).filter(|&pos| text.is_char_boundary(pos)) {
        let _ = relc::ide::completions(&p, pos);
    }
    let at = text.find("@ap").expect("there") + 3;
    let labels: Vec<String> = relc::ide::completions(&p, at)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(labels.iter().any(|l| l == "apec"), "{labels:?}");
}

/// A workspace held in memory: a few releases and a file of shared
/// declarations, under one project root.
struct Memory(std::collections::BTreeMap<std::path::PathBuf, String>);

impl relc::project::Loader for Memory {
    fn load(&self, path: &Path) -> std::io::Result<String> {
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }

    fn project_root(&self, _release: &Path) -> Option<std::path::PathBuf> {
        Some("/ws".into())
    }
}

impl ide::workspace::Workspace for Memory {
    fn releases(&self) -> std::collections::BTreeSet<std::path::PathBuf> {
        self.0
            .keys()
            .filter(|p| !p.starts_with("/ws/shared"))
            .cloned()
            .collect()
    }

    fn text(&self, path: &Path) -> Option<String> {
        self.0.get(path).cloned()
    }

    fn compile(&self, path: &Path, text: String) -> Option<Project> {
        let name = path.file_name()?.to_str()?;
        let stem = path.file_stem()?.to_str()?;
        Some(relc::project::compile(path, name, text, self, stem))
    }
}

/// A release of the workspace that uses the shared declarations, or
/// declares a `bollard` of its own.
fn member(own_bollard: bool) -> String {
    let (head, bollard) = if own_bollard {
        ("", "person bollard \"Alan Bollard\" {\n  org @apec\n}\n\n")
    } else {
        ("use \"shared/apec.rel\"\n\n", "")
    };
    let apec = if own_bollard {
        "org apec \"APEC\" {\n  url <https://www.apec.org>\n}\n\n"
    } else {
        ""
    };
    format!(
        "{head}release {{\n  headline \"Officials meet\"\n  dateline @hanoi 2017-02-21\n  issuer @apec\n}}\n\n{apec}{bollard}place hanoi \"Ha Noi\" {{\n  country \"Viet Nam\"\n}}\n\nbody {{\n  Words of @bollard.\n\n  quote @bollard said {{\n    We are ready,\n  }}\n}}\n\ncontacts \"Media:\" {{\n  contact press \"Media desk\" {{\n    role media\n    org @apec\n    phone \"+65 9137 3886\"\n  }}\n}}\n"
    )
}

fn workspace() -> Memory {
    let shared = "org apec \"Asia-Pacific Economic Cooperation\" {\n  short \"APEC\"\n  url <https://www.apec.org>\n}\n\nperson bollard \"Dr Alan Bollard\" {\n  title \"Executive Director\"\n  org @apec\n}\n";
    Memory(
        [
            ("/ws/shared/apec.rel", shared.to_string()),
            ("/ws/a.rel", member(false)),
            ("/ws/b.rel", member(false)),
            ("/ws/own.rel", member(true)),
        ]
        .into_iter()
        .map(|(p, t)| (p.into(), t))
        .collect(),
    )
}

/// Which files a list of ranges falls in, and how many in each.
fn by_file(ranges: &[ide::workspace::FileRange]) -> Vec<(String, usize)> {
    let mut out: std::collections::BTreeMap<String, usize> = Default::default();
    for r in ranges {
        *out.entry(r.path.display().to_string()).or_default() += 1;
    }
    out.into_iter().collect()
}

#[test]
fn references_and_rename_reach_every_release_that_sees_the_declaration() {
    let ws = workspace();
    let a = ide::workspace::Workspace::compile(&ws, Path::new("/ws/a.rel"), member(false))
        .expect("compiles");
    assert!(
        a.compiled.diagnostics.is_empty(),
        "{:?}",
        a.compiled.diagnostics
    );
    let pos = member(false).find("@bollard.").expect("a reference") + 1;

    // With the declaration: the shared file's, a's two, b's two; not the
    // release that declares a bollard of its own.
    let all = ide::workspace::references(&ws, &a, pos, true).expect("an id");
    assert_eq!(
        by_file(&all),
        [
            ("/ws/a.rel".to_string(), 2),
            ("/ws/b.rel".to_string(), 2),
            ("/ws/shared/apec.rel".to_string(), 1)
        ]
    );
    // Each place once, the declaration first, on its line.
    let decl = &all[0];
    assert_eq!(decl.path, Path::new("/ws/shared/apec.rel"));
    assert_eq!((decl.start, decl.end), ((5, 7), (5, 14)));
    let without = ide::workspace::references(&ws, &a, pos, false).expect("an id");
    assert_eq!(without.len(), all.len() - 1);
    assert!(!without.contains(decl));

    // A rename edits the same places, by file in path order, each once.
    let edits = ide::workspace::rename_everywhere(&ws, &a, pos, "alan-bollard").expect("renames");
    let files: Vec<_> = edits.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(files, ["/ws/a.rel", "/ws/b.rel", "/ws/shared/apec.rel"]);
    let mut flat: Vec<_> = edits.values().flatten().cloned().collect();
    let mut expected = all.clone();
    flat.sort();
    expected.sort();
    assert_eq!(flat, expected);
    // And refuses a name that is not an id, in words.
    let refused = ide::workspace::rename_everywhere(&ws, &a, pos, "Alan Bollard");
    assert!(refused.is_err());

    // From the release with its own bollard, only that release.
    let own = ide::workspace::Workspace::compile(&ws, Path::new("/ws/own.rel"), member(true))
        .expect("compiles");
    let pos = member(true).find("@bollard.").expect("a reference") + 1;
    let mine = ide::workspace::references(&ws, &own, pos, true).expect("an id");
    assert_eq!(by_file(&mine), [("/ws/own.rel".to_string(), 3)]);
}
