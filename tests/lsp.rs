//! The language server, driven as an editor drives it: in-process over
//! `Connection::memory()` with every answer snapshotted, and through the
//! real binary over stdio.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

const SHARED: &str = r#"org apec "Asia-Pacific Economic Cooperation" {
  short "APEC"
}

person bollard "Dr Alan Bollard" {
  short "Dr Bollard"
  title "Executive Director"
  org @apec
}
"#;

/// The release under edit. `$0` marks nothing; positions are given by
/// searching for text, so the fixture reads as a release.
const RELEASE: &str = r#"use "shared/apec.rel"

release {
  headline "Officials meet in Việt Nam"
  dateline @nha-trang 2017-02-21
  issuer @apec
}

place nha-trang "Nha Trang" {
  country "Việt Nam"
}

body {
  ‘Officials’ of @apec meet in @nha-trang.

  quote @bollard said {
    We are ready,
  }

  @bolard opened the meeting.
}

contacts "Media:" {
  contact press "Media desk" {
    role media
    org @apec
    phone "+65 9137 3886"
  }
}
"#;

struct Client {
    conn: Connection,
    next: i32,
    dir: String,
}

impl Client {
    /// Sends a request, and returns its id.
    fn send(&mut self, method: &str, params: Value) -> RequestId {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                method.to_string(),
                params,
            )))
            .expect("send");
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send(method, params);
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => {
                    return match (r.result, r.error) {
                        (Some(v), _) => v,
                        (None, Some(e)) => json!({ "error": e.message }),
                        (None, None) => Value::Null,
                    };
                }
                _ => continue,
            }
        }
    }

    /// The URIs diagnostics are published for before the server answers a
    /// request sent now. The server handles messages in order, so these are
    /// what the messages before it caused.
    fn published_before_answer(&mut self, td: &Value) -> Vec<String> {
        let id = self.send("textDocument/documentSymbol", json!({ "textDocument": td }));
        let mut uris = Vec::new();
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => return uris,
                Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                    uris.push(n.params["uri"].as_str().expect("a uri").to_string());
                }
                _ => {}
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                method.to_string(),
                params,
            )))
            .expect("send");
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for a URI.
    fn diagnostics_for(&self, uri: &str) -> Value {
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
            {
                return n.params;
            }
        }
    }

    /// A value with this machine's folder replaced, for a stable snapshot.
    fn stable(&self, v: Value) -> Value {
        let text = serde_json::to_string_pretty(&v).expect("json");
        serde_json::from_str(&text.replace(&self.dir, "$DIR")).expect("json")
    }
}

fn position_of(text: &str, needle: &str, offset: usize) -> Value {
    let at = text.find(needle).expect("needle in fixture") + offset;
    let line = text[..at].matches('\n').count();
    let col: usize = text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at]
        .chars()
        .map(char::len_utf16)
        .sum();
    json!({ "line": line, "character": col })
}

fn uri(path: &Path) -> String {
    url::Url::from_file_path(path)
        .expect("absolute")
        .to_string()
}

