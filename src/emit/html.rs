//! A standalone HTML5 page, or the `<article>` alone, rendered through a
//! minijinja template that escapes every piece of text.
//!
//! The page context is the release model (`release`), the contacts of its
//! media-contacts block resolved (`contacts`, each with `org_name`), the
//! JSON-LD (`jsonld`, made by [`super::jsonld`]), the stylesheet (`css`),
//! `fragment`, and `links` (the calendar and cards the build writes beside
//! the page).

use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, Value};
use serde::Serialize;
use serde::ser::Serializer;

use std::borrow::Cow;

use super::swap::Swapped;
use crate::locale::Msg;
use crate::model::{
    About, Block, Contact, Content, Inline, ListItem, MeetingStatus, PlaceDetail, Release,
};

/// The built-in template, as `relc template` prints it.
pub const TEMPLATE: &str = include_str!("templates/release.html");
const CSS: &str = include_str!("release.css");
/// The stylesheet of the page as a mail's HTML part: simple selectors and
/// plain values only, since [`super::eml`] inlines it into each element's
/// `style` (mail clients drop `<style>`).
const MAIL_CSS: &str = include_str!("mail.css");

/// Options for the HTML output.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlOptions {
    /// Only the `<article>`, for pasting into a CMS.
    pub fragment: bool,
    /// The page links to these files beside it, because the build writes
    /// them: `{id}.ics` (Add to calendar) and `{id}.vcf` (Download
    /// contact). A page built alone links to neither, so it never points
    /// at a file that is not there.
    pub links: Links,
    /// The moment the page is built for: the embargo banner shows only
    /// while the embargo holds then. None (a preview, the library's
    /// default) shows it whenever the release has an embargo.
    pub now: Option<jiff::Timestamp>,
    /// The page as the HTML part of an e-mail (see [`super::eml`]): the
    /// mail stylesheet instead of the page's, no JSON-LD, no logos, and the
    /// end mark kept as on the wire. The template's `mail` is true.
    pub mail: bool,
}

/// The files beside a page that it may link to.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Links {
    pub calendar: bool,
    pub cards: bool,
}

#[derive(Serialize)]
struct ContactView<'a> {
    #[serde(flatten)]
    contact: &'a Contact,
    org_name: Option<&'a str>,
}

#[derive(Serialize)]
struct GroupView<'a> {
    lead_in: Option<&'a str>,
    contacts: Vec<ContactView<'a>>,
}

#[derive(Serialize)]
struct MeetingView<'a> {
    id: &'a str,
    title: &'a str,
    start_iso: String,
    end_iso: Option<String>,
    /// The dates with their year, split where a range splits: "2" and
    /// "3 March 2017".
    when_start: String,
    when_end: Option<String>,
    place_text: String,
    /// Where to join it online.
    online: Option<&'a str>,
    status_text: Option<String>,
}

#[derive(Serialize)]
struct Context<'a> {
    release: ReleaseView<'a>,
    /// The fixed words of the page in the release's language, from its
    /// message catalogue: `words.heading_contacts`.
    words: std::collections::BTreeMap<String, String>,
    /// The language is written right to left: the page sets `dir="rtl"`.
    rtl: bool,
    contacts: Vec<ContactView<'a>>,
    /// The contacts blocks in the order written: each `{lead_in,
    /// contacts}`, its contacts as in `contacts`.
    contact_groups: Vec<GroupView<'a>>,
    meetings: Vec<MeetingView<'a>>,
    fragment: bool,
    /// The page is the HTML part of an e-mail ([`HtmlOptions::mail`]).
    mail: bool,
    links: Links,
    /// The embargo holds at the moment of the build (see
    /// [`HtmlOptions::now`]): the page shows its banner.
    embargoed: bool,
    /// The status lines above the headline, as [`Release::status_lines`]
    /// gives them at the moment of the build: each `{text, embargo}`.
    status: Vec<crate::model::StatusLine>,
    /// For a correction: the line naming the release it corrects.
    correction: Option<String>,
    /// The first issuing org (a house template's masthead of one org).
    issuer: Option<&'a crate::model::Org>,
    /// Every issuing org, for the masthead of a joint release; none for a
    /// release that names no issuer.
    issuers: Vec<&'a crate::model::Org>,
    /// The issuers' names as a byline: `APEC and ABAC`; empty for none.
    byline: String,
    /// The dash between the ends of a range: `-`, or `–` where the house
    /// sets ranges with an en dash.
    dash: &'static str,
    /// The rows of an advisory's What / When / Where block, as
    /// [`Release::advisory_rows`] gives them: each `{key, label, lines,
    /// url, datetime}`; empty without an advisory.
    advisory: Vec<crate::model::AdvisoryRow<'a>>,
    /// The parts after the contacts in the writer's order: `{kind:
    /// "about", index}`, `{kind: "follow"}`, `{kind: "notes"}`.
    closing: Vec<crate::model::Closing>,
}

