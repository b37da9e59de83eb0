//! Characters that have no place in a release, found before parsing.
//!
//! Text pasted from word processors and CMS exports carries control
//! characters (errors: they corrupt wire text and feeds), Unicode
//! bidirectional controls (warnings: they can make text display in an
//! order other than the one it is stored in, the "Trojan Source" trick),
//! and zero-width characters (warnings: a name with one inside looks right
//! and matches nothing).

use crate::diag::{Code, Diagnostic};
use crate::span::Span;

fn name(c: char) -> Option<(Code, &'static str)> {
    Some(match c {
        '\t' | '\n' => return None,
        // One that starts a CRLF line end is never looked up.
        '\r' => (Code::ControlCharacter, LONE_CR),
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => (Code::ControlCharacter, "a control character"),
        '\u{202A}' => (Code::BidiControl, "LEFT-TO-RIGHT EMBEDDING"),
        '\u{202B}' => (Code::BidiControl, "RIGHT-TO-LEFT EMBEDDING"),
        '\u{202C}' => (Code::BidiControl, "POP DIRECTIONAL FORMATTING"),
        '\u{202D}' => (Code::BidiControl, "LEFT-TO-RIGHT OVERRIDE"),
        '\u{202E}' => (Code::BidiControl, "RIGHT-TO-LEFT OVERRIDE"),
        '\u{2066}' => (Code::BidiControl, "LEFT-TO-RIGHT ISOLATE"),
        '\u{2067}' => (Code::BidiControl, "RIGHT-TO-LEFT ISOLATE"),
        '\u{2068}' => (Code::BidiControl, "FIRST STRONG ISOLATE"),
        '\u{2069}' => (Code::BidiControl, "POP DIRECTIONAL ISOLATE"),
        '\u{200E}' => (Code::BidiControl, "LEFT-TO-RIGHT MARK"),
        '\u{200F}' => (Code::BidiControl, "RIGHT-TO-LEFT MARK"),
        '\u{061C}' => (Code::BidiControl, "ARABIC LETTER MARK"),
        '\u{200B}' => (Code::InvisibleCharacter, "ZERO WIDTH SPACE"),
        '\u{2060}' => (Code::InvisibleCharacter, "WORD JOINER"),
        '\u{FEFF}' => (Code::InvisibleCharacter, "ZERO WIDTH NO-BREAK SPACE"),
        _ => return None,
    })
}

/// A carriage return that is not followed by a line feed: an old Mac line
/// end, or one left by a paste. pest's scans of prose and strings go past
/// it (src/syntax/parse.rs, `run_end`), so it is reported here, once.
const LONE_CR: &str = "a carriage return that ends no line";

/// Whether a CRLF line end starts at `at`: a carriage return that is part
/// of a line end, where any other is the lexer's error. The one test of
/// it, for the lexer, the syntax tree, the inline reader and the source a
/// diagnostic shows.
pub(crate) fn crlf_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n')
}

/// Every control, bidi and zero-width character in `src`. A byte-order
/// mark at the very start is accepted. So are the tab, the line feed and a
/// carriage return before a line feed.
pub fn scan(src: &str) -> Vec<Diagnostic> {
    scan_at(src, 0)
}

