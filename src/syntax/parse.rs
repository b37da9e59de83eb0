//! From text to [`ast::File`]: pest does the matching, this module builds
//! the owned tree and turns pest's errors into diagnostics.
//!
//! A syntax error does not end the work. The parser reports it, keeps the
//! complete items before it, and starts again at the next line that opens a
//! top-level item, so one run reports the errors of every item.

use pest::Parser;
use pest::iterators::Pair;

use super::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::span::{Span, Spanned};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rel.pest"]
struct RelParser;

/// Parses a whole file. The tree holds every item that parsed; the
/// diagnostics hold every syntax error.
pub fn parse(src: &str) -> (File, Vec<Diagnostic>) {
    parse_at(src, 0)
}

/// As [`parse`], with every span shifted by `base`: the files of a project
/// share one space of positions, so a span alone says which file it is in.
pub fn parse_at(src: &str, base: usize) -> (File, Vec<Diagnostic>) {
    let mut file = File::default();
    let mut diags = Vec::new();
    let mut start = 0;
    while start <= src.len() {
        match RelParser::parse(Rule::file, &src[start..]) {
            Ok(mut pairs) => {
                if let Some(pair) = pairs.next() {
                    Builder {
                        offset: base + start,
                    }
                    .file(pair, &mut file);
                }
                break;
            }
            Err(err) => {
                let pos = start + error_pos(&err);
                let mut d = syntax_diagnostic(&err, start, src);
                d.span = Span::new(d.span.start + base, d.span.end + base);
                diags.push(d);
                // Keep the complete items before the one that failed: all
                // up to the error's own line when that parses (junk at the
                // top level), else all up to the item the error is in.
                let line = src[..pos].rfind('\n').map_or(0, |i| i + 1);
                for cut in [line, item_start_at_or_before(src, start, pos)] {
                    if cut <= start {
                        continue;
                    }
                    if let Ok(mut pairs) = RelParser::parse(Rule::file, &src[start..cut]) {
                        if let Some(pair) = pairs.next() {
                            Builder {
                                offset: base + start,
                            }
                            .file(pair, &mut file);
                        }
                        break;
                    }
                }
                file.recovered = true;
                let resume = item_start_after(src, pos);
                let skipped_from = item_start_at_or_before(src, start, pos);
                let skipped = &src[skipped_from..resume.unwrap_or(src.len())];
                file.skipped_ids.extend(declared_ids(skipped));
                match resume {
                    Some(next) => start = next,
                    None => break,
                }
            }
        }
    }
    (file, diags)
}

// ---------------------------------------------------------------- recovery

const TOP_KEYWORDS: [&str; 12] = [
    "release", "body", "contacts", "about", "follow", "notes", "org", "person", "place", "meeting",
    "outcome", "contact",
];

/// Whether the line starting at `at` opens a top-level item: a keyword in
/// the first column, followed by what that item takes next.
fn opens_item(line: &str) -> bool {
    TOP_KEYWORDS.iter().any(|kw| {
        line.strip_prefix(kw).is_some_and(|rest| {
            let rest_trim = rest.trim_start();
            rest.starts_with([' ', '\t', '{'])
                && (rest_trim.starts_with('{')
                    || rest_trim.starts_with('@')
                    || rest_trim.starts_with('"')
                    || rest_trim.starts_with(|c: char| c.is_ascii_alphabetic()))
        })
    })
}

/// The ids that lines of skipped text declare: `person bollard ...`.
fn declared_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let kind = words.next()?;
            let id = words.next()?;
            let is_kind = DeclKind::from_keyword(kind).is_some();
            let is_id = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            (is_kind && is_id).then(|| id.to_string())
        })
        .collect()
}

fn line_starts(src: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1))
}

fn item_start_at_or_before(src: &str, from: usize, pos: usize) -> usize {
    line_starts(src)
        .take_while(|&l| l <= pos)
        .filter(|&l| l >= from && opens_item(&src[l..]))
        .last()
        .unwrap_or(from)
}

fn item_start_after(src: &str, pos: usize) -> Option<usize> {
    line_starts(src).find(|&l| l > pos && l < src.len() && opens_item(&src[l..]))
}

// ---------------------------------------------------------------- errors

