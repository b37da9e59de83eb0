//! A standalone HTML5 page, or the `<article>` alone, rendered through a
//! minijinja template that escapes every piece of text.
//!
//! The page context is the release model (`release`), the contacts of its
//! media-contacts block resolved (`contacts`, each with `org_name`), the
//! JSON-LD (`jsonld`), the stylesheet (`css`) and `fragment`.

use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::model::{Contact, Release};

/// The built-in template, as `relc template` prints it.
pub const TEMPLATE: &str = include_str!("templates/release.html");
const CSS: &str = include_str!("release.css");

/// Options for the HTML output.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlOptions {
    /// Only the `<article>`, for pasting into a CMS.
    pub fragment: bool,
}

#[derive(Serialize)]
struct ContactView<'a> {
    #[serde(flatten)]
    contact: &'a Contact,
    org_name: Option<&'a str>,
}

#[derive(Serialize)]
struct Context<'a> {
    release: &'a Release,
    contacts: Vec<ContactView<'a>>,
    fragment: bool,
}

/// Renders the release through `template` (the built-in one unless given).
/// A user's template can fail; the built-in one does not.
pub fn emit_with(
    r: &Release,
    opts: HtmlOptions,
    template: &str,
) -> Result<String, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_formatter(escape_html);
    env.add_template("release.html", template)?;
    let contacts = r
        .media_contacts
        .iter()
        .flat_map(|m| m.contacts.iter())
        .filter_map(|id| r.contacts.iter().find(|c| &c.id == id))
        .map(|c| ContactView {
            contact: c,
            org_name: c
                .org
                .as_deref()
                .and_then(|o| r.orgs.iter().find(|x| x.id == o))
                .map(|o| o.name.as_str()),
        })
        .collect();
    let ctx = Context {
        release: r,
        contacts,
        fragment: opts.fragment,
    };
    let mut value = Value::from(Serde(&ctx));
    // Merge in the two strings that are already markup.
    let extra = minijinja::context! {
        jsonld => Value::from_safe_string(jsonld(r)),
        css => Value::from_safe_string(CSS.trim_end().to_string()),
    };
    value = minijinja::context! { ..value, ..extra };
    env.get_template("release.html")?.render(value)
}

/// Writes a value into the page. Markup-safe values go as they are; all
/// else is escaped for text and attribute values alike. Unlike minijinja's
/// default this leaves `/` alone, so URLs stay readable in the source.
fn escape_html(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if value.is_safe() || value.is_undefined() || value.is_none() {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = value.to_string();
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    out.write_str(&escaped).map_err(minijinja::Error::from)
}

/// Renders the release through the built-in template.
pub fn emit(r: &Release, opts: HtmlOptions) -> String {
    // The built-in template is tested against every example; should it
    // still fail, the error is shown in the page rather than lost.
    emit_with(r, opts, TEMPLATE).unwrap_or_else(|e| format!("<!-- template error: {e} -->\n"))
}

/// schema.org JSON-LD for the page, safe inside a `<script>` element.
pub fn jsonld(r: &Release) -> String {
    let org = |id: &str| {
        r.orgs.iter().find(|o| o.id == id).map(|o| {
            let mut v = serde_json::json!({ "@type": "Organization", "name": o.name });
            if let Some(u) = &o.url {
                v["url"] = u.clone().into();
            }
            v
        })
    };
    let mut doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": r.headline,
        "dateline": r.dateline.text(),
        "datePublished": r.dateline.date.to_string(),
        "inLanguage": r.locale,
    });
    if let Some(s) = &r.subheadline {
        doc["alternativeHeadline"] = s.clone().into();
    }
    if let Some(p) = org(&r.issuer) {
        doc["publisher"] = p.clone();
        doc["author"] = p;
    }
    if !r.topics.is_empty() {
        doc["keywords"] = r.topics.join(", ").into();
    }
    let text = serde_json::to_string(&doc).unwrap_or_default();
    // `</` would end the script element; `<!--` would open a comment.
    text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
}
