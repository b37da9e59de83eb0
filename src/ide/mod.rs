//! What an editor asks of a release, answered as pure functions over a
//! compiled [`Project`] and a byte position: where an id is declared, what
//! it renders as, what may be typed here, where it is used, and an outline.
//!
//! Positions are byte offsets in the project's one space of positions; the
//! release being edited is file 0, at base 0. What reaches across the
//! releases of a workspace (every reference to a shared declaration, a
//! rename) is in [`workspace`], and answers with plain ranges of files.
//! Converting to and from the protocol's types is the language server's
//! business (`crate::lsp::adapter`), not this module's.

pub mod workspace;

use std::collections::BTreeMap;

use crate::project::Project;
use crate::schema::{self, FieldSpec, Ty};
use crate::span::Span;
use crate::syntax::ast::{self, Block, ContactEntry, DeclKind, Inline, Item, ValueKind};

/// A declaration, as the editor sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub id: String,
    pub kind: DeclKind,
    /// The name in quotes, if the declaration has one.
    pub name: Option<String>,
    /// The id as written in the declaration.
    pub id_span: Span,
    /// The whole declaration.
    pub span: Span,
}

/// Every declaration of the release and the files it uses, by id. The
/// first declaration of an id wins, as it does for the checker.
pub fn symbols(p: &Project) -> BTreeMap<String, Symbol> {
    let mut out = BTreeMap::new();
    for file in &p.syntax {
        for d in file.decls() {
            out.entry(d.id.node.clone()).or_insert_with(|| Symbol {
                id: d.id.node.clone(),
                kind: d.kind.node,
                name: d.name.as_ref().map(|n| n.node.clone()),
                id_span: d.id.span,
                span: d.span,
            });
        }
    }
    out
}

/// Every `@id` reference in every file, in source order within each file.
pub fn references(p: &Project) -> Vec<&ast::Ref> {
    let mut out = Vec::new();
    for file in &p.syntax {
        for item in &file.items {
            refs_in_item(item, &mut out);
        }
    }
    out
}

fn refs_in_item<'a>(item: &'a Item, out: &mut Vec<&'a ast::Ref>) {
    match item {
        Item::Use(_) => {}
        Item::Release(r) => refs_in_fields(&r.fields, out),
        Item::Decl(d) => refs_in_fields(&d.fields, out),
        Item::Body(pr)
        | Item::Follow(pr)
        | Item::Notes(pr)
        | Item::Disclaimer(pr)
        | Item::Trademarks(pr) => refs_in_blocks(&pr.blocks, out),
        Item::Contacts(c) => {
            for e in &c.entries {
                match e {
                    ContactEntry::Ref(r) => out.push(r),
                    ContactEntry::Decl(d) => refs_in_fields(&d.fields, out),
                }
            }
        }
        Item::About(a) => {
            out.push(&a.org);
            refs_in_blocks(&a.prose.blocks, out);
        }
        Item::Advisory(a) => {
            out.push(&a.meeting);
            refs_in_fields(&a.fields, out);
        }
        Item::Source(s) => out.push(&s.org),
    }
}

fn refs_in_fields<'a>(fields: &'a [ast::Field], out: &mut Vec<&'a ast::Ref>) {
    fn value<'a>(v: &'a ast::Value, out: &mut Vec<&'a ast::Ref>) {
        match &v.kind {
            ValueKind::Ref(r) => out.push(r),
            ValueKind::Range(a, b) => {
                value(a, out);
                value(b, out);
            }
            _ => {}
        }
    }
    for f in fields {
        for v in &f.values {
            value(v, out);
        }
    }
}

fn refs_in_blocks<'a>(blocks: &'a [Block], out: &mut Vec<&'a ast::Ref>) {
    for b in blocks {
        match b {
            Block::Para(p) => refs_in_inlines(&p.inlines, out),
            Block::Heading { inlines, .. } | Block::ListItem { inlines, .. } => {
                refs_in_inlines(inlines, out)
            }
            Block::Quote(q) => {
                out.push(&q.speaker);
                for p in q.prose() {
                    refs_in_inlines(&p.inlines, out);
                }
            }
            Block::Figure { image, .. } => out.push(image),
        }
    }
}