fn error_pos(err: &pest::error::Error<Rule>) -> usize {
    match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

/// Words a press officer understands for what the grammar wanted.
fn expected_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::release
        | Rule::decl
        | Rule::body
        | Rule::contacts
        | Rule::about
        | Rule::follow
        | Rule::notes
        | Rule::decl_kind
        | Rule::use_file => {
            "a declaration (`org`, `person`, `place`, `meeting`, `outcome`, `contact`) or a part of the release (`release`, `body`, `contacts`, `about`, `follow`, `notes`)"
        }
        Rule::EOI => "the end of the file",
        Rule::key | Rule::field => "a field name",
        Rule::string | Rule::url | Rule::reference | Rule::range | Rule::temporal | Rule::word => {
            "a value: a \"string\", an @id, a date like 2017-03-02, a URL like <https://example.org> or a word"
        }
        Rule::ident => "an id, such as `nha-trang`",
        Rule::ref_field => "a field name after the dot",
        Rule::open => "`{`",
        Rule::close => "`}`",
        Rule::comma => "`,`",
        Rule::verb => "an attribution verb such as `said`",
        Rule::text
        | Rule::escape
        | Rule::link
        | Rule::autolink
        | Rule::emph
        | Rule::strong
        | Rule::emph_in_link
        | Rule::strong_in_link
        | Rule::stray
        | Rule::soft_break
        | Rule::para
        | Rule::heading
        | Rule::list_item
        | Rule::quote
        | Rule::attribution
        | Rule::comment_line
        | Rule::link_text => "text",
        Rule::link_target => "a link target: a URL or an @id",
        Rule::str_inner | Rule::str_escape => "the rest of the string and a closing `\"`",
        Rule::url_inner => "a URL",
        _ => return None,
    })
}

fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {}", rest.join(", "), last),
    }
}

fn found_words(src: &str, pos: usize) -> String {
    match src[pos..].chars().next() {
        None => "the end of the file".to_string(),
        Some('\n') | Some('\r') => "the end of the line".to_string(),
        Some(c) if c.is_whitespace() => "a space".to_string(),
        Some(_) => {
            let token: String = src[pos..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(24)
                .collect();
            format!("`{token}`")
        }
    }
}

/// A short name for what the grammar wanted, for the label under the span.
fn short_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::release
        | Rule::decl
        | Rule::body
        | Rule::contacts
        | Rule::about
        | Rule::follow
        | Rule::notes
        | Rule::decl_kind
        | Rule::use_file => "a declaration or a part of the release",
        Rule::string | Rule::url | Rule::reference | Rule::range | Rule::temporal | Rule::word => {
            "a value"
        }
        Rule::key | Rule::field => "a field name",
        Rule::ident => "an id",
        Rule::open => "`{`",
        Rule::close => "`}`",
        _ => return expected_words(rule),
    })
}

fn syntax_diagnostic(err: &pest::error::Error<Rule>, offset: usize, src: &str) -> Diagnostic {
    let pos = offset + error_pos(err);
    let mut positives: Vec<Rule> = Vec::new();
    if let pest::error::ErrorVariant::ParsingError { positives: p, .. } = &err.variant {
        positives = p.clone();
    }
    // The end of the file is always possible between items; naming it next
    // to what else would fit only adds noise.
    if positives.len() > 1 {
        positives.retain(|r| *r != Rule::EOI);
    }
    let collect = |f: fn(Rule) -> Option<&'static str>| {
        let mut words: Vec<&str> = Vec::new();
        for w in positives.iter().filter_map(|r| f(*r)) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
        words
    };
    let words = collect(expected_words);
    let short = collect(short_words);
    // The span covers the word that stands in the way, or one character.
    let rest = &src[pos..];
    let word_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let end = if word_len > 0 {
        pos + word_len
    } else {
        rest.chars().next().map_or(pos, |c| pos + c.len_utf8())
    };
    let mut span = Span::new(pos, end);
    let found = found_words(src, pos);
    let at_end = src[pos..].trim().is_empty();
    if at_end {
        // Nothing to underline at the end: point at the last word written.
        let last = src.trim_end();
        let start = last.char_indices().next_back().map_or(0, |(i, _)| i);
        span = Span::new(start, last.len());
    }
    let message = if words.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join_words(&words))
    };
    let label = if at_end {
        format!(
            "the file ends here, but {} was expected",
            join_words(&short)
        )
    } else if short.is_empty() {
        "not expected here".to_string()
    } else {
        format!("expected {}", join_words(&short))
    };
    let mut help = syntax_help(&positives, src, pos);
    if word_len > 0
        && positives
            .iter()
            .any(|r| matches!(r, Rule::decl | Rule::release))
        && let Some(kw) = crate::suggest::closest(&rest[..word_len], TOP_KEYWORDS)
    {
        help = format!("did you mean `{kw}`?");
    }
    Diagnostic::new(Code::Syntax, span, message)
        .label(label)
        .help(help)
}

