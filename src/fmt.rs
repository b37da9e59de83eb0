//! `relc fmt`: one canonical layout for every `.rel` file.
//!
//! The formatter prints the syntax tree back, with the comments where they
//! stood: each comment goes with the construct it precedes. The layout is
//! documented in `docs/language.md`:
//!
//! - two spaces of indentation per level, one blank line between top-level
//!   items and between prose blocks;
//! - top-level items in the order written; fields in the order of their
//!   kind's schema, one per line;
//! - prose keeps its line breaks, so a diff shows what changed, with each
//!   line re-indented and its trailing space removed.
//!
//! A file with syntax errors is not formatted: the errors come back instead.

use crate::diag::Diagnostic;
use crate::schema::{self as fields, FieldSpec};
use crate::syntax::ast::*;
use crate::syntax::parse;

/// Formats a source text, or returns its syntax errors.
pub fn format(src: &str) -> Result<String, Vec<Diagnostic>> {
    let (file, diags) = parse(src);
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut p = Printer {
        src,
        out: String::with_capacity(src.len() + src.len() / 8),
        comments: &file.comments,
        printed: vec![false; file.comments.len()],
        indent: 0,
    };
    p.file(&file);
    let mut out = p.out;
    // One newline at the end of the file, never a blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    Ok(out)
}

struct Printer<'a> {
    src: &'a str,
    out: String,
    /// Every comment, in source order, and whether it is printed yet.
    comments: &'a [crate::span::Spanned<String>],
    printed: Vec<bool>,
    indent: usize,
}

const STEP: usize = 2;

