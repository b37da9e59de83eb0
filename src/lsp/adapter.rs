//! Every conversion between relc's types and the protocol's: positions,
//! spans, paths, diagnostics, symbols and completions. The rest of the
//! server speaks relc; only this module speaks LSP.
//!
//! LSP counts a column in UTF-16 code units; relc counts bytes. A press
//! release is full of "Việt Nam", curly quotes and dashes, so every
//! position goes through [`LineIndex`].

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types as lsp;

use crate::diag::{self, Severity};
use crate::ide;
use crate::project::Project;
use crate::span::Span;
use crate::syntax::ast::DeclKind;

/// Byte offsets as LSP positions and back, through the one
/// [`crate::span::LineIndex`].
pub struct LineIndex<'a>(crate::span::LineIndex<'a>);

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex(crate::span::LineIndex::new(text))
    }

    /// The position of a byte offset: its line, and its column in UTF-16
    /// code units. An offset inside a character counts from its start.
    pub fn position(&self, offset: usize) -> lsp::Position {
        let (line, col) = self.0.utf16_position(offset);
        lsp::Position::new(line as u32, col as u32)
    }

    /// The byte offset of a position (see
    /// [`crate::span::LineIndex::utf16_offset`]).
    pub fn offset(&self, pos: lsp::Position) -> usize {
        self.0
            .utf16_offset(pos.line as usize, pos.character as usize)
    }

    pub fn range(&self, span: Span) -> lsp::Range {
        lsp::Range::new(self.position(span.start), self.position(span.end))
    }
}

/// A `file:` URI for a path, and back. Other schemes have no path.
pub fn uri_of(path: &Path) -> Option<lsp::Uri> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let url = url::Url::from_file_path(abs).ok()?;
    lsp::Uri::from_str(url.as_str()).ok()
}

pub fn path_of(uri: &lsp::Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// A project's spans as protocol ranges and locations, over
/// [`ide::workspace::Ranges`]: a request that places many spans
/// (references, a rename, the diagnostics) scans each file once.
pub struct Locations<'p>(ide::workspace::Ranges<'p>);

impl<'p> Locations<'p> {
    pub fn new(p: &'p Project) -> Self {
        Locations(ide::workspace::Ranges::new(p))
    }

    /// The file a span of the project is in, and its range there.
    pub fn range(&mut self, span: Span) -> (usize, lsp::Range) {
        let (file, start, end) = self.0.local(span);
        (file, lsp::Range::new(pos(start), pos(end)))
    }

    /// A span as a location: its file's URI and range.
    pub fn location(&mut self, span: Span) -> Option<lsp::Location> {
        location(&self.0.of(span))
    }
}

fn pos((line, character): (usize, usize)) -> lsp::Position {
    lsp::Position::new(line as u32, character as u32)
}

/// A range of a file as a location.
pub fn location(r: &ide::workspace::FileRange) -> Option<lsp::Location> {
    Some(lsp::Location::new(
        uri_of(&r.path)?,
        lsp::Range::new(pos(r.start), pos(r.end)),
    ))
}

/// The ranges of a rename, by file, as an edit of the workspace.
pub fn rename_edit(
    files: std::collections::BTreeMap<PathBuf, Vec<ide::workspace::FileRange>>,
    new_name: &str,
) -> lsp::WorkspaceEdit {
    let files = files
        .into_iter()
        .filter_map(|(path, ranges)| {
            let edits = ranges
                .iter()
                .map(|r| {
                    lsp::TextEdit::new(
                        lsp::Range::new(pos(r.start), pos(r.end)),
                        new_name.to_string(),
                    )
                })
                .collect();
            Some((uri_of(&path)?, edits))
        })
        .collect();
    workspace_edit(files)
}

/// The diagnostics of a project, grouped by the file they are in, every
/// file of the project listed (an empty list clears what was shown).
/// Secondary labels become related information, in whichever file.
pub fn diagnostics(p: &Project) -> Vec<(usize, Vec<lsp::Diagnostic>)> {
    let mut out: Vec<(usize, Vec<lsp::Diagnostic>)> = (0..p.sources.files.len())
        .map(|i| (i, Vec::new()))
        .collect();
    let mut lines = Locations::new(p);
    for d in &p.compiled.diagnostics {
        let (file, range) = lines.range(d.span);
        let mut message = d.message.clone();
        if let Some(l) = &d.label {
            message.push_str(&format!(": {l}"));
        }
        if let Some(h) = &d.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        let related: Vec<lsp::DiagnosticRelatedInformation> = d
            .secondary
            .iter()
            .filter_map(|l| {
                Some(lsp::DiagnosticRelatedInformation {
                    location: lines.location(l.span)?,
                    message: l.message.clone(),
                })
            })
            .collect();
        out[file].1.push(lsp::Diagnostic {
            range,
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            }),
            code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
            code_description: None,
            source: Some("relc".to_string()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            // The text of `relc explain CODE`, for a client that shows it.
            data: diag::explain(d.code).map(|t| serde_json::json!({ "explain": t })),
        });
    }
    out
}

