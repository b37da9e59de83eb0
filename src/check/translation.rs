//! How a translation answers to its original: the same quotes by the same
//! speakers (E0803), the same people, orgs, places and meetings mentioned
//! (W0804), the same figures, read as each language writes numbers
//! (E0805), the same contacts (W0806), and the facts it was translated
//! from (its fingerprint, W0807). These are the slips a translation desk
//! makes. Both files are syntax trees in one space of positions, so a
//! diagnostic points into the translation and shows the original beside.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use crate::diag::{Code, Diagnostic};
use crate::locale::{Lang, Locale};
use crate::schema::{Field, TRANSLATION_OWN};
use crate::span::Span;
use crate::syntax::ast::{self, Block, ContactEntry, Inline, Item, LinkTarget, ValueKind};

/// What a file says, as far as a translation must say it too.
#[derive(Default)]
struct Said<'a> {
    /// Each quote's speaker, in reading order, with where it is named.
    quotes: Vec<(&'a str, Span)>,
    /// The ids the prose refers to, each with its first place.
    mentions: Vec<(&'a str, Span)>,
    /// The figures of the prose, each as a number and as written.
    figures: Vec<(String, String, Span)>,
    /// The contacts listed, each with its place.
    contacts: Vec<(&'a str, Span)>,
    /// Where the prose starts: what a missing part is reported at.
    start: Option<Span>,
}

/// The diagnostics of `translation` against `original`.
pub fn compare(original: &ast::File, translation: &ast::File) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let (theirs, ours) = (locale_of(original), locale_of(translation));
    let was = said(original, theirs);
    let now = said(translation, ours);
    let here = now
        .start
        .or_else(|| header(translation).map(|h| h.keyword))
        .unwrap_or_default();
    quotes(&was, &now, here, &mut out);
    mentions(&was, &now, here, &mut out);
    figures(&was, &now, here, ours, &mut out);
    contacts(&was, &now, here, &mut out);
    fingerprint(original, translation, &mut out);
    out
}

fn header(f: &ast::File) -> Option<&ast::Release> {
    f.items.iter().find_map(|i| match i {
        Item::Release(r) => Some(r),
        _ => None,
    })
}

fn locale_of(f: &ast::File) -> Locale {
    header(f)
        .and_then(|h| h.text(Field::Locale.name()))
        .and_then(|t| Locale::from_tag(t).ok())
        .unwrap_or_default()
}

fn said(f: &ast::File, locale: Locale) -> Said<'_> {
    let mut s = Said::default();
    for item in &f.items {
        let blocks: &[Block] = match item {
            Item::Body(p) | Item::Follow(p) | Item::Notes(p) => &p.blocks,
            Item::Disclaimer(p) | Item::Trademarks(p) => &p.blocks,
            Item::About(a) => &a.prose.blocks,
            Item::Contacts(c) => {
                for e in &c.entries {
                    match e {
                        ContactEntry::Ref(r) => s.contacts.push((&r.id.node, r.span)),
                        ContactEntry::Decl(d) => s.contacts.push((&d.id.node, d.id.span)),
                    }
                }
                continue;
            }
            _ => continue,
        };
        if let (None, Item::Body(p)) = (s.start, item) {
            s.start = Some(p.keyword);
        }
        for b in blocks {
            match b {
                Block::Para(p) => inlines(&p.inlines, locale, &mut s),
                Block::Heading { inlines: i, .. } | Block::ListItem { inlines: i, .. } => {
                    inlines(i, locale, &mut s)
                }
                Block::Quote(q) => {
                    s.quotes.push((&q.speaker.id.node, q.speaker.span));
                    mention(&q.speaker, &mut s);
                    for p in &q.paras {
                        inlines(&p.inlines, locale, &mut s);
                    }
                    for (_, p) in &q.words {
                        inlines(&p.inlines, locale, &mut s);
                    }
                }
                Block::Figure { image, .. } => mention(image, &mut s),
            }
        }
    }
    s
}