fn refs_in_inlines<'a>(inlines: &'a [Inline], out: &mut Vec<&'a ast::Ref>) {
    ast::refs_in(inlines, out);
}

fn contains(span: Span, pos: usize) -> bool {
    span.start <= pos && pos <= span.end
}

/// The id at a position: on an `@id` or on the id of a declaration.
pub fn id_at(p: &Project, pos: usize) -> Option<(String, Span)> {
    if let Some(r) = references(p).into_iter().find(|r| contains(r.span, pos)) {
        return Some((r.id.node.clone(), r.id.span));
    }
    symbols(p)
        .into_values()
        .find(|s| contains(s.id_span, pos))
        .map(|s| (s.id, s.id_span))
}

/// Where the thing at a position is defined: an `@id`'s declaration, or
/// the start of a used file (as a span of length 0 at that file's base).
pub fn definition(p: &Project, pos: usize) -> Option<Span> {
    for item in &p.syntax[0].items {
        if let Item::Use(u) = item
            && contains(u.span, pos)
        {
            let target = p
                .sources
                .files
                .iter()
                .skip(1)
                .find(|f| f.name.ends_with(u.node.trim_start_matches("./")))?;
            return Some(Span::new(target.base, target.base));
        }
    }
    let (id, _) = id_at(p, pos)?;
    symbols(p).get(&id).map(|s| s.id_span)
}

/// Every place an id is written: its declaration (first) and every `@id`.
pub fn occurrences(p: &Project, id: &str) -> Vec<Span> {
    let mut out: Vec<Span> = symbols(p).get(id).map(|s| s.id_span).into_iter().collect();
    out.extend(
        references(p)
            .into_iter()
            .filter(|r| r.id.node == id)
            .map(|r| r.id.span),
    );
    out
}

/// Hover text, in Markdown: what the id at a position is, and how the
/// release writes it.
pub fn hover(p: &Project, pos: usize) -> Option<(String, Span)> {
    if let Some(found) = date_hover(p, pos) {
        return Some(found);
    }
    let (id, span) = id_at(p, pos)?;
    let sym = symbols(p).get(&id)?.clone();
    let mut text = format!(
        "**{}** `{}`{}",
        sym.kind.keyword(),
        sym.id,
        sym.name
            .as_ref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default()
    );
    if let Some(r) = &p.compiled.release {
        let extra = match sym.kind {
            DeclKind::Person => r.people.iter().find(|x| x.id == id).map(|x| {
                format!(
                    "\n\nFirst mention: {}\n\nLater mentions: {}",
                    x.mentions.first, x.mentions.later
                )
            }),
            DeclKind::Org => r
                .orgs
                .iter()
                .find(|x| x.id == id)
                .map(|x| format!("\n\nWritten as: {}", x.display())),
            DeclKind::Meeting => r
                .meetings
                .iter()
                .find(|x| x.id == id)
                .map(|x| format!("\n\nWhen: {}", x.start_iso())),
            _ => None,
        };
        text.push_str(&extra.unwrap_or_default());
    }
    let (file, local) = p.sources.local(sym.span);
    let src = &p.sources.files[file].src;
    if let Some(decl) = src.get(local.start..local.end) {
        let shown: String = decl.lines().take(12).collect::<Vec<_>>().join("\n");
        text.push_str(&format!("\n\n```rel\n{shown}\n```"));
    }
    Some((text, span))
}

/// The locale the release asks for, even where it has errors; else the
/// default.
fn release_locale(p: &Project) -> crate::locale::Locale {
    p.compiled
        .release
        .as_ref()
        .map(|r| r.locale)
        .or_else(|| {
            p.syntax[0].items.iter().find_map(|i| match i {
                Item::Release(r) => r
                    .text(crate::schema::Field::Locale.name())
                    .and_then(|t| crate::locale::Locale::from_tag(t).ok()),
                _ => None,
            })
        })
        .unwrap_or_default()
}

