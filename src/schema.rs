//! The declaration schema: every field of the release header and of each
//! kind of declaration, declared once with its type, whether it is
//! required, whether it may be repeated, and its documentation.
//!
//! The checker types values against it, the formatter orders fields by
//! it, the language server completes from it, and a test holds
//! `docs/language.md`'s tables to it. Code names a field by [`Field`], so a
//! misspelt field name does not compile.

use crate::locale::Locale;

/// The kinds of declaration, each with its own fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeclKind {
    Org,
    Person,
    Place,
    Meeting,
    Outcome,
    Contact,
    Image,
    Footnote,
}

impl DeclKind {
    pub const ALL: [DeclKind; 8] = [
        DeclKind::Org,
        DeclKind::Person,
        DeclKind::Place,
        DeclKind::Meeting,
        DeclKind::Outcome,
        DeclKind::Contact,
        DeclKind::Image,
        DeclKind::Footnote,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::Org => "org",
            DeclKind::Person => "person",
            DeclKind::Place => "place",
            DeclKind::Meeting => "meeting",
            DeclKind::Outcome => "outcome",
            DeclKind::Contact => "contact",
            DeclKind::Image => "image",
            DeclKind::Footnote => "footnote",
        }
    }

    /// The kind with an article, for messages: "a person", "an org".
    pub fn with_article(self) -> &'static str {
        match self {
            DeclKind::Org => "an org",
            DeclKind::Person => "a person",
            DeclKind::Place => "a place",
            DeclKind::Meeting => "a meeting",
            DeclKind::Outcome => "an outcome",
            DeclKind::Contact => "a contact",
            DeclKind::Image => "an image",
            DeclKind::Footnote => "a footnote",
        }
    }

    pub fn from_keyword(s: &str) -> Option<DeclKind> {
        DeclKind::ALL.into_iter().find(|k| k.keyword() == s)
    }
}

/// Declares [`Field`], one variant per field name.
macro_rules! fields {
    ($($variant:ident = $name:literal,)*) => {
        /// A field of the header or of a declaration, by name. The same
        /// name in two kinds (`short`, `org`, `email`) is one field.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            /// Every field, in alphabetical order of its name.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The name written in a `.rel` file.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Field::$variant => $name,)*
                }
            }
        }
    };
}

fields! {
    Address = "address",
    Alt = "alt",
    Credit = "credit",
    Src = "src",
    OrgNames = "org-names",
    Online = "online",
    Attribution = "attribution",
    Chair = "chair",
    Presenter = "presenter",
    Organiser = "organiser",
    Corrects = "corrects",
    Country = "country",
    Date = "date",
    Dateline = "dateline",
    DatelineStyle = "dateline-style",
    Dates = "dates",
    Email = "email",
    Embargo = "embargo",
    EndMark = "end-mark",
    Headline = "headline",
    Host = "host",
    Id = "id",
    Issuer = "issuer",
    Kicker = "kicker",
    Kind = "kind",
    Locale = "locale",
    Logo = "logo",
    Meeting = "meeting",
    Note = "note",
    Org = "org",
    Parent = "parent",
    Phone = "phone",
    Place = "place",
    RangeDash = "range-dash",
    Registration = "registration",
    Rsvp = "rsvp",
    Preposition = "preposition",
    Pronoun = "pronoun",
    Gender = "gender",
    Role = "role",
    Short = "short",
    Status = "status",
    Subheadline = "subheadline",
    Ticker = "ticker",
    Time = "time",
    Title = "title",
    Topics = "topics",
    Url = "url",
    What = "what",
    Who = "who",
    Venue = "venue",
    Wire = "wire",
    Zone = "zone",
    CountryCode = "country-code",
    Messages = "messages",
    Translates = "translates",
    Fingerprint = "fingerprint",
}

/// What a reference may ask of a declaration after its id:
/// `@bollard.title`, `@som1.dates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefField {
    Name,
    Short,
    Url,
    Title,
    Pronoun,
    /// A person's first-mention form, wherever it stands.
    Full,
    /// A person by their role alone: `the Mayor`.
    Role,
    Country,
    Venue,
    Address,
    Dates,
    /// A meeting's dates with their year, whatever the release's year.
    FullDates,
    Place,
    Text,
    /// A meeting's time, with its zone.
    Time,
    /// An image's caption.
    Caption,
}