fn syntax_help(positives: &[Rule], src: &str, pos: usize) -> String {
    let next = src[pos..].chars().next();
    if positives.contains(&Rule::close) && next.is_none() {
        return "a block opened with `{` is never closed: add the `}` that ends it".into();
    }
    if positives
        .iter()
        .any(|r| matches!(r, Rule::string | Rule::temporal | Rule::reference))
    {
        return "every field is a name followed by its value, such as `title \"Executive Director\"`, `org @apec` or `dates 2017-03-02..2017-03-03`".into();
    }
    if positives.contains(&Rule::ident) {
        return "a declaration is its kind, an id and its name: `person bollard \"Dr Alan Bollard\" { ... }`; ids start with a letter and hold letters, digits and `-`".into();
    }
    if positives.contains(&Rule::decl) || positives.contains(&Rule::release) {
        return "at the top level a file holds a `release { ... }` header, declarations such as `person bollard \"Dr Alan Bollard\" { ... }`, and the parts `body`, `contacts`, `about`, `follow` and `notes`".into();
    }
    if positives.contains(&Rule::verb) {
        return "a quote names its speaker and a verb: `quote @bollard said { ... }`".into();
    }
    if next == Some('"') {
        return "a string starts and ends with `\"`; write `\\\"` for a quotation mark inside it"
            .into();
    }
    "see docs/language.md for the shape of each construct".into()
}

// ---------------------------------------------------------------- building

struct Builder {
    offset: usize,
}

/// The meaningful children of a pair: comments are taken out.
fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| {
        !matches!(
            p.as_rule(),
            Rule::COMMENT | Rule::open | Rule::close | Rule::comma
        )
    })
}

