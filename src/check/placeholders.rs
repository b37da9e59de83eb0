//! The starting point `relc new` writes, and its placeholders: text that
//! says what goes there ("What happened, in one line", "Your
//! Organisation"). A release that still holds one checks with a warning
//! (W0705), so `relc check` lists what is left to fill in, and
//! `relc build` refuses it, so a template is never published by accident.

use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::ast::{self, Block, Inline, Item, ValueKind};

/// What `relc new` writes (with today's date for 2000-01-01).
pub const NEW_RELEASE: &str = include_str!("new.rel");

/// The texts of [`NEW_RELEASE`] that stand for the writer's own: strings
/// and the first words of its paragraphs.
const PLACEHOLDERS: &[&str] = &[
    "What happened, in one line",
    "Your Organisation",
    "https://www.example.org",
    "Your City",
    "Your Country",
    "Full Name",
    "Ms Name",
    "Title",
    "media@example.org",
    "The first paragraph says who did what",
    "A quotation, without quotation marks",
    "What the organisation is, in a sentence or two",
];

fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    PLACEHOLDERS
        .iter()
        .any(|p| t == *p || (p.len() > 24 && t.starts_with(p)))
}

/// Every placeholder still in a file.
pub fn scan(file: &ast::File) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut flag = |span: Span, text: &str| {
        if let Some(d) = placeholder(span, text) {
            out.push(d);
        }
    };
    let fields = |fs: &[ast::Field], flag: &mut dyn FnMut(Span, &str)| {
        for f in fs {
            for v in &f.values {
                if let ValueKind::Str(s) | ValueKind::Url(s) = &v.kind {
                    flag(v.span, s);
                }
            }
        }
    };
    for item in &file.items {
        match item {
            Item::Release(r) => fields(&r.fields, &mut flag),
            Item::Advisory(a) => fields(&a.fields, &mut flag),
            Item::Source(_) => {}
            Item::Decl(d) => {
                if let Some(n) = &d.name {
                    flag(n.span, &n.node);
                }
                fields(&d.fields, &mut flag);
            }
            Item::Body(p)
            | Item::Follow(p)
            | Item::Notes(p)
            | Item::Disclaimer(p)
            | Item::Trademarks(p) => prose(&p.blocks, &mut flag),
            Item::About(a) => prose(&a.prose.blocks, &mut flag),
            Item::Contacts(c) => {
                for e in &c.entries {
                    if let ast::ContactEntry::Decl(d) = e {
                        fields(&d.fields, &mut flag);
                    }
                }
            }
            Item::Use(_) => {}
        }
    }
    out
}

/// Every placeholder still in a body's blocks, taken out of their file.
pub fn scan_blocks(blocks: &[Block]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    prose(blocks, &mut |span, text| {
        if let Some(d) = placeholder(span, text) {
            out.push(d);
        }
    });
    out
}

/// A W0705 on `text`, where it is a placeholder.
fn placeholder(span: Span, text: &str) -> Option<Diagnostic> {
    is_placeholder(text).then(|| {
        Diagnostic::new(
            Code::Placeholder,
            span,
            format!(
                "\"{}\" is the text `relc new` wrote, and it is still here",
                text.trim().chars().take(40).collect::<String>()
            ),
        )
        .label("a placeholder")
        .help("write the release's own text here; `relc build` refuses a release that still holds a placeholder")
    })
}

fn prose(blocks: &[Block], flag: &mut dyn FnMut(Span, &str)) {
    for b in blocks {
        match b {
            Block::Para(p) => first_text(&p.inlines, flag),
            Block::Quote(q) => {
                for p in q.prose() {
                    first_text(&p.inlines, flag);
                }
            }
            _ => {}
        }
    }
}

fn first_text(inlines: &[Inline], flag: &mut dyn FnMut(Span, &str)) {
    if let Some(Inline::Text(t)) = inlines.first() {
        flag(t.span, &t.node);
    }
}

#[cfg(test)]
mod tests {
    use super::{NEW_RELEASE, PLACEHOLDERS, scan};

    #[test]
    fn every_placeholder_is_in_the_template_and_is_found_there() {
        for p in PLACEHOLDERS {
            assert!(NEW_RELEASE.contains(p), "{p} is not in new.rel");
        }
        let (file, diags) = crate::syntax::parse(NEW_RELEASE);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(scan(&file).len(), PLACEHOLDERS.len());
    }
}
