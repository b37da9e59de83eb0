//! Building the model: the declarations as the model's entities, as the
//! checker types them, and the release from its checked header, its
//! entities and its parts.

use std::sync::Arc;

use super::Header;
use super::fields::{Fields, Val};
use super::prose;
use crate::locale::{Locale, Marks, Words};
use crate::model::{self, MentionForms};
use crate::schema::Field;
use crate::syntax::ast::{Decl, DeclKind};

/// The parts of a release after its header, checked: its prose, its
/// contacts and what closes it.
pub(crate) struct Parts {
    pub body: Vec<model::Block>,
    pub follow: Vec<model::Block>,
    pub notes: Vec<model::Block>,
    pub disclaimer: Vec<model::Block>,
    pub trademarks: Vec<model::Block>,
    pub source: Option<model::SourceLine>,
    /// The footnotes the prose refers to, numbered in that order.
    pub footnotes: Vec<model::Footnote>,
    pub about: Vec<model::About>,
    pub advisory: Option<model::Advisory>,
    /// The parts after the contacts in the writer's order.
    pub closing: Vec<model::Closing>,
    pub contact_groups: Vec<model::ContactGroup>,
}

/// The release, from what the checker made of it.
pub(crate) fn release(header: Header, ents: Entities, parts: Parts) -> model::Release {
    let mut release = model::Release {
        format_version: model::FORMAT_VERSION,
        id: header.id,
        kind: header.kind,
        corrects: header.corrects,
        locale: header.words.locale,
        translation_of: None,
        translations: Vec::new(),
        house_words: header.words.house.clone(),
        kicker: header.kicker,
        headline: header.headline,
        subheadline: header.subheadline,
        dateline: header.dateline,
        embargo: header.embargo,
        issuers: header.issuers,
        topics: header.topics,
        orgs: ents.orgs,
        people: ents.people,
        places: ents.places,
        meetings: ents.meetings,
        outcomes: ents.outcomes,
        contacts: ents.contacts,
        images: ents.images,
        footnotes: parts.footnotes,
        body: parts.body.into(),
        end_mark: header.end_mark,
        range_dash: header.range_dash,
        contact_groups: parts.contact_groups,
        advisory: parts.advisory,
        about: parts.about,
        follow: parts.follow,
        notes: parts.notes,
        disclaimer: parts.disclaimer,
        trademarks: parts.trademarks,
        source: parts.source,
        closing: parts.closing,
        index: ents.index,
    };
    if release.range_dash == model::RangeDash::EnDash {
        en_dash_ranges(&mut release);
    }
    release
}

/// A range of dates as the locale writes it (`2-3 March`), set with an en
/// dash.
pub(super) fn dash_dates(text: &mut String) {
    *text = text.replace('-', "\u{2013}");
}

/// A range of times (`09:00-17:00 UTC-05:00`), set with an en dash: the
/// first hyphen only, since an offset's sign after it is no range.
pub(super) fn dash_times(text: &mut String) {
    *text = text.replacen('-', "\u{2013}", 1);
}

/// Sets every range with an en dash: the meetings' dates, dates taken from
/// declarations, and numbers joined by a hyphen in running text (`3-5`,
/// `2017-2018`; a hyphen between three numbers, as in `2017-02-21`, is no
/// range and stays).
fn en_dash_ranges(r: &mut model::Release) {
    fn dash_numbers(text: &mut String) {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            // A run of digits and hyphens: a range when it is two numbers.
            if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
                let end = (i..chars.len())
                    .find(|&j| !(chars[j].is_ascii_digit() || chars[j] == '-'))
                    .unwrap_or(chars.len());
                let run: String = chars[i..end].iter().collect();
                let parts: Vec<&str> = run.split('-').collect();
                let followed = chars.get(end).is_some_and(|c| c.is_alphabetic());
                if parts.len() == 2 && parts.iter().all(|p| !p.is_empty()) && !followed {
                    out.push_str(&parts.join("\u{2013}"));
                } else {
                    out.push_str(&run);
                }
                i = end;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        *text = out;
    }
    fn inlines(content: &mut [model::Inline]) {
        for i in content {
            match i {
                model::Inline::Text { text } => dash_numbers(text),
                model::Inline::Date { date } => dash_dates(&mut date.text),
                model::Inline::Footnote { .. } => {}
                model::Inline::Emphasis { content } | model::Inline::Strong { content } => {
                    inlines(content)
                }
                model::Inline::Link { link } => inlines(&mut link.content),
                model::Inline::Mention { mention } => inlines(&mut mention.content),
            }
        }
    }
    fn dash_blocks(blocks: &mut [model::Block]) {
        for b in blocks {
            match b {
                // Not yet shared with anything: `make_mut` copies nothing.
                model::Block::Paragraph { content } | model::Block::Heading { content, .. } => {
                    inlines(Arc::make_mut(content))
                }
                model::Block::List { items, .. } => {
                    for item in items {
                        inlines(Arc::make_mut(&mut item.content));
                        dash_blocks(&mut item.children);
                    }
                }
                model::Block::Quote(q) => {
                    for p in &mut q.paragraphs {
                        inlines(Arc::make_mut(p));
                    }
                    for w in &mut q.words {
                        inlines(w);
                    }
                }
                model::Block::Figure(_) => {}
            }
        }
    }
    for m in &mut r.meetings {
        dash_dates(&mut m.dates_text);
        if let (Some(t), Some(_)) = (&mut m.time_text, m.end_time) {
            dash_times(t);
        }
    }
    // Not yet shared with anything: `make_mut` copies nothing.
    dash_blocks(Arc::make_mut(&mut r.body));
    for a in &mut r.about {
        dash_blocks(&mut a.blocks);
    }
    dash_blocks(&mut r.follow);
    dash_blocks(&mut r.notes);
    dash_blocks(&mut r.disclaimer);
    dash_blocks(&mut r.trademarks);
}