impl RefField {
    /// The name written after the id.
    pub const fn name(self) -> &'static str {
        match self {
            RefField::Name => "name",
            RefField::Short => "short",
            RefField::Url => "url",
            RefField::Title => "title",
            RefField::Pronoun => "pronoun",
            RefField::Full => "full",
            RefField::Role => "role",
            RefField::Country => "country",
            RefField::Venue => "venue",
            RefField::Address => "address",
            RefField::Dates => "dates",
            RefField::FullDates => "full-dates",
            RefField::Place => "place",
            RefField::Text => "text",
            RefField::Time => "time",
            RefField::Caption => "caption",
        }
    }

    /// What a reference to a declaration of `kind` may ask for.
    pub fn of(kind: DeclKind) -> &'static [RefField] {
        use RefField::*;
        match kind {
            DeclKind::Org => &[Name, Short, Url],
            DeclKind::Person => &[Name, Short, Title, Pronoun, Full, Role],
            DeclKind::Place => &[Name, Country, Venue, Address],
            DeclKind::Meeting => &[Title, Short, Dates, FullDates, Place, Time],
            DeclKind::Outcome => &[Text],
            DeclKind::Contact => &[Name, Title],
            DeclKind::Image => &[Caption],
            DeclKind::Footnote => &[],
        }
    }

    /// The field a reference to `kind` names by `name`, if it may.
    pub fn named(kind: DeclKind, name: &str) -> Option<RefField> {
        RefField::of(kind)
            .iter()
            .copied()
            .find(|f| f.name() == name)
    }
}

/// The type a field's value must have.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// Text in quotes, not empty.
    Text,
    /// One or more texts, separated by commas.
    Texts,
    /// `<https://...>`; http, https or mailto.
    Url,
    /// `<name@example.org>` or `"name@example.org"`.
    Email,
    /// `"+65 9137 3886"`: an international number, with what it is for
    /// before it if the writer says: `mobile "+84 912 345 678"`.
    Phone,
    /// A reference to a declaration of one of these kinds.
    Ref(&'static [DeclKind]),
    /// A date.
    Date,
    /// A date, or a range of dates.
    Dates,
    /// A time of day, or a range of times.
    Times,
    /// A date and time with its zone.
    Instant,
    /// An IANA time zone name, in quotes.
    Zone,
    /// A country's ISO 3166 code, `US`: how a phone number written in the
    /// country's own form is read.
    CountryCode,
    Locale,
    /// One of these words.
    Word(&'static [&'static str]),
    /// A place and a date: the dateline.
    Dateline,
    /// An id for file names and URIs: lower-case letters, digits and `-`.
    Slug,
    /// Another release, by its URL or its id.
    Citation,
    /// A listing on a stock exchange: `"NASDAQ: CRDO"`.
    Ticker,
    /// Text in quotes, or the word `none` for nothing at all.
    TextOrNone,
}

