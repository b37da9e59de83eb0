//! The index of a batch build: pages listing every published release,
//! newest first, and a JSON list of them.
//!
//! The pages render through a template, the built-in one or a house's
//! (`relc template --index` prints the built-in one). A site of more than
//! [`PAGE_SIZE`] releases is split into pages (`index.html`,
//! `index-2.html`, ...), each grouped by year.

use serde::Serialize;

use crate::locale::Msg;
use crate::model::{Release, plain_text};

/// One release of a site, and where its page is.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The page, relative to the index: `2017/apec-2017-nha-trang.html`.
    pub href: String,
    pub id: String,
    /// The kind of release (`news-release`, `media-advisory`, ...) and
    /// how the release's locale names it.
    pub kind: crate::model::Kind,
    pub kind_text: String,
    pub headline: String,
    /// The line under the headline, or the opening of the first
    /// paragraph: what a reader of the index sees of the release.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    pub date: jiff::civil::Date,
    /// The date as the release's locale writes it.
    pub date_text: String,
    /// The dateline's place; none for a dateline without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    pub locale: crate::locale::Locale,
    /// The issuing orgs' names, as a byline (`APEC and ABAC`); empty for a
    /// release that names no issuer.
    pub issuer: String,
    /// The issuing orgs' names, each.
    pub issuers: Vec<String>,
    /// The embargo while it holds, as the locale writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargo: Option<String>,
    /// The release's language is written right to left.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rtl: bool,
    /// On an index page in another language: the release's locale, for
    /// its headline's `lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::locale::Locale>,
    /// On an index page: the embargo while it holds, as the site's
    /// language says it (`embargoed until ...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargo_line: Option<String>,
    /// For a translation: the id of the release it translates.
    #[serde(skip)]
    pub translation_of: Option<String>,
    /// The release's pages in its other languages, where the site has
    /// them (see [`group_languages`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
}

/// A release's page in another language, on its entry in the index.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    pub href: String,
    pub locale: crate::locale::Locale,
    /// The language's name in itself: `Français`.
    pub name: &'static str,
}

/// The entries with each translation under its original, where the site
/// has that: one entry per release, with its languages, not one per page.
/// A translation whose original the site lacks keeps an entry of its own.
pub fn group_languages(entries: &[Entry]) -> Vec<Entry> {
    let has = |id: &str| {
        entries
            .iter()
            .any(|e| e.id == id && e.translation_of.is_none())
    };
    let mut out: Vec<Entry> = entries
        .iter()
        .filter(|e| !e.translation_of.as_deref().is_some_and(has))
        .cloned()
        .collect();
    for t in entries {
        let Some(original) = t.translation_of.as_deref().filter(|o| has(o)) else {
            continue;
        };
        if let Some(e) = out.iter_mut().find(|e| e.id == original) {
            e.languages.push(Language {
                href: t.href.clone(),
                locale: t.locale,
                name: t.locale.lang().autonym(),
            });
        }
    }
    for e in &mut out {
        e.languages
            .sort_by(|a, b| a.locale.tag().cmp(b.locale.tag()));
    }
    out
}

/// The longest standfirst taken from a first paragraph, in characters.
const STANDFIRST_CHARS: usize = 280;

impl Entry {
    /// The release's entry, as it stands at `now` (see
    /// [`crate::model::Embargo::holds_at`]): an embargo that has lifted is
    /// not mentioned.
    pub fn new(r: &Release, href: String, now: Option<jiff::Timestamp>) -> Entry {
        Entry {
            href,
            id: r.id.clone(),
            kind: r.kind,
            kind_text: r.words().kind(r.kind).to_string(),
            headline: r.headline.clone(),
            standfirst: standfirst(r),
            date: r.dateline.date,
            date_text: r.locale.date(r.dateline.date),
            dateline: r.dateline.place_text.clone(),
            locale: r.locale,
            issuer: r.issuer_names(),
            issuers: r.issuer_orgs().iter().map(|o| o.name.clone()).collect(),
            embargo: r
                .embargo
                .as_ref()
                .filter(|e| e.holds_at(now))
                .map(|e| e.text.clone()),
            rtl: r.locale.lang().right_to_left(),
            lang: None,
            embargo_line: None,
            translation_of: r.translation_of.as_ref().map(|l| l.id.clone()),
            languages: Vec::new(),
        }
    }
}

/// The subheadline, or the first paragraph cut at a word before
/// [`STANDFIRST_CHARS`], with an ellipsis.
fn standfirst(r: &Release) -> Option<String> {
    if let Some(s) = &r.subheadline {
        return Some(s.clone());
    }
    let first = r.body.iter().find_map(|b| match b {
        crate::model::Block::Paragraph { content } => Some(plain_text(content)),
        _ => None,
    })?;
    let text = first.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= STANDFIRST_CHARS {
        return Some(text);
    }
    let cut: String = text.chars().take(STANDFIRST_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    Some(format!(
        "{}…",
        cut[..at].trim_end_matches([',', ';', ':', ' '])
    ))
}

/// Newest first; on the same day, by page.
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(order);
}

