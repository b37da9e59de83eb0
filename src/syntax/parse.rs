//! From text to [`ast::File`]: pest does the matching, this module builds
//! the tree and turns pest's errors into diagnostics.
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
pub(super) struct RelParser;

/// Parses a whole file. The tree holds every item that parsed; the
/// diagnostics hold every syntax error.
pub fn parse(src: &str) -> (File, Vec<Diagnostic>) {
    parse_at(&std::sync::Arc::from(src), 0)
}

/// As [`parse`], with every span shifted by `base`: the files of a project
/// share one space of positions, so a span alone says which file it is in.
/// The tree's texts share `src` where they read as written.
pub fn parse_at(src: &std::sync::Arc<str>, base: usize) -> (File, Vec<Diagnostic>) {
    let source = FileText::new(std::sync::Arc::clone(src), base);
    if src.len() >= STREAM_FROM
        && let Some(file) = stream(&source)
    {
        return (file, Vec::new());
    }
    parse_whole(&source)
}

/// The size from which a file is read in parts ([`stream`]). Below it,
/// pest's tokens for the whole file take little room, and one match is
/// cheaper than five (each sets up a parser state and a line index: 1.4%
/// of the seed's instructions).
const STREAM_FROM: usize = 256 << 10;

/// [`parse_at`], with the file matched whole by the rule `file`.
fn parse_whole(source: &FileText) -> (File, Vec<Diagnostic>) {
    let src: &str = source.text();
    let mut file = File::default();
    let mut diags = Vec::new();
    if let Ok(mut pairs) = RelParser::parse(Rule::file, src) {
        if let Some(pair) = pairs.next() {
            Builder::at(source, source.base()).items(pair, &mut file, &mut None);
        }
        return (file, diags);
    }
    file.recovered = true;
    recover(source, &mut file, &mut diags);
    (file, diags)
}

/// A file that parses, read in parts (the rules `head` to `tail`): the
/// items before the body, then the body a block at a time, then the items
/// after it. The tree is the one `file` gives; what differs is that pest
/// never holds the tokens of the whole body at once (at 10 MB of prose,
/// 20 MB of them). None when any part does not parse: the caller then reads
/// the file whole, and recovers from its errors.
fn stream(source: &FileText) -> Option<File> {
    let src: &str = source.text();
    let base = source.base();
    let mut file = File::default();
    let at = |pos: usize| Builder::at(source, base + pos);
    let head = RelParser::parse(Rule::head, src).ok()?.next()?;
    let mut pos = head.as_span().end();
    let mut opened = None;
    at(0).items(head, &mut file, &mut opened);
    if let Some(open) = opened {
        let mut blocks = Vec::new();
        // The characters of the line `pos` is in, before it: a list item's
        // column counts them. Kept as the text is read, so that a body
        // written on one line is not read again for every match.
        let mut line_before = line_chars(&src[..pos]);
        loop {
            let rest = &src[pos..];
            if let Ok(mut pairs) = RelParser::parse(Rule::body_block, rest) {
                let pair = pairs.next()?;
                let end = pair.as_span().end();
                let b = Builder {
                    line_before,
                    ..at(pos)
                };
                b.collect_comments(&pair, &mut file);
                blocks.extend(children(pair).filter_map(|p| b.block(p)));
                let read = &rest[..end];
                line_before = match read.rfind('\n') {
                    Some(_) => line_chars(read),
                    None => line_before + read.chars().count(),
                };
                pos += end;
                continue;
            }
            let close = RelParser::parse(Rule::body_close, rest).ok()?.next()?;
            pos += close.as_span().end();
            break;
        }
        file.items.push(Item::Body(Prose {
            keyword: open.keyword,
            blocks,
            span: Span::new(open.start, base + pos),
        }));
    }
    let tail = RelParser::parse(Rule::tail, &src[pos..]).ok()?.next()?;
    at(pos).items(tail, &mut file, &mut None);
    Some(file)
}

/// The characters after the last line break of `text`.
fn line_chars(text: &str) -> usize {
    let start = text.rfind('\n').map_or(0, |i| i + 1);
    text[start..].chars().count()
}

// ---------------------------------------------------------------- recovery