#[test]
fn an_editor_session_in_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::create_dir_all(root.join("shared")).expect("mkdir");
    std::fs::write(root.join("shared/apec.rel"), SHARED).expect("write");
    let release_path = root.join("release.rel");
    std::fs::write(&release_path, RELEASE).expect("write");
    // A release of the same office that is never opened: a rename in the
    // shared file must reach it too, and references find it.
    std::fs::create_dir_all(root.join("archive")).expect("mkdir");
    std::fs::write(
        root.join("archive/2016.rel"),
        "use \"../shared/apec.rel\"\n\nrelease {\n  headline \"Earlier\"\n  dateline @lima 2016-11-19\n  issuer @apec\n}\n\nplace lima \"Lima\" {\n  country \"Peru\"\n}\n\nbody {\n  @apec met in @lima.\n}\n",
    )
    .expect("write");
    let doc = uri(&release_path);
    let root_uri = url::Url::from_directory_path(&root)
        .expect("dir")
        .to_string();

    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || relc::lsp::run(&server, &common::Fs).is_ok());
    let mut c = Client {
        conn: client,
        next: 0,
        dir: root_uri.trim_end_matches('/').to_string(),
    };

    let init = c.request(
        "initialize",
        json!({ "capabilities": {}, "rootUri": root_uri }),
    );
    insta::assert_json_snapshot!("initialize", init["capabilities"]);
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": doc, "languageId": "rel", "version": 1, "text": RELEASE } }),
    );
    let diags = c.diagnostics_for(&doc);
    insta::assert_json_snapshot!("didOpen-diagnostics", c.stable(diags));

    let td = json!({ "uri": doc });
    let at = |needle: &str, off: usize| position_of(RELEASE, needle, off);

    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": td, "position": at("@bollard said", 2) }),
    );
    insta::assert_json_snapshot!("definition-into-used-file", c.stable(def));

    let def_use = c.request(
        "textDocument/definition",
        json!({ "textDocument": td, "position": at("shared/apec", 3) }),
    );
    insta::assert_json_snapshot!("definition-of-use-path", c.stable(def_use));

    let completion = c.request(
        "textDocument/completion",
        json!({ "textDocument": td, "position": at("@bollard said", 1) }),
    );
    insta::assert_json_snapshot!("completion-quote-speaker", completion);

    let fields = c.request(
        "textDocument/completion",
        json!({ "textDocument": td, "position": at("  country", 0) }),
    );
    insta::assert_json_snapshot!("completion-place-fields", fields);

    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": td, "position": at("@nha-trang.", 2), "context": { "includeDeclaration": true } }),
    );
    insta::assert_json_snapshot!("references", c.stable(refs));

    let prepare = c.request(
        "textDocument/prepareRename",
        json!({ "textDocument": td, "position": at("@nha-trang.", 2) }),
    );
    insta::assert_json_snapshot!("prepare-rename", prepare);

    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": td, "position": at("@apec meet", 2), "newName": "apec-org" }),
    );
    insta::assert_json_snapshot!("rename-across-files", c.stable(rename));

    let taken = c.request(
        "textDocument/rename",
        json!({ "textDocument": td, "position": at("@apec meet", 2), "newName": "bollard" }),
    );
    assert_eq!(taken, json!({ "error": "`bollard` is declared already" }));

    // The misspelt speaker: the did-you-mean, applied as a quick fix.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": td, "range": { "start": at("@bolard", 1), "end": at("@bolard", 1) }, "context": { "diagnostics": [] } }),
    );
    insta::assert_json_snapshot!("code-action-did-you-mean", c.stable(actions));

    let tokens = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": td }),
    );
    // Five numbers per token; the first: `use` at 0:0, three long, a keyword.
    let data = tokens["data"].as_array().expect("data");
    assert_eq!(data.len() % 5, 0);
    assert_eq!(
        &data[..5],
        &[json!(0), json!(0), json!(3), json!(0), json!(0)]
    );
    // The headline, "Officials meet in Việt Nam", is 31 bytes and 28 UTF-16
    // units with its quotes: the fifth token.
    assert_eq!(
        &data[20..25],
        &[json!(0), json!(9), json!(28), json!(4), json!(0)]
    );
    insta::assert_json_snapshot!("semantic-tokens", tokens);

    let folds = c.request("textDocument/foldingRange", json!({ "textDocument": td }));
    insta::assert_json_snapshot!("folding-ranges", folds);

    let symbols = c.request("textDocument/documentSymbol", json!({ "textDocument": td }));
    insta::assert_json_snapshot!("document-symbols", symbols);

    // An edit that fixes the misspelt speaker clears the diagnostics.
    let fixed = RELEASE.replace("@bolard", "@bollard");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let after = c.diagnostics_for(&doc);
    assert_eq!(after["diagnostics"], json!([]), "{after:#}");

    // Hover shows the declaration, and how the release writes the person.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": td, "position": position_of(&fixed, "@bollard said", 3) }),
    );
    insta::assert_json_snapshot!("hover-person", c.stable(hover));

    // A used file open in the editor is read from its buffer, not the disk:
    // rename the person there, unsaved, and the release open beside it
    // loses its speaker at once, without an edit of its own.
    let shared_uri = uri(&root.join("shared/apec.rel"));
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": shared_uri, "languageId": "rel", "version": 1, "text": SHARED.replace("bollard", "alan-bollard") } }),
    );
    // On its own, a file of declarations is checked as shared: it needs no
    // release header, and its ids are there for other files to use.
    let own = c.diagnostics_for(&shared_uri);
    assert_eq!(own["diagnostics"], json!([]), "{own:#}");
    let stale = c.diagnostics_for(&doc);
    let codes: Vec<&str> = stale["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"E0101"), "{stale:#}");
    // Editing the release publishes its diagnostics, but not its view of
    // the open shared file: that would replace what the shared file's own
    // check published.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 3 }, "contentChanges": [{ "text": fixed }] }),
    );
    let published = c.published_before_answer(&td);
    assert!(published.contains(&doc), "{published:?}");
    assert!(!published.contains(&shared_uri), "{published:?}");
    // Closed again, the file is read from the disk, where `bollard` is, and
    // the release open beside it is checked again at once.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": shared_uri } }),
    );
    let closed = c.diagnostics_for(&shared_uri);
    assert_eq!(closed["diagnostics"], json!([]), "{closed:#}");
    let again = c.diagnostics_for(&doc);
    assert_eq!(again["diagnostics"], json!([]), "{again:#}");

    // Formatting is one whole-document edit, or none for a formatted file.
    let messy = fixed.replace("  country \"Việt Nam\"", "      country    \"Việt Nam\"");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 5 }, "contentChanges": [{ "text": messy }] }),
    );
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": td, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let edits = edits.as_array().expect("edits");
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0]["newText"], json!(fixed));

    // Renaming in the shared file reaches every open release that uses it.
    let other_path = root.join("other.rel");
    let other = "use \"shared/apec.rel\"\n\nrelease {\n  headline \"Another\"\n  dateline @lima 2017-05-01\n  issuer @apec\n}\n\nplace lima \"Lima\" {\n  country \"Peru\"\n}\n\nbody {\n  @apec again.\n}\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&other_path), "languageId": "rel", "version": 1, "text": other } }),
    );
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": shared_uri, "languageId": "rel", "version": 2, "text": SHARED } }),
    );
    let from_shared = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": shared_uri }, "position": position_of(SHARED, "apec \"", 1), "newName": "apec-org" }),
    );
    insta::assert_json_snapshot!("rename-from-a-shared-file", c.stable(from_shared));

    // References to a shared declaration are found in every release of the
    // workspace that uses it, open or not; the declaration is left out
    // when asked to be.
    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": shared_uri }, "position": position_of(SHARED, "apec \"", 1), "context": { "includeDeclaration": false } }),
    );
    let refs = refs.as_array().expect("locations");
    let files: std::collections::BTreeSet<&str> =
        refs.iter().filter_map(|l| l["uri"].as_str()).collect();
    for f in [
        &doc,
        &uri(&other_path),
        &uri(&root.join("archive/2016.rel")),
    ] {
        assert!(files.contains(f.as_str()), "{f} missing from {files:?}");
    }
    let declared = position_of(SHARED, "apec \"", 0);
    assert!(
        !refs
            .iter()
            .any(|l| l["uri"] == json!(shared_uri) && l["range"]["start"] == declared),
        "the declaration is listed: {refs:?}"
    );

    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    c.notify("exit", Value::Null);
    assert!(
        thread.join().expect("server thread"),
        "the server ends cleanly"
    );
}