/// On a date or a date range of the release: the date as the release's
/// locale writes it ("21 February 2017"; "March 2-3, 2017" in en-US).
fn date_hover(p: &Project, pos: usize) -> Option<(String, Span)> {
    let locale = release_locale(p);
    // A date to the day, the month or the year: its first day, its last,
    // and how much of it is known.
    let date = |t: &str| {
        let (precision, full) = crate::model::Precision::of(t);
        let first = full.parse::<jiff::civil::Date>().ok()?;
        Some((first, precision.last(first), precision))
    };
    let mut values: Vec<&ast::Value> = Vec::new();
    for item in &p.syntax[0].items {
        let fs = match item {
            Item::Release(r) => &r.fields,
            Item::Decl(d) => &d.fields,
            _ => continue,
        };
        values.extend(fs.iter().flat_map(|f| f.values.iter()));
    }
    let v = values.into_iter().find(|v| contains(v.span, pos))?;
    let text = match &v.kind {
        ValueKind::Temporal(t) => {
            let (first, last, precision) = date(t)?;
            locale.dates_to(first, last, precision, i16::MIN)
        }
        ValueKind::Range(a, b) => match (&a.kind, &b.kind) {
            (ValueKind::Temporal(x), ValueKind::Temporal(y)) => {
                let ((x, _, precision), (_, y, _)) = (date(x)?, date(y)?);
                locale.dates_to(x, y, precision, x.year().wrapping_sub(1))
            }
            _ => return None,
        },
        _ => return None,
    };
    Some((
        format!("{text} (as the release writes it, {})", locale.tag()),
        v.span,
    ))
}

/// The kinds of declaration a reference on this line should be: people
/// for a quote's speaker; for a field of the header or a declaration, what
/// its schema takes (`org @` wants an org, `dateline @` a place). Empty
/// when any kind will do.
fn expected_kinds(line: &str) -> Vec<DeclKind> {
    let line = line.trim_start();
    if line.starts_with("quote") {
        return vec![DeclKind::Person];
    }
    if line.starts_with("about") {
        return vec![DeclKind::Org];
    }
    let key = line.split_whitespace().next().unwrap_or_default();
    schema::all_specs()
        .filter(|s| s.name == key)
        .find_map(|s| match s.ty {
            Ty::Ref(kinds) => Some(kinds.to_vec()),
            Ty::Dateline => Some(vec![DeclKind::Place]),
            _ => None,
        })
        .unwrap_or_default()
}

/// A completion to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    /// What it is: `person: Dr Alan Bollard`, `field: text in quotes`.
    pub detail: String,
    pub kind: CompletionKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Reference,
    Field,
    Keyword,
}

