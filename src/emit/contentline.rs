//! Content lines, as iCalendar (RFC 5545 §3.1) and vCard (RFC 6350 §3.2)
//! write them: CRLF endings, folded at 75 octets without splitting a
//! character, and text values escaped.

/// A document of content lines.
#[derive(Default)]
pub struct ContentLines(String);

impl ContentLines {
    /// Adds `name:value`, folded. `name` may carry parameters
    /// (`DTSTART;VALUE=DATE`); `value` must already be escaped as its type
    /// requires.
    pub fn push(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        let mut octets = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            // A continuation line starts with a space, which counts too.
            if octets + len > 75 {
                self.0.push_str("\r\n ");
                octets = 1;
            }
            self.0.push(c);
            octets += len;
        }
        self.0.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and newline.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: quoted when it holds `:`, `;` or `,`; a double quote
/// cannot appear in one at all.
pub fn param(s: &str) -> String {
    let s: String = s.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if s.contains([':', ';', ',']) {
        format!("\"{s}\"")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut l = ContentLines::default();
        let long = "Việt Nam ".repeat(20);
        l.push("SUMMARY", &long);
        let out = l.finish();
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{long}\r\n"));
    }

    #[test]
    fn escapes() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        assert_eq!(param("Dr \"Al\" Bollard"), "Dr Al Bollard");
        assert_eq!(param("Bollard, Alan"), "\"Bollard, Alan\"");
    }
}
