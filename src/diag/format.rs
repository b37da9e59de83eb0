//! Machine-readable forms of diagnostics: `short` (one line each), `json`
//! (one object per line) and `github` (GitHub Actions workflow commands).
//! The human form is miette's, in [`super::render`].

use serde::Serialize;

use super::{Diagnostic, Severity};
use crate::span::{LineIndex, Span};

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `file:line:col: severity[code]: message`, one line per diagnostic.
pub fn short(name: &str, src: &str, diags: &[Diagnostic]) -> String {
    let idx = LineIndex::new(src);
    let mut out = String::new();
    for d in diags {
        let (line, col) = idx.position(d.span.start);
        out.push_str(&format!(
            "{name}:{line}:{col}: {}[{}]: {}\n",
            severity_word(d.severity),
            d.code,
            d.message
        ));
    }
    out
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    span: JsonSpan<'a>,
    secondary: Vec<JsonSpan<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

fn json_span<'a>(idx: &LineIndex<'_>, span: Span, label: Option<&'a str>) -> JsonSpan<'a> {
    let (line, column) = idx.position(span.start);
    let (end_line, end_column) = idx.position(span.end);
    JsonSpan {
        start: span.start,
        end: span.end,
        line,
        column,
        end_line,
        end_column,
        label,
    }
}

/// One JSON object per line, with byte spans and lines and columns.
pub fn json(name: &str, src: &str, diags: &[Diagnostic]) -> String {
    let idx = LineIndex::new(src);
    let mut out = String::new();
    for d in diags {
        let obj = JsonDiagnostic {
            file: name,
            code: d.code.as_str(),
            name: d.code.name(),
            severity: severity_word(d.severity),
            message: &d.message,
            span: json_span(&idx, d.span, d.label.as_deref()),
            secondary: d
                .secondary
                .iter()
                .map(|l| json_span(&idx, l.span, Some(&l.message)))
                .collect(),
            help: d.help.as_deref(),
        };
        // Plain structs of strings and numbers always serialise.
        out.push_str(&serde_json::to_string(&obj).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// GitHub Actions workflow commands, which annotate the file in a pull
/// request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::…`.
pub fn github(name: &str, src: &str, diags: &[Diagnostic]) -> String {
    let idx = LineIndex::new(src);
    let mut out = String::new();
    for d in diags {
        let (line, col) = idx.position(d.span.start);
        let (end_line, end_col) = idx.position(d.span.end);
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        out.push_str(&format!(
            "::{} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            severity_word(d.severity),
            escape_property(name),
            escape_property(&format!("{} {}", d.code, d.code.name())),
            escape_data(&message),
        ));
    }
    out
}

/// The escaping GitHub's runner applies to a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escaping of a command's properties, which also reserve `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    fn sample() -> (&'static str, Vec<Diagnostic>) {
        let src = "place hn \"Việt Nam\" {}\nbody { @hanoi, 100% }\n";
        let at = src.find("@hanoi").unwrap();
        let d = Diagnostic::new(
            Code::UnknownId,
            Span::new(at + 1, at + 6),
            "no declaration has the id `hanoi`",
        )
        .label("unknown id")
        .help("did you mean `@hn`?, or 100%");
        (src, vec![d])
    }

    #[test]
    fn columns_count_characters() {
        let idx = LineIndex::new("ab\nViệt x");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        let x = "ab\nViệt x".find('x').unwrap();
        assert_eq!(idx.position(x), (2, 6));
    }

    #[test]
    fn short_is_one_line() {
        let (src, d) = sample();
        assert_eq!(
            short("a.rel", src, &d),
            "a.rel:2:9: error[E0101]: no declaration has the id `hanoi`\n"
        );
    }

    #[test]
    fn json_lines_parse_and_carry_spans() {
        let (src, d) = sample();
        let out = json("a.rel", src, &d);
        assert_eq!(out.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["code"], "E0101");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["span"]["line"], 2);
        assert_eq!(v["span"]["column"], 9);
        assert_eq!(
            &src[v["span"]["start"].as_u64().unwrap() as usize
                ..v["span"]["end"].as_u64().unwrap() as usize],
            "hanoi"
        );
    }

    #[test]
    fn github_commands_are_escaped() {
        let (src, d) = sample();
        let out = github("dir/a,b.rel", src, &d);
        assert_eq!(
            out,
            "::error file=dir/a%2Cb.rel,line=2,col=9,endLine=2,endColumn=14,title=E0101 unknown-id::no declaration has the id `hanoi`%0Ahelp: did you mean `@hn`?, or 100%25\n"
        );
    }
}
