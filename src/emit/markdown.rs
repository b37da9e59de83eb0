//! CommonMark: the release for systems that take Markdown. Its body renders
//! through any CommonMark renderer to the same structure as the HTML body
//! (tested with pulldown-cmark).

use crate::locale::Msg;
use crate::model::{Block, Closing, Inline, ListItem, MediaContact, QuotePiece, Release};

pub fn emit(r: &Release) -> String {
    let mut out = String::new();
    let marks = r.words().marks();
    for line in r.status_lines(None) {
        out.push_str(&format!("**{}**\n\n", escape(&line.text.to_uppercase())));
    }
    if let Some(k) = &r.kicker {
        out.push_str(&format!("*{}*\n\n", escape(k)));
    }
    out.push_str(&format!("# {}\n\n", escape(&r.headline)));
    if let Some(s) = &r.subheadline {
        out.push_str(&format!("*{}*\n\n", escape(s)));
    }
    if let (Some(line), Some(c)) = (r.correction_line(), &r.corrects) {
        // The citation as a link when it is a URL.
        let line = escape(&line);
        out.push_str(&match &c.url {
            Some(u) => line.replacen(
                &escape(&c.text),
                &format!("[{}](<{}>)", escape(&c.text), destination(u)),
                1,
            ),
            None => line,
        });
        out.push_str("\n\n");
    }
    let before_body = r.advisory.as_ref().is_some_and(|a| a.before_body);
    if before_body {
        out.push_str(&advisory(r));
    }
    out.push_str(&body(r));
    out.push_str(&footnotes(r));
    if !before_body {
        out.push_str(&advisory(r));
    }
    if !r.end_mark.is_empty() {
        out.push_str(&format!("{}\n\n", end_mark(&r.end_mark)));
    }
    let groups = r.contact_group_list();
    if !groups.is_empty() {
        out.push_str(&format!("## {}\n\n", r.words().text(Msg::HeadingContacts)));
    }
    for group in groups {
        if let Some(l) = group.lead_in {
            out.push_str(&format!("{}\n\n", escape(l)));
        }
        for MediaContact { contact: c, .. } in group.contacts {
            let mut parts = vec![format!("**{}**", escape(&c.name))];
            if let Some(t) = &c.title {
                parts.push(escape(t));
            }
            if let (Some(n), Some(last)) = (&c.note, parts.last_mut()) {
                last.push_str(&format!(" ({})", escape(n)));
            }
            for p in &c.phones {
                let label = p
                    .label_text
                    .as_deref()
                    .map(|l| format!("{}: ", escape(l)))
                    .unwrap_or_default();
                parts.push(format!("{label}[{}](tel:{})", escape(&p.text), p.e164));
            }
            for e in &c.emails {
                parts.push(email(e));
            }
            out.push_str(&format!("- {}\n", parts.join(", ")));
        }
        out.push('\n');
    }
    // The parts after the contacts, in the writer's order.
    for part in r.closing_parts() {
        match part {
            Closing::About(i) => {
                let Some(a) = r.about.get(i) else { continue };
                out.push_str(&format!("## {}\n\n", escape(&a.heading)));
                blocks(&a.blocks, 2, &marks, &mut out);
            }
            Closing::Follow => blocks(&r.follow, 2, &marks, &mut out),
            Closing::Notes if !r.notes.is_empty() => {
                out.push_str(&format!("## {}\n\n", r.words().text(Msg::HeadingNotes)));
                blocks(&r.notes, 2, &marks, &mut out);
            }
            Closing::Notes => {}
            Closing::Disclaimer => blocks(&r.disclaimer, 2, &marks, &mut out),
            // Small print.
            Closing::Trademarks => blocks(&r.trademarks, 2, &marks, &mut out),
            Closing::Source => {
                if let Some(s) = &r.source {
                    out.push_str(&format!("{}\n\n", escape(&s.text)));
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The body alone, led by the dateline, as the HTML's `e-content`.
/// An advisory's block: a list of labelled rows, a row's further lines
/// (more people, the link) after a hard line break. Empty without one.
fn advisory(r: &Release) -> String {
    let rows = r.advisory_rows();
    let mut out = String::new();
    for row in &rows {
        let lines: Vec<String> = row
            .lines
            .iter()
            .map(|l| escape(l))
            .chain(row.url.map(|u| format!("<{}>", destination(u))))
            .collect();
        out.push_str(&format!(
            "- **{}:** {}\n",
            escape(&row.label),
            lines.join("\\\n  ")
        ));
    }
    if !rows.is_empty() {
        out.push('\n');
    }
    out
}

/// The footnotes, numbered as their marks are, after the body.
fn footnotes(r: &Release) -> String {
    let mut out = String::new();
    for f in &r.footnotes {
        out.push_str(&format!("{}. {}", f.number, escape(&f.text)));
        if let Some(u) = &f.url {
            out.push_str(&format!(" <{}>", destination(u)));
        }
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

pub fn body(r: &Release) -> String {
    let mut out = String::new();
    let marks = r.words().marks();
    if let Some(line) = &r.dateline.line {
        out.push_str(&format!("{}\n\n", escape(line)));
    }
    let dateline = r.dateline.lead().map(|l| escape(&l));
    match (r.body.first(), dateline) {
        (Some(Block::Paragraph { content }), Some(lead)) => {
            out.push_str(&format!("{lead}{}\n\n", inlines(content)));
            blocks(&r.body[1..], 1, &marks, &mut out);
        }
        (_, lead) => {
            if let Some(lead) = lead {
                out.push_str(&format!("{}\n\n", lead.trim_end()));
            }
            blocks(&r.body, 1, &marks, &mut out);
        }
    }
    out
}

fn blocks(bs: &[Block], base: u8, marks: &crate::locale::Marks, out: &mut String) {
    for b in bs {
        match b {
            // The image, then its caption and credit.
            Block::Figure(img) => {
                out.push_str(&format!(
                    "![{}](<{}>)\n\n",
                    escape(&img.alt),
                    destination(&img.src)
                ));
                let words: Vec<String> = img
                    .caption
                    .iter()
                    .map(|c| format!("*{}*", escape(c)))
                    .chain(img.credit.iter().map(|c| format!("({})", escape(c))))
                    .collect();
                if !words.is_empty() {
                    out.push_str(&format!("{}\n\n", words.join(" ")));
                }
            }
            Block::Paragraph { content } => out.push_str(&format!("{}\n\n", inlines(content))),
            Block::Heading { level, content } => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(level + base)),
                inlines(content)
            )),
            Block::List { ordered, items } => {
                list(*ordered, items, "", out);
                out.push('\n');
            }
            Block::Quote(q) => {
                // As the wire reads it: the attribution where the writer
                // put it, in running text.
                for para in q.reads() {
                    for (gap, piece) in para {
                        out.push_str(gap);
                        match piece {
                            QuotePiece::Quoted { content, closes } => {
                                out.push_str(&marks.open);
                                out.push_str(&inlines(content));
                                if closes {
                                    out.push_str(&marks.close);
                                }
                            }
                            QuotePiece::Attribution { text, then } => {
                                out.push_str(&escape(text));
                                out.push_str(then);
                            }
                            QuotePiece::Words { content } => out.push_str(&inlines(content)),
                        }
                    }
                    out.push_str("\n\n");
                }
            }
        }
    }
}

fn list(ordered: bool, items: &[ListItem], indent: &str, out: &mut String) {
    for (n, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}. ", n + 1)
        } else {
            "- ".to_string()
        };
        out.push_str(&format!("{indent}{marker}{}\n", inlines(&item.content)));
        let inner = format!("{indent}{}", " ".repeat(marker.len()));
        for child in &item.children {
            if let Block::List { ordered, items } = child {
                list(*ordered, items, &inner, out);
            }
        }
    }
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for i in content {
        match i {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Date { date } => out.push_str(&escape(&date.text)),
            Inline::Emphasis { content } => out.push_str(&format!("*{}*", inlines(content))),
            Inline::Strong { content } => out.push_str(&format!("**{}**", inlines(content))),
            Inline::Mention { mention } => out.push_str(&inlines(&mention.content)),
            Inline::Link { link } => out.push_str(&format!(
                "[{}](<{}>)",
                inlines(&link.content),
                destination(&link.url)
            )),
            // `[1]`, linked to its note as the page links it.
            Inline::Footnote { mark } => out.push_str(&format!(
                "[\\[{}\\]](<#fn-{}>)",
                mark.number,
                destination(&mark.id)
            )),
        }
    }
    out
}

/// A link destination for `(<...>)`: the characters that could end it, or
/// turn it into something else, percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' | '"' | ' ' => out.push_str(&format!("%{:02X}", u32::from(c))),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// An e-mail address: an autolink where CommonMark reads the address as
/// one (its plain form), and otherwise a `mailto:` link whose text is
/// escaped, so no address, however quoted, can become markup.
fn email(e: &str) -> String {
    let plain = e.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
            && !domain.is_empty()
            && domain
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    });
    if plain {
        format!("<{e}>")
    } else {
        format!("[{}](<mailto:{}>)", escape(e), destination(e))
    }
}