impl Ty {
    /// What a value of this type looks like, for messages.
    pub fn describe(self) -> String {
        match self {
            Ty::Text => "text in quotes, such as \"Executive Director\"".into(),
            Ty::Texts => "texts in quotes, separated by commas".into(),
            Ty::Url => "a URL such as <https://www.apec.org>".into(),
            Ty::Email => "an e-mail address such as <media@example.org>".into(),
            Ty::Phone => "a phone number such as \"+65 9137 3886\"; in the national form (\"202-358-1600\") where the country is known".into(),
            Ty::Ref(kinds) => format!(
                "a reference to {}, such as @id",
                kinds
                    .iter()
                    .map(|k| k.with_article())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            Ty::Date => "a date like 2017-02-21".into(),
            Ty::Dates => "a date like 2017-03-02, or a range like 2017-03-02..2017-03-03".into(),
            Ty::Times => "a time like 09:30, or a range like 09:30..17:00".into(),
            Ty::Instant => {
                "a date and time with its zone, like 2017-02-20T09:00[Asia/Ho_Chi_Minh]".into()
            }
            Ty::Zone => "a time zone name in quotes, such as \"Asia/Ho_Chi_Minh\"".into(),
            Ty::CountryCode => "a country's two-letter ISO 3166 code, such as US or VN".into(),
            Ty::Locale => format!("a locale: {}", Locale::TAGS.join(", ")),
            Ty::Word(words) => format!("one of: {}", words.join(", ")),
            Ty::Dateline => "a place and a date, such as @nha-trang 2017-02-21; a place or a date alone; or none".into(),
            Ty::Slug => {
                "an id of lower-case letters, digits and -, such as \"apec-2017-nha-trang\"".into()
            }
            Ty::TextOrNone => "text in quotes, such as \"-30-\", or none".into(),
            Ty::Ticker => {
                "an exchange and a symbol with a colon between, such as \"NASDAQ: CRDO\"".into()
            }
            Ty::Citation => "a release's URL, such as <https://www.apec.org/press/2017-02-21>, or its id, such as \"apec-2017-nha-trang\"".into(),
        }
    }
}

impl Ty {
    /// What a field of this type takes, in a word or two: a completion's
    /// detail.
    pub fn brief(self) -> String {
        match self {
            Ty::Text => "text".into(),
            Ty::Texts => "texts".into(),
            Ty::Url => "URL".into(),
            Ty::Email => "e-mail".into(),
            Ty::Phone => "phone".into(),
            Ty::Ref(kinds) => kinds
                .iter()
                .map(|k| format!("@{}", k.keyword()))
                .collect::<Vec<_>>()
                .join(" or "),
            Ty::Date => "date".into(),
            Ty::Dates => "date or dates".into(),
            Ty::Times => "time or times".into(),
            Ty::Instant => "date, time and zone".into(),
            Ty::Zone => "time zone".into(),
            Ty::CountryCode => "country code".into(),
            Ty::Locale => "locale".into(),
            Ty::Word(words) => words.join(" | "),
            Ty::Dateline => "@place and date".into(),
            Ty::Slug => "slug".into(),
            Ty::Citation => "URL or release id".into(),
            Ty::Ticker => "exchange: symbol".into(),
            Ty::TextOrNone => "text or none".into(),
        }
    }
}

/// One field a block may have.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub field: Field,
    /// The field's name as written: `field.name()`, kept here for matching.
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// May be written more than once.
    pub many: bool,
    pub doc: &'static str,
}

const fn f(field: Field, ty: Ty, required: bool, doc: &'static str) -> FieldSpec {
    FieldSpec {
        field,
        name: field.name(),
        ty,
        required,
        many: false,
        doc,
    }
}

const fn many(field: Field, ty: Ty, doc: &'static str) -> FieldSpec {
    FieldSpec {
        field,
        name: field.name(),
        ty,
        required: false,
        many: true,
        doc,
    }
}

const ORG: &[DeclKind] = &[DeclKind::Org];
const PLACE: &[DeclKind] = &[DeclKind::Place];
const MEETING: &[DeclKind] = &[DeclKind::Meeting];
const PERSON_OR_ORG: &[DeclKind] = &[DeclKind::Person, DeclKind::Org];

/// The key of a declaration's name in one language: `name.ja
/// "アラン・ボラード"`. The name in every language is the string after the id.
pub const LOCALIZED_NAME: &str = "name";

/// What a translation's header gives of its own: its language and its
/// words. Every other field of the header, and every declaration, is the
/// original's.
pub const TRANSLATION_OWN: &[Field] = &[
    Field::Translates,
    Field::Fingerprint,
    Field::Locale,
    Field::Headline,
    Field::Subheadline,
    Field::Kicker,
    Field::Topics,
    Field::Messages,
    Field::Attribution,
    Field::OrgNames,
    Field::EndMark,
    Field::RangeDash,
    Field::Id,
];

