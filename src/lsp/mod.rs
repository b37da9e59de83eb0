//! `relc lsp`: the language server. A synchronous loop over an
//! `lsp_server::Connection`, handling each message strictly in order, with
//! no async runtime, as Gleam's server does. The features themselves are
//! pure functions in [`crate::ide`]; every conversion to and from the
//! protocol is in [`adapter`].
//!
//! The server keeps the text of every open document. A release is
//! compiled afresh from that text before each answer, so no answer comes
//! from a stale state; files it `use`s are read from the editor's buffer
//! when one is open, and from disk (through the caller's [`Loader`])
//! otherwise. The server itself does no I/O: the connection and the
//! loader are the caller's.

pub mod adapter;
pub mod transport;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;

use crate::ide;
use crate::project::{Loader, Project};
use adapter::LineIndex;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// What the server can do, for `initialize`.
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        definition_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec!["@".to_string()]),
            ..Default::default()
        }),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: adapter::token_legend(),
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        ..Default::default()
    }
}

/// Answers the `initialize` handshake, then serves until `exit`.
pub fn run(conn: &Connection, disk: &dyn Loader) -> Result<(), Error> {
    let caps = serde_json::to_value(capabilities())?;
    let params = conn.initialize(caps)?;
    Server {
        docs: BTreeMap::new(),
        inputs: BTreeMap::new(),
        disk,
        roots: workspace_roots(&params),
    }
    .serve(conn)
}

/// The workspace folders the client names, or its root: where the releases
/// a rename or a search for references must reach are found.
fn workspace_roots(params: &serde_json::Value) -> Vec<PathBuf> {
    let folders = params["workspaceFolders"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["uri"].as_str())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let uris = if folders.is_empty() {
        params["rootUri"].as_str().into_iter().collect()
    } else {
        folders
    };
    uris.into_iter()
        .filter_map(|u| adapter::path_of(&u.parse().ok()?))
        .collect()
}

struct Server<'l> {
    /// Open documents by path.
    docs: BTreeMap<PathBuf, String>,
    /// The files each open document was made from at its last check: which
    /// open releases use a file is read here, without compiling them all on
    /// every keystroke.
    inputs: BTreeMap<PathBuf, Vec<PathBuf>>,
    disk: &'l dyn Loader,
    /// The workspace folders.
    roots: Vec<PathBuf>,
}

/// Open buffers first, then the disk.
struct Overlay<'a> {
    docs: &'a BTreeMap<PathBuf, String>,
    disk: &'a dyn Loader,
}

impl Loader for Overlay<'_> {
    fn load(&self, path: &Path) -> std::io::Result<String> {
        match self.docs.get(path) {
            Some(text) => Ok(text.clone()),
            None => self.disk.load(path),
        }
    }

    fn identity(&self, path: &Path) -> PathBuf {
        self.disk.identity(path)
    }

    fn project_root(&self, release: &Path) -> Option<PathBuf> {
        self.disk.project_root(release)
    }
}

