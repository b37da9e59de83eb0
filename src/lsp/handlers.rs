//! One handler per request the server answers. Each takes the request's
//! parameters, asks [`crate::ide`] and converts the answer with
//! [`adapter`]; [`dispatch`] routes a request to its handler.

use lsp_server::{ErrorCode, Request};
use lsp_types as lsp;
use lsp_types::request::{self as req, Request as _};

use super::Server;
use super::adapter::{self, LineIndex};
use crate::ide;
use crate::project::Project;

/// A request that cannot be answered: its error code and why.
pub type Failure = (ErrorCode, String);

/// Answers a request with the handler for its method.
pub fn dispatch(s: &Server<'_>, r: Request) -> Result<serde_json::Value, Failure> {
    match r.method.as_str() {
        req::GotoDefinition::METHOD => on::<req::GotoDefinition>(s, r, definition),
        req::HoverRequest::METHOD => on::<req::HoverRequest>(s, r, hover),
        req::Completion::METHOD => on::<req::Completion>(s, r, completion),
        req::References::METHOD => on::<req::References>(s, r, references),
        req::PrepareRenameRequest::METHOD => on::<req::PrepareRenameRequest>(s, r, prepare_rename),
        req::Rename::METHOD => on::<req::Rename>(s, r, rename),
        req::DocumentSymbolRequest::METHOD => on::<req::DocumentSymbolRequest>(s, r, outline),
        req::Formatting::METHOD => on::<req::Formatting>(s, r, formatting),
        req::CodeActionRequest::METHOD => on::<req::CodeActionRequest>(s, r, code_actions),
        req::SemanticTokensFullRequest::METHOD => {
            on::<req::SemanticTokensFullRequest>(s, r, semantic_tokens)
        }
        req::FoldingRangeRequest::METHOD => on::<req::FoldingRangeRequest>(s, r, folds),
        _ => Err((
            ErrorCode::MethodNotFound,
            format!("relc does not answer {}", r.method),
        )),
    }
}

