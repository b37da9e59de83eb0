//! Wire-ready plain text: the release as a news agency takes it.
//!
//! Paragraphs are wrapped by textwrap, which measures Unicode widths; words
//! are never hyphenated or broken, so a URL stays whole even when it is
//! longer than the line.

use crate::locale::Msg;
use crate::model::{Block, Closing, Inline, ListItem, MediaContact, Quote, QuotePiece, Release};

/// Options for the text output.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    /// The column to wrap at.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { width: 72 }
    }
}

pub fn emit(r: &Release, opts: TextOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        width: opts.width.max(20),
        words: r.words(),
    };
    for line in r.status_lines(None) {
        w.para(&line.text.to_uppercase());
    }
    if let Some(k) = &r.kicker {
        w.para(&k.to_uppercase());
    }
    w.para(&r.headline);
    if let Some(s) = &r.subheadline {
        w.para(s);
    }
    if let Some(c) = r.correction_line() {
        w.para(&c);
    }

    if let Some(line) = &r.dateline.line {
        w.para(line);
    }
    let advisory = r.advisory.as_ref();
    if advisory.is_some_and(|a| a.before_body) {
        w.advisory(r);
    }
    let dateline = r.dateline.lead();
    let mut lead = dateline.as_deref();
    for b in r.body.iter() {
        w.block(b, lead.take(), "");
    }
    if let Some(l) = lead {
        w.para(l.trim_end());
    }
    // The footnotes, under the body they annotate.
    for f in &r.footnotes {
        let mut line = format!("[{}] {}", f.number, f.text);
        if let Some(u) = &f.url {
            line = format!("{line} {u}");
        }
        let hang = " ".repeat(f.number.to_string().len() + 3);
        w.wrapped(&line, "", &hang);
    }
    if !r.footnotes.is_empty() {
        w.out.push('\n');
    }
    if advisory.is_some_and(|a| !a.before_body) {
        w.advisory(r);
    }

    if !r.end_mark.is_empty() {
        w.para(&r.end_mark);
    }

    for group in r.contact_group_list() {
        if let Some(l) = group.lead_in {
            w.para(l);
        }
        let contacts = group.contacts;
        let name_width = contacts
            .iter()
            .map(|m| unicode_width::UnicodeWidthStr::width(m.contact.name.as_str()))
            .max()
            .unwrap_or(0);
        let hang = " ".repeat(name_width + 2);
        for MediaContact { contact: c, org } in &contacts {
            let pad = name_width - unicode_width::UnicodeWidthStr::width(c.name.as_str());
            // A phone number is one unbreakable word while wrapping.
            let mut reach: Vec<String> = c
                .phones
                .iter()
                .map(|p| match &p.label_text {
                    Some(l) => format!("{l}: {}", p.text).replace(' ', "\u{A0}"),
                    None => p.text.replace(' ', "\u{A0}"),
                })
                .collect();
            reach.extend(c.emails.iter().cloned());
            let line = format!("{}{}  {}", c.name, " ".repeat(pad), reach.join("  "));
            w.wrapped(line.trim_end(), "", &hang);
            let mut detail = Vec::new();
            if let Some(t) = &c.title {
                detail.push(t.clone());
            }
            if let Some(o) = org {
                detail.push(o.name.clone());
            }
            let mut detail = detail.join(", ");
            if let Some(n) = &c.note {
                detail = format!("{detail} ({n})").trim_start().to_string();
            }
            if !detail.is_empty() {
                w.wrapped(&detail, &hang, &hang);
            }
        }
        if !contacts.is_empty() {
            w.out.push('\n');
        }
    }

    // The parts after the contacts, in the writer's order.
    for part in r.closing_parts() {
        match part {
            Closing::About(i) => {
                let Some(a) = r.about.get(i) else { continue };
                w.line(&a.heading);
                for b in &a.blocks {
                    w.block(b, None, "");
                }
            }
            Closing::Follow => {
                for b in &r.follow {
                    w.block(b, None, "");
                }
            }
            Closing::Notes if !r.notes.is_empty() => {
                w.line(&r.words().text(Msg::HeadingNotes));
                for b in &r.notes {
                    w.block(b, None, "");
                }
            }
            Closing::Notes => {}
            Closing::Disclaimer | Closing::Trademarks => {
                let blocks = if part == Closing::Disclaimer {
                    &r.disclaimer
                } else {
                    &r.trademarks
                };
                for b in blocks {
                    w.block(b, None, "");
                }
            }
            Closing::Source => {
                if let Some(s) = &r.source {
                    w.para(&s.text);
                }
            }
        }
    }
    // One newline at the end, never a blank line.
    while w.out.ends_with("\n\n") {
        w.out.pop();
    }
    w.out
}