/// As [`scan`], with spans shifted by `base` (see [`super::parse_at`]).
pub fn scan_at(src: &str, base: usize) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    // Every character `name` knows is ASCII below 0x20 (but the tab and
    // the line feed it lets be) or 0x7F, or starts with one of four UTF-8
    // lead bytes (C2: U+0080-U+00BF; D8: U+061C; E2: U+2000-U+2FFF; EF:
    // U+FEFF). Only those bytes are decoded.
    let interesting = |b: u8| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n'))
            || b == 0x7F
            || matches!(b, 0xC2 | 0xD8 | 0xE2 | 0xEF)
    };
    let bytes = src.as_bytes();
    // The text is passed over 32 bytes at a time, in a test the compiler
    // makes a few vector compares; only a block that holds one of those
    // bytes is looked at a byte at a time.
    const BLOCK: usize = 32;
    let flagged = |block: &[u8]| block.iter().fold(false, |any, &b| any | interesting(b));
    let blocks = bytes.chunks_exact(BLOCK);
    let (tail, whole) = (blocks.remainder(), bytes.len() - blocks.remainder().len());
    let candidates = blocks
        .enumerate()
        // A block of a known length, which the compiler unrolls.
        .filter(|(_, block)| <&[u8; BLOCK]>::try_from(*block).is_ok_and(|b| flagged(b)))
        .map(|(k, _)| k * BLOCK..(k + 1) * BLOCK)
        .chain(flagged(tail).then_some(whole..bytes.len()))
        .flatten();
    let mut next = 0;
    let mut kept: std::collections::HashMap<char, (usize, usize)> = Default::default();
    for i in candidates.filter(|&i| interesting(bytes[i])) {
        if i < next {
            continue;
        }
        let Some(c) = src.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        if (i == 0 && c == '\u{FEFF}') || crlf_at(bytes, i) {
            continue;
        }
        let Some((code, what)) = name(c) else {
            continue;
        };
        // A run of the same character is one finding: a pasted block of
        // them is one slip, and a report per character would be a flood.
        let width = c.len_utf8();
        let mut end = i + width;
        while src[end..].starts_with(c) && !crlf_at(bytes, end) {
            end += width;
        }
        next = end;
        // Past KEPT_REPEATS findings of one character, the last one kept
        // counts the rest, unbuilt: a megabyte of them is not a million
        // diagnostics.
        let seen = kept.entry(c).or_insert((0, 0));
        seen.0 += 1;
        if seen.0 > crate::diag::KEPT_REPEATS {
            if let Some(d) = out.get_mut(seen.1) {
                d.more += 1;
            }
            continue;
        }
        seen.1 = out.len();
        let run = (end - i) / width;
        let times = if run > 1 {
            format!(", {run} in a row")
        } else {
            String::new()
        };
        let span = Span::new(base + i, base + end);
        let codepoint = format!("U+{:04X}", u32::from(c));
        let d = match code {
            Code::ControlCharacter if c == '\r' => Diagnostic::new(
                code,
                span,
                format!("the text holds {what}, {codepoint}{times}"),
            )
            .label("carriage return")
            .help("end the line with a line feed, or remove it; a lone carriage return is an old Mac line end, or one left by a paste"),
            Code::ControlCharacter => Diagnostic::new(
                code,
                span,
                format!("the text holds {what}, {codepoint}{times}"),
            )
            .label("control character")
            .help("remove it; it often comes from pasting out of a word processor or a CMS"),
            Code::BidiControl => Diagnostic::new(
                code,
                span,
                format!("the text holds a bidirectional control, {codepoint} {what}{times}"),
            )
            .label("invisible: changes the order text is shown in")
            .help("remove it unless the text needs it to display right-to-left script; it can make what a reader sees differ from what is published"),
            _ => Diagnostic::new(
                code,
                span,
                format!("the text holds an invisible character, {codepoint} {what}{times}"),
            )
            .label("zero-width character")
            .help("remove it: a name with one inside looks right and matches nothing"),
        };
        out.push(d);
    }
    out.extend(markdown_habits_at(src, base));
    out
}

