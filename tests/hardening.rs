//! The second hardening round: each fault a security review found, as a
//! test that failed before its fix. Every process is bounded in time, and
//! every network test stays on loopback.

mod common;

use common::{relc_fed, serve, wait_bounded, write};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs relc in `dir`, killing it after `limit`: a fault here may be a
/// hang, and a hang must fail the test, not the suite.
fn relc_in(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(args)
        .args(["--color", "never"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "80")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("relc runs");
    // Drained as they fill, so a long report cannot block relc.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    wait_bounded(&mut child, limit, &format!("relc {}", args.join(" ")));
    Output {
        status: child.wait().expect("relc finishes"),
        stdout: out.join().expect("stdout read"),
        stderr: err.join().expect("stderr read"),
    }
}

fn relc(dir: &Path, args: &[&str]) -> Output {
    relc_in(dir, args, Duration::from_secs(20))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Declarations a release can use, with the chair's name given.
fn shared(chair: &str) -> String {
    format!(
        r#"org office "Harbour Authority" {{ short "the Authority" }}
place port "Port Town" {{ country "Exampleland" }}
person chair "{chair}" {{ title "Chair" org @office }}
contact desk "Press desk" {{ role media email <press@harbour.example.org> }}
"#
    )
}

/// A release that uses `path`, or declares what it needs when `path` is
/// None.
fn release(use_path: Option<&str>, headline: &str) -> String {
    let head = match use_path {
        Some(p) => format!("use \"{p}\"\n"),
        None => shared("Dr Ada Reyes"),
    };
    common::harbour_release(&head, headline, "2024-03-01")
}

// Reading the right file, and not too much of it.

#[test]
fn two_leading_parents_reach_the_folder_two_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "a/shared.rel", &shared("Dr Right File"));
    // The file the fault read instead.
    write(root, "a/b/c/shared.rel", &shared("Dr Wrong File"));
    write(
        root,
        "a/b/c/rel.rel",
        &release(Some("../../shared.rel"), "Right"),
    );
    let out = relc(root, &["build", "a/b/c/rel.rel", "--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Dr Right File"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Wrong"));

    // The release named with leading `..` from another folder.
    std::fs::create_dir_all(root.join("x/y")).expect("mkdir");
    let out = relc(
        &root.join("x/y"),
        &["build", "../../a/b/c/rel.rel", "--format", "text"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Dr Right File"), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn a_self_use_through_a_link_is_a_cycle_and_links_cannot_blow_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "rel.rel", &release(Some("same/rel.rel"), "Loop"));
    std::os::unix::fs::symlink(".", root.join("same")).expect("symlink");
    let out = relc(root, &["check", "rel.rel"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("E0504"), "{err}");
    assert!(
        !err.contains("E0103"),
        "no \"declared twice\" errors: {err}"
    );

    // Two links, each file using itself through both: once re-read
    // exponentially, now each file is read once.
    let two = root.join("two");
    std::fs::create_dir_all(&two).expect("mkdir");
    std::os::unix::fs::symlink(".", two.join("l1")).expect("symlink");
    std::os::unix::fs::symlink(".", two.join("l2")).expect("symlink");
    let mut text = String::new();
    for i in 0..12 {
        text.push_str(&format!("use \"l1/s{i}.rel\"\nuse \"l2/s{i}.rel\"\n"));
    }
    for i in 0..12 {
        let mut s = String::new();
        for j in 0..12 {
            s.push_str(&format!("use \"l1/s{j}.rel\"\nuse \"l2/s{j}.rel\"\n"));
        }
        s.push_str(&format!("org o{i} \"Org {i}\" {{}}\n"));
        write(&two, &format!("s{i}.rel"), &s);
    }
    write(&two, "main.rel", &(text + &release(None, "Many links")));
    let start = Instant::now();
    let out = relc_in(&two, &["check", "main.rel"], Duration::from_secs(10));
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(!stderr(&out).contains("E0103"), "{}", stderr(&out));
}

#[test]
fn the_input_limit_holds_for_used_files_and_templates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    // A used file of 2 MiB, under a limit of 1 MiB.
    let mut big = shared("Dr Ada Reyes");
    big.push_str(&"// padding\n".repeat(200_000));
    write(root, "big.rel", &big);
    write(root, "rel.rel", &release(Some("big.rel"), "Big"));
    let out = relc(root, &["check", "rel.rel", "--max-input-mib", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("larger than 1 MiB"),
        "{}",
        stderr(&out)
    );

    write(root, "small.rel", &release(None, "Small"));
    write(root, "house.html", &format!("{}\n", "x".repeat(2 << 20)));
    let out = relc(
        root,
        &[
            "build",
            "small.rel",
            "--template",
            "house.html",
            "--max-input-mib",
            "1",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("larger than 1 MiB"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn devices_pipes_and_fifos_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "small.rel", &release(None, "Small"));
    for args in [
        vec!["build", "/dev/zero"],
        vec!["check", "/dev/zero"],
        vec!["build", "small.rel", "--template", "/dev/zero"],
    ] {
        let out = relc_in(root, &args, Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("a device"),
            "{args:?}: {}",
            stderr(&out)
        );
    }

    // A FIFO nobody writes to: opening it for reading would block forever.
    let fifo = root.join("pipe.rel");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: no mkfifo here; the FIFO cases pass over themselves");
        return;
    }
    let out = relc_in(root, &["build", "pipe.rel"], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));
    write(root, "uses-pipe.rel", &release(Some("pipe.rel"), "Pipe"));
    let out = relc_in(root, &["check", "uses-pipe.rel"], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));
    // A folder with a FIFO in it builds what it can.
    let out = relc_in(
        root,
        &["build", ".", "--out-dir", "site"],
        Duration::from_secs(20),
    );
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));
}

#[test]
fn standard_input_is_bounded_too() {
    // `-` is read through the limit; `/dev/stdin`, a pipe here, is not a
    // regular file and is refused (it was read whole, past any limit).
    for (arg, why) in [("-", "larger than 1 MiB"), ("/dev/stdin", "named pipe")] {
        stdin_case(arg, why);
    }
}

fn stdin_case(arg: &str, why: &str) {
    // Writes until relc stops reading; it must stop by itself.
    let out = relc_fed(
        &["check", arg, "--max-input-mib", "1"],
        |mut stdin| {
            let chunk = vec![b'y'; 64 << 10];
            for _ in 0..1024 {
                if stdin.write_all(&chunk).is_err() {
                    return;
                }
            }
        },
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1), "{arg}");
    assert!(stderr(&out).contains(why), "{arg}: {}", stderr(&out));
}

#[test]
fn a_used_file_that_is_not_a_release_source_is_never_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "secret.txt", "root:x:0:0:the secret line\n");
    write(root, "rel.rel", &release(Some("secret.txt"), "Secret"));
    let out = relc(root, &["check", "rel.rel"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("E0506"), "{err}");
    assert!(!err.contains("the secret line"), "{err}");
}

