//! How a locale writes dates, ranges, times and datelines, and the fixed
//! words of a release, from its language's message catalogue
//! ([`messages`]).
//!
//! Calendar arithmetic and zone data come from jiff; dates, months and
//! weekdays as a locale writes them from CLDR, through ICU4X ([`cldr`]).
//! This module holds the house conventions on top: AP style in American
//! English (`Feb. 21, 2017`, `Calif.`, `2:30 p.m.`), ranges of dates
//! (`2-3 March`), times and zones.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub mod cldr;
pub mod messages;

pub use messages::Msg;

/// A language relc writes releases in: it ships a catalogue of the
/// language's fixed words, and knows its quotation marks and the grammar
/// of its attribution verbs. Dates come from CLDR for any locale of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Fr,
    Es,
    Pt,
    De,
    Vi,
    /// Chinese in simplified characters.
    Zh,
    Ja,
    Ko,
    Id,
    Th,
    Ru,
    Ar,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[
        Lang::En,
        Lang::Fr,
        Lang::Es,
        Lang::Pt,
        Lang::De,
        Lang::Vi,
        Lang::Zh,
        Lang::Ja,
        Lang::Ko,
        Lang::Id,
        Lang::Th,
        Lang::Ru,
        Lang::Ar,
    ];

    /// Its code, as the first subtag of a locale's tag: `fr`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::De => "de",
            Lang::Vi => "vi",
            Lang::Zh => "zh",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Id => "id",
            Lang::Th => "th",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
        }
    }

    /// Its name in English, for a diagnostic: `French`.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
            Lang::Pt => "Portuguese",
            Lang::De => "German",
            Lang::Vi => "Vietnamese",
            Lang::Zh => "Chinese (simplified)",
            Lang::Ja => "Japanese",
            Lang::Ko => "Korean",
            Lang::Id => "Indonesian",
            Lang::Th => "Thai",
            Lang::Ru => "Russian",
            Lang::Ar => "Arabic",
        }
    }

    /// Its name in itself, for a link to a release in it: `Français`.
    pub const fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Pt => "Português",
            Lang::De => "Deutsch",
            Lang::Vi => "Tiếng Việt",
            Lang::Zh => "简体中文",
            Lang::Ja => "日本語",
            Lang::Ko => "한국어",
            Lang::Id => "Bahasa Indonesia",
            Lang::Th => "ไทย",
            Lang::Ru => "Русский",
            Lang::Ar => "العربية",
        }
    }

    /// The tag a release in the language most often names: for a
    /// suggestion, and for a language's catalogue.
    pub const fn usual_tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Fr => "fr-FR",
            Lang::Es => "es-ES",
            Lang::Pt => "pt-BR",
            Lang::De => "de-DE",
            Lang::Vi => "vi-VN",
            Lang::Zh => "zh-Hans",
            Lang::Ja => "ja-JP",
            Lang::Ko => "ko-KR",
            Lang::Id => "id-ID",
            Lang::Th => "th-TH",
            Lang::Ru => "ru-RU",
            Lang::Ar => "ar",
        }
    }

    /// Whether it is written from right to left.
    pub const fn right_to_left(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// Whether the comma before an attribution goes inside the closing
    /// quotation mark, in the writer's words (`ready,” said`; `……，”他说`),
    /// as English, Indonesian and Chinese set it; elsewhere it follows the
    /// mark (`prêts », a déclaré`), or the language sets none (`「……」と`).
    pub const fn comma_inside_quotation(self) -> bool {
        matches!(self, Lang::En | Lang::Id | Lang::Zh)
    }

    fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }
}

/// A locale: a language relc writes and, where the tag names them, its
/// script and region (`fr-CA`, `zh-Hans`, `en-US`). The tag is kept in
/// its canonical form (`fr-CA` for `fr-ca`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale {
    lang: Lang,
    tag: &'static str,
}

impl Default for Locale {
    /// The locale of a release that names none.
    fn default() -> Locale {
        Locale::EN_GB
    }
}

impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag)
    }
}

impl schemars::JsonSchema for Locale {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Locale".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A BCP 47 tag in canonical form: `en-GB`, `fr-CA`, `zh-Hans`."
        })
    }
}

/// Why a tag names no locale relc writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocaleError {
    /// It is not a BCP 47 tag.
    NotATag,
    /// A language relc has no catalogue for.
    NoCatalogue { language: String },
    /// Chinese in traditional characters, whose quotation marks and words
    /// differ from the simplified catalogue's.
    Traditional,
}

/// The regions a locale's tag may name: the countries and territories
/// of ISO 3166-1, and the UN M.49 areas CLDR has locales for (`001` the
/// world, `150` Europe, `419` Latin America).
const REGIONS: [&str; 252] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW", "001", "150", "419",
];

/// The Associated Press abbreviations: five months keep their full names.
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// AP style's abbreviations of the US states in datelines (`Calif.`). The
/// eight states AP never abbreviates (Alaska, Hawaii, Idaho, Iowa, Maine,
/// Ohio, Texas, Utah) are not here, and stay whole.
const AP_STATES: [(&str, &str); 42] = [
    ("Alabama", "Ala."),
    ("Arizona", "Ariz."),
    ("Arkansas", "Ark."),
    ("California", "Calif."),
    ("Colorado", "Colo."),
    ("Connecticut", "Conn."),
    ("Delaware", "Del."),
    ("Florida", "Fla."),
    ("Georgia", "Ga."),
    ("Illinois", "Ill."),
    ("Indiana", "Ind."),
    ("Kansas", "Kan."),
    ("Kentucky", "Ky."),
    ("Louisiana", "La."),
    ("Maryland", "Md."),
    ("Massachusetts", "Mass."),
    ("Michigan", "Mich."),
    ("Minnesota", "Minn."),
    ("Mississippi", "Miss."),
    ("Missouri", "Mo."),
    ("Montana", "Mont."),
    ("Nebraska", "Neb."),
    ("Nevada", "Nev."),
    ("New Hampshire", "N.H."),
    ("New Jersey", "N.J."),
    ("New Mexico", "N.M."),
    ("New York", "N.Y."),
    ("North Carolina", "N.C."),
    ("North Dakota", "N.D."),
    ("Oklahoma", "Okla."),
    ("Oregon", "Ore."),
    ("Pennsylvania", "Pa."),
    ("Rhode Island", "R.I."),
    ("South Carolina", "S.C."),
    ("South Dakota", "S.D."),
    ("Tennessee", "Tenn."),
    ("Vermont", "Vt."),
    ("Virginia", "Va."),
    ("Washington", "Wash."),
    ("West Virginia", "W.Va."),
    ("Wisconsin", "Wis."),
    ("Wyoming", "Wyo."),
];