/// What may be typed at a position of the release (file 0): ids after `@`
/// (the kinds the position takes first), field names inside a header or
/// declaration, and keywords at the top level.
pub fn completions(p: &Project, pos: usize) -> Vec<Completion> {
    let src = &p.sources.files[0].src;
    let pos = pos.min(src.len());
    let before = &src[..pos];
    // After the last character that is not part of a word, whatever its
    // width in bytes (an `é` before the word is two).
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if before[..word_start].ends_with('@') {
        let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        let wants = expected_kinds(line);
        let mut out: Vec<(bool, Completion)> = symbols(p)
            .into_values()
            .map(|s| {
                let preferred = wants.is_empty() || wants.contains(&s.kind);
                (
                    !preferred,
                    Completion {
                        label: s.id,
                        detail: format!(
                            "{}{}",
                            s.kind.keyword(),
                            s.name.map(|n| format!(": {n}")).unwrap_or_default()
                        ),
                        kind: CompletionKind::Reference,
                    },
                )
            })
            .collect();
        out.sort_by(|a, b| (a.0, &a.1.label).cmp(&(b.0, &b.1.label)));
        return out.into_iter().map(|(_, c)| c).collect();
    }
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..word_start];
    if let Some(words) = quote_head(line, &release_locale(p).words()) {
        return words;
    }
    // Inside which item, if any?
    let item = p.syntax[0]
        .items
        .iter()
        .find(|i| i.span().start < pos && pos < i.span().end);
    let specs: Option<&[FieldSpec]> = match item {
        Some(Item::Release(_)) => Some(schema::block_fields(None)),
        Some(Item::Decl(d)) => Some(schema::block_fields(Some(d.kind.node))),
        Some(Item::Advisory(_)) => Some(schema::ADVISORY_FIELDS),
        Some(_) => return Vec::new(),
        None => None,
    };
    match specs {
        Some(specs) => specs
            .iter()
            .map(|s| Completion {
                label: s.name.to_string(),
                detail: s.completion_detail(),
                kind: CompletionKind::Field,
            })
            .collect(),
        None => crate::syntax::keywords::top_level()
            .map(|k| Completion {
                label: k.to_string(),
                detail: "keyword".to_string(),
                kind: CompletionKind::Keyword,
            })
            .collect(),
    }
}

/// In a quote's first line, what may come next: after the speaker, the
/// attribution verbs; after the verb, the attribution styles.
fn quote_head(line: &str, words: &crate::locale::Words) -> Option<Vec<Completion>> {
    use crate::locale::{Gender, Order};
    let rest = line.trim_start().strip_prefix("quote")?;
    let parts: Vec<&str> = rest.split_whitespace().collect();
    if !rest.ends_with(char::is_whitespace) || !parts.first()?.starts_with('@') {
        return None;
    }
    let completions: Vec<Completion> = match parts.len() {
        // Each verb the release's language offers, as it writes it.
        1 => words
            .verbs()
            .into_iter()
            .map(|v| {
                let written = words.attribution(v, "…", Order::VerbFirst, Gender::Other, false);
                Completion {
                    label: v.to_string(),
                    detail: if written == format!("{v} …") {
                        "attribution verb".to_string()
                    } else {
                        format!("attribution verb: {written}")
                    },
                    kind: CompletionKind::Keyword,
                }
            })
            .collect(),
        2 => crate::model::AttributionStyle::WORDS
            .iter()
            .map(|w| Completion {
                label: w.to_string(),
                detail: "attribution style of this quote, over the house's".to_string(),
                kind: CompletionKind::Keyword,
            })
            .collect(),
        _ => return None,
    };
    Some(completions)
}

/// An entry of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    pub name: String,
    pub detail: String,
    pub span: Span,
    /// Where the cursor goes: the id, or the keyword.
    pub focus: Span,
    /// What it declares, for a declaration.
    pub kind: Option<DeclKind>,
    pub children: Vec<OutlineEntry>,
}

/// A part of the release that names a declaration: `about @apec`.
fn part_of(keyword: &str, r: &ast::Ref, span: Span) -> OutlineEntry {
    OutlineEntry {
        name: format!("{keyword} @{}", r.id.node),
        detail: String::new(),
        span,
        focus: r.span,
        kind: None,
        children: Vec::new(),
    }
}

