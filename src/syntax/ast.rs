//! The syntax tree of a `.rel` file: with byte spans, and nothing
//! resolved yet. Names are still names; dates are still text. Its runs of
//! prose share the file's text where they read as written ([`Str`]).

use std::sync::Arc;

use crate::span::{Span, Spanned};

/// A whole source file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct File {
    pub items: Vec<Item>,
    /// Every `//` comment, in source order, for the formatter.
    pub comments: Vec<Spanned<String>>,
    /// Whether syntax errors made the parser skip text. What was skipped
    /// may have held declarations and parts that the checker then must not
    /// call missing.
    pub recovered: bool,
    /// The ids of declarations that were skipped, as far as their first
    /// line tells.
    pub skipped_ids: Vec<String>,
    /// Whether a file it uses could not be read: any id may be declared
    /// there, so none is reported unknown.
    pub missing_uses: bool,
    /// Whether it is a translation whose original could not be read: the
    /// facts of its header are there, so its header is not checked.
    pub missing_original: bool,
}

impl File {
    /// Whether this is a file of shared declarations: declarations and
    /// `use`s, at least one declaration, and nothing else. Releases `use`
    /// such a file; on its own it is checked without a release header, and
    /// its ids are not reported unused, since other files refer to them.
    pub fn is_shared(&self) -> bool {
        self.items.iter().any(|i| matches!(i, Item::Decl(_)))
            && self
                .items
                .iter()
                .all(|i| matches!(i, Item::Decl(_) | Item::Use(_)))
    }

    /// Every declaration of the file, in order: top-level ones and those
    /// written inside a contacts block.
    pub fn decls(&self) -> impl Iterator<Item = &Decl> {
        self.items.iter().flat_map(|item| {
            let inner: Box<dyn Iterator<Item = &Decl>> = match item {
                Item::Decl(d) => Box::new(std::iter::once(d)),
                Item::Contacts(c) => Box::new(c.entries.iter().filter_map(|e| match e {
                    ContactEntry::Decl(d) => Some(d),
                    ContactEntry::Ref(_) => None,
                })),
                _ => Box::new(std::iter::empty()),
            };
            inner
        })
    }
}

/// A top-level item.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// `use "path"`: the declarations of another file.
    Use(Spanned<String>),
    Release(Release),
    Decl(Decl),
    Body(Prose),
    Contacts(Contacts),
    Advisory(Advisory),
    About(About),
    Follow(Prose),
    Notes(Prose),
    /// `disclaimer { ... }`: a disclaimer or forward-looking statement.
    Disclaimer(Prose),
    /// `trademarks { ... }`: trademark notices.
    Trademarks(Prose),
    /// `source @org`: the `Source:` line of wire copy.
    Source(Source),
}

/// `source @org`
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub keyword: Span,
    pub org: Ref,
    pub span: Span,
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Use(u) => u.span,
            Item::Release(r) => r.span,
            Item::Decl(d) => d.span,
            Item::Body(p)
            | Item::Follow(p)
            | Item::Notes(p)
            | Item::Disclaimer(p)
            | Item::Trademarks(p) => p.span,
            Item::Contacts(c) => c.span,
            Item::Advisory(a) => a.span,
            Item::Source(s) => s.span,
            Item::About(a) => a.span,
        }
    }
}

/// `release { ... }`: the header.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    pub keyword: Span,
    pub fields: Vec<Field>,
    pub span: Span,
}

/// The kinds of declaration: the schema's (see [`crate::schema`]).
pub use crate::schema::DeclKind;

/// `person bollard "Dr Alan Bollard" { ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub kind: Spanned<DeclKind>,
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub fields: Vec<Field>,
    pub span: Span,
}

/// `key value, value ...`
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub key: Spanned<String>,
    pub values: Vec<Value>,
    pub span: Span,
}

impl Field {
    /// The field its key names, without the language a text in one
    /// language adds (`title` of `title.fr`), and that language's tag.
    pub fn base(&self) -> (&str, Option<&str>) {
        match self.key.node.split_once('.') {
            Some((base, tag)) => (base, Some(tag)),
            None => (self.key.node.as_str(), None),
        }
    }