pub fn symbol_kind(kind: DeclKind) -> lsp::SymbolKind {
    match kind {
        DeclKind::Org => lsp::SymbolKind::NAMESPACE,
        DeclKind::Person => lsp::SymbolKind::OBJECT,
        DeclKind::Place => lsp::SymbolKind::STRUCT,
        DeclKind::Meeting => lsp::SymbolKind::EVENT,
        DeclKind::Outcome => lsp::SymbolKind::ENUM_MEMBER,
        DeclKind::Contact => lsp::SymbolKind::CONSTANT,
        DeclKind::Image => lsp::SymbolKind::FILE,
        DeclKind::Footnote => lsp::SymbolKind::STRING,
    }
}

#[allow(deprecated)] // DocumentSymbol::deprecated must be written out.
pub fn outline(index: &LineIndex<'_>, entries: &[ide::OutlineEntry]) -> Vec<lsp::DocumentSymbol> {
    entries
        .iter()
        .map(|e| lsp::DocumentSymbol {
            name: e.name.clone(),
            detail: (!e.detail.is_empty()).then(|| e.detail.clone()),
            kind: match e.kind {
                Some(k) => symbol_kind(k),
                None if e.children.is_empty() => lsp::SymbolKind::FIELD,
                None => lsp::SymbolKind::MODULE,
            },
            tags: None,
            deprecated: None,
            range: index.range(e.span),
            selection_range: index.range(e.focus),
            children: (!e.children.is_empty()).then(|| outline(index, &e.children)),
        })
        .collect()
}

pub fn completion(c: &ide::Completion) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: c.label.clone(),
        detail: Some(c.detail.clone()),
        kind: Some(match c.kind {
            ide::CompletionKind::Reference => lsp::CompletionItemKind::REFERENCE,
            ide::CompletionKind::Field => lsp::CompletionItemKind::FIELD,
            ide::CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
        }),
        ..Default::default()
    }
}

/// Hover text and the span it is about, as the protocol's hover.
pub fn hover(index: &LineIndex<'_>, text: String, span: Span) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: text,
        }),
        range: Some(index.range(span)),
    }
}

/// Edits to several files as one workspace edit, files in the order given.
fn workspace_edit(files: Vec<(lsp::Uri, Vec<lsp::TextEdit>)>) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        document_changes: Some(lsp::DocumentChanges::Edits(
            files
                .into_iter()
                .map(|(uri, edits)| lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: None,
                    },
                    edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
                })
                .collect(),
        )),
        ..Default::default()
    }
}

/// A quick fix of the release at `uri`.
pub fn code_action(
    index: &LineIndex<'_>,
    uri: &lsp::Uri,
    a: ide::Action,
) -> lsp::CodeActionOrCommand {
    let edits = a
        .edits
        .iter()
        .map(|(span, text)| lsp::TextEdit::new(index.range(*span), text.clone()))
        .collect();
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: a.title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        edit: Some(workspace_edit(vec![(uri.clone(), edits)])),
        ..Default::default()
    })
}

pub fn folding_range(index: &LineIndex<'_>, span: Span) -> lsp::FoldingRange {
    let r = index.range(span);
    lsp::FoldingRange {
        start_line: r.start.line,
        end_line: r.end.line,
        kind: Some(lsp::FoldingRangeKind::Region),
        ..Default::default()
    }
}

/// A whole-document replacement, for formatting.
pub fn replace_all(old: &str, new: String) -> lsp::TextEdit {
    lsp::TextEdit::new(LineIndex::new(old).range(Span::new(0, old.len())), new)
}

