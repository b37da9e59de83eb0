//! The newsroom a reader can follow: the Atom feed and the sitemap of a
//! site build, read back with a feed library and an XML reader, against
//! what RFC 4287 and the sitemaps.org protocol require.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use std::str::FromStr;

use atom_syndication::Feed;
use quick_xml::events::Event;

const SITE_URL: &str = "https://press.example.org/news/";
/// The northwind example's embargo lifts at 16:05 in Los Angeles.
const BEFORE_NORTHWIND: &str = "2025-10-28T23:04:59Z";
const AFTER_NORTHWIND: &str = "2025-10-28T23:05:00Z";

/// The newsroom these tests follow: three of the examples (the seed, the
/// coastal cities and the embargoed Northwind release) with the shared
/// file the seed uses, in a project of their own, so that examples added
/// later do not change what the tests expect.
fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir_all(dir.path().join("releases/shared")).expect("folders");
    std::fs::write(dir.path().join(".relc-root"), "").expect("root marker");
    for file in [
        "apec-2017-nha-trang.rel",
        "coastal-cities-lisbon-outcomes.rel",
        "northwind-q3-results.rel",
        "shared/apec.rel",
    ] {
        std::fs::copy(examples.join(file), dir.path().join("releases").join(file)).expect("copied");
    }
    dir
}

