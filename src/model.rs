//! The checked release: every name resolved, every value typed, every
//! mention rendered. Its serde form is the JSON output, so the field order
//! here is the contract (see `docs/json.md`).
//!
//! Emitters read only this model, never the syntax tree, so the HTML, the
//! JSON and the text cannot disagree.

use compact_str::CompactString;
use jiff::civil::{Date, Time};
use schemars::JsonSchema;
use serde::Serialize;

use crate::locale::Locale;
use crate::schema::DeclKind;

/// The version of the JSON format. It changes when a field changes meaning
/// or goes away; new optional fields do not change it.
pub const FORMAT_VERSION: u32 = 4;

/// A local date and time with its offset, as RFC 3339 writes it.
const RFC3339_WITH_OFFSET: &str = "%Y-%m-%dT%H:%M:%S%:z";

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Release {
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// A stable id: the header's `id`, or the file's name.
    pub id: String,
    /// What kind of release it is; its status line follows from it.
    pub kind: Kind,
    /// For a correction: the release it corrects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrects: Option<Citation>,
    pub locale: Locale,
    /// For a translation: the release it translates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_of: Option<LanguageLink>,
    /// The other languages of the release, where the build knows them
    /// (the translations of an original; the original and the other
    /// translations of a translation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<LanguageLink>,
    /// The house's own wording of the fixed words, from the catalogue the
    /// header names (`messages "house.ftl"`): not data of the release, so
    /// not in its JSON.
    #[serde(skip)]
    #[schemars(skip)]
    pub house_words: crate::locale::messages::HouseWords,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subheadline: Option<String>,
    pub dateline: Dateline,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargo: Option<Embargo>,
    /// The ids of the orgs that issue the release, in the order written:
    /// none (a release that names no issuer), one, or several (a joint
    /// release). Before format 2, `issuer`, one id.
    pub issuers: Vec<String>,
    pub topics: Vec<String>,
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub meetings: Vec<Meeting>,
    pub outcomes: Vec<Outcome>,
    pub contacts: Vec<Contact>,
    pub images: Vec<Image>,
    /// The footnotes the release refers to, in the order of their numbers.
    pub footnotes: Vec<Footnote>,
    // Shared, so that a template reads its blocks one at a time rather
    // than as a copy of the whole body (see `emit::html`). Not a doc
    // comment: those are the JSON schema's descriptions.
    pub body: std::sync::Arc<[Block]>,
    /// The mark that ends the release proper, `# # #` unless set; empty
    /// for a release written with `end-mark none`, which prints none.
    pub end_mark: String,
    /// The dash of date and number ranges, a house's choice.
    pub range_dash: RangeDash,
    /// The contacts blocks, in the order written: each with its lead-in
    /// (Media contact, Investor contact, Registration) and its contacts.
    pub contact_groups: Vec<ContactGroup>,
    /// The What / When / Where block of a media advisory or invitation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advisory: Option<Advisory>,
    pub about: Vec<About>,
    pub follow: Vec<Block>,
    pub notes: Vec<Block>,
    /// A disclaimer or forward-looking statement.
    pub disclaimer: Vec<Block>,
    /// Trademark notices.
    pub trademarks: Vec<Block>,
    /// The `Source:` line of wire copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceLine>,
    /// The parts after the contacts (about blocks, follow-us links, notes
    /// to editors) in the order the writer put them, which every output
    /// keeps.
    #[serde(skip)]
    #[schemars(skip)]
    pub closing: Vec<Closing>,
    /// Where each declaration is, by id: the checker's, handed over with
    /// the lists, so no output searches a list.
    #[serde(skip)]
    #[schemars(skip)]
    pub index: Index,
}

/// Where each declaration of a release stands in its kind's list, by id:
/// the checker builds it as it makes the lists, and hands it to the model
/// with them. The first declaration of an id wins, as a search would.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    by_kind: [rustc_hash::FxHashMap<String, usize>; DeclKind::ALL.len()],
}

impl Index {
    /// Notes that the declaration `id` of a kind stands at `at` in its list,
    /// unless an earlier one of the same id does.
    pub fn insert(&mut self, kind: DeclKind, id: &str, at: usize) {
        self.by_kind[kind as usize]
            .entry(id.to_string())
            .or_insert(at);
    }

    /// Where the declaration `id` of a kind stands in its list.
    pub fn get(&self, kind: DeclKind, id: &str) -> Option<usize> {
        self.by_kind[kind as usize].get(id).copied()
    }

    /// The index of whole lists: each kind with its ids, in order.
    pub fn of<'a>(lists: impl IntoIterator<Item = (DeclKind, Vec<&'a String>)>) -> Index {
        let mut index = Index::default();
        for (kind, ids) in lists {
            for (i, id) in ids.into_iter().enumerate() {
                index.insert(kind, id, i);
            }
        }
        index
    }
}

/// A person or an org, where either may stand: a meeting's host or chair.
#[derive(Clone, Copy, Debug)]
pub enum Party<'a> {
    Person(&'a Person),
    Org(&'a Org),
}

impl<'a> Party<'a> {
    /// The full name.
    pub fn name(self) -> &'a str {
        match self {
            Party::Person(p) => &p.name,
            Party::Org(o) => &o.name,
        }
    }

    pub fn email(self) -> Option<&'a str> {
        match self {
            Party::Person(p) => p.email.as_deref(),
            Party::Org(o) => o.email.as_deref(),
        }
    }
}

/// A media contact with the org they work for, resolved.
#[derive(Clone, Copy, Debug)]
pub struct MediaContact<'a> {
    pub contact: &'a Contact,
    pub org: Option<&'a Org>,
}

/// A contacts block with its contacts resolved.
pub struct ResolvedGroup<'a> {
    pub lead_in: Option<&'a str>,
    pub contacts: Vec<MediaContact<'a>>,
}

/// A lookup by id for each kind of declaration, through the [`Index`].
macro_rules! lookups {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $entry:ident in $list:ident;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(&self, id: &str) -> Option<&$ty> {
                // The id is compared too: a list changed after the index
                // was made answers None rather than another declaration.
                self.$list
                    .get(self.index.get(DeclKind::$entry, id)?)
                    .filter(|x| x.id == id)
            }
        )*
    };
}

/// The checker's entities look declarations up the same way.
pub(crate) use lookups;

impl Release {
    /// The fixed words of the release: its language's, with the house's
    /// wording over them.
    pub fn words(&self) -> crate::locale::Words {
        crate::locale::Words {
            locale: self.locale,
            house: self.house_words.clone(),
        }
    }
    /// The meetings a calendar holds: those with their days known.
    pub fn calendar_meetings(&self) -> impl Iterator<Item = &Meeting> {
        self.meetings.iter().filter(|m| m.has_days())
    }

    lookups! {
        /// The org with this id.
        org: Org = Org in orgs;
        /// The person with this id.
        person: Person = Person in people;
        /// The place with this id.
        place: Place = Place in places;
        /// The meeting with this id.
        meeting: Meeting = Meeting in meetings;
        /// The outcome with this id.
        outcome: Outcome = Outcome in outcomes;
        /// The contact with this id.
        contact: Contact = Contact in contacts;
        /// The image with this id.
        image: Image = Image in images;
        /// The footnote with this id.
        footnote: Footnote = Footnote in footnotes;
    }