impl Server<'_> {
    fn serve(mut self, conn: &Connection) -> Result<(), Error> {
        for msg in &conn.receiver {
            match msg {
                Message::Request(req) => {
                    if conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    let resp = self.request(req);
                    conn.sender.send(Message::Response(resp))?;
                }
                Message::Notification(n) => {
                    for out in self.notification(n) {
                        conn.sender.send(Message::Notification(out))?;
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    /// Compiles the open document at `path`.
    fn analyse(&self, path: &Path) -> Option<Project> {
        self.compile(path, self.docs.get(path)?.clone())
    }

    /// Compiles `text` as the release at `path`, reading what it uses from
    /// the open buffers first, then the disk.
    fn compile(&self, path: &Path, text: String) -> Option<Project> {
        let name = path.file_name()?.to_str()?.to_string();
        let stem = path.file_stem()?.to_str()?.to_string();
        let overlay = Overlay {
            docs: &self.docs,
            disk: self.disk,
        };
        Some(crate::project::compile(path, &name, text, &overlay, &stem))
    }

    /// The other releases, open or in the workspace, that see the
    /// declaration of the id at `offset` in `p`: the same id declared in
    /// the same file. Each compiled, with the id.
    fn others_seeing(&self, p: &Project, offset: usize) -> Vec<(Project, String)> {
        let Some((id, decl_path)) = ide::id_at(p, offset).and_then(|(id, _)| {
            let sym = ide::symbols(p).remove(&id)?;
            let file = p.sources.file_of(sym.id_span.start);
            Some((id, p.sources.files[file].path.clone()))
        }) else {
            return Vec::new();
        };
        let this = &p.sources.files[0].path;
        // An id a release declares itself is seen by no other release: only
        // files of shared declarations are used by others.
        if decl_path == *this && !p.compiled.shared {
            return Vec::new();
        }
        let mut candidates: BTreeSet<PathBuf> = self.docs.keys().cloned().collect();
        for root in &self.roots {
            candidates.extend(self.disk.releases_under(root));
        }
        let mut out = Vec::new();
        for path in candidates.iter().filter(|c| *c != this) {
            let text = match self.docs.get(path) {
                Some(t) => t.clone(),
                None => match self.disk.load(path) {
                    Ok(t) => t,
                    Err(_) => continue,
                },
            };
            // A file that does not hold the id's text cannot refer to it:
            // most of a large workspace is passed over unparsed.
            if !text.contains(&id) {
                continue;
            }
            let Some(other) = self.compile(path, text) else {
                continue;
            };
            let same = ide::symbols(&other).get(&id).is_some_and(|sym| {
                other.sources.files[other.sources.file_of(sym.id_span.start)].path == decl_path
            });
            if same {
                out.push((other, id.clone()));
            }
        }
        out
    }

    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        use lsp::notification::{DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument};
        let uri = match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let Some(path) = adapter::path_of(&p.text_document.uri) else {
                    return Vec::new();
                };
                self.docs.insert(path, p.text_document.text);
                p.text_document.uri
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let Some(path) = adapter::path_of(&p.text_document.uri) else {
                    return Vec::new();
                };
                // Full sync: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    self.docs.insert(path, change.text);
                }
                p.text_document.uri
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let mut out = vec![publish(p.text_document.uri.clone(), Vec::new())];
                if let Some(path) = adapter::path_of(&p.text_document.uri) {
                    self.docs.remove(&path);
                    self.inputs.remove(&path);
                    // Releases that use it read it from the disk again.
                    self.publish_users_of(&path, &mut out);
                }
                return out;
            }
            _ => return Vec::new(),
        };
        self.publish_for(&uri)
    }

    /// Diagnostics for a document and the files it uses, and for every
    /// other open document that uses it: a change to a shared file shows
    /// in the releases open beside it.
    fn publish_for(&mut self, uri: &lsp::Uri) -> Vec<Notification> {
        let Some(path) = adapter::path_of(uri) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let Some(p) = self.analyse(&path) else {
            return out;
        };
        self.inputs.insert(path.clone(), p.inputs.clone());
        self.publish_project(uri, &p, &mut out);
        self.publish_users_of(&path, &mut out);
        out
    }

    /// Diagnostics for every open document, other than `path`, that used
    /// `path` at its last check.
    fn publish_users_of(&mut self, path: &Path, out: &mut Vec<Notification>) {
        let users: Vec<PathBuf> = self
            .inputs
            .iter()
            .filter(|(doc, used)| *doc != path && used.iter().skip(1).any(|u| u == path))
            .map(|(doc, _)| doc.clone())
            .collect();
        for user in users {
            let Some(q) = self.analyse(&user) else {
                continue;
            };
            self.inputs.insert(user.clone(), q.inputs.clone());
            if let Some(uri) = adapter::uri_of(&user) {
                self.publish_project(&uri, &q, out);
            }
        }
    }

    /// The diagnostics of a compiled document, and of the files it uses
    /// that are not open: an open file's own check publishes its own, and
    /// the release's view of it must not replace them.
    fn publish_project(&self, uri: &lsp::Uri, p: &Project, out: &mut Vec<Notification>) {
        for (file, diags) in adapter::diagnostics(p) {
            if file == 0 {
                out.push(publish(uri.clone(), diags));
                continue;
            }
            let used = &p.sources.files[file].path;
            if self.docs.contains_key(used) {
                continue;
            }
            if let Some(used_uri) = adapter::uri_of(used) {
                out.push(publish(used_uri, diags));
            }
        }
    }

    fn request(&self, req: Request) -> Response {
        let id = req.id.clone();
        match self.answer(req) {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn answer(&self, req: Request) -> Result<serde_json::Value, (lsp_server::ErrorCode, String)> {
        use lsp::request::*;
        use lsp_server::ErrorCode;
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let json = |v: serde_json::Result<serde_json::Value>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        // The document and the byte offset a position request is about.
        let at = |doc: &lsp::TextDocumentIdentifier, pos: lsp::Position| {
            let path = adapter::path_of(&doc.uri)
                .ok_or((ErrorCode::InvalidParams, "not a file: URI".to_string()))?;
            let p = self.analyse(&path).ok_or((
                ErrorCode::InvalidParams,
                "the document is not open".to_string(),
            ))?;
            let offset = LineIndex::new(&p.sources.files[0].src).offset(pos);
            Ok::<_, (ErrorCode, String)>((p, offset))
        };
        match req.method.as_str() {
            GotoDefinition::METHOD => {
                let params: lsp::GotoDefinitionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let tp = params.text_document_position_params;
                let (p, offset) = at(&tp.text_document, tp.position)?;
                let loc =
                    ide::definition(&p, offset).and_then(|s| adapter::Lines::new(&p).location(s));
                json(serde_json::to_value(
                    loc.map(lsp::GotoDefinitionResponse::Scalar),
                ))
            }
            HoverRequest::METHOD => {
                let params: lsp::HoverParams = serde_json::from_value(req.params).map_err(bad)?;
                let tp = params.text_document_position_params;
                let (p, offset) = at(&tp.text_document, tp.position)?;
                let index = LineIndex::new(&p.sources.files[0].src);
                let hover =
                    ide::hover(&p, offset).map(|(text, span)| adapter::hover(&index, text, span));
                json(serde_json::to_value(hover))
            }
            Completion::METHOD => {
                let params: lsp::CompletionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let tp = params.text_document_position;
                let (p, offset) = at(&tp.text_document, tp.position)?;
                let items: Vec<lsp::CompletionItem> = ide::completions(&p, offset)
                    .iter()
                    .map(adapter::completion)
                    .collect();
                json(serde_json::to_value(lsp::CompletionResponse::Array(items)))
            }
            References::METHOD => {
                let params: lsp::ReferenceParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let tp = params.text_document_position;
                let (p, offset) = at(&tp.text_document, tp.position)?;
                let locs: Option<Vec<lsp::Location>> = ide::id_at(&p, offset).map(|(id, _)| {
                    let mut lines = adapter::Lines::new(&p);
                    let all = ide::occurrences(&p, &id);
                    let skip = usize::from(!params.context.include_declaration);
                    let mut locs: Vec<lsp::Location> = all
                        .into_iter()
                        .skip(skip)
                        .filter_map(|s| lines.location(s))
                        .collect();
                    // And in the other releases that use the same
                    // declaration; its place is given once, if asked for.
                    let declared = ide::symbols(&p)
                        .get(&id)
                        .and_then(|s| lines.location(s.id_span));
                    // A place is listed once. (Keyed by its text: a URI
                    // caches its parts, so it makes no set key.)
                    let key = |l: &lsp::Location| {
                        let r = l.range;
                        let place = (r.start.line, r.start.character, r.end.line, r.end.character);
                        (l.uri.as_str().to_string(), place)
                    };
                    let mut seen: std::collections::HashSet<_> = locs.iter().map(key).collect();
                    seen.extend(
                        declared
                            .filter(|_| !params.context.include_declaration)
                            .map(|l| key(&l)),
                    );
                    for (other, id) in self.others_seeing(&p, offset) {
                        let mut lines = adapter::Lines::new(&other);
                        for s in ide::occurrences(&other, &id) {
                            if let Some(l) = lines.location(s)
                                && seen.insert(key(&l))
                            {
                                locs.push(l);
                            }
                        }
                    }
                    locs
                });
                json(serde_json::to_value(locs))
            }
            PrepareRenameRequest::METHOD => {
                let params: lsp::TextDocumentPositionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let (p, offset) = at(&params.text_document, params.position)?;
                let index = LineIndex::new(&p.sources.files[0].src);
                let range = ide::id_at(&p, offset)
                    .filter(|(_, span)| p.sources.file_of(span.start) == 0)
                    .map(|(_, span)| lsp::PrepareRenameResponse::Range(index.range(span)));
                json(serde_json::to_value(range))
            }
            Rename::METHOD => {
                let params: lsp::RenameParams = serde_json::from_value(req.params).map_err(bad)?;
                let tp = params.text_document_position;
                let (p, offset) = at(&tp.text_document, tp.position)?;
                let spans = ide::rename(&p, offset, &params.new_name)
                    .map_err(|m| (ErrorCode::InvalidParams, m))?;
                let edits = self.rename_everywhere(&p, offset, spans, &params.new_name);
                json(serde_json::to_value(adapter::workspace_edit(edits)))
            }
            DocumentSymbolRequest::METHOD => {
                let params: lsp::DocumentSymbolParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let (p, _) = at(&params.text_document, lsp::Position::new(0, 0))?;
                let index = LineIndex::new(&p.sources.files[0].src);
                let symbols = adapter::outline(&index, &ide::outline(&p));
                json(serde_json::to_value(lsp::DocumentSymbolResponse::Nested(
                    symbols,
                )))
            }
            Formatting::METHOD => {
                let params: lsp::DocumentFormattingParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let path = adapter::path_of(&params.text_document.uri)
                    .ok_or((ErrorCode::InvalidParams, "not a file: URI".to_string()))?;
                let text = self.docs.get(&path).ok_or((
                    ErrorCode::InvalidParams,
                    "the document is not open".to_string(),
                ))?;
                // A file with syntax errors is left alone, as `relc fmt`
                // leaves it: no edits.
                let edits = match crate::fmt::format(text) {
                    Ok(new) if &new != text => vec![adapter::replace_all(text, new)],
                    _ => Vec::new(),
                };
                json(serde_json::to_value(edits))
            }
            CodeActionRequest::METHOD => {
                let params: lsp::CodeActionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let (p, start) = at(&params.text_document, params.range.start)?;
                let index = LineIndex::new(&p.sources.files[0].src);
                let end = index.offset(params.range.end);
                let actions: Vec<lsp::CodeActionOrCommand> =
                    ide::code_actions(&p, crate::span::Span::new(start, end.max(start)))
                        .into_iter()
                        .map(|a| adapter::code_action(&index, &params.text_document.uri, a))
                        .collect();
                json(serde_json::to_value(actions))
            }
            SemanticTokensFullRequest::METHOD => {
                let params: lsp::SemanticTokensParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let (p, _) = at(&params.text_document, lsp::Position::new(0, 0))?;
                let data = adapter::semantic_tokens(&p.sources.files[0].src, &ide::tokens(&p));
                json(serde_json::to_value(lsp::SemanticTokensResult::Tokens(
                    lsp::SemanticTokens {
                        result_id: None,
                        data,
                    },
                )))
            }
            FoldingRangeRequest::METHOD => {
                let params: lsp::FoldingRangeParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let (p, _) = at(&params.text_document, lsp::Position::new(0, 0))?;
                let index = LineIndex::new(&p.sources.files[0].src);
                let ranges: Vec<lsp::FoldingRange> = ide::folds(&p)
                    .into_iter()
                    .map(|s| adapter::folding_range(&index, s))
                    .collect();
                json(serde_json::to_value(ranges))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("relc does not answer {}", req.method),
            )),
        }
    }
}

impl Server<'_> {
    /// The edits of a rename: in the release and the files it uses, and in
    /// every other release, open or in the workspace, that uses the file
    /// the id is declared in (renaming in a shared file reaches every
    /// release of the office).
    /// Files in path order, each edit once: a deterministic answer.
    fn rename_everywhere(
        &self,
        p: &Project,
        offset: usize,
        spans: Vec<crate::span::Span>,
        new_name: &str,
    ) -> Vec<(lsp::Uri, Vec<lsp::TextEdit>)> {
        let mut edits: BTreeMap<PathBuf, Vec<lsp::TextEdit>> = BTreeMap::new();
        let mut add = |proj: &Project, spans: Vec<crate::span::Span>| {
            let mut lines = adapter::Lines::new(proj);
            for s in spans {
                let (file, range) = lines.range(s);
                let edit = lsp::TextEdit::new(range, new_name.to_string());
                edits
                    .entry(proj.sources.files[file].path.clone())
                    .or_default()
                    .push(edit);
            }
        };
        add(p, spans);
        for (other, id) in self.others_seeing(p, offset) {
            add(&other, ide::occurrences(&other, &id));
        }
        edits
            .into_iter()
            .filter_map(|(path, mut list)| {
                // Each edit once: a file two projects share is placed twice.
                list.sort_by_key(|e| {
                    let r = e.range;
                    (r.start.line, r.start.character, r.end.line, r.end.character)
                });
                list.dedup();
                Some((adapter::uri_of(&path)?, list))
            })
            .collect()
    }
}

fn publish(uri: lsp::Uri, diagnostics: Vec<lsp::Diagnostic>) -> Notification {
    Notification::new(
        lsp::notification::PublishDiagnostics::METHOD.to_string(),
        lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        },
    )
}
