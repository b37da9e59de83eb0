//! The site's `sitemap.xml` (sitemaps.org protocol 0.9), written with
//! `quick-xml`. A sitemap lists absolute URLs, so it is written only when
//! the build knows the site's address.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::site::Entry;

/// The sitemap's file, at the top of the site.
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// The most URLs one sitemap may list (the protocol's limit).
pub const MAX_URLS: usize = 50_000;

const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The sitemap of a site at `base`: its index pages (their files, as
/// [`super::site::index_pages`] names them) and every published release's
/// page, newest first, each with the date it was last changed: a
/// release's own date, the newest release's for an index page. Past
/// [`MAX_URLS`], the oldest releases are left out; the second value says
/// how many.
pub fn sitemap(entries: &[Entry], index_pages: &[String], base: &url::Url) -> (String, usize) {
    let newest = entries.iter().map(|e| e.date).max();
    let mut urls: Vec<(String, Option<jiff::civil::Date>)> = index_pages
        .iter()
        .map(|page| (page.clone(), newest))
        .chain(entries.iter().map(|e| (e.href.clone(), Some(e.date))))
        .collect();
    let left_out = urls.len().saturating_sub(MAX_URLS);
    urls.truncate(MAX_URLS);

    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("urlset")
            .with_attribute(("xmlns", NAMESPACE))
            .write_inner_content(|w| {
                for (href, date) in &urls {
                    let loc = base
                        .join(href)
                        .map_or_else(|_| href.clone(), |u| u.to_string());
                    w.create_element("url").write_inner_content(|w| {
                        w.create_element("loc")
                            .write_text_content(BytesText::new(&loc))?;
                        if let Some(d) = date {
                            w.create_element("lastmod")
                                .write_text_content(BytesText::new(&d.to_string()))?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    // Writing to a Vec cannot fail; were it to, the sitemap is empty
    // rather than cut short.
    let mut out = match written {
        Ok(()) => String::from_utf8(w.into_inner()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    out.push('\n');
    (out, left_out)
}