    /// The person or org with this id.
    pub fn party(&self, id: &str) -> Option<Party<'_>> {
        self.person(id)
            .map(Party::Person)
            .or_else(|| self.org(id).map(Party::Org))
    }

    /// The advisory's block as every output sets it, in the release's
    /// locale; none when the release has no advisory.
    pub fn advisory_rows(&self) -> Vec<AdvisoryRow<'_>> {
        self.advisory.as_ref().map_or_else(Vec::new, |a| {
            let start = self.meeting(&a.meeting).map(Meeting::start_iso);
            a.rows(&self.words(), start)
        })
    }

    /// Where a meeting is held, as a line: its place (`detail` of it), and
    /// `online` where it is held online too; `Online` for a meeting held
    /// only online; the locale's "to be announced" without either.
    pub fn meeting_place_text(&self, m: &Meeting, detail: PlaceDetail) -> String {
        let place = m.place.as_deref().and_then(|p| self.place(p));
        m.place_text(place, detail, &self.words())
    }

    /// The media contacts in the order written, each with its org.
    pub fn media_contact_list(&self) -> Vec<MediaContact<'_>> {
        self.contact_groups
            .iter()
            .flat_map(|g| self.resolve_contacts(&g.contacts))
            .collect()
    }

    /// The contacts blocks in the order written, each with its lead-in
    /// and its contacts resolved with their orgs.
    pub fn contact_group_list(&self) -> Vec<ResolvedGroup<'_>> {
        self.contact_groups
            .iter()
            .map(|g| ResolvedGroup {
                lead_in: g.lead_in.as_deref(),
                contacts: self.resolve_contacts(&g.contacts),
            })
            .collect()
    }

    fn resolve_contacts(&self, ids: &[String]) -> Vec<MediaContact<'_>> {
        ids.iter()
            .filter_map(|id| self.contact(id))
            .map(|contact| MediaContact {
                contact,
                org: contact.org.as_deref().and_then(|o| self.org(o)),
            })
            .collect()
    }

    /// The place of the dateline.
    pub fn dateline_place(&self) -> Option<&Place> {
        self.dateline.place.as_deref().and_then(|p| self.place(p))
    }

    /// For a correction, the line that names the release it corrects.
    pub fn correction_line(&self) -> Option<String> {
        self.corrects
            .as_ref()
            .map(|c| self.words().corrects(&c.text))
    }

    /// The status lines above the headline, in sentence case: the kind of
    /// release, unless it is a news release, then the embargo while it
    /// holds at `now` (see [`Embargo::holds_at`]), or for a news release
    /// with none, "For immediate release".
    pub fn status_lines(&self, now: Option<jiff::Timestamp>) -> Vec<StatusLine> {
        let line = |text: String, embargo| StatusLine { text, embargo };
        let mut out = Vec::new();
        if self.kind != Kind::NewsRelease {
            out.push(line(self.words().kind(self.kind).to_string(), false));
        }
        match self.embargo.as_ref().filter(|e| e.holds_at(now)) {
            Some(e) => out.push(line(self.words().embargoed_until(&e.text), true)),
            None if self.kind == Kind::NewsRelease => {
                out.push(line(self.words().immediate().to_string(), false))
            }
            None => {}
        }
        out
    }

    /// The first org that issues the release: the one whose masthead,
    /// logo and domain a page takes.
    pub fn issuer_org(&self) -> Option<&Org> {
        self.issuers.first().and_then(|id| self.org(id))
    }

    /// Every org that issues the release, in the order written.
    pub fn issuer_orgs(&self) -> Vec<&Org> {
        self.issuers.iter().filter_map(|id| self.org(id)).collect()
    }

    /// Whether an org issues the release.
    pub fn is_issuer(&self, org: &str) -> bool {
        self.issuers.iter().any(|i| i == org)
    }

    /// The names of the issuers joined as a byline: `APEC`, `APEC and
    /// ABAC`, `APEC, ABAC and PECC`. Empty when the release names none.
    pub fn issuer_names(&self) -> String {
        let names: Vec<&str> = self.issuer_orgs().iter().map(|o| o.name.as_str()).collect();
        self.locale.and_list(&names)
    }

    /// The domain the release's identifiers live under: the host of its
    /// first issuer's website, or of the nearest parent org that has one,
    /// or of the next issuer's. `relc.invalid` (a name reserved never to
    /// resolve) when none has, or the release names no issuer.
    pub fn domain(&self) -> String {
        for issuer in &self.issuers {
            let mut next = Some(issuer.as_str());
            // Parents cannot cycle in a checked release; the bound is belt
            // and braces.
            for _ in 0..=self.orgs.len() {
                let Some(org) = next.and_then(|id| self.org(id)) else {
                    break;
                };
                if let Some(host) = org
                    .url
                    .as_deref()
                    .and_then(|u| url::Url::parse(u).ok())
                    .and_then(|u| u.host_str().map(str::to_string))
                {
                    return host;
                }
                next = org.parent.as_deref();
            }
        }
        "relc.invalid".to_string()
    }

    /// The release's stable identifier, a `tag:` URI (RFC 4151) from its
    /// domain, its date and its id: the same on every build, wherever the
    /// release is published.
    pub fn tag_uri(&self) -> String {
        self.tag_uri_of(&self.id)
    }

    /// The `tag:` URI of the release `id` in another language: it shares
    /// this one's issuer and date, so its domain and day.
    pub fn tag_uri_of(&self, id: &str) -> String {
        format!("tag:{},{}:{}", self.domain(), self.dateline.date, id)
    }

    /// The time zone where the release was issued: its dateline place's,
    /// or UTC when the place has none.
    pub fn zone(&self) -> jiff::tz::TimeZone {
        self.dateline_place()
            .and_then(|p| p.zone.as_deref())
            .and_then(|z| jiff::tz::TimeZone::get(z).ok())
            .unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// When the release was created, by its dateline's date at the latest:
    /// the start of that day where it was issued.
    pub fn created_at(&self) -> Option<jiff::ZonedDateTime> {
        self.dateline
            .date
            .to_datetime(Time::midnight())
            .to_zoned_datetime(self.zone())
            .ok()
    }

    /// [`Release::created_at`] in RFC 3339.
    pub fn created(&self) -> String {
        self.created_at().map_or_else(
            || format!("{}T00:00:00Z", self.dateline.date),
            |z| z.strftime(RFC3339_WITH_OFFSET).to_string(),
        )
    }

    /// When the release is public, in RFC 3339: the moment its embargo
    /// lifts, or else [`Release::created`]. Never the time of a build.
    pub fn published(&self) -> String {
        match &self.embargo {
            Some(e) => e.utc.clone(),
            None => self.created(),
        }
    }

    /// The parts after the contacts in the writer's order; for a release
    /// made without it, about blocks, then follow-us links, then notes.
    pub fn closing_parts(&self) -> Vec<Closing> {
        if !self.closing.is_empty() {
            return self.closing.clone();
        }
        let mut out: Vec<Closing> = (0..self.about.len()).map(Closing::About).collect();
        if !self.follow.is_empty() {
            out.push(Closing::Follow);
        }
        if !self.notes.is_empty() {
            out.push(Closing::Notes);
        }
        if !self.disclaimer.is_empty() {
            out.push(Closing::Disclaimer);
        }
        if !self.trademarks.is_empty() {
            out.push(Closing::Trademarks);
        }
        if self.source.is_some() {
            out.push(Closing::Source);
        }
        out
    }
}

