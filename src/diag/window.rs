//! Long lines, shown in part.
//!
//! A diagnostic shows the lines it points at. A pasted paragraph can be one
//! line of 100,000 characters: shown whole, one diagnostic prints it all,
//! and past column 65,536 miette's renderer panics. So where a line a
//! diagnostic shows is longer than [`MAX_LINE`] bytes, the diagnostic is
//! shown on an excerpt of the file instead: only the lines it needs, each
//! long one cut to a window around what the diagnostic points at, with `…`
//! where text was left out. The excerpt still reports the real line and
//! column of every position, so the location in the header is the one in
//! the file.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::{Diagnostic, Label};
use crate::span::Span;

/// The longest line shown whole, in bytes.
pub const MAX_LINE: usize = 240;

/// How much of a long line is shown on each side of what a diagnostic
/// points at, in bytes.
const MARGIN: usize = 60;

/// The mark where a line was cut.
const CUT: &str = "…";

/// Lines of a file, some cut, standing for the whole file.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    text: String,
    /// The line of the file the excerpt's first line is.
    first_line: usize,
    /// For each line of the excerpt that was cut: its index in the excerpt,
    /// where its shown window starts in the excerpt, and the column (in
    /// characters) of that place in the file.
    cuts: Vec<(usize, usize, usize)>,
}

/// A line's place: where it starts in the file and in the excerpt, and,
/// when it was cut, its window in the file (from, to) and where that
/// window starts in the excerpt.
type Placed = (usize, usize, Option<(usize, usize, usize)>);

/// The excerpt a diagnostic is shown on, with the diagnostic's spans moved
/// into it; None when every line it shows is short enough to show whole.
pub fn excerpt(name: &str, src: &str, d: &Diagnostic) -> Option<(Excerpt, Diagnostic)> {
    let spans: Vec<Span> = std::iter::once(d.span)
        .chain(d.secondary.iter().map(|l| l.span))
        .map(|s| clamp(src, s))
        .collect();
    let index = crate::span::LineIndex::new(src);
    let line_of = |pos: usize| index.line_of(pos);
    let lines: Vec<usize> = (0..index.line_count())
        .filter_map(|l| index.line_start(l))
        .collect();
    let first = spans
        .iter()
        .map(|s| line_of(s.start))
        .min()?
        .saturating_sub(1);
    let last = (spans.iter().map(|s| line_of(s.end)).max()? + 1).min(lines.len() - 1);
    let line_range = |i: usize| {
        let start = lines[i];
        let end = lines.get(i + 1).map_or(src.len(), |&n| n);
        let body_end =
            end - src[start..end].len() + src[start..end].trim_end_matches(['\n', '\r']).len();
        (start, body_end, end)
    };
    if (first..=last).all(|i| {
        let (s, e, _) = line_range(i);
        e - s <= MAX_LINE
    }) {
        return None;
    }

    let mut text = String::new();
    let mut cuts = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    for (n, i) in (first..=last).enumerate() {
        let (start, body_end, end) = line_range(i);
        let at = text.len();
        if body_end - start <= MAX_LINE {
            text.push_str(&src[start..end]);
            placed.push((start, at, None));
            continue;
        }
        // The window: around the spans on this line, or its start.
        let on_line: Vec<&Span> = spans
            .iter()
            .filter(|s| s.start <= body_end && s.end >= start)
            .collect();
        let (lo, hi) = match (
            on_line.iter().map(|s| s.start.max(start)).min(),
            on_line.iter().map(|s| s.end.min(body_end)).max(),
        ) {
            (Some(lo), Some(hi)) => (lo, hi.min(lo + MAX_LINE)),
            _ => (start, start),
        };
        let from = floor(src, lo.saturating_sub(MARGIN).max(start));
        let to = ceil(src, (hi + MARGIN).min(body_end).max(from));
        if from > start {
            text.push_str(CUT);
        }
        let window_at = text.len();
        text.push_str(&src[from..to]);
        if to < body_end {
            text.push_str(CUT);
        }
        text.push_str(&src[body_end..end]);
        cuts.push((n, window_at, src[start..from].chars().count()));
        placed.push((start, at, Some((from, to, window_at))));
    }
    // A position of the file, in the excerpt: a place cut away goes to the
    // nearer end of its line's window.
    let map = |pos: usize| -> usize {
        let k = placed.partition_point(|p| p.0 <= pos).saturating_sub(1);
        let (start, at, window) = placed[k];
        match window {
            None => at + (pos - start),
            Some((from, to, window_at)) => window_at + (pos.clamp(from, to) - from),
        }
    };
    let move_span = |s: Span| {
        let s = clamp(src, s);
        let start = map(s.start);
        Span::new(start, map(s.end).max(start))
    };
    let mut moved = d.clone();
    moved.span = move_span(d.span);
    moved.secondary = d
        .secondary
        .iter()
        .map(|l| Label {
            span: move_span(l.span),
            message: l.message.clone(),
        })
        .collect();
    Some((
        Excerpt {
            name: name.to_string(),
            text,
            first_line: first,
            cuts,
        },
        moved,
    ))
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let line = inner.line();
        // The column in the file: past a cut, the characters left out
        // before the window count too.
        let column = match self.cuts.iter().find(|c| c.0 == line) {
            Some(&(_, window_at, real)) if before == 0 && inner.span().offset() >= window_at => {
                real + self.text[window_at..inner.span().offset()].chars().count()
            }
            _ => inner.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            self.first_line + line,
            column,
            inner.line_count(),
        )))
    }
}