/// The release as templates see it: serialized by the model itself, as the
/// JSON output has it (tests/outputs.rs holds the two equal on every
/// example), except that in a template every list of inlines is an
/// [`InlineList`] over the model rather than a copy of it made of template
/// values. A 10 MB release holds millions of inlines; copying them into
/// values, walking the copies in `inlines`, and dropping them was most of the
/// rendering time. Only the parts made of blocks are swapped (see
/// [`super::swap`]), so a field added to the model reaches templates with
/// no edit here.
pub struct ReleaseView<'a>(&'a Release);

impl<'a> ReleaseView<'a> {
    pub fn new(r: &'a Release) -> Self {
        ReleaseView(r)
    }
}

impl Serialize for ReleaseView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        Swapped {
            value: r,
            swaps: vec![
                ("body", Part::Body(&r.body)),
                ("about", Part::About(&r.about)),
                ("follow", Part::Blocks(&r.follow)),
                ("notes", Part::Blocks(&r.notes)),
            ],
        }
        .serialize(s)
    }
}

/// A part of the release that holds inlines, lent to the template: each
/// is serialized as the model serializes it, down to its inlines.
enum Part<'a> {
    /// The body: in a template, a [`BlockList`] over the model's.
    Body(&'a Arc<[Block]>),
    Blocks(&'a [Block]),
    About(&'a [About]),
    Items(&'a [ListItem]),
    Inlines(&'a Content),
    Paragraphs(&'a [Content]),
}

impl Serialize for Part<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Part::Body(blocks) => {
                if minijinja::value::serializing_for_value() {
                    Value::from_object(BlockList(Arc::clone(blocks))).serialize(s)
                } else {
                    Part::Blocks(blocks).serialize(s)
                }
            }
            Part::Blocks(blocks) => s.collect_seq(blocks.iter().map(block)),
            Part::About(abouts) => s.collect_seq(abouts.iter().map(|a| Swapped {
                value: a,
                swaps: vec![("blocks", Part::Blocks(&a.blocks))],
            })),
            Part::Items(items) => s.collect_seq(items.iter().map(|i| Swapped {
                value: i,
                swaps: vec![
                    ("content", Part::Inlines(&i.content)),
                    ("children", Part::Blocks(&i.children)),
                ],
            })),
            Part::Inlines(inlines) => Inlines(inlines).serialize(s),
            Part::Paragraphs(paragraphs) => s.collect_seq(paragraphs.iter().map(Inlines)),
        }
    }
}

/// A block as the model serializes it, its inlines lent (see [`Part`]).
fn block(b: &Block) -> Swapped<'_, Block, Part<'_>> {
    let swap = match b {
        Block::Paragraph { content } | Block::Heading { content, .. } => {
            ("content", Part::Inlines(content))
        }
        Block::List { items, .. } => ("items", Part::Items(items)),
        Block::Quote(q) => ("paragraphs", Part::Paragraphs(&q.paragraphs)),
        // No inlines to lend.
        Block::Figure(_) => {
            return Swapped {
                value: b,
                swaps: Vec::new(),
            };
        }
    };
    Swapped {
        value: b,
        swaps: vec![swap],
    }
}

/// The body in a template: a sequence whose blocks are made into template
/// values only when a template looks at them. A block's values (a map of
/// its fields) take a few hundred bytes; made for the whole body at once,
/// they were a quarter of the heap while the page was written (1.5 MB of
/// 5.9 MB on a megabyte of prose).
#[derive(Debug)]
struct BlockList(Arc<[Block]>);

impl Object for BlockList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let b = self.0.get(key.as_usize()?)?;
        Some(Value::from(Serde(block(b))))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

/// A list of inlines: as the model serializes it, or, into a template
/// value, as an [`InlineList`] sharing the model's.
struct Inlines<'a>(&'a Content);

impl Serialize for Inlines<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            Value::from_object(InlineList(Arc::clone(self.0))).serialize(s)
        } else {
            self.0.serialize(s)
        }
    }
}