fn mention<'a>(r: &'a ast::Ref, s: &mut Said<'a>) {
    if !s.mentions.iter().any(|(id, _)| *id == r.id.node) {
        s.mentions.push((&r.id.node, r.span));
    }
}

fn inlines<'a>(list: &'a [Inline], locale: Locale, s: &mut Said<'a>) {
    for i in list {
        match i {
            Inline::Text(t) => {
                for (n, at, len) in numbers(&t.node, locale.lang()) {
                    let start = t.span.start + at;
                    let written = t.node[at..at + len].to_string();
                    s.figures.push((n, written, Span::new(start, start + len)));
                }
            }
            Inline::Ref(r) => mention(r, s),
            Inline::Emph(v, _) | Inline::Strong(v, _) => inlines(v, locale, s),
            Inline::Link { text, target, .. } => {
                if let LinkTarget::Ref(r) = &**target {
                    mention(r, s);
                }
                inlines(text, locale, s);
            }
            Inline::SoftBreak(_) | Inline::Autolink(_) | Inline::Stray(_) => {}
        }
    }
}

/// The decimal mark of a language's numbers, and the marks that group
/// their digits, as CLDR gives them: `1,200.5` in English, `1 200,5` in
/// French, `1.200,5` in German, `١٬٢٠٠٫٥` in Arabic.
fn separators(lang: Lang) -> (char, &'static [char]) {
    const SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}'];
    match lang {
        Lang::En | Lang::Zh | Lang::Ja | Lang::Ko | Lang::Th => ('.', &[',']),
        Lang::Fr | Lang::Ru => (',', SPACES),
        Lang::Es | Lang::Pt | Lang::De | Lang::Vi | Lang::Id => (',', &['.']),
        Lang::Ar => ('\u{066b}', &['\u{066c}', ',']),
    }
}

/// A digit as a number: Western, Arabic-Indic or Eastern Arabic-Indic.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{0660}'..='\u{0669}' => Some(u32::from(c) - 0x0660),
        '\u{06f0}'..='\u{06f9}' => Some(u32::from(c) - 0x06f0),
        _ => None,
    }
}

/// The numbers in a text as `lang` writes them, each as a plain number
/// (`1200`, `3.5`) with its byte offset and length. A group mark counts
/// only before three digits (`1,200`), a decimal mark only between
/// digits; a number run into letters (`G20`, `CO2`) is a name, not a
/// figure.
fn numbers(text: &str, lang: Lang) -> Vec<(String, usize, usize)> {
    let (decimal, groups) = separators(lang);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        // `G20`, but not Arabic's `و٢٤` ("and 24"), whose one-letter words
        // are written against the next, nor `からの10` in a language
        // without spaces.
        let after_letter = i > 0 && {
            let p = chars[i - 1].1;
            p.is_alphabetic()
                && digit(p).is_none()
                && !unit_after(p)
                && !('\u{0600}'..='\u{06ff}').contains(&p)
        };
        if digit(c).is_none() {
            i += 1;
            continue;
        }
        if after_letter {
            // The whole name: `G20`, not `G2` and a `0`.
            while i < chars.len() && digit(chars[i].1).is_some() {
                i += 1;
            }
            continue;
        }
        let mut whole = String::new();
        let mut fraction = String::new();
        let mut j = i;
        let mut in_fraction = false;
        while j < chars.len() {
            let c = chars[j].1;
            if let Some(d) = digit(c) {
                let d = char::from_digit(d, 10).unwrap_or('0');
                if in_fraction {
                    fraction.push(d);
                } else {
                    whole.push(d);
                }
                j += 1;
                continue;
            }
            let three_digits = || {
                (1..=3).all(|k| chars.get(j + k).is_some_and(|(_, c)| digit(*c).is_some()))
                    && chars.get(j + 4).is_none_or(|(_, c)| digit(*c).is_none())
            };
            let digit_after = chars.get(j + 1).is_some_and(|(_, c)| digit(*c).is_some());
            if !in_fraction && groups.contains(&c) && three_digits() {
                j += 1;
            } else if !in_fraction
                && (c == decimal || (lang == Lang::Ar && c == '.'))
                && digit_after
            {
                in_fraction = true;
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
        let run_on = chars
            .get(j)
            .is_some_and(|(_, c)| c.is_alphabetic() && !unit_after(*c));
        if !run_on {
            let whole = whole.trim_start_matches('0');
            let whole = if whole.is_empty() { "0" } else { whole };
            let fraction = fraction.trim_end_matches('0');
            let n = if fraction.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{fraction}")
            };
            out.push((n, at, end - at));
        }
        i = j.max(i + 1);
    }
    out
}

