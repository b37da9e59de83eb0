//! Slips a writer makes in the structure of a release (the header and the
//! declarations) that look right and are not: typographic quotation marks
//! around a string, a no-break space between a field and its value, a date
//! written the way a letter writes it. Each is put right in place (the
//! text keeps its length, so every span still points into the source) and
//! named in the writer's words, with the line as it should read.

use crate::diag::{Code, Diagnostic};
use crate::span::Span;

/// The item with its look-alikes put right, and a diagnostic for each.
/// Text inside strings and comments is left as it is.
pub fn lookalikes(item: &str) -> (String, Vec<Diagnostic>) {
    let mut out = item.to_string();
    let mut diags = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    while i < item.len() {
        let rest = &item[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        if in_string {
            match c {
                // The escaped character is skipped whole, whatever its
                // length.
                '\\' => {
                    i += 1;
                    i += item[i..].chars().next().map_or(0, char::len_utf8);
                    continue;
                }
                '"' | '\n' => in_string = false,
                _ => {}
            }
            i += c.len_utf8();
            continue;
        }
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
            continue;
        }
        if c == '"' {
            in_string = true;
            i += 1;
            continue;
        }
        let at_word_start = i == 0 || item[..i].ends_with(|p: char| p.is_whitespace());
        if let Some((len, d, with)) = typographic_string(item, i)
            .or_else(|| invisible_space(rest, i))
            .or_else(|| at_word_start.then(|| letter_date(rest, i)).flatten())
        {
            out.replace_range(i..i + len, &with);
            diags.push(d);
            i += len;
            continue;
        }
        i += c.len_utf8();
    }
    (out, diags)
}

const OPENING: [char; 5] = ['“', '”', '„', '«', '‟'];
const CLOSING: [char; 4] = ['”', '“', '»', '‟'];

/// A string between typographic quotation marks, at `at`: its length and
/// the same text between straight ones (the spare bytes as spaces outside
/// the string).
fn typographic_string(item: &str, at: usize) -> Option<(usize, Diagnostic, String)> {
    let rest = &item[at..];
    let open = rest.chars().next().filter(|c| OPENING.contains(c))?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let body_start = open.len_utf8();
    let close_at = line[body_start..].find(|c: char| CLOSING.contains(&c))? + body_start;
    let close = line[close_at..].chars().next()?;
    let inner = &line[body_start..close_at];
    if inner.contains('"') {
        return None;
    }
    let len = close_at + close.len_utf8();
    // `“` is three bytes and `"` one: the two spare bytes are spaces, before
    // the opening quote and after the closing one, outside the string.
    let with = format!(
        "{}\"{inner}\"{}",
        " ".repeat(open.len_utf8() - 1),
        " ".repeat(close.len_utf8() - 1)
    );
    let d = Diagnostic::new(
        Code::LookAlike,
        Span::new(at, at + open.len_utf8()),
        format!("a string opens with the typographic quotation mark `{open}`"),
    )
    .label("looks like `\"`, and is not")
    .also(
        Span::new(at + close_at, at + len),
        "and closes with this one",
    )
    .help(format!(
        "strings open and close with the straight quotation mark `\"`: write \"{inner}\"; typographic marks belong inside the text, where relc also makes them from straight ones in prose"
    ))
    .fix(
        "Use straight quotation marks",
        Span::new(at, at + len),
        format!("\"{inner}\""),
    );
    Some((len, d, with))
}