/// The US cities AP style lets stand alone in a dateline, without their
/// state.
const AP_STANDALONE_CITIES: [&str; 30] = [
    "Atlanta",
    "Baltimore",
    "Boston",
    "Chicago",
    "Cincinnati",
    "Cleveland",
    "Dallas",
    "Denver",
    "Detroit",
    "Honolulu",
    "Houston",
    "Indianapolis",
    "Las Vegas",
    "Los Angeles",
    "Miami",
    "Milwaukee",
    "Minneapolis",
    "New Orleans",
    "New York",
    "Oklahoma City",
    "Philadelphia",
    "Phoenix",
    "Pittsburgh",
    "St. Louis",
    "Salt Lake City",
    "San Antonio",
    "San Diego",
    "San Francisco",
    "Seattle",
    "Washington",
];

/// The US states AP never abbreviates.
const AP_WHOLE_STATES: [&str; 8] = [
    "Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah",
];

impl Locale {
    pub const EN_GB: Locale = Locale {
        lang: Lang::En,
        tag: "en-GB",
    };
    pub const EN_US: Locale = Locale {
        lang: Lang::En,
        tag: "en-US",
    };

    /// The tags offered where a locale is written: each language's usual
    /// tag, and the other locales of English relc has always known.
    pub const TAGS: &'static [&'static str] = &[
        "en-GB", "en-US", "en-AU", "en-IE", "en-NZ", "fr-FR", "es-ES", "pt-BR", "de-DE", "vi-VN",
        "zh-Hans", "ja-JP", "ko-KR", "id-ID", "th-TH", "ru-RU", "ar",
    ];

    /// The locale a BCP 47 tag names, in any case (`fr-ca`): any region or
    /// script CLDR knows, of a language relc has a catalogue for.
    pub fn from_tag(tag: &str) -> Result<Locale, LocaleError> {
        use std::collections::HashSet;
        use std::sync::Mutex;
        let id: icu_locale_core::LanguageIdentifier =
            tag.parse().map_err(|_| LocaleError::NotATag)?;
        if !id.variants.is_empty() || id.region.is_some_and(|r| !REGIONS.contains(&r.as_str())) {
            return Err(LocaleError::NotATag);
        }
        let lang =
            Lang::from_code(id.language.as_str()).ok_or_else(|| LocaleError::NoCatalogue {
                language: id.language.as_str().to_string(),
            })?;
        if lang == Lang::Zh {
            let script = id.script.map(|s| s.to_string());
            let region = id.region.map(|r| r.to_string());
            if script.as_deref() == Some("Hant")
                || (script.is_none() && matches!(region.as_deref(), Some("TW" | "HK" | "MO")))
            {
                return Err(LocaleError::Traditional);
            }
        }
        // Tags are few: each is kept once, for the life of the process,
        // so that a locale stays a small value to copy.
        static TAGS: std::sync::LazyLock<Mutex<HashSet<&'static str>>> =
            std::sync::LazyLock::new(|| Mutex::new(HashSet::new()));
        let canonical = id.to_string();
        let mut tags = TAGS.lock().unwrap_or_else(|e| e.into_inner());
        let tag = match tags.get(canonical.as_str()) {
            Some(t) => *t,
            None => {
                let t: &'static str = Box::leak(canonical.into_boxed_str());
                tags.insert(t);
                t
            }
        };
        Ok(Locale { lang, tag })
    }

    /// The language, for its message catalogue and its conventions.
    pub fn lang(self) -> Lang {
        self.lang
    }

    /// The language's code: `fr`.
    pub fn language(self) -> &'static str {
        self.lang.code()
    }

    pub fn tag(self) -> &'static str {
        self.tag
    }

    /// Whether the locale writes in AP style: American English.
    fn ap(self) -> bool {
        self.tag == "en-US"
    }

    /// Whether the month comes before the day.
    fn month_first(self) -> bool {
        self.ap()
    }

    /// The locale's dates as CLDR writes them.
    fn cldr(self) -> Option<&'static cldr::Formats> {
        cldr::formats(self.tag())
    }

    /// The month of `d` standing alone, as CLDR names it: `March`. A month
    /// without a day is spelled out in AP style too.
    fn month(self, d: Date) -> String {
        self.cldr()
            .and_then(|f| f.month(d))
            .unwrap_or_else(|| d.month().to_string())
    }

    /// A month's name where a day goes with it: in American English, AP
    /// style's abbreviations (`Oct. 28`, `Sept. 5`; March to July stay
    /// whole), as in the dateline, a house style on top of CLDR; elsewhere
    /// CLDR's name.
    fn month_with_day(self, d: Date) -> String {
        if self.ap() {
            let i = usize::try_from(d.month() - 1).unwrap_or(0).min(11);
            AP_MONTHS[i].to_string()
        } else {
            self.month(d)
        }
    }

    /// A date: `21 February 2017` (CLDR's long date), `Feb. 21, 2017` (AP).
    pub fn date(self, d: Date) -> String {
        if self.month_first() {
            return format!("{} {}, {}", self.month_with_day(d), d.day(), d.year());
        }
        self.cldr()
            .and_then(|f| f.date(d))
            .unwrap_or_else(|| d.to_string())
    }

    /// A date without its year: `2 March` (CLDR), `March 2` (AP).
    fn day_month(self, d: Date) -> String {
        if self.month_first() {
            return format!("{} {}", self.month_with_day(d), d.day());
        }
        self.cldr()
            .and_then(|f| f.day_month(d))
            .unwrap_or_else(|| d.to_string())
    }

    /// Dates known to the day, the month or the year, as running text,
    /// with the year only when it differs from `context_year`: `2-3
    /// March`, `March 2017`, `March-April`, `2018`. A month stands alone
    /// spelled out, in AP style too.
    pub fn dates_to(
        self,
        start: Date,
        end: Date,
        precision: crate::model::Precision,
        context_year: i16,
    ) -> String {
        use crate::model::Precision;
        let month = |d: Date| self.month(d);
        // The month and its year, as CLDR joins them: `March 2017`.
        let month_year = |d: Date| {
            self.cldr()
                .and_then(|f| f.month_year(d))
                .unwrap_or_else(|| format!("{} {}", month(d), d.year()))
        };
        match precision {
            Precision::Day => self.dates(start, end, context_year),
            Precision::Year if start.year() == end.year() => start.year().to_string(),
            Precision::Year => format!("{}-{}", start.year(), end.year()),
            Precision::Month => {
                let with_year = |d: Date| {
                    if d.year() == context_year {
                        month(d)
                    } else {
                        month_year(d)
                    }
                };
                if start.year() != end.year() {
                    format!("{}-{}", month_year(start), month_year(end))
                } else if start.month() == end.month() {
                    with_year(start)
                } else {
                    format!("{}-{}", month(start), with_year(end))
                }
            }
        }
    }

    /// A date or a range of dates as running text, with the year only when
    /// it differs from `context_year`: `2-3 March`, `March 2-3`,
    /// `28 February-3 March`, `30 December 2017-2 January 2018`.
    pub fn dates(self, start: Date, end: Date, context_year: i16) -> String {
        let with_year = |d: Date| {
            if d.year() == context_year {
                self.day_month(d)
            } else {
                self.date(d)
            }
        };
        if start == end {
            return with_year(start);
        }
        if !self.ap() {
            return self.cldr_dates(start, end, context_year);
        }
        if start.year() != end.year() {
            return format!("{}-{}", self.date(start), self.date(end));
        }
        let year = if start.year() == context_year {
            String::new()
        } else {
            format!(", {}", start.year())
        };
        let (ms, me) = (self.month_with_day(start), self.month_with_day(end));
        if start.month() == end.month() {
            format!("{ms} {}-{}{year}", start.day(), end.day())
        } else {
            format!("{ms} {}-{me} {}{year}", start.day(), end.day())
        }
    }

    /// A range of days as the language's catalogue joins CLDR's dates
    /// (`dates-range`): `2-3 March`, `2.-3. März`, `3月2日至3日`.
    fn cldr_dates(self, start: Date, end: Date, context_year: i16) -> String {
        let span = if start.year() != end.year() {
            "years"
        } else if start.month() != end.month() {
            "months"
        } else {
            "days"
        };
        let shown = span == "years" || start.year() != context_year;
        let cldr = |f: fn(&cldr::Formats, Date) -> Option<String>, d: Date| {
            self.cldr()
                .and_then(|c| f(c, d))
                .unwrap_or_else(|| d.to_string())
        };
        messages::catalogue(self.lang)
            .get(
                Msg::DatesRange.id(),
                &[
                    ("span", span),
                    ("year", if shown { "shown" } else { "hidden" }),
                    ("start-day", &cldr(cldr::Formats::day, start)),
                    ("end-day", &cldr(cldr::Formats::day, end)),
                    ("start", &cldr(cldr::Formats::day_month, start)),
                    ("end", &cldr(cldr::Formats::day_month, end)),
                    ("start-full", &cldr(cldr::Formats::date, start)),
                    ("end-full", &cldr(cldr::Formats::date, end)),
                ],
            )
            .unwrap_or_else(|| format!("{start}-{end}"))
    }

    /// The dateline, as its place and its date: the city in capitals and
    /// the country; the date in the locale's convention. American datelines
    /// follow AP style, with AP month abbreviations.
    pub fn dateline(self, city: &str, country: Option<&str>, date: Date) -> (String, String) {
        (self.dateline_place(city, country), self.date(date))
    }

    /// The place of a dateline: `NHA TRANG, Viet Nam`, `IRVINE, Calif.`,
    /// `SEATTLE`.
    pub fn dateline_place(self, city: &str, country: Option<&str>) -> String {
        // AP style, for a place in a US state: the state abbreviated
        // (`IRVINE, Calif.`), or left out after a city AP lets stand alone
        // (`SEATTLE`). Any other country is written as the release has it.
        let country = match country {
            Some(state) if self.ap() => {
                let abbreviated = AP_STATES.iter().find(|(s, _)| *s == state).map(|(_, a)| *a);
                let is_state = abbreviated.is_some() || AP_WHOLE_STATES.contains(&state);
                if is_state && AP_STANDALONE_CITIES.contains(&city) {
                    None
                } else {
                    abbreviated.or(Some(state))
                }
            }
            other => other,
        };
        let city = city.to_uppercase();
        match country {
            Some(c) => {
                let comma = messages::catalogue(self.lang)
                    .plain(Msg::Comma.id())
                    .unwrap_or_else(|| ", ".to_string());
                format!("{city}{comma}{c}")
            }
            None => city,
        }
    }

    /// Items joined as the language lists them with `and`: `APEC and
    /// ABAC`, `APEC, ABAC and PECC`, `APEC et l’ABAC`.
    pub fn and_list(self, items: &[&str]) -> String {
        match self.cldr() {
            Some(f) => f.and_list(items),
            None => items.join(", "),
        }
    }

    /// The day of the week, as CLDR names it: `Tuesday`.
    pub fn weekday(self, d: Date) -> String {
        self.cldr()
            .and_then(|f| f.weekday(d))
            .unwrap_or_else(|| d.weekday().to_monday_one_offset().to_string())
    }

    /// A time of day: `14:00` on the 24-hour clock, `2:00 p.m.` in American
    /// English.
    pub fn time(self, t: jiff::civil::Time) -> String {
        let (h, m) = (t.hour(), t.minute());
        if self.lang != Lang::En
            && let Some(text) = self.cldr().and_then(|f| f.time(t))
        {
            return text;
        }
        if self.month_first() {
            // AP style: noon and midnight by name, and no `:00`.
            match (h, m) {
                (12, 0) => return "noon".to_string(),
                (0, 0) => return "midnight".to_string(),
                _ => {}
            }
            let (h12, ampm) = match h {
                0 => (12, "a.m."),
                1..=11 => (h, "a.m."),
                12 => (12, "p.m."),
                _ => (h - 12, "p.m."),
            };
            if m == 0 {
                format!("{h12} {ampm}")
            } else {
                format!("{h12}:{m:02} {ampm}")
            }
        } else {
            format!("{h:02}:{m:02}")
        }
    }

    /// A meeting's time for running text: its start, or its start and
    /// end, and the zone where it is known, by the abbreviation the time
    /// zone database gives it on that day, else by its offset:
    /// `14:00-17:00 CET`, `2-3 p.m. PDT`, `09:00 UTC+07:00`.
    pub fn times(
        self,
        day: Date,
        start: jiff::civil::Time,
        end: Option<jiff::civil::Time>,
        zone: Option<&str>,
        dash: &str,
    ) -> String {
        let mut out = match end {
            // `2-3 p.m.`: the first half-day mark goes when both share it.
            Some(e)
                if self.month_first()
                    && (start.hour() < 12) == (e.hour() < 12)
                    && self.time(start).ends_with(".m.") =>
            {
                let first = self.time(start);
                let first = first
                    .strip_suffix(" a.m.")
                    .or_else(|| first.strip_suffix(" p.m."))
                    .unwrap_or(&first)
                    .to_string();
                format!("{first}{dash}{}", self.time(e))
            }
            Some(e) => format!("{}{dash}{}", self.time(start), self.time(e)),
            None => self.time(start),
        };
        if let Some(z) = zone.and_then(|z| day.to_datetime(start).in_tz(z).ok()) {
            out.push(' ');
            out.push_str(&zone_name(&z));
        }
        out
    }
}