/// The order of [`sort`].
pub fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.href.cmp(&b.href))
}

/// The releases on one index page.
pub const PAGE_SIZE: usize = 100;

/// The built-in index template, as `relc template --index` prints it.
pub const TEMPLATE: &str = include_str!("templates/index.html");
const CSS: &str = include_str!("release.css");

/// The file of index page `n` (from 1): `index.html`, `index-2.html`, ...
pub fn page_file(n: usize) -> String {
    if n <= 1 {
        "index.html".to_string()
    } else {
        format!("index-{n}.html")
    }
}

/// Whether a file at the top of the output folder is the site's own:
/// an index page (of any number) or `index.json`. No release may write
/// one, whatever the site's size, so a release's file does not depend on
/// how many releases there are.
pub fn is_site_file(path: &std::path::Path) -> bool {
    if path == std::path::Path::new(super::feed::FEED_FILE)
        || path == std::path::Path::new(super::sitemap::SITEMAP_FILE)
    {
        return true;
    }
    path.to_str()
        .is_some_and(|name| name == "index.json" || page_number(name).is_some())
}

/// The number of the index page a file is: 1 for `index.html`, 2 for
/// `index-2.html`; none for any other file. The inverse of [`page_file`].
pub fn page_number(name: &str) -> Option<usize> {
    if name == "index.html" {
        return Some(1);
    }
    let n = name.strip_prefix("index-")?.strip_suffix(".html")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

#[derive(Serialize)]
pub(crate) struct Site {
    /// The issuing orgs' names, most releases first.
    pub(crate) orgs: Vec<String>,
    /// `Releases of A and B`.
    pub(crate) title: String,
    /// The language most of the releases are in.
    pub(crate) lang: &'static str,
    /// That language is written right to left.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) rtl: bool,
    /// Every release listed, on every page.
    pub(crate) total: usize,
    /// The site's feed, beside the index, when the build writes one.
    pub(crate) feed: Option<&'static str>,
}

#[derive(Serialize)]
struct Page {
    number: usize,
    count: usize,
    /// The files of the previous and next pages.
    prev: Option<String>,
    next: Option<String>,
    /// `Page 2 of 5`, as the site's language writes it.
    label: String,
    /// The page's title: the site's, and which page it is.
    title: String,
}

#[derive(Serialize)]
struct Year<'a> {
    year: i16,
    entries: &'a [Entry],
}

