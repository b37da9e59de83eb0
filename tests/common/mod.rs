//! What the test suites share: reading releases from disk as the command
//! line does, with the files they use.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub struct Fs;

impl relc::project::Loader for Fs {
    fn load(&self, path: &Path) -> std::io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn identity(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    }

    /// As the command line finds it: the nearest folder above marked by
    /// one of `ROOT_MARKERS` (tests/ui has a `.relc-root` of its own).
    fn project_root(&self, release: &Path) -> Option<PathBuf> {
        let full = std::fs::canonicalize(release).ok()?;
        relc::project::find_root(&full, |p| p.exists())
    }

    fn releases_under(&self, dir: &Path) -> Vec<std::path::PathBuf> {
        releases_under(dir)
    }
}

/// The release sources in a folder and the folders below it, sorted, by
/// the rule the command line searches with (`relc::project`'s
/// `is_release_file` and `is_passed_over`).
pub fn releases_under(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !relc::project::is_passed_over(e.file_name())
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && relc::project::is_release_file(e.path()))
        .map(walkdir::DirEntry::into_path)
        .collect();
    out.sort();
    out
}

/// The release sources in a folder itself, not in the folders below it
/// (`examples/`, not the shared declarations in `examples/shared/`).
pub fn releases_in(dir: &Path) -> Vec<PathBuf> {
    releases_under(dir)
        .into_iter()
        .filter(|p| p.parent() == Some(dir))
        .collect()
}

/// Compiles a release file and what it uses; the id is the file's name.
/// A file that is not UTF-8 gives its E0009 alone, as the command line
/// does.
pub fn compile(path: &Path) -> relc::project::Project {
    let bytes = std::fs::read(path).expect("readable");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name");
    let name = path
        .file_name()
        .and_then(|s| s.to_str())
        .expect("a file name");
    match relc::decode(name, bytes) {
        Ok(src) => relc::project::compile(path, name, src, &Fs, stem),
        Err(e) => {
            let (shown, d) = *e;
            relc::project::Project {
                sources: relc::project::SourceMap {
                    files: vec![relc::project::SourceFile {
                        name: name.to_string(),
                        path: path.to_path_buf(),
                        src: shown.into(),
                        base: 0,
                    }],
                },
                compiled: relc::Compiled {
                    release: None,
                    diagnostics: vec![d],
                    shared: false,
                },
                inputs: vec![path.to_path_buf()],
                syntax: Vec::new(),
            }
        }
    }
}

/// The release of an example file that compiles with no diagnostic.
pub fn example(path: &Path) -> relc::model::Release {
    let p = compile(path);
    assert!(
        p.compiled.diagnostics.is_empty(),
        "{} has diagnostics: {:#?}",
        path.display(),
        p.compiled.diagnostics
    );
    let mut r = p.compiled.release.expect("a release without errors");
    // Its other languages, found beside it as the command line finds them.
    if let Some(dir) = path.parent() {
        let files = releases_under(dir);
        if let Some(links) = relc::project::language_links(&files, &Fs, None).get(path) {
            r.translations = links.clone();
        }
    }
    r
}

/// A file from `../shared`, the folder of seeds and published standards
/// that sits beside this repository on the team's machines and in CI, but
/// not beside a user's clone. `None`, with a note on stderr, when it is not
/// there, so `cargo test` passes on any clone; CI sets
/// `RELC_REQUIRE_SHARED=1`, and there a missing file fails the test.
pub fn shared_file(rel: &str) -> Option<String> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "shared", rel]
        .iter()
        .collect();
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            assert!(
                std::env::var_os("RELC_REQUIRE_SHARED").is_none(),
                "RELC_REQUIRE_SHARED is set, and ../shared/{rel} cannot be read: {e}"
            );
            eprintln!("note: ../shared/{rel} is not here ({e}); this test passes over itself");
            None
        }
    }
}

/// Writes a file of a test's tree, making its folders.
pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A running `relc serve`, stopped when dropped.
pub struct Server {
    pub child: std::process::Child,
    /// The address it listens on, as a client reaches it.
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `relc serve` on a free port with `extra` arguments, and reads
/// the address it prints.
pub fn serve(path: &Path, extra: &[&str]) -> Server {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["serve", path.to_str().expect("utf-8 path"), "--port", "0"])
        .args(extra)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("relc serve starts");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address line");
    let addr = line
        .trim()
        .strip_prefix("serving http://")
        .and_then(|a| a.strip_suffix('/'))
        .expect("`serving http://ADDR/`")
        .replace("0.0.0.0", "127.0.0.1");
    Server { child, addr }
}

/// Waits for a child, killing it and failing the test past `limit`: a
/// hang is a failure, not a stuck suite.
pub fn wait_bounded(child: &mut std::process::Child, limit: std::time::Duration, what: &str) {
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish in {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Runs relc with `args`, its standard input fed by `feed` on a thread of
/// its own (so relc may stop reading whenever it likes), within `limit`.
/// Standard output is dropped; standard error is kept.
pub fn relc_fed(
    args: &[&str],
    feed: impl FnOnce(std::process::ChildStdin) + Send + 'static,
    limit: std::time::Duration,
) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("relc runs");
    let stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || feed(stdin));
    wait_bounded(&mut child, limit, &format!("relc {}", args.join(" ")));
    let out = child.wait_with_output().expect("relc finishes");
    let _ = writer.join();
    out
}

/// The harbour authority's release that the batch and hardening tests
/// build: `head` (a `use` line, or the declarations it needs), then a
/// header, a body with a quote, and its contacts.
pub fn harbour_release(head: &str, headline: &str, date: &str) -> String {
    format!(
        r#"{head}
release {{
  headline "{headline}"
  dateline @port {date}
  issuer @office
}}

body {{
  @office announced it today.

  quote @chair said {{
    We are pleased,
  }}
}}

contacts "Media:" {{
  @desk
}}
"#
    )
}