fn build(out: &Path, now: &str, more: &[&str]) -> Output {
    let room = newsroom();
    let out = Command::new(env!("CARGO_BIN_EXE_relc"))
        .arg("build")
        .arg(room.path().join("releases"))
        .arg("--out-dir")
        .arg(out)
        .args(["--now", now, "--color", "never"])
        .args(more)
        .output()
        .expect("relc runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What RFC 4287 requires of a feed and its entries (4.1.1, 4.1.2), with
/// the ids and dates in the forms it requires (4.2.6, 3.3).
fn assert_valid_atom(feed: &Feed) {
    assert!(!feed.title.value.is_empty(), "atom:title");
    url::Url::parse(&feed.id).expect("atom:id is an IRI");
    // Either the feed or every entry has an author.
    let feed_author = !feed.authors.is_empty();
    let mut ids = BTreeSet::new();
    for e in &feed.entries {
        url::Url::parse(&e.id).expect("an entry's atom:id is an IRI");
        assert!(ids.insert(e.id.clone()), "ids are unique: {}", e.id);
        assert!(!e.title.value.is_empty(), "{}: atom:title", e.id);
        assert!(
            feed_author || !e.authors.is_empty(),
            "{}: atom:author",
            e.id
        );
        // With no content, an alternate link is required; we give both.
        assert!(
            e.links.iter().any(|l| l.rel == "alternate"),
            "{}: an alternate link",
            e.id
        );
        let content = e.content.as_ref().expect("content");
        assert_eq!(content.content_type.as_deref(), Some("html"));
        assert!(content.src.is_none());
        assert!(
            e.updated <= feed.updated,
            "{}: the feed is updated last",
            e.id
        );
    }
    // The feed's updated is its newest entry's, not a build's clock.
    if let Some(newest) = feed.entries.iter().map(|e| e.updated).max() {
        assert_eq!(feed.updated, newest);
    }
}

/// The `loc` and `lastmod` of every `url` of a sitemap, checked against
/// the protocol's required elements as it reads.
fn sitemap_urls(xml: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut urls: Vec<(String, String)> = Vec::new();
    let mut root_ns = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if path.is_empty() {
                    assert_eq!(name, "urlset", "the root element");
                    root_ns = e
                        .try_get_attribute("xmlns")
                        .expect("attribute")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                }
                if name == "url" {
                    urls.push((String::new(), String::new()));
                }
                path.push(name);
            }
            Event::Text(t) => {
                let text = t.decode().expect("text").into_owned();
                let last = urls.last_mut();
                match (path.last().map(String::as_str), last) {
                    (Some("loc"), Some(u)) => u.0.push_str(&text),
                    (Some("lastmod"), Some(u)) => u.1.push_str(&text),
                    _ => {}
                }
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        root_ns.as_deref(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    for (loc, lastmod) in &urls {
        let u = url::Url::parse(loc).expect("loc is an absolute URL");
        assert!(loc.len() < 2048, "{loc}");
        assert!(loc.starts_with(SITE_URL), "{loc} is under the site");
        assert_eq!(u.scheme(), "https");
        jiff::civil::Date::from_str(lastmod).expect("lastmod is a W3C date");
    }
    urls
}

#[test]
fn the_feed_and_the_sitemap_hold_back_an_embargo_until_it_lifts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");

    let before = build(&site, BEFORE_NORTHWIND, &["--site-url", SITE_URL]);
    let err = String::from_utf8_lossy(&before.stderr);
    assert!(
        err.contains("northwind-q3-results.rel is held back from the index, the feed and the sitemap until its embargo lifts at 2025-10-28T23:05:00Z"),
        "{err}"
    );
    let feed = Feed::from_str(&read(&site.join("feed.xml"))).expect("the feed parses as Atom");
    assert_valid_atom(&feed);
    let titles: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.title.value.as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles.iter().all(|t| !t.contains("Northwind")),
        "{titles:?}"
    );
    let sitemap = read(&site.join("sitemap.xml"));
    assert!(!sitemap.contains("northwind"), "{sitemap}");

    build(&site, AFTER_NORTHWIND, &["--site-url", SITE_URL]);
    let feed = Feed::from_str(&read(&site.join("feed.xml"))).expect("the feed parses as Atom");
    assert_valid_atom(&feed);
    // Newest first, the Northwind release at the moment it lifted.
    let first = &feed.entries[0];
    assert_eq!(
        first.title.value,
        "Northwind Analytics reports record third-quarter revenue"
    );
    assert_eq!(first.updated.to_rfc3339(), "2025-10-28T23:05:00+00:00");
    assert_eq!(
        first.id,
        "tag:investors.northwind.example.com,2025-10-28:northwind-q3-results"
    );
    assert_eq!(
        first.links[0].href,
        format!("{SITE_URL}northwind-q3-results.html")
    );
    assert_eq!(first.title.lang.as_deref(), Some("en-US"));
    let categories: Vec<&str> = first.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(categories, ["earnings", "investor relations"]);
    let content = first
        .content
        .as_ref()
        .and_then(|c| c.value.as_deref())
        .expect("content");
    assert!(content.starts_with("<article"), "{content}");
    assert!(content.contains("record third-quarter revenue"));
    // The entries are in date order, newest first.
    let dates: Vec<_> = feed.entries.iter().map(|e| e.updated).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(feed.id, SITE_URL);
    assert!(
        feed.links
            .iter()
            .any(|l| l.rel == "self" && l.href == format!("{SITE_URL}feed.xml"))
    );

    let urls = sitemap_urls(&read(&site.join("sitemap.xml")));
    let locs: Vec<&str> = urls.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        locs,
        [
            format!("{SITE_URL}index.html"),
            format!("{SITE_URL}northwind-q3-results.html"),
            format!("{SITE_URL}coastal-cities-lisbon-outcomes.html"),
            format!("{SITE_URL}apec-2017-nha-trang.html"),
        ]
    );
    assert_eq!(urls[3].1, "2017-02-21");

    // The index tells browsers and readers where the feed is.
    let index = read(&site.join("index.html"));
    assert!(
        index.contains(r#"<link rel="alternate" type="application/atom+xml""#)
            && index.contains(r#"href="feed.xml">"#),
        "{index}"
    );
}

#[test]
fn the_feed_is_the_same_on_every_build_and_a_sitemap_needs_an_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    build(&one, "2026-01-01T00:00:00Z", &["--site-url", SITE_URL]);
    // A year later, on another folder: nothing in the feed is the clock's.
    build(&two, "2027-01-01T00:00:00Z", &["--site-url", SITE_URL]);
    for file in ["feed.xml", "sitemap.xml"] {
        assert_eq!(read(&one.join(file)), read(&two.join(file)), "{file}");
    }

    // Without an address: relative links, an id of its own, no sitemap,
    // and the sitemap an earlier build wrote is taken away.
    build(&one, "2026-01-01T00:00:00Z", &[]);
    assert!(!one.join("sitemap.xml").exists());
    let feed = Feed::from_str(&read(&one.join("feed.xml"))).expect("the feed parses as Atom");
    assert_valid_atom(&feed);
    assert!(feed.id.starts_with("tag:"), "{}", feed.id);
    assert!(feed.links.iter().all(|l| l.rel != "self"));
    assert_eq!(feed.entries[0].links[0].href, "northwind-q3-results.html");
}

#[test]
fn a_site_address_must_be_a_web_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["build", "examples", "--out-dir"])
        .arg(dir.path())
        .args(["--site-url", "ftp://example.org/", "--color", "never"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("relc runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a web address"), "{err}");
    // A folder without its last slash is still a folder.
    build(
        &dir.path().join("site"),
        "2026-01-01T00:00:00Z",
        &["--site-url", "https://press.example.org/news"],
    );
    let sitemap = read(&dir.path().join("site/sitemap.xml"));
    assert!(
        sitemap.contains(&format!("<loc>{SITE_URL}index.html</loc>")),
        "{sitemap}"
    );
}