/// The fixed words of a release in its locale's language, with the
/// house's own wording over them where the release names a catalogue of
/// its own (`messages "house.ftl"`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub locale: Locale,
    pub house: messages::HouseWords,
}

impl Locale {
    /// The locale's words, with no house wording over them.
    pub fn words(self) -> Words {
        Words {
            locale: self,
            house: messages::HouseWords::default(),
        }
    }
}

impl Words {
    /// A fixed word of a release, as the house or the language writes it.
    pub fn text(&self, m: Msg) -> String {
        self.text_with(m, &[])
    }

    /// The fixed words that take no placeables, for templates: by id with
    /// `_` for `-` (`words.heading_contacts`), in a stable order.
    pub fn words(&self) -> std::collections::BTreeMap<String, String> {
        // A language's are formatted once per process, on first use: every
        // page of a batch build asks for them.
        static PLAIN: [OnceLock<BTreeMap<String, String>>; messages::LANGS] =
            [const { OnceLock::new() }; messages::LANGS];
        let lang = self.locale.lang();
        let mut words = PLAIN[messages::slot(lang)]
            .get_or_init(|| {
                Msg::ALL
                    .iter()
                    .filter_map(|m| {
                        let text = messages::catalogue(lang).plain(m.id())?;
                        Some((m.id().replace('-', "_"), text))
                    })
                    .collect()
            })
            .clone();
        for m in Msg::ALL {
            if let Some(text) = self.house.plain(m.id()) {
                words.insert(m.id().replace('-', "_"), text);
            }
        }
        words
    }

