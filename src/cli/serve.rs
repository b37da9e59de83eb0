//! `relc serve`: a live preview. Serves a release's page, or a folder's
//! index and pages, on the loopback interface, compiled afresh on every
//! request; each page polls a small version endpoint and reloads itself
//! when a file it was made from changes. While a source has errors, the
//! page shows them in place of the release, rendered as the terminal
//! renders them.
//!
//! hyper on a single-threaded tokio runtime: a connection waiting on a
//! slow client holds no thread, so it cannot hold up anyone else's
//! request. Pages are compiled on tokio's blocking pool. What a local
//! server owes its machine (docs/limits.md has the threat model):
//! - it answers only requests addressed to it by a loopback name
//!   (`localhost`, `127.0.0.1`, `[::1]`) or the `--host` given, so a web
//!   page on a rebound domain cannot read previews (403 otherwise);
//! - GET and HEAD only (405 with `Allow`);
//! - a request head of at most 16 KiB (431), arriving within 10 s;
//! - at most [`MAX_CONNECTIONS`] connections at once; more are closed.

use std::hash::{Hash, Hasher};
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Method, Request, Response, StatusCode};
use relc::EmitOptions;

use super::files::{self, FsLoader, read_source};
use super::{Diags, Ui, stem_of};

/// What is being served.
pub struct Serve {
    /// The folder pages are found in.
    root: PathBuf,
    /// The release, when one file is served.
    single: Option<PathBuf>,
    loader: FsLoader,
    /// The files each release's page was last made from. A version poll
    /// fingerprints these instead of compiling the release again: five
    /// polls a second per open tab would otherwise compile it five times a
    /// second. A `use` added or a used file removed changes the release or
    /// that file, so the poll still sees it, and the new page records the
    /// new list.
    inputs: Mutex<std::collections::HashMap<PathBuf, Vec<PathBuf>>>,
    /// The names a request may address the server by.
    hosts: Hosts,
}

/// How often a page asks whether its sources changed, in milliseconds.
const POLL_MS: u32 = 200;

/// The most connections served at once; a further one is closed at once.
const MAX_CONNECTIONS: usize = 512;

/// The largest request head read (the request line and its headers).
const MAX_HEAD: usize = 16 * 1024;

/// How long a client may take to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// The names a request's `Host` may give.
struct Hosts {
    /// `--host` was an unspecified address (`0.0.0.0`, `::`): the server
    /// is on the network on purpose, under any name.
    any: bool,
    names: Vec<String>,
    port: u16,
}

impl Hosts {
    fn new(host: &str, port: u16) -> Self {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let any = bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_unspecified());
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .into_iter()
            .map(String::from)
            .collect();
        let given = match bare.parse::<IpAddr>() {
            Ok(IpAddr::V6(_)) => format!("[{bare}]"),
            _ => bare.to_ascii_lowercase(),
        };
        if !names.contains(&given) {
            names.push(given);
        }
        Hosts { any, names, port }
    }

    /// Whether a `Host` header names this server.
    fn allows(&self, header: Option<&str>) -> bool {
        let Some(h) = header else {
            return false;
        };
        if self.any {
            return true;
        }
        let h = h.trim().to_ascii_lowercase();
        // `name`, or `name:port` with this server's port.
        let (name, port) = match h.rsplit_once(':') {
            Some((n, p)) if !p.contains(']') => (n.to_string(), Some(p)),
            _ => (h.clone(), None),
        };
        let port_ok = port.is_none_or(|p| p.parse() == Ok(self.port));
        port_ok && self.names.contains(&name)
    }
}