/// Inlines in a template: a sequence whose items are made into template
/// values only when a template looks at them, and which `inlines` renders
/// straight from the model.
#[derive(Debug)]
struct InlineList(Content);

impl Object for InlineList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let i = self.0.get(key.as_usize()?)?;
        Some(Value::from(Serde(i)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

fn meeting_views(r: &Release) -> Vec<MeetingView<'_>> {
    let comma = r.words().text(crate::locale::Msg::Comma);
    r.meetings
        .iter()
        .map(|m| {
            // i16::MIN is no year's number: the text always has its year.
            let when = r.locale.dates_to(m.start, m.end, m.precision, i16::MIN);
            let (when_start, when_end) = if m.start == m.end {
                // One day: the end, if any, is a time.
                let start = match m.start_time {
                    Some(t) => format!("{when}{comma}{}", r.locale.time(t)),
                    None => when,
                };
                (start, m.end_time.map(|t| r.locale.time(t)))
            } else {
                match when.split_once('-') {
                    Some((a, b)) => (a.to_string(), Some(b.to_string())),
                    None => (when, None),
                }
            };
            let end_iso = m.end_iso();
            let place_text = r.meeting_place_text(m, PlaceDetail::Venue);
            MeetingView {
                id: &m.id,
                title: &m.title,
                start_iso: m.start_iso(),
                when_end: end_iso.as_ref().and(when_end),
                end_iso,
                when_start,
                place_text,
                online: m.online.as_deref(),
                status_text: match m.status {
                    MeetingStatus::Planned => None,
                    MeetingStatus::UnderWay => Some(Msg::StatusUnderWay),
                    MeetingStatus::Held => Some(Msg::StatusHeld),
                    MeetingStatus::Postponed => Some(Msg::StatusPostponed),
                    MeetingStatus::Cancelled => Some(Msg::StatusCancelled),
                }
                .map(|m| r.words().text(m)),
            }
        })
        .collect()
}

/// Renders the release through a house template, named `name` in its
/// errors (the file it was read from). A user's template can fail; the
/// built-in one is tested not to, and its error is returned all the same
/// (see [`emit`]).
///
/// A house template is bounded: a variable it names must exist, it runs
/// on a budget of instructions that grows with the release (a loop that
/// would run for hours runs out of it), and its page may be at most
/// [`MAX_TEMPLATE_OUTPUT`] bytes.
pub fn emit_with(
    r: &Release,
    opts: HtmlOptions,
    name: &str,
    template: &str,
) -> Result<String, minijinja::Error> {
    let mut env = environment(name, template)?;
    env.set_fuel(Some(fuel_for(r)));
    render_bounded(&env, name, r, opts)
}

/// The most a house template may write: far more than any release's page
/// (the page of a 10 MB release is about 15 MB), far less than what would
/// exhaust memory.
pub const MAX_TEMPLATE_OUTPUT: usize = 256 << 20;

/// The instructions a house template may run for a release: a fixed
/// allowance plus some for every byte of the release's data. The built-in
/// template takes under a fifth of it.
fn fuel_for(r: &Release) -> u64 {
    struct Count(u64);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len() as u64;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut size = Count(0);
    let _ = serde_json::to_writer(&mut size, r);
    50_000_000u64.saturating_add(size.0.saturating_mul(50))
}

/// Output that refuses to grow past a limit.
struct Bounded {
    out: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + buf.len() > self.limit {
            return Err(std::io::Error::other(format!(
                "the template's page would be larger than {} MiB",
                self.limit >> 20
            )));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders the release through `env`'s `release.html`.
fn render(
    env: &minijinja::Environment<'_>,
    r: &Release,
    opts: HtmlOptions,
) -> Result<String, minijinja::Error> {
    env.get_template("release.html")?.render(context(r, opts))
}

/// Renders the release through `env`'s template `name`, within
/// [`MAX_TEMPLATE_OUTPUT`].
fn render_bounded(
    env: &minijinja::Environment<'_>,
    name: &str,
    r: &Release,
    opts: HtmlOptions,
) -> Result<String, minijinja::Error> {
    let mut out = Bounded {
        out: Vec::new(),
        limit: MAX_TEMPLATE_OUTPUT,
    };
    env.get_template(name)?
        .render_captured_to(context(r, opts), &mut out)?;
    // minijinja writes whole strings, so the bytes are UTF-8: they become
    // the page as they are, not copied.
    Ok(String::from_utf8(out.out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// What a template is given: the release and the views made for it.
fn context(r: &Release, opts: HtmlOptions) -> Value {
    let value = Value::from(Serde(&view(r, opts)));
    // Merge in the two strings that are already markup.
    let extra = minijinja::context! {
        jsonld => Value::from_safe_string(super::jsonld::emit(r)),
        css => Value::from_safe_string(if opts.mail { MAIL_CSS } else { CSS }.trim_end().to_string()),
    };
    minijinja::context! { ..value, ..extra }
}

/// The page templates' variables (all but the markup, `jsonld` and `css`)
/// as JSON, with `extra`'s fields beside them: what the print template
/// reads.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn view_json<E: Serialize>(r: &Release, opts: HtmlOptions, extra: &E) -> Vec<u8> {
    #[derive(Serialize)]
    struct With<'a, E> {
        #[serde(flatten)]
        view: Context<'a>,
        #[serde(flatten)]
        extra: &'a E,
    }
    serde_json::to_vec(&With {
        view: view(r, opts),
        extra,
    })
    .unwrap_or_default()
}

/// The views a template is given.
fn view<'a>(r: &'a Release, opts: HtmlOptions) -> Context<'a> {
    let view = |m: crate::model::MediaContact<'a>| ContactView {
        contact: m.contact,
        org_name: m.org.map(|o| o.name.as_str()),
    };
    let contacts = r.media_contact_list().into_iter().map(view).collect();
    let contact_groups = r
        .contact_group_list()
        .into_iter()
        .map(|g| GroupView {
            lead_in: g.lead_in,
            contacts: g.contacts.into_iter().map(view).collect(),
        })
        .collect();
    let status = r.status_lines(opts.now);
    Context {
        release: ReleaseView::new(r),
        words: r.words().words(),
        rtl: r.locale.lang().right_to_left(),
        contacts,
        contact_groups,
        meetings: meeting_views(r),
        fragment: opts.fragment,
        mail: opts.mail,
        links: opts.links,
        embargoed: status.iter().any(|s| s.embargo),
        status,
        issuer: r.issuer_org(),
        issuers: r.issuer_orgs(),
        byline: r.issuer_names(),
        dash: r.range_dash.mark(),
        correction: r.correction_line(),
        closing: r.closing_parts(),
        advisory: r.advisory_rows(),
    }
}

/// The built-in template, compiled once per process: a batch build
/// renders thousands of pages with it.
static BUILTIN: std::sync::LazyLock<Result<minijinja::Environment<'static>, minijinja::Error>> =
    std::sync::LazyLock::new(|| environment("release.html", TEMPLATE));

/// An environment holding `template` as `name`, with relc's escaping and
/// its `inlines` function. A value the template names must exist: printing
/// or looping over an undefined one is an error, not an empty string
/// (`{% if release.embargo %}` still asks whether a value is there).
fn environment<'s>(
    name: &'s str,
    template: &'s str,
) -> Result<minijinja::Environment<'s>, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_formatter(escape_html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    env.add_function("inlines", inlines);
    env.add_function("around", around);
    env.add_filter("batch", batch);
    env.add_template(name, template)?;
    Ok(env)
}