    /// A fixed phrase with its placeables filled: `Source: { $org }`.
    /// The house's wording where it gives the message, else the
    /// language's.
    pub fn text_with(&self, m: Msg, args: &[(&str, &str)]) -> String {
        self.message(m.id(), args)
            .unwrap_or_else(|| m.id().to_string())
    }

    /// A message by its id, the house's wording first; none where
    /// neither catalogue has it. Every [`Msg`] is in every language's
    /// catalogue (its test holds them to [`Msg::ALL`]).
    fn message(&self, id: &str, args: &[(&str, &str)]) -> Option<String> {
        self.house
            .get(id, args)
            .or_else(|| messages::catalogue(self.locale.lang()).get(id, args))
    }

    /// The attribution verbs the release's language offers, with any the
    /// house adds.
    pub fn verbs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = messages::verbs(self.locale.lang()).to_vec();
        for v in self.house.verbs() {
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    /// An attribution: the verb a quote names (`said`), as the language
    /// writes it with this speaker, in this order (`said Dr Alan
    /// Bollard`, `a-t-elle ajouté`, `заявила Мария Иванова`). A verb the
    /// catalogue does not offer is written as the quote has it.
    /// `apposed`: the speaker's title follows their name between commas
    /// (`Dr Alan Bollard, Executive Director of APEC`), which a verb after
    /// it follows after a comma too.
    pub fn attribution(
        &self,
        verb: &str,
        speaker: &str,
        order: Order,
        gender: Gender,
        apposed: bool,
    ) -> String {
        let args = [
            ("speaker", speaker),
            ("order", order.word()),
            ("gender", gender.word()),
            ("apposed", if apposed { "yes" } else { "no" }),
        ];
        let verb = self
            .message(&format!("{}{verb}", messages::VERB_PREFIX), &args)
            .unwrap_or_else(|| verb.to_string());
        let mut args = args.to_vec();
        args.push(("verb", &verb));
        self.text_with(Msg::Attribution, &args)
    }

    /// Whether the verb's words change with the speaker's gender: it
    /// then needs the person's `gender`.
    pub fn verb_agrees(&self, verb: &str) -> bool {
        let id = format!("{}{verb}", messages::VERB_PREFIX);
        [Order::VerbFirst, Order::SpeakerFirst, Order::Leads]
            .iter()
            .any(|o| {
                let with = |g: Gender| {
                    self.message(
                        &id,
                        &[("speaker", "X"), ("order", o.word()), ("gender", g.word())],
                    )
                };
                with(Gender::Feminine) != with(Gender::Masculine)
            })
    }

    /// A title with the org it is held at, where the title does not name
    /// it: `Executive Director of the APEC Secretariat`; `join`: the org's
    /// own word for it (`of the`, `du`), else the language's.
    pub fn title_with_org(&self, title: &str, org: &str, join: Option<&str>) -> String {
        let join = join.map_or_else(|| self.text(Msg::OrgJoin), str::to_string);
        self.text_with(
            Msg::TitleWithOrg,
            &[
                ("title", title),
                ("org", org),
                ("join", &join),
                ("of", &of(&join, org)),
            ],
        )
    }

    /// The heading of an org's About block: `About APEC`, `À propos de
    /// l’Agence de l’eau`. `org`: the org as the house names it; `full`:
    /// its full name, after `join` as for [`Words::title_with_org`].
    pub fn about(&self, org: &str, full: &str, join: Option<&str>) -> String {
        let join = join.map_or_else(|| self.text(Msg::OrgJoin), str::to_string);
        self.text_with(Msg::About, &[("org", org), ("of", &of(&join, full))])
    }

    /// A name with its title after it: `Dr Alan Bollard, Executive
    /// Director of the APEC Secretariat`.
    pub fn name_then_title(&self, name: &str, title: &str) -> String {
        self.text_with(Msg::NameThenTitle, &[("name", name), ("title", title)])
    }

    /// A title before a name: `Executive Director Dr Alan Bollard`.
    pub fn title_then_name(&self, title: &str, name: &str) -> String {
        self.text_with(Msg::TitleThenName, &[("title", title), ("name", name)])
    }

    /// The org before a title: `APEC Secretariat Executive Director`.
    pub fn org_before_title(&self, org: &str, title: &str) -> String {
        self.text_with(Msg::OrgBeforeTitle, &[("org", org), ("title", title)])
    }

    /// A later mention of a person by their role alone: `the Mayor`, `la
    /// directrice générale`.
    pub fn role_mention(&self, title: &str, gender: Gender) -> String {
        self.text_with(
            Msg::RoleMention,
            &[("title", title), ("gender", gender.word())],
        )
    }

    /// How the language sets a quotation and its attribution.
    pub fn marks(&self) -> Marks {
        Marks {
            open: self.text(Msg::QuoteOpen),
            close: self.text(Msg::QuoteClose),
            inner_open: self.text(Msg::QuoteInnerOpen),
            inner_close: self.text(Msg::QuoteInnerClose),
            to_attribution: self.text(Msg::QuoteToAttribution),
            continues: self.text(Msg::AttributionContinues),
            ends: self.text(Msg::AttributionEnds),
            leads: self.text(Msg::AttributionLeads),
            gap: self.text(Msg::PartGap),
            comma_inside: self.locale.lang().comma_inside_quotation(),
            spaced_punctuation: self.locale.lang() == Lang::Fr,
            spaced_digits: matches!(self.locale.lang(), Lang::Fr | Lang::Ru),
        }
    }

    /// A kind of release, in sentence case: its status line, and its name
    /// in an index.
    pub fn kind(&self, k: crate::model::Kind) -> String {
        use crate::model::Kind;
        self.text(match k {
            Kind::NewsRelease => Msg::KindNewsRelease,
            Kind::MediaAdvisory => Msg::KindMediaAdvisory,
            Kind::MediaInvitation => Msg::KindMediaInvitation,
            Kind::Statement => Msg::KindStatement,
            Kind::Correction => Msg::KindCorrection,
        })
    }

    /// The status line of a release that may be published at once.
    pub fn immediate(&self) -> String {
        self.text(Msg::StatusImmediate)
    }

    /// The status line of a release under embargo; `moment` as
    /// [`Locale::moment`] writes it.
    pub fn embargoed_until(&self, moment: &str) -> String {
        self.text_with(Msg::StatusEmbargoed, &[("moment", moment)])
    }

    /// The word before an e-mail's subject while the release is under
    /// embargo: `EMBARGOED: headline`.
    pub fn embargoed_subject(&self) -> String {
        self.text(Msg::SubjectEmbargoed)
    }

    /// The line of a correction that names the release it corrects.
    pub fn corrects(&self, release: &str) -> String {
        self.text_with(Msg::Corrects, &[("release", release)])
    }

    /// The label of a row of an advisory's block: `What`, `When`, ...
    pub fn advisory_label(&self, l: crate::model::AdvisoryLabel) -> String {
        use crate::model::AdvisoryLabel;
        self.text(match l {
            AdvisoryLabel::What => Msg::AdvisoryWhat,
            AdvisoryLabel::When => Msg::AdvisoryWhen,
            AdvisoryLabel::Where => Msg::AdvisoryWhere,
            AdvisoryLabel::Who => Msg::AdvisoryWho,
            AdvisoryLabel::Registration => Msg::AdvisoryRegistration,
            AdvisoryLabel::Rsvp => Msg::AdvisoryRsvp,
        })
    }

    /// The word before an image's caption in plain text.
    pub fn image_label(&self) -> String {
        self.text(Msg::ImageLabel)
    }

    /// A meeting held only online, where its place would stand.
    pub fn online(&self) -> String {
        self.text(Msg::MeetingOnline)
    }

    /// A meeting held at a place and online: `Lisbon, Portugal, and online`.
    pub fn and_online(&self, place: &str) -> String {
        self.text_with(Msg::MeetingAndOnline, &[("place", place)])
    }

    /// A meeting whose venue is not known yet.
    pub fn to_be_announced(&self) -> String {
        self.text(Msg::MeetingToBeAnnounced)
    }

    /// The `Source:` line of wire copy.
    pub fn source_line(&self, org: &str) -> String {
        self.text_with(Msg::SourceLine, &[("org", org)])
    }

    /// What a phone number is for, as a label before it.
    pub fn phone_label(&self, l: crate::model::PhoneLabel) -> String {
        use crate::model::PhoneLabel;
        self.text(match l {
            PhoneLabel::Office => Msg::PhoneOffice,
            PhoneLabel::Mobile => Msg::PhoneMobile,
            PhoneLabel::OutOfHours => Msg::PhoneOutOfHours,
            PhoneLabel::Fax => Msg::PhoneFax,
        })
    }

    /// A moment for an embargo line: `09:00 UTC+07:00 on 20 February 2017`,
    /// `9 a.m. EST on Feb. 20, 2017`. A zone's abbreviation is used
    /// where the time zone database has a real one; otherwise the offset.
    pub fn moment(&self, z: &ZonedDateTime) -> String {
        self.text_with(
            Msg::Moment,
            &[
                ("time", &self.locale.time(z.time())),
                ("zone", &zone_name(z)),
                ("date", &self.locale.date(z.date())),
            ],
        )
    }
}

/// An org after the word that joins it to what it belongs to: `of the
/// APEC Secretariat`, `du Secrétariat`, `de l’APEC` (no space after an
/// elided article).
fn of(join: &str, org: &str) -> String {
    if join.is_empty() {
        org.to_string()
    } else if join.ends_with(['\'', '\u{2019}']) {
        format!("{join}{org}")
    } else {
        format!("{join} {org}")
    }
}

/// How a language sets quotations: its marks, and the punctuation
/// around an attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marks {
    pub open: String,
    pub close: String,
    pub inner_open: String,
    pub inner_close: String,
    /// Between a quotation's closing mark and the attribution after it:
    /// a space in English (`ready,” said`), `, ` in French (`prêts »,
    /// a déclaré`).
    pub to_attribution: String,
    /// After an attribution that the quotation goes on from.
    pub continues: String,
    /// After an attribution that ends its sentence.
    pub ends: String,
    /// After an attribution that leads its quotation.
    pub leads: String,
    /// Between the other parts of a quote's paragraph.
    pub gap: String,
    /// Whether the comma before an attribution stands inside the
    /// quotation's closing mark, written by the writer (English,
    /// Indonesian), or outside it, written by relc.
    pub comma_inside: bool,
    /// A space before `:`, `;`, `!` and `?` is a no-break space, as French
    /// sets them.
    pub spaced_punctuation: bool,
    /// A space that groups the digits of a number (`10 000`) is a
    /// no-break space, as French and Russian group them.
    pub spaced_digits: bool,
}

