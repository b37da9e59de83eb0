//! The tree-sitter grammar in `grammar/tree-sitter-rel` stays in step with
//! the pest grammar: every example and every UI-suite file that pest
//! accepts parses with tree-sitter too, with no ERROR or MISSING node.
//!
//! The queries agree with relc too: `locals.scm` finds the same
//! declarations and references, at the same places, as relc's own parser.
//! And every input of the tree-sitter corpus and highlight tests is a
//! `.rel` file that pest accepts.
//!
//! It runs the `tree-sitter` CLI (`cargo install tree-sitter-cli`), found
//! on the PATH or through `TREE_SITTER`. Where there is none, the test says
//! so on stderr and passes; CI installs the CLI and sets
//! RELC_REQUIRE_TREE_SITTER=1, so there it cannot be skipped.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The CLI, and the grammar compiled by it once for all the tests here (in
/// parallel, each compiling its own would race on tree-sitter's cache).
struct Cli {
    exe: PathBuf,
    lib: PathBuf,
}

impl Cli {
    /// `tree-sitter SUBCOMMAND` on the compiled grammar, from the grammar's
    /// folder, where tree-sitter.json and the queries are.
    fn command(&self, subcommand: &str) -> Command {
        let mut c = Command::new(&self.exe);
        c.current_dir(Path::new(ROOT).join("grammar/tree-sitter-rel"))
            .arg(subcommand)
            .arg("--lib-path")
            .arg(&self.lib)
            .args(["--lang-name", "rel"]);
        c
    }
}

fn cli() -> Option<&'static Cli> {
    static CLI: OnceLock<Option<Cli>> = OnceLock::new();
    CLI.get_or_init(find_cli).as_ref()
}

fn find_cli() -> Option<Cli> {
    let exe =
        PathBuf::from(std::env::var_os("TREE_SITTER").unwrap_or_else(|| "tree-sitter".into()));
    let found = Command::new(&exe)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        let lib = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tree-sitter-rel.so");
        let built = Command::new(&exe)
            .arg("build")
            .arg("--output")
            .arg(&lib)
            .arg(Path::new(ROOT).join("grammar/tree-sitter-rel"))
            .output()
            .expect("run tree-sitter build");
        assert!(
            built.status.success(),
            "tree-sitter build failed:\n{}",
            String::from_utf8_lossy(&built.stderr)
        );
        return Some(Cli { exe, lib });
    }
    assert!(
        std::env::var_os("RELC_REQUIRE_TREE_SITTER").is_none(),
        "RELC_REQUIRE_TREE_SITTER is set, but there is no tree-sitter CLI"
    );
    eprintln!("tree_sitter: no tree-sitter CLI on the PATH; skipped");
    None
}

fn rel_files(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(common::releases_under(dir));
}

/// Parses `files` with tree-sitter in one run, and returns those whose
/// tree holds an ERROR or MISSING node.
fn rejected_by_tree_sitter(cli: &Cli, files: &[PathBuf]) -> Vec<PathBuf> {
    let list = std::env::temp_dir().join(format!("relc-ts-paths-{}", std::process::id()));
    let paths: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    std::fs::write(&list, paths).expect("write the path list");
    let out = cli
        .command("parse")
        .args(["--quiet", "--json-summary", "--paths"])
        .arg(&list)
        .output()
        .expect("run tree-sitter parse");
    let _ = std::fs::remove_file(&list);
    // Quiet mode still names each failing file on a line of its own before
    // the JSON summary.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json = stdout.find("\n{").map_or(&*stdout, |at| &stdout[at + 1..]);
    let summary: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| {
        panic!(
            "tree-sitter printed no summary ({e}):\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let parsed = summary["parse_summaries"]
        .as_array()
        .expect("parse_summaries");
    assert_eq!(parsed.len(), files.len(), "one summary per file");
    parsed
        .iter()
        .filter(|s| s["successful"] != serde_json::Value::Bool(true))
        .map(|s| PathBuf::from(s["file"].as_str().expect("file")))
        .collect()
}

/// A file of the suite as text; the UI suite's file that is not UTF-8
/// (E0009) with its bytes replaced, as an editor shows it.
fn read(f: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(f).expect("readable file")).into_owned()
}

/// The examples and the UI suite, split into what pest accepts and what
/// it refuses.
fn suite() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut files = Vec::new();
    rel_files(&Path::new(ROOT).join("examples"), &mut files);
    rel_files(&Path::new(ROOT).join("tests/ui"), &mut files);
    files
        .into_iter()
        .partition(|f| relc::syntax::parse(&read(f)).1.is_empty())
}

