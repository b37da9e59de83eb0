//! The fixed words of a release (its status line, the headings of its
//! parts, an advisory's labels), from a message catalogue per language in
//! Project Fluent's format: `en.ftl` beside this file. A translator works
//! on a catalogue without reading Rust, and a catalogue says what each
//! placeable holds.
//!
//! Fluent isolates each placeable with Unicode bidirectional marks by
//! default, for text that mixes directions; relc prints text, not a user
//! interface, and sets the direction of a whole page itself, so the marks
//! are off.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::Lang;

macro_rules! messages {
    ($($variant:ident = $id:literal;)*) => {
        /// Every message relc prints, by its id in the catalogues. The
        /// catalogue test holds every catalogue to this list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($variant,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            /// Its id in a catalogue.
            pub const fn id(self) -> &'static str {
                match self { $(Msg::$variant => $id,)* }
            }
        }
    };
}

messages! {
    KindNewsRelease = "kind-news-release";
    KindMediaAdvisory = "kind-media-advisory";
    KindMediaInvitation = "kind-media-invitation";
    KindStatement = "kind-statement";
    KindCorrection = "kind-correction";
    StatusImmediate = "status-immediate";
    StatusEmbargoed = "status-embargoed";
    Moment = "moment";
    SubjectEmbargoed = "subject-embargoed";
    Corrects = "corrects";
    AdvisoryWhat = "advisory-what";
    AdvisoryWhen = "advisory-when";
    AdvisoryWhere = "advisory-where";
    AdvisoryWho = "advisory-who";
    AdvisoryRegistration = "advisory-registration";
    AdvisoryRsvp = "advisory-rsvp";
    MeetingOnline = "meeting-online";
    MeetingAndOnline = "meeting-and-online";
    MeetingToBeAnnounced = "meeting-to-be-announced";
    StatusUnderWay = "status-under-way";
    StatusHeld = "status-held";
    StatusPostponed = "status-postponed";
    StatusCancelled = "status-cancelled";
    PhoneOffice = "phone-office";
    PhoneMobile = "phone-mobile";
    PhoneOutOfHours = "phone-out-of-hours";
    PhoneFax = "phone-fax";
    RoleMedia = "role-media";
    RoleInvestor = "role-investor";
    RoleAnalyst = "role-analyst";
    RoleGeneral = "role-general";
    About = "about";
    HeadingContacts = "heading-contacts";
    HeadingMeetings = "heading-meetings";
    HeadingNotes = "heading-notes";
    LinkDownloadContact = "link-download-contact";
    LinkAddToCalendar = "link-add-to-calendar";
    ImageLabel = "image-label";
    SourceLine = "source-line";
    EndMark = "end-mark";
    IndexTitle = "index-title";
    IndexTitleOf = "index-title-of";
    QuoteOpen = "quote-open";
    QuoteClose = "quote-close";
    QuoteInnerOpen = "quote-inner-open";
    QuoteInnerClose = "quote-inner-close";
    QuoteToAttribution = "quote-to-attribution";
    AttributionContinues = "attribution-continues";
    AttributionEnds = "attribution-ends";
    AttributionLeads = "attribution-leads";
    Attribution = "attribution";
    TitleWithOrg = "title-with-org";
    OrgJoin = "org-join";
    NameThenTitle = "name-then-title";
    TitleThenName = "title-then-name";
    OrgBeforeTitle = "org-before-title";
    PartGap = "part-gap";
    DatesRange = "dates-range";
    MastheadAnd = "masthead-and";
    RoleMention = "role-mention";
    Comma = "comma";
    WeekdayDate = "weekday-date";
    Languages = "languages";
    IndexEmpty = "index-empty";
    IndexOlder = "index-older";
    IndexNewer = "index-newer";
    IndexPages = "index-pages";
    IndexPage = "index-page";
    IndexEmbargoed = "index-embargoed";
    IndexTitlePage = "index-title-page";
}

/// The prefix of an attribution verb's message: `verb-said`. A catalogue
/// offers the verbs of its language under such ids; a quote names one by
/// what follows the prefix (`quote @bollard said { ... }`).
pub const VERB_PREFIX: &str = "verb-";