/// A space that is not one: a no-break or other typographic space, or an
/// invisible character, where the structure wants white space.
fn invisible_space(rest: &str, at: usize) -> Option<(usize, Diagnostic, String)> {
    let c = rest.chars().next()?;
    let name = match c {
        '\u{00A0}' => "a no-break space",
        '\u{2007}' => "a figure space",
        '\u{202F}' => "a narrow no-break space",
        '\u{2000}'..='\u{200A}' => "a typographic space",
        '\u{3000}' => "an ideographic space",
        '\u{200B}' => "a zero-width space",
        '\u{2060}' => "a word joiner",
        _ => return None,
    };
    let len = c.len_utf8();
    let d = Diagnostic::new(
        Code::LookAlike,
        Span::new(at, at + len),
        format!(
            "{name} (U+{:04X}) where an ordinary space belongs",
            u32::from(c)
        ),
    )
    .label("looks like a space, and is not")
    .help("replace it with an ordinary space; it often comes from pasting out of a word processor")
    .fix("Use an ordinary space", Span::new(at, at + len), " ");
    Some((len, d, " ".repeat(len)))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: `March`, `Mar`, `Mar.`, `Sept.`.
fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (m.starts_with(&w) && w.len() >= 3 && w.len() <= 4))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// A date not written as `YYYY-MM-DD`: `21-02-2017`, `21/02/2017`,
/// `2 March 2017`, `March 2, 2017`. Its length, and the ISO date padded to
/// it.
fn letter_date(rest: &str, at: usize) -> Option<(usize, Diagnostic, String)> {
    // A date is short ("September 12th, 2017"): look no further than 32
    // bytes, so a long line costs no more than a short one at each word.
    let mut end = rest.len().min(32);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest[..end];
    let line = &window[..window.find(['\n', '}', '{']).unwrap_or(window.len())];
    let (len, day, month, year, ambiguous) = numeric_date(line).or_else(|| worded_date(line))?;
    let iso = format!("{year:04}-{month:02}-{day:02}");
    if iso.len() > len {
        return None;
    }
    let written = &line[..len];
    let mut help = format!("dates are written year, month, day: {iso}");
    if ambiguous {
        help.push_str(&format!(
            ", if {day} is the day; if {day} is the month, {year:04}-{day:02}-{month:02}"
        ));
    }
    let d = Diagnostic::new(
        Code::DateFormat,
        Span::new(at, at + len),
        format!("the date `{written}` is not in the form relc reads"),
    )
    .label(format!("write {iso}"))
    .help(help)
    .fix(format!("Write {iso}"), Span::new(at, at + len), iso.clone());
    let padded = format!("{iso}{}", " ".repeat(len - iso.len()));
    Some((len, d, padded))
}

/// `DD-MM-YYYY`, `DD/MM/YYYY` or `DD.MM.YYYY`, read day first; whether the
/// month could be the day.
fn numeric_date(line: &str) -> Option<(usize, u8, u8, i32, bool)> {
    let token_len = line
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .unwrap_or(line.len());
    let token = &line[..token_len];
    let sep = token.chars().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<&str> = token.split(sep).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let (d, m, y): (u8, u8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    // Day first, as most of the world writes it; month first where the
    // day-first reading is impossible.
    let (day, month) = if m <= 12 { (d, m) } else { (m, d) };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    Some((token_len, day, month, y, d <= 12 && m <= 12 && d != m))
}

/// `2 March 2017`, `2 Mar. 2017`, `March 2, 2017`.
fn worded_date(line: &str) -> Option<(usize, u8, u8, i32, bool)> {
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .take(3)
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let [(_, a), (_, b), (c_at, c)] = words.as_slice() else {
        return None;
    };
    let year = |w: &str| -> Option<i32> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    let day = |w: &str| -> Option<u8> {
        let w = w.trim_end_matches(',');
        let w = w
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        w.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let (d, m, y) = match (day(a), month(b), year(c)) {
        (Some(d), Some(m), Some(y)) => (d, m, y),
        _ => (day(b)?, month(a)?, year(c)?),
    };
    Some((c_at + c.len(), d, m, y, false))
}

#[cfg(test)]
mod tests {
    use super::lookalikes;

    fn fixed(s: &str) -> (String, Vec<String>) {
        let (out, d) = lookalikes(s);
        assert_eq!(out.len(), s.len(), "{s}");
        (out, d.into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn typographic_quotes_become_straight_ones_outside_strings() {
        let (out, d) = fixed("  headline “Officials meet” \n  title \"a “b” c\"\n");
        assert_eq!(
            out,
            "  headline   \"Officials meet\"   \n  title \"a “b” c\"\n"
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn dates_are_put_in_iso_order() {
        assert_eq!(
            fixed("dateline @x 21-02-2017\n").0,
            "dateline @x 2017-02-21\n"
        );
        assert_eq!(
            fixed("dateline @x 21/02/2017}").0,
            "dateline @x 2017-02-21}"
        );
        assert_eq!(fixed("dates 2 March 2017\n").0, "dates 2017-03-02  \n");
        assert_eq!(fixed("dates March 2, 2017\n").0, "dates 2017-03-02   \n");
        assert_eq!(fixed("dates Sept. 12 2017\n").0, "dates 2017-09-12   \n");
        // Not dates: ISO ones, and words in strings.
        assert_eq!(fixed("dates 2017-03-02\n").1.len(), 0);
        assert_eq!(fixed("headline \"On 2 March 2017\"\n").1.len(), 0);
    }

    #[test]
    fn an_escaped_character_of_any_length_is_skipped_whole() {
        // Once sliced inside the `é`, and panicked.
        let (out, d) = fixed("title \"a \\é b\" “x”\n");
        assert_eq!(d.len(), 1);
        assert!(out.contains("\"x\""));
    }

    #[test]
    fn invisible_spaces_are_named() {
        let (out, d) = fixed("issuer\u{a0}@apec\n");
        assert_eq!(out, "issuer  @apec\n");
        assert_eq!(
            d,
            ["a no-break space (U+00A0) where an ordinary space belongs"]
        );
    }
}