impl Printer<'_> {
    fn pad(&mut self) {
        for _ in 0..self.indent {
            self.out.push(' ');
        }
    }

    fn line(&mut self, s: &str) {
        self.pad();
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// Prints, on lines of their own, the comments not yet printed that
    /// start before `pos`.
    fn comments_before(&mut self, pos: usize) {
        self.comments_in(0, pos);
    }

    /// Prints the comments not yet printed that start in `from..to`.
    fn comments_in(&mut self, from: usize, to: usize) {
        for i in 0..self.comments.len() {
            let c = &self.comments[i];
            if !self.printed[i] && c.span.start >= from && c.span.start < to {
                self.printed[i] = true;
                let text = c.node.trim_end().to_string();
                let end = c.span.end;
                self.line(&text);
                // A comment set off by a blank line (a file's header, say)
                // stays set off, unless a block closes after it.
                let rest = &self.src[end.min(self.src.len())..];
                let mut lines = rest.split('\n').skip(1);
                let blank_follows = lines.next().is_some_and(|l| l.trim().is_empty())
                    && lines
                        .find(|l| !l.trim().is_empty())
                        .is_some_and(|l| !l.trim_start().starts_with('}'));
                if blank_follows {
                    self.out.push('\n');
                }
            }
        }
    }

    /// Whether a comment not yet printed starts before `pos`.
    fn pending_before(&self, pos: usize) -> bool {
        self.comments
            .iter()
            .zip(&self.printed)
            .any(|(c, done)| !done && c.span.start < pos)
    }

    fn file(&mut self, file: &File) {
        for (i, item) in file.items.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.comments_before(item.span().start);
            self.item(item);
        }
        if !file.items.is_empty() && self.pending_before(usize::MAX) {
            self.out.push('\n');
        }
        self.comments_before(usize::MAX);
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Use(path) => self.line(&format!("use {}", quote(&path.node))),
            Item::Release(r) => {
                self.fields_block("release", fields::RELEASE_FIELDS, &r.fields, r.span.end)
            }
            Item::Decl(d) => self.decl(d),
            Item::Body(p) => self.prose("body", p),
            Item::Follow(p) => self.prose("follow", p),
            Item::Notes(p) => self.prose("notes", p),
            Item::Disclaimer(p) => self.prose("disclaimer", p),
            Item::Trademarks(p) => self.prose("trademarks", p),
            Item::Source(s) => self.line(&format!("source {}", reference(&s.org))),
            Item::Contacts(c) => {
                let mut head = "contacts".to_string();
                if let Some(l) = &c.lead_in {
                    head.push(' ');
                    head.push_str(&quote(&l.node));
                }
                head.push_str(" {");
                self.line(&head);
                self.indent += STEP;
                for e in &c.entries {
                    match e {
                        ContactEntry::Ref(r) => {
                            self.comments_before(r.span.start);
                            self.line(&reference(r));
                        }
                        ContactEntry::Decl(d) => {
                            self.comments_before(d.span.start);
                            self.decl(d);
                        }
                    }
                }
                self.comments_before(c.span.end);
                self.indent -= STEP;
                self.line("}");
            }
            Item::About(a) => {
                let head = format!("about {}", reference(&a.org));
                self.prose(&head, &a.prose);
            }
            Item::Advisory(a) => {
                let head = format!("advisory {}", reference(&a.meeting));
                self.fields_block(&head, crate::schema::ADVISORY_FIELDS, &a.fields, a.span.end)
            }
        }
    }

    fn decl(&mut self, d: &Decl) {
        let mut head = format!("{} {}", d.kind.node.keyword(), d.id.node);
        if let Some(n) = &d.name {
            head.push(' ');
            head.push_str(&quote(&n.node));
        }
        self.fields_block(
            &head,
            fields::decl_fields(d.kind.node),
            &d.fields,
            d.span.end,
        );
    }

    /// `head {`, the fields in schema order, `}`; or `head {}` when empty.
    fn fields_block(&mut self, head: &str, specs: &[FieldSpec], fs: &[Field], end: usize) {
        if fs.is_empty() && !self.pending_before(end) {
            self.line(&format!("{head} {{}}"));
            return;
        }
        self.line(&format!("{head} {{"));
        self.indent += STEP;
        // A field in one language goes after the field in every language,
        // the languages in the order of their tags (`title`, `title.ar`,
        // `title.fr`); a name in one language before every field.
        let rank = |f: &Field| {
            let (base, tag) = f.base();
            let at = if base == crate::schema::LOCALIZED_NAME {
                0
            } else {
                specs
                    .iter()
                    .position(|s| s.name == base)
                    .map_or(specs.len() + 1, |p| p + 1)
            };
            (at, tag.map(str::to_string))
        };
        let mut ordered: Vec<&Field> = fs.iter().collect();
        // A stable sort: repeated fields keep their order.
        ordered.sort_by_key(|f| rank(f));
        for f in ordered {
            // Comments go with the field they were written before; moving a
            // field moves them too.
            self.comments_attached_to(f.span.start, fs);
            self.line(&field(f));
        }
        self.comments_before(end);
        self.indent -= STEP;
        self.line("}");
    }

    /// Prints the comments that stand right before a field (after the
    /// field that precedes it in the source), wherever the field now goes.
    fn comments_attached_to(&mut self, start: usize, fs: &[Field]) {
        let prev_end = fs
            .iter()
            .map(|f| f.span.end)
            .filter(|&e| e <= start)
            .max()
            .unwrap_or(0);
        self.comments_in(prev_end, start);
    }

    fn prose(&mut self, head: &str, p: &Prose) {
        if p.blocks.is_empty() && !self.pending_before(p.span.end) {
            self.line(&format!("{head} {{}}"));
            return;
        }
        self.line(&format!("{head} {{"));
        self.indent += STEP;
        self.blocks(&p.blocks, p.span.end);
        self.indent -= STEP;
        self.line("}");
    }

    fn blocks(&mut self, blocks: &[Block], end: usize) {
        let mut i = 0;
        let mut first = true;
        while i < blocks.len() {
            let start = block_span(&blocks[i]).start;
            if !first {
                self.out.push('\n');
            }
            first = false;
            self.comments_before(start);
            match &blocks[i] {
                Block::Para(p) => self.lines(&p.inlines, ""),
                Block::Heading { level, inlines, .. } => {
                    let marks = "#".repeat(usize::from(*level));
                    self.lines(inlines, &format!("{marks} "));
                }
                Block::ListItem { .. } => {
                    // A run of items is one list: no blank lines inside it.
                    let run_end = blocks[i..]
                        .iter()
                        .position(|b| !matches!(b, Block::ListItem { .. }))
                        .map_or(blocks.len(), |n| i + n);
                    self.list(&blocks[i..run_end]);
                    i = run_end;
                    continue;
                }
                Block::Quote(q) => self.quote(q),
                Block::Figure { image, .. } => self.line(&format!("figure {}", reference(image))),
            }
            i += 1;
        }
        if !blocks.is_empty() && self.pending_before(end) {
            self.out.push('\n');
        }
        self.comments_before(end);
    }

    fn list(&mut self, items: &[Block]) {
        // Nesting as the checker reads it: an item goes one level in for
        // every level, from the outside, whose last item it is indented
        // deeper than. Each level keeps its last item's indent, whether it
        // is numbered, and its count; bullets and numbers that alternate
        // start a new count.
        let mut levels: Vec<(usize, bool, usize)> = Vec::new();
        for b in items {
            let Block::ListItem {
                ordered,
                indent,
                inlines,
                span,
            } = b
            else {
                continue;
            };
            self.comments_before(span.start);
            let depth = levels
                .iter()
                .take_while(|(last, _, _)| indent > last)
                .count();
            let count = match levels.get(depth) {
                Some(&(_, o, n)) if o == *ordered => n + 1,
                _ => 1,
            };
            levels.truncate(depth);
            levels.push((*indent, *ordered, count));
            let n = count;
            let marker = if *ordered {
                format!("{n}. ")
            } else {
                "- ".to_string()
            };
            let saved = self.indent;
            self.indent += depth * STEP;
            self.lines(inlines, &marker);
            self.indent = saved;
        }
    }

    fn quote(&mut self, q: &Quote) {
        let head = match &q.verb {
            Some(verb) => {
                let style = q
                    .style
                    .as_ref()
                    .map_or(String::new(), |s| format!(" {}", s.node));
                format!("quote {} {}{style} {{", reference(&q.speaker), verb.node)
            }
            None => format!("quote {} {{", reference(&q.speaker)),
        };
        self.line(&head);
        self.indent += STEP;
        // The quoted paragraphs, with the marker and the writer's own
        // words where they stand, in the order written.
        let mut after_para = false;
        for part in q.parts() {
            match part {
                QuotePart::Marker(at) => {
                    self.comments_before(at.start);
                    self.line("---");
                    after_para = false;
                }
                QuotePart::Words(p) => {
                    self.comments_before(p.span.start);
                    self.lines(&p.inlines, "--- ");
                    after_para = false;
                }
                QuotePart::Quoted(p) => {
                    if after_para {
                        self.out.push('\n');
                    }
                    self.comments_before(p.span.start);
                    self.lines(&p.inlines, "");
                    after_para = true;
                }
            }
        }
        self.comments_before(q.span.end);
        self.indent -= STEP;
        self.line("}");
    }

    /// Inline content, line by line as written, the first line led by
    /// `lead` and the others indented under it.
    fn lines(&mut self, inlines: &[Inline], lead: &str) {
        let mut lines: Vec<String> = vec![String::new()];
        inline_text(inlines, &mut lines);
        let hang = " ".repeat(lead.chars().count());
        for (i, l) in lines.iter().enumerate() {
            let l = l.trim();
            let text = guard_line_start(l);
            if i == 0 {
                self.line(&format!("{lead}{text}"));
            } else {
                self.line(&format!("{hang}{text}"));
            }
        }
    }
}

