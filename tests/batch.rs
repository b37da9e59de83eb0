//! Batch builds of whole folders, on temporary trees: what they print and
//! write, and how they exit. Paths are relative to the tree, so snapshots
//! are the same on every machine.

mod common;

use common::write;
use std::path::Path;
use std::process::{Command, Output};

fn relc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(args)
        .args(["--color", "never"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "80")
        .output()
        .expect("relc runs")
}

/// Exit code, standard output and standard error, for a snapshot.
fn shown(out: &Output) -> String {
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const SHARED: &str = r#"// The office's standing declarations.
org office "Harbour Authority" {
  short "the Authority"
  url <https://harbour.example.org>
}

place port "Port Town" {
  country "Exampleland"
}

person chair "Dr Ada Reyes" {
  short "Dr Reyes"
  title "Chair"
  org @office
}

contact desk "Press desk" {
  role media
  org @office
  email <press@harbour.example.org>
}
"#;

fn release(headline: &str, date: &str) -> String {
    common::harbour_release("use \"../shared/office.rel\"\n", headline, date)
}

/// The moment the tests build for: after every release's date.
const NOW: &str = "2026-01-01T00:00:00Z";

fn press_office() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "press/shared/office.rel", SHARED);
    write(
        root,
        "press/2024/spring-opening.rel",
        &release("The harbour opens for spring", "2024-03-01"),
    );
    write(
        root,
        "press/2025/new-pier.rel",
        &release("A new pier for Port Town", "2025-06-12"),
    );
    dir
}

#[test]
fn a_broken_file_among_good_ones() {
    let dir = press_office();
    write(
        dir.path(),
        "press/2025/broken.rel",
        &release("Broken", "2025-02-30").replace("@chair said", "@chiar said"),
    );
    let out = relc(
        dir.path(),
        &[
            "build",
            "press",
            "--out-dir",
            "site",
            "--format",
            "html,json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    // The good releases are built all the same, the broken one is not.
    let site = dir.path().join("site");
    assert!(site.join("2024/spring-opening.html").exists());
    assert!(site.join("2025/new-pier.json").exists());
    assert!(!site.join("2025/broken.html").exists());
    // The shared file is not a release.
    assert!(!site.join("shared").exists());
    let index = std::fs::read_to_string(site.join("index.json")).expect("index");
    let index: serde_json::Value = serde_json::from_str(&index).expect("json");
    let hrefs: Vec<&str> = index["releases"]
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["href"].as_str().expect("href"))
        .collect();
    assert_eq!(
        hrefs,
        ["2025/new-pier.html", "2024/spring-opening.html"],
        "newest first"
    );
    insta::assert_snapshot!(shown(&out));
}

#[test]
fn check_passes_on_a_current_tree_and_fails_on_a_stale_one() {
    let dir = press_office();
    let built = relc(
        dir.path(),
        &[
            "build",
            "press",
            "--out-dir",
            "site",
            "--quiet",
            "--now",
            NOW,
        ],
    );
    assert_eq!(built.status.code(), Some(0), "{}", shown(&built));

    // Without a fixed moment, a check could pass today and fail tomorrow.
    let unfixed = relc(
        dir.path(),
        &["build", "press", "--out-dir", "site", "--check"],
    );
    assert_eq!(unfixed.status.code(), Some(2), "{}", shown(&unfixed));
    assert!(String::from_utf8_lossy(&unfixed.stderr).contains("--check needs --now"));

    let current = build_site(dir.path(), &["--check"]);
    assert_eq!(current.status.code(), Some(0), "{}", shown(&current));
    assert!(current.stdout.is_empty());

    // An edit to the shared file makes both releases' pages stale, and a
    // deleted output is missing.
    write(
        dir.path(),
        "press/shared/office.rel",
        &SHARED.replace("Dr Ada Reyes", "Dr Ada Reyes-Smith"),
    );
    std::fs::remove_file(dir.path().join("site/2024/spring-opening.vcf")).expect("rm");
    let before = std::fs::read(dir.path().join("site/2025/new-pier.html")).expect("page");
    let stale = build_site(dir.path(), &["--check"]);
    assert_eq!(stale.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.path().join("site/2025/new-pier.html")).expect("page"),
        before,
        "--check writes nothing"
    );
    insta::assert_snapshot!(shown(&stale));
}