/// A letter that may follow a figure without making it part of a name:
/// a unit or a counter written against it in a language without spaces
/// (`2016年`, `4割`, `320人`), or a Korean counter (`3일`).
fn unit_after(c: char) -> bool {
    super::prose::unspaced(c) || ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

fn quotes(was: &Said, now: &Said, here: Span, out: &mut Vec<Diagnostic>) {
    for k in 0..was.quotes.len().max(now.quotes.len()) {
        match (was.quotes.get(k), now.quotes.get(k)) {
            (Some((a, at)), Some((b, bt))) if a != b => out.push(
                Diagnostic::new(
                    Code::UntranslatedQuote,
                    *bt,
                    format!("this quote is @{a}'s in the original, not @{b}'s"),
                )
                .label(format!("@{b} here"))
                .also(*at, format!("@{a} in the original"))
                .help(format!(
                    "attribute it as the original does, `quote @{a}`; if @{b} said it, correct the original first"
                )),
            ),
            (Some((a, at)), None) => out.push(
                Diagnostic::new(
                    Code::UntranslatedQuote,
                    here,
                    format!("the original's quote of @{a} is not in the translation"),
                )
                .label("a quote missing")
                .also(*at, "the quote in the original")
                .help(format!(
                    "translate the quote, `quote @{a} ...`, in the order the original gives its quotes"
                )),
            ),
            (None, Some((b, bt))) => out.push(
                Diagnostic::new(
                    Code::UntranslatedQuote,
                    *bt,
                    format!("the original has no quote of @{b} here"),
                )
                .label("a quote the original does not have")
                .help("a translation quotes what the original quotes; add the quote to the original, or remove it here"),
            ),
            _ => {}
        }
    }
}

fn mentions(was: &Said, now: &Said, here: Span, out: &mut Vec<Diagnostic>) {
    for (id, at) in &was.mentions {
        if !now.mentions.iter().any(|(m, _)| m == id) {
            out.push(
                Diagnostic::new(
                    Code::UntranslatedMention,
                    here,
                    format!("the original mentions @{id}, and the translation does not"),
                )
                .label(format!("@{id} missing"))
                .also(*at, "mentioned in the original")
                .help(format!(
                    "mention @{id} where the original does, so its name, title and dates are the original's"
                )),
            );
        }
    }
    for (id, at) in &now.mentions {
        if !was.mentions.iter().any(|(m, _)| m == id) {
            out.push(
                Diagnostic::new(
                    Code::UntranslatedMention,
                    *at,
                    format!("the translation mentions @{id}, and the original does not"),
                )
                .label("not in the original")
                .help("a translation says what the original says; mention it in the original too, or remove it here"),
            );
        }
    }
}

fn figures(was: &Said, now: &Said, here: Span, ours: Locale, out: &mut Vec<Diagnostic>) {
    let mut left: Vec<&(String, String, Span)> = now.figures.iter().collect();
    let mut missing = Vec::new();
    for f in &was.figures {
        match left.iter().position(|g| g.0 == f.0) {
            Some(k) => {
                left.remove(k);
            }
            None => missing.push(f),
        }
    }
    let (decimal, _) = separators(ours.lang());
    for (n, written, at) in &missing {
        // The figure the translation gives instead, where one is left over:
        // most often the same number, mistyped.
        let instead = left.first().map(|g| g.1.clone());
        let shown = n.replace('.', &decimal.to_string());
        let mut d = Diagnostic::new(
            Code::FigureDiffers,
            here,
            format!("the original's figure `{written}` is not in the translation"),
        )
        .label(format!("{shown} missing"))
        .also(*at, "the figure in the original");
        d = match instead {
            Some(g) => d.help(format!(
                "give {shown} as the original does (the translation has `{g}`, which the original does not)"
            )),
            None => d.help(format!("give {shown} as the original does")),
        };
        out.push(d);
    }
    for (n, written, at) in left {
        out.push(
            Diagnostic::new(
                Code::FigureDiffers,
                *at,
                format!("`{written}` is no figure of the original"),
            )
            .label(format!(
                "{n}, read as {} writes numbers",
                ours.lang().name()
            ))
            .help(
                "a translation gives the original's figures; check the number against the original",
            ),
        );
    }
}

fn contacts(was: &Said, now: &Said, here: Span, out: &mut Vec<Diagnostic>) {
    let a: BTreeSet<&str> = was.contacts.iter().map(|(id, _)| *id).collect();
    let b: BTreeSet<&str> = now.contacts.iter().map(|(id, _)| *id).collect();
    for (id, at) in was.contacts.iter().filter(|(id, _)| !b.contains(id)) {
        out.push(
            Diagnostic::new(
                Code::UntranslatedContact,
                here,
                format!("the original lists the contact @{id}, and the translation does not"),
            )
            .label("a contact missing")
            .also(*at, "listed in the original")
            .help(format!("list @{id} in the translation's contacts block")),
        );
    }
    for (id, at) in now.contacts.iter().filter(|(id, _)| !a.contains(id)) {
        out.push(
            Diagnostic::new(
                Code::UntranslatedContact,
                *at,
                format!("the original does not list the contact @{id}"),
            )
            .label("not in the original")
            .help("a translation lists the original's contacts; add it to the original, or remove it here"),
        );
    }
}

/// The fingerprint of an original's facts: its header's facts and its
/// declarations, as values, not as laid out (in any order, with any
/// spacing). Twelve hex digits of their SHA-256.
pub fn facts_fingerprint(original: &ast::File) -> String {
    fn field(f: &ast::Field) -> String {
        let mut out = f.key.node.clone();
        for v in &f.values {
            out.push('\u{1f}');
            value(&v.kind, &mut out);
        }
        out
    }
    let mut facts: Vec<String> = Vec::new();
    if let Some(r) = header(original) {
        for f in &r.fields {
            let (base, _) = f.base();
            if !TRANSLATION_OWN.iter().any(|o| o.name() == base) {
                facts.push(format!("release\u{1d}{}", field(f)));
            }
        }
    }
    for d in original.decls() {
        let mut fields: Vec<String> = d.fields.iter().map(field).collect();
        fields.sort();
        facts.push(format!(
            "{}\u{1f}{}\u{1f}{}\u{1d}{}",
            d.kind.node.keyword(),
            d.id.node,
            d.name.as_ref().map_or("", |n| n.node.as_str()),
            fields.join("\u{1e}")
        ));
    }
    facts.sort();
    let mut h = Sha256::new();
    for f in &facts {
        h.update(f.as_bytes());
        h.update([0x1c]);
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn value(v: &ValueKind, out: &mut String) {
    match v {
        ValueKind::Str(s) | ValueKind::Url(s) | ValueKind::Temporal(s) | ValueKind::Word(s) => {
            out.push_str(s)
        }
        ValueKind::Ref(r) => {
            out.push('@');
            out.push_str(&r.id.node);
            if let Some(f) = &r.field {
                out.push('.');
                out.push_str(&f.node);
            }
        }
        ValueKind::Range(a, b) => {
            value(&a.kind, out);
            out.push_str("..");
            value(&b.kind, out);
        }
    }
}

fn fingerprint(original: &ast::File, translation: &ast::File, out: &mut Vec<Diagnostic>) {
    let Some(h) = header(translation) else {
        return;
    };
    let now = facts_fingerprint(original);
    let written = h
        .fields
        .iter()
        .find(|f| f.key.node == Field::Fingerprint.name());
    match written {
        None => {
            // Where to write it: after the header's `translates`.
            let after = h
                .fields
                .iter()
                .find(|f| f.key.node == Field::Translates.name())
                .map_or(h.keyword, |f| f.span);
            out.push(
                Diagnostic::new(
                    Code::StaleTranslation,
                    after,
                    "the translation does not say which facts of the original it was made from",
                )
                .label("no fingerprint")
                .help(format!(
                    "add `fingerprint \"{now}\"`: when the original's facts change, relc then says this translation needs looking at"
                ))
                .fix(
                    "Add the fingerprint",
                    Span::new(after.end, after.end),
                    format!("\n  fingerprint \"{now}\""),
                ),
            );
        }
        Some(f) => {
            let was = match f.values.first().map(|v| (&v.kind, v.span)) {
                Some((ValueKind::Str(s), span)) => (s.as_str(), span),
                _ => return,
            };
            if was.0 != now {
                out.push(
                    Diagnostic::new(
                        Code::StaleTranslation,
                        was.1,
                        "the original's facts have changed since this translation was made",
                    )
                    .label(format!("the facts were {}, and are now {now}", was.0))
                    .help(format!(
                        "compare the translation with the original's declarations and header (a name, a title, a date, a figure may have changed), then write `fingerprint \"{now}\"`"
                    ))
                    .fix(
                        "Mark it as checked against the original",
                        was.1,
                        format!("\"{now}\""),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, lang: Lang) -> Vec<String> {
        numbers(text, lang).into_iter().map(|(n, ..)| n).collect()
    }

    #[test]
    fn a_fingerprint_is_of_the_facts_not_their_layout() {
        let a = crate::syntax::parse(
            "release { headline \"H\" dateline @p 2017-02-21 }\nperson x \"X\" { title \"T\" org @o }\n",
        )
        .0;
        let b = crate::syntax::parse(
            "release {\n  dateline @p 2017-02-21\n  headline \"Another\"\n}\n\nperson x \"X\" {\n  org @o\n  title \"T\"\n}\n",
        )
        .0;
        let c = crate::syntax::parse(
            "release { headline \"H\" dateline @p 2017-02-21 }\nperson x \"X\" { title \"T2\" org @o }\n",
        )
        .0;
        // The headline is the translation's own; order and spacing are layout.
        assert_eq!(facts_fingerprint(&a), facts_fingerprint(&b));
        assert_ne!(facts_fingerprint(&a), facts_fingerprint(&c));
        assert_eq!(facts_fingerprint(&a).len(), 12);
    }

    #[test]
    fn numbers_are_read_as_each_language_writes_them() {
        assert_eq!(plain("1,200 km and 24.5%", Lang::En), ["1200", "24.5"]);
        assert_eq!(plain("1 200 km et 24,5 %", Lang::Fr), ["1200", "24.5"]);
        assert_eq!(plain("1\u{a0}200 km", Lang::Fr), ["1200"]);
        assert_eq!(plain("1.200 km und 24,5 %", Lang::De), ["1200", "24.5"]);
        assert_eq!(plain("١٬٢٠٠ كيلومتر و٢٤٫٥", Lang::Ar), ["1200", "24.5"]);
        assert_eq!(
            plain("2016年からの10年間で約4割", Lang::Ja),
            ["2016", "10", "4"]
        );
        // A name is no figure; a comma between numbers is no group mark.
        assert_eq!(
            plain("the G20 met, and CO2 fell", Lang::En),
            Vec::<String>::new()
        );
        assert_eq!(plain("in 2017, 42 cities", Lang::En), ["2017", "42"]);
        // `1,200` is one number in English and a decimal in French.
        assert_eq!(plain("1,200", Lang::Fr), ["1.2"]);
    }
}