fn block_span(b: &Block) -> crate::span::Span {
    match b {
        Block::Para(p) => p.span,
        Block::Heading { span, .. } | Block::ListItem { span, .. } => *span,
        Block::Quote(q) => q.span,
        Block::Figure { span, .. } => *span,
    }
}

/// Inline content as source text; a soft break starts a new line.
fn inline_text(inlines: &[Inline], lines: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Text(t) => push(lines, &escape_text(&t.node)),
            Inline::SoftBreak(_) => lines.push(String::new()),
            Inline::Emph(c, _) => {
                push(lines, "*");
                inline_text(c, lines);
                push(lines, "*");
            }
            Inline::Strong(c, _) => {
                push(lines, "**");
                inline_text(c, lines);
                push(lines, "**");
            }
            Inline::Link { text, target, .. } => {
                push(lines, "[");
                inline_text(text, lines);
                push(lines, "](");
                match &**target {
                    LinkTarget::Url(u) => push(lines, &u.node),
                    LinkTarget::Ref(r) => push(lines, &reference(r)),
                }
                push(lines, ")");
            }
            Inline::Autolink(u) => push(lines, &format!("<{}>", u.node)),
            Inline::Ref(r) => push(lines, &reference(r)),
            Inline::Stray(c) => push(lines, &c.node.to_string()),
        }
    }
}