/// `batch(count, fill_with)`, as minijinja's, except that the batches of a
/// sequence whose length is known are made one at a time, as a loop comes
/// to them. minijinja's makes every batch before the first is used: over
/// the body (`r.body|batch(100)`), a template value for every block of the
/// release at once, which a [`BlockList`] is there to spare.
fn batch(
    state: &minijinja::State,
    value: Value,
    count: usize,
    fill_with: Option<Value>,
) -> Result<Value, minijinja::Error> {
    match value.len() {
        Some(len)
            if count > 0
                && fill_with.is_none()
                && value.kind() == minijinja::value::ValueKind::Seq =>
        {
            Ok(Value::from_object(Batches {
                seq: value,
                len,
                count,
            }))
        }
        // A filler is left to minijinja, which bounds what it adds.
        _ => minijinja::filters::batch(state, value, count, fill_with),
    }
}

/// The batches of a sequence, each made when it is asked for: `count`
/// items, the last one fewer.
#[derive(Debug)]
struct Batches {
    seq: Value,
    len: usize,
    count: usize,
}

impl Object for Batches {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let start = key.as_usize()?.checked_mul(self.count)?;
        if start >= self.len {
            return None;
        }
        let end = self.len.min(start.saturating_add(self.count));
        let items: Vec<Value> = (start..end)
            .map(|i| self.seq.get_item_by_index(i).unwrap_or_default())
            .collect();
        Some(Value::from(items))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.len.div_ceil(self.count))
    }
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
    // Written into the page as it is escaped, not through a string of its
    // own: thousands of values a page.
    match value.as_str() {
        Some(s) => escape_to(out, s),
        None => escape_to(out, &value.to_string()),
    }
    .map_err(minijinja::Error::from)
}