/// The end mark as a line of text that reads in the source as it is
/// written. At the start of a line, CommonMark reads `# ` as a heading; a
/// no-break space after the first mark keeps `# # #` a line of text
/// without the backslash that would show in the source.
fn end_mark(s: &str) -> String {
    let marks = s.len() - s.trim_start_matches('#').len();
    match s[marks..].strip_prefix(' ') {
        Some(rest) if marks > 0 => format!("{}\u{A0}{}", &s[..marks], escape_inline(rest)),
        _ => escape(s),
    }
}

/// Escapes what CommonMark would read as markup, so text stays text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    // At the start, `1.` or `1)` would open an ordered list: escape the
    // punctuation after the digits.
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && s[digits..].starts_with(['.', ')']) {
        out.push_str(&s[..digits]);
        out.push('\\');
        rest = &s[digits..];
    } else if s.starts_with(['-', '+', '=', '#']) {
        out.push('\\');
    }
    out.push_str(&escape_inline(rest));
    out
}

/// Escapes what would be markup inside a line.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '|' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn addresses_and_destinations_cannot_become_markup() {
        use super::{destination, email};
        assert_eq!(email("media@apec.org"), "<media@apec.org>");
        let hostile = email("\"<img src=x onerror=alert(1)>\"@example.com");
        // Read as CommonMark, it is a link and text: no raw HTML at all.
        let events: Vec<_> = pulldown_cmark::Parser::new(&hostile).collect();
        assert!(
            !events.iter().any(|e| matches!(
                e,
                pulldown_cmark::Event::Html(_) | pulldown_cmark::Event::InlineHtml(_)
            )),
            "{hostile}: {events:?}"
        );
        assert!(hostile.starts_with("[\"\\<img"), "{hostile}");
        assert_eq!(
            destination("https://x.org/a>b<c\\d e"),
            "https://x.org/a%3Eb%3Cc%5Cd%20e"
        );
    }

    #[test]
    fn text_stays_text() {
        let cases = [
            (
                "a *b* [c](d) <e> & f_g",
                "a \\*b\\* \\[c\\](d) \\<e\\> \\& f\\_g",
            ),
            ("1. not a list", "1\\. not a list"),
            ("- not a list", "\\- not a list"),
            ("2017 was", "2017 was"),
        ];
        for (text, escaped) in cases {
            assert_eq!(escape(text), escaped, "{text}");
        }
    }

    #[test]
    fn the_end_mark_is_a_line_of_text_without_a_backslash() {
        use pulldown_cmark::{Event, Parser, Tag};
        for mark in ["# # #", "###", "-30-", "ENDS", "## *"] {
            let line = super::end_mark(mark);
            let events: Vec<_> = Parser::new(&line).collect();
            assert!(
                matches!(events.first(), Some(Event::Start(Tag::Paragraph))),
                "{mark:?} as {line:?} is not a paragraph: {events:?}"
            );
            let text: String = events
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) => Some(t.replace('\u{A0}', " ")),
                    _ => None,
                })
                .collect();
            assert_eq!(text, mark, "{line:?}");
        }
        assert!(!super::end_mark("# # #").contains('\\'));
    }
}