/// Reads a request's parameters as `R`'s, runs its handler, and writes
/// its answer.
fn on<R: req::Request>(
    s: &Server<'_>,
    r: Request,
    handler: fn(&Server<'_>, R::Params) -> Result<R::Result, Failure>,
) -> Result<serde_json::Value, Failure> {
    let params =
        serde_json::from_value(r.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
    let answer = handler(s, params)?;
    serde_json::to_value(answer).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

/// The open document a request is about, compiled, and the byte offset of
/// a position in it.
fn at(
    s: &Server<'_>,
    doc: &lsp::TextDocumentIdentifier,
    pos: lsp::Position,
) -> Result<(Project, usize), Failure> {
    let path = adapter::path_of(&doc.uri)
        .ok_or((ErrorCode::InvalidParams, "not a file: URI".to_string()))?;
    let p = s.analyse(&path).ok_or((
        ErrorCode::InvalidParams,
        "the document is not open".to_string(),
    ))?;
    let offset = LineIndex::new(&p.sources.files[0].src).offset(pos);
    Ok((p, offset))
}

/// The open document a whole-document request is about, compiled.
fn document(s: &Server<'_>, doc: &lsp::TextDocumentIdentifier) -> Result<Project, Failure> {
    at(s, doc, lsp::Position::new(0, 0)).map(|(p, _)| p)
}

fn definition(
    s: &Server<'_>,
    params: lsp::GotoDefinitionParams,
) -> Result<Option<lsp::GotoDefinitionResponse>, Failure> {
    let tp = params.text_document_position_params;
    let (p, offset) = at(s, &tp.text_document, tp.position)?;
    Ok(ide::definition(&p, offset)
        .and_then(|span| adapter::Locations::new(&p).location(span))
        .map(lsp::GotoDefinitionResponse::Scalar))
}

fn hover(s: &Server<'_>, params: lsp::HoverParams) -> Result<Option<lsp::Hover>, Failure> {
    let tp = params.text_document_position_params;
    let (p, offset) = at(s, &tp.text_document, tp.position)?;
    let index = LineIndex::new(&p.sources.files[0].src);
    Ok(ide::hover(&p, offset).map(|(text, span)| adapter::hover(&index, text, span)))
}

fn completion(
    s: &Server<'_>,
    params: lsp::CompletionParams,
) -> Result<Option<lsp::CompletionResponse>, Failure> {
    let tp = params.text_document_position;
    let (p, offset) = at(s, &tp.text_document, tp.position)?;
    let items = ide::completions(&p, offset)
        .iter()
        .map(adapter::completion)
        .collect();
    Ok(Some(lsp::CompletionResponse::Array(items)))
}

fn references(
    s: &Server<'_>,
    params: lsp::ReferenceParams,
) -> Result<Option<Vec<lsp::Location>>, Failure> {
    let tp = params.text_document_position;
    let (p, offset) = at(s, &tp.text_document, tp.position)?;
    let found = ide::workspace::references(s, &p, offset, params.context.include_declaration);
    Ok(found.map(|ranges| ranges.iter().filter_map(adapter::location).collect()))
}

fn prepare_rename(
    s: &Server<'_>,
    params: lsp::TextDocumentPositionParams,
) -> Result<Option<lsp::PrepareRenameResponse>, Failure> {
    let (p, offset) = at(s, &params.text_document, params.position)?;
    let index = LineIndex::new(&p.sources.files[0].src);
    Ok(ide::id_at(&p, offset)
        .filter(|(_, span)| p.sources.file_of(span.start) == 0)
        .map(|(_, span)| lsp::PrepareRenameResponse::Range(index.range(span))))
}

fn rename(
    s: &Server<'_>,
    params: lsp::RenameParams,
) -> Result<Option<lsp::WorkspaceEdit>, Failure> {
    let tp = params.text_document_position;
    let (p, offset) = at(s, &tp.text_document, tp.position)?;
    let files = ide::workspace::rename_everywhere(s, &p, offset, &params.new_name)
        .map_err(|m| (ErrorCode::InvalidParams, m))?;
    Ok(Some(adapter::rename_edit(files, &params.new_name)))
}

fn outline(
    s: &Server<'_>,
    params: lsp::DocumentSymbolParams,
) -> Result<Option<lsp::DocumentSymbolResponse>, Failure> {
    let p = document(s, &params.text_document)?;
    let index = LineIndex::new(&p.sources.files[0].src);
    let symbols = adapter::outline(&index, &ide::outline(&p));
    Ok(Some(lsp::DocumentSymbolResponse::Nested(symbols)))
}

/// The whole document replaced by its formatted text; nothing for a file
/// with syntax errors, which `relc fmt` leaves alone too.
fn formatting(
    s: &Server<'_>,
    params: lsp::DocumentFormattingParams,
) -> Result<Option<Vec<lsp::TextEdit>>, Failure> {
    let path = adapter::path_of(&params.text_document.uri)
        .ok_or((ErrorCode::InvalidParams, "not a file: URI".to_string()))?;
    let text = s.docs.get(&path).ok_or((
        ErrorCode::InvalidParams,
        "the document is not open".to_string(),
    ))?;
    Ok(Some(match crate::fmt::format(text) {
        Ok(new) if &new != text => vec![adapter::replace_all(text, new)],
        _ => Vec::new(),
    }))
}

fn code_actions(
    s: &Server<'_>,
    params: lsp::CodeActionParams,
) -> Result<Option<lsp::CodeActionResponse>, Failure> {
    let (p, start) = at(s, &params.text_document, params.range.start)?;
    let index = LineIndex::new(&p.sources.files[0].src);
    let end = index.offset(params.range.end);
    let range = crate::span::Span::new(start, end.max(start));
    Ok(Some(
        ide::code_actions(&p, range)
            .into_iter()
            .map(|a| adapter::code_action(&index, &params.text_document.uri, a))
            .collect(),
    ))
}

fn semantic_tokens(
    s: &Server<'_>,
    params: lsp::SemanticTokensParams,
) -> Result<Option<lsp::SemanticTokensResult>, Failure> {
    let p = document(s, &params.text_document)?;
    let data = adapter::semantic_tokens(&p.sources.files[0].src, &ide::tokens(&p));
    Ok(Some(lsp::SemanticTokensResult::Tokens(
        lsp::SemanticTokens {
            result_id: None,
            data,
        },
    )))
}

fn folds(
    s: &Server<'_>,
    params: lsp::FoldingRangeParams,
) -> Result<Option<Vec<lsp::FoldingRange>>, Failure> {
    let p = document(s, &params.text_document)?;
    let index = LineIndex::new(&p.sources.files[0].src);
    Ok(Some(
        ide::folds(&p)
            .into_iter()
            .map(|span| adapter::folding_range(&index, span))
            .collect(),
    ))
}