/// The semantic token types relc sends, in the order of
/// [`ide::TokenKind::ALL`].
pub fn token_legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: ide::TokenKind::ALL
            .iter()
            .map(|k| match k {
                ide::TokenKind::Keyword => lsp::SemanticTokenType::KEYWORD,
                ide::TokenKind::Declaration => lsp::SemanticTokenType::VARIABLE,
                ide::TokenKind::Reference => lsp::SemanticTokenType::MACRO,
                ide::TokenKind::Field => lsp::SemanticTokenType::PROPERTY,
                ide::TokenKind::Value => lsp::SemanticTokenType::STRING,
                ide::TokenKind::Date => lsp::SemanticTokenType::NUMBER,
                ide::TokenKind::Comment => lsp::SemanticTokenType::COMMENT,
            })
            .collect(),
        token_modifiers: vec![lsp::SemanticTokenModifier::DECLARATION],
    }
}

/// Tokens in the protocol's relative encoding, each line of a token that
/// spans lines sent on its own.
pub fn semantic_tokens(text: &str, tokens: &[(Span, ide::TokenKind)]) -> Vec<lsp::SemanticToken> {
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for (span, kind) in tokens {
        let ty = ide::TokenKind::ALL
            .iter()
            .position(|k| k == kind)
            .unwrap_or(0) as u32;
        let modifiers = u32::from(*kind == ide::TokenKind::Declaration);
        let mut start = span.start;
        while start < span.end {
            let line_end = text[start..span.end]
                .find('\n')
                .map_or(span.end, |i| start + i);
            let (a, b) = (index.position(start), index.position(line_end));
            if b.character > a.character {
                let delta_line = a.line - prev_line;
                let delta_start = if delta_line == 0 {
                    a.character - prev_start
                } else {
                    a.character
                };
                out.push(lsp::SemanticToken {
                    delta_line,
                    delta_start,
                    length: b.character - a.character,
                    token_type: ty,
                    token_modifiers_bitset: modifiers,
                });
                (prev_line, prev_start) = (a.line, a.character);
            }
            start = line_end + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_both_ways() {
        // "ệ" is 3 bytes and 1 unit; "’" 3 bytes, 1 unit; "𝄞" 4 bytes and
        // 2 units (outside the Basic Multilingual Plane).
        let text = "place vn \"Việt Nam\"\r\n  quote ’𝄞’ x\nend";
        let index = LineIndex::new(text);
        let cases = [
            (0, (0, 0)),
            (text.find("ệ").unwrap(), (0, 12)),
            (text.find("t Nam").unwrap(), (0, 13)),
            (text.find("\r\n").unwrap(), (0, 19)),
            (text.find("’").unwrap(), (1, 8)),
            (text.find("𝄞").unwrap(), (1, 9)),
            (text.find("’ x").unwrap(), (1, 11)),
            (text.find("end").unwrap(), (2, 0)),
            (text.len(), (2, 3)),
        ];
        for (offset, (line, col)) in cases {
            let pos = index.position(offset);
            assert_eq!((pos.line, pos.character), (line, col), "offset {offset}");
            assert_eq!(index.offset(pos), offset, "back from {line}:{col}");
        }
        // Inside a surrogate pair: the start of the character.
        let in_pair = lsp::Position::new(1, 10);
        assert_eq!(index.offset(in_pair), text.find("𝄞").unwrap());
        // Past the end of a line: its end, before the \r\n.
        assert_eq!(
            index.offset(lsp::Position::new(0, 99)),
            text.find("\r\n").unwrap()
        );
        // Past the last line: the end of the text.
        assert_eq!(index.offset(lsp::Position::new(9, 0)), text.len());
        // A byte offset inside a character counts from its start.
        assert_eq!(
            index.position(text.find("ệ").unwrap() + 1),
            lsp::Position::new(0, 12)
        );
    }
}

#[cfg(test)]
mod token_tests {
    use super::*;

    #[test]
    fn tokens_are_relative_utf16_and_split_at_line_ends() {
        let text = "a \"Việt\nNam\" @x";
        let tokens = [
            (Span::new(0, 1), ide::TokenKind::Keyword),
            (
                Span::new(2, text.find(" @").unwrap()),
                ide::TokenKind::Value,
            ),
            (
                Span::new(text.find('@').unwrap(), text.len()),
                ide::TokenKind::Reference,
            ),
        ];
        let enc: Vec<[u32; 4]> = semantic_tokens(text, &tokens)
            .iter()
            .map(|t| [t.delta_line, t.delta_start, t.length, t.token_type])
            .collect();
        // `a`; `"Việt` (5 units) on line 0; `Nam"` on line 1; `@x` after it.
        assert_eq!(
            enc,
            [[0, 0, 1, 0], [0, 2, 5, 4], [1, 0, 4, 4], [0, 5, 2, 2]]
        );
    }
}