#[test]
fn an_error_inside_a_used_file_is_shown_there() {
    let dir = press_office();
    write(
        dir.path(),
        "press/shared/office.rel",
        &SHARED.replace("title \"Chair\"", "titel \"Chair\""),
    );
    let out = relc(
        dir.path(),
        &[
            "build",
            "press/2024/spring-opening.rel",
            "--out-dir",
            "site",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("press/2024/../shared/office.rel") || err.contains("press/shared/office.rel"),
        "{err}"
    );
    insta::assert_snapshot!(shown(&out));
}

#[test]
fn a_cycle_of_uses() {
    let dir = press_office();
    write(
        dir.path(),
        "press/shared/office.rel",
        &format!("use \"more.rel\"\n{SHARED}"),
    );
    write(
        dir.path(),
        "press/shared/more.rel",
        "use \"office.rel\"\nplace quay \"Quay\" {}\n",
    );
    let out = relc(
        dir.path(),
        &["build", "press", "--out-dir", "site", "--quiet"],
    );
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(shown(&out));
}

/// `relc build press --out-dir site --watch`, and more arguments, with
/// its standard error piped.
fn spawn_watch(dir: &Path, more: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["build", "press", "--out-dir", "site", "--watch"])
        .args(more)
        .args(["--color", "never"])
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("relc runs")
}

/// Whether `what` comes true within 20 seconds.
fn wait_for(what: &dyn Fn() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        if what() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

#[test]
fn watch_rebuilds_what_a_save_touches() {
    let dir = press_office();
    let mut child = spawn_watch(dir.path(), &["--quiet"]);
    let page = dir.path().join("site/2025/new-pier.html");
    let built = wait_for(&|| page.exists());
    // Save the shared file: both releases that use it are rebuilt.
    std::thread::sleep(std::time::Duration::from_millis(300));
    write(
        dir.path(),
        "press/shared/office.rel",
        &SHARED.replace("Dr Ada Reyes", "Dr Ada Reyes-Smith"),
    );
    let rebuilt = built
        && wait_for(&|| {
            std::fs::read_to_string(&page).is_ok_and(|p| p.contains("Dr Ada Reyes-Smith"))
        });
    // A broken save is reported, and the watcher keeps running.
    write(dir.path(), "press/2025/new-pier.rel", "release {\n");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let still_running = child.try_wait().expect("status").is_none();
    let _ = child.kill();
    let out = child.wait_with_output().expect("output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(built, "the first build wrote nothing: {err}");
    assert!(rebuilt, "the save was not rebuilt: {err}");
    assert!(still_running, "the watcher stopped after an error: {err}");
    assert!(
        err.contains("E0006"),
        "the broken save was not reported: {err}"
    );
}

#[test]
fn new_writes_a_release_that_checks_and_completions_and_man_print() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = relc(dir.path(), &["new", "launch"]);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let text = std::fs::read_to_string(dir.path().join("launch.rel")).expect("written");
    assert!(!text.contains("2000-01-01"), "dated today");
    let check = relc(dir.path(), &["check", "launch.rel"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "the starting point checks: {}",
        shown(&check)
    );
    // Its placeholders are listed by check, and a build refuses them.
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("W0705"),
        "{}",
        shown(&check)
    );
    let build = relc(dir.path(), &["build", "launch.rel", "-o", "launch.html"]);
    assert_eq!(build.status.code(), Some(1), "{}", shown(&build));
    assert!(!dir.path().join("launch.html").exists());
    assert_eq!(
        relc(dir.path(), &["new", "launch"]).status.code(),
        Some(1),
        "never overwrites"
    );

    let bash = relc(dir.path(), &["completions", "bash"]);
    assert!(String::from_utf8_lossy(&bash.stdout).contains("relc"));
    let man = relc(dir.path(), &["man"]);
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH relc"));
}

/// A watch rebuilds once for one save, and never while nothing changes:
/// it once rebuilt ten times a second after the first save, on the events
/// of its own reads.
#[test]
fn watch_rebuilds_once_per_save_and_never_when_idle() {
    use std::io::BufRead;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    let dir = press_office();
    let mut child = spawn_watch(dir.path(), &[]);
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let stderr = child.stderr.take().expect("stderr");
    let reader = {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                lines.lock().expect("lines").push(line);
            }
        })
    };
    let count = |what: &str| {
        lines
            .lock()
            .expect("lines")
            .iter()
            .filter(|l| l.contains(what))
            .count()
    };
    let started =
        wait_for(&|| count("watching for changes") > 0) && count("watching for changes") == 1;
    // Idle: nothing changes, nothing is rebuilt.
    std::thread::sleep(Duration::from_secs(2));
    let idle = count("rebuilding");
    // One save that changes the file: one rebuild.
    let file = dir.path().join("press/2025/new-pier.rel");
    let mut text = std::fs::read_to_string(&file).expect("read");
    text.push_str("// saved once\n");
    std::fs::write(&file, &text).expect("write");
    std::thread::sleep(Duration::from_millis(2500));
    let after_save = count("rebuilding");
    // A save of the same bytes: nothing to rebuild.
    std::fs::write(&file, &text).expect("write");
    std::thread::sleep(Duration::from_millis(1500));
    let after_same = count("rebuilding");
    let _ = child.kill();
    let _ = child.wait();
    let _ = reader.join();
    let all = lines.lock().expect("lines").join("\n");
    assert!(started, "the watch did not start: {all}");
    assert_eq!(idle, 0, "rebuilt while idle: {all}");
    assert_eq!(after_save, 1, "one save, {after_save} rebuilds: {all}");
    assert_eq!(
        after_same, 1,
        "the same bytes saved again were rebuilt: {all}"
    );
}

