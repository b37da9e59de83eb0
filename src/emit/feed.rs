//! The newsroom's Atom feed (RFC 4287), written with `atom_syndication`.
//!
//! Every date in it comes from the releases, never from the clock, so a
//! rebuild writes the same bytes: an entry's `published` and `updated` are
//! the moment the release is public ([`Release::published`]), and the
//! feed's `updated` is the newest of those. Each entry's id is the
//! release's `tag:` URI, the same whatever the site's address.

use atom_syndication::{
    Category, Content, Entry as AtomEntry, Feed, FixedDateTime, Generator, Link, Person, Text,
    WriteConfig,
};

use super::site::{Entry, Site};
use crate::model::Release;

/// The newest releases a feed carries: a reader polls it, and a feed of
/// every release with its full text would grow without end.
pub const FEED_SIZE: usize = 50;

/// The feed's file, at the top of the site.
pub const FEED_FILE: &str = "feed.xml";

/// A published release and its entry in the index, newest first.
pub type Published<'a> = (Entry, &'a Release);

/// The feed of a site's published releases (newest first, as
/// [`super::site::sort`] orders them). `base` is the site's address
/// (`https://example.org/news/`), when the build is given one: links are
/// then absolute; without it they are relative to the feed, which is
/// beside the index. Each entry holds its release's page: when the
/// built-in template fails on one, there is no feed.
pub fn atom(
    items: &[Published<'_>],
    base: Option<&url::Url>,
    now: Option<jiff::Timestamp>,
) -> Result<String, crate::RenderError> {
    let site = Site::of(items.iter().map(|(e, _)| e));
    let href = |rel: &str| match base {
        Some(b) => b
            .join(rel)
            .map_or_else(|_| rel.to_string(), |u| u.to_string()),
        None => rel.to_string(),
    };
    let mut feed = Feed {
        title: Text::plain(site.title.clone()),
        id: match base {
            Some(b) => b.to_string(),
            None => feed_tag(items),
        },
        updated: items
            .iter()
            .filter_map(|(_, r)| date_time(&r.published()))
            .max()
            .unwrap_or_else(epoch),
        lang: Some(site.lang.to_string()),
        generator: Some(Generator {
            value: "relc".to_string(),
            uri: None,
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        ..Feed::default()
    };
    // A feed with no entries still needs an author (RFC 4287, 4.1.1).
    feed.authors = vec![Person {
        name: if site.orgs.is_empty() {
            site.title.clone()
        } else {
            site.orgs.join(", ")
        },
        ..Person::default()
    }];
    feed.links = vec![link(
        &href(super::site::page_file(1).as_str()),
        "alternate",
        "text/html",
    )];
    if base.is_some() {
        feed.links
            .push(link(&href(FEED_FILE), "self", "application/atom+xml"));
    }
    feed.entries = items
        .iter()
        .take(FEED_SIZE)
        .map(|(e, r)| entry(e, r, &href(&e.href), now))
        .collect::<Result<_, _>>()?;
    let config = WriteConfig {
        write_document_declaration: false,
        indent_size: Some(2),
    };
    // Writing to a Vec fails only on text XML cannot hold; were it to, there
    // is no feed, rather than one cut short.
    let unwritten = |why: String| crate::RenderError::Write(std::io::ErrorKind::InvalidData, why);
    let body = feed
        .write_with_config(Vec::new(), config)
        .map_err(|e| unwritten(e.to_string()))?;
    let body = String::from_utf8(body).map_err(|e| unwritten(e.to_string()))?;
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}\n"
    ))
}

fn entry(
    e: &Entry,
    r: &Release,
    page: &str,
    now: Option<jiff::Timestamp>,
) -> Result<AtomEntry, minijinja::Error> {
    let when = date_time(&r.published()).unwrap_or_else(epoch);
    let lang = Some(r.locale.tag().to_string());
    let html = super::html::emit(
        r,
        super::HtmlOptions {
            fragment: true,
            now,
            ..super::HtmlOptions::default()
        },
    )?;
    Ok(AtomEntry {
        title: Text {
            lang: lang.clone(),
            ..Text::plain(r.headline.clone())
        },
        id: r.tag_uri(),
        updated: when,
        published: Some(when),
        authors: r
            .issuer_orgs()
            .into_iter()
            .map(|o| Person {
                name: o.name.clone(),
                uri: o.url.clone(),
                ..Person::default()
            })
            .collect(),
        categories: r
            .topics
            .iter()
            .map(|t| Category {
                term: t.clone(),
                ..Category::default()
            })
            .collect(),
        links: vec![link(page, "alternate", "text/html")],
        summary: e.standfirst.clone().map(|s| Text {
            lang: lang.clone(),
            ..Text::plain(s)
        }),
        content: Some(Content {
            // The page's own links (its calendar, its cards) are relative
            // to the page.
            base: Some(page.to_string()),
            lang,
            value: Some(html),
            content_type: Some("html".to_string()),
            ..Content::default()
        }),
        ..AtomEntry::default()
    })
}

fn link(href: &str, rel: &str, mime: &str) -> Link {
    Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Link::default()
    }
}

/// The feed's id when the site has no address: a `tag:` URI under the
/// domain of its newest release's issuer, dated by the oldest release, so
/// it changes only if an older release is added.
fn feed_tag(items: &[Published<'_>]) -> String {
    let domain = items
        .first()
        .map_or_else(|| "relc.invalid".to_string(), |(_, r)| r.domain());
    let oldest = items
        .iter()
        .map(|(e, _)| e.date)
        .min()
        .map_or_else(|| "2000".to_string(), |d| d.to_string());
    format!("tag:{domain},{oldest}:newsroom")
}

fn date_time(rfc3339: &str) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(rfc3339).ok()
}

fn epoch() -> FixedDateTime {
    FixedDateTime::default()
}