pub fn run(ui: &Ui, path: &Path, host: &str, port: u16) -> ExitCode {
    let Ok(full) = path.canonicalize() else {
        ui.error(&format!(
            "cannot serve {}: no such file or folder",
            path.display()
        ));
        return ExitCode::FAILURE;
    };
    let (root, single) = if full.is_dir() {
        (full, None)
    } else {
        let root = full.parent().map(Path::to_path_buf).unwrap_or_default();
        (root, Some(full))
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let listener = match std::net::TcpListener::bind((bare, port)) {
        Ok(l) => l,
        Err(e) => {
            ui.error(&format!("cannot listen on {host}:{port}: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            ui.error(&format!("cannot listen on {host}:{port}: {e}"));
            return ExitCode::FAILURE;
        }
    };
    if !addr.ip().is_loopback() {
        super::say(&format!(
            "warning: relc serve is listening on {addr}, beyond this machine: anyone who can reach it can read the previews, and the lines of every file their releases use that an error shows. Serve on 127.0.0.1 (the default) unless that is what you want.\n"
        ));
    }
    let s = Arc::new(Serve {
        root,
        single,
        loader: ui.loader(),
        inputs: Default::default(),
        hosts: Hosts::new(host, addr.port()),
    });
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            ui.error(&format!("cannot start the preview server: {e}"));
            return ExitCode::FAILURE;
        }
    };
    // The one line a script or a test reads to find the port.
    if !super::print_out(&format!("serving http://{addr}/\n")) {
        return ExitCode::FAILURE;
    }
    match runtime.block_on(accept(listener, s)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            ui.error(&format!("the preview server stopped: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Accepts connections until the process is stopped.
async fn accept(listener: std::net::TcpListener, s: Arc<Serve>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(c) => c,
            // Out of file descriptors, or a connection reset before it was
            // accepted: wait a moment, and go on serving.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let s = Arc::clone(&s);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let s = Arc::clone(&s);
                async move { Ok::<_, std::convert::Infallible>(respond(s, req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

/// Answers one request.
async fn respond(s: Arc<Serve>, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    let host = req
        .headers()
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        // HTTP/2-style and absolute-form requests name the host in the URI.
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    if !s.hosts.allows(host.as_deref()) {
        return reply(
            StatusCode::FORBIDDEN,
            TEXT,
            "relc serve answers only requests addressed to localhost, 127.0.0.1 or [::1] (or the --host it was given)\n".into(),
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = reply(
            StatusCode::METHOD_NOT_ALLOWED,
            TEXT,
            format!("relc serve answers GET and HEAD, not {}\n", req.method()),
        );
        r.headers_mut().insert(
            hyper::header::ALLOW,
            hyper::header::HeaderValue::from_static("GET, HEAD"),
        );
        return r;
    }
    let url = req
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
    let answered = tokio::task::spawn_blocking(move || s.answer(&url)).await;
    match answered {
        Ok((status, kind, body)) => reply(
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            kind,
            body,
        ),
        Err(_) => reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            TEXT,
            "relc serve could not build this page\n".into(),
        ),
    }
}

fn reply(status: StatusCode, kind: &'static str, body: String) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(kind),
    );
    h.insert(
        hyper::header::CACHE_CONTROL,
        hyper::header::HeaderValue::from_static("no-store"),
    );
    r
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

impl Serve {
    fn answer(&self, url: &str) -> (u16, &'static str, String) {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        if path == "/__relc/version" {
            let page = url::form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == "page")
                .map_or_else(|| "/".to_string(), |(_, v)| v.into_owned());
            return (200, TEXT, self.version(&page));
        }
        match self.source_of(path) {
            Some(Source::Index) => {
                let version = fingerprint(self.releases());
                (200, HTML, with_reload(self.index(), path, &version))
            }
            Some(Source::Release(file)) => {
                // One compile gives the page and the files it was made from.
                let (status, page, inputs) = self.page(&file);
                (status, HTML, with_reload(page, path, &fingerprint(inputs)))
            }
            None => (404, TEXT, format!("relc serve: nothing at {path}\n")),
        }
    }

    /// The source a request path names, never outside the root.
    fn source_of(&self, path: &str) -> Option<Source> {
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        if let Some(single) = &self.single {
            return (path == "/" || path == "/index.html").then(|| Source::Release(single.clone()));
        }
        if path == "/" || path == "/index.html" {
            return Some(Source::Index);
        }
        let rel = Path::new(path.trim_start_matches('/'));
        // Only plain names: no `..`, no root, no drive.
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return None;
        }
        let file = self.root.join(rel.with_extension("rel"));
        let real = file.canonicalize().ok()?;
        (real.starts_with(&self.root) && rel.extension().is_some_and(|e| e == "html"))
            .then_some(Source::Release(real))
    }

    fn compile(&self, file: &Path) -> Result<relc::project::Project, String> {
        let (name, src) = read_source(file, self.loader.max_input).map_err(|e| match e.shown {
            Some(b) => relc::diag::render(
                &relc::diag::Diagnostics::new(&b.0, &b.1, vec![b.2.clone()]),
                false,
                100,
            ),
            None => e.message,
        })?;
        Ok(relc::project::compile(
            file,
            &name,
            src,
            &self.loader,
            stem_of(file),
        ))
    }

    /// The page of a release, or its errors, and the files it was made
    /// from.
    fn page(&self, file: &Path) -> (u16, String, Vec<PathBuf>) {
        let project = match self.compile(file) {
            Ok(p) => p,
            Err(e) => return (500, error_page(&e), vec![file.to_path_buf()]),
        };
        let (status, page) = match &project.compiled.release {
            Some(r) => {
                // The preview shows the page as it would be published now:
                // with its embargo banner while the embargo holds.
                let mut opts = EmitOptions::default().html;
                opts.now = Some(jiff::Timestamp::now());
                match relc::emit::html::emit(r, opts) {
                    Ok(page) => (200, page),
                    Err(e) => (500, error_page(&format!("the page template failed: {e}"))),
                }
            }
            None => {
                let shown = project
                    .sources
                    .render(&project.compiled.diagnostics, false, 100);
                (500, error_page(&shown))
            }
        };
        if let Ok(mut known) = self.inputs.lock() {
            known.insert(file.to_path_buf(), project.inputs.clone());
        }
        (status, page, project.inputs)
    }

    /// The folder's releases, newest first, linking to their pages.
    fn index(&self) -> String {
        let mut entries = Vec::new();
        for file in self.releases() {
            let Ok(p) = self.compile(&file) else {
                continue;
            };
            let Some(r) = &p.compiled.release else {
                continue;
            };
            let Ok(rel) = file.strip_prefix(&self.root) else {
                continue;
            };
            let href = rel
                .with_extension("html")
                .to_string_lossy()
                .replace('\\', "/");
            entries.push(relc::emit::site::Entry::new(
                r,
                href,
                Some(jiff::Timestamp::now()),
            ));
        }
        relc::emit::site::sort(&mut entries);
        let entries = relc::emit::site::group_languages(&entries);
        // One page: the preview lists every release, embargoed or not.
        match relc::emit::site::index_pages(&entries, None, usize::MAX, false) {
            Ok(mut pages) if !pages.is_empty() => pages.swap_remove(0).1,
            Ok(_) => String::new(),
            Err(e) => error_page(&e.to_string()),
        }
    }

    /// The releases under the root, by the same rule as a batch build:
    /// nothing outside the root, even through a link.
    fn releases(&self) -> Vec<PathBuf> {
        files::releases_under(&self.root)
    }

    /// The version of a page: a fingerprint of the files it is made from,
    /// the release and every file it uses, or for the index every release
    /// under the root. It changes when any of them is saved.
    fn version(&self, page: &str) -> String {
        fingerprint(match self.source_of(page) {
            Some(Source::Release(file)) => {
                let known = self.inputs.lock().ok().and_then(|k| k.get(&file).cloned());
                match known {
                    Some(inputs) => inputs,
                    None => match self.compile(&file) {
                        Ok(p) => p.inputs,
                        Err(_) => vec![file],
                    },
                }
            }
            Some(Source::Index) => self.releases(),
            None => Vec::new(),
        })
    }
}

/// The paths, sizes and modification times of files, hashed.
fn fingerprint(files: Vec<PathBuf>) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in files {
        f.hash(&mut h);
        if let Ok(m) = std::fs::metadata(&f) {
            m.len().hash(&mut h);
            m.modified().ok().hash(&mut h);
        }
    }
    format!("{:016x}", h.finish())
}

enum Source {
    Index,
    Release(PathBuf),
}

/// The page, with a script that reloads it when its sources change.
fn with_reload(page: String, path: &str, version: &str) -> String {
    // The path as a JavaScript string that cannot close the script.
    let path = serde_json::to_string(path)
        .unwrap_or_else(|_| "\"/\"".to_string())
        .replace('<', "\\u003c");
    let script = format!(
        "<script>(()=>{{const v=\"{version}\";const u=\"/__relc/version?page=\"+encodeURIComponent({path});\
setInterval(()=>fetch(u,{{cache:\"no-store\"}}).then(r=>r.text()).then(t=>{{if(t!==v)location.reload();}}).catch(()=>{{}}),{POLL_MS});}})();</script>"
    );
    match page.rfind("</body>") {
        Some(at) => format!("{}{script}\n{}", &page[..at], &page[at..]),
        None => format!("{page}{script}\n"),
    }
}

fn error_page(text: &str) -> String {
    let escaped = relc::emit::html::escape(text);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>relc: this release has errors</title>\n\
<style>body{{font:15px/1.4 system-ui,sans-serif;margin:2rem}}pre{{font:13px/1.35 ui-monospace,monospace;background:#fbf7f4;padding:1rem;overflow:auto}}</style>\n\
</head>\n<body>\n<h1>This release has errors</h1>\n<p>The preview comes back on the next good save.</p>\n<pre id=\"relc-errors\">{escaped}</pre>\n</body>\n</html>\n"
    )
}

#[derive(clap::Args)]
pub struct Args {
    /// A .rel file, or a folder of them.
    path: PathBuf,
    /// The port; 0 picks a free one.
    #[arg(long, default_value_t = 4000)]
    port: u16,
    /// The address to listen on. The default, loopback, keeps the
    /// preview to this machine.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    #[command(flatten)]
    pub(super) diags: Diags,
}

pub fn command(ui: &Ui, args: Args) -> ExitCode {
    run(ui, &args.path, &args.host, args.port)
}
