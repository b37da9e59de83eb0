//! The second pass over running text: emphasis, links, references,
//! autolinks, escapes and the markup characters that start nothing.
//!
//! The grammar matches a paragraph, a heading or a list item as one run of
//! text (`prose_run`, `line_run` in `rel.pest`), which pest does as a scan.
//! This module reads the inline structure of that run. It follows the rules
//! `inlines` to `stray` of `rel.pest` exactly, alternative by alternative:
//! those rules stay the definition of the syntax, and a property test
//! (`agrees_with_the_grammar` below) holds this reader to them. Matching
//! prose rule by rule through pest cost about a microsecond a byte on text
//! dense with markup; this reader does the same work without pest's
//! per-rule bookkeeping.

use super::ast::{FileText, Inline, LinkTarget, Ref};
use crate::span::{Span, Spanned};

/// The inlines of a run of text (`inlines` in the grammar), and how many
/// bytes of `text` they cover. `at` turns an offset in `text` into a
/// position in the source, `source` is the file's text, which the text
/// inlines share where they read as written.
pub(super) fn inlines(
    text: &str,
    at: &dyn Fn(usize) -> usize,
    source: &FileText,
) -> (Vec<Inline>, usize) {
    let r = Reader {
        s: text.as_bytes(),
        text,
        at,
        source,
    };
    // About as many inlines as the run will give, so that the vector is
    // not moved as it grows: a text and a line break for each line, and a
    // reference and the text after it for each `@`. `Builder::run` gives
    // back what is not used.
    let lines = memchr::memchr_iter(b'\n', r.s).count();
    let refs = memchr::memchr_iter(b'@', r.s).count();
    let mut out = Vec::with_capacity(2 * (lines + refs) + 1);
    let end = r.sequence(0, &mut out);
    (out, end)
}

/// What an inline may hold, as the grammar's `inline`, `inner` and
/// `inner_in_link` differ.
#[derive(Clone, Copy, PartialEq)]
enum Within {
    /// `inner`: in emphasis outside a link.
    Emphasis,
    /// `inner_in_link`: no link in a link.
    Link,
}

struct Reader<'a> {
    s: &'a [u8],
    text: &'a str,
    at: &'a dyn Fn(usize) -> usize,
    source: &'a FileText,
}

fn is_hs(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The bytes of `text_stop`, at which plain text ends; a carriage return
/// ends it only before a line feed ([`Reader::stops`]).
fn is_stop(b: u8) -> bool {
    STOPS[usize::from(b)]
}

/// [`is_stop`] for every byte, looked up: text is read a byte at a time,
/// and a lookup is cheaper than ten comparisons.
static STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let stops = *b"@*[]<\\{}\n\r";
    let mut i = 0;
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    table
};