/// Reads one framed message from the server.
fn read_message(out: &mut impl BufRead) -> Value {
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        assert!(
            out.read_line(&mut line).expect("read header") > 0,
            "server closed"
        );
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse().expect("length");
        }
    }
    let mut body = vec![0; len];
    out.read_exact(&mut body).expect("body");
    serde_json::from_slice(&body).expect("json")
}

fn frame(v: &Value) -> Vec<u8> {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn the_binary_speaks_lsp_over_stdio() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().canonicalize().expect("canonical").join("r.rel");
    let text = "release {\n  kicker \"Hi\"\n}\n";
    std::fs::write(&path, text).expect("write");
    let doc = uri(&path);
    let mut child = Command::new(env!("CARGO_BIN_EXE_relc"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("relc lsp starts");
    let mut input = child.stdin.take().expect("stdin");
    let mut output = BufReader::new(child.stdout.take().expect("stdout"));
    let script = [
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {}, "rootUri": uri(path.parent().expect("a folder")) } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": doc, "languageId": "rel", "version": 1, "text": text } } }),
    ];
    for m in &script {
        input.write_all(&frame(m)).expect("write");
    }
    input.flush().expect("flush");
    let init = read_message(&mut output);
    assert_eq!(init["id"], json!(1));
    assert_eq!(init["result"]["capabilities"]["hoverProvider"], json!(true));
    let diags = read_message(&mut output);
    assert_eq!(diags["method"], json!("textDocument/publishDiagnostics"));
    let codes: Vec<&str> = diags["params"]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    // The header has no headline and no dateline.
    assert_eq!(codes, ["E0203", "E0203"], "{diags:#}");

    // A rename in a shared file reaches the releases on disk under the
    // workspace root, and passes over hidden folders and node_modules.
    let root = path.parent().expect("a folder").to_path_buf();
    let shared = root.join("shared.rel");
    std::fs::write(&shared, "org apec \"APEC\" {}\n").expect("write");
    let user = "use \"../shared.rel\"\n\nbody {\n  @apec met.\n}\n";
    for folder in ["archive", ".hidden", "node_modules"] {
        std::fs::create_dir_all(root.join(folder)).expect("mkdir");
        std::fs::write(root.join(folder).join("old.rel"), user).expect("write");
    }
    let rename = [
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": uri(&shared), "languageId": "rel", "version": 1, "text": "org apec \"APEC\" {}\n" } } }),
        json!({ "jsonrpc": "2.0", "id": 3, "method": "textDocument/rename", "params": { "textDocument": { "uri": uri(&shared) }, "position": { "line": 0, "character": 5 }, "newName": "apec-org" } }),
    ];
    for m in &rename {
        input.write_all(&frame(m)).expect("write");
    }
    input.flush().expect("flush");
    let answer = loop {
        let m = read_message(&mut output);
        if m["id"] == json!(3) {
            break m;
        }
    };
    let edited: Vec<&str> = answer["result"]["documentChanges"]
        .as_array()
        .expect("document changes")
        .iter()
        .filter_map(|c| c["textDocument"]["uri"].as_str())
        .collect();
    assert_eq!(
        edited,
        [uri(&root.join("archive/old.rel")), uri(&shared)],
        "{answer:#}"
    );

    input
        .write_all(&frame(
            &json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }),
        ))
        .expect("write");
    input.flush().expect("flush");
    let shut = read_message(&mut output);
    assert_eq!(shut["id"], json!(2));
    input
        .write_all(&frame(&json!({ "jsonrpc": "2.0", "method": "exit" })))
        .expect("write");
    drop(input);
    let status = child.wait().expect("relc lsp exits");
    assert!(status.success(), "{status:?}");
}

/// The server finds a cycle by the file, not by the spelling of its path:
/// a release that uses itself through a link to its own folder gets E0504
/// (once re-read until the stack of files was exhausted by spelling).
#[cfg(unix)]
#[test]
fn a_self_use_through_a_link_is_a_cycle_in_the_editor_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("canonical");
    std::os::unix::fs::symlink(".", root.join("same")).expect("symlink");
    let text = RELEASE.replace("use \"shared/apec.rel\"", "use \"same/release.rel\"");
    let path = root.join("release.rel");
    std::fs::write(&path, &text).expect("write");
    let doc = uri(&path);
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || relc::lsp::run(&server, &common::Fs).is_ok());
    let mut c = Client {
        conn: client,
        next: 0,
        dir: String::new(),
    };
    c.request("initialize", json!({ "capabilities": {} }));
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": doc, "languageId": "rel", "version": 1, "text": text } }),
    );
    let diags = c.diagnostics_for(&doc);
    let codes: Vec<&str> = diags["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"E0504"), "{codes:?}");
    assert!(!codes.contains(&"E0103"), "{codes:?}");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(thread.join().expect("the server thread"));
}