/// Text escaped for HTML, in element content and attribute values alike:
/// what the page does to every value.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    out.reserve(text.len());
    // Writing to a string cannot fail.
    let _ = escape_to(out, text);
}

/// [`escape_into`], into anything written to.
fn escape_to(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    // Copy the runs between markup characters whole; the characters are
    // ASCII, so every cut is at a character boundary. They are found with
    // memchr, which takes three bytes at most: `&<>` and `"'` are looked
    // for apart, and each search is done again only once its find is used.
    let bytes = text.as_bytes();
    let tags = |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map(|i| from + i);
    let quotes = |from: usize| memchr::memchr2(b'"', b'\'', &bytes[from..]).map(|i| from + i);
    let (mut tag, mut quote) = (tags(0), quotes(0));
    let mut start = 0;
    loop {
        let i = match (tag, quote) {
            (Some(t), Some(q)) => t.min(q),
            (Some(i), None) | (None, Some(i)) => i,
            (None, None) => break,
        };
        let entity = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        };
        out.write_str(&text[start..i])?;
        out.write_str(entity)?;
        start = i + 1;
        if tag == Some(i) {
            tag = tags(start);
        } else {
            quote = quotes(start);
        }
    }
    out.write_str(&text[start..])
}

/// `inlines(content)`, for templates: a list of inline objects (as in the
/// JSON) as markup. It is the one piece of the page a template calls for
/// every sentence, so it is written here rather than as a recursive
/// template macro, which the profile showed cost a quarter of a build.
/// `around(text, part)`: the text before and after the first `part` in
/// `text`, as a pair; none where `text` does not hold it. A template marks
/// up the speaker inside an attribution, wherever the language puts them
/// (`said Dr Bollard`, `a-t-elle ajouté`, `fügte Anna Müller hinzu`).
fn around(text: String, part: String) -> Value {
    if part.is_empty() {
        return Value::from(());
    }
    match text.split_once(part.as_str()) {
        Some((before, after)) => Value::from(vec![before.to_string(), after.to_string()]),
        None => Value::from(()),
    }
}

fn inlines(content: Value) -> Result<Value, minijinja::Error> {
    let mut out = String::new();
    match content.downcast_object_ref::<InlineList>() {
        Some(list) => {
            // Room for the markup at once: grown from empty, the string of
            // a paragraph was moved six or seven times as it was written.
            out.reserve(markup_len(&list.0));
            write_model_inlines(&mut out, &list.0)
        }
        None => write_inlines(&mut out, &content)?,
    }
    Ok(Value::from_safe_string(out))
}

/// One inline as markup: what it opens and closes, or its text. The two
/// walks below, over the model and over template values, both write
/// through it, so the page's inline markup is written here once.
enum Piece<'a> {
    Text(Cow<'a, str>),
    Emphasis,
    Strong,
    Link {
        url: Cow<'a, str>,
    },
    Mention {
        kind: Cow<'a, str>,
        id: Cow<'a, str>,
    },
    Date {
        start: Cow<'a, str>,
        text: Cow<'a, str>,
    },
    /// A footnote's mark, linked to its note: `[1]`.
    Footnote {
        id: Cow<'a, str>,
        number: Cow<'a, str>,
    },
}