/// A span inside the text, on character boundaries.
fn clamp(src: &str, s: Span) -> Span {
    let start = floor(src, s.start.min(src.len()));
    Span::new(start, ceil(src, s.end.min(src.len()).max(start)))
}

fn floor(src: &str, mut i: usize) -> usize {
    while !src.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(src: &str, mut i: usize) -> usize {
    while !src.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::{MAX_LINE, excerpt};
    use crate::diag::{Code, Diagnostic, Diagnostics, render};
    use crate::span::Span;

    #[test]
    fn a_long_line_is_cut_around_the_span_and_keeps_its_column() {
        let line = format!(
            "{}@nobody{}",
            "word ".repeat(20_000),
            " more".repeat(20_000)
        );
        let src = format!("first line\n{line}\nlast line\n");
        let at = src.find("@nobody").expect("there");
        let d = Diagnostic::new(Code::UnknownId, Span::new(at, at + 7), "unknown")
            .label("here")
            .help("help");
        let out = render(&Diagnostics::new("long.rel", &src, vec![d]), false, 80);
        assert!(out.contains("[long.rel:2:100001]"), "{out}");
        assert!(out.contains("…word word"), "{out}");
        assert!(out.contains("@nobody more"), "{out}");
        assert!(out.len() < 2_000, "{} bytes: {out}", out.len());
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let src = "a short line\n";
        let d = Diagnostic::new(Code::UnknownId, Span::new(2, 7), "m");
        assert!(excerpt("f", src, &d).is_none());
        let long = "x".repeat(MAX_LINE + 1);
        let d = Diagnostic::new(Code::UnknownId, Span::new(2, 7), "m");
        assert!(excerpt("f", &long, &d).is_some());
    }

    #[test]
    fn spans_anywhere_never_panic() {
        let src = format!("{}é{}\n", "a".repeat(70_000), "b".repeat(70_000));
        for start in [0, 69_999, 70_000, 70_001, 70_002, 140_002, 140_003, 500_000] {
            let d = Diagnostic::new(Code::Syntax, Span::new(start, start + 3), "m")
                .also(Span::new(1, 2), "also");
            let out = render(&Diagnostics::new("f", &src, vec![d]), false, 80);
            assert!(out.len() < 4_000, "{start}: {} bytes", out.len());
        }
    }
}