struct Writer {
    out: String,
    width: usize,
    words: crate::locale::Words,
}

impl Writer {
    /// A wrapped paragraph followed by a blank line.
    fn para(&mut self, text: &str) {
        self.para_indented(text, "", "");
    }

    fn para_indented(&mut self, text: &str, first: &str, rest: &str) {
        self.wrapped(text, first, rest);
        self.out.push('\n');
    }

    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        let text = keep_together(text);
        let text = text.as_str();
        // Chinese and Japanese break between characters, by the Unicode
        // line-breaking rules (which keep a closing mark off the start of
        // a line); every other language at its spaces.
        let separator = match self.words.locale.lang() {
            crate::locale::Lang::Zh | crate::locale::Lang::Ja => {
                textwrap::WordSeparator::UnicodeBreakProperties
            }
            _ => textwrap::WordSeparator::AsciiSpace,
        };
        let opts = textwrap::Options::new(self.width)
            .break_words(false)
            .word_separator(separator)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(first)
            .subsequent_indent(rest);
        for line in textwrap::wrap(text, opts) {
            self.out.push_str(&line.trim_end().replace('\u{A0}', " "));
            self.out.push('\n');
        }
    }

    /// A line that is not wrapped, with no blank line after it.
    /// An advisory's block: each label and its colon in a column of its
    /// own, the text after it aligned, a row's further lines (more people,
    /// the link) under its first.
    ///
    /// ```text
    /// What:   Launch of the Coastal Resilience Fund
    /// Where:  Lisbon City Hall, Praça do Município, Lisbon, Portugal
    /// ```
    fn advisory(&mut self, r: &Release) {
        let rows = r.advisory_rows();
        let width = rows
            .iter()
            .map(|row| unicode_width::UnicodeWidthStr::width(row.label.as_str()) + 1)
            .max()
            .unwrap_or(0);
        let hang = " ".repeat(width + 2);
        for row in &rows {
            let head = format!("{}:", row.label);
            let pad = width + 2 - unicode_width::UnicodeWidthStr::width(head.as_str());
            let mut lines = row.lines.iter().copied().chain(row.url);
            let first = lines.next().unwrap_or_default();
            self.wrapped(&format!("{head}{}{first}", " ".repeat(pad)), "", &hang);
            for line in lines {
                self.wrapped(line, &hang, &hang);
            }
        }
        self.out.push('\n');
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, b: &Block, lead: Option<&str>, indent: &str) {
        let lead = lead.unwrap_or("");
        match b {
            Block::Paragraph { content } => {
                self.para_indented(&format!("{lead}{}", inline_text(content)), indent, indent)
            }
            Block::Heading { content, .. } => {
                if !lead.is_empty() {
                    self.para(lead.trim_end());
                }
                self.para(&inline_text(content));
            }
            Block::List { ordered, items } => {
                if !lead.is_empty() {
                    self.para(lead.trim_end());
                }
                self.list(*ordered, items, indent);
                self.out.push('\n');
            }
            Block::Quote(q) => self.quote(q, lead),
            // `Image: The catalyst under the microscope (Photo: ...) URL`
            Block::Figure(img) => {
                if !lead.is_empty() {
                    self.para(lead.trim_end());
                }
                let mut line = format!(
                    "{}: {}",
                    self.words.image_label(),
                    img.caption.as_deref().unwrap_or(&img.alt)
                );
                if let Some(c) = &img.credit {
                    line.push_str(&format!(" ({c})"));
                }
                line.push(' ');
                line.push_str(&img.src);
                self.para_indented(&line, indent, indent);
            }
        }
    }

    fn list(&mut self, ordered: bool, items: &[ListItem], indent: &str) {
        for (n, item) in items.iter().enumerate() {
            let marker = if ordered {
                format!("{}. ", n + 1)
            } else {
                "- ".to_string()
            };
            let first = format!("{indent}  {marker}");
            let rest = " ".repeat(first.chars().count());
            self.wrapped(&inline_text(&item.content), &first, &rest);
            for child in &item.children {
                if let Block::List { ordered, items } = child {
                    self.list(*ordered, items, &rest);
                }
            }
        }
    }

    /// A quote, with its attribution where the writer put it:
    /// “First part,” explained Dr Alan Bollard. “Second part.”
    fn quote(&mut self, q: &Quote, lead: &str) {
        let marks = self.words.marks();
        for (i, para) in q.reads().enumerate() {
            let mut line = String::from(if i == 0 { lead } else { "" });
            for (gap, piece) in para {
                line.push_str(gap);
                match piece {
                    QuotePiece::Quoted { content, closes } => {
                        line.push_str(&marks.open);
                        push(content, &mut line);
                        if closes {
                            line.push_str(&marks.close);
                        }
                    }
                    QuotePiece::Attribution { text, then } => {
                        line.push_str(text);
                        line.push_str(then);
                    }
                    QuotePiece::Words { content } => push(content, &mut line),
                }
            }
            self.para(&line);
        }
    }
}