/// One status line above the headline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusLine {
    /// In sentence case: "Embargoed until 09:00 UTC+07:00 on ...".
    pub text: String,
    /// The embargo's line, which a page shows as a banner.
    pub embargo: bool,
}

/// What kind of release a release is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    #[default]
    NewsRelease,
    MediaAdvisory,
    MediaInvitation,
    Statement,
    Correction,
}

impl Kind {
    pub const WORDS: &'static [&'static str] = &[
        "news-release",
        "media-advisory",
        "media-invitation",
        "statement",
        "correction",
    ];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "news-release" => Kind::NewsRelease,
            "media-advisory" => Kind::MediaAdvisory,
            "media-invitation" => Kind::MediaInvitation,
            "statement" => Kind::Statement,
            "correction" => Kind::Correction,
            _ => return None,
        })
    }
}

/// How a quote's attribution names the speaker at first mention: a house
/// style, which a quote may override.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AttributionStyle {
    /// `said APEC Secretariat Executive Director Dr Alan Bollard`.
    #[default]
    TitleFirst,
    /// `said Dr Alan Bollard, Executive Director of the APEC Secretariat`.
    NameFirst,
    /// `Dr Alan Bollard, Executive Director of the APEC Secretariat, said`;
    /// later `Dr Bollard said`.
    SpeakerFirst,
}

impl AttributionStyle {
    /// The style of a release that sets none: a title stands before a
    /// name in English, Chinese, Japanese and Korean; the other languages
    /// name the speaker first and give the title after.
    pub fn usual(lang: crate::locale::Lang) -> AttributionStyle {
        use crate::locale::Lang;
        match lang {
            Lang::En | Lang::Zh | Lang::Ja | Lang::Ko => AttributionStyle::TitleFirst,
            _ => AttributionStyle::NameFirst,
        }
    }

    pub const WORDS: &'static [&'static str] = &["title-first", "name-first", "speaker-first"];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "title-first" => AttributionStyle::TitleFirst,
            "name-first" => AttributionStyle::NameFirst,
            "speaker-first" => AttributionStyle::SpeakerFirst,
            _ => return None,
        })
    }
}

/// How an org with a short form is named at its first mention: a house
/// style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OrgNames {
    /// By its short form throughout (`APEC`), as releases whose readers
    /// know the org write.
    #[default]
    Short,
    /// In full at its first mention, with an abbreviation after it
    /// (`the Northern Science Foundation (NSF)`), short afterwards, as AP
    /// and most house styles require.
    SpelledOut,
}

impl OrgNames {
    pub const WORDS: &'static [&'static str] = &["short", "spelled-out"];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "short" => OrgNames::Short,
            "spelled-out" => OrgNames::SpelledOut,
            _ => return None,
        })
    }
}

/// Another release, named by a correction.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Citation {
    /// As written: the release's URL or its id.
    pub text: String,
    /// The URL, when it was given as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The plain text of inline content: its words, without markup or link
/// targets.
pub fn plain_text(content: &[Inline]) -> String {
    fn push(content: &[Inline], out: &mut String) {
        for i in content {
            match i {
                Inline::Text { text } => out.push_str(text),
                Inline::Date { date } => out.push_str(&date.text),
                Inline::Emphasis { content } | Inline::Strong { content } => push(content, out),
                Inline::Mention { mention } => push(&mention.content, out),
                Inline::Link { link } => push(&link.content, out),
                // A mark, not words.
                Inline::Footnote { .. } => {}
            }
        }
    }
    let mut out = String::new();
    push(content, &mut out);
    out
}

/// One part after the contacts: an about block (by its place in
/// [`Release::about`]), the follow-us links, or the notes to editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "index", rename_all = "lowercase")]
pub enum Closing {
    About(usize),
    Follow,
    Notes,
    Disclaimer,
    Trademarks,
    Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Dateline {
    /// The id of the place, where the dateline names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The release's date, whether or not the dateline shows it.
    #[schemars(with = "String", extend("format" = "date"))]
    pub date: Date,
    /// The place as a dateline writes it: `NHA TRANG, Viet Nam`; none
    /// where the dateline names no place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place_text: Option<String>,
    /// The date as the locale writes it in a dateline: `21 February 2017`.
    pub date_text: String,
    /// Whether the dateline shows the date (not for a place alone, or
    /// `dateline none`).
    pub shows_date: bool,
    /// How the dateline is set.
    pub style: DatelineStyle,
    /// For a wire's style, the wire's name as it prints: `BUSINESS WIRE`,
    /// `PRNewswire`, `GLOBE NEWSWIRE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wire: Option<String>,
    /// A line of its own above the body, where the style sets one: the
    /// place and date (`Nha Trang, Viet Nam, 21 February 2017`) for
    /// own-line, the date for Business Wire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    /// The place part of the line of its own (own-line), in its own case:
    /// `Nha Trang, Viet Nam`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_place: Option<String>,
    /// What separates the parts of the dateline: the language's comma.
    #[serde(skip)]
    #[schemars(skip)]
    pub comma: String,
}

impl Dateline {
    /// What the dateline shows: `NHA TRANG, Viet Nam, 21 February 2017`,
    /// the place or the date alone, or nothing.
    pub fn text(&self) -> String {
        self.place_text
            .as_deref()
            .into_iter()
            .chain(self.shows_date.then_some(self.date_text.as_str()))
            .collect::<Vec<_>>()
            .join(&self.comma)
    }

    /// Whether the dateline shows anything at all.
    pub fn is_shown(&self) -> bool {
        self.place_text.is_some() || self.shows_date
    }

    /// The words that lead the first paragraph, with what separates them
    /// from it: `NHA TRANG, Viet Nam, 21 February 2017 – `,
    /// `SHENZHEN, China--(BUSINESS WIRE)--`,
    /// `IRVINE, Calif., May 4, 2021 /PRNewswire/ -- `,
    /// `NEW YORK, March 3, 2025 (GLOBE NEWSWIRE) -- `. None when the
    /// dateline stands on its own line.
    pub fn lead(&self) -> Option<String> {
        let wire = self.wire.as_deref().unwrap_or_default();
        if !self.is_shown() && self.wire.is_none() {
            return None;
        }
        Some(match self.style {
            DatelineStyle::Agency => format!("{} \u{2013} ", self.text()),
            DatelineStyle::OwnLine => return None,
            DatelineStyle::BusinessWire => match &self.place_text {
                Some(place) => format!("{place}--({wire})--"),
                None => format!("({wire})--"),
            },
            DatelineStyle::PrNewswire => format!("{} /{wire}/ -- ", self.text()),
            DatelineStyle::GlobeNewswire => format!("{} ({wire}) -- ", self.text()),
        })
    }
}

/// The dash between the ends of a range: `2-3 March` or `2–3 March`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RangeDash {
    #[default]
    Hyphen,
    EnDash,
}