    /// Its first value as written, where that is a text or a word.
    pub fn text(&self) -> Option<&str> {
        match self.values.first().map(|v| &v.kind) {
            Some(ValueKind::Str(s) | ValueKind::Word(s)) => Some(s),
            _ => None,
        }
    }
}

impl Release {
    /// The text of a header field as written (`locale fr-FR`, `translates
    /// "x.rel"`), before the fields are typed.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|f| f.key.node == key)?.text()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// `"text"`, with escapes already decoded.
    Str(String),
    /// `<https://example.org>` or `<press@example.org>`.
    Url(String),
    /// `@id` or `@id.field`.
    Ref(Ref),
    /// A date, time or date-time token, still as written.
    Temporal(String),
    /// `start..end`.
    Range(Box<Value>, Box<Value>),
    /// A bare word: `held`, `en-GB`.
    Word(String),
}

impl ValueKind {
    /// What the value is, for messages: "a string", "a date".
    pub fn describe(&self) -> &'static str {
        match self {
            ValueKind::Str(_) => "a string",
            ValueKind::Url(_) => "a URL",
            ValueKind::Ref(_) => "a reference",
            ValueKind::Temporal(t) if t.contains('T') => "a date and time",
            ValueKind::Temporal(t) if t.contains(':') => "a time",
            ValueKind::Temporal(_) => "a date",
            ValueKind::Range(..) => "a range",
            ValueKind::Word(_) => "a word",
        }
    }
}

/// `@id` or `@id.field`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ref {
    pub id: Spanned<String>,
    pub field: Option<Spanned<String>>,
    pub span: Span,
}

/// A block of prose between braces.
#[derive(Clone, Debug, PartialEq)]
pub struct Prose {
    pub keyword: Span,
    pub blocks: Vec<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Para(Para),
    Heading {
        level: u8,
        inlines: Vec<Inline>,
        span: Span,
    },
    /// One list item; the checker groups items into lists by their marker
    /// and indentation.
    ListItem {
        ordered: bool,
        /// The column of the marker, for nesting.
        indent: usize,
        inlines: Vec<Inline>,
        span: Span,
    },
    // Boxed, as the two rare kinds: a quote is 272 bytes, a reference 96,
    // and every block of a body is as large as the largest kind; boxed,
    // 56 (a unit test holds it).
    Quote(Box<Quote>),
    /// `figure @chart`: an image, on a line of its own.
    Figure {
        image: Box<Ref>,
        span: Span,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    pub inlines: Vec<Inline>,
    pub span: Span,
}

/// `quote @speaker verb { ... --- ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub speaker: Ref,
    /// `said`; none where the writer attributes in their own words, or
    /// not at all.
    pub verb: Option<Spanned<String>>,
    /// The attribution style of this quote, over the house's:
    /// `quote @tan continued speaker-first { ... }`.
    pub style: Option<Spanned<String>>,
    /// The quoted paragraphs.
    pub paras: Vec<Para>,
    /// Where the attribution stands: after this many paragraphs, and the
    /// span of the `---` marker. `None` puts it after the last one.
    pub attribution: Option<(usize, Span)>,
    /// The attribution in the writer's own words (`--- he added.`), each
    /// standing after this many paragraphs, in the order written.
    pub words: Vec<(usize, Para)>,
    pub span: Span,
}

impl Quote {
    /// Where the quote's head ends: its verb, or its speaker where it has
    /// none.
    pub fn head(&self) -> Span {
        self.verb.as_ref().map_or(self.speaker.span, |v| v.span)
    }

    /// The parts of the quote in the order written: quoted paragraphs,
    /// the writer's own words, and the `---` marker.
    pub fn parts(&self) -> Vec<QuotePart<'_>> {
        let mut parts: Vec<(usize, QuotePart<'_>)> = self
            .paras
            .iter()
            .map(|p| (p.span.start, QuotePart::Quoted(p)))
            .chain(
                self.words
                    .iter()
                    .map(|(_, p)| (p.span.start, QuotePart::Words(p))),
            )
            .chain(
                self.attribution
                    .map(|(_, s)| (s.start, QuotePart::Marker(s))),
            )
            .collect();
        parts.sort_by_key(|(at, _)| *at);
        parts.into_iter().map(|(_, p)| p).collect()
    }