#[test]
fn tree_sitter_parses_what_pest_accepts() {
    let Some(cli) = cli() else { return };
    let (accepted, refused) = suite();
    // The suite has both kinds; if either were empty, the test would prove
    // nothing.
    assert!(
        accepted.len() >= 30,
        "pest accepted only {}",
        accepted.len()
    );
    assert!(!refused.is_empty(), "the UI suite has syntax errors");

    let disagree = rejected_by_tree_sitter(cli, &accepted);
    assert!(
        disagree.is_empty(),
        "tree-sitter finds errors in files pest accepts:\n{disagree:#?}"
    );

    // The same run does see errors: the files pest refuses for a missing
    // brace or value are refused by tree-sitter as well.
    let broken: Vec<_> = refused
        .into_iter()
        .filter(|f| {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("syntax-missing") || name.starts_with("syntax-unclosed")
        })
        .collect();
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert_eq!(rejected_by_tree_sitter(cli, &broken), broken);
}

/// A place in a file as tree-sitter gives it: row and byte column, both
/// from zero, and the text there.
type Place = (usize, usize, String);

fn place(src: &str, offset: usize, text: &str) -> Place {
    let before = &src[..offset];
    let row = before.matches('\n').count();
    let col = offset - before.rfind('\n').map_or(0, |nl| nl + 1);
    (row, col, text.to_owned())
}

/// What relc's parser finds in `src`: declared ids and referenced ids.
fn relc_locals(src: &str) -> (Vec<Place>, Vec<Place>) {
    let p = relc::project::compile(
        Path::new("file.rel"),
        "file.rel",
        src.to_owned(),
        &relc::project::NoFiles,
        "file",
    );
    let file = &p.syntax[0];
    let defs = file
        .decls()
        .map(|d| place(src, d.id.span.start, &d.id.node))
        .collect();
    let refs = relc::ide::references(&p)
        .into_iter()
        .filter(|r| r.id.span.end <= src.len())
        .map(|r| place(src, r.id.span.start, &r.id.node))
        .collect();
    (defs, refs)
}

/// Runs `queries/locals.scm` over `files` in one run, and returns, per
/// file, the definitions and the references it captured.
fn tree_sitter_locals(cli: &Cli, files: &[PathBuf]) -> BTreeMap<PathBuf, (Vec<Place>, Vec<Place>)> {
    let list = std::env::temp_dir().join(format!("relc-ts-locals-{}", std::process::id()));
    let paths: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    std::fs::write(&list, paths).expect("write the path list");
    let out = cli
        .command("query")
        .args(["queries/locals.scm", "--paths"])
        .arg(&list)
        .output()
        .expect("run tree-sitter query");
    let _ = std::fs::remove_file(&list);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A line naming the file, then one line per capture:
    //     capture: 1 - local.definition, start: (14, 4), end: (14, 12), text: `viet-nam`
    let mut found: BTreeMap<PathBuf, (Vec<Place>, Vec<Place>)> = BTreeMap::new();
    let mut current = None;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if !line.starts_with(' ') {
            current = Some(PathBuf::from(line));
            found.entry(PathBuf::from(line)).or_default();
            continue;
        }
        let Some(capture) = line.trim().strip_prefix("capture: ") else {
            continue;
        };
        let defines = capture.contains("local.definition");
        if !defines && !capture.contains("local.reference") {
            continue;
        }
        let start = capture
            .split_once("start: (")
            .and_then(|(_, rest)| rest.split_once(')'))
            .expect("a start");
        let (row, col) = start.0.split_once(", ").expect("row, column");
        let text = capture
            .split_once("text: `")
            .and_then(|(_, rest)| rest.strip_suffix('`'))
            .expect("a text");
        let place = (
            row.parse().expect("row"),
            col.parse().expect("column"),
            text.to_owned(),
        );
        let entry = found
            .get_mut(current.as_ref().expect("a file first"))
            .expect("known file");
        if defines { &mut entry.0 } else { &mut entry.1 }.push(place);
    }
    found
}

#[test]
fn locals_query_finds_what_relc_finds() {
    let Some(cli) = cli() else { return };
    let (accepted, _) = suite();
    let found = tree_sitter_locals(cli, &accepted);
    assert_eq!(found.len(), accepted.len(), "one answer per file");
    let mut references = 0;
    for file in &accepted {
        let src = read(file);
        let (mut defs, mut refs) = relc_locals(&src);
        let (mut ts_defs, mut ts_refs) = found[file].clone();
        for v in [&mut defs, &mut refs, &mut ts_defs, &mut ts_refs] {
            v.sort();
        }
        assert_eq!(ts_defs, defs, "declarations in {}", file.display());
        assert_eq!(ts_refs, refs, "references in {}", file.display());
        references += refs.len();
    }
    assert!(references > 100, "only {references} references compared");
}