/// Parses a file with errors item by item, so each error is reported once
/// and the items around it are still known.
///
/// The file is cut where a line opens a top-level item. An item that does
/// not parse alone may run on over lines that only look like item starts
/// (a paragraph that begins with `contact us`), so it is tried with the
/// pieces after it. One that still does not parse is mended where the
/// writer most likely slipped: a string that runs on past the end of its
/// line is closed there, a `{` that is never closed is closed at the end
/// of the item; the item is kept, and the slip is reported at the opening
/// (E0006). Only what cannot be mended is reported as pest sees it, and
/// its declarations' ids are remembered, so references to them are not
/// also reported unknown.
fn recover(source: &FileText, file: &mut File, diags: &mut Vec<Diagnostic>) {
    let src: &str = source.text();
    let base = source.base();
    let mut starts: Vec<usize> = line_starts(src)
        .filter(|&l| l > 0 && l < src.len() && opens_item(&src[l..]))
        .collect();
    starts.insert(0, 0);
    starts.push(src.len());
    let pieces: Vec<(usize, usize)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
    let build = |text: &str, at: usize, file: &mut File| {
        if let Ok(mut pairs) = RelParser::parse(Rule::file, text)
            && let Some(pair) = pairs.next()
        {
            Builder::at(source, base + at).items(pair, file, &mut None);
            true
        } else {
            false
        }
    };
    let mut i = 0;
    while i < pieces.len() {
        let (a, b) = pieces[i];
        if build(&src[a..b], a, file) {
            i += 1;
            continue;
        }
        // A line inside the item that only looks like an item's start: the
        // item then runs on to where its braces balance, and only that end
        // is worth a parse.
        let run_on = run_on_end(src, &pieces, i).filter(|&j| parses(&src[a..pieces[j].1]));
        if let Some(j) = run_on {
            build(&src[a..pieces[j].1], a, file);
            i = j + 1;
            continue;
        }
        match mend(&src[a..b]) {
            Some(m) => {
                if let Ok(mut pairs) = RelParser::parse(Rule::file, &m.text)
                    && let Some(pair) = pairs.next()
                {
                    Builder {
                        inserted: m.inserted,
                        ..Builder::at(source, base + a)
                    }
                    .items(pair, file, &mut None);
                }
                for mut d in m.diagnostics {
                    d.span = Span::new(d.span.start + base + a, d.span.end + base + a);
                    d.secondary.iter_mut().for_each(|l| {
                        l.span = Span::new(l.span.start + base + a, l.span.end + base + a);
                    });
                    if let Some(f) = &mut d.fix {
                        f.span = Span::new(f.span.start + base + a, f.span.end + base + a);
                    }
                    diags.push(d);
                }
            }
            None => {
                if let Err(err) = RelParser::parse(Rule::file, &src[a..b]) {
                    let mut d = syntax_diagnostic(&err, a, src);
                    d.span = Span::new(d.span.start + base, d.span.end + base);
                    diags.push(d);
                    // Keep what parses of the piece: the items before the
                    // error's own line.
                    let pos = a + error_pos(&err);
                    let line = src[..pos].rfind('\n').map_or(0, |i| i + 1);
                    if line > a {
                        build(&src[a..line], a, file);
                    }
                }
                file.skipped_ids.extend(declared_ids(&src[a..b]));
                // A `use` that could not be read: any id may be declared in
                // the file it names.
                if src[a..b].lines().any(|l| l.trim_start().starts_with("use")) {
                    file.missing_uses = true;
                }
            }
        }
        i += 1;
    }
}

fn parses(text: &str) -> bool {
    RelParser::parse(Rule::file, text).is_ok()
}

/// How many open strings of one item recovery tries to mend, and how many
/// places for each one's missing `"`: every try is a parse of the item, so
/// these keep the work of recovery in proportion to the file.
const MAX_STRINGS_MENDED: usize = 4;
const MAX_PLACES: usize = 8;

/// An item mended where the writer most likely slipped.
struct Mended {
    text: String,
    /// Where a character was put in, if one was: every position after it
    /// is one more than in the source.
    inserted: Option<usize>,
    diagnostics: Vec<Diagnostic>,
}

/// The item mended where the writer most likely slipped, with the
/// diagnostic that says so at the slip; None when no mending makes it
/// parse.
fn mend(item: &str) -> Option<Mended> {
    // Characters that look like the syntax and are not: put right first,
    // then mend what is still wrong.
    let (fixed, mut found) = if is_prose_item(item) {
        (item.to_string(), Vec::new())
    } else {
        super::slips::lookalikes(item)
    };
    if !found.is_empty() && parses(&fixed) {
        return Some(Mended {
            text: fixed,
            inserted: None,
            diagnostics: found,
        });
    }
    let mut m = mend_structure(&fixed)?;
    found.append(&mut m.diagnostics);
    m.diagnostics = found;
    Some(m)
}