fn push(lines: &mut [String], s: &str) {
    if let Some(last) = lines.last_mut() {
        last.push_str(s);
    }
}

/// Text as prose writes it: the characters that start markup escaped.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        // What the writer escaped stays escaped.
        if c == crate::syntax::ast::LITERAL {
            if let Some(n) = chars.next() {
                out.push('\\');
                out.push(n);
            }
            continue;
        }
        if matches!(c, '@' | '*' | '[' | ']' | '<' | '\\' | '{' | '}') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of prose that would start a block of its own is escaped.
fn guard_line_start(line: &str) -> String {
    let starts_block = line.starts_with("//")
        || line.starts_with("---")
        || line.starts_with("quote @")
        || line.starts_with("quote\t@")
        || line.starts_with("figure @")
        || line.starts_with("figure\t@")
        || {
            let hashes = line.len() - line.trim_start_matches('#').len();
            (1..=3).contains(&hashes) && line[hashes..].starts_with([' ', '\t'])
        }
        || line.starts_with("- ")
        || line.starts_with("-\t")
        || {
            let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (1..=3).contains(&digits) && line[digits..].starts_with(". ")
        };
    if starts_block {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

fn reference(r: &Ref) -> String {
    match &r.field {
        Some(f) => format!("@{}.{}", r.id.node, f.node),
        None => format!("@{}", r.id.node),
    }
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn value(v: &Value) -> String {
    match &v.kind {
        ValueKind::Str(s) => quote(s),
        ValueKind::Url(u) => format!("<{u}>"),
        ValueKind::Ref(r) => reference(r),
        ValueKind::Temporal(t) => t.clone(),
        ValueKind::Range(a, b) => format!("{}..{}", value(a), value(b)),
        ValueKind::Word(w) => w.clone(),
    }
}

fn field(f: &Field) -> String {
    let mut out = f.key.node.clone();
    let mut prev: Option<&Value> = None;
    for v in &f.values {
        let sep = match (prev.map(|p| &p.kind), &v.kind) {
            (None, _) => " ",
            // A word after a value needs its comma; texts read best with one.
            // So do several references: `issuer @apec, @abac`.
            (Some(_), ValueKind::Word(_))
            | (Some(ValueKind::Str(_)), ValueKind::Str(_))
            | (Some(ValueKind::Ref(_)), ValueKind::Ref(_)) => ", ",
            (Some(_), _) => " ",
        };
        out.push_str(sep);
        out.push_str(&value(v));
        prev = Some(v);
    }
    out
}