/// Markdown habits in running text, which `.rel` does not read as
/// Markdown does: a line that starts with `>` (a quotation in Markdown, a
/// `>` in .rel), and a list item indented with tabs (its depth is counted
/// in columns, and a tab is one).
pub fn markdown_habits_at(src: &str, base: usize) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    // As in `scan_at`: past KEPT_REPEATS of one habit, the last one kept
    // counts the rest.
    let mut kept = [(0usize, 0usize); 2];
    let mut push = |out: &mut Vec<Diagnostic>, habit: usize, d: &dyn Fn() -> Diagnostic| {
        let seen = &mut kept[habit];
        seen.0 += 1;
        if seen.0 > crate::diag::KEPT_REPEATS {
            if let Some(last) = out.get_mut(seen.1) {
                last.more += 1;
            }
        } else {
            seen.1 = out.len();
            out.push(d());
        }
    };
    // Each line is looked at from its start only, so the text from there on
    // stands for it: what is tested never runs past the line's end.
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
    for at in starts {
        let line = &src[at..];
        let body = line.trim_start_matches([' ', '\t']);
        let indent = &line[..line.len() - body.len()];
        let start = base + at + indent.len();
        if body.starts_with("> ") || body.starts_with(">\"") || body.starts_with(">“") {
            push(&mut out, 0, &|| {
                Diagnostic::new(Code::MarkdownHabit, Span::new(start, start + 1), "a line that starts with `>`: a quotation in Markdown, and a `>` in .rel")
                    .label("Markdown's quotation mark")
                    .help("a quotation is a quote block that names its speaker by id: `quote @id said { ... }`; for a `>` in the text, write `\\>`")
            });
        }
        // A Markdown list marker: `-`, `*`, `+`, or one to three digits
        // and a full stop, then a space.
        let marker = || {
            let digits = body.bytes().take_while(u8::is_ascii_digit).count();
            body.starts_with("- ")
                || body.starts_with("* ")
                || body.starts_with("+ ")
                || ((1..=3).contains(&digits) && body[digits..].starts_with(". "))
        };
        if indent.contains('\t') && marker() {
            push(&mut out, 1, &|| {
                Diagnostic::new(Code::MarkdownHabit, Span::new(base + at, start), "a list item indented with a tab")
                    .label("a tab")
                    .help("indent list items with spaces, two for each level, as the items around it are: a tab counts as one column, so the item may not be nested where it looks")
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{markdown_habits_at, scan};
    use crate::diag::Code;

    #[test]
    fn a_tab_before_a_list_marker_and_nowhere_else() {
        let found = |line: &str| markdown_habits_at(line, 0).len();
        for marker in [
            "\t- a", "\t* a", "\t+ a", "\t1. a", "\t12. a", "\t123. a", " \t9. a",
        ] {
            assert_eq!(found(marker), 1, "{marker:?}");
        }
        for not in [
            "\t1234. a",
            "\tNote 1. a",
            "\t1.a",
            "\t. a",
            "\ta. b",
            "  1. a",
            "\t-a",
        ] {
            assert_eq!(found(not), 0, "{not:?}");
        }
    }

    #[test]
    fn finds_controls_bidi_and_zero_width() {
        let src = "\u{FEFF}a\u{7}b\u{202E}c\u{200B}d\te\r\n";
        let codes: Vec<(Code, usize)> = scan(src).iter().map(|d| (d.code, d.span.start)).collect();
        assert_eq!(
            codes,
            vec![
                (Code::ControlCharacter, 4),
                (Code::BidiControl, 6),
                (Code::InvisibleCharacter, 10)
            ]
        );
    }

    /// A carriage return is found only where it ends no line: a run of
    /// them stops before one that starts a CRLF.
    #[test]
    fn a_carriage_return_is_found_where_it_ends_no_line() {
        let src = "a\rb\r\nc\r\r\nd\r\r\re\r";
        let found: Vec<(usize, usize)> = scan(src)
            .iter()
            .map(|d| (d.span.start, d.span.end))
            .collect();
        assert_eq!(found, vec![(1, 2), (6, 7), (10, 13), (14, 15)]);
        assert!(scan("a\r\nb\r\n").is_empty());
    }

    #[test]
    fn a_run_of_one_character_is_one_finding() {
        let src = "a\u{7}\u{7}\u{7}b\u{7}c\u{200B}\u{200B}";
        let found: Vec<(usize, usize, String)> = scan(src)
            .iter()
            .map(|d| (d.span.start, d.span.end, d.message.clone()))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (1, 4));
        assert!(found[0].2.ends_with("U+0007, 3 in a row"), "{found:?}");
        assert_eq!((found[1].0, found[1].1), (5, 6));
        assert!(found[1].2.ends_with("U+0007"), "{found:?}");
        assert_eq!((found[2].0, found[2].1), (7, 13));
        assert!(found[2].2.ends_with("2 in a row"), "{found:?}");
    }

    /// The text is passed over a block at a time: a character is found
    /// wherever it stands in its block, in the last short block too, and
    /// one that spans two blocks is found once.
    #[test]
    fn found_at_every_offset() {
        for c in [
            '\r', '\u{7}', '\u{7F}', '\u{85}', '\u{61C}', '\u{202E}', '\u{FEFF}',
        ] {
            for at in 1..70 {
                for len in [at + 1, at + 40, 100] {
                    let mut src = "a".repeat(at);
                    src.push(c);
                    src.push_str(&"b".repeat(len - at));
                    let found: Vec<_> = scan(&src).iter().map(|d| d.span.start).collect();
                    assert_eq!(found, vec![at], "{c:?} at {at} of {}", src.len());
                }
            }
        }
    }
}