/// Where the speaker stands in an attribution: after the verb (`said
/// Dr Bollard`), before it (`Tan continued`), as a pronoun (`she
/// added`, `a-t-elle ajouté`), or leading the quotation (`Dr Bollard
/// said:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    VerbFirst,
    SpeakerFirst,
    Pronoun,
    Leads,
}

impl Order {
    /// Its name in a catalogue's selectors.
    pub fn word(self) -> &'static str {
        match self {
            Order::VerbFirst => "verb-first",
            Order::SpeakerFirst => "speaker-first",
            Order::Pronoun => "pronoun",
            Order::Leads => "leads",
        }
    }
}

/// A person's grammatical gender, for the words that agree with it
/// (Russian `заявила`, Arabic `قالت`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Feminine,
    Masculine,
    /// Not given: the catalogue's default form.
    #[default]
    Other,
}

impl Gender {
    pub const WORDS: &'static [&'static str] = &["feminine", "masculine"];

    pub fn from_word(w: &str) -> Option<Gender> {
        match w {
            "feminine" => Some(Gender::Feminine),
            "masculine" => Some(Gender::Masculine),
            _ => None,
        }
    }

    /// Its name in a catalogue's selectors.
    pub fn word(self) -> &'static str {
        match self {
            Gender::Feminine => "feminine",
            Gender::Masculine => "masculine",
            Gender::Other => "other",
        }
    }
}