impl Entities {
    /// The entities of typed declarations, dated and worded as the header
    /// says, when it could be read.
    pub fn of(typed: &[(&Decl, Fields)], header: Option<&Header>) -> Self {
        let mut ents = Entities::default();
        let words = header.map_or_else(|| Locale::default().words(), |h| h.words.clone());
        // The language's quotation marks, looked up once, not for each of
        // (perhaps) 100,000 declarations.
        let marks = words.marks();
        for (d, f) in typed {
            ents.add(
                d,
                f,
                header.map(|h| (h.words.locale, h.dateline_year)),
                (&words, &marks),
            );
        }
        ents.finish_people(&words);
        ents
    }
}

/// The declarations as model entities.
#[derive(Default)]
pub(crate) struct Entities {
    pub orgs: Vec<model::Org>,
    pub people: Vec<model::Person>,
    pub places: Vec<model::Place>,
    pub meetings: Vec<model::Meeting>,
    pub outcomes: Vec<model::Outcome>,
    pub contacts: Vec<model::Contact>,
    pub images: Vec<model::Image>,
    /// Numbered 0 here: the prose numbers those it refers to.
    pub footnotes: Vec<model::Footnote>,
    /// For each kind of declaration, where each id stands in its vector;
    /// the model's, once the release is built.
    index: model::Index,
}

impl Entities {
    // Through the index, which `add` and `reindex` keep in step with the
    // vectors: a release may declare 100,000 entities.
    model::lookups! {
        org: model::Org = Org in orgs;
        person: model::Person = Person in people;
        place: model::Place = Place in places;
        meeting: model::Meeting = Meeting in meetings;
        outcome: model::Outcome = Outcome in outcomes;
        contact: model::Contact = Contact in contacts;
        image: model::Image = Image in images;
        footnote: model::Footnote = Footnote in footnotes;
    }

    /// How many entities of a kind there are.
    fn count(&self, kind: DeclKind) -> usize {
        match kind {
            DeclKind::Org => self.orgs.len(),
            DeclKind::Person => self.people.len(),
            DeclKind::Place => self.places.len(),
            DeclKind::Meeting => self.meetings.len(),
            DeclKind::Outcome => self.outcomes.len(),
            DeclKind::Contact => self.contacts.len(),
            DeclKind::Image => self.images.len(),
            DeclKind::Footnote => self.footnotes.len(),
        }
    }

    /// Rebuilds the index after the vectors change.
    pub(super) fn reindex(&mut self) {
        self.index = model::Index::of([
            (DeclKind::Org, self.orgs.iter().map(|x| &x.id).collect()),
            (
                DeclKind::Person,
                self.people.iter().map(|x| &x.id).collect(),
            ),
            (DeclKind::Place, self.places.iter().map(|x| &x.id).collect()),
            (
                DeclKind::Meeting,
                self.meetings.iter().map(|x| &x.id).collect(),
            ),
            (
                DeclKind::Outcome,
                self.outcomes.iter().map(|x| &x.id).collect(),
            ),
            (
                DeclKind::Contact,
                self.contacts.iter().map(|x| &x.id).collect(),
            ),
            (DeclKind::Image, self.images.iter().map(|x| &x.id).collect()),
            (
                DeclKind::Footnote,
                self.footnotes.iter().map(|x| &x.id).collect(),
            ),
        ]);
    }

