//! Byte spans into a source text.

use serde::Serialize;

/// A half-open byte range `start..end` into the source of one file.
///
/// Spans compare by position, so two diagnostics, labels or syntax nodes
/// are equal only where they stand at the same place. Nothing compares
/// trees across positions: the formatter's tests compare what a file
/// means (its JSON), not its tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<pest::Span<'_>> for Span {
    fn from(s: pest::Span<'_>) -> Self {
        Span::new(s.start(), s.end())
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.len()).into()
    }
}

/// A value together with the place it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

/// The starts of the lines of a text: the one way relc turns byte offsets
/// into lines and columns, for diagnostics (columns in characters) and for
/// the language server (columns in UTF-16 code units, as LSP counts).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many lines the text has (a last line without its `\n` counts).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Where line `line` (from 0) starts, if the text has it.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The line (from 0) a byte offset is on; past the end, the last.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The text before a byte offset on its line, from the line's start to
    /// the character boundary at or before the offset.
    fn before(&self, offset: usize) -> &'a str {
        let mut end = offset.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let start = self.starts[self.line_of(end)];
        &self.text[start..end]
    }

    /// The line and column of a byte offset, both from 1, the column in
    /// characters: "Việt Nam" does not shift what follows.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        (
            self.line_of(offset) + 1,
            self.before(offset).chars().count() + 1,
        )
    }

    /// The line (from 0) and column (from 0, in UTF-16 code units) of a
    /// byte offset. An offset inside a character counts from its start.
    pub fn utf16_position(&self, offset: usize) -> (usize, usize) {
        let col = self.before(offset).chars().map(char::len_utf16).sum();
        (self.line_of(offset), col)
    }

    /// The byte offset of a line (from 0) and a column in UTF-16 code
    /// units. A column past the end of its line is the end of the line
    /// (before its `\r\n` or `\n`); a line past the end of the text is the
    /// end of the text; a column inside a surrogate pair is the start of
    /// that character.
    pub fn utf16_offset(&self, line: usize, character: usize) -> usize {
        let Some(start) = self.line_start(line) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let body = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let body = body.strip_suffix('\r').unwrap_or(body);
        let mut units = 0usize;
        for (i, c) in body.char_indices() {
            let next = units + c.len_utf16();
            if next > character {
                return start + i;
            }
            units = next;
        }
        start + body.len()
    }
}