impl RangeDash {
    pub const WORDS: &'static [&'static str] = &["hyphen", "en-dash"];

    pub fn from_word(w: &str) -> Option<Self> {
        match w {
            "hyphen" => Some(RangeDash::Hyphen),
            "en-dash" => Some(RangeDash::EnDash),
            _ => None,
        }
    }

    /// The mark itself.
    pub fn mark(self) -> &'static str {
        match self {
            RangeDash::Hyphen => "-",
            RangeDash::EnDash => "\u{2013}",
        }
    }
}

/// How a dateline is set: as news agencies set it (the default), on a
/// line of its own, or as a wire service sets it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DatelineStyle {
    /// `NHA TRANG, Viet Nam, 21 February 2017 – ...`
    #[default]
    Agency,
    /// `Nha Trang, Viet Nam, 21 February 2017` on its own line.
    OwnLine,
    /// `SHENZHEN, China--(BUSINESS WIRE)--...`, the date on its own line.
    BusinessWire,
    /// `LAKE FOREST, Calif., May 15, 2013 /PRNewswire/ -- ...`
    PrNewswire,
    /// `NEW YORK, March 3, 2025 (GLOBE NEWSWIRE) -- ...`
    GlobeNewswire,
}

impl DatelineStyle {
    pub const WORDS: &'static [&'static str] = &[
        "agency",
        "own-line",
        "business-wire",
        "pr-newswire",
        "globe-newswire",
    ];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "agency" => DatelineStyle::Agency,
            "own-line" => DatelineStyle::OwnLine,
            "business-wire" => DatelineStyle::BusinessWire,
            "pr-newswire" => DatelineStyle::PrNewswire,
            "globe-newswire" => DatelineStyle::GlobeNewswire,
            _ => return None,
        })
    }

    /// The wire's name as its datelines print it, for a wire's style.
    pub fn wire(self) -> Option<&'static str> {
        match self {
            DatelineStyle::BusinessWire => Some("BUSINESS WIRE"),
            DatelineStyle::PrNewswire => Some("PRNewswire"),
            DatelineStyle::GlobeNewswire => Some("GLOBE NEWSWIRE"),
            DatelineStyle::Agency | DatelineStyle::OwnLine => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Embargo {
    /// The local date and time with offset and zone (RFC 9557).
    pub local: String,
    /// The same instant in UTC (RFC 3339).
    pub utc: String,
    /// The IANA zone, or a fixed offset such as `+07:00`.
    pub zone: String,
    /// As the locale writes it: `09:00 UTC+07:00 on 20 February 2017`.
    pub text: String,
}

impl Embargo {
    /// Whether the release is still under embargo at `now`; with no
    /// moment given, it is.
    pub fn holds_at(&self, now: Option<jiff::Timestamp>) -> bool {
        match (now, self.utc.parse::<jiff::Timestamp>()) {
            (Some(now), Ok(until)) => now < until,
            _ => true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Org {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The org's logo, for a page's masthead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Where the org is listed, as wires print it at its first mention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tickers: Vec<Ticker>,
    /// The words joining a title to the org's name (`of the`), where the
    /// writer gave them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preposition: Option<String>,
}

/// Whether a short form is an abbreviation (`NSF`, `APEC`, `UNDP`), which
/// a spelled-out first mention shows in brackets, rather than a common noun
/// (`the Council`).
fn is_abbreviation(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

impl Org {
    /// The words joining a title to the org's name: the writer's, else
    /// `of the` before a name that ends in an institution's common noun
    /// (the APEC Secretariat, the Lisbon City Council, the World Bank) and
    /// `of` before any other (Harbor Lane Software, Inc.; Microsoft).
    /// The word between a title and the org in `lang`: the org's own
    /// (`preposition`); in English, by [`Org::join`]'s rule; else the
    /// language's, from its catalogue.
    pub fn join_in(&self, lang: crate::locale::Lang) -> Option<String> {
        match (&self.preposition, lang) {
            (Some(p), _) => Some(p.clone()),
            (None, crate::locale::Lang::En) => Some(self.join()),
            (None, _) => None,
        }
    }

    pub fn join(&self) -> String {
        if let Some(p) = &self.preposition {
            return p.clone();
        }
        const INSTITUTIONS: &[&str] = &[
            "Agency",
            "Assembly",
            "Association",
            "Authority",
            "Bank",
            "Board",
            "Bureau",
            "Centre",
            "Center",
            "Chamber",
            "College",
            "Commission",
            "Committee",
            "Council",
            "Court",
            "Department",
            "Federation",
            "Forum",
            "Foundation",
            "Fund",
            "Institute",
            "Ministry",
            "Nations",
            "Office",
            "Organisation",
            "Organization",
            "Parliament",
            "Programme",
            "Program",
            "Secretariat",
            "Service",
            "Society",
            "Union",
            "University",
        ];
        let last = self
            .name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let article = !self.name.starts_with("The ") && INSTITUTIONS.contains(&last);
        if article { "of the" } else { "of" }.to_string()
    }

    /// Whether a title already names this org (`APEC Secretariat Executive
    /// Director`, `Australian Treasurer` of `Australia`): the org is then
    /// not written again beside it.
    pub fn named_in(&self, title: &str) -> bool {
        title.contains(self.name.as_str())
            || self.short.as_deref().is_some_and(|s| {
                let s = s.trim_start_matches("the ");
                !s.is_empty() && title.contains(s)
            })
    }
}

/// A listing on a stock exchange: `NASDAQ: CRDO`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Ticker {
    /// The exchange as the release names it: `NASDAQ`, `NYSE`, `TSX`.
    pub exchange: String,
    /// The instrument's symbol there: `CRDO`.
    pub symbol: String,
}

impl Ticker {
    /// Reads `EXCHANGE: SYMBOL`: an exchange of letters, digits, spaces
    /// and dots (`Euronext Paris`), and a symbol of letters, digits, dots
    /// and hyphens (`BRK.B`, `RDS-A`). None for anything else.
    pub fn parse(s: &str) -> Option<Ticker> {
        let (exchange, symbol) = s.split_once(':')?;
        let (exchange, symbol) = (exchange.trim(), symbol.trim());
        let exchange_ok = exchange.chars().next().is_some_and(char::is_alphabetic)
            && exchange
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '.' || c == '-');
        let symbol_ok = !symbol.is_empty()
            && symbol
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        (exchange_ok && symbol_ok).then(|| Ticker {
            exchange: exchange.to_string(),
            symbol: symbol.to_string(),
        })
    }

    /// As the wires print it: `NASDAQ: CRDO`.
    pub fn text(&self) -> String {
        format!("{}: {}", self.exchange, self.symbol)
    }
}

impl Org {
    /// How the org is named in running text: its short name if it has one.
    pub fn display(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }

    /// How the org is named at its first mention: as the house names
    /// orgs, with its listings after it where it has any, as the wires
    /// print them: `Credo (NASDAQ: CRDO)`.
    pub fn first_mention(&self, names: OrgNames) -> String {
        let mut text = match names {
            OrgNames::Short => self.display().to_string(),
            OrgNames::SpelledOut => {
                let mut full = self.full_name();
                // An abbreviation the release goes on to use: `(NSF)`.
                if let Some(s) = self.short.as_deref().filter(|s| is_abbreviation(s)) {
                    full = format!("{full} ({s})");
                }
                full
            }
        };
        if !self.tickers.is_empty() {
            let listed: Vec<String> = self.tickers.iter().map(Ticker::text).collect();
            text = format!("{text} ({})", listed.join("; "));
        }
        text
    }

    /// The full name as running text writes it: with `the` before it
    /// where the short form takes one (`the Council` gives `the Northern
    /// Science Council`).
    pub fn full_name(&self) -> String {
        let article = self
            .short
            .as_deref()
            .is_some_and(|s| s.starts_with("the ") || s.starts_with("The "));
        if article && !self.name.starts_with("The ") {
            format!("the {}", self.name)
        } else {
            self.name.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pronoun: Option<String>,
    /// The grammatical gender the words about the person agree with,
    /// where it is given.
    #[serde(default, skip_serializing_if = "is_other_gender")]
    pub gender: crate::locale::Gender,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// How the person is named at first mention, and after.
    pub mentions: MentionForms,
}

fn is_other_gender(g: &crate::locale::Gender) -> bool {
    *g == crate::locale::Gender::Other
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct MentionForms {
    pub first: String,
    pub later: String,
    /// The first mention with the name first and the title after it:
    /// `Dr Alan Bollard, Executive Director of the APEC Secretariat`.
    pub name_first: String,
}

impl MentionForms {
    /// Whether the first mention sets the title after the name, between
    /// commas: for a unit of a larger org, whose name cannot stand before
    /// a title ("Professor Amara Okafor, Professor of Catalysis in the
    /// Department of Chemistry at the University of Northbridge").
    pub fn first_is_apposed(&self) -> bool {
        self.first == self.name_first && self.name_first.contains(", ")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Place {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

/// How much of a place a line gives, from the least.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceDetail {
    /// `Nha Trang, Viet Nam`
    Locality,
    /// `Diamond Bay Resort, Nha Trang, Viet Nam`
    Venue,
    /// `Diamond Bay Resort, Tran Phu Street, Nha Trang, Viet Nam`
    Address,
}

impl Place {
    /// The place on one line, its parts joined by commas, from the
    /// building to the country.
    /// `comma`: the language's, between the parts.
    pub fn line(&self, detail: PlaceDetail, comma: &str) -> String {
        let venue = (detail != PlaceDetail::Locality)
            .then_some(self.venue.as_deref())
            .flatten();
        let address = (detail == PlaceDetail::Address)
            .then_some(self.address.as_deref())
            .flatten();
        [
            venue,
            address,
            Some(self.name.as_str()),
            self.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(comma)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingStatus {
    Planned,
    UnderWay,
    Held,
    Postponed,
    Cancelled,
}

impl MeetingStatus {
    pub const WORDS: &'static [&'static str] =
        &["planned", "under-way", "held", "postponed", "cancelled"];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "planned" => MeetingStatus::Planned,
            "under-way" => MeetingStatus::UnderWay,
            "held" => MeetingStatus::Held,
            "postponed" => MeetingStatus::Postponed,
            "cancelled" => MeetingStatus::Cancelled,
            _ => return None,
        })
    }
}

/// How much of a meeting's dates is known: the day (the usual), only the
/// month (`dates 2017-03`), or only the year (`dates 2018`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn is_day(&self) -> bool {
        *self == Precision::Day
    }

    /// The precision a date is written to: `2017-03-02`, `2017-03`,
    /// `2018`; and that date written out in full, from its first day.
    pub fn of(written: &str) -> (Precision, String) {
        match written.matches('-').count() {
            0 => (Precision::Year, format!("{written}-01-01")),
            1 => (Precision::Month, format!("{written}-01")),
            _ => (Precision::Day, written.to_string()),
        }
    }

    /// The last day of the day, month or year that starts on `first`.
    pub fn last(self, first: Date) -> Date {
        match self {
            Precision::Day => first,
            Precision::Month => first.last_of_month(),
            Precision::Year => first.last_of_year(),
        }
    }

    /// What a date to this precision is called: `day`, `month`, `year`.
    pub fn word(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    /// A date as ISO 8601 writes it to this precision: `2017-03-02`,
    /// `2017-03`, `2017`.
    pub fn iso(self, d: Date) -> String {
        match self {
            Precision::Day => d.to_string(),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Year => format!("{:04}", d.year()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Meeting {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[schemars(with = "String", extend("format" = "date"))]
    pub start: Date,
    #[schemars(with = "String", extend("format" = "date"))]
    pub end: Date,
    /// How much of the dates is known. A meeting known to the month runs
    /// from the month's first day (`start`) to its last (`end`); one known
    /// to the year, from 1 January to 31 December.
    #[serde(default)]
    pub precision: Precision,
    #[schemars(with = "Option<String>", extend("format" = "time"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
    #[schemars(with = "Option<String>", extend("format" = "time"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<Time>,
    /// The meeting's zone, or its place's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Where it is held; none while the venue is to be announced, or for a
    /// meeting held only online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Where to join it online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online: Option<String>,
    /// Who chairs it (co-chairs as several), by id.
    pub chairs: Vec<String>,
    /// Who hosts it, by id.
    pub hosts: Vec<String>,
    /// Who presents or speaks at it, by id.
    pub presenters: Vec<String>,
    /// Who organises it, where that is not its host, by id.
    pub organisers: Vec<String>,
    pub status: MeetingStatus,
    /// The dates as the locale writes them: `2-3 March`.
    pub dates_text: String,
    /// The time as the locale writes it, with the zone where it is known:
    /// `2-3 p.m. PDT`, `09:00-17:00 UTC+07:00`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_text: Option<String>,
}

impl Meeting {
    /// Whether a calendar can hold it: its dates are known to the day.
    pub fn has_days(&self) -> bool {
        self.precision.is_day()
    }

    /// Where the meeting is held, as a line: its `place` (resolved by the
    /// caller; `detail` of it), with `and online` where it is held online
    /// too; `Online` for a meeting held only online; the locale's "to be
    /// announced" without either.
    pub fn place_text(
        &self,
        place: Option<&Place>,
        detail: PlaceDetail,
        words: &crate::locale::Words,
    ) -> String {
        let comma = words.text(crate::locale::Msg::Comma);
        match (place.map(|p| p.line(detail, &comma)), &self.online) {
            (Some(p), Some(_)) => words.and_online(&p),
            (Some(p), None) => p,
            (None, Some(_)) => words.online(),
            (None, None) => words.to_be_announced(),
        }
    }

    /// When the meeting starts, in ISO 8601: a date, or a date and time,
    /// with the offset where the zone is known.
    pub fn start_iso(&self) -> String {
        if !self.precision.is_day() {
            return self.precision.iso(self.start);
        }
        iso(self.start, self.start_time, self.zone.as_deref())
    }

    /// When it ends, if that is not simply the day (or the month, or the
    /// year) it starts.
    pub fn end_iso(&self) -> Option<String> {
        if !self.precision.is_day() {
            let end = self.precision.iso(self.end);
            return (end != self.precision.iso(self.start)).then_some(end);
        }
        (self.end != self.start || self.end_time.is_some())
            .then(|| iso(self.end, self.end_time, self.zone.as_deref()))
    }
}

fn iso(d: Date, t: Option<Time>, zone: Option<&str>) -> String {
    let Some(t) = t else {
        return d.to_string();
    };
    let local = d.to_datetime(t);
    match zone.and_then(|z| local.in_tz(z).ok()) {
        Some(z) => z.strftime(RFC3339_WITH_OFFSET).to_string(),
        None => local.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeStatus {
    Sought,
    Agreed,
    Endorsed,
    Launched,
}

impl OutcomeStatus {
    pub const WORDS: &'static [&'static str] = &["sought", "agreed", "endorsed", "launched"];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "sought" => OutcomeStatus::Sought,
            "agreed" => OutcomeStatus::Agreed,
            "endorsed" => OutcomeStatus::Endorsed,
            "launched" => OutcomeStatus::Launched,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Outcome {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    pub status: OutcomeStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ContactRole {
    Media,
    Investor,
    Analyst,
    General,
}

impl ContactRole {
    pub const WORDS: &'static [&'static str] = &["media", "investor", "analyst", "general"];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "media" => ContactRole::Media,
            "investor" => ContactRole::Investor,
            "analyst" => ContactRole::Analyst,
            "general" => ContactRole::General,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub role: ContactRole,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub phones: Vec<Phone>,
    pub emails: Vec<String>,
    /// A short note on the contact: `in New Zealand`, `for broadcast
    /// bookings`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Phone {
    /// As written: `+65 9137 3886`.
    pub text: String,
    /// Normalised: `+6591373886`.
    pub e164: String,
    /// What the number is for, as written before it: `phone mobile "..."`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<PhoneLabel>,
    /// The label as the release's locale writes it: `Mobile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_text: Option<String>,
}

/// What a phone number is for. Every output shows it; a vCard types the
/// number by it (a mobile is `TYPE=cell`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PhoneLabel {
    Office,
    Mobile,
    OutOfHours,
    Fax,
}

impl PhoneLabel {
    pub const WORDS: &'static [&'static str] = &["office", "mobile", "out-of-hours", "fax"];

    pub fn from_word(w: &str) -> Option<Self> {
        Some(match w {
            "office" => PhoneLabel::Office,
            "mobile" => PhoneLabel::Mobile,
            "out-of-hours" => PhoneLabel::OutOfHours,
            "fax" => PhoneLabel::Fax,
            _ => return None,
        })
    }

    /// The word written in a `.rel` file.
    pub fn word(self) -> &'static str {
        match self {
            PhoneLabel::Office => "office",
            PhoneLabel::Mobile => "mobile",
            PhoneLabel::OutOfHours => "out-of-hours",
            PhoneLabel::Fax => "fax",
        }
    }
}

/// The `Source:` line of wire copy, naming the org that issued the text.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct SourceLine {
    /// The org, by id.
    pub org: String,
    /// As the locale writes it: `Source: Northwind Analytics, Inc.`
    pub text: String,
}

/// A contacts block: `contacts "Investor contact:" { ... }`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ContactGroup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<String>,
    /// Ids of the contacts, in the order written.
    pub contacts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct About {
    pub org: String,
    /// `About APEC`.
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Content,
    },
    Heading {
        level: u8,
        content: Content,
    },
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    // Boxed, as the two rare kinds: a quote is 208 bytes, an image 120,
    // and every block of a body is as large as the largest kind. Boxed,
    // a block is 32 bytes (a unit test holds it); the JSON is the same.
    Quote(Box<Quote>),
    /// An image where the writer put it (`figure @chart`), with what every
    /// output shows of it.
    Figure(Box<Image>),
}

/// A footnote: its number, its text and the source it points to.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Footnote {
    pub id: String,
    pub number: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An image: `image chart { src <https://...> alt "..." caption "..." }`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Image {
    pub id: String,
    pub src: String,
    /// What it shows, for a reader who cannot see it.
    pub alt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ListItem {
    pub content: Content,
    /// Lists nested under this item.
    pub children: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Quote {
    /// The id of the person quoted.
    pub speaker: String,
    /// The attribution verb; none where the writer attributes the quote
    /// in their own words, or not at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    /// The speaker as the attribution names them: `APEC Secretariat
    /// Executive Director Dr Alan Bollard`, `Dr Bollard`, `he`.
    pub speaker_text: String,
    /// Whether the speaker comes before the verb (`he concluded`) or after
    /// it (`noted Dr Bollard`).
    pub speaker_first: bool,
    /// The attribution as it reads: `explained Dr Alan Bollard`,
    /// `he concluded`.
    pub attribution: String,
    /// The attribution stands after this many paragraphs.
    pub attribution_after: usize,
    /// The speaker's name alone (`Dr Alan Bollard`), whatever the
    /// attribution calls them: what a page's markup names as the author.
    pub speaker_name: String,
    pub paragraphs: Vec<Content>,
    /// The attribution in the writer's own words (`In her opening
    /// remarks, the Minister said:`, `he added.`), each as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Vec<Inline>>,
    /// How the quote reads, paragraph by paragraph, with the attribution
    /// where the writer put it. Every output and the built-in templates
    /// follow it; see [`Quote::reads`].
    pub layout: Vec<Vec<QuotePart>>,
}

/// The labelled block of a media advisory or invitation (`advisory
/// @meeting { ... }`): what the media are asked to, when, where, who takes
/// part, and how to register.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Advisory {
    /// The meeting it announces, by id.
    pub meeting: String,
    /// `Launch of the Coastal Resilience Fund`: the meeting's title, unless
    /// the writer gave another.
    pub what: String,
    /// The day or days, and the time where known, as the locale writes
    /// them: `Tuesday, 14 March 2017, 10:00-11:30 WET`.
    pub when: String,
    /// The place with its venue and address; `Online`, or the venue to
    /// be announced.
    #[serde(rename = "where")]
    pub place: String,
    /// Where to join it online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online: Option<String>,
    /// Who takes part, in order.
    pub who: Vec<Participant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    /// Whether the writer put the block before the body; else it follows
    /// the body.
    pub before_body: bool,
}

/// Someone taking part in what an advisory announces.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Participant {
    /// The person or org, by id.
    pub id: String,
    /// As the advisory names them: `Dr Alan Bollard, Executive Director,
    /// APEC Secretariat`.
    pub text: String,
}

/// How the media register for, or reply to, what an advisory announces.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Registration {
    /// An invitation's reply (`rsvp`) rather than a registration.
    pub rsvp: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The rows of an advisory's block, each with its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdvisoryLabel {
    What,
    When,
    Where,
    Who,
    Registration,
    Rsvp,
}

/// A row of an advisory's block as every output sets it: its label, its
/// lines (one per person for Who), a link after them, and for When the
/// start in ISO 8601.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdvisoryRow<'a> {
    pub key: AdvisoryLabel,
    pub label: String,
    pub lines: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datetime: Option<String>,
}

impl Advisory {
    /// The rows in the order every output sets them, labelled in
    /// `locale`; a row with nothing to say is left out. `start`: when the
    /// meeting starts, in ISO 8601.
    pub fn rows<'a>(
        &'a self,
        words: &crate::locale::Words,
        start: Option<String>,
    ) -> Vec<AdvisoryRow<'a>> {
        let row = |key, lines: Vec<&'a str>| AdvisoryRow {
            key,
            label: words.advisory_label(key),
            lines,
            url: None,
            datetime: None,
        };
        let mut rows = vec![
            row(AdvisoryLabel::What, vec![&self.what]),
            AdvisoryRow {
                datetime: start,
                ..row(AdvisoryLabel::When, vec![&self.when])
            },
            AdvisoryRow {
                url: self.online.as_deref(),
                ..row(AdvisoryLabel::Where, vec![&self.place])
            },
        ];
        if !self.who.is_empty() {
            rows.push(row(
                AdvisoryLabel::Who,
                self.who.iter().map(|p| p.text.as_str()).collect(),
            ));
        }
        if let Some(r) = &self.registration {
            let key = if r.rsvp {
                AdvisoryLabel::Rsvp
            } else {
                AdvisoryLabel::Registration
            };
            rows.push(AdvisoryRow {
                url: r.url.as_deref(),
                ..row(key, r.text.as_deref().into_iter().collect())
            });
        }
        rows.retain(|r| !r.lines.is_empty() || r.url.is_some());
        rows
    }
}

/// A release in another language: its id, and its locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LanguageLink {
    pub id: String,
    pub locale: Locale,
    /// The language's name in itself: `Français`.
    pub name: &'static str,
}

impl LanguageLink {
    pub fn new(id: String, locale: Locale) -> LanguageLink {
        LanguageLink {
            id,
            locale,
            name: locale.lang().autonym(),
        }
    }
}

/// A part of a paragraph of a quote as it reads. `gap`: what stands
/// between it and the part before it, where that is not a space (`, `
/// after a French quotation's closing mark, nothing in Chinese); absent,
/// a space, or nothing at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuotePart {
    /// Paragraph `index` of the quotation, opened with a quotation mark,
    /// and closed with one where the quotation stops (before the
    /// attribution, and at the end).
    Quoted {
        index: usize,
        closes: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        gap: Option<String>,
    },
    /// The attribution, then `then`: `.` where a sentence ends, `,` where
    /// the quotation continues the sentence after it, `:` where it leads
    /// the quotation (each as the language writes it).
    Attribution {
        then: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        gap: Option<String>,
    },
    /// The writer's own words `index`, as written.
    Words {
        index: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        gap: Option<String>,
    },
}

