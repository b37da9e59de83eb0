//! The index of a batch build: a page and a JSON list of every release,
//! newest first.

use serde::Serialize;

use crate::model::Release;

/// One release of a site, and where its page is.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The page, relative to the index: `2017/apec-2017-nha-trang.html`.
    pub href: String,
    pub id: String,
    pub headline: String,
    pub date: jiff::civil::Date,
    /// The date as the release's locale writes it.
    pub date_text: String,
    pub dateline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargo: Option<String>,
}

impl Entry {
    pub fn new(r: &Release, href: String) -> Entry {
        Entry {
            href,
            id: r.id.clone(),
            headline: r.headline.clone(),
            date: r.dateline.date,
            date_text: r.locale.date(r.dateline.date),
            dateline: r.dateline.place_text.clone(),
            embargo: r.embargo.as_ref().map(|e| e.text.clone()),
        }
    }
}

/// Newest first; on the same day, by page.
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.href.cmp(&b.href)));
}

const TEMPLATE: &str = include_str!("emit/templates/index.html");
const CSS: &str = include_str!("emit/release.css");

/// `index.html`.
pub fn index_html(entries: &[Entry]) -> String {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    let ctx = minijinja::context! {
        entries => minijinja::Value::from(minijinja::value::Serde(entries)),
        css => minijinja::Value::from_safe_string(CSS.trim_end().to_string()),
    };
    // The built-in template is tested with every example site.
    let mut out = env
        .render_str(TEMPLATE, ctx)
        .unwrap_or_else(|e| format!("<!-- template error: {e} -->"));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// `index.json`: `{ "format_version": 1, "releases": [...] }`.
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