#[test]
fn a_use_outside_the_project_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "elsewhere/shared.rel", &shared("Dr Ada Reyes"));
    write(root, "project/.git/HEAD", "ref: refs/heads/main\n");
    write(
        root,
        "project/rel.rel",
        &release(Some("../elsewhere/shared.rel"), "Outside"),
    );
    let out = relc(&root.join("project"), &["check", "rel.rel"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E0507"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("E0101"),
        "no cascade: {}",
        stderr(&out)
    );
    let out = relc(
        &root.join("project"),
        &["check", "rel.rel", "--allow-use-outside"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// Outputs that cannot be turned against their readers.

#[test]
fn outputs_agree_on_one_line_fields_and_escape_addresses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        root,
        "nl.rel",
        &release(None, "Harbour opens\\n# Company announces bankruptcy"),
    );
    let out = relc(root, &["build", "nl.rel", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E0207"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());

    let hostile = release(None, "Addresses").replace(
        "email <press@harbour.example.org>",
        "email \"\\\"<img src=x onerror=alert(1)>\\\"@example.com\" email \"\\\"a,b;c\\\"@example.com\"",
    );
    write(root, "mail.rel", &hostile);
    let md = relc(root, &["build", "mail.rel", "--format", "md"]);
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    let md = stdout(&md);
    let events: Vec<_> = pulldown_cmark::Parser::new(&md).collect();
    assert!(
        !events.iter().any(|e| matches!(
            e,
            pulldown_cmark::Event::Html(_) | pulldown_cmark::Event::InlineHtml(_)
        )),
        "raw HTML in the Markdown: {md}"
    );
    let vcf = relc(root, &["build", "mail.rel", "--format", "vcf"]);
    let vcf = stdout(&vcf);
    assert!(
        vcf.contains("EMAIL;TYPE=work:\"a\\,b\\;c\"@example.com"),
        "{vcf}"
    );
}

#[test]
fn a_house_template_is_strict_and_bounded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "r.rel", &release(None, "Templates"));
    let cases = [
        ("typo.html", "<p>{{ release.headlin }}</p>", "undefined"),
        (
            "loop.html",
            "{% for a in range(100000) %}{% for b in range(100000) %}.{% endfor %}{% endfor %}",
            "fuel",
        ),
        (
            "huge.html",
            "{% for a in range(100000) %}{{ 'x' * 10000000 }}{% endfor %}",
            "larger than",
        ),
    ];
    for (name, text, why) in cases {
        write(root, name, text);
        let out = relc_in(
            root,
            &["build", "r.rel", "--template", name, "-o", "page.html"],
            // A guard against a hang, not a timing: the debug build spends
            // its 50 million instructions of fuel slowly on a loaded machine.
            Duration::from_secs(180),
        );
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.contains(why), "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the error names the file: {err}"
        );
        assert!(!root.join("page.html").exists());
    }
}