/// One thing a quote holds, in the order written: what the checker lays
/// out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuoteItem {
    /// A quoted paragraph.
    Quoted,
    /// The attribution relc writes (`said Dr Bollard`).
    Attribution,
    /// The writer's own words.
    Words,
}

/// A part of a quote as it reads, with what it holds, after what
/// separates it from the part before it (see [`QuotePart`]).
#[derive(Clone, Copy, Debug)]
pub enum QuotePiece<'a> {
    Quoted { content: &'a [Inline], closes: bool },
    Attribution { text: &'a str, then: &'a str },
    Words { content: &'a [Inline] },
}

impl Quote {
    /// Lays out a quote of `items`, in the order written, into the
    /// paragraphs it reads as. An attribution or the writer's own words
    /// share a paragraph with the quotation on each side of them; a
    /// quotation closes where something else follows it. `continues`: the
    /// quotation after relc's attribution goes on with the sentence the
    /// attribution interrupted (“Not every city is ready,” said Mayor
    /// Costa, “but most have begun.”).
    pub fn lay_out(
        items: &[QuoteItem],
        continues: bool,
        marks: &crate::locale::Marks,
    ) -> Vec<Vec<QuotePart>> {
        // A quotation after another starts a paragraph of its own;
        // anything else joins the paragraph before it.
        let paragraphs =
            || items.chunk_by(|a, b| !(*a == QuoteItem::Quoted && *b == QuoteItem::Quoted));
        // The paragraphs and their parts are kept with the release: each
        // vector is made with the room it takes, not the four a vector
        // first makes for what is pushed onto it.
        let mut out: Vec<Vec<QuotePart>> = Vec::with_capacity(paragraphs().count());
        let (mut n, mut quoted, mut words) = (0usize, 0, 0);
        for para in paragraphs() {
            let mut parts = Vec::with_capacity(para.len());
            for (i, item) in para.iter().enumerate() {
                let previous = n.checked_sub(1).map(|p| items[p]);
                let gap = match (i > 0, previous, item) {
                    (false, ..) => None,
                    (true, Some(QuoteItem::Quoted), QuoteItem::Attribution) => {
                        Some(&marks.to_attribution)
                    }
                    (true, ..) => Some(&marks.gap),
                }
                .filter(|g| *g != " ")
                .cloned();
                parts.push(match item {
                    QuoteItem::Quoted => {
                        quoted += 1;
                        QuotePart::Quoted {
                            index: quoted - 1,
                            closes: items.get(n + 1) != Some(&QuoteItem::Quoted),
                            gap,
                        }
                    }
                    QuoteItem::Attribution => QuotePart::Attribution {
                        then: if previous.is_none() {
                            &marks.leads
                        } else if continues && items.get(n + 1) == Some(&QuoteItem::Quoted) {
                            &marks.continues
                        } else {
                            &marks.ends
                        }
                        .clone(),
                        gap,
                    },
                    QuoteItem::Words => {
                        words += 1;
                        QuotePart::Words {
                            index: words - 1,
                            gap,
                        }
                    }
                });
                n += 1;
            }
            out.push(parts);
        }
        out
    }

    /// The quote as it reads: each paragraph's parts, with the words they
    /// hold.
    pub fn reads(&self) -> impl Iterator<Item = Vec<(&str, QuotePiece<'_>)>> {
        self.layout.iter().map(|para| {
            para.iter()
                .enumerate()
                .map(|(n, part)| {
                    let (gap, piece) = match part {
                        QuotePart::Quoted { index, closes, gap } => (
                            gap,
                            QuotePiece::Quoted {
                                content: self.paragraphs.get(*index).map_or(&[][..], |p| p),
                                closes: *closes,
                            },
                        ),
                        QuotePart::Attribution { then, gap } => (
                            gap,
                            QuotePiece::Attribution {
                                text: &self.attribution,
                                then,
                            },
                        ),
                        QuotePart::Words { index, gap } => (
                            gap,
                            QuotePiece::Words {
                                content: self.words.get(*index).map_or(&[][..], |p| p),
                            },
                        ),
                    };
                    let gap = match gap {
                        Some(g) => g.as_str(),
                        None if n == 0 => "",
                        None => " ",
                    };
                    (gap, piece)
                })
                .collect()
        })
    }
}

/// A paragraph's, a heading's or a list item's inlines, or one paragraph
/// of a quotation. Shared, not copied, with what renders them: a page's
/// template holds the same inlines as the model.
pub type Content = std::sync::Arc<[Inline]>;

// The rare kinds hold their fields in a box, flattened into the variant:
// a prose run is mostly text, and every inline is as large as the largest
// kind (88 bytes, a mention's); this way an inline is 32 (a unit test holds
// it). The JSON, the template values and `relc schema` are the same.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Link {
        #[serde(flatten)]
        link: Box<Link>,
    },
    /// A reference to a declaration, rendered.
    Mention {
        #[serde(flatten)]
        mention: Box<Mention>,
    },
    /// A footnote's mark: its number, in the order the release first
    /// refers to each.
    Footnote {
        #[serde(flatten)]
        mark: Box<FootnoteMark>,
    },
    /// A date or range taken from a declaration, rendered in the locale.
    Date {
        #[serde(flatten)]
        date: Box<DateText>,
    },
}