impl Piece<'_> {
    /// Writes the piece, with its content (written by `content`) inside.
    fn write<E>(
        &self,
        out: &mut String,
        content: impl FnOnce(&mut String) -> Result<(), E>,
    ) -> Result<(), E> {
        let close = match self {
            Piece::Text(text) => {
                escape_into(out, text);
                return Ok(());
            }
            Piece::Emphasis => {
                out.push_str("<em>");
                "</em>"
            }
            Piece::Strong => {
                out.push_str("<strong>");
                "</strong>"
            }
            Piece::Link { url } => {
                out.push_str("<a href=\"");
                escape_into(out, url);
                out.push_str("\">");
                "</a>"
            }
            Piece::Mention { kind, id } => {
                out.push_str("<span class=\"mention mention-");
                escape_into(out, kind);
                out.push_str("\" data-ref=\"");
                escape_into(out, id);
                out.push_str("\">");
                "</span>"
            }
            Piece::Footnote { id, number } => {
                out.push_str("<sup class=\"footnote-ref\"><a href=\"#fn-");
                escape_into(out, id);
                out.push_str("\">[");
                escape_into(out, number);
                out.push_str("]</a></sup>");
                return Ok(());
            }
            Piece::Date { start, text } => {
                out.push_str("<time datetime=\"");
                escape_into(out, start);
                out.push_str("\">");
                escape_into(out, text);
                out.push_str("</time>");
                return Ok(());
            }
        };
        content(out)?;
        out.push_str(close);
        Ok(())
    }
}

/// About the length of the markup of `content`: its text, a little for
/// what is escaped, and the tags around the rest. Room to write it in, not
/// a bound.
fn markup_len(content: &[Inline]) -> usize {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.len() + text.len() / 16,
            Inline::Emphasis { content } | Inline::Strong { content } => 20 + markup_len(content),
            Inline::Link { link } => 16 + link.url.len() + markup_len(&link.content),
            Inline::Mention { mention } => 56 + mention.id.len() + markup_len(&mention.content),
            Inline::Date { date } => 40 + date.text.len(),
            Inline::Footnote { .. } => 64,
        })
        .sum()
}

/// Inlines from the model.
fn write_model_inlines(out: &mut String, content: &[Inline]) {
    for i in content {
        let (piece, inner): (Piece<'_>, &[Inline]) = match i {
            Inline::Text { text } => (Piece::Text(Cow::Borrowed(text)), &[]),
            Inline::Emphasis { content } => (Piece::Emphasis, content),
            Inline::Strong { content } => (Piece::Strong, content),
            Inline::Link { link } => (
                Piece::Link {
                    url: (&link.url).into(),
                },
                &link.content,
            ),
            Inline::Mention { mention } => (
                Piece::Mention {
                    kind: Cow::Borrowed(mention.kind),
                    id: (&mention.id).into(),
                },
                &mention.content,
            ),
            Inline::Date { date } => (
                Piece::Date {
                    start: date.precision.iso(date.start).into(),
                    text: (&date.text).into(),
                },
                &[],
            ),
            Inline::Footnote { mark } => (
                Piece::Footnote {
                    id: (&mark.id).into(),
                    number: mark.number.to_string().into(),
                },
                &[],
            ),
        };
        let _ = piece.write(out, |out| {
            write_model_inlines(out, inner);
            Ok::<(), std::convert::Infallible>(())
        });
    }
}

/// Inlines from template values, shaped as the JSON gives them.
fn write_inlines(out: &mut String, content: &Value) -> Result<(), minijinja::Error> {
    let text = |v: &Value, key: &str| -> Result<Cow<'static, str>, minijinja::Error> {
        let a = v.get_attr(key)?;
        Ok(a.as_str()
            .map_or_else(|| a.to_string(), str::to_string)
            .into())
    };
    for i in content.try_iter()? {
        let piece = match i.get_attr("type")?.as_str() {
            Some("text") => Piece::Text(text(&i, "text")?),
            Some("emphasis") => Piece::Emphasis,
            Some("strong") => Piece::Strong,
            Some("link") => Piece::Link {
                url: text(&i, "url")?,
            },
            Some("mention") => Piece::Mention {
                kind: text(&i, "kind")?,
                id: text(&i, "id")?,
            },
            Some("date") => Piece::Date {
                // To the precision known: `2017-03-02`, `2017-03`, `2017`.
                start: {
                    let start = text(&i, "start")?;
                    let keep = match i.get_attr("precision")?.as_str() {
                        Some("month") => 7,
                        Some("year") => 4,
                        _ => start.len(),
                    };
                    Cow::Owned(start.get(..keep).unwrap_or(&start).to_string())
                },
                text: text(&i, "text")?,
            },
            Some("footnote") => Piece::Footnote {
                id: text(&i, "id")?,
                number: text(&i, "number")?,
            },
            _ => continue,
        };
        piece.write(out, |out| write_inlines(out, &i.get_attr("content")?))?;
    }
    Ok(())
}

