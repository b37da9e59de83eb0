//! The grammar does work in proportion to its input, however the input
//! is built. pest counts rule calls and stops a parse that goes over its
//! call limit; capped at 256 calls per byte, any backtracking that grows
//! with the square of a line (as 10,000 `[*` once did: 60 s) stops early
//! and shows up as a syntax error the uncapped parse does not have. A
//! count, not a timing, so it cannot flake.

use std::num::NonZeroUsize;

/// The syntax errors of a release whose body is `pattern` repeated, with
/// the call limit at `calls_per_byte` (or none).
fn syntax_errors(pattern: &str, times: usize, calls_per_byte: Option<usize>) -> usize {
    let src = format!(
        "release {{\n  headline \"x\"\n}}\n\nbody {{\n  {}\n}}\n",
        pattern.repeat(times)
    );
    pest::set_call_limit(calls_per_byte.and_then(|c| NonZeroUsize::new(src.len() * c)));
    let (_, diags) = relc::syntax::parse(&src);
    pest::set_call_limit(None);
    diags
        .iter()
        .filter(|d| d.code == relc::diag::Code::Syntax)
        .count()
}

/// One test, not several: the call limit is global to the process, and
/// tests run in parallel.
#[test]
fn the_parser_does_linear_work_on_hostile_input() {
    // The cap can catch a parse: short lines, where each line break is a
    // few rule calls (a soft break, the look for a block's start), do not
    // fit in 2 calls a byte. A run of prose within a line is one scan, well
    // under a call a byte, however its inline markup is built.
    assert!(syntax_errors("a\n  ", 1_000, Some(2)) > syntax_errors("a\n  ", 1_000, None));

    // The three inputs the pathological corpus found, at the size found,
    // then hostile shapes of every inline construct.
    let found = [("[*", 10_000), ("<", 10_000), ("[a](@", 10_000)];
    let shapes = [
        "[**",
        "*[",
        "**[*",
        "<a",
        "[a](",
        "[a](b",
        "@",
        "[",
        "](",
        "*a",
        "**a*",
        "\\",
        "{",
        "quote @a said {",
        "- ",
        "# ",
    ];
    let cases = found
        .into_iter()
        .chain(shapes.into_iter().map(|p| (p, 4_000)));
    for (pattern, times) in cases {
        assert_eq!(
            syntax_errors(pattern, times, Some(256)),
            syntax_errors(pattern, times, None),
            "`{pattern}` x {times} took more than 256 rule calls a byte"
        );
    }
}