// A link in prose: where it goes and its text. (Not a doc comment: the
// variant has none, and `relc schema` would take this one for it.)
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Link {
    pub url: String,
    pub content: Vec<Inline>,
}

/// A reference to a declaration, rendered: the declaration's id and kind,
/// the field named (`@apec.short`), and the words it became.
///
/// The ids here, in [`FootnoteMark`] and in [`DateText`] are written once
/// for every reference in prose, and an id is short: a `CompactString`
/// holds one of up to 24 bytes in place, where a `String` took an
/// allocation of its own for each reference. It serialises as a string.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Mention {
    #[schemars(with = "String")]
    pub id: CompactString,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub field: Option<CompactString>,
    pub content: Vec<Inline>,
}

/// A footnote's mark in prose.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FootnoteMark {
    #[schemars(with = "String")]
    pub id: CompactString,
    pub number: usize,
}

/// A date or range taken from a declaration, with its text in the locale.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DateText {
    #[schemars(with = "String")]
    pub id: CompactString,
    #[schemars(with = "String", extend("format" = "date"))]
    pub start: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub end: Option<Date>,
    /// How much of the dates is known.
    #[serde(default)]
    pub precision: Precision,
    pub text: String,
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text { text: s.into() }
    }

    pub fn link(url: String, content: Vec<Inline>) -> Inline {
        Inline::Link {
            link: Box::new(Link { url, content }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Org, OrgNames, Ticker};

    /// Every block of a body is as large as the largest kind, and a
    /// megabyte of prose holds thousands of them.
    #[test]
    fn a_block_stays_small() {
        assert!(std::mem::size_of::<super::Block>() <= 32);
    }

    /// A megabyte of prose holds tens of thousands of inlines, each as
    /// large as the largest kind.
    #[test]
    fn an_inline_stays_small() {
        assert!(std::mem::size_of::<super::Inline>() <= 32);
    }

    /// A quote's layout is kept with the release: the paragraphs it reads
    /// as, each holding its parts in the room they take, no more.
    #[test]
    fn a_quote_is_laid_out_in_the_room_it_takes() {
        use super::{Quote, QuoteItem::*, QuotePart};
        let marks = crate::locale::Locale::default().words().marks();
        let cases: [(&[super::QuoteItem], &[usize]); 6] = [
            (&[Quoted], &[1]),
            (&[Quoted, Attribution], &[2]),
            (&[Quoted, Attribution, Quoted, Quoted], &[3, 1]),
            (&[Attribution, Quoted, Quoted, Words, Quoted], &[2, 3]),
            (&[Words, Quoted, Quoted, Quoted], &[2, 1, 1]),
            (
                &[Quoted, Quoted, Quoted, Quoted, Quoted, Attribution],
                &[1, 1, 1, 1, 2],
            ),
        ];
        for (items, shape) in cases {
            let layout = Quote::lay_out(items, false, &marks);
            let lens: Vec<usize> = layout.iter().map(Vec::len).collect();
            assert_eq!(lens, shape, "{items:?}");
            assert_eq!(layout.capacity(), layout.len(), "{items:?}");
            for para in &layout {
                assert_eq!(para.capacity(), para.len(), "{items:?}");
            }
            // Every item is laid out once, in the order written.
            let kinds: Vec<_> = layout
                .iter()
                .flatten()
                .map(|p| match p {
                    QuotePart::Quoted { .. } => Quoted,
                    QuotePart::Attribution { .. } => Attribution,
                    QuotePart::Words { .. } => Words,
                })
                .collect();
            assert_eq!(kinds, items);
        }
    }

    #[test]
    fn a_ticker_reads_as_the_wires_write_it() {
        let t = Ticker::parse("NASDAQ:CRDO").expect("a ticker");
        assert_eq!((t.exchange.as_str(), t.symbol.as_str()), ("NASDAQ", "CRDO"));
        assert_eq!(t.text(), "NASDAQ: CRDO");
        assert!(Ticker::parse("Euronext Paris: MC").is_some());
        assert!(Ticker::parse("NYSE: BRK.B").is_some());
        for bad in ["CRDO", ": CRDO", "NASDAQ:", "NASDAQ: CR DO", "1X: CRDO"] {
            assert!(Ticker::parse(bad).is_none(), "{bad}");
        }
    }

    fn org(name: &str, short: Option<&str>) -> Org {
        Org {
            id: "org".into(),
            name: name.into(),
            short: short.map(Into::into),
            url: None,
            email: None,
            parent: None,
            logo: None,
            tickers: Vec::new(),
            preposition: None,
        }
    }

    #[test]
    fn a_listed_org_is_named_with_its_tickers_first() {
        let mut org = org("Credo Technology Group Holding Ltd", Some("Credo"));
        assert_eq!(org.first_mention(OrgNames::Short), "Credo");
        org.tickers = ["NASDAQ: CRDO", "TSX: CRD"]
            .iter()
            .filter_map(|t| Ticker::parse(t))
            .collect();
        assert_eq!(
            org.first_mention(OrgNames::Short),
            "Credo (NASDAQ: CRDO; TSX: CRD)"
        );
        assert_eq!(
            org.first_mention(OrgNames::SpelledOut),
            "Credo Technology Group Holding Ltd (NASDAQ: CRDO; TSX: CRD)"
        );
        assert_eq!(org.display(), "Credo");
    }

    #[test]
    fn a_spelled_out_org_takes_its_article_and_its_abbreviation() {
        let cases = [
            (
                "Northern Science Foundation",
                Some("NSF"),
                "Northern Science Foundation (NSF)",
            ),
            (
                "Northern Science Council",
                Some("the Council"),
                "the Northern Science Council",
            ),
            ("The Ocean Trust", Some("the Trust"), "The Ocean Trust"),
            (
                "Harbor Lane Software, Inc.",
                Some("Harbor Lane"),
                "Harbor Lane Software, Inc.",
            ),
            ("Lisbon City Council", None, "Lisbon City Council"),
        ];
        for (name, short, first) in cases {
            assert_eq!(org(name, short).first_mention(OrgNames::SpelledOut), first);
        }
    }

    #[test]
    fn a_title_joins_its_org_with_the_article_an_institution_takes() {
        assert_eq!(org("APEC Secretariat", Some("APEC")).join(), "of the");
        assert_eq!(org("Harbor Lane Software, Inc.", None).join(), "of");
        assert_eq!(org("The Ocean Trust", None).join(), "of");
        let mut university = org("University of Northbridge", None);
        assert_eq!(university.join(), "of");
        university.preposition = Some("at the".into());
        assert_eq!(university.join(), "at the");
    }
}