pub const RELEASE_FIELDS: &[FieldSpec] = &[
    f(
        Field::Translates,
        Ty::Text,
        false,
        "the release this one translates: its .rel file, relative to this one, such as \"apec.rel\"; the facts (dateline, issuer, declarations, contacts) are the original's",
    ),
    f(
        Field::Kind,
        Ty::Word(crate::model::Kind::WORDS),
        false,
        "news-release (when not set), media-advisory, media-invitation, statement or correction",
    ),
    f(
        Field::Corrects,
        Ty::Citation,
        false,
        "for a correction: the release it corrects, by its URL or its id",
    ),
    f(
        Field::Kicker,
        Ty::Text,
        false,
        "a short line above the headline",
    ),
    f(Field::Headline, Ty::Text, true, "the headline"),
    f(
        Field::Subheadline,
        Ty::Text,
        false,
        "a line below the headline",
    ),
    f(
        Field::Dateline,
        Ty::Dateline,
        false,
        "where and when the release is issued: `@place 2017-02-21`, the place or the date alone, or none (then `date` gives the release's date)",
    ),
    f(
        Field::Date,
        Ty::Date,
        false,
        "the release's date, when the dateline does not show it",
    ),
    f(
        Field::DatelineStyle,
        Ty::Word(crate::model::DatelineStyle::WORDS),
        false,
        "how the dateline is set: agency (when not set), own-line, business-wire, pr-newswire or globe-newswire",
    ),
    f(
        Field::Wire,
        Ty::Text,
        false,
        "with a wire's dateline style, the wire's name as it prints, such as \"PRNewswire-FirstCall\"; the wire's own when not set",
    ),
    f(
        Field::Embargo,
        Ty::Instant,
        false,
        "the moment the release may be published",
    ),
    many(
        Field::Issuer,
        Ty::Ref(ORG),
        "the org that issues the release; for a joint release, several: `issuer @apec, @abac`; none for a release that names none",
    ),
    f(
        Field::Locale,
        Ty::Locale,
        false,
        "the language and conventions; en-GB when not set",
    ),
    f(
        Field::Topics,
        Ty::Texts,
        false,
        "subjects, for indexes and metadata",
    ),
    f(
        Field::Attribution,
        Ty::Word(crate::model::AttributionStyle::WORDS),
        false,
        "how quotes name the speaker at first mention: title-first (said Executive Director Dr Alan Bollard; when not set, in English, Chinese, Japanese and Korean), name-first (said Dr Alan Bollard, Executive Director of APEC; when not set, in the other languages) or speaker-first (Dr Alan Bollard, Executive Director of APEC, said)",
    ),
    f(
        Field::OrgNames,
        Ty::Word(crate::model::OrgNames::WORDS),
        false,
        "how an org with a short form is named at its first mention: short (APEC, when not set) or spelled-out (the Northern Science Foundation (NSF), then NSF)",
    ),
    f(
        Field::RangeDash,
        Ty::Word(crate::model::RangeDash::WORDS),
        false,
        "the dash of date and number ranges: hyphen (2-3 March, when not set) or en-dash (2\u{2013}3 March)",
    ),
    f(
        Field::EndMark,
        Ty::TextOrNone,
        false,
        "the mark that ends the release; \"# # #\" when not set, none for no mark",
    ),
    f(
        Field::Messages,
        Ty::Text,
        false,
        "the house's own wording of the fixed words: a Fluent catalogue (.ftl) beside the release, such as \"house.ftl\"",
    ),
    f(
        Field::Fingerprint,
        Ty::Text,
        false,
        "in a translation: the fingerprint of the original's facts it was translated from, as relc gives it; a translation older than its original is W0808",
    ),
    f(
        Field::Id,
        Ty::Slug,
        false,
        "the release's id, in its file names and URIs; the file's name when not set",
    ),
];

const ORG_FIELDS: &[FieldSpec] = &[
    f(
        Field::Short,
        Ty::Text,
        false,
        "the name used in running text, such as \"APEC\"",
    ),
    f(Field::Url, Ty::Url, false, "the org's website"),
    f(Field::Email, Ty::Email, false, "the org's e-mail address"),
    f(
        Field::Parent,
        Ty::Ref(ORG),
        false,
        "the org this one belongs to",
    ),
    f(
        Field::CountryCode,
        Ty::CountryCode,
        false,
        "the org's country as its two-letter ISO 3166 code, such as US: a phone number written without its +country code is read as that country writes it",
    ),
    f(
        Field::Logo,
        Ty::Url,
        false,
        "the org's logo, shown in the masthead of the pages it issues",
    ),
    f(
        Field::Preposition,
        Ty::Text,
        false,
        "the words that join a title to the org's name when a quote names the speaker first: \"of the\" (Executive Director of the APEC Secretariat), \"at\"; of, when not set",
    ),
    many(
        Field::Ticker,
        Ty::Ticker,
        "where the org is listed, such as \"NASDAQ: CRDO\", shown at its first mention; write the field again for more",
    ),
];