/// Every file a built page links to is there, and a release without
/// meetings gets no calendar: an empty VCALENDAR breaks RFC 5545, and the
/// page linked to a calendar it did not have.
#[test]
fn pages_link_only_to_files_that_are_written() {
    let dir = press_office();
    // A release with no meeting and no calendar link.
    write(
        dir.path(),
        "press/2025/statement.rel",
        &release("A statement with no meeting", "2025-07-01"),
    );
    let out = relc(dir.path(), &["build", "press", "--out-dir", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let site = dir.path().join("site");
    assert!(
        !site.join("2025/statement.ics").exists(),
        "no empty calendar"
    );
    let mut pages = 0;
    for page in [
        "2024/spring-opening.html",
        "2025/new-pier.html",
        "2025/statement.html",
    ] {
        let html = std::fs::read_to_string(site.join(page)).expect("page");
        let folder = site.join(page).parent().expect("folder").to_path_buf();
        for (at, _) in html.match_indices("href=\"") {
            let href: String = html[at + 6..].chars().take_while(|c| *c != '"').collect();
            if href.contains(':') || href.starts_with('#') {
                continue;
            }
            assert!(
                folder.join(&href).exists(),
                "{page} links to {href}, which is not there"
            );
            pages += 1;
        }
    }
    assert!(pages > 0, "the pages link to the cards they have");
    // One file: a calendar with nothing in it is refused, not written.
    let ics = relc(
        dir.path(),
        &[
            "build",
            "press/2025/statement.rel",
            "--format",
            "ics",
            "-o",
            "s.ics",
        ],
    );
    assert_eq!(ics.status.code(), Some(1), "{}", shown(&ics));
    assert!(String::from_utf8_lossy(&ics.stderr).contains("no meetings"));
    assert!(!dir.path().join("s.ics").exists());
}

/// `relc build press --out-dir site --now NOW`, and more arguments.
fn build_site(dir: &Path, more: &[&str]) -> Output {
    let mut args = vec!["build", "press", "--out-dir", "site", "--now", NOW];
    args.extend_from_slice(more);
    relc(dir, &args)
}

/// The hrefs `index.json` lists.
fn listed(site: &Path) -> Vec<String> {
    let index = std::fs::read_to_string(site.join("index.json")).expect("index");
    let index: serde_json::Value = serde_json::from_str(&index).expect("json");
    index["releases"]
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["href"].as_str().expect("href").to_string())
        .collect()
}

#[test]
fn a_release_under_embargo_is_kept_out_of_the_index_until_it_lifts() {
    let dir = press_office();
    write(
        dir.path(),
        "press/2025/results.rel",
        &release("Results for the year", "2025-12-01").replace(
            "  issuer @office",
            "  embargo 2025-12-01T09:00[UTC]\n  issuer @office",
        ),
    );
    let build_at = |now| {
        relc(
            dir.path(),
            &["build", "press", "--out-dir", "site", "--now", now],
        )
    };
    let before = build_at("2025-12-01T08:59:00Z");
    assert_eq!(before.status.code(), Some(0), "{}", shown(&before));
    let site = dir.path().join("site");
    assert_eq!(
        listed(&site),
        ["2025/new-pier.html", "2024/spring-opening.html"]
    );
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(!index.contains("Results for the year"), "{index}");
    let err = String::from_utf8_lossy(&before.stderr);
    assert!(
        err.contains("results.rel is held back from the index, the feed and the sitemap until its embargo lifts at 2025-12-01T09:00:00Z"),
        "{err}"
    );
    // Its page is built, with the banner, for those it is shared with.
    let page = std::fs::read_to_string(site.join("2025/results.html")).expect("page");
    assert!(page.contains(r#"<p class="embargo""#), "{page}");

    let after = build_at("2025-12-01T09:00:00Z");
    assert_eq!(after.status.code(), Some(0), "{}", shown(&after));
    assert_eq!(
        listed(&site),
        [
            "2025/results.html",
            "2025/new-pier.html",
            "2024/spring-opening.html"
        ]
    );
    let page = std::fs::read_to_string(site.join("2025/results.html")).expect("page");
    assert!(!page.contains(r#"<p class="embargo""#), "{page}");
    // Nor does the index speak of an embargo that has lifted.
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(index.contains("Results for the year"), "{index}");
    assert!(!index.contains("embargoed until"), "{index}");
    let json = std::fs::read_to_string(site.join("index.json")).expect("index");
    assert!(!json.contains("\"embargo\""), "{json}");
    assert!(!String::from_utf8_lossy(&after.stderr).contains("held back"));
}

#[test]
fn the_index_names_the_issuer_and_shows_kind_date_and_standfirst() {
    let dir = press_office();
    let out = build_site(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).expect("index");
    for want in [
        r#"<html lang="en-GB">"#,
        "<title>Releases of Harbour Authority</title>",
        r#"<header class="masthead">Harbour Authority</header>"#,
        r#"<h2 id="year-2025">2025</h2>"#,
        r#"<h2 id="year-2024">2024</h2>"#,
        "News release · <time",
        // The opening of the release, as words, without its markup.
        r#"<span class="standfirst p-summary">The Authority announced it today.</span>"#,
    ] {
        assert!(index.contains(want), "{want} is not in:\n{index}");
    }
}

#[test]
fn the_index_renders_through_a_house_template() {
    let dir = press_office();
    write(
        dir.path(),
        "house/index.html",
        "<ol>{% for e in entries %}<li data-kind=\"{{ e.kind }}\">{{ e.headline }} ({{ e.date }})</li>{% endfor %}</ol> {{ site.title }} {{ page.number }}/{{ page.count }}",
    );
    let out = build_site(dir.path(), &["--index-template", "house/index.html"]);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).expect("index");
    assert_eq!(
        index,
        "<ol><li data-kind=\"news-release\">A new pier for Port Town (2025-06-12)</li><li data-kind=\"news-release\">The harbour opens for spring (2024-03-01)</li></ol> Releases of Harbour Authority 1/1\n"
    );

    // A template that names what is not there fails the build, with the
    // template's name, and writes no index.
    write(dir.path(), "house/index.html", "{{ site.nonsense.deeper }}");
    std::fs::remove_dir_all(dir.path().join("site")).expect("rm");
    let out = build_site(dir.path(), &["--index-template", "house/index.html"]);
    assert_eq!(out.status.code(), Some(1), "{}", shown(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the index template failed"), "{err}");
    assert!(err.contains("index.html"), "{err}");
    assert!(!dir.path().join("site/index.html").exists());
}

#[test]
fn a_large_site_is_paginated_and_shrinking_it_removes_the_pages_past_its_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "press/shared/office.rel", SHARED);
    let total = 2 * relc_page_size() + 5;
    for i in 0..total {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        write(
            root,
            &format!("press/r/{i:03}.rel"),
            &release(
                &format!("Release number {i}"),
                &format!("{}-{month:02}-{day:02}", 2010 + i / 336),
            ),
        );
    }
    let out = build_site(root, &["-f", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let site = root.join("site");
    let first = std::fs::read_to_string(site.join("index.html")).expect("page 1");
    let second = std::fs::read_to_string(site.join("index-2.html")).expect("page 2");
    let third = std::fs::read_to_string(site.join("index-3.html")).expect("page 3");
    assert!(!site.join("index-4.html").exists());
    assert!(first.contains(r#"<link rel="next" href="index-2.html">"#));
    assert!(!first.contains(r#"rel="prev""#));
    assert!(second.contains(r#"<link rel="prev" href="index.html">"#));
    assert!(second.contains(r#"<link rel="next" href="index-3.html">"#));
    assert!(third.contains("Page 3 of 3"));
    let count = |page: &str| page.matches(r#"<li class="h-entry">"#).count();
    assert_eq!(
        [count(&first), count(&second), count(&third)],
        [relc_page_size(), relc_page_size(), 5]
    );
    // Every release is on exactly one page.
    for i in 0..total {
        let headline = format!("Release number {i}<");
        let pages = [&first, &second, &third]
            .iter()
            .filter(|p| p.contains(&headline))
            .count();
        assert_eq!(pages, 1, "{headline}");
    }
    assert_eq!(listed(&site).len(), total, "index.json lists them all");

    // With fewer releases, the pages past the end go.
    for i in 10..total {
        std::fs::remove_file(root.join(format!("press/r/{i:03}.rel"))).expect("rm");
    }
    let out = build_site(root, &["-f", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    assert!(site.join("index.html").exists());
    assert!(!site.join("index-2.html").exists());
    assert!(!site.join("index-3.html").exists());
}

/// The releases on one index page, as the library sets it.
fn relc_page_size() -> usize {
    relc::emit::site::PAGE_SIZE
}