/// [`mend`], once look-alike characters are put right.
fn mend_structure(item: &str) -> Option<Mended> {
    if is_prose_item(item)
        && let Some(m) = mend_braces(item)
    {
        return Some(m);
    }
    if !is_prose_item(item) {
        // A few strings at most: each try is a parse of the item, and the
        // recovery must stay linear in the file however it is broken.
        let mut from = 0;
        let mut tries = 0;
        while let Some((open, nl)) = run_on_string(item, from) {
            if let Some(m) = mend_string(item, open, nl) {
                return Some(m);
            }
            from = nl + 1;
            tries += 1;
            if tries == MAX_STRINGS_MENDED {
                break;
            }
        }
    }
    // A `{` never closed: close it at the end of the item.
    let open = unclosed_brace(item)?;
    let mut mended = item.to_string();
    let end = mended.trim_end().len();
    if end < mended.len() {
        mended.replace_range(end..end + 1, "}");
    } else {
        mended.push('}');
    }
    if !parses(&mended) {
        return None;
    }
    let line_start = item[..open].rfind('\n').map_or(0, |i| i + 1);
    let head: String = item[line_start..open].trim().chars().take(60).collect();
    // The last character written in the item: the `}` most likely goes
    // right after it.
    let last = item[..end]
        .char_indices()
        .next_back()
        .map_or(open, |(i, _)| i);
    let mut d = Diagnostic::new(
        Code::Unclosed,
        Span::new(open, open + 1),
        format!("the `{{` of `{head}` is never closed"),
    )
    .label("opened here")
    .help("add the `}` that closes it where the block ends");
    if last > open {
        d = d.also(Span::new(last, end), "the `}` most likely goes after this");
    }
    Some(Mended {
        text: mended,
        inserted: None,
        diagnostics: vec![d],
    })
}

/// Mends running text in which a `}` stands in the middle of a line, used
/// as a character (`the harbour { the old one } opens`): the grammar closes
/// the block there and then reads the rest of the line as top-level items.
/// Each such `}`, and the `{` before it on its line, are read as
/// parentheses, and one diagnostic names the pair. One scan and one parse,
/// however many there are.
fn mend_braces(item: &str) -> Option<Mended> {
    let bytes = item.as_bytes();
    // The text of the block: after the `{` that opens it.
    let from = item.find('{')? + 1;
    let mut text = item.as_bytes().to_vec();
    let mut diagnostics = Vec::new();
    let mut opens: Vec<usize> = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'\n' => opens.clear(),
            b'{' => opens.push(i),
            b'}' => {
                let line_start = item[..i].rfind('\n').map_or(0, |n| n + 1);
                let line_end = item[i..].find('\n').map_or(item.len(), |n| i + n);
                let after = item[i + 1..line_end].trim();
                let before = item[line_start..i].trim();
                // A `}` that ends its line closes a block; one at the
                // start of a line closes one too, whatever follows.
                if !after.is_empty() && !after.starts_with("//") && !before.is_empty() {
                    let open = opens.pop();
                    diagnostics.push(stray_close(item, open, i));
                    text[i] = b')';
                    if let Some(o) = open {
                        text[o] = b'(';
                    }
                } else {
                    opens.pop();
                }
            }
            _ => {}
        }
        i += 1;
    }
    if diagnostics.is_empty() {
        return None;
    }
    // Only ASCII braces were replaced, by ASCII parentheses.
    let text = String::from_utf8(text).ok()?;
    parses(&text).then_some(Mended {
        text,
        inserted: None,
        diagnostics,
    })
}

/// The diagnostic for a `}` at `close` in the middle of a line of running
/// text, and the `{` at `open` before it on the line, if there is one.
fn stray_close(item: &str, open: Option<usize>, close: usize) -> Diagnostic {
    match open {
        Some(open) => {
            let inside = item[open + 1..close].trim();
            Diagnostic::new(
                Code::StrayBrace,
                Span::new(open, close + 1),
                "braces inside running text",
            )
            .label("a `}` closes the block, so the text after it is lost")
            .help(format!(
                "for an aside write parentheses, `({inside})`; for the braces themselves write `\\{{` and `\\}}`"
            ))
            .fix(
                "Use parentheses",
                Span::new(open, close + 1),
                format!("({inside})"),
            )
        }
        None => Diagnostic::new(
            Code::StrayBrace,
            Span::new(close, close + 1),
            "a `}` in the middle of a line of running text",
        )
        .label("this closes the block, so the text after it is lost")
        .help("a `}` closes a block at the end of its text; for the brace itself write `\\}`"),
    }
}

/// Whether an item is running text (`body`, `notes`, `follow`, `about`),
/// where a `"` is a character of the text, not a string's.
fn is_prose_item(item: &str) -> bool {
    item.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .is_some_and(|l| {
            ["body", "notes", "follow", "about"].iter().any(|k| {
                l.strip_prefix(k)
                    .is_some_and(|r| r.starts_with([' ', '\t', '{']))
            })
        })
}