    /// Every run of prose in the quote, in the order written: the quoted
    /// paragraphs and the writer's own words.
    pub fn prose(&self) -> Vec<&Para> {
        self.parts()
            .into_iter()
            .filter_map(|p| match p {
                QuotePart::Quoted(p) | QuotePart::Words(p) => Some(p),
                QuotePart::Marker(_) => None,
            })
            .collect()
    }
}

/// A part of a quote as written.
#[derive(Clone, Copy, Debug)]
pub enum QuotePart<'a> {
    Quoted(&'a Para),
    /// `--- he added.`
    Words(&'a Para),
    /// `---`, where relc writes the attribution.
    Marker(Span),
}

/// Stands in a text node before a character the writer escaped (`\-`,
/// `\"`): that character is taken literally, never made typographic, and
/// the formatter writes the escape back. A private-use character, which no
/// text of a release means.
pub const LITERAL: char = '\u{E000}';

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// A run of text: the source's own bytes where it reads as written.
    Text(Spanned<Str>),
    /// A line break inside a paragraph; it reads as a space.
    SoftBreak(Span),
    Emph(Vec<Inline>, Span),
    Strong(Vec<Inline>, Span),
    /// `[text](https://...)` or `[text](@id)`.
    Link {
        text: Vec<Inline>,
        // Boxed, as `Ref` below: a reference is 96 bytes, and every inline
        // of a paragraph (each run of text, each line break) is as large
        // as the largest; boxed, 56 (a unit test holds it).
        target: Box<LinkTarget>,
        span: Span,
    },
    /// `<https://...>` or `<name@example.org>`.
    Autolink(Spanned<String>),
    Ref(Box<Ref>),
    /// A markup character that starts nothing.
    Stray(Spanned<char>),
}