/// A page's template failed: its name and why.
#[derive(Debug)]
pub struct TemplateError(pub String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The index pages of at most `page_size` releases each ([`PAGE_SIZE`]
/// for a site), each as its file name and its text, through the built-in
/// template or `template` (its name and text). `entries` are sorted with
/// [`sort`]. `with_feed`: the pages link the feed beside them.
pub fn index_pages(
    entries: &[Entry],
    template: Option<(&str, &str)>,
    page_size: usize,
    with_feed: bool,
) -> Result<Vec<(String, String)>, TemplateError> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    let (name, text) = template.unwrap_or(("index.html", TEMPLATE));
    env.add_template(name, text)
        .map_err(|e| TemplateError(format!("{name}: {e:#}")))?;
    // A house template's loops are bounded by the site, as a page's are
    // by its release.
    env.set_fuel(Some(
        50_000_000u64.saturating_add((entries.len() as u64).saturating_mul(100_000)),
    ));
    let tmpl = env
        .get_template(name)
        .map_err(|e| TemplateError(format!("{name}: {e:#}")))?;
    let site = Site {
        feed: with_feed.then_some(super::feed::FEED_FILE),
        ..Site::of(entries.iter())
    };
    // The index speaks its site's language; a headline in another
    // language says which.
    let site_locale = crate::locale::Locale::from_tag(site.lang).unwrap_or_default();
    let words = site_locale.words();
    let entries: Vec<Entry> = entries
        .iter()
        .map(|e| Entry {
            lang: (e.locale.lang() != site_locale.lang()).then_some(e.locale),
            embargo_line: e
                .embargo
                .as_ref()
                .map(|m| words.text_with(Msg::IndexEmbargoed, &[("moment", m)])),
            ..e.clone()
        })
        .collect();
    let entries = entries.as_slice();
    let chunks: Vec<&[Entry]> = if entries.is_empty() {
        vec![&[]]
    } else {
        entries.chunks(page_size.max(1)).collect()
    };
    let count = chunks.len();
    let mut pages = Vec::with_capacity(count);
    for (i, chunk) in chunks.into_iter().enumerate() {
        let number = i + 1;
        let page = Page {
            number,
            count,
            prev: (number > 1).then(|| page_file(number - 1)),
            next: (number < count).then(|| page_file(number + 1)),
            label: words.text_with(
                Msg::IndexPage,
                &[
                    ("number", &number.to_string()),
                    ("count", &count.to_string()),
                ],
            ),
            title: words.text_with(
                Msg::IndexTitlePage,
                &[
                    ("title", site.title.as_str()),
                    ("number", &number.to_string()),
                    ("count", &count.to_string()),
                ],
            ),
        };
        let ctx = minijinja::context! {
            site => minijinja::Value::from(minijinja::value::Serde(&site)),
            page => minijinja::Value::from(minijinja::value::Serde(&page)),
            entries => minijinja::Value::from(minijinja::value::Serde(chunk)),
            years => minijinja::Value::from(minijinja::value::Serde(years(chunk))),
            css => minijinja::Value::from_safe_string(CSS.trim_end().to_string()),
            words => minijinja::Value::from(minijinja::value::Serde(words.words())),
        };
        let mut out = tmpl
            .render(ctx)
            .map_err(|e| TemplateError(format!("{name}: {e:#}")))?;
        if !out.ends_with('\n') {
            out.push('\n');
        }
        pages.push((page_file(number), out));
    }
    Ok(pages)
}

impl Site {
    /// What the pages say of the site as a whole.
    /// What the site of these releases is: the feed reads it from its
    /// published releases, the index from its entries.
    pub(crate) fn of<'e>(entries: impl Iterator<Item = &'e Entry> + Clone) -> Site {
        // The issuers, most releases first, then by name.
        let mut orgs: Vec<(usize, String)> = Vec::new();
        let mut total = 0;
        for e in entries.clone() {
            total += 1;
            for issuer in &e.issuers {
                match orgs.iter_mut().find(|(_, n)| n == issuer) {
                    Some((k, _)) => *k += 1,
                    None => orgs.push((1, issuer.clone())),
                }
            }
        }
        orgs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let orgs: Vec<String> = orgs.into_iter().map(|(_, n)| n).collect();
        let mut langs: Vec<(usize, crate::locale::Locale)> = Vec::new();
        for e in entries {
            match langs.iter_mut().find(|(_, l)| *l == e.locale) {
                Some((k, _)) => *k += 1,
                None => langs.push((1, e.locale)),
            }
        }
        // The index is in the language most of its releases are in.
        let locale = langs
            .iter()
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.tag().cmp(a.1.tag())))
            .map_or_else(crate::locale::Locale::default, |(_, l)| *l);
        let lang = if langs.is_empty() { "en" } else { locale.tag() };
        let words = locale.words();
        let title = if orgs.is_empty() {
            words.text(Msg::IndexTitle)
        } else {
            let names: Vec<&str> = orgs.iter().map(String::as_str).collect();
            words.text_with(Msg::IndexTitleOf, &[("orgs", &locale.and_list(&names))])
        };
        Site {
            orgs,
            title,
            lang,
            rtl: locale.lang().right_to_left(),
            total,
            feed: None,
        }
    }
}

/// A page's releases by year, newest year first (as they are sorted).
fn years(entries: &[Entry]) -> Vec<Year<'_>> {
    let mut out: Vec<Year<'_>> = Vec::new();
    let mut start = 0;
    for i in 1..=entries.len() {
        if i == entries.len() || entries[i].date.year() != entries[start].date.year() {
            out.push(Year {
                year: entries[start].date.year(),
                entries: &entries[start..i],
            });
            start = i;
        }
    }
    out
}

/// `index.json`: `{ "format_version": 1, "releases": [...] }`, every
/// release listed, on one list.
pub fn index_json(entries: &[Entry]) -> String {
    #[derive(Serialize)]
    struct Index<'a> {
        format_version: u32,
        releases: &'a [Entry],
    }
    let mut s = serde_json::to_string_pretty(&Index {
        format_version: crate::model::FORMAT_VERSION,
        releases: entries,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_site_s_own_files_are_reserved() {
        for name in ["index.html", "index.json", "index-2.html", "index-10.html"] {
            assert!(is_site_file(std::path::Path::new(name)), "{name}");
        }
        for name in [
            "index-.html",
            "index-a.html",
            "2017/index.html",
            "index-2.json",
            "indexes.html",
        ] {
            assert!(!is_site_file(std::path::Path::new(name)), "{name}");
        }
    }

    #[test]
    fn page_files_count_from_the_index() {
        assert_eq!(page_file(1), "index.html");
        assert_eq!(page_file(2), "index-2.html");
        for n in [1, 2, 10, 123] {
            assert_eq!(page_number(&page_file(n)), Some(n));
        }
        assert_eq!(page_number("index-+2.html"), None);
    }
}