/// Mends a line whose string at `open` runs past its end at `nl`: the `"`
/// that was left off is put back where the line then reads as a field (or
/// a declaration's head) of strings alone, such as after a field's name,
/// before a comma, after a comma, before a `{`, or at the end of the line.
fn mend_string(item: &str, open: usize, nl: usize) -> Option<Mended> {
    let line_start = item[..open].rfind('\n').map_or(0, |i| i + 1);
    let line = &item[line_start..nl];
    let body = line.trim_end_matches(['\r', ' ', '\t']);
    let mut places: Vec<usize> = Vec::new();
    // After the first word (a field's name).
    let indent = line.len() - line.trim_start().len();
    if let Some(k) = line.trim_start().find([' ', '\t']) {
        places.push(indent + k + 1);
    }
    for (i, c) in body.char_indices() {
        let before = body[..i].trim_end();
        match c {
            // Before a comma that follows no string.
            ',' if !before.ends_with('"') => places.push(before.len()),
            // After a comma that no string follows.
            ',' => {
                let after = &body[i + 1..];
                if !after.trim_start().starts_with('"') {
                    places.push(i + 1 + (after.len() - after.trim_start().len()));
                }
            }
            _ => {}
        }
    }
    if let Some(b) = body.strip_suffix('{') {
        places.push(b.trim_end().len());
    }
    places.push(body.len());
    // Each place is a parse of the item: on a line of many commas, the
    // first ones and the last ones (the end of the line, before a `{`).
    if places.len() > MAX_PLACES {
        let tail = places.split_off(places.len() - MAX_PLACES / 2);
        places.truncate(MAX_PLACES / 2);
        places.extend(tail);
    }
    let mut first_parse: Option<(usize, String)> = None;
    for p in places {
        let at = line_start + p;
        // Next to a `"` already there, a `"` would only make an empty
        // string.
        if item[..at].ends_with('"') || item[at..].starts_with('"') {
            continue;
        }
        let mut text = item.to_string();
        text.insert(at, '"');
        if !parses(&text) {
            continue;
        }
        let mended_line = &text[line_start..nl + 1];
        if clean(mended_line) {
            return Some(string_mended(item, open, at, text));
        }
        first_parse.get_or_insert((at, text));
    }
    // A string written over two lines: one line, joined.
    let mut joined = item.to_string();
    let crlf = item[..nl].ends_with('\r');
    let from = if crlf { nl - 1 } else { nl };
    joined.replace_range(from..nl + 1, if crlf { "  " } else { " " });
    if parses(&joined) {
        let diagnostic = Diagnostic::new(
            Code::LineBreak,
            Span::new(from, nl + 1),
            "a string is one line, and this one runs on to the next",
        )
        .label("the line ends inside the string")
        .also(Span::new(open, open + 1), "the string opens here")
        .help("write it on one line: join the lines with a space");
        return Some(Mended {
            text: joined,
            inserted: None,
            diagnostics: vec![diagnostic],
        });
    }
    first_parse.map(|(at, text)| string_mended(item, open, at, text))
}

/// Whether a line reads as strings and their field: once its strings are
/// taken out, two words at most, with commas and a `{`.
fn clean(line: &str) -> bool {
    let mut rest = String::new();
    let mut in_string = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (true, '\\') => {
                chars.next();
            }
            (_, '"') => in_string = !in_string,
            (false, c) => rest.push(c),
            _ => {}
        }
    }
    rest.split([',', '{', '}'])
        .flat_map(str::split_whitespace)
        .count()
        <= 2
        && !in_string
}

