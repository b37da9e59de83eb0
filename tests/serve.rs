//! `relc serve`, end to end over HTTP: the page, a live edit, an error
//! page, recovery, the index, and paths outside the folder. Every wait is
//! bounded.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// GET a path: the status and the body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("request");
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("response");
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status");
    let body = raw
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

/// Waits, at most 5 s, until the page's version differs from `old`:
/// what the page's script does before it reloads.
fn wait_for_change(addr: &str, page: &str, old: &str) -> String {
    let start = Instant::now();
    loop {
        let (_, v) = get(addr, &format!("/__relc/version?page={page}"));
        if v != old {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no change seen in 5 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// GETs a path until the answer passes `ok`, for at most 5 s: a save is
/// a truncate and a write, and a request may fall between the two.
fn eventually(addr: &str, path: &str, ok: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let start = Instant::now();
    loop {
        let (status, body) = get(addr, path);
        if ok(status, &body) {
            return (status, body);
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "never: {status} {body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn headline(page: &str) -> &str {
    let start = page
        .find("<h1")
        .and_then(|i| page[i..].find('>').map(|j| i + j + 1));
    let start = start.expect("an h1");
    &page[start..start + page[start..].find("</h1>").expect("</h1>")]
}

const RELEASE: &str = "release {\n  headline \"Officials meet\"\n  dateline @nha-trang 2017-02-21\n  issuer @apec\n}\n\norg apec \"APEC\" {\n}\n\nplace nha-trang \"Nha Trang\" {\n  country \"Viet Nam\"\n}\n\nbody {\n  Officials from @apec meet in @nha-trang.\n}\n\ncontacts \"Media:\" {\n  contact press \"Media desk\" {\n    role media\n    phone \"+65 9137 3886\"\n  }\n}\n";

#[test]
fn a_release_previews_live_through_edits_and_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("release.rel");
    std::fs::write(&file, RELEASE).expect("write");
    let s = common::serve(&file, &[]);
    assert!(
        s.addr.starts_with("127.0.0.1:"),
        "loopback by default: {}",
        s.addr
    );

    let (status, page) = get(&s.addr, "/");
    assert_eq!(status, 200);
    assert_eq!(headline(&page), "Officials meet");
    assert!(page.contains("/__relc/version?page="), "the reload script");
    let (_, v1) = get(&s.addr, "/__relc/version?page=/");

    // Save a new headline: the version moves, and the page shows it.
    std::fs::write(
        &file,
        RELEASE.replace("Officials meet\"", "Ministers agree\""),
    )
    .expect("write");
    let v2 = wait_for_change(&s.addr, "/", &v1);
    eventually(&s.addr, "/", |status, page| {
        status == 200 && headline(page) == "Ministers agree"
    });

    // Break it: the page shows the errors, as the terminal does.
    std::fs::write(&file, RELEASE.replace("@apec meet", "@apce meet")).expect("write");
    let v3 = wait_for_change(&s.addr, "/", &v2);
    let (_, page) = eventually(&s.addr, "/", |status, page| {
        status == 500 && page.contains("E0101")
    });
    assert!(page.contains("id=\"relc-errors\""), "{page}");
    assert!(page.contains("E0101"), "{page}");
    assert!(page.contains("did you mean `@apec`?"), "{page}");
    assert!(page.contains("/__relc/version?page="), "it still reloads");

    // Fix it: the release comes back.
    std::fs::write(&file, RELEASE).expect("write");
    wait_for_change(&s.addr, "/", &v3);
    eventually(&s.addr, "/", |status, page| {
        status == 200 && headline(page) == "Officials meet"
    });
}

#[test]
fn a_folder_serves_its_index_and_nothing_outside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("2017")).expect("mkdir");
    std::fs::write(site.join("2017/nha-trang.rel"), RELEASE).expect("write");
    std::fs::write(dir.path().join("secret.rel"), RELEASE).expect("write");
    let s = common::serve(&site, &[]);

    let (status, index) = get(&s.addr, "/");
    assert_eq!(status, 200);
    // The index writes `/` in attributes as an entity; a browser reads it
    // as `/`.
    let index = index.replace("&#x2f;", "/");
    assert!(index.contains("href=\"2017/nha-trang.html\""), "{index}");
    let (status, page) = get(&s.addr, "/2017/nha-trang.html");
    assert_eq!(status, 200);
    assert_eq!(headline(&page), "Officials meet");

    for outside in [
        "/../secret.html",
        "/%2e%2e/secret.html",
        "/2017/../../secret.html",
        "//etc/passwd",
        "/2017/nha-trang.rel",
        "/missing.html",
    ] {
        let (status, body) = get(&s.addr, outside);
        assert_eq!(status, 404, "{outside}: {body}");
    }
}

#[test]
fn a_page_reloads_when_a_file_it_uses_changes() {
    // Polls fingerprint the files the last page was made from; a file a
    // release comes to use after that is watched from the next page on.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("release.rel");
    let shared = dir.path().join("shared.rel");
    let more = dir.path().join("more.rel");
    std::fs::write(&shared, "org apec \"APEC\" {\n}\n").expect("write");
    std::fs::write(&more, "place lima \"Lima\" {\n}\n").expect("write");
    let release = RELEASE.replace("org apec \"APEC\" {\n}\n", "");
    std::fs::write(&file, format!("use \"shared.rel\"\n\n{release}")).expect("write");
    let s = common::serve(&file, &[]);

    let (status, page) = get(&s.addr, "/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(">APEC<"), "{page}");
    let (_, v1) = get(&s.addr, "/__relc/version?page=/");

    // A used file is saved: the version moves, the page follows.
    std::fs::write(
        &shared,
        "org apec \"Asia-Pacific Economic Cooperation\" {\n}\n",
    )
    .expect("write");
    let v2 = wait_for_change(&s.addr, "/", &v1);
    eventually(&s.addr, "/", |status, page| {
        status == 200 && page.contains(">Asia-Pacific Economic Cooperation<")
    });

    // The release comes to use a second file, and refers to it.
    let uses_more = format!("use \"shared.rel\"\nuse \"more.rel\"\n\n{release}")
        .replace("meet in @nha-trang.", "meet in @nha-trang and @lima.");
    std::fs::write(&file, uses_more).expect("write");
    let v3 = wait_for_change(&s.addr, "/", &v2);
    eventually(&s.addr, "/", |status, page| {
        status == 200 && page.contains(">Lima<")
    });

    // Saving that one moves the version too.
    std::fs::write(&more, "place lima \"Lima, Peru\" {\n}\n").expect("write");
    wait_for_change(&s.addr, "/", &v3);
    eventually(&s.addr, "/", |status, page| {
        status == 200 && page.contains(">Lima, Peru<")
    });
}
