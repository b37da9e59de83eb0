//! Slips a writer makes while editing: deleting one closing `}`, `"`, `]`
//! or `)` from any example is never published (there is an error) and is
//! reported in at most three diagnostics, never a cascade.
//!
//! Every closing character of every example is tried, not a sample: the
//! examples are small, and a count of what was tried is printed.

mod common;

use std::path::Path;

/// Compiles `text` as the example at `path` (so its `use`s are found).
fn compile(path: &Path, text: String) -> relc::project::Project {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("x.rel");
    relc::project::compile(path, name, text, &common::Fs, "release")
}

#[test]
fn deleting_one_closing_character_never_publishes_and_never_cascades() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut tried = 0;
    let mut failures = Vec::new();
    for path in common::releases_in(&dir) {
        let src = std::fs::read_to_string(&path).expect("readable");
        for (i, c) in src.char_indices() {
            if !matches!(c, '}' | '"' | ']' | ')') {
                continue;
            }
            // A `"` inside prose is text, and a `)` may close a parenthesis
            // of the writer's: deleting those changes only the words.
            let line_start = src[..i].rfind('\n').map_or(0, |l| l + 1);
            let line_end = src[i..].find('\n').map_or(src.len(), |e| i + e);
            let line = &src[line_start..line_end];
            let in_prose = !line
                .trim_start()
                .starts_with(|c: char| c.is_ascii_lowercase())
                || line.trim_start().starts_with("quote ");
            if (c == '"' || c == ')') && in_prose && !line.contains("](") {
                continue;
            }
            // So may a `)` inside a quoted string: `"... 12 (2026)."`.
            let in_string = src[line_start..i].matches('"').count() % 2 == 1;
            if c == ')' && in_string {
                continue;
            }
            tried += 1;
            let mut text = src.clone();
            text.remove(i);
            let p = compile(&path, text);
            let errors = p
                .compiled
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .count();
            let n = p.compiled.diagnostics.len();
            if errors == 0 || n > 3 {
                let (line, col) = (src[..i].matches('\n').count() + 1, i - line_start + 1);
                failures.push(format!(
                    "{}:{line}:{col}: deleting `{c}` gives {errors} errors in {n} diagnostics: {:?}",
                    path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
                    p.compiled
                        .diagnostics
                        .iter()
                        .map(|d| format!("{} {}", d.code, d.message))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    eprintln!("tried {tried} deletions");
    assert!(tried > 100, "only {tried} deletions tried");
    assert!(
        failures.is_empty(),
        "{} of {tried} deletions:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