/// The catalogue of a language, as shipped.
pub const fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("en.ftl"),
        Lang::Fr => include_str!("fr.ftl"),
        Lang::Es => include_str!("es.ftl"),
        Lang::Pt => include_str!("pt.ftl"),
        Lang::De => include_str!("de.ftl"),
        Lang::Vi => include_str!("vi.ftl"),
        Lang::Zh => include_str!("zh-Hans.ftl"),
        Lang::Ja => include_str!("ja.ftl"),
        Lang::Ko => include_str!("ko.ftl"),
        Lang::Id => include_str!("id.ftl"),
        Lang::Th => include_str!("th.ftl"),
        Lang::Ru => include_str!("ru.ftl"),
        Lang::Ar => include_str!("ar.ftl"),
    }
}

/// A language's messages.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    /// Reads a catalogue; what does not parse is left out, and reported by
    /// [`Catalogue::problems`].
    pub fn new(language: &str, source: &str) -> Catalogue {
        let id: LanguageIdentifier = language.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        // Korean particles follow the sound a word ends with: `은` after a
        // final consonant, `는` after a vowel.
        let _ = bundle.add_function("HANGUL_FINAL", |positional, _| {
            let last = match positional.first() {
                Some(FluentValue::String(s)) => s.chars().last(),
                _ => None,
            };
            let closed = last.is_some_and(|c| {
                ('\u{AC00}'..='\u{D7A3}').contains(&c) && (u32::from(c) - 0xAC00) % 28 != 0
            });
            FluentValue::from(if closed { "consonant" } else { "vowel" })
        });
        // Whether a word starts with a vowel: French elides `le` and `la`
        // before one (`l’ambassadrice`).
        let _ = bundle.add_function("INITIAL", |positional, _| {
            let first = match positional.first() {
                Some(FluentValue::String(s)) => s.chars().next(),
                _ => None,
            };
            let vowel =
                first.is_some_and(|c| "aeiouyàâäéèêëîïôöûüùAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜÙ".contains(c));
            FluentValue::from(if vowel { "vowel" } else { "consonant" })
        });
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) | Err((r, _)) => r,
        };
        // A message given twice keeps its first text.
        let _ = bundle.add_resource(resource);
        Catalogue { bundle }
    }

    /// What is wrong with a catalogue's source: its parse errors and its
    /// messages given twice.
    pub fn problems(language: &str, source: &str) -> Vec<String> {
        let id: LanguageIdentifier = language.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        let mut out = Vec::new();
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                out.extend(errors.iter().map(|e| format!("{e:?}")));
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            out.extend(errors.iter().map(|e| format!("{e:?}")));
        }
        out
    }

    /// A message that takes no placeables, as printed; none for one that
    /// needs some, or that the catalogue lacks.
    pub fn plain(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// Whether the catalogue has a message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message, its placeables filled from `args`; none where the
    /// catalogue lacks it.
    pub fn get(&self, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(
            pattern,
            (!args.is_empty()).then_some(&fluent_args),
            &mut errors,
        );
        Some(text.into_owned())
    }
}

/// What is wrong with a house's catalogue, at a byte range of its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HouseProblem {
    /// Text that is not Fluent.
    Syntax {
        at: std::ops::Range<usize>,
        what: String,
    },
    /// A message relc never prints: most often a misspelt id.
    Unknown {
        at: std::ops::Range<usize>,
        id: String,
    },
    /// A message worded twice; the first wording is kept.
    Twice {
        at: std::ops::Range<usize>,
        id: String,
    },
}

/// The problems of a house's catalogue, in the order of its source.
pub fn house_problems(source: &str) -> Vec<HouseProblem> {
    let mut out = Vec::new();
    if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
        for e in errors {
            out.push(HouseProblem::Syntax {
                at: e.pos.clone(),
                what: e.kind.to_string(),
            });
        }
    }
    // A message starts a line with its id and ` =` (Fluent allows no
    // indent there); a term or a comment starts otherwise.
    let mut seen: Vec<&str> = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let id_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        let id = &line[..id_len];
        if id.starts_with(|c: char| c.is_ascii_alphabetic())
            && line[id_len..].trim_start().starts_with('=')
        {
            let at = offset..offset + id_len;
            if seen.contains(&id) {
                out.push(HouseProblem::Twice {
                    at,
                    id: id.to_string(),
                });
            } else if !id.starts_with(VERB_PREFIX) && !Msg::ALL.iter().any(|m| m.id() == id) {
                out.push(HouseProblem::Unknown {
                    at,
                    id: id.to_string(),
                });
            }
            seen.push(id);
        }
        offset += line.len();
    }
    out
}