/// Writes the page into `out` as the built-in template makes it, never
/// holding it whole (the page of a 10 MB release is 14 MB). On a template
/// error, what was written before it is the caller's to discard.
pub fn emit_to(
    r: &Release,
    opts: HtmlOptions,
    out: &mut dyn std::io::Write,
) -> Result<(), minijinja::Error> {
    builtin()?
        .get_template("release.html")?
        .render_captured_to(context(r, opts), out)?;
    Ok(())
}

/// Renders the release through the built-in template, whole. The
/// template is tested against every example; should it still fail, the
/// error is returned, and nothing that holds the page (a feed, a ninjs
/// document, an e-mail) is made with a page that is not there.
pub fn emit(r: &Release, opts: HtmlOptions) -> Result<String, minijinja::Error> {
    render(builtin()?, r, opts)
}

/// The built-in template's environment, or why it could not be made.
fn builtin() -> Result<&'static minijinja::Environment<'static>, minijinja::Error> {
    BUILTIN
        .as_ref()
        .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// relc's `batch` gives what minijinja's does: the same batches, the
    /// same count of them, the same one at an index, whether the sequence
    /// is a list or an object that makes its items on demand, with and
    /// without a filler.
    #[test]
    fn batches_made_one_at_a_time_are_minijinjas() {
        let source = "{% for b in xs|batch(n) %}[{% for x in b %}{{ x }},{% endfor %}]{% endfor %}\
            |{{ xs|batch(n)|length }}|{% set bs = xs|batch(n) %}{% if bs[1] is defined %}{{ bs[1] }}{% endif %}\
            |{{ xs|batch(n, 'f') }}\
            |{{ xs|batch(n)|list }}|{{ 'abc'|batch(n) }}";
        let ours = environment("t", source).expect("compiles");
        // The same escaping, minijinja's `batch`.
        let mut theirs = minijinja::Environment::new();
        theirs.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        theirs.set_formatter(escape_html);
        theirs.add_template("t", source).expect("compiles");
        let mut checked = 0;
        for len in 0..8 {
            let list: Vec<Value> = (0..len).map(Value::from).collect();
            // A sequence that makes each item when it is asked for, as
            // the body's `BlockList` does.
            let object = Value::from_object(InlineList(
                (0..len).map(|i| Inline::text(i.to_string())).collect(),
            ));
            for xs in [Value::from(list), object] {
                for n in 1..5 {
                    let ctx = minijinja::context! { xs => xs.clone(), n => n };
                    let render = |env: &minijinja::Environment<'_>| {
                        env.get_template("t")
                            .and_then(|t| t.render(&ctx))
                            .expect("renders")
                    };
                    assert_eq!(render(&ours), render(&theirs), "{len} items by {n}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 64);
        // Made lazily, not by minijinja's filter.
        let lazy = ours
            .render_str(
                "{{ xs|batch(2) }}",
                minijinja::context! { xs => vec![1, 2, 3] },
            )
            .expect("renders");
        assert_eq!(lazy, "[[1, 2], [3]]");
        assert!(
            batch(&ours.empty_state(), Value::from(vec![1, 2, 3]), 2, None)
                .expect("batches")
                .downcast_object_ref::<Batches>()
                .is_some()
        );
    }

    /// Escaping gives each markup character its entity and leaves the rest
    /// as it is, however the characters stand: every string of up to four
    /// pieces among them, next to each other or apart.
    #[test]
    fn escaping_replaces_each_markup_character_wherever_it_stands() {
        let pieces = ["&", "<", ">", "\"", "'", "ab", "é", " "];
        let naive = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect()
        };
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            strings.extend(longer);
        }
        strings.sort();
        strings.dedup();
        assert!(strings.len() > 4000);
        for s in &strings {
            assert_eq!(escape(s), naive(s), "{s:?}");
        }
    }
}