/// A zone as a line of text names it at a moment: the abbreviation the
/// time zone database has for it then (`PDT`, `CET`), or else its offset
/// (`UTC+07:00`).
fn zone_name(z: &ZonedDateTime) -> String {
    let abbrev = z
        .time_zone()
        .to_offset_info(z.timestamp())
        .abbreviation()
        .to_string();
    if abbrev.chars().all(|c| c.is_ascii_alphabetic()) && !abbrev.is_empty() {
        abbrev
    } else {
        let secs = z.offset().seconds();
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.unsigned_abs();
        format!("UTC{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn british_and_american_ranges() {
        let (s, e) = (date(2017, 3, 2), date(2017, 3, 3));
        assert_eq!(Locale::EN_GB.dates(s, e, 2017), "2-3 March");
        assert_eq!(Locale::EN_US.dates(s, e, 2017), "March 2-3");
        assert_eq!(Locale::EN_GB.dates(s, e, 2016), "2-3 March 2017");
        assert_eq!(Locale::EN_US.dates(s, e, 2016), "March 2-3, 2017");
        assert_eq!(
            Locale::EN_GB.dates(date(2017, 2, 28), e, 2017),
            "28 February-3 March"
        );
        assert_eq!(
            Locale::EN_GB.dates(date(2017, 12, 30), date(2018, 1, 2), 2017),
            "30 December 2017-2 January 2018"
        );
        assert_eq!(Locale::EN_GB.dates(s, s, 2017), "2 March");
        // AP style abbreviates a month with a day, in running text too.
        let (o, n) = (date(2025, 10, 28), date(2025, 11, 4));
        assert_eq!(Locale::EN_US.dates(o, o, 2025), "Oct. 28");
        assert_eq!(Locale::EN_US.dates(o, n, 2025), "Oct. 28-Nov. 4");
        assert_eq!(
            Locale::EN_US.dates(date(2025, 9, 12), date(2025, 9, 12), 2024),
            "Sept. 12, 2025"
        );
        assert_eq!(
            Locale::EN_US.dates(date(2025, 7, 4), date(2025, 7, 4), 2025),
            "July 4"
        );
        assert_eq!(Locale::EN_GB.dates(o, o, 2025), "28 October");
    }

    #[test]
    fn dates_known_to_the_month_or_the_year() {
        use crate::model::Precision::{Month, Year};
        let (m1, m2) = (date(2017, 3, 1), date(2017, 3, 31));
        assert_eq!(Locale::EN_GB.dates_to(m1, m2, Month, 2017), "March");
        assert_eq!(Locale::EN_GB.dates_to(m1, m2, Month, 2016), "March 2017");
        // A month alone is spelled out in AP style too.
        let (s1, s2) = (date(2025, 9, 1), date(2025, 10, 31));
        assert_eq!(
            Locale::EN_US.dates_to(s1, s2, Month, 2024),
            "September-October 2025"
        );
        assert_eq!(
            Locale::EN_GB.dates_to(date(2017, 12, 1), date(2018, 1, 31), Month, 2017),
            "December 2017-January 2018"
        );
        let (y1, y2) = (date(2018, 1, 1), date(2018, 12, 31));
        assert_eq!(Locale::EN_GB.dates_to(y1, y2, Year, 2018), "2018");
        assert_eq!(
            Locale::EN_GB.dates_to(y1, date(2019, 12, 31), Year, 2017),
            "2018-2019"
        );
    }

    #[test]
    fn datelines() {
        let d = date(2017, 2, 21);
        let line = |(p, d): (String, String)| format!("{p}, {d}");
        assert_eq!(
            line(Locale::EN_GB.dateline("Nha Trang", Some("Viet Nam"), d)),
            "NHA TRANG, Viet Nam, 21 February 2017"
        );
        assert_eq!(
            line(Locale::EN_US.dateline("Nha Trang", Some("Viet Nam"), d)),
            "NHA TRANG, Viet Nam, Feb. 21, 2017"
        );
        assert_eq!(
            line(Locale::EN_US.dateline("Chicago", None, date(2017, 9, 5))),
            "CHICAGO, Sept. 5, 2017"
        );
        // AP: a state abbreviated, kept whole, or left out after a city
        // that stands alone; other countries as written.
        let may = date(2021, 5, 4);
        assert_eq!(
            line(Locale::EN_US.dateline("Irvine", Some("California"), may)),
            "IRVINE, Calif., May 4, 2021"
        );
        assert_eq!(
            line(Locale::EN_US.dateline("Austin", Some("Texas"), may)),
            "AUSTIN, Texas, May 4, 2021"
        );
        assert_eq!(
            line(Locale::EN_US.dateline("Seattle", Some("Washington"), may)),
            "SEATTLE, May 4, 2021"
        );
        assert_eq!(
            line(Locale::EN_US.dateline("Shenzhen", Some("China"), may)),
            "SHENZHEN, China, May 4, 2021"
        );
        assert_eq!(
            line(Locale::EN_GB.dateline("Irvine", Some("California"), may)),
            "IRVINE, California, 4 May 2021"
        );
    }

    #[test]
    fn embargo_moments() {
        let z: ZonedDateTime = "2017-02-20T09:00[Asia/Ho_Chi_Minh]".parse().unwrap();
        assert_eq!(
            Locale::EN_GB.words().moment(&z),
            "09:00 UTC+07:00 on 20 February 2017"
        );
        let z: ZonedDateTime = "2017-02-20T15:30[America/New_York]".parse().unwrap();
        assert_eq!(
            Locale::EN_US.words().moment(&z),
            "3:30 p.m. EST on Feb. 20, 2017"
        );
        let z: ZonedDateTime = "2017-02-20T15:00[America/New_York]".parse().unwrap();
        assert_eq!(
            Locale::EN_US.words().moment(&z),
            "3 p.m. EST on Feb. 20, 2017"
        );
    }

    #[test]
    fn meeting_times() {
        use jiff::civil::time;
        let d = date(2025, 10, 28);
        let la = Some("America/Los_Angeles");
        let us = |s, e| Locale::EN_US.times(d, s, e, la, "-");
        assert_eq!(
            us(time(14, 0, 0, 0), Some(time(15, 0, 0, 0))),
            "2-3 p.m. PDT"
        );
        assert_eq!(
            us(time(11, 30, 0, 0), Some(time(13, 0, 0, 0))),
            "11:30 a.m.-1 p.m. PDT"
        );
        assert_eq!(us(time(12, 0, 0, 0), None), "noon PDT");
        let gb = Locale::EN_GB.times(
            date(2017, 3, 2),
            time(9, 0, 0, 0),
            Some(time(17, 30, 0, 0)),
            Some("Asia/Ho_Chi_Minh"),
            "\u{2013}",
        );
        assert_eq!(gb, "09:00\u{2013}17:30 UTC+07:00");
        assert_eq!(
            Locale::EN_GB.times(d, time(9, 0, 0, 0), None, None, "-"),
            "09:00"
        );
    }

    fn locale(tag: &str) -> Locale {
        Locale::from_tag(tag).expect(tag)
    }

    #[test]
    fn tags_of_any_region_of_a_language_relc_writes() {
        assert_eq!(locale("fr-ca").tag(), "fr-CA");
        assert_eq!(locale("zh-Hans").lang(), Lang::Zh);
        assert_eq!(locale("es-419").tag(), "es-419");
        assert_eq!(Locale::from_tag("en-GX"), Err(LocaleError::NotATag));
        assert_eq!(
            Locale::from_tag("sw-KE"),
            Err(LocaleError::NoCatalogue {
                language: "sw".into()
            })
        );
        assert_eq!(Locale::from_tag("zh-TW"), Err(LocaleError::Traditional));
        assert_eq!(Locale::from_tag("zh-Hant"), Err(LocaleError::Traditional));
    }

    #[test]
    fn ranges_of_dates_as_each_language_writes_them() {
        let (s, e) = (date(2017, 3, 2), date(2017, 3, 3));
        let range = |tag: &str, year: i16| locale(tag).dates(s, e, year);
        assert_eq!(range("fr-FR", 2017), "2-3 mars");
        assert_eq!(range("de-DE", 2017), "2.-3. März");
        assert_eq!(range("es-ES", 2016), "2-3 de marzo de 2017");
        assert_eq!(range("ru-RU", 2017), "2-3 марта");
        assert_eq!(range("zh-Hans", 2017), "3月2日至3日");
        assert_eq!(range("zh-Hans", 2016), "2017年3月2日至3日");
        assert_eq!(range("ja-JP", 2017), "3月2日～3日");
        assert_eq!(range("ko-KR", 2017), "3월 2일~3일");
        let across = locale("fr-FR").dates(date(2017, 2, 28), e, 2016);
        assert_eq!(across, "28 février-3 mars 2017");
        assert_eq!(
            locale("zh-Hans").dates(date(2017, 2, 28), e, 2017),
            "2月28日至3月3日"
        );
    }

    #[test]
    fn attributions_with_each_language_s_grammar() {
        use Order::*;
        let say = |tag: &str, verb: &str, who: &str, order: Order, g: Gender| {
            locale(tag).words().attribution(verb, who, order, g, false)
        };
        // French inverts after a pronoun, and agrees a reflexive verb.
        assert_eq!(
            say("fr-FR", "said", "Marie Dupont", VerbFirst, Gender::Other),
            "a déclaré Marie Dupont"
        );
        assert_eq!(
            say("fr-FR", "added", "elle", Pronoun, Gender::Feminine),
            "a-t-elle ajouté"
        );
        assert_eq!(
            say(
                "fr-FR",
                "welcomed",
                "Marie Dupont",
                VerbFirst,
                Gender::Feminine
            ),
            "s’est félicitée Marie Dupont"
        );
        // Russian and Arabic verbs agree with their speaker.
        assert_eq!(
            say(
                "ru-RU",
                "stated",
                "Мария Иванова",
                VerbFirst,
                Gender::Feminine
            ),
            "заявила Мария Иванова"
        );
        assert_eq!(
            say("ar", "said", "الوزيرة", VerbFirst, Gender::Feminine),
            "قالت الوزيرة"
        );
        assert!(locale("ru-RU").words().verb_agrees("said"));
        assert!(!locale("ru-RU").words().verb_agrees("says"));
        assert!(!locale("en-GB").words().verb_agrees("said"));
        // German sends a particle to the end; Spanish drops a pronoun.
        assert_eq!(
            say("de-DE", "added", "Anna Müller", VerbFirst, Gender::Other),
            "fügte Anna Müller hinzu"
        );
        assert_eq!(
            say("es-ES", "added", "ella", Pronoun, Gender::Other),
            "añadió"
        );
        // Korean picks its particle by the sound the name ends with.
        assert_eq!(
            say("ko-KR", "said", "김 장관", VerbFirst, Gender::Other),
            "김 장관은 말했다"
        );
        assert_eq!(
            say("ko-KR", "said", "이 대표", VerbFirst, Gender::Other),
            "이 대표는 말했다"
        );
        assert_eq!(
            say("zh-Hans", "stressed", "王部长", VerbFirst, Gender::Other),
            "王部长强调"
        );
        assert_eq!(
            say("th-TH", "said", "นายสมชาย ใจดี", Leads, Gender::Other),
            "นายสมชาย ใจดี กล่าวว่า"
        );
        assert_eq!(
            say(
                "vi-VN",
                "said",
                "Bộ trưởng Nguyễn Văn An",
                VerbFirst,
                Gender::Other
            ),
            "Bộ trưởng Nguyễn Văn An cho biết"
        );
        assert_eq!(
            say("ja-JP", "said", "山田大臣", Leads, Gender::Other),
            "山田大臣は次のように述べました"
        );
        // And English reads as it always has.
        assert_eq!(
            say("en-GB", "said", "Dr Alan Bollard", VerbFirst, Gender::Other),
            "said Dr Alan Bollard"
        );
        assert_eq!(
            locale("en-GB").words().attribution(
                "said",
                "Dr Alan Bollard, Director",
                SpeakerFirst,
                Gender::Other,
                true
            ),
            "Dr Alan Bollard, Director, said"
        );
    }

    #[test]
    fn each_language_sets_its_own_quotation_marks() {
        let marks = |tag: &str| {
            let m = locale(tag).words().marks();
            format!("{}x{}", m.open, m.close)
        };
        assert_eq!(marks("en-GB"), "“x”");
        assert_eq!(marks("fr-FR"), "«\u{a0}x\u{a0}»");
        assert_eq!(marks("de-DE"), "„x“");
        assert_eq!(marks("ja-JP"), "「x」");
        assert_eq!(marks("ru-RU"), "«x»");
        assert!(locale("en-GB").words().marks().comma_inside);
        assert!(locale("zh-Hans").words().marks().comma_inside);
        assert!(!locale("fr-FR").words().marks().comma_inside);
        assert!(!locale("ja-JP").words().marks().comma_inside);
    }
}