/// The outline of the release (file 0): the header, the declarations by
/// kind, and the body with its headings.
pub fn outline(p: &Project) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    let mut by_kind: BTreeMap<DeclKind, Vec<OutlineEntry>> = BTreeMap::new();
    for item in &p.syntax[0].items {
        match item {
            Item::Release(r) => out.push(OutlineEntry {
                name: "release".into(),
                detail: "header".into(),
                span: r.span,
                focus: r.keyword,
                kind: None,
                children: Vec::new(),
            }),
            Item::Decl(d) => by_kind.entry(d.kind.node).or_default().push(decl_entry(d)),
            Item::Body(pr)
            | Item::Follow(pr)
            | Item::Notes(pr)
            | Item::Disclaimer(pr)
            | Item::Trademarks(pr) => {
                let name = match item {
                    Item::Body(_) => "body",
                    Item::Follow(_) => "follow",
                    Item::Disclaimer(_) => "disclaimer",
                    Item::Trademarks(_) => "trademarks",
                    _ => "notes",
                };
                let children = pr
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Heading { inlines, span, .. } => Some(OutlineEntry {
                            name: plain(inlines),
                            detail: "heading".into(),
                            span: *span,
                            focus: *span,
                            kind: None,
                            children: Vec::new(),
                        }),
                        _ => None,
                    })
                    .collect();
                out.push(OutlineEntry {
                    name: name.into(),
                    detail: String::new(),
                    span: pr.span,
                    focus: pr.keyword,
                    kind: None,
                    children,
                });
            }
            Item::Contacts(c) => out.push(OutlineEntry {
                name: "contacts".into(),
                detail: String::new(),
                span: c.span,
                focus: c.keyword,
                kind: None,
                children: c
                    .entries
                    .iter()
                    .filter_map(|e| match e {
                        ContactEntry::Decl(d) => Some(decl_entry(d)),
                        ContactEntry::Ref(_) => None,
                    })
                    .collect(),
            }),
            Item::Advisory(a) => out.push(part_of("advisory", &a.meeting, a.span)),
            Item::Source(s) => out.push(part_of("source", &s.org, s.span)),
            Item::About(a) => out.push(part_of("about", &a.org, a.span)),
            Item::Use(_) => {}
        }
    }
    for (kind, entries) in by_kind {
        let first = entries[0].span;
        let last = entries[entries.len() - 1].span;
        out.push(OutlineEntry {
            name: format!("{} declarations", kind.keyword()),
            detail: format!("{}", entries.len()),
            span: first.join(last),
            focus: entries[0].focus,
            kind: None,
            children: entries,
        });
    }
    out.sort_by_key(|e| e.span.start);
    out
}

fn decl_entry(d: &ast::Decl) -> OutlineEntry {
    OutlineEntry {
        name: d.id.node.clone(),
        detail: d
            .name
            .as_ref()
            .map(|n| format!("{} {}", d.kind.node.keyword(), n.node))
            .unwrap_or_else(|| d.kind.node.keyword().to_string()),
        span: d.span,
        focus: d.id.span,
        kind: Some(d.kind.node),
        children: Vec::new(),
    }
}

fn plain(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.extend(t.node.chars().filter(|c| *c != ast::LITERAL)),
            Inline::SoftBreak(_) => s.push(' '),
            Inline::Emph(v, _) | Inline::Strong(v, _) => s.push_str(&plain(v)),
            Inline::Link { text, .. } => s.push_str(&plain(text)),
            Inline::Autolink(a) => s.push_str(&a.node),
            Inline::Ref(r) => {
                s.push('@');
                s.push_str(&r.id.node);
            }
            Inline::Stray(c) => s.push(c.node),
        }
    }
    s
}

/// Renaming: the id at a position and every span that spells it, or why
/// not. A new name must be a valid id that is not taken.
pub fn rename(p: &Project, pos: usize, new: &str) -> Result<Vec<Span>, String> {
    let (id, _) = id_at(p, pos).ok_or("no id here")?;
    let valid = new.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && new
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !new.ends_with(['-', '_']);
    if !valid {
        return Err(format!(
            "`{new}` is not an id: a letter, then letters, digits, - or _"
        ));
    }
    if new != id && symbols(p).contains_key(new) {
        return Err(format!("`{new}` is declared already"));
    }
    Ok(occurrences(p, &id))
}

/// A change an editor can offer at a place: a title and its edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    /// Spans of the release (file 0) and their new text.
    pub edits: Vec<(Span, String)>,
}