// Batch builds and fmt never destroy what they did not make.

#[test]
fn a_release_named_index_does_not_replace_the_site_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "press/index.rel", &release(None, "Named index"));
    write(root, "press/other.rel", &release(None, "Another"));
    let out = relc(root, &["build", "press", "--out-dir", "site"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("site's index"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 of 2 releases failed"),
        "{}",
        stderr(&out)
    );
    let index = std::fs::read_to_string(root.join("site/index.html")).expect("index");
    assert!(index.contains("Another"));
    assert!(!index.contains("Named index"), "{index}");
}

#[test]
fn a_file_relc_did_not_write_is_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "press/news.rel", &release(None, "News"));
    write(root, "press/index.html", "<p>hand-written</p>\n");
    let out = relc(root, &["build", "press", "--out-dir", "press"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("relc did not write"),
        "{}",
        stderr(&out)
    );
    let kept = std::fs::read_to_string(root.join("press/index.html")).expect("read");
    assert_eq!(kept, "<p>hand-written</p>\n");
    assert!(root.join("press/news.html").exists());
    // What relc wrote it replaces on the next build.
    write(root, "press/news.rel", &release(None, "News, revised"));
    std::fs::remove_file(root.join("press/index.html")).expect("rm");
    let out = relc(root, &["build", "press", "--out-dir", "press"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = std::fs::read_to_string(root.join("press/news.html")).expect("read");
    assert!(page.contains("News, revised"));
}

#[test]
fn colliding_names_write_neither_and_an_id_resolves_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "press/with space.rel", &release(None, "Spaced"));
    write(root, "press/with-space.rel", &release(None, "Hyphened"));
    write(root, "press/third.rel", &release(None, "Third"));
    let out = relc(root, &["build", "press", "--out-dir", "site"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("2 of 3 releases failed"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("site/with-space.html").exists());
    let index = std::fs::read_to_string(root.join("site/index.html")).expect("index");
    assert!(!index.contains("with-space.html"), "{index}");
    assert!(index.contains("third.html"));

    // The advice can be followed: the header's `id`.
    let renamed = release(None, "Spaced").replace(
        "issuer @office\n",
        "issuer @office\n  id \"with-space-2\"\n",
    );
    write(root, "press/with space.rel", &renamed);
    let out = relc(root, &["build", "press", "--out-dir", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(root.join("site/with-space-2.html").exists());
    assert!(root.join("site/with-space.html").exists());
}

#[test]
fn temporary_files_of_a_killed_build_are_cleared() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "press/news.rel", &release(None, "News"));
    let out = relc(root, &["build", "press", "--out-dir", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // What a build killed mid-write leaves, from an hour ago.
    let left = root.join("site/.relc-tmpAbC123");
    std::fs::write(&left, "half a page").expect("write");
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .and_then(|f| f.set_modified(old))
        .expect("mtime");
    write(root, "press/news.rel", &release(None, "News, again"));
    let out = relc(root, &["build", "press", "--out-dir", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!left.exists(), "the stale temporary file is gone");
}

#[cfg(unix)]
#[test]
fn fmt_keeps_links_modes_and_read_only_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let messy = release(None, "Messy").replace("  headline", "      headline");

    // A read-only file is refused and left alone.
    write(root, "ro.rel", &messy);
    std::fs::set_permissions(root.join("ro.rel"), std::fs::Permissions::from_mode(0o444))
        .expect("chmod");
    let out = relc(root, &["fmt", "ro.rel"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(root.join("ro.rel")).expect("read"),
        messy
    );

    // Through a link, the target is formatted and the link stays a link.
    write(root, "real.rel", &messy);
    std::fs::set_permissions(
        root.join("real.rel"),
        std::fs::Permissions::from_mode(0o640),
    )
    .expect("chmod");
    std::os::unix::fs::symlink("real.rel", root.join("link.rel")).expect("symlink");
    let out = relc(root, &["fmt", "link.rel"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(root.join("link.rel"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    let formatted = std::fs::read_to_string(root.join("real.rel")).expect("read");
    assert_ne!(formatted, messy);
    let meta = std::fs::metadata(root.join("real.rel")).expect("meta");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640, "the mode is kept");

    // Hard links stay one file.
    write(root, "one.rel", &messy);
    std::fs::hard_link(root.join("one.rel"), root.join("two.rel")).expect("link");
    let out = relc(root, &["fmt", "one.rel"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (a, b) = (
        std::fs::metadata(root.join("one.rel")).expect("meta"),
        std::fs::metadata(root.join("two.rel")).expect("meta"),
    );
    assert_eq!(a.ino(), b.ino(), "still one file");
    assert_ne!(
        std::fs::read_to_string(root.join("two.rel")).expect("read"),
        messy
    );
}

#[cfg(unix)]
#[test]
fn an_unwritable_standard_error_is_not_a_panic() {
    let Ok(full) = std::fs::File::options().write(true).open("/dev/full") else {
        eprintln!("note: no /dev/full here; this test passes over itself");
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["check", "no/such/file.rel"])
        .stderr(full)
        .output()
        .expect("relc runs");
    assert_eq!(out.status.code(), Some(1));
}

// Docs and binary agree.

#[test]
fn a_person_and_an_org_may_have_an_email_and_it_is_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let text = release(None, "Emails")
        .replace(
            "short \"the Authority\" }",
            "short \"the Authority\" email <office@harbour.example.org> }",
        )
        .replace(
            "org @office }",
            "org @office email <ada@harbour.example.org> }",
        )
        + "meeting open \"Opening\" { dates 2024-03-05 place @port host @office status planned }\n";
    let text = text.replace(
        "@office announced it today.",
        "@office announced @open today.",
    );
    write(root, "e.rel", &text);
    let json = relc(root, &["build", "e.rel", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    assert_eq!(doc["orgs"][0]["email"], "office@harbour.example.org");
    assert_eq!(doc["people"][0]["email"], "ada@harbour.example.org");
    let ics = stdout(&relc(root, &["build", "e.rel", "--format", "ics"]));
    assert!(
        ics.contains("ORGANIZER;CN=Harbour Authority:mailto:office@harbour.example.org"),
        "{ics}"
    );
}

// relc serve, on loopback.

/// Sends raw bytes; the status of the answer and the whole answer.
fn raw(addr: &str, request: &[u8]) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    s.set_write_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    // A server that refuses part way may close before all is sent.
    let _ = s.write_all(request);
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "site/news.rel",
        &release(None, "News in the site"),
    );
    write(
        dir.path(),
        "outside/secret.rel",
        &release(None, "Secret headline"),
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("outside/secret.rel"),
        dir.path().join("site/linked.rel"),
    )
    .expect("symlink");
    dir
}

#[test]
fn serve_answers_only_its_own_names_and_methods() {
    let dir = site();
    let s = serve(&dir.path().join("site"), &[]);
    let port = s.addr.rsplit(':').next().expect("port");
    for host in [
        s.addr.clone(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, _) = raw(
            &s.addr,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(status, 200, "Host: {host}");
    }
    for host in [
        format!("evil.example:{port}"),
        "127.0.0.1.evil.example".to_string(),
        format!("localhost:{}", port.parse::<u32>().expect("port") + 1),
    ] {
        let (status, _) = raw(
            &s.addr,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(status, 403, "Host: {host}");
    }
    for method in ["POST", "PUT", "DELETE", "TRACE", "FOO"] {
        let (status, answer) = raw(
            &s.addr,
            format!(
                "{method} / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                s.addr
            )
            .as_bytes(),
        );
        assert_eq!(status, 405, "{method}");
        assert!(
            answer.to_ascii_lowercase().contains("allow: get, head"),
            "{answer}"
        );
    }
    let (status, answer) = raw(
        &s.addr,
        format!(
            "HEAD / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            s.addr
        )
        .as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(!answer.contains("<html"), "HEAD has no body");
}

#[test]
fn serve_caps_the_request_head() {
    let dir = site();
    let s = serve(&dir.path().join("site"), &[]);
    let mut request = format!("GET / HTTP/1.1\r\nHost: {}\r\n", s.addr).into_bytes();
    for i in 0..2000 {
        request.extend_from_slice(format!("X-Filler-{i}: {}\r\n", "a".repeat(100)).as_bytes());
    }
    request.extend_from_slice(b"\r\n");
    let (status, _) = raw(&s.addr, &request);
    assert_eq!(status, 431);
    // And serves the next request as ever.
    let (status, _) = raw(
        &s.addr,
        format!("GET / HTTP/1.0\r\nHost: {}\r\n\r\n", s.addr).as_bytes(),
    );
    assert_eq!(status, 200);
}

#[test]
fn slow_clients_do_not_starve_a_normal_request() {
    let dir = site();
    let s = serve(&dir.path().join("site"), &[]);
    // Ten rounds; each opens 20 more connections that start a request head
    // and never finish it (200 at the end), then times a normal request.
    // With a pool of threads that read heads, one round in ten or so went
    // unanswered for tens of seconds.
    let mut slow = Vec::new();
    for round in 0..10 {
        for _ in 0..20 {
            let mut c = std::net::TcpStream::connect(&s.addr).expect("connect");
            let _ = c.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            slow.push(c);
        }
        let start = Instant::now();
        let (status, _) = raw(
            &s.addr,
            format!("GET /news.html HTTP/1.0\r\nHost: {}\r\n\r\n", s.addr).as_bytes(),
        );
        assert_eq!(status, 200, "round {round}");
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "round {round}: answered in {:?}",
            start.elapsed()
        );
    }
    drop(slow);
}

#[cfg(unix)]
#[test]
fn the_index_lists_nothing_from_outside_the_folder() {
    let dir = site();
    let s = serve(&dir.path().join("site"), &[]);
    let (status, index) = raw(
        &s.addr,
        format!("GET / HTTP/1.0\r\nHost: {}\r\n\r\n", s.addr).as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(index.contains("News in the site"), "{index}");
    assert!(!index.contains("Secret headline"), "{index}");
}

#[test]
fn serving_beyond_loopback_says_so() {
    let dir = site();
    let mut child = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["serve", "--port", "0", "--host", "0.0.0.0"])
        .arg(dir.path().join("site"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("relc serve starts");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().expect("stdout")),
        &mut line,
    )
    .expect("the address line");
    let _ = child.kill();
    let out = child.wait_with_output().expect("output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning") && err.contains("beyond this machine"),
        "{err}"
    );
}

// relc lsp, over its standard streams.

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn the_language_server_survives_malformed_frames() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relc"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("relc lsp starts");
    let mut input: Vec<u8> = Vec::new();
    input.extend(frame("{not json"));
    input.extend(frame("[{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}]"));
    input.extend(b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc");
    input.extend(b"Content-Length: 1099511627776\r\n\r\n");
    input.extend(b"Content-Length: 18446744073709551615\r\n\r\n");
    input.extend(b"Content-Length: 4000000000\r\n\r\n");
    input.extend(b"Content-Type: application/json\r\n\r\n{\"no\":\"length\"}");
    // A wrong length: the body is longer than it says.
    input.extend(b"Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\"}");
    // LF-only headers, then a normal session.
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    input.extend(format!("Content-Length: {}\n\n{init}", init.len()).into_bytes());
    input.extend(frame(
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    ));
    input.extend(frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#));
    input.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    wait_bounded(&mut child, Duration::from_secs(20), "relc lsp");
    let _ = writer.join();
    let out = child.wait_with_output().expect("output");
    let answers = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{answers}");
    assert!(answers.contains("-32700"), "a parse error: {answers}");
    assert!(answers.contains("-32600"), "an invalid request: {answers}");
    assert!(
        answers.contains("\"id\":1") && answers.contains("capabilities"),
        "initialize answered: {answers}"
    );
    assert!(answers.contains("\"id\":2"), "shutdown answered: {answers}");
}
