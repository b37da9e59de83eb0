//! `relc serve`: a live preview. Serves a release's page, or a folder's
//! index and pages, on the loopback interface, compiled afresh on every
//! request; each page polls a small version endpoint and reloads itself
//! when a file it was made from changes. While a source has errors, the
//! page shows them in place of the release, rendered as the terminal
//! renders them.
//!
//! tiny_http, synchronous and without an async runtime: one preview tab
//! makes four small requests a second.

use std::hash::{Hash, Hasher};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use relc::EmitOptions;

use super::{FsLoader, Ui, read_source, stem_of};

/// What is being served.
pub struct Serve {
    /// The folder pages are found in.
    root: PathBuf,
    /// The release, when one file is served.
    single: Option<PathBuf>,
    max_input: u64,
    /// The files each release's page was last made from. A version poll
    /// fingerprints these instead of compiling the release again: five
    /// polls a second per open tab would otherwise compile it five times a
    /// second. A `use` added or a used file removed changes the release or
    /// that file, so the poll still sees it, and the new page records the
    /// new list.
    inputs: std::cell::RefCell<std::collections::HashMap<PathBuf, Vec<PathBuf>>>,
}

/// How often a page asks whether its sources changed, in milliseconds.
const POLL_MS: u32 = 200;

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
    let server = match tiny_http::Server::http((host, port)) {
        Ok(s) => s,
        Err(e) => {
            ui.error(&format!("cannot listen on {host}:{port}: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let addr = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("{host}:{port}"), |a| a.to_string());
    // The one line a script or a test reads to find the port.
    println!("serving http://{addr}/");
    let s = Serve {
        root,
        single,
        max_input: ui.max_input,
        inputs: Default::default(),
    };
    for req in server.incoming_requests() {
        let (status, kind, body) = s.answer(req.url());
        let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], kind.as_bytes())
            .expect("a valid header");
        let no_store = tiny_http::Header::from_bytes(&b"Cache-Control"[..], &b"no-store"[..])
            .expect("a valid header");
        let resp = tiny_http::Response::from_string(body)
            .with_status_code(status)
            .with_header(header)
            .with_header(no_store);
        // A client that went away is not the server's problem.
        let _ = req.respond(resp);
    }
    ExitCode::SUCCESS
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
        let (name, src) = read_source(file, self.max_input)?;
        Ok(relc::project::compile(
            file,
            &name,
            src,
            &FsLoader,
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
            Some(r) => (
                200,
                relc::render(r, relc::Format::Html, &EmitOptions::default()),
            ),
            None => {
                let shown = project
                    .sources
                    .render(&project.compiled.diagnostics, false, 100);
                (500, error_page(&shown))
            }
        };
        self.inputs
            .borrow_mut()
            .insert(file.to_path_buf(), project.inputs.clone());
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
            entries.push(relc::site::Entry::new(r, href));
        }
        relc::site::sort(&mut entries);
        relc::site::index_html(&entries)
    }

    fn releases(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = walkdir::WalkDir::new(&self.root)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "rel"))
            .collect();
        out.sort();
        out
    }

    /// The version of a page: a fingerprint of the files it is made from,
    /// the release and every file it uses, or for the index every release
    /// under the root. It changes when any of them is saved.
    fn version(&self, page: &str) -> String {
        fingerprint(match self.source_of(page) {
            Some(Source::Release(file)) => {
                let known = self.inputs.borrow().get(&file).cloned();
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