impl Builder {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.offset + s.start(), self.offset + s.end())
    }

    fn spanned(&self, pair: &Pair<'_, Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_string(), self.span(pair))
    }

    fn file(&self, pair: Pair<'_, Rule>, file: &mut File) {
        self.collect_comments(&pair, file);
        for p in pair.into_inner() {
            let item = match p.as_rule() {
                Rule::use_file => match children(p).next() {
                    Some(s) => Item::Use(self.string(s)),
                    None => continue,
                },
                Rule::release => Item::Release(self.release(p)),
                Rule::decl => Item::Decl(self.decl(p)),
                Rule::body => Item::Body(self.prose_item(p)),
                Rule::follow => Item::Follow(self.prose_item(p)),
                Rule::notes => Item::Notes(self.prose_item(p)),
                Rule::contacts => Item::Contacts(self.contacts(p)),
                Rule::about => Item::About(self.about(p)),
                _ => continue,
            };
            file.items.push(item);
        }
    }

    fn collect_comments(&self, pair: &Pair<'_, Rule>, file: &mut File) {
        for p in pair.clone().into_inner().flatten() {
            if matches!(p.as_rule(), Rule::COMMENT | Rule::comment_line) {
                file.comments.push(self.spanned(&p));
            }
        }
    }

    fn keyword_span(&self, pair: &Pair<'_, Rule>, keyword: &str) -> Span {
        let s = self.span(pair);
        Span::new(s.start, s.start + keyword.len())
    }

    fn release(&self, pair: Pair<'_, Rule>) -> Release {
        let span = self.span(&pair);
        let keyword = self.keyword_span(&pair, "release");
        let fields = children(pair)
            .next()
            .map(|f| self.fields(f))
            .unwrap_or_default();
        Release {
            keyword,
            fields,
            span,
        }
    }

    fn decl(&self, pair: Pair<'_, Rule>) -> Decl {
        let span = self.span(&pair);
        let mut kind = None;
        let mut id = Spanned::new(String::new(), span);
        let mut name = None;
        let mut fields = Vec::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::decl_kind => {
                    kind =
                        DeclKind::from_keyword(p.as_str()).map(|k| Spanned::new(k, self.span(&p)));
                }
                Rule::ident => id = self.spanned(&p),
                Rule::string => name = Some(self.string(p)),
                Rule::fields => fields = self.fields(p),
                _ => {}
            }
        }
        Decl {
            // The grammar admits only the six keywords.
            kind: kind.unwrap_or(Spanned::new(DeclKind::Org, span)),
            id,
            name,
            fields,
            span,
        }
    }

    fn fields(&self, pair: Pair<'_, Rule>) -> Vec<Field> {
        children(pair).map(|f| self.field(f)).collect()
    }

    fn field(&self, pair: Pair<'_, Rule>) -> Field {
        let span = self.span(&pair);
        let mut inner = children(pair);
        let key = inner
            .next()
            .map(|k| self.spanned(&k))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        let values = inner.map(|v| self.value(v)).collect();
        Field { key, values, span }
    }

    fn value(&self, pair: Pair<'_, Rule>) -> Value {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::string => ValueKind::Str(self.string(pair).node),
            Rule::url => ValueKind::Url(url_text(pair)),
            Rule::reference => ValueKind::Ref(self.reference(pair)),
            Rule::range => {
                let mut ends = children(pair).map(|p| self.value(p));
                let start = ends.next();
                let end = ends.next();
                match (start, end) {
                    (Some(s), Some(e)) => ValueKind::Range(Box::new(s), Box::new(e)),
                    _ => ValueKind::Temporal(String::new()),
                }
            }
            Rule::temporal => ValueKind::Temporal(pair.as_str().to_string()),
            _ => ValueKind::Word(pair.as_str().to_string()),
        };
        Value { kind, span }
    }

    fn string(&self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        let raw = pair.as_str();
        let inner = &raw[1..raw.len().saturating_sub(1).max(1)];
        Spanned::new(unescape(inner), span)
    }

    fn reference(&self, pair: Pair<'_, Rule>) -> Ref {
        let span = self.span(&pair);
        let mut id = Spanned::new(String::new(), span);
        let mut field = None;
        for p in children(pair) {
            match p.as_rule() {
                Rule::ident => id = self.spanned(&p),
                Rule::ref_field => field = Some(self.spanned(&p)),
                _ => {}
            }
        }
        Ref { id, field, span }
    }

    fn contacts(&self, pair: Pair<'_, Rule>) -> Contacts {
        let span = self.span(&pair);
        let keyword = self.keyword_span(&pair, "contacts");
        let mut lead_in = None;
        let mut entries = Vec::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::string => lead_in = Some(self.string(p)),
                Rule::reference => entries.push(ContactEntry::Ref(self.reference(p))),
                Rule::decl => entries.push(ContactEntry::Decl(self.decl(p))),
                _ => {}
            }
        }
        Contacts {
            keyword,
            lead_in,
            entries,
            span,
        }
    }

    fn about(&self, pair: Pair<'_, Rule>) -> About {
        let span = self.span(&pair);
        let keyword = self.keyword_span(&pair, "about");
        let mut org = None;
        let mut blocks = Vec::new();
        let mut prose_span = span;
        for p in children(pair) {
            match p.as_rule() {
                Rule::reference => org = Some(self.reference(p)),
                Rule::prose => {
                    prose_span = self.span(&p);
                    blocks = self.blocks(p);
                }
                _ => {}
            }
        }
        About {
            org: org.unwrap_or(Ref {
                id: Spanned::new(String::new(), keyword),
                field: None,
                span: keyword,
            }),
            prose: Prose {
                keyword,
                blocks,
                span: prose_span,
            },
            span,
        }
    }

    /// `body { ... }`, `follow { ... }`, `notes { ... }`.
    fn prose_item(&self, pair: Pair<'_, Rule>) -> Prose {
        let span = self.span(&pair);
        let word_len = pair
            .as_str()
            .find([' ', '\t', '\n', '\r', '{'])
            .unwrap_or(0);
        let keyword = Span::new(span.start, span.start + word_len);
        let blocks = children(pair)
            .find(|p| p.as_rule() == Rule::prose)
            .map(|p| self.blocks(p))
            .unwrap_or_default();
        Prose {
            keyword,
            blocks,
            span,
        }
    }

    fn blocks(&self, pair: Pair<'_, Rule>) -> Vec<Block> {
        children(pair).filter_map(|p| self.block(p)).collect()
    }

    fn block(&self, pair: Pair<'_, Rule>) -> Option<Block> {
        let span = self.span(&pair);
        Some(match pair.as_rule() {
            Rule::para => Block::Para(self.para(pair)),
            Rule::heading => {
                let mut inner = children(pair);
                let level = inner.next().map_or(1, |l| l.as_str().len()) as u8;
                Block::Heading {
                    level,
                    inlines: self.inlines(inner),
                    span,
                }
            }
            Rule::list_item => {
                let indent = self.column(span.start, pair.get_input());
                let mut inner = children(pair);
                let ordered = inner.next().is_some_and(|m| m.as_str() != "-");
                Block::ListItem {
                    ordered,
                    indent,
                    inlines: self.inlines(inner),
                    span,
                }
            }
            Rule::quote => Block::Quote(self.quote(pair)),
            _ => return None,
        })
    }

    /// The column of an absolute offset, counted in characters.
    fn column(&self, abs: usize, input: &str) -> usize {
        let rel = abs - self.offset;
        let line_start = input[..rel].rfind('\n').map_or(0, |i| i + 1);
        input[line_start..rel].chars().count()
    }

    fn para(&self, pair: Pair<'_, Rule>) -> Para {
        let span = self.span(&pair);
        Para {
            inlines: self.inlines(children(pair)),
            span,
        }
    }

    fn quote(&self, pair: Pair<'_, Rule>) -> Quote {
        let span = self.span(&pair);
        let mut speaker = None;
        let mut verb = Spanned::new(String::new(), span);
        let mut paras = Vec::new();
        let mut attribution = None;
        for p in children(pair) {
            match p.as_rule() {
                Rule::reference => speaker = Some(self.reference(p)),
                Rule::verb => verb = self.spanned(&p),
                Rule::para => paras.push(self.para(p)),
                Rule::attribution => {
                    let s = self.span(&p);
                    match attribution {
                        // A second marker is reported by the checker.
                        None => attribution = Some((paras.len(), s)),
                        Some(_) => paras.push(Para {
                            inlines: vec![Inline::Stray(Spanned::new('-', s))],
                            span: s,
                        }),
                    }
                }
                _ => {}
            }
        }
        Quote {
            speaker: speaker.unwrap_or(Ref {
                id: Spanned::new(String::new(), span),
                field: None,
                span,
            }),
            verb,
            paras,
            attribution,
            span,
        }
    }

    fn inlines<'i>(&self, pairs: impl Iterator<Item = Pair<'i, Rule>>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for p in pairs {
            let span = self.span(&p);
            let inline = match p.as_rule() {
                Rule::text => Inline::Text(self.spanned(&p)),
                Rule::escape => {
                    let c: String = p.as_str().chars().skip(1).collect();
                    Inline::Text(Spanned::new(c, span))
                }
                Rule::soft_break => Inline::SoftBreak(span),
                Rule::emph | Rule::emph_in_link => Inline::Emph(self.inlines(children(p)), span),
                Rule::strong | Rule::strong_in_link => {
                    Inline::Strong(self.inlines(children(p)), span)
                }
                Rule::reference => Inline::Ref(self.reference(p)),
                Rule::autolink => Inline::Autolink(Spanned::new(url_text(p), span)),
                Rule::link => {
                    let mut text = Vec::new();
                    let mut target = LinkTarget::Url(Spanned::new(String::new(), span));
                    for c in children(p) {
                        match c.as_rule() {
                            Rule::link_text => text = self.inlines(children(c)),
                            Rule::reference => target = LinkTarget::Ref(self.reference(c)),
                            Rule::link_target => target = LinkTarget::Url(self.spanned(&c)),
                            _ => {}
                        }
                    }
                    Inline::Link { text, target, span }
                }
                Rule::stray => {
                    let c = p.as_str().chars().next().unwrap_or('?');
                    Inline::Stray(Spanned::new(c, span))
                }
                _ => continue,
            };
            // Adjacent pieces of text (around an escape) become one.
            if let (Some(Inline::Text(prev)), Inline::Text(next)) = (out.last_mut(), &inline)
                && prev.span.end == next.span.start
            {
                prev.node.push_str(&next.node);
                prev.span.end = next.span.end;
                continue;
            }
            out.push(inline);
        }
        out
    }
}

fn url_text(pair: Pair<'_, Rule>) -> String {
    let s = pair.as_str();
    s.trim_start_matches('<').trim_end_matches('>').to_string()
}

/// Decodes the escapes of a string: `\"`, `\\`, `\n`, `\t`; any other
/// escaped character stands for itself.
fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}
