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
use std::sync::LazyLock;

pub mod cldr;
pub mod messages;

pub use messages::Msg;

/// A supported locale. Its tag is kept as written in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub enum Locale {
    /// The locale of a release that names none.
    #[default]
    #[serde(rename = "en-GB")]
    EnGb,
    #[serde(rename = "en-US")]
    EnUs,
    #[serde(rename = "en-AU")]
    EnAu,
    #[serde(rename = "en-IE")]
    EnIe,
    #[serde(rename = "en-NZ")]
    EnNz,
}

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
    pub const TAGS: &'static [&'static str] = &["en-GB", "en-US", "en-AU", "en-IE", "en-NZ"];

    pub fn from_tag(tag: &str) -> Option<Locale> {
        Some(match tag {
            "en-GB" => Locale::EnGb,
            "en-US" => Locale::EnUs,
            "en-AU" => Locale::EnAu,
            "en-IE" => Locale::EnIe,
            "en-NZ" => Locale::EnNz,
            _ => return None,
        })
    }

    /// The language of the locale, for its message catalogue: `en`.
    pub fn language(self) -> &'static str {
        "en"
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnGb => "en-GB",
            Locale::EnUs => "en-US",
            Locale::EnAu => "en-AU",
            Locale::EnIe => "en-IE",
            Locale::EnNz => "en-NZ",
        }
    }

    /// Whether the month comes before the day.
    fn month_first(self) -> bool {
        self == Locale::EnUs
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
        if self == Locale::EnUs {
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
        if start.year() != end.year() {
            return format!("{}-{}", self.date(start), self.date(end));
        }
        let year = if start.year() == context_year {
            String::new()
        } else if self.month_first() {
            format!(", {}", start.year())
        } else {
            format!(" {}", start.year())
        };
        let (ms, me) = (self.month_with_day(start), self.month_with_day(end));
        if start.month() == end.month() {
            if self.month_first() {
                format!("{ms} {}-{}{year}", start.day(), end.day())
            } else {
                format!("{}-{} {ms}{year}", start.day(), end.day())
            }
        } else if self.month_first() {
            format!("{ms} {}-{me} {}{year}", start.day(), end.day())
        } else {
            format!("{} {ms}-{} {me}{year}", start.day(), end.day())
        }
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
            Some(state) if self == Locale::EnUs => {
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
            Some(c) => format!("{city}, {c}"),
            None => city,
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
        // The language's are formatted once per process: every page of a
        // batch build asks for them.
        static ENGLISH: LazyLock<BTreeMap<String, String>> = LazyLock::new(|| {
            Msg::ALL
                .iter()
                .filter_map(|m| {
                    let text = messages::english().plain(m.id())?;
                    Some((m.id().replace('-', "_"), text))
                })
                .collect()
        });
        let mut words = ENGLISH.clone();
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
        if let Some(text) = self.house.get(m.id(), args) {
            return text;
        }
        // Every message is in the English catalogue (its test holds it
        // to [`Msg::ALL`]), so the id is never what is printed.
        messages::english()
            .get(m.id(), args)
            .unwrap_or_else(|| m.id().to_string())
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
        assert_eq!(Locale::EnGb.dates(s, e, 2017), "2-3 March");
        assert_eq!(Locale::EnUs.dates(s, e, 2017), "March 2-3");
        assert_eq!(Locale::EnGb.dates(s, e, 2016), "2-3 March 2017");
        assert_eq!(Locale::EnUs.dates(s, e, 2016), "March 2-3, 2017");
        assert_eq!(
            Locale::EnGb.dates(date(2017, 2, 28), e, 2017),
            "28 February-3 March"
        );
        assert_eq!(
            Locale::EnGb.dates(date(2017, 12, 30), date(2018, 1, 2), 2017),
            "30 December 2017-2 January 2018"
        );
        assert_eq!(Locale::EnGb.dates(s, s, 2017), "2 March");
        // AP style abbreviates a month with a day, in running text too.
        let (o, n) = (date(2025, 10, 28), date(2025, 11, 4));
        assert_eq!(Locale::EnUs.dates(o, o, 2025), "Oct. 28");
        assert_eq!(Locale::EnUs.dates(o, n, 2025), "Oct. 28-Nov. 4");
        assert_eq!(
            Locale::EnUs.dates(date(2025, 9, 12), date(2025, 9, 12), 2024),
            "Sept. 12, 2025"
        );
        assert_eq!(
            Locale::EnUs.dates(date(2025, 7, 4), date(2025, 7, 4), 2025),
            "July 4"
        );
        assert_eq!(Locale::EnGb.dates(o, o, 2025), "28 October");
    }

    #[test]
    fn dates_known_to_the_month_or_the_year() {
        use crate::model::Precision::{Month, Year};
        let (m1, m2) = (date(2017, 3, 1), date(2017, 3, 31));
        assert_eq!(Locale::EnGb.dates_to(m1, m2, Month, 2017), "March");
        assert_eq!(Locale::EnGb.dates_to(m1, m2, Month, 2016), "March 2017");
        // A month alone is spelled out in AP style too.
        let (s1, s2) = (date(2025, 9, 1), date(2025, 10, 31));
        assert_eq!(
            Locale::EnUs.dates_to(s1, s2, Month, 2024),
            "September-October 2025"
        );
        assert_eq!(
            Locale::EnGb.dates_to(date(2017, 12, 1), date(2018, 1, 31), Month, 2017),
            "December 2017-January 2018"
        );
        let (y1, y2) = (date(2018, 1, 1), date(2018, 12, 31));
        assert_eq!(Locale::EnGb.dates_to(y1, y2, Year, 2018), "2018");
        assert_eq!(
            Locale::EnGb.dates_to(y1, date(2019, 12, 31), Year, 2017),
            "2018-2019"
        );
    }

    #[test]
    fn datelines() {
        let d = date(2017, 2, 21);
        let line = |(p, d): (String, String)| format!("{p}, {d}");
        assert_eq!(
            line(Locale::EnGb.dateline("Nha Trang", Some("Viet Nam"), d)),
            "NHA TRANG, Viet Nam, 21 February 2017"
        );
        assert_eq!(
            line(Locale::EnUs.dateline("Nha Trang", Some("Viet Nam"), d)),
            "NHA TRANG, Viet Nam, Feb. 21, 2017"
        );
        assert_eq!(
            line(Locale::EnUs.dateline("Chicago", None, date(2017, 9, 5))),
            "CHICAGO, Sept. 5, 2017"
        );
        // AP: a state abbreviated, kept whole, or left out after a city
        // that stands alone; other countries as written.
        let may = date(2021, 5, 4);
        assert_eq!(
            line(Locale::EnUs.dateline("Irvine", Some("California"), may)),
            "IRVINE, Calif., May 4, 2021"
        );
        assert_eq!(
            line(Locale::EnUs.dateline("Austin", Some("Texas"), may)),
            "AUSTIN, Texas, May 4, 2021"
        );
        assert_eq!(
            line(Locale::EnUs.dateline("Seattle", Some("Washington"), may)),
            "SEATTLE, May 4, 2021"
        );
        assert_eq!(
            line(Locale::EnUs.dateline("Shenzhen", Some("China"), may)),
            "SHENZHEN, China, May 4, 2021"
        );
        assert_eq!(
            line(Locale::EnGb.dateline("Irvine", Some("California"), may)),
            "IRVINE, California, 4 May 2021"
        );
    }

    #[test]
    fn embargo_moments() {
        let z: ZonedDateTime = "2017-02-20T09:00[Asia/Ho_Chi_Minh]".parse().unwrap();
        assert_eq!(
            Locale::EnGb.words().moment(&z),
            "09:00 UTC+07:00 on 20 February 2017"
        );
        let z: ZonedDateTime = "2017-02-20T15:30[America/New_York]".parse().unwrap();
        assert_eq!(
            Locale::EnUs.words().moment(&z),
            "3:30 p.m. EST on Feb. 20, 2017"
        );
        let z: ZonedDateTime = "2017-02-20T15:00[America/New_York]".parse().unwrap();
        assert_eq!(
            Locale::EnUs.words().moment(&z),
            "3 p.m. EST on Feb. 20, 2017"
        );
    }

    #[test]
    fn meeting_times() {
        use jiff::civil::time;
        let d = date(2025, 10, 28);
        let la = Some("America/Los_Angeles");
        let us = |s, e| Locale::EnUs.times(d, s, e, la, "-");
        assert_eq!(
            us(time(14, 0, 0, 0), Some(time(15, 0, 0, 0))),
            "2-3 p.m. PDT"
        );
        assert_eq!(
            us(time(11, 30, 0, 0), Some(time(13, 0, 0, 0))),
            "11:30 a.m.-1 p.m. PDT"
        );
        assert_eq!(us(time(12, 0, 0, 0), None), "noon PDT");
        let gb = Locale::EnGb.times(
            date(2017, 3, 2),
            time(9, 0, 0, 0),
            Some(time(17, 30, 0, 0)),
            Some("Asia/Ho_Chi_Minh"),
            "\u{2013}",
        );
        assert_eq!(gb, "09:00\u{2013}17:30 UTC+07:00");
        assert_eq!(
            Locale::EnGb.times(d, time(9, 0, 0, 0), None, None, "-"),
            "09:00"
        );
    }
}
