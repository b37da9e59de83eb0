//! No input, however long its lines or however many its mistakes, makes
//! `relc check` print more than a bounded report: a few kilobytes where it
//! once printed 400 MB for 20 KB of `[*`, or a whole 60,000-character line
//! for one error on it (and panicked past column 65,536). What each of
//! these costs in time and memory at 1 MB is measured, not asserted here:
//! see docs/limits.md.

mod common;

use std::io::Write;

const HEAD: &str = "release {\n  headline \"x\"\n  dateline @p 2024-01-01\n  issuer @o\n}\norg o \"O\" {}\nplace p \"P\" {}\ncontacts \"M:\" { contact c \"C\" { role media phone \"+65 9137 3886\" } }\n";

/// The hostile inputs, each about `size` bytes.
fn inputs(size: usize) -> Vec<(&'static str, String)> {
    let body = |inner: String| format!("{HEAD}body {{\n  {inner}\n}}\n");
    vec![
        (
            "a long line with an error at its end",
            body(format!("{}@nobody here.", "word ".repeat(size / 5))),
        ),
        ("brackets and stars", body("[*".repeat(size / 2))),
        ("open braces", body("{".repeat(size))),
        (
            "unknown ids",
            format!(
                "{HEAD}body {{\n{}}}\n",
                (0..size / 14)
                    .map(|i| format!("  @x{i} met.\n"))
                    .collect::<String>()
            ),
        ),
        (
            "broken declarations",
            format!(
                "{HEAD}{}",
                (0..size / 30)
                    .map(|i| format!("person p{i} \"Name {{ title \"T\"\n"))
                    .collect::<String>()
            ),
        ),
        (
            // Each `}` in the middle of a line was once mended with a parse
            // of the whole body.
            "braces as parentheses on every line",
            format!(
                "{HEAD}body {{\n{}}}\n",
                "  The harbour { the old one } opens.\n".repeat(size / 38)
            ),
        ),
        (
            "a long line of control characters",
            body("\u{7}".repeat(size)),
        ),
        (
            // Two characters in turn are no run: each was a diagnostic,
            // a million of them built for a megabyte.
            "control characters in turn",
            body("\u{7}\u{8}".repeat(size / 2)),
        ),
        (
            "a Markdown quotation on every line",
            format!(
                "{HEAD}body {{\n{}\n  @nobody here.\n}}\n",
                "> x\n".repeat(size / 4)
            ),
        ),
        (
            // Each place a missing `"` might go is a parse of the item: the
            // recovery once tried every comma, and took minutes on this.
            "an open string of many commas",
            format!("{HEAD}person p \"Name {}\n", "a, ".repeat(size / 3)),
        ),
        (
            // The look-alike dates were sought at each word to the end of
            // the line.
            "a long line of words in a header",
            format!("release {{\n  {}\"\n}}\n", "word ".repeat(size / 5)),
        ),
    ]
}

#[test]
fn every_report_is_bounded() {
    for (what, src) in inputs(100_000) {
        for format in ["human", "json"] {
            let text = src.clone();
            let out = common::relc_fed(
                &["check", "-", "--color", "never", "--message-format", format],
                move |mut stdin| {
                    let _ = stdin.write_all(text.as_bytes());
                },
                std::time::Duration::from_secs(60),
            );
            assert_eq!(out.status.code(), Some(1), "{what} ({format})");
            let n = out.stderr.len();
            assert!(
                n < 64 * 1024,
                "{what} ({format}): {n} bytes of report for {} bytes of input",
                src.len()
            );
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{what} ({format}): {err}");
        }
    }
}