/// The fields of `advisory @meeting { ... }`, the What / When / Where
/// block of a media advisory or invitation. When and Where come from the
/// meeting.
pub const ADVISORY_FIELDS: &[FieldSpec] = &[
    f(
        Field::What,
        Ty::Text,
        false,
        "what the media are asked to, when it is not the meeting's title",
    ),
    many(
        Field::Who,
        Ty::Ref(PERSON_OR_ORG),
        "who takes part, in order: `who @costa, @okafor`; the meeting's chair and host when not given",
    ),
    f(
        Field::Registration,
        Ty::Text,
        false,
        "how the media register, such as \"Accredited media register by 10 March\"",
    ),
    f(
        Field::Rsvp,
        Ty::Text,
        false,
        "how to reply, for an invitation; the label reads RSVP instead of Registration",
    ),
    f(
        Field::Url,
        Ty::Url,
        false,
        "where to register or reply, shown after the registration",
    ),
];

/// The fields of an image: where it is, what it shows for a reader who
/// cannot see it, and who to credit. Its caption is its name:
/// `image chart "The catalyst under the microscope" { ... }`.
const IMAGE_FIELDS: &[FieldSpec] = &[
    f(
        Field::Src,
        Ty::Url,
        true,
        "where the image is: <https://...>",
    ),
    f(
        Field::Alt,
        Ty::Text,
        true,
        "what the image shows, for a reader who cannot see it",
    ),
    f(
        Field::Credit,
        Ty::Text,
        false,
        "who took or owns it, such as \"Photo: Jane Doe / Northbridge\"",
    ),
];

/// The fields of a footnote, whose text is its name:
/// `footnote survey "A survey of 1,200 adults, March 2026." { url <...> }`.
const FOOTNOTE_FIELDS: &[FieldSpec] = &[f(
    Field::Url,
    Ty::Url,
    false,
    "the source the note points to",
)];

const PERSON_FIELDS: &[FieldSpec] = &[
    f(
        Field::Short,
        Ty::Text,
        false,
        "the name used after the first mention, such as \"Dr Bollard\"",
    ),
    f(
        Field::Title,
        Ty::Text,
        false,
        "the person's title, such as \"Executive Director\"",
    ),
    f(
        Field::Org,
        Ty::Ref(ORG),
        false,
        "the org the person speaks for",
    ),
    f(
        Field::Pronoun,
        Ty::Text,
        false,
        "the pronoun an attribution may use, such as \"she\"",
    ),
    f(
        Field::Gender,
        Ty::Word(crate::locale::Gender::WORDS),
        false,
        "the grammatical gender an attribution verb agrees with, in languages where it does (Russian заявила, Arabic قالت)",
    ),
    f(
        Field::Email,
        Ty::Email,
        false,
        "the person's e-mail address",
    ),
];

const PLACE_FIELDS: &[FieldSpec] = &[
    f(
        Field::Country,
        Ty::Text,
        false,
        "the country, as the release writes it",
    ),
    f(
        Field::CountryCode,
        Ty::CountryCode,
        false,
        "the place's country as its two-letter ISO 3166 code, such as US: a phone number written without its +country code is read as that country writes it",
    ),
    f(Field::Venue, Ty::Text, false, "the building or hall"),
    f(Field::Address, Ty::Text, false, "the street address"),
    f(
        Field::Zone,
        Ty::Zone,
        false,
        "the place's time zone, such as \"Asia/Ho_Chi_Minh\"",
    ),
];

const MEETING_FIELDS: &[FieldSpec] = &[
    f(
        Field::Short,
        Ty::Text,
        false,
        "a short name, such as \"SOM1\"",
    ),
    f(
        Field::Dates,
        Ty::Dates,
        true,
        "the day or days of the meeting",
    ),
    f(
        Field::Time,
        Ty::Times,
        false,
        "the starting time, or the times it starts and ends",
    ),
    f(
        Field::Zone,
        Ty::Zone,
        false,
        "the time zone, when it is not the place's",
    ),
    f(
        Field::Place,
        Ty::Ref(PLACE),
        false,
        "where the meeting is held; left out while the venue is to be announced",
    ),
    f(
        Field::Online,
        Ty::Url,
        false,
        "where to join it online; with a place, it is held in both",
    ),
    many(
        Field::Chair,
        Ty::Ref(PERSON_OR_ORG),
        "who chairs it; co-chairs as several: `chair @costa, @okafor`",
    ),
    many(
        Field::Host,
        Ty::Ref(PERSON_OR_ORG),
        "who hosts it; several hosts as several",
    ),
    many(
        Field::Presenter,
        Ty::Ref(PERSON_OR_ORG),
        "who presents or speaks at it; several as several",
    ),
    many(
        Field::Organiser,
        Ty::Ref(PERSON_OR_ORG),
        "who organises it, where that is not its host; several as several",
    ),
    f(
        Field::Status,
        Ty::Word(crate::model::MeetingStatus::WORDS),
        true,
        "planned, under-way, held, postponed or cancelled",
    ),
];

