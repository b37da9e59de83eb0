//! The syntax tree of a `.rel` file: owned, with byte spans, and nothing
//! resolved yet. Names are still names; dates are still text.

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
    Text(Spanned<String>),
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

#[cfg(test)]
mod size {
    /// Every inline of a paragraph is as large as the largest kind; a
    /// megabyte of prose holds tens of thousands of them.
    #[test]
    fn an_inline_stays_small() {
        assert!(std::mem::size_of::<super::Inline>() <= 56);
    }

    /// So is every block of a body, as large as the largest kind.
    #[test]
    fn a_block_stays_small() {
        assert!(std::mem::size_of::<super::Block>() <= 56);
    }
}