/// A house's own wording of some messages, read from the catalogue a
/// release names (`messages "house.ftl"`): none by default. Two are equal
/// when their sources are.
#[derive(Clone, Default)]
pub struct HouseWords(Option<std::sync::Arc<(String, Catalogue)>>);

impl HouseWords {
    /// The wording in `source`, in `language`.
    pub fn new(language: &str, source: &str) -> HouseWords {
        HouseWords(Some(std::sync::Arc::new((
            source.to_string(),
            Catalogue::new(language, source),
        ))))
    }

    pub fn get(&self, id: &str, args: &[(&str, &str)]) -> Option<String> {
        self.0.as_ref()?.1.get(id, args)
    }

    pub fn plain(&self, id: &str) -> Option<String> {
        self.0.as_ref()?.1.plain(id)
    }

    /// The attribution verbs the house adds (`verb-hailed`).
    pub fn verbs(&self) -> Vec<&str> {
        match &self.0 {
            Some(h) => ids(&h.0)
                .filter_map(|id| id.strip_prefix(VERB_PREFIX))
                .collect(),
            None => Vec::new(),
        }
    }
}

impl PartialEq for HouseWords {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_ref().map(|h| &h.0) == other.0.as_ref().map(|h| &h.0)
    }
}

impl std::fmt::Debug for HouseWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(h) => write!(f, "HouseWords({} bytes)", h.0.len()),
            None => f.write_str("HouseWords(none)"),
        }
    }
}

/// How many languages relc writes: the slots of what is kept of each.
pub(crate) const LANGS: usize = Lang::ALL.len();

/// Where a language stands in [`Lang::ALL`]: its slot.
pub(crate) fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// A language's messages, read on first use: a release reads its own
/// language's catalogue, not the twelve others.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    static READ: [OnceLock<Catalogue>; LANGS] = [const { OnceLock::new() }; LANGS];
    READ[slot(lang)].get_or_init(|| Catalogue::new(lang.code(), source(lang)))
}

/// The attribution verbs a language's catalogue offers, as a quote
/// names them (`said`), in the catalogue's order.
pub fn verbs(lang: Lang) -> &'static [&'static str] {
    static READ: [OnceLock<Vec<&'static str>>; LANGS] = [const { OnceLock::new() }; LANGS];
    READ[slot(lang)].get_or_init(|| {
        ids(source(lang))
            .filter_map(|id| id.strip_prefix(VERB_PREFIX))
            .collect()
    })
}

/// The ids of a catalogue's messages, in its order: a message starts a
/// line with its id and ` =` (Fluent allows no indent there).
fn ids(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses_whole() {
        for l in Lang::ALL {
            assert_eq!(
                Catalogue::problems(l.code(), source(*l)),
                Vec::<String>::new(),
                "{}",
                l.code()
            );
        }
    }

    #[test]
    fn every_catalogue_has_every_message_and_no_other() {
        for l in Lang::ALL {
            let c = catalogue(*l);
            for m in Msg::ALL {
                assert!(c.has(m.id()), "{}.ftl has no `{}`", l.code(), m.id());
            }
            for id in ids(source(*l)) {
                assert!(
                    id.starts_with(VERB_PREFIX) || Msg::ALL.iter().any(|m| m.id() == id),
                    "{}.ftl has `{id}`, which relc never prints",
                    l.code()
                );
            }
            assert!(
                verbs(*l).contains(&"said"),
                "{}.ftl offers no `said`",
                l.code()
            );
        }
    }

    #[test]
    fn placeables_are_filled_without_isolation_marks() {
        let en = catalogue(Lang::En);
        let text = en.get("source-line", &[("org", "APEC")]);
        assert_eq!(text.as_deref(), Some("Source: APEC"));
        assert_eq!(en.get("no-such-message", &[]), None);
    }
}