/// The fixes for the diagnostics that touch `range` of the release: a
/// did-you-mean applied, or, for an id with no near miss, a stub
/// declaration of it as a person, a place or an org, put before the body.
pub fn code_actions(p: &Project, range: Span) -> Vec<Action> {
    let mut out = Vec::new();
    let touches = |s: Span| s.start <= range.end && range.start <= s.end;
    for d in &p.compiled.diagnostics {
        if p.sources.file_of(d.span.start) != 0 || !touches(d.span) {
            continue;
        }
        if let Some(fix) = &d.fix {
            out.push(Action {
                title: fix.title.clone(),
                edits: vec![(fix.span, fix.replacement.clone())],
            });
        } else if d.code == crate::diag::Code::UnknownId {
            let src = &p.sources.files[0].src;
            let Some(id) = src.get(d.span.start..d.span.end) else {
                continue;
            };
            let at = p.syntax[0]
                .items
                .iter()
                .find(|i| {
                    matches!(
                        i,
                        Item::Body(_)
                            | Item::Contacts(_)
                            | Item::About(_)
                            | Item::Follow(_)
                            | Item::Notes(_)
                    )
                })
                .map_or(src.len(), |i| i.span().start);
            for kind in [DeclKind::Person, DeclKind::Place, DeclKind::Org] {
                out.push(Action {
                    title: format!("Declare `{id}` as {}", kind.with_article()),
                    edits: vec![(
                        Span::new(at, at),
                        format!("{} {id} \"{id}\" {{\n}}\n\n", kind.keyword()),
                    )],
                });
            }
        }
    }
    out
}

/// The regions an editor may fold: every top-level item and every quote
/// that spans more than one line.
pub fn folds(p: &Project) -> Vec<Span> {
    let src = &p.sources.files[0].src;
    let multiline = |s: &Span| src.get(s.start..s.end).is_some_and(|t| t.contains('\n'));
    let mut out = Vec::new();
    for item in &p.syntax[0].items {
        out.push(item.span());
        if let Item::Body(pr)
        | Item::Follow(pr)
        | Item::Notes(pr)
        | Item::Disclaimer(pr)
        | Item::Trademarks(pr) = item
        {
            for b in &pr.blocks {
                if let Block::Quote(q) = b {
                    out.push(q.span);
                }
            }
        }
    }
    out.retain(multiline);
    out
}

/// What a highlighted token is, for semantic highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenKind {
    /// `release`, `person`, `body`, `quote`, `use`, ...
    Keyword,
    /// The id a declaration declares.
    Declaration,
    /// An `@id`.
    Reference,
    /// A field name.
    Field,
    /// A string, URL or word value.
    Value,
    /// A date, time or range.
    Date,
    Comment,
}

impl TokenKind {
    pub const ALL: [TokenKind; 7] = [
        TokenKind::Keyword,
        TokenKind::Declaration,
        TokenKind::Reference,
        TokenKind::Field,
        TokenKind::Value,
        TokenKind::Date,
        TokenKind::Comment,
    ];
}