fn string_mended(item: &str, open: usize, at: usize, text: String) -> Mended {
    let line_start = item[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = item[at..].find('\n').map_or(item.len(), |e| at + e);
    let shown: String = text[line_start..=line_end]
        .trim()
        .chars()
        .take(90)
        .collect();
    // The characters either side of the place, whole: a span never cuts
    // one.
    let before = item[..at].char_indices().next_back().map_or(at, |(i, _)| i);
    let after = at + item[at..].chars().next().map_or(0, char::len_utf8);
    let diagnostic = if at > open {
        Diagnostic::new(
            Code::Unclosed,
            Span::new(open, open + 1),
            "this string is never closed",
        )
        .label("the string opens here")
        .also(
            Span::new(before, at),
            "its closing `\"` most likely goes after this",
        )
    } else {
        Diagnostic::new(
            Code::Unclosed,
            Span::new(at, after),
            "a `\"` is missing here",
        )
        .label("the missing `\"` most likely goes here")
        .also(
            Span::new(open, open + 1),
            "this `\"` is left without its pair",
        )
    }
    .help(format!(
        "write `{shown}`; a quotation mark inside a string is written `\\\"`"
    ));
    Mended {
        text,
        inserted: Some(at),
        diagnostics: vec![diagnostic],
    }
}

/// The first string of an item, from `from`, that runs past the end of its
/// line: where it opens, and the newline it runs over. Strings of the
/// structure only: prose blocks are passed over.
fn run_on_string(item: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = item.as_bytes();
    let mut i = from;
    let mut in_string: Option<usize> = None;
    while i < bytes.len() {
        let c = bytes[i];
        match in_string {
            Some(open) => match c {
                b'\\' => i += 1,
                b'"' => in_string = None,
                b'\n' => return Some((open, i)),
                _ => {}
            },
            None => match c {
                b'"' => in_string = Some(i),
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// The outermost `{` of an item that is never closed, counting braces
/// outside strings and comments of the structure.
fn unclosed_brace(item: &str) -> Option<usize> {
    open_braces(item).first().copied()
}

/// The piece, among the next few after piece `i`, where the item that
/// piece `i` opens would end if it ran on: the first end at which its
/// braces balance. None when piece `i` leaves no brace open.
fn run_on_end(src: &str, pieces: &[(usize, usize)], i: usize) -> Option<usize> {
    let mut depth = open_braces(&src[pieces[i].0..pieces[i].1]).len();
    if depth == 0 {
        return None;
    }
    for (j, &(a, b)) in pieces.iter().enumerate().take(i + 8).skip(i + 1) {
        let piece = &src[a..b];
        // Braces this piece closes beyond its own opens.
        let (closed, opened) = brace_balance(piece);
        if closed >= depth {
            return Some(j);
        }
        depth = depth - closed + opened;
    }
    None
}

/// How many `}` of a piece close braces opened before it, and how many of
/// its `{` it leaves open.
fn brace_balance(piece: &str) -> (usize, usize) {
    let mut closed = 0;
    let mut open = 0usize;
    scan_braces(piece, |c, _| match c {
        b'{' => open += 1,
        _ if open > 0 => open -= 1,
        _ => closed += 1,
    });
    (closed, open)
}

/// Where the `{` an item leaves open are, outermost first.
fn open_braces(item: &str) -> Vec<usize> {
    let mut open: Vec<usize> = Vec::new();
    scan_braces(item, |c, i| {
        if c == b'{' {
            open.push(i);
        } else {
            open.pop();
        }
    });
    open
}

/// Calls `f` with each `{` and `}` of an item and its offset, outside
/// strings, comments and escapes.
fn scan_braces(item: &str, mut f: impl FnMut(u8, usize)) {
    let bytes = item.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                b'"' => in_string = true,
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\\' => i += 1,
                b'{' | b'}' => f(c, i),
                _ => {}
            }
        }
        i += 1;
    }
}

/// Whether the line starting at `at` opens a top-level item: a keyword in
/// the first column, followed by what that item takes next.
fn opens_item(line: &str) -> bool {
    super::keywords::top_level().any(|kw| {
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

// ---------------------------------------------------------------- errors

fn error_pos(err: &pest::error::Error<Rule>) -> usize {
    match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

/// A URL written without its angle brackets: pest stops at the `://`
/// after a field's value `https`.
fn bare_url(src: &str, pos: usize) -> Option<Diagnostic> {
    let line_start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..pos];
    // After the last white space, whatever its width in bytes (a
    // no-break space is two).
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let rest = &src[pos..];
    let url_like = (matches!(word, "http" | "https") && rest.starts_with("://"))
        || (word.is_empty() && rest.starts_with("www."));
    if !url_like {
        return None;
    }
    let start = line_start + word_start;
    let end = pos
        + rest
            .find(|c: char| c.is_whitespace() || matches!(c, '}' | ','))
            .unwrap_or(rest.len());
    let url = &src[start..end];
    let shown = if url.starts_with("www.") {
        format!("https://{url}")
    } else {
        url.to_string()
    };
    Some(
        Diagnostic::new(
            Code::InvalidUrl,
            Span::new(start, end),
            format!("the URL `{url}` is written without its angle brackets"),
        )
        .label("a URL goes in angle brackets")
        .help(format!("write `<{shown}>`"))
        .fix(
            "Put it in angle brackets",
            Span::new(start, end),
            format!("<{shown}>"),
        ),
    )
}

/// Words a press officer understands for what the grammar wanted.
fn expected_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::release
        | Rule::decl
        | Rule::body
        | Rule::contacts
        | Rule::about
        | Rule::advisory
        | Rule::disclaimer
        | Rule::trademarks
        | Rule::source
        | Rule::follow
        | Rule::notes
        | Rule::decl_kind
        | Rule::use_file => {
            "a declaration (`org`, `person`, `place`, `meeting`, `outcome`, `contact`, `image`, `footnote`) or a part of the release (`release`, `body`, `contacts`, `advisory`, `about`, `follow`, `notes`, `disclaimer`, `trademarks`, `source`)"
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
        | Rule::quote_para
        | Rule::quote_run
        | Rule::own_words
        | Rule::heading
        | Rule::list_item
        | Rule::prose_run
        | Rule::line_run
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

/// Where a run of prose ends. Its scan stops at `}`, a line feed and `\`
/// only: three bytes, the most pest finds with memchr (with a fourth it
/// compares every byte). So a run takes in the carriage return of a CRLF
/// line end; the run, and the block it ends, end before it, as they do on
/// a line that ends in a line feed alone. A carriage return that ends no
/// line is the lexer's error (src/syntax/lex.rs), and stays in the run.
fn run_end(pair: &Pair<'_, Rule>) -> usize {
    let span = pair.as_span();
    let crlf = span.end() > span.start()
        && super::lex::crlf_at(pair.get_input().as_bytes(), span.end() - 1);
    span.end() - usize::from(crlf)
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
        | Rule::advisory
        | Rule::disclaimer
        | Rule::trademarks
        | Rule::source
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
    if let Some(d) = bare_url(src, pos) {
        return d;
    }
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
    let at_line_start = pos == 0 || src[..pos].ends_with('\n');
    if word_len > 0
        && (at_line_start
            || positives
                .iter()
                .any(|r| matches!(r, Rule::decl | Rule::release | Rule::decl_kind)))
        && let Some(kw) = super::keywords::meant(&rest[..word_len])
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
        return "every field is a name followed by its value: text in quotes (`title \"...\"`), an @id (`org @org-id`), a date (`dates YYYY-MM-DD`), a URL in angle brackets, or a word".into();
    }
    if positives.contains(&Rule::ident) {
        return "a declaration is its kind, an id and its name: `person some-id \"Full Name\" { ... }`; ids start with a letter and hold letters, digits and `-`".into();
    }
    if positives.contains(&Rule::decl) || positives.contains(&Rule::release) {
        return "at the top level a file holds a `release { ... }` header, declarations such as `person some-id \"Full Name\" { ... }`, and the parts `body`, `contacts`, `about`, `follow` and `notes`".into();
    }
    if positives.contains(&Rule::verb) {
        return "a quote names its speaker by @id and a verb: `quote @some-id said { ... }`".into();
    }
    if next == Some('"') {
        return "a string starts and ends with `\"`; write `\\\"` for a quotation mark inside it"
            .into();
    }
    "see docs/language.md for the shape of each construct".into()
}

// ---------------------------------------------------------------- building

pub(super) struct Builder<'s> {
    /// The file's text, which the tree's texts share.
    pub(super) source: &'s FileText,
    pub(super) offset: usize,
    /// Where recovery put a character into the text parsed: positions
    /// after it are one less in the source.
    pub(super) inserted: Option<usize>,
    /// The characters of the line the text parsed starts in, before it
    /// starts: a column counts them.
    pub(super) line_before: usize,
}

/// Where a body opens (`body {`), for the blocks that follow it.
struct BodyOpen {
    start: usize,
    keyword: Span,
}

/// The meaningful children of a pair: comments are taken out.
pub(super) fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| {
        !matches!(
            p.as_rule(),
            Rule::COMMENT | Rule::open | Rule::close | Rule::comma
        )
    })
}

impl<'s> Builder<'s> {
    /// A builder of text that starts a line at `offset` in the source.
    pub(super) fn at(source: &'s FileText, offset: usize) -> Builder<'s> {
        Builder {
            source,
            offset,
            inserted: None,
            line_before: 0,
        }
    }

    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.pos(s.start()), self.pos(s.end()))
    }

    /// A position of the text parsed, in the source.
    fn pos(&self, p: usize) -> usize {
        match self.inserted {
            Some(at) if p > at => self.offset + p - 1,
            _ => self.offset + p,
        }
    }

    /// The span of a block that may end with a run of prose (`run_end`).
    fn run_span(&self, pair: &Pair<'_, Rule>) -> Span {
        Span::new(self.pos(pair.as_span().start()), self.pos(run_end(pair)))
    }

    fn spanned(&self, pair: &Pair<'_, Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_string(), self.span(pair))
    }

    /// The items of a file, or of a part of one (`head`, `tail`), added to
    /// `file`. A part that ends where a body opens says where, in `opened`.
    fn items(&self, pair: Pair<'_, Rule>, file: &mut File, opened: &mut Option<BodyOpen>) {
        self.collect_comments(&pair, file);
        for p in pair.into_inner() {
            let item = match p.as_rule() {
                Rule::body_open => {
                    *opened = Some(BodyOpen {
                        start: self.span(&p).start,
                        keyword: self.keyword(&p),
                    });
                    continue;
                }
                Rule::use_file => match children(p).next() {
                    Some(s) => Item::Use(self.string(s)),
                    None => continue,
                },
                Rule::release => Item::Release(self.release(p)),
                Rule::decl => Item::Decl(self.decl(p)),
                Rule::body => Item::Body(self.prose_item(p)),
                Rule::follow => Item::Follow(self.prose_item(p)),
                Rule::notes => Item::Notes(self.prose_item(p)),
                Rule::disclaimer => Item::Disclaimer(self.prose_item(p)),
                Rule::trademarks => Item::Trademarks(self.prose_item(p)),
                Rule::source => {
                    let span = self.span(&p);
                    let keyword = self.keyword_span(&p, "source");
                    match children(p).next() {
                        Some(r) => Item::Source(Source {
                            keyword,
                            org: self.reference(r),
                            span,
                        }),
                        None => continue,
                    }
                }
                Rule::contacts => Item::Contacts(self.contacts(p)),
                Rule::about => Item::About(self.about(p)),
                Rule::advisory => Item::Advisory(self.advisory(p)),
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
        let values: Vec<Value> = inner.map(|v| self.value(v)).collect();
        // pest's pair runs on over the white space and comments after the
        // last value (the rule's repetition skips them before it fails):
        // the field ends with its last value.
        let end = values.last().map_or(key.span.end, |v| v.span.end);
        let span = Span::new(span.start, end.clamp(span.start, span.end));
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

    fn advisory(&self, pair: Pair<'_, Rule>) -> Advisory {
        let span = self.span(&pair);
        let keyword = self.keyword_span(&pair, "advisory");
        let mut meeting = None;
        let mut fields = Vec::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::reference => meeting = Some(self.reference(p)),
                Rule::fields => fields = self.fields(p),
                _ => {}
            }
        }
        Advisory {
            meeting: meeting.unwrap_or(Ref {
                id: Spanned::new(String::new(), keyword),
                field: None,
                span: keyword,
            }),
            keyword,
            fields,
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
    /// The keyword a prose part starts with.
    fn keyword(&self, pair: &Pair<'_, Rule>) -> Span {
        let span = self.span(pair);
        let word_len = pair
            .as_str()
            .find([' ', '\t', '\n', '\r', '{'])
            .unwrap_or(0);
        Span::new(span.start, span.start + word_len)
    }

    fn prose_item(&self, pair: Pair<'_, Rule>) -> Prose {
        let span = self.span(&pair);
        let keyword = self.keyword(&pair);
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
        let span = self.run_span(&pair);
        Some(match pair.as_rule() {
            Rule::para => Block::Para(self.para(pair)),
            Rule::heading => {
                let mut inner = children(pair);
                let level = inner.next().map_or(1, |l| l.as_str().len()) as u8;
                Block::Heading {
                    level,
                    inlines: self.run(inner.next()),
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
                    inlines: self.run(inner.next()),
                    span,
                }
            }
            Rule::quote => Block::Quote(Box::new(self.quote(pair))),
            Rule::figure => {
                let span = self.span(&pair);
                Block::Figure {
                    image: Box::new(self.reference(children(pair).next()?)),
                    span,
                }
            }
            _ => return None,
        })
    }

    /// The column of an absolute offset, counted in characters.
    fn column(&self, abs: usize, input: &str) -> usize {
        let rel = abs - self.offset;
        match input[..rel].rfind('\n') {
            Some(i) => input[i + 1..rel].chars().count(),
            None => self.line_before + input[..rel].chars().count(),
        }
    }

    fn para(&self, pair: Pair<'_, Rule>) -> Para {
        let span = self.run_span(&pair);
        Para {
            inlines: self.run(children(pair).next()),
            span,
        }
    }

    /// The inlines of a run of text (`prose_run`, `line_run`), read by the
    /// second pass.
    fn run(&self, pair: Option<Pair<'_, Rule>>) -> Vec<Inline> {
        let Some(pair) = pair else {
            return Vec::new();
        };
        let start = pair.as_span().start();
        let text = &pair.get_input()[start..run_end(&pair)];
        let at = |p: usize| self.pos(start + p);
        let (mut inlines, end) = super::inline::inlines(text, &at, self.source);
        // The grammar's run ends where its inlines end, so nothing is
        // left; were anything left, it is kept as text, never dropped.
        if end < text.len() {
            let span = Span::new(at(end), at(text.len()));
            inlines.push(Inline::Text(Spanned::new(
                self.source.str(span, &text[end..]),
                span,
            )));
        }
        // The tree keeps every paragraph's inlines until the check is done:
        // what the vector grew into and never used is given back.
        inlines.shrink_to_fit();
        inlines
    }

    fn quote(&self, pair: Pair<'_, Rule>) -> Quote {
        let span = self.span(&pair);
        let mut speaker = None;
        let mut verb = None;
        let mut style = None;
        let mut paras = Vec::new();
        let mut attribution = None;
        let mut words = Vec::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::reference => speaker = Some(self.reference(p)),
                Rule::verb => verb = Some(self.spanned(&p)),
                Rule::quote_style => style = Some(self.spanned(&p)),
                Rule::quote_para => paras.push(self.para(p)),
                Rule::own_words => {
                    let span = self.run_span(&p);
                    let inlines = self.run(children(p).next());
                    words.push((paras.len(), Para { inlines, span }));
                }
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
            style,
            paras,
            attribution,
            words,
            span,
        }
    }

    /// The inlines of `inline_spec`, built from pest's pairs: the reading
    /// of the grammar's own rules that [`super::inline`] is held to.
    #[cfg(test)]
    pub(super) fn inlines<'i>(&self, pairs: impl Iterator<Item = Pair<'i, Rule>>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for p in pairs {
            let span = self.span(&p);
            let inline = match p.as_rule() {
                Rule::text => Inline::Text(Spanned::new(self.source.str(span, p.as_str()), span)),
                Rule::escape => {
                    let c: String = std::iter::once(super::ast::LITERAL)
                        .chain(p.as_str().chars().skip(1))
                        .collect();
                    Inline::Text(Spanned::new(c.into(), span))
                }
                Rule::soft_break => Inline::SoftBreak(span),
                Rule::emph | Rule::emph_in_link => Inline::Emph(self.inlines(children(p)), span),
                Rule::strong | Rule::strong_in_link => {
                    Inline::Strong(self.inlines(children(p)), span)
                }
                Rule::reference => Inline::Ref(Box::new(self.reference(p))),
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
                    Inline::Link {
                        text,
                        target: Box::new(target),
                        span,
                    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a body's parts meet the items around it, and a body longer
    /// than the blocks one match of `body_block` takes.
    const SHAPES: &[&str] = &[
        "release { title \"T\" }\nbody {  - first\n  - second\n}\n",
        "body // the text\n{\nA paragraph.\n}\n// after\n",
        "org a \"A\" {}\nperson b \"B\" { org @a }\n",
        "body {\nOne.\n}\nbody {\nTwo.\n}\n",
        "body {}\n",
        "body{\n}",
        "  \n// only a comment\n",
        "",
        "body {\nquote @b said {\nWords.\n\n--- he added.\n}\n# Heading\n1. one\n}\nabout @a {\nText.\n}\n",
        "body {\nText with a } in it.\n}\n",
        "body {\nText never closed.\n",
        "body {\nText.\n}\nrelease { title \"T\" \n",
        "person body \"X\" {}\nbody {\nText.\n}\n",
    ];

    fn texts() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<(String, String)> = SHAPES
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("shape {i}"), (*s).to_string()))
            .collect();
        let long: String = (0..100)
            .map(|i| format!("Paragraph {i}.\n\n- item {i}\n\n"))
            .collect();
        texts.push(("long body".into(), format!("body {{\n{long}}}\n")));
        // Blocks on one line, across matches: a list item's column counts
        // the whole line.
        let line = "quote @b {Q.} ".repeat(40);
        texts.push((
            "one line".into(),
            format!("body {{{line}- item\n- two\n}}\n"),
        ));
        for dir in ["examples", "tests/ui", "tests/fuzz-corpus"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if path.extension().is_some_and(|e| e == "rel")
                    && let Ok(src) = std::fs::read_to_string(&path)
                {
                    texts.push((path.display().to_string(), src));
                }
            }
        }
        texts
    }

    /// A file read in parts (the rules `head` to `tail`) gives the tree the
    /// rule `file` gives, spans and comments included, and is read in
    /// parts exactly when it parses whole.
    #[test]
    fn a_file_read_in_parts_is_the_file_read_whole() {
        let mut in_parts = 0;
        for (name, src) in texts() {
            let parses = RelParser::parse(Rule::file, &src).is_ok();
            match stream(&FileText::new(src.as_str().into(), 7)) {
                Some(file) => {
                    assert!(parses, "{name}: read in parts, but not whole");
                    assert_eq!(
                        file,
                        parse_whole(&FileText::new(src.as_str().into(), 7)).0,
                        "{name}"
                    );
                    in_parts += 1;
                }
                None => assert!(!parses, "{name}: read whole, but not in parts"),
            }
        }
        // The examples and the UI cases that parse, at least.
        assert!(in_parts > 60, "only {in_parts} files were read in parts");
    }

    /// A file with CRLF line ends gives the tree of its twin with LF ones,
    /// at the same places (each span moved by the carriage returns before
    /// it), read whole and in parts: a run of prose takes in the carriage
    /// return of its line end, and the tree leaves it out (`run_end`).
    #[test]
    fn crlf_line_ends_give_the_tree_of_lf_ones() {
        // The tree's `Debug` form with every span moved to the CRLF text:
        // a place in the LF text is that many more bytes on, as there are
        // line feeds before it.
        let moved = |file: &File, lf: &str| -> String {
            let shown = format!("{file:?}");
            let to_crlf = |p: usize| p + lf[..p].matches('\n').count();
            let mut out = String::new();
            let mut rest = shown.as_str();
            while let Some(i) = rest.find("Span { start: ") {
                let (before, after) = rest.split_at(i + "Span { start: ".len());
                out.push_str(before);
                let (start, after) = after.split_once(", end: ").expect("a span's end");
                let (end, after) = after.split_once(" }").expect("a span's close");
                let at = |n: &str| to_crlf(n.parse().expect("a span's number"));
                out.push_str(&format!("{}, end: {} }}", at(start), at(end)));
                rest = after;
            }
            out.push_str(rest);
            out
        };
        let mut compared = 0;
        for (name, lf) in texts() {
            if lf.contains('\r') || RelParser::parse(Rule::file, &lf).is_err() {
                continue;
            }
            let crlf = lf.replace('\n', "\r\n");
            let want = moved(&parse_whole(&FileText::new(lf.as_str().into(), 0)).0, &lf);
            assert_eq!(
                format!(
                    "{:?}",
                    parse_whole(&FileText::new(crlf.as_str().into(), 0)).0
                ),
                want,
                "{name}"
            );
            let parts = stream(&FileText::new(crlf.as_str().into(), 0))
                .expect("a CRLF twin reads in parts");
            assert_eq!(format!("{parts:?}"), want, "{name}, in parts");
            compared += 1;
        }
        assert!(compared > 60, "only {compared} files were compared");
    }
}
