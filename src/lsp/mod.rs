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
mod handlers;
pub mod transport;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;

use crate::ide;
use crate::project::{Loader, Project};

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
        match handlers::dispatch(self, req) {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }
}

/// The workspace as the IDE layer sees it: the open buffers over the disk,
/// and the releases of the workspace folders.
impl ide::workspace::Workspace for Server<'_> {
    fn releases(&self) -> BTreeSet<PathBuf> {
        let mut all: BTreeSet<PathBuf> = self.docs.keys().cloned().collect();
        for root in &self.roots {
            all.extend(self.disk.releases_under(root));
        }
        all
    }

    fn text(&self, path: &Path) -> Option<String> {
        match self.docs.get(path) {
            Some(t) => Some(t.clone()),
            None => self.disk.load(path).ok(),
        }
    }

    fn compile(&self, path: &Path, text: String) -> Option<Project> {
        Server::compile(self, path, text)
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
