//! `relc serve` in a real browser: headless Chromium (Debian's `chromium`
//! package), driven over the DevTools protocol. The test opens the page,
//! reads the headline, edits the file and sees the page update itself,
//! breaks the file and sees the error, fixes it and sees the release again.
//! Every wait is bounded.
//!
//! CI installs Chromium and sets RELC_REQUIRE_BROWSER=1, so there the test
//! fails if the browser is missing. On a machine without it, `cargo test`
//! says so on stderr and passes over this one test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads lines until one holds `marker`, and gives the rest of that line.
/// The stream is drained in the background after that, so the process
/// never blocks or fails writing to it.
fn line_with<R: Read + Send + 'static>(r: R, marker: &str) -> String {
    let mut lines = BufReader::new(r).lines();
    for line in lines.by_ref() {
        let line = line.expect("a line");
        if let Some(at) = line.find(marker) {
            std::thread::spawn(move || lines.for_each(drop));
            return line[at + marker.len()..].trim().to_string();
        }
    }
    panic!("no line with {marker}");
}

/// GET over HTTP/1.1, reading exactly Content-Length bytes: Chromium's
/// DevTools server answers nothing to HTTP/1.0 and keeps 1.1 open.
fn http_get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("request");
    let mut r = BufReader::new(s);
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).expect("a header");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            len = v.trim().parse().expect("a length");
        }
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).expect("the body");
    String::from_utf8(body).expect("utf-8")
}

struct Page {
    ws: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next: u64,
}

impl Page {
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let msg = json!({ "id": id, "method": method, "params": params }).to_string();
        self.ws.send(tungstenite::Message::text(msg)).expect("send");
        loop {
            let m = self.ws.read().expect("a message from the browser");
            let Ok(text) = m.to_text() else { continue };
            let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            if v["id"] == json!(id) {
                return v["result"].clone();
            }
        }
    }

    /// Evaluates an expression in the page until it gives what `ok`
    /// accepts, for at most 10 s.
    fn until(&mut self, expr: &str, ok: impl Fn(&Value) -> bool) -> Value {
        let start = Instant::now();
        loop {
            let r = self.call(
                "Runtime.evaluate",
                json!({ "expression": expr, "returnByValue": true }),
            );
            let v = r["result"]["value"].clone();
            if ok(&v) {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "`{expr}` never passed; last: {v}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

const RELEASE: &str = "release {\n  headline \"Officials meet\"\n  dateline @nha-trang 2017-02-21\n  issuer @apec\n}\n\norg apec \"APEC\" {\n}\n\nplace nha-trang \"Nha Trang\" {\n  country \"Viet Nam\"\n}\n\nbody {\n  Officials from @apec meet in @nha-trang.\n}\n\ncontacts \"Media:\" {\n  contact press \"Media desk\" {\n    role media\n    phone \"+65 9137 3886\"\n  }\n}\n";

fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if found {
        return Some("chromium");
    }
    assert!(
        std::env::var_os("RELC_REQUIRE_BROWSER").is_none(),
        "RELC_REQUIRE_BROWSER is set, and there is no chromium on the PATH"
    );
    eprintln!("no chromium on the PATH: the browser test of relc serve did not run");
    None
}

#[test]
fn the_preview_follows_the_source_in_a_browser() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("release.rel");
    std::fs::write(&file, RELEASE).expect("write");

    // 1. relc serve on a free port.
    let mut relc = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["serve", file.to_str().expect("utf-8"), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("relc serve starts");
    let out = relc.stdout.take().expect("stdout");
    let url = line_with(out, "serving ");
    let _relc = Killed(relc);

    // Chromium, headless, with the DevTools protocol on a free port.
    let mut chrome = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-port=0",
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            "about:blank",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts (Debian's chromium package)");
    let err = chrome.stderr.take().expect("stderr");
    let browser_ws = line_with(err, "DevTools listening on ");
    let _chrome = Killed(chrome);
    let devtools = browser_ws
        .strip_prefix("ws://")
        .and_then(|r| r.split('/').next())
        .expect("ws://HOST:PORT/...")
        .to_string();

    // The blank page's own socket.
    let targets: Value = serde_json::from_str(&http_get(&devtools, "/json/list")).expect("json");
    let page_ws = targets
        .as_array()
        .and_then(|t| t.iter().find(|t| t["type"] == "page"))
        .and_then(|t| t["webSocketDebuggerUrl"].as_str())
        .expect("a page target")
        .to_string();
    let (ws, _) = tungstenite::connect(page_ws).expect("the page's DevTools socket");
    let mut page = Page { ws, next: 0 };

    // 2. Open the page and read the headline.
    page.call("Page.navigate", json!({ "url": url }));
    let h1 = "document.querySelector('h1') && document.querySelector('h1').textContent";
    page.until(h1, |v| v == "Officials meet");

    // 3-4. Edit the headline; the page shows the new one by itself.
    std::fs::write(
        &file,
        RELEASE.replace("Officials meet\"", "Ministers agree\""),
    )
    .expect("write");
    page.until(h1, |v| v == "Ministers agree");

    // 5. Break the file; the page shows the error.
    std::fs::write(&file, RELEASE.replace("@apec meet", "@apce meet")).expect("write");
    let errors = "document.getElementById('relc-errors') && document.getElementById('relc-errors').textContent";
    let shown = page.until(errors, |v| v.as_str().is_some_and(|t| t.contains("E0101")));
    assert!(
        shown
            .as_str()
            .is_some_and(|t| t.contains("did you mean `@apec`?")),
        "{shown}"
    );

    // 6. Fix it; the release is back.
    std::fs::write(&file, RELEASE).expect("write");
    page.until(h1, |v| v == "Officials meet");
}