/// The tokens of the release (file 0) worth colouring, in source order,
/// none overlapping.
pub fn tokens(p: &Project) -> Vec<(Span, TokenKind)> {
    let file = &p.syntax[0];
    let mut out: Vec<(Span, TokenKind)> = file
        .comments
        .iter()
        .map(|c| (c.span, TokenKind::Comment))
        .collect();
    let keyword_len = |s: Span, word: &str| Span::new(s.start, s.start + word.len());
    fn fields(fs: &[ast::Field], out: &mut Vec<(Span, TokenKind)>) {
        fn value(v: &ast::Value, out: &mut Vec<(Span, TokenKind)>) {
            match &v.kind {
                ValueKind::Ref(r) => out.push((r.span, TokenKind::Reference)),
                ValueKind::Range(a, b) => {
                    value(a, out);
                    value(b, out);
                }
                ValueKind::Temporal(_) => out.push((v.span, TokenKind::Date)),
                _ => out.push((v.span, TokenKind::Value)),
            }
        }
        for f in fs {
            out.push((f.key.span, TokenKind::Field));
            for v in &f.values {
                value(v, out);
            }
        }
    }
    fn decl(d: &ast::Decl, out: &mut Vec<(Span, TokenKind)>) {
        out.push((d.kind.span, TokenKind::Keyword));
        out.push((d.id.span, TokenKind::Declaration));
        if let Some(n) = &d.name {
            out.push((n.span, TokenKind::Value));
        }
        fields(&d.fields, out);
    }
    for item in &file.items {
        match item {
            Item::Use(u) => {
                // The tree keeps the path's span; the keyword is before it.
                let src = &p.sources.files[0].src;
                if let Some(kw) = src.get(..u.span.start).and_then(|b| b.rfind("use")) {
                    out.push((Span::new(kw, kw + 3), TokenKind::Keyword));
                }
                out.push((u.span, TokenKind::Value));
            }
            Item::Release(r) => {
                out.push((r.keyword, TokenKind::Keyword));
                fields(&r.fields, &mut out);
            }
            Item::Decl(d) => decl(d, &mut out),
            Item::Body(pr)
            | Item::Follow(pr)
            | Item::Notes(pr)
            | Item::Disclaimer(pr)
            | Item::Trademarks(pr) => {
                out.push((pr.keyword, TokenKind::Keyword));
            }
            Item::Contacts(c) => {
                out.push((c.keyword, TokenKind::Keyword));
                if let Some(l) = &c.lead_in {
                    out.push((l.span, TokenKind::Value));
                }
                for e in &c.entries {
                    match e {
                        ContactEntry::Ref(r) => out.push((r.span, TokenKind::Reference)),
                        ContactEntry::Decl(d) => decl(d, &mut out),
                    }
                }
            }
            Item::About(a) => {
                out.push((a.prose.keyword, TokenKind::Keyword));
                out.push((a.org.span, TokenKind::Reference));
            }
            Item::Advisory(a) => {
                out.push((a.keyword, TokenKind::Keyword));
                out.push((a.meeting.span, TokenKind::Reference));
                fields(&a.fields, &mut out);
            }
            Item::Source(s) => {
                out.push((s.keyword, TokenKind::Keyword));
                out.push((s.org.span, TokenKind::Reference));
            }
        }
        // References in prose, and quotes' keywords.
        if let Item::Body(pr)
        | Item::Follow(pr)
        | Item::Notes(pr)
        | Item::Disclaimer(pr)
        | Item::Trademarks(pr) = item
        {
            for b in &pr.blocks {
                match b {
                    Block::Quote(q) => {
                        out.push((keyword_len(q.span, "quote"), TokenKind::Keyword));
                        if let Some(verb) = &q.verb {
                            out.push((verb.span, TokenKind::Keyword));
                        }
                    }
                    Block::Figure { span, .. } => {
                        out.push((keyword_len(*span, "figure"), TokenKind::Keyword));
                    }
                    _ => {}
                }
            }
        }
        let mut refs = Vec::new();
        match item {
            Item::Body(pr)
            | Item::Follow(pr)
            | Item::Notes(pr)
            | Item::Disclaimer(pr)
            | Item::Trademarks(pr) => refs_in_blocks(&pr.blocks, &mut refs),
            Item::About(a) => refs_in_blocks(&a.prose.blocks, &mut refs),
            _ => {}
        }
        out.extend(refs.into_iter().map(|r| (r.span, TokenKind::Reference)));
    }
    out.sort_by_key(|(s, _)| (s.start, s.end));
    // Keep the first of any overlapping pair (a comment inside a string
    // cannot happen; a speaker pushed twice can).
    let mut kept: Vec<(Span, TokenKind)> = Vec::with_capacity(out.len());
    for (s, k) in out {
        if kept.last().is_none_or(|(last, _)| last.end <= s.start) && s.start < s.end {
            kept.push((s, k));
        }
    }
    kept
}
