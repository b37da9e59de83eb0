//! The `relc` binary: exit codes, streams and files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn relc(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("relc runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("relc finishes")
}

const EXAMPLE: &str = "examples/apec-2017-nha-trang.rel";

#[test]
fn build_succeeds_with_exit_0_and_output_on_stdout() {
    for format in ["html", "json", "text"] {
        let out = relc(&["build", EXAMPLE, "--format", format], None);
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(!out.stdout.is_empty(), "{format}");
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn errors_exit_1_with_nothing_on_stdout() {
    let out = relc(&["build", "tests/ui/five-mistakes.rel"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for code in ["E0206", "E0201", "E0401", "E0101", "E0102"] {
        assert!(stderr.contains(code), "{code} missing from:\n{stderr}");
    }
    assert!(
        stderr.contains("5 errors in tests/ui/five-mistakes.rel"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(relc(&["build"], None).status.code(), Some(2));
    assert_eq!(
        relc(&["build", EXAMPLE, "--format", "docx"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(relc(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn unreadable_inputs_are_errors_not_panics() {
    let missing = relc(&["check", "no/such/file.rel"], None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file"));

    let dir = relc(&["check", "examples"], None);
    assert_eq!(dir.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&dir.stderr).contains("it is a folder"));

    // With a code in every message format; a JSON object too.
    assert!(String::from_utf8_lossy(&missing.stderr).contains("[E0010]"));
    let json = relc(
        &["check", "no/such/file.rel", "--message-format", "json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stderr).expect("one JSON object");
    assert_eq!(v["code"], "E0010");
    assert_eq!(v["file"], "no/such/file.rel");
}

#[test]
fn stdin_is_read_for_dash() {
    let src = String::from_utf8(example_bytes()).expect("utf-8");
    let out = relc(&["build", "-", "--format", "text"], Some(&src));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("EMBARGOED UNTIL"));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("release.html");
    let target_s = target.to_str().expect("utf-8 path");
    let good = relc(&["build", EXAMPLE, "-o", target_s], None);
    assert_eq!(good.status.code(), Some(0));
    let before = std::fs::read(&target).expect("output written");
    assert!(!before.is_empty());

    let bad = relc(&["build", "tests/ui/unknown-id.rel", "-o", target_s], None);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(std::fs::read(&target).expect("still there"), before);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

/// A page is written as it is made: when what it is written into refuses
/// it, the build says so and fails, and a file it was to replace stays as
/// it was.
#[test]
fn a_page_that_cannot_be_written_fails_the_build() {
    // Standard output on a full disk (Linux's /dev/full).
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = Command::new(env!("CARGO_BIN_EXE_relc"))
            .args(["build", EXAMPLE, "--format", "html"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full)
            .output()
            .expect("relc runs");
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cannot write to standard output: No space left on device"),
            "{err}"
        );
    } else {
        eprintln!("no /dev/full here: the full disk is not tried");
    }
    // A message with no sender is refused before a byte is kept.
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("release.eml");
    std::fs::write(&target, "the message before").expect("written");
    let out = relc(
        &[
            "build",
            EXAMPLE,
            "--format",
            "eml",
            "-o",
            target.to_str().expect("utf-8 path"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&target).expect("still there"),
        "the message before"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn check_takes_many_files_and_reports_all() {
    let out = relc(
        &[
            "check",
            "tests/ui/unknown-id.rel",
            EXAMPLE,
            "tests/ui/duplicate-id.rel",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("E0101") && stderr.contains("E0103"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn color_never_and_always() {
    let never = relc(
        &["--color", "never", "check", "tests/ui/unknown-id.rel"],
        None,
    );
    assert!(!String::from_utf8_lossy(&never.stderr).contains('\x1b'));
    let always = relc(
        &["--color", "always", "check", "tests/ui/unknown-id.rel"],
        None,
    );
    assert!(String::from_utf8_lossy(&always.stderr).contains('\x1b'));
}

#[test]
fn message_formats() {
    let file = "tests/ui/five-mistakes.rel";
    let short = relc(&["check", file, "--message-format", "short"], None);
    assert_eq!(short.status.code(), Some(1));
    let text = String::from_utf8_lossy(&short.stderr);
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(
        text.lines()
            .all(|l| l.starts_with("tests/ui/five-mistakes.rel:") && l.contains(": error[E0"))
    );

    let json = relc(&["check", file, "--message-format", "json"], None);
    let text = String::from_utf8_lossy(&json.stderr);
    let objects: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    assert_eq!(objects.len(), 5);
    assert!(objects.iter().all(|o| o["span"]["line"].as_u64().is_some()));

    let github = relc(&["check", file, "--message-format", "github"], None);
    let text = String::from_utf8_lossy(&github.stderr);
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("::error file="))
            .count(),
        5,
        "{text}"
    );
    assert!(github.stdout.is_empty());
}

#[test]
fn explain_prints_the_catalogue_entry() {
    let out = relc(&["explain", "E0101"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("## E0101 unknown-id"));
    assert!(text.contains("```rel bad") && text.contains("```rel fixed"));
    assert_eq!(relc(&["explain", "unknown-id"], None).stdout, out.stdout);

    let unknown = relc(&["explain", "E9999"], None);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn fmt_check_reports_a_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("messy.rel");
    let messy = "release{headline \"H\" dateline @p 2017-02-21 issuer @o}\norg o \"O\" {}\nplace p \"P\" {}\n";
    std::fs::write(&file, messy).expect("write");
    let path = file.to_str().expect("utf-8");

    let check = relc(&["fmt", "--check", path], None);
    assert_eq!(check.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&check.stdout);
    assert!(
        diff.contains("-release{headline") && diff.contains("+release {"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        messy,
        "--check writes nothing"
    );

    let fix = relc(&["fmt", path], None);
    assert_eq!(fix.status.code(), Some(0));
    let formatted = std::fs::read_to_string(&file).expect("read");
    assert!(formatted.starts_with("release {\n  headline \"H\"\n"));
    assert_eq!(relc(&["fmt", "--check", path], None).status.code(), Some(0));
}

#[test]
fn fmt_leaves_formatted_files_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("ok.rel");
    std::fs::copy(
        format!("{}/{STANDALONE}", env!("CARGO_MANIFEST_DIR")),
        &file,
    )
    .expect("copy");
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(old))
        .expect("set mtime");
    let out = relc(&["fmt", file.to_str().expect("utf-8")], None);
    assert_eq!(out.status.code(), Some(0));
    let mtime = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(mtime, old, "an unchanged file is not rewritten");
}

#[test]
fn fmt_never_rewrites_a_file_with_syntax_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.rel");
    let broken = "release {\n  headline\n}\n";
    std::fs::write(&file, broken).expect("write");
    let out = relc(&["fmt", file.to_str().expect("utf-8")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0001"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), broken);
}

#[test]
fn fmt_dash_formats_stdin_to_stdout() {
    let out = relc(&["fmt", "-"], Some("org o \"O\" { short \"X\" }\n"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "org o \"O\" {\n  short \"X\"\n}\n"
    );
}

// ---------------------------------------------------------------- files and faults

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let p = path.to_str().expect("utf-8").to_string();
    (dir, p)
}

/// A release that uses no other file, so it can be copied anywhere.
const STANDALONE: &str = "examples/northwind-q3-results.rel";

fn example_bytes() -> Vec<u8> {
    std::fs::read(format!("{}/{STANDALONE}", env!("CARGO_MANIFEST_DIR"))).expect("example")
}

#[test]
fn non_utf8_input_is_a_diagnostic_with_its_place() {
    let mut bytes = b"release {\n  headline \"Caf".to_vec();
    bytes.push(0xE9); // Latin-1 é
    bytes.extend_from_slice(b"\"\n}\n");
    let (_dir, path) = temp_file("latin1.rel", &bytes);
    let out = relc(&["check", &path], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("E0009") && err.contains("not UTF-8") && err.contains(":2:16]"),
        "{err}"
    );
    // Every message format has it, with its line and column.
    let json = relc(&["check", &path, "--message-format", "json"], None);
    let line = String::from_utf8_lossy(&json.stderr);
    let v: serde_json::Value =
        serde_json::from_str(line.lines().next().unwrap_or_default()).expect("a JSON object");
    assert_eq!(v["code"], "E0009");
    assert_eq!(
        (v["span"]["line"].as_u64(), v["span"]["column"].as_u64()),
        (Some(2), Some(16))
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(example_bytes());
    let (_dir, path) = temp_file("bom.rel", &bytes);
    let out = relc(&["build", &path, "--format", "json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn crlf_line_endings_are_accepted_and_positions_stay_right() {
    let crlf = String::from_utf8(example_bytes())
        .expect("utf-8")
        .replace('\n', "\r\n");
    let (_dir, path) = temp_file("crlf.rel", crlf.as_bytes());
    let good = relc(&["build", &path, "--format", "text"], None);
    assert_eq!(
        good.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let lf_out = relc(&["build", STANDALONE, "--format", "text"], None);
    assert_eq!(
        good.stdout, lf_out.stdout,
        "CRLF and LF give the same release"
    );

    // A mistake on line 3, column 12, reported there.
    let bad = "release {\r\n  headline \"H\"\r\n  dateline @nha-trnag 2017-02-21\r\n}\r\n";
    let (_dir2, bad_path) = temp_file("crlf-bad.rel", bad.as_bytes());
    let out = relc(&["check", &bad_path, "--message-format", "short"], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crlf-bad.rel:3:13: error[E0101]"), "{err}");
}

/// A carriage return that ends no line (an old Mac line end) is invisible
/// in an editor. It is named where it stands, once, in a string, a URL,
/// prose, a link and an autolink alike, with no parse error after it and
/// no other error for it.
#[test]
fn a_lone_carriage_return_is_named_where_it_stands() {
    let src = String::from_utf8(example_bytes())
        .expect("utf-8")
        .replace("reports record", "reports\rrecord")
        .replacen("<https://investors.", "<https://inv\restors.", 1)
        .replace(
            "today reported",
            "today\r\r [reported](https://exam\rple.org/) <https://exam\rple.org/>",
        );
    let (dir, path) = temp_file("lone-cr.rel", src.as_bytes());
    let out_file = dir.path().join("out.html");
    let out = relc(
        &[
            "build",
            &path,
            "-o",
            out_file.to_str().expect("utf-8 path"),
            "--message-format",
            "short",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_file.exists(), "no page for a release with errors");
    let err = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error[")).collect();
    let lone = "error[E0002]: the text holds a carriage return that ends no line, U+000D";
    assert_eq!(
        errors,
        vec![
            format!("{path}:6:40: {lone}"),
            format!("{path}:17:19: {lone}"),
            format!("{path}:47:19: {lone}, 2 in a row"),
            format!("{path}:47:45: {lone}"),
        ],
        "{err}"
    );
    // The fourth of one message (the autolink's) is counted, not shown.
    assert!(
        err.contains("1 more like \"the text holds a carriage return that ends no line, U+000D\""),
        "{err}"
    );
}

#[test]
fn an_empty_file_is_a_clear_error() {
    let (_dir, path) = temp_file("empty.rel", b"");
    let out = relc(&["build", &path], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0501"));
}

#[test]
fn a_binary_file_is_a_clear_error() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let (_dir, path) = temp_file("image.rel", &bytes);
    let out = relc(&["build", &path], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));

    // Valid UTF-8 that is still binary: control characters, each reported.
    let (_dir2, path2) = temp_file("nul.rel", b"\0\0\x01release");
    let out = relc(&["check", &path2, "--message-format", "short"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0002"));
}

#[test]
fn permission_denied_is_a_clear_error() {
    let (dir, path) = temp_file("secret.rel", &example_bytes());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    // Root reads any file: drop to nobody to see what a user sees.
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let bin = env!("CARGO_BIN_EXE_relc");
    let out = if is_root {
        // The binary must be reachable by nobody: copy it next to the file.
        let copy = dir.path().join("relc");
        std::fs::copy(bin, &copy).expect("copy relc");
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&copy)
            .args(["check", &path])
            .output()
            .expect("setpriv runs")
    } else {
        std::process::Command::new(bin)
            .args(["check", &path])
            .output()
            .expect("relc runs")
    };
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("permission denied"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn input_over_the_size_limit_is_refused_unread() {
    let (_dir, path) = temp_file("big.rel", &vec![b' '; 2 * 1024 * 1024]);
    let out = relc(&["check", &path, "--max-input-mib", "1"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-input-mib"));
    let raised = relc(&["check", &path, "--max-input-mib", "4"], None);
    assert!(
        String::from_utf8_lossy(&raised.stderr).contains("E0501"),
        "read once the limit is raised"
    );
}

#[cfg(unix)]
#[test]
fn outputs_get_ordinary_file_modes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("release.html");
    let bin = env!("CARGO_BIN_EXE_relc");
    let built = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022 && '{bin}' build {EXAMPLE} --format html -o '{}'",
            out.display()
        ))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sh runs");
    assert_eq!(built.status.code(), Some(0), "{built:?}");
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    // A new output is readable by the web server, not private to its writer.
    assert_eq!(mode(&out), 0o644);

    // `relc fmt` rewrites a source in place and keeps the mode it had.
    let src = dir.path().join("release.rel");
    std::fs::write(&src, "release {\n headline \"Hi\"\n}\n").expect("write");
    std::fs::set_permissions(&src, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let fmt = relc(&["fmt", src.to_str().expect("utf-8 path")], None);
    assert_eq!(fmt.status.code(), Some(0), "{fmt:?}");
    assert_eq!(
        std::fs::read_to_string(&src).expect("read"),
        "release {\n  headline \"Hi\"\n}\n"
    );
    assert_eq!(mode(&src), 0o640);
}

#[test]
fn a_shared_declarations_file_checks_clean_and_builds_nothing() {
    // Declarations alone: no header to ask for, no id to call unused.
    let out = relc(&["check", "examples/shared/apec.rel"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Its mistakes are still found, as they are through a release.
    let out = relc(&["check", "tests/ui/shared/broken.rel"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for code in ["E0403", "E0201", "E0101"] {
        assert!(stderr.contains(code), "{code} missing from:\n{stderr}");
    }
    assert!(!stderr.contains("E0501"), "{stderr}");

    // There is no release in it to build.
    let out = relc(&["build", "examples/shared/apec.rel"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("holds shared declarations, not a release"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A file with a part of a release is a release, and needs its header.
    let out = relc(&["check", "tests/ui/shared/with-body.rel"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0501"));
}

/// Every page the manual cites can be had, and the main page says what
/// clap cannot: the language, the exit status, examples.
#[test]
fn the_manual_has_every_page_it_cites() {
    let out = relc(&["man"], None);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8_lossy(&out.stdout).into_owned();
    for section in ["THE LANGUAGE", "EXIT STATUS", "EXAMPLES"] {
        assert!(page.contains(section), "no {section} section");
    }
    let cited: Vec<String> = page
        .match_indices("relc\\-")
        .filter_map(|(at, _)| {
            let rest = &page[at + "relc\\-".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase())
                .collect();
            rest[name.len()..].starts_with("(1)").then_some(name)
        })
        .collect();
    assert!(cited.len() >= 10, "cited: {cited:?}");
    for name in &cited {
        let sub = relc(&["man", name], None);
        assert_eq!(sub.status.code(), Some(0), "relc man {name}");
        let text = String::from_utf8_lossy(&sub.stdout);
        assert!(
            text.contains(&format!("relc\\-{name}")),
            "relc man {name}: {text}"
        );
    }
    assert_eq!(relc(&["man", "frobnicate"], None).status.code(), Some(2));
}

/// `relc explain` alone, or with --list, prints the catalogue; flags about
/// diagnostics show only where diagnostics are printed.
#[test]
fn explain_lists_the_catalogue_and_help_shows_what_applies() {
    for args in [&["explain"][..], &["explain", "--list"][..]] {
        let out = relc(args, None);
        assert_eq!(out.status.code(), Some(0));
        let list = String::from_utf8_lossy(&out.stdout);
        assert_eq!(list.lines().count(), relc::diag::Code::ALL.len());
        assert!(
            list.lines().any(|l| l.starts_with("E0101  unknown-id")),
            "{list}"
        );
    }
    for quiet in ["new", "man", "completions", "template", "schema"] {
        let help = relc(&[quiet, "--help"], None);
        let text = String::from_utf8_lossy(&help.stdout);
        assert!(
            !text.contains("--message-format"),
            "relc {quiet} --help: {text}"
        );
        assert!(
            !text.contains("--max-input-mib"),
            "relc {quiet} --help: {text}"
        );
    }
    for loud in ["build", "check", "fmt", "serve", "lsp"] {
        let help = relc(&[loud, "--help"], None);
        let text = String::from_utf8_lossy(&help.stdout);
        assert!(
            text.contains("--message-format"),
            "relc {loud} --help: {text}"
        );
    }
    // Given before the command, as they once had to be, they still work.
    let out = relc(
        &[
            "--message-format",
            "short",
            "check",
            "tests/ui/unknown-id.rel",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(": error[E0101]"));
}

#[test]
fn a_web_page_has_a_masthead_no_end_mark_and_a_banner_only_while_the_embargo_holds() {
    // The northwind release is embargoed until 2025-10-28T23:05:00Z.
    let page = |now: &str| {
        let out = relc(
            &["build", "examples/northwind-q3-results.rel", "--now", now],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{now}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let before = page("2025-10-28T23:04:59Z");
    let after = page("2025-10-28T23:05:00Z");
    for p in [&before, &after] {
        assert!(
            p.contains(r#"<header class="masthead">"#)
                && p.contains(">Northwind Analytics, Inc.</a>"),
            "{p}"
        );
        assert!(
            !p.contains("# # #"),
            "the end mark is left to text and print"
        );
    }
    assert!(before.contains(r#"<p class="embargo" role="note">"#));
    assert!(!after.contains(r#"class="embargo""#), "{after}");
    assert!(after.contains(r#"<p class="release-status">For immediate release</p>"#));
    // A moment with its zone is the same moment.
    assert_eq!(page("2025-10-28T16:04:59[America/Los_Angeles]"), before);
    // The text keeps the end mark and the embargo: it goes to the wire
    // before the embargo lifts.
    let text = relc(
        &[
            "build",
            "examples/northwind-q3-results.rel",
            "-f",
            "text",
            "--now",
            "2026-01-01T00:00:00Z",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("EMBARGOED UNTIL"), "{text}");
    assert!(text.contains("\n# # #\n"), "{text}");
    // A fragment, for a CMS with its own masthead, has none.
    let fragment = relc(
        &[
            "build",
            "examples/northwind-q3-results.rel",
            "--fragment",
            "--now",
            "2026-01-01T00:00:00Z",
        ],
        None,
    );
    assert!(!String::from_utf8_lossy(&fragment.stdout).contains("masthead"));
}

#[test]
fn now_must_be_a_moment() {
    let out = relc(&["build", EXAMPLE, "--now", "2017-02-21"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a moment"), "{err}");
}

#[test]
fn a_house_font_is_a_font_file_or_nothing_is_printed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_font = dir.path().join("house.ttf");
    std::fs::write(&not_font, "not a font").expect("written");
    let out_pdf = dir.path().join("out.pdf");
    let run = |font: &std::path::Path| {
        relc(
            &[
                "build",
                EXAMPLE,
                "--format",
                "pdf",
                "--font",
                font.to_str().expect("utf-8"),
                "-o",
                out_pdf.to_str().expect("utf-8"),
            ],
            None,
        )
    };
    // A file named as a font that holds none.
    let out = run(&not_font);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the ttf file holds no font"), "{err}");
    // A file that is no kind of font.
    let text = dir.path().join("house.txt");
    std::fs::write(&text, "x").expect("written");
    let out = run(&text);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("give a TrueType or OpenType file"), "{err}");
    assert!(!out_pdf.exists(), "no PDF is written");
}

/// A release's languages are found by reading the head of each release
/// beside it (`project::TRANSLATES_WITHIN`), not each one whole: a large
/// sibling, cut inside a character, is passed over; a translation is found;
/// and a translation whose `translates` stands too far in is refused.
#[test]
fn languages_are_found_in_the_heads_of_the_releases_beside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for name in [
        "regional-water-forum-ar.rel",
        "regional-water-forum-en.rel",
        "regional-water-forum-fr.rel",
    ] {
        std::fs::copy(examples.join(name), dir.path().join(name)).expect("copy");
    }
    // 100 KB of two-byte characters, odd-aligned so that the head's cut
    // falls inside one; it names no original.
    let big = format!("// {}\n", "é".repeat(50_000));
    std::fs::write(dir.path().join("big.rel"), big).expect("write");
    // A release in a folder below names the original too: it is not
    // beside it, so it is neither read nor linked.
    let below = dir.path().join("archive");
    std::fs::create_dir(&below).expect("folder");
    let fr = std::fs::read_to_string(dir.path().join("regional-water-forum-fr.rel")).expect("fr");
    std::fs::write(
        below.join("regional-water-forum-de.rel"),
        fr.replace(
            "\"regional-water-forum-ar.rel\"",
            "\"../regional-water-forum-ar.rel\"",
        )
        .replace("locale fr", "locale de"),
    )
    .expect("write");
    let original = dir.path().join("regional-water-forum-ar.rel");
    let out = dir.path().join("ar.html");
    let run = |args: &[&str]| relc(args, None);
    let built = run(&[
        "build",
        original.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = std::fs::read_to_string(&out).expect("page");
    for lang in ["hreflang=\"en", "hreflang=\"fr"] {
        assert!(page.contains(lang), "{lang} not linked");
    }
    assert!(!page.contains("hreflang=\"de"), "a release below is linked");

    // The same translation with 70 KB of comment above its header.
    let fr = std::fs::read_to_string(dir.path().join("regional-water-forum-fr.rel")).expect("fr");
    let late = format!("{}{fr}", "// une note\n".repeat(6_000));
    let late_path = dir.path().join("regional-water-forum-fr.rel");
    std::fs::write(&late_path, late).expect("write");
    let checked = run(&[
        "check",
        "--color",
        "never",
        "--message-format",
        "short",
        late_path.to_str().expect("path"),
    ]);
    let report = String::from_utf8_lossy(&checked.stderr);
    assert_eq!(checked.status.code(), Some(1), "{report}");
    assert!(
        report.contains("E0802") && report.contains("only within the first 64 KiB"),
        "{report}"
    );
}