/// The references in `inlines`, nested ones too, in the order written.
pub fn refs_in<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Ref>) {
    for i in inlines {
        match i {
            Inline::Ref(r) => out.push(r),
            Inline::Emph(v, _) | Inline::Strong(v, _) => refs_in(v, out),
            Inline::Link { text, target, .. } => {
                refs_in(text, out);
                if let LinkTarget::Ref(r) = &**target {
                    out.push(r);
                }
            }
            _ => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LinkTarget {
    Url(Spanned<String>),
    Ref(Ref),
}

/// `contacts "lead-in" { @a @b contact c "..." { ... } }`
#[derive(Clone, Debug, PartialEq)]
pub struct Contacts {
    pub keyword: Span,
    pub lead_in: Option<Spanned<String>>,
    pub entries: Vec<ContactEntry>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ContactEntry {
    Ref(Ref),
    Decl(Decl),
}

/// `about @org { ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct Advisory {
    pub keyword: Span,
    pub meeting: Ref,
    pub fields: Vec<Field>,
    pub span: Span,
}

/// `about @org { ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct About {
    pub org: Ref,
    pub prose: Prose,
    pub span: Span,
}

/// A file's text, which the texts of its tree share where they read as
/// written (see [`Str`]), and where its positions start.
#[derive(Clone, Debug)]
pub struct FileText {
    text: Arc<str>,
    base: usize,
}

impl FileText {
    pub fn new(text: Arc<str>, base: usize) -> Self {
        FileText { text, base }
    }

    pub fn text(&self) -> &Arc<str> {
        &self.text
    }

    /// Where its positions start.
    pub fn base(&self) -> usize {
        self.base
    }

    /// `node`, written at `span`: the source's own bytes where they are
    /// `node`, else a copy of it (an escape, a line end left out, a
    /// recovered item's mended text).
    pub fn str(&self, span: Span, node: &str) -> Str {
        let shared = span
            .start
            .checked_sub(self.base)
            .zip(span.end.checked_sub(self.base))
            .filter(|&(a, b)| self.text.get(a..b) == Some(node))
            .and_then(|(a, b)| Some((u32::try_from(a).ok()?, u32::try_from(b).ok()?)));
        match shared {
            Some((start, end)) => Str(Repr::Shared {
                source: Arc::clone(&self.text),
                start,
                end,
            }),
            None => Str::from(node),
        }
    }
}

/// A text of the syntax tree. Most runs of prose read as written, and
/// those share the file's text rather than copy it: a megabyte of prose
/// held a copy of most of itself, one allocation per line, while the
/// tree was whole.
#[derive(Clone, Default)]
pub struct Str(Repr);

#[derive(Clone)]
enum Repr {
    Shared {
        source: Arc<str>,
        start: u32,
        end: u32,
    },
    Owned(String),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Owned(String::new())
    }
}

impl Str {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // `FileText::str` made the range from a slice of this text.
            Repr::Shared { source, start, end } => &source[*start as usize..*end as usize],
            Repr::Owned(s) => s,
        }
    }

    /// Adds `more` at the end, as its own copy from then on.
    pub fn push_str(&mut self, more: &str) {
        if let Repr::Owned(s) = &mut self.0 {
            s.push_str(more);
            return;
        }
        let mut s = String::with_capacity(self.len() + more.len());
        s.push_str(self);
        s.push_str(more);
        self.0 = Repr::Owned(s);
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl From<String> for Str {
    fn from(s: String) -> Self {
        Str(Repr::Owned(s))
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Self {
        Str(Repr::Owned(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    /// Every inline of a paragraph is as large as the largest kind; a
    /// megabyte of prose holds tens of thousands of them.
    #[test]
    fn an_inline_stays_small() {
        assert!(std::mem::size_of::<super::Inline>() <= 56);
    }

    /// A text shares the source where it reads as written, and only there.
    #[test]
    fn a_text_shares_the_source_where_it_reads_as_written() {
        use super::{FileText, Repr};
        use crate::span::Span;
        let text: std::sync::Arc<str> = "say \\*hi\\* now".into();
        let source = FileText::new(text, 100);
        let shared = source.str(Span::new(100, 103), "say");
        assert!(matches!(
            shared.0,
            Repr::Shared {
                start: 0,
                end: 3,
                ..
            }
        ));
        assert_eq!(shared, "say");
        // Not what is written there: an escape's character, a span out of
        // the file.
        assert!(matches!(
            source.str(Span::new(104, 106), "*").0,
            Repr::Owned(_)
        ));
        assert!(matches!(
            source.str(Span::new(99, 103), "say").0,
            Repr::Owned(_)
        ));
        assert!(matches!(
            source.str(Span::new(110, 130), "now").0,
            Repr::Owned(_)
        ));
        let mut joined = shared.clone();
        joined.push_str(" *hi*");
        assert_eq!(joined, "say *hi*");
        assert!(matches!(joined.0, Repr::Owned(_)));
        assert_eq!(shared.as_str(), "say");
    }

    /// A paragraph's plain text is shared with the file; the text joined
    /// around an escape is the tree's own, with the escape marked.
    #[test]
    fn a_parsed_paragraph_shares_its_text() {
        use super::{Block, Inline, Item, LITERAL, Repr};
        let src = "body {\n  Plain words\n  and an \\*escape.\n}\n";
        let (file, diags) = crate::syntax::parse(src);
        assert!(diags.is_empty(), "{diags:?}");
        let Some(Item::Body(p)) = file.items.first() else {
            panic!("a body: {file:?}")
        };
        let Some(Block::Para(para)) = p.blocks.first() else {
            panic!("a paragraph: {p:?}")
        };
        let texts: Vec<_> = para
            .inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts[0].node, "Plain words");
        assert!(matches!(texts[0].node.0, Repr::Shared { .. }));
        assert_eq!(texts[1].node, format!("and an {LITERAL}*escape.").as_str());
        assert!(matches!(texts[1].node.0, Repr::Owned(_)));
    }

    /// So is every block of a body, as large as the largest kind.
    #[test]
    fn a_block_stays_small() {
        assert!(std::mem::size_of::<super::Block>() <= 56);
    }
}