    fn add(
        &mut self,
        d: &Decl,
        f: &Fields,
        locale: Option<(Locale, i16)>,
        words: (&Words, &Marks),
    ) {
        self.push(d, f, locale, words);
        // Index as we go: a later declaration may look up an earlier one
        // (a meeting takes its time zone from its place).
        let kind = d.kind.node;
        if let Some(last) = self.count(kind).checked_sub(1) {
            self.index.insert(kind, &d.id.node, last);
        }
    }

    fn push(
        &mut self,
        d: &Decl,
        f: &Fields,
        locale: Option<(Locale, i16)>,
        (words, marks): (&Words, &Marks),
    ) {
        let id = d.id.node.clone();
        // The name of a person, an org or a contact is data, kept as
        // written (`Dan O'Neil`): the forms a release prints are set
        // typographically where they are made (mentions, attributions).
        // Other names are titles, set as display text.
        // The name in the release's language, where the declaration gives
        // one (`name.ja "..."`).
        let written = f
            .name_in_language()
            .or_else(|| d.name.as_ref().map(|n| n.node.as_str()));
        let name = written
            .map(|n| match d.kind.node {
                DeclKind::Person | DeclKind::Org | DeclKind::Contact => n.trim().to_string(),
                _ => prose::smarten_str(n.trim(), marks),
            })
            .unwrap_or_default();
        let text = |k: Field| f.text(k).map(|s| prose::smarten_str(&s, marks));
        match d.kind.node {
            DeclKind::Org => self.orgs.push(model::Org {
                id,
                name,
                short: text(Field::Short),
                url: f.text(Field::Url),
                email: f.email(Field::Email),
                parent: f.id(Field::Parent),
                logo: f.text(Field::Logo),
                tickers: f.tickers(Field::Ticker),
                preposition: text(Field::Preposition),
            }),
            DeclKind::Person => self.people.push(model::Person {
                id,
                name,
                short: text(Field::Short),
                title: text(Field::Title),
                org: f.id(Field::Org),
                pronoun: f.text(Field::Pronoun),
                gender: f
                    .text(Field::Gender)
                    .and_then(|g| crate::locale::Gender::from_word(&g))
                    .unwrap_or_default(),
                email: f.email(Field::Email),
                mentions: MentionForms {
                    first: String::new(),
                    later: String::new(),
                    name_first: String::new(),
                },
            }),
            DeclKind::Place => self.places.push(model::Place {
                id,
                name,
                country: text(Field::Country),
                venue: text(Field::Venue),
                address: text(Field::Address),
                zone: f.text(Field::Zone),
            }),
            DeclKind::Meeting => {
                let (start, end, precision) = match f.one(Field::Dates) {
                    Some(Val::Dates(s, e, p)) => (*s, *e, *p),
                    _ => return,
                };
                let (start_time, end_time) = match f.one(Field::Time) {
                    Some(Val::Times(s, e)) => (Some(*s), *e),
                    _ => (None, None),
                };
                let place = f.id(Field::Place);
                let zone = f.text(Field::Zone).or_else(|| {
                    place
                        .as_deref()
                        .and_then(|p| self.place(p))
                        .and_then(|p| p.zone.clone())
                });
                let (loc, year) = locale.unwrap_or((Locale::default(), start.year()));
                let time_text =
                    start_time.map(|t| loc.times(start, t, end_time, zone.as_deref(), "-"));
                self.meetings.push(model::Meeting {
                    id,
                    title: name,
                    short: text(Field::Short),
                    start,
                    end,
                    precision,
                    start_time,
                    end_time,
                    zone,
                    place,
                    online: f.text(Field::Online),
                    chairs: f.ids(Field::Chair),
                    hosts: f.ids(Field::Host),
                    presenters: f.ids(Field::Presenter),
                    organisers: f.ids(Field::Organiser),
                    status: f
                        .text(Field::Status)
                        .and_then(|s| model::MeetingStatus::from_word(&s))
                        .unwrap_or(model::MeetingStatus::Planned),
                    dates_text: loc.dates_to(start, end, precision, year),
                    time_text,
                });
            }
            DeclKind::Outcome => self.outcomes.push(model::Outcome {
                id,
                text: name,
                meeting: f.id(Field::Meeting),
                status: f
                    .text(Field::Status)
                    .and_then(|s| model::OutcomeStatus::from_word(&s))
                    .unwrap_or(model::OutcomeStatus::Sought),
            }),
            DeclKind::Footnote => self.footnotes.push(model::Footnote {
                id,
                number: 0,
                text: name,
                url: f.text(Field::Url),
            }),
            DeclKind::Image => self.images.push(model::Image {
                id,
                src: f.text(Field::Src).unwrap_or_default(),
                alt: text(Field::Alt).unwrap_or_default(),
                caption: (!name.is_empty()).then_some(name),
                credit: text(Field::Credit),
            }),
            DeclKind::Contact => self.contacts.push(model::Contact {
                id,
                name,
                role: f
                    .text(Field::Role)
                    .and_then(|s| model::ContactRole::from_word(&s))
                    .unwrap_or(model::ContactRole::Media),
                org: f.id(Field::Org),
                title: text(Field::Title),
                phones: f
                    .all(Field::Phone)
                    .filter_map(|v| match v {
                        Val::Phone {
                            text, e164, label, ..
                        } => Some(model::Phone {
                            text: text.clone(),
                            e164: e164.clone(),
                            label: *label,
                            label_text: label.map(|l| words.phone_label(l)),
                        }),
                        _ => None,
                    })
                    .collect(),
                emails: f
                    .all(Field::Email)
                    .filter_map(|v| match v {
                        Val::Email(e) => Some(e.clone()),
                        _ => None,
                    })
                    .collect(),
                note: text(Field::Note),
            }),
        }
    }