/// The inputs of `test/corpus/*.txt`: the text between a test's header
/// (its name between two rules of `=`) and the `---` rule before its tree.
fn corpus_inputs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if !line.starts_with("====") {
            continue;
        }
        let name = lines.next().expect("a test name").to_owned();
        assert!(
            lines.next().is_some_and(|l| l.starts_with("====")),
            "{name}"
        );
        let mut input = String::new();
        for l in lines.by_ref() {
            if l.starts_with("----") {
                break;
            }
            input.push_str(l);
            input.push('\n');
        }
        out.push((name, input));
    }
    out
}

#[test]
fn tree_sitter_tests_are_written_in_rel() {
    let dir = Path::new(ROOT).join("grammar/tree-sitter-rel/test");
    let mut inputs = Vec::new();
    let mut corpus = Vec::new();
    for entry in std::fs::read_dir(dir.join("corpus")).expect("a corpus") {
        corpus.push(entry.expect("entry").path());
    }
    corpus.sort();
    for path in &corpus {
        let text = std::fs::read_to_string(path).expect("readable corpus");
        inputs.extend(corpus_inputs(&text));
    }
    let mut highlight = Vec::new();
    rel_files(&dir.join("highlight"), &mut highlight);
    for path in highlight {
        let text = std::fs::read_to_string(&path).expect("readable test");
        inputs.push((path.display().to_string(), text));
    }
    assert!(inputs.len() >= 14, "only {} tests", inputs.len());
    for (name, src) in inputs {
        let (_, diags) = relc::syntax::parse(&src);
        assert!(diags.is_empty(), "pest refuses the test {name:?}:\n{src}");
    }
}

/// A small deterministic generator (xorshift), so the mutated inputs are
/// the same on every run and every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// `src` with a few markup characters inserted, runs deleted and pieces
/// copied elsewhere: inputs near the edges of the grammar.
fn mutate(src: &str, rng: &mut Rng) -> String {
    const PIECES: [&str; 24] = [
        "@", "*", "[", "]", "(", ")", "<", ">", "{", "}", "\\", "\n", " ", "#", "- ", "1. ",
        "quote ", "---", "**", "](", "//", "\"", "\u{2019}", "\r\n",
    ];
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(12) {
        let at = rng.below(s.len() + 1);
        match rng.below(10) {
            0..=4 => {
                let piece = PIECES[rng.below(PIECES.len())];
                s.splice(at..at, piece.chars());
            }
            5..=7 => {
                let end = (at + 1 + rng.below(20)).min(s.len());
                s.drain(at.min(end)..end);
            }
            _ => {
                let from = rng.below(s.len() + 1);
                let to = (from + 1 + rng.below(200)).min(s.len());
                let piece: Vec<char> = s[from.min(to)..to].to_vec();
                s.splice(at..at, piece);
            }
        }
    }
    s.into_iter().collect()
}

#[test]
fn tree_sitter_parses_mutated_files_that_pest_accepts() {
    // Beyond the suite: 4,000 files made by mutating it (RELC_TS_MUTATIONS
    // sets another number), of which pest accepts some hundreds. Every one
    // of those must parse here too. Run with 6,000, this found a line that
    // starts like a quote but is not one, and a list marker with nothing
    // after it.
    let Some(cli) = cli() else { return };
    let (accepted, refused) = suite();
    let sources: Vec<String> = accepted.iter().chain(&refused).map(|f| read(f)).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut kept = Vec::new();
    let count: usize = std::env::var("RELC_TS_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    for i in 0..count {
        let src = mutate(&sources[rng.below(sources.len())], &mut rng);
        if relc::syntax::parse(&src).1.is_empty() {
            let path = dir.path().join(format!("m{i:04}.rel"));
            std::fs::write(&path, src).expect("write");
            kept.push(path);
        }
    }
    assert!(kept.len() >= 200, "only {} mutated files parse", kept.len());
    let disagree = rejected_by_tree_sitter(cli, &kept);
    let shown: Vec<String> = disagree
        .iter()
        .take(3)
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();
    assert!(
        disagree.is_empty(),
        "tree-sitter finds errors in {} of {} mutated files pest accepts; the first:\n{shown:#?}",
        disagree.len(),
        kept.len()
    );
}