impl Reader<'_> {
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new((self.at)(a), (self.at)(b))
    }

    fn get(&self, p: usize) -> Option<u8> {
        self.s.get(p).copied()
    }

    fn starts(&self, p: usize, lit: &[u8]) -> bool {
        self.s.get(p..p + lit.len()) == Some(lit)
    }

    /// `nl`: the length of a line break at `p`, if one is there.
    fn nl(&self, p: usize) -> Option<usize> {
        if self.starts(p, b"\r\n") {
            Some(2)
        } else if self.get(p) == Some(b'\n') {
            Some(1)
        } else {
            None
        }
    }

    fn skip_hs(&self, mut p: usize) -> usize {
        while self.get(p).is_some_and(is_hs) {
            p += 1;
        }
        p
    }

    /// `inlines`: `inline+ ~ (soft_break ~ inline+)*`. Returns the end.
    fn sequence(&self, from: usize, out: &mut Vec<Inline>) -> usize {
        let mut p = self.line(from, out);
        if p == from {
            return from;
        }
        loop {
            let Some(after) = self.soft_break(p) else {
                return p;
            };
            let mark = out.len();
            out.push(Inline::SoftBreak(self.span(p, after)));
            let end = self.line(after, out);
            if end == after {
                out.truncate(mark);
                return p;
            }
            p = end;
        }
    }

    /// `inline+`, pushing each inline; returns where the last one ends.
    fn line(&self, mut p: usize, out: &mut Vec<Inline>) -> usize {
        while let Some(q) = self.inline(p, out) {
            p = q;
        }
        p
    }

    /// `inline`: `text | escape | reference | link | autolink | strong |
    /// emph | stray`.
    fn inline(&self, p: usize, out: &mut Vec<Inline>) -> Option<usize> {
        self.inner_or(p, out, Within::Emphasis, |p, out| {
            self.strong(p, out, Within::Emphasis)
                .or_else(|| self.emph(p, out, Within::Emphasis))
                .or_else(|| self.stray(p, out))
        })
    }

    /// `inner` (`text | escape | reference | link | autolink |
    /// soft_break`) or, in a link, `inner_in_link` (the same without
    /// `link`).
    fn inner(&self, p: usize, out: &mut Vec<Inline>, within: Within) -> Option<usize> {
        self.inner_or(p, out, within, |p, out| {
            let q = self.soft_break(p)?;
            out.push(Inline::SoftBreak(self.span(p, q)));
            Some(q)
        })
    }

    /// `text | escape | reference | link | autolink`, the alternatives
    /// `inline` and `inner` begin with (no `link` in a link), then `rest`.
    fn inner_or(
        &self,
        p: usize,
        out: &mut Vec<Inline>,
        within: Within,
        rest: impl FnOnce(usize, &mut Vec<Inline>) -> Option<usize>,
    ) -> Option<usize> {
        if let Some(q) = self.text(p, out) {
            return Some(q);
        }
        if let Some(q) = self.escape(p, out) {
            return Some(q);
        }
        if let Some((r, q)) = self.reference(p) {
            out.push(Inline::Ref(Box::new(r)));
            return Some(q);
        }
        if within == Within::Emphasis
            && let Some(q) = self.link(p, out)
        {
            return Some(q);
        }
        if let Some(q) = self.autolink(p, out) {
            return Some(q);
        }
        rest(p, out)
    }

    /// Pushes text, joined to text that ends where it starts (the text
    /// around an escape is one piece).
    fn push_text(&self, out: &mut Vec<Inline>, node: &str, a: usize, b: usize) {
        let span = self.span(a, b);
        if let Some(Inline::Text(prev)) = out.last_mut()
            && prev.span.end == span.start
        {
            prev.node.push_str(node);
            prev.span.end = span.end;
            return;
        }
        out.push(Inline::Text(Spanned::new(
            self.source.str(span, node),
            span,
        )));
    }

    /// `text`: one byte that stops nothing, then up to the next stop.
    fn text(&self, p: usize, out: &mut Vec<Inline>) -> Option<usize> {
        if self.stops(p)? {
            return None;
        }
        // One character, whatever its width, then bytes up to a stop:
        // every stop is ASCII, so the end is a character boundary.
        let mut q = p + self.text[p..].chars().next().map_or(1, char::len_utf8);
        loop {
            q += self.s[q..]
                .iter()
                .position(|&b| is_stop(b))
                .unwrap_or(self.s.len() - q);
            if self.stops(q) != Some(false) {
                break;
            }
            q += 1;
        }
        self.push_text(out, &self.text[p..q], p, q);
        Some(q)
    }

    /// Whether plain text stops at `p` (`text_stop`): at a byte of
    /// [`is_stop`], but a carriage return only where it starts a CRLF.
    fn stops(&self, p: usize) -> Option<bool> {
        let b = self.get(p)?;
        Some(is_stop(b) && (b != b'\r' || super::lex::crlf_at(self.s, p)))
    }

    /// `escape`: a backslash and the character after it, on the line.
    fn escape(&self, p: usize, out: &mut Vec<Inline>) -> Option<usize> {
        if self.get(p) != Some(b'\\') || self.nl(p + 1).is_some() {
            return None;
        }
        let c = self.text.get(p + 1..)?.chars().next()?;
        let q = p + 1 + c.len_utf8();
        let literal: String = [super::ast::LITERAL, c].into_iter().collect();
        self.push_text(out, &literal, p, q);
        Some(q)
    }

    /// `ident_raw`: a letter, then letters and digits, with `-` and `_`
    /// between them. Returns its end.
    fn ident(&self, p: usize) -> Option<usize> {
        if !self.get(p)?.is_ascii_alphabetic() {
            return None;
        }
        let mut q = p + 1;
        loop {
            let mut r = q;
            while matches!(self.get(r), Some(b'-' | b'_')) {
                r += 1;
            }
            if self.get(r).is_some_and(|b| b.is_ascii_alphanumeric()) {
                q = r + 1;
            } else {
                return Some(q);
            }
        }
    }

    /// `reference`: `@id`, or `@id.field`.
    fn reference(&self, p: usize) -> Option<(Ref, usize)> {
        if self.get(p) != Some(b'@') {
            return None;
        }
        let id_end = self.ident(p + 1)?;
        let id = Spanned::new(
            self.text[p + 1..id_end].to_string(),
            self.span(p + 1, id_end),
        );
        let (field, end) = match self.get(id_end) {
            Some(b'.') => match self.ident(id_end + 1) {
                Some(f) => (
                    Some(Spanned::new(
                        self.text[id_end + 1..f].to_string(),
                        self.span(id_end + 1, f),
                    )),
                    f,
                ),
                None => (None, id_end),
            },
            _ => (None, id_end),
        };
        Some((
            Ref {
                id,
                field,
                span: self.span(p, end),
            },
            end,
        ))
    }

    /// Bytes up to one of `stops`, at least one: `link_target` and
    /// `url_inner`.
    fn until(&self, p: usize, stops: &[u8]) -> Option<usize> {
        let mut q = p;
        while let Some(b) = self.get(q) {
            // A carriage return stops it only where a CRLF starts, as the
            // grammar's `"\r\n"` does.
            if stops.contains(&b) && (b != b'\r' || super::lex::crlf_at(self.s, q)) {
                break;
            }
            q += 1;
        }
        (q > p).then_some(q)
    }

    /// `link`: `[text](target)`, the target a URL or an @id.
    fn link(&self, p: usize, out: &mut Vec<Inline>) -> Option<usize> {
        if self.get(p) != Some(b'[') {
            return None;
        }
        // Most link texts, and most emphasis, hold one run of text: a
        // vector of one, not the four a vector first grows to. The tree
        // keeps it until the check is done, so any room left over is given
        // back when it is pushed.
        let mut text = Vec::with_capacity(1);
        let mut q = p + 1;
        // `link_text`: `(!"]" ~ (text | escape | strong_in_link |
        // emph_in_link | soft_break))+`.
        while self.get(q) != Some(b']') {
            let next = self
                .text(q, &mut text)
                .or_else(|| self.escape(q, &mut text))
                .or_else(|| self.strong(q, &mut text, Within::Link))
                .or_else(|| self.emph(q, &mut text, Within::Link))
                .or_else(|| {
                    let r = self.soft_break(q)?;
                    text.push(Inline::SoftBreak(self.span(q, r)));
                    Some(r)
                });
            match next {
                Some(r) => q = r,
                None => break,
            }
        }
        if q == p + 1 || !self.starts(q, b"](") {
            return None;
        }
        q += 2;
        let (target, end) = match self.reference(q) {
            Some((r, e)) => (LinkTarget::Ref(r), e),
            None => {
                let e = self.until(q, b")[ \t\n\r")?;
                let url = Spanned::new(self.text[q..e].to_string(), self.span(q, e));
                (LinkTarget::Url(url), e)
            }
        };
        if self.get(end) != Some(b')') {
            return None;
        }
        let end = end + 1;
        text.shrink_to_fit();
        out.push(Inline::Link {
            text,
            target: Box::new(target),
            span: self.span(p, end),
        });
        Some(end)
    }

    /// `autolink`: `<https://...>` or `<name@example.org>`.
    fn autolink(&self, p: usize, out: &mut Vec<Inline>) -> Option<usize> {
        if self.get(p) != Some(b'<') {
            return None;
        }
        let e = self.until(p + 1, b"><  \t\n\r")?;
        if self.get(e) != Some(b'>') {
            return None;
        }
        out.push(Inline::Autolink(Spanned::new(
            self.text[p + 1..e].to_string(),
            self.span(p, e + 1),
        )));
        Some(e + 1)
    }

    /// `emph` (or `emph_in_link`): `*`, no space after it, then what
    /// emphasis holds up to the next `*`.
    fn emph(&self, p: usize, out: &mut Vec<Inline>, within: Within) -> Option<usize> {
        if self.get(p) != Some(b'*') || self.get(p + 1).is_some_and(|b| is_hs(b) || b == b'*') {
            return None;
        }
        let mut inner = Vec::with_capacity(1);
        let mut q = p + 1;
        while self.get(q) != Some(b'*') {
            match self.inner(q, &mut inner, within) {
                Some(r) => q = r,
                None => break,
            }
        }
        if q == p + 1 || self.get(q) != Some(b'*') {
            return None;
        }
        inner.shrink_to_fit();
        out.push(Inline::Emph(inner, self.span(p, q + 1)));
        Some(q + 1)
    }

    /// `strong` (or `strong_in_link`): `**`, no space after it, then
    /// emphasis and what it holds, up to the next `**`.
    fn strong(&self, p: usize, out: &mut Vec<Inline>, within: Within) -> Option<usize> {
        if !self.starts(p, b"**") || self.get(p + 2).is_some_and(is_hs) {
            return None;
        }
        let mut inner = Vec::with_capacity(1);
        let mut q = p + 2;
        while !self.starts(q, b"**") {
            let next = self
                .emph(q, &mut inner, within)
                .or_else(|| self.inner(q, &mut inner, within));
            match next {
                Some(r) => q = r,
                None => break,
            }
        }
        if q == p + 2 || !self.starts(q, b"**") {
            return None;
        }
        inner.shrink_to_fit();
        out.push(Inline::Strong(inner, self.span(p, q + 2)));
        Some(q + 2)
    }

    /// `stray`: a markup character that starts nothing.
    fn stray(&self, p: usize, out: &mut Vec<Inline>) -> Option<usize> {
        let c = self.get(p)?;
        if !matches!(c, b'@' | b'*' | b'[' | b']' | b'<' | b'{') {
            return None;
        }
        out.push(Inline::Stray(Spanned::new(
            char::from(c),
            self.span(p, p + 1),
        )));
        Some(p + 1)
    }

    /// `soft_break`: a line break inside a paragraph, with the spaces
    /// after it, where the next line goes on with the paragraph: it is
    /// not blank, does not close the block and starts no block. Text takes
    /// in the spaces before a break, so a break starts at the line's end.
    fn soft_break(&self, p: usize) -> Option<usize> {
        let q = p + self.nl(p)?;
        let q = self.skip_hs(q);
        let ends = q == self.s.len()
            || self.nl(q).is_some()
            || self.get(q) == Some(b'}')
            || self.block_start(q);
        (!ends).then_some(q)
    }

    /// `block_start`: a line that starts a block of its own.
    fn block_start(&self, p: usize) -> bool {
        if self.starts(p, b"//") {
            return true;
        }
        let hashes = self.s[p..]
            .iter()
            .take(3)
            .take_while(|&&b| b == b'#')
            .count();
        if hashes > 0 && self.get(p + hashes).is_some_and(is_hs) {
            return true;
        }
        if self.starts(p, b"-") && self.get(p + 1).is_some_and(is_hs) {
            return true;
        }
        let digits = self.s[p..]
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0
            && self.get(p + digits) == Some(b'.')
            && self.get(p + digits + 1).is_some_and(is_hs)
        {
            return true;
        }
        if self.starts(p, b"quote") && self.get(p + 5).is_some_and(is_hs) {
            let q = self.skip_hs(p + 5);
            if self.get(q) == Some(b'@') {
                return true;
            }
        }
        if self.starts(p, b"---") {
            let q = self.skip_hs(p + 3);
            return self.nl(q).is_some() || self.get(q) == Some(b'}');
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::{Builder, RelParser, Rule, children};
    use super::{FileText, Inline};
    use pest::Parser;
    use proptest::prelude::*;

    /// Text made of the pieces inline markup is made of, in any order.
    fn runs() -> impl Strategy<Value = String> {
        let pieces = vec![
            "*",
            "**",
            "***",
            "[",
            "]",
            "](",
            ")",
            "@ana",
            "@a-b_c.d1",
            "@",
            ".",
            "<",
            ">",
            "<https://e.org>",
            "https://e.org/a",
            "\\",
            "\\*",
            "\\\n",
            "\n",
            "\r\n",
            "\r",
            " ",
            "\t",
            "a",
            "word ",
            "}",
            "{",
            "# ",
            "### ",
            "#### ",
            "- ",
            "1. ",
            "1234. ",
            "quote @",
            "quote x",
            "---",
            "--- ",
            "//",
            "é",
            "中文",
            "\u{a0}",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]

        /// The second pass reads a run as pest reads it with the grammar's
        /// own inline rules: the same tree, the same spans, the same end.
        #[test]
        fn agrees_with_the_grammar(text in runs()) {
            let source = FileText::new(text.as_str().into(), 0);
            let (got, end) = super::inlines(&text, &|p| p, &source);
            let builder = Builder::at(&source, 0);
            match RelParser::parse(Rule::inline_spec, &text) {
                Ok(mut pairs) => {
                    let pair = pairs.next().expect("inline_spec matched");
                    prop_assert_eq!(end, pair.as_span().end());
                    prop_assert_eq!(got, builder.inlines(children(pair)));
                }
                Err(_) => {
                    prop_assert_eq!(end, 0);
                    prop_assert!(got.is_empty());
                }
            }
        }
    }

    /// A few cases that pin down what the grammar means, by name.
    #[test]
    fn reads_markup_as_the_grammar_means_it() {
        let read = |t: &str| format!("{:?}", inlines(t).0);
        // An escape joins the text around it, its character marked as
        // written.
        assert!(read("a\\*b").starts_with("[Text(Spanned { node: \"a\\u{e000}*b\""));
        // A link in emphasis, emphasis in a link, but no link in a link's
        // emphasis: `[*[x](y)*](z)` is not a link with a link in it.
        assert!(read("*[x](y)*").starts_with("[Emph([Link"));
        assert!(!read("[*[x](y)*](z)").starts_with("[Link { text: [Emph([Link"));
        // A `}` ends the run.
        assert_eq!(inlines("ab}cd").1, 2);
        // A line that starts a list item is not a soft break.
        assert_eq!(inlines("ab\n- cd").1, 2);
        assert_eq!(inlines("ab\n  cd").1, 7);
    }

    /// The inlines of `text`, a file of its own.
    fn inlines(text: &str) -> (Vec<Inline>, usize) {
        super::inlines(text, &|p| p, &FileText::new(text.into(), 0))
    }
}