    /// Works out how each person is named at first mention and after: the
    /// first mention gives org, title and full name ("APEC Secretariat
    /// Executive Director Dr Alan Bollard"), later ones the short name.
    fn finish_people(&mut self, words: &Words) {
        let marks = words.marks();
        let lang = words.locale.lang();
        let forms: Vec<MentionForms> = self
            .people
            .iter()
            .map(|p| {
                let org = p.org.as_deref().and_then(|o| self.org(o));
                // A unit of a larger org (a department of a university)
                // that does not name it: the larger one follows the unit,
                // "in the Department of Chemistry at the University of
                // Northbridge".
                let parent = org.and_then(|o| {
                    let parent = self.org(o.parent.as_deref()?)?;
                    (!parent.named_in(&o.name)).then_some(parent)
                });
                let with_org = |title: String, o: &model::Org| {
                    words.title_with_org(&title, &o.name, o.join_in(lang).as_deref())
                };
                let mut name_first = p.name.clone();
                if let Some(title) = &p.title {
                    let mut full = title.clone();
                    if let Some(org) = org.filter(|o| !o.named_in(title)) {
                        full = with_org(full, org);
                    }
                    if let Some(parent) = parent.filter(|o| !o.named_in(title)) {
                        full = with_org(full, parent);
                    }
                    name_first = words.name_then_title(&p.name, &full);
                }
                // Such a unit's name does not stand before a title ("the
                // Department of Chemistry Professor of Catalysis Professor
                // Amara Okafor"): the title and the unit go after the
                // name, as AP sets a long title.
                let unit = parent.is_some()
                    && org.is_some_and(|o| {
                        o.name.contains(" of ") && !o.named_in(p.title.as_deref().unwrap_or(""))
                    });
                // A language that names a person before their title
                // (French, Russian, Arabic, ...) does so at a first
                // mention in running text too.
                let name_first_language =
                    model::AttributionStyle::usual(lang) == model::AttributionStyle::NameFirst;
                let first = match &p.title {
                    _ if (unit || name_first_language) && p.title.is_some() => name_first.clone(),
                    Some(title) => {
                        let title = match org.filter(|o| !o.named_in(title)) {
                            Some(org) => {
                                // "the Authority Chair ..." reads wrong: a
                                // short name that starts in lower case
                                // gives way to the full name before a
                                // title.
                                let short = org.display();
                                let name = if short.starts_with(char::is_lowercase) {
                                    org.name.as_str()
                                } else {
                                    short
                                };
                                words.org_before_title(name, title)
                            }
                            None => title.clone(),
                        };
                        words.title_then_name(&title, &p.name)
                    }
                    None => p.name.clone(),
                };
                MentionForms {
                    first: prose::smarten_str(&first, &marks),
                    later: prose::smarten_str(p.short.as_deref().unwrap_or(&p.name), &marks),
                    name_first: prose::smarten_str(&name_first, &marks),
                }
            })
            .collect();
        for (p, f) in self.people.iter_mut().zip(forms) {
            p.mentions = f;
        }
    }
}