/// The plain text of inline content; a link shows its target after its
/// text, unless the text is the target.
pub fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push(content, &mut out);
    out
}

fn push(content: &[Inline], out: &mut String) {
    for i in content {
        match i {
            Inline::Text { text } => out.push_str(text),
            Inline::Date { date } => out.push_str(&date.text),
            Inline::Emphasis { content } | Inline::Strong { content } => push(content, out),
            Inline::Mention { mention } => push(&mention.content, out),
            Inline::Footnote { mark } => out.push_str(&format!("[{}]", mark.number)),
            Inline::Link { link } => {
                let url = &link.url;
                let text = inline_text(&link.content);
                let bare = url.strip_prefix("mailto:").unwrap_or(url);
                out.push_str(&text);
                if text != bare && text != *url {
                    out.push_str(" (");
                    out.push_str(bare);
                    out.push(')');
                }
            }
        }
    }
}

/// Words a line must not break between, joined by no-break spaces for the
/// wrapper (which writes them back as spaces): a spaced dash stays at the
/// end of its line, never starting the next; an abbreviated month stays
/// with its day (`Oct. 28`); a number stays with its unit (`$412 million`,
/// `24 percent`, `10 km`).
fn keep_together(text: &str) -> String {
    // Compared without a closing `.`, `,` or the like: `p.m.` is `p.m`.
    const UNITS: [&str; 15] = [
        "million", "billion", "trillion", "percent", "per", "km", "kg", "m", "MW", "GW", "kWh",
        "t", "%", "a.m", "p.m",
    ];
    const MONTHS: [&str; 7] = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    if !text.contains(' ') {
        return text.to_string();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        let Some(next) = words.get(i + 1) else {
            break;
        };
        let dash_next = matches!(*next, "\u{2013}" | "\u{2014}" | "-" | "--");
        let number = w.chars().last().is_some_and(|c| c.is_ascii_digit());
        let unit_next = UNITS
            .iter()
            .any(|u| next.trim_end_matches([',', '.', ';', ':', ')']) == *u);
        let month_day =
            MONTHS.contains(w) && next.chars().next().is_some_and(|c| c.is_ascii_digit());
        out.push(if dash_next || (number && unit_next) || month_day {
            '\u{A0}'
        } else {
            ' '
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::keep_together;

    #[test]
    fn no_line_starts_with_a_dash_or_splits_a_date_or_an_amount() {
        let text = "Revenue rose to $412 million on Oct. 28 \u{2013} a record \u{2013} and 24 percent more, from 1:30 p.m.";
        for width in 8..60 {
            let opts = textwrap::Options::new(width)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace);
            let glued = keep_together(text);
            for line in textwrap::wrap(&glued, opts) {
                let line = line.replace('\u{A0}', " ");
                assert!(!line.starts_with('\u{2013}'), "{width}: {line}");
                assert!(
                    !line.ends_with("Oct.") && !line.ends_with("412"),
                    "{width}: {line}"
                );
                assert!(
                    !line.ends_with(" 24") && !line.ends_with("1:30"),
                    "{width}: {line}"
                );
            }
        }
        // Words that are not kept together still break.
        assert_eq!(keep_together("a b"), "a b");
    }
}