const OUTCOME_FIELDS: &[FieldSpec] = &[
    f(
        Field::Meeting,
        Ty::Ref(MEETING),
        false,
        "the meeting the outcome belongs to",
    ),
    f(
        Field::Status,
        Ty::Word(crate::model::OutcomeStatus::WORDS),
        true,
        "sought, agreed, endorsed or launched",
    ),
];

const CONTACT_FIELDS: &[FieldSpec] = &[
    f(
        Field::Role,
        Ty::Word(crate::model::ContactRole::WORDS),
        true,
        "media, investor, analyst or general",
    ),
    f(
        Field::Org,
        Ty::Ref(ORG),
        false,
        "the org the contact works for",
    ),
    f(
        Field::CountryCode,
        Ty::CountryCode,
        false,
        "the contact's country as its two-letter ISO 3166 code, such as US: a phone number written without its +country code is read as that country writes it",
    ),
    f(Field::Title, Ty::Text, false, "the contact's job title"),
    many(
        Field::Phone,
        Ty::Phone,
        "a phone number; write the field again for more",
    ),
    many(
        Field::Email,
        Ty::Email,
        "an e-mail address; write the field again for more",
    ),
    f(
        Field::Note,
        Ty::Text,
        false,
        "a short note on when or what to call about, such as \"in New Zealand\" or \"for broadcast bookings\"",
    ),
];

pub fn decl_fields(kind: DeclKind) -> &'static [FieldSpec] {
    match kind {
        DeclKind::Org => ORG_FIELDS,
        DeclKind::Person => PERSON_FIELDS,
        DeclKind::Place => PLACE_FIELDS,
        DeclKind::Meeting => MEETING_FIELDS,
        DeclKind::Outcome => OUTCOME_FIELDS,
        DeclKind::Contact => CONTACT_FIELDS,
        DeclKind::Image => IMAGE_FIELDS,
        DeclKind::Footnote => FOOTNOTE_FIELDS,
    }
}

impl FieldSpec {
    /// A completion's detail: what the field takes, what it is for, and
    /// whether it is required.
    pub fn completion_detail(&self) -> String {
        format!(
            "{}: {}{}",
            self.ty.brief(),
            self.doc,
            if self.required { " (required)" } else { "" }
        )
    }
}

/// The fields of a block: the header's, or a kind of declaration's.
pub fn block_fields(kind: Option<DeclKind>) -> &'static [FieldSpec] {
    kind.map_or(RELEASE_FIELDS, decl_fields)
}

/// Every field spec of every block: the header's, each kind of declaration's, the advisory's.
pub fn all_specs() -> impl Iterator<Item = &'static FieldSpec> {
    RELEASE_FIELDS
        .iter()
        .chain(DeclKind::ALL.into_iter().flat_map(decl_fields))
        .chain(ADVISORY_FIELDS)
}

/// Field names writers reach for, with the field meant.
pub const FIELD_ALIASES: &[(&str, Field)] = &[
    ("title", Field::Headline),
    ("heading", Field::Headline),
    ("header", Field::Headline),
    ("subtitle", Field::Subheadline),
    ("subhead", Field::Subheadline),
    ("language", Field::Locale),
    ("lang", Field::Locale),
    ("tags", Field::Topics),
    ("keywords", Field::Topics),
    ("organisation", Field::Org),
    ("organization", Field::Org),
    ("company", Field::Org),
    ("employer", Field::Org),
    ("telephone", Field::Phone),
    ("tel", Field::Phone),
    ("mobile", Field::Phone),
    ("fax", Field::Phone),
    ("mail", Field::Email),
    ("e-mail", Field::Email),
    ("website", Field::Url),
    ("web", Field::Url),
    ("homepage", Field::Url),
    ("link", Field::Url),
    ("location", Field::Place),
    ("venue", Field::Place),
    ("city", Field::Place),
    ("timezone", Field::Zone),
    ("time-zone", Field::Zone),
    ("tz", Field::Zone),
    ("date", Field::Dates),
    ("day", Field::Dates),
    ("position", Field::Title),
    ("role", Field::Title),
    ("abbreviation", Field::Short),
    ("acronym", Field::Short),
];
