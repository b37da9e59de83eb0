//! Dates as CLDR writes them in a locale, through ICU4X with its compiled
//! data: the long date (`21 February 2017`), the day and month (`21
//! February`), the month alone (`March`), the month and year (`March
//! 2017`) and the day of the week (`Tuesday`). House styles that CLDR does
//! not know (AP's abbreviations in American English) stay in
//! [`super::Locale`], on top of these.
//!
//! A locale's formatters are made once per process and kept: a batch
//! build formats thousands of dates.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use icu_calendar::{Date, Iso};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter, fieldsets};
use icu_locale_core::Locale;

/// The formatters of one locale.
pub struct Formats {
    ymd: DateTimeFormatter<fieldsets::YMD>,
    md: DateTimeFormatter<fieldsets::MD>,
    m: DateTimeFormatter<fieldsets::M>,
    ym: DateTimeFormatter<fieldsets::YM>,
    e: DateTimeFormatter<fieldsets::E>,
    d: DateTimeFormatter<fieldsets::D>,
    t: NoCalendarFormatter<fieldsets::T>,
    and: icu_list::ListFormatter,
}

/// The formats of a locale by its tag (`en-GB`), made on first use; none
/// for a tag CLDR cannot read.
pub fn formats(tag: &'static str) -> Option<&'static Formats> {
    static MADE: LazyLock<Mutex<HashMap<&'static str, Option<&'static Formats>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    *made.entry(tag).or_insert_with(|| {
        let locale: Locale = tag.parse().ok()?;
        let prefs = || locale.clone().into();
        let formats = Formats {
            ymd: DateTimeFormatter::try_new(prefs(), fieldsets::YMD::long()).ok()?,
            md: DateTimeFormatter::try_new(prefs(), fieldsets::MD::long()).ok()?,
            m: DateTimeFormatter::try_new(prefs(), fieldsets::M::long()).ok()?,
            ym: DateTimeFormatter::try_new(month_year_prefs(&locale), fieldsets::YM::long())
                .ok()?,
            e: DateTimeFormatter::try_new(prefs(), fieldsets::E::long()).ok()?,
            d: DateTimeFormatter::try_new(prefs(), fieldsets::D::long()).ok()?,
            t: NoCalendarFormatter::try_new(prefs(), fieldsets::T::hm()).ok()?,
            and: icu_list::ListFormatter::try_new_and(
                list_prefs(&locale),
                icu_list::options::ListFormatterOptions::default()
                    .with_length(icu_list::options::ListLength::Wide),
            )
            .ok()?,
        };
        // Kept for the life of the process, as the compiled data is.
        Some(&*Box::leak(Box::new(formats)))
    })
}

/// The preferences for the month and year. ICU4X 2.4 fails to format
/// them in Brazilian Portuguese (its pattern asks for a number formatter
/// it never loads); European Portuguese writes them the same way (`março
/// de 2017`), and is used instead.
fn month_year_prefs(locale: &Locale) -> icu_datetime::DateTimeFormatterPreferences {
    if locale.id.language.as_str() == "pt" && locale.id.region.is_none_or(|r| r.as_str() != "PT") {
        let pt: Locale = icu_locale_core::locale!("pt-PT");
        return pt.into();
    }
    locale.clone().into()
}

/// The preferences for lists. English lists take no comma before their
/// `and` (`APEC, ABAC and PECC`): British usage, and AP style's in
/// American English, over CLDR's serial comma for `en-US`.
fn list_prefs(locale: &Locale) -> icu_list::ListFormatterPreferences {
    if locale.id.language.as_str() == "en" {
        let gb: Locale = icu_locale_core::locale!("en-GB");
        return gb.into();
    }
    locale.clone().into()
}

fn iso(d: jiff::civil::Date) -> Option<Date<Iso>> {
    Date::try_new_iso(
        i32::from(d.year()),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

impl Formats {
    /// `21 February 2017`.
    pub fn date(&self, d: jiff::civil::Date) -> Option<String> {
        Some(self.ymd.format(&iso(d)?).to_string())
    }

    /// `21 February`.
    pub fn day_month(&self, d: jiff::civil::Date) -> Option<String> {
        Some(self.md.format(&iso(d)?).to_string())
    }

    /// `March`: the month of `d`, standing alone.
    pub fn month(&self, d: jiff::civil::Date) -> Option<String> {
        Some(self.m.format(&iso(d)?).to_string())
    }

    /// `March 2017`.
    pub fn month_year(&self, d: jiff::civil::Date) -> Option<String> {
        Some(self.ym.format(&iso(d)?).to_string())
    }

    /// `2`, `2日`, `٢`: the day of the month, as the locale writes it
    /// alone.
    pub fn day(&self, d: jiff::civil::Date) -> Option<String> {
        Some(self.d.format(&iso(d)?).to_string())
    }

    /// `14:30`, `오후 2:30`: a time of day, to the minute.
    pub fn time(&self, t: jiff::civil::Time) -> Option<String> {
        let t = icu_datetime::input::Time::try_new(
            u8::try_from(t.hour()).ok()?,
            u8::try_from(t.minute()).ok()?,
            0,
            0,
        )
        .ok()?;
        Some(self.t.format(&t).to_string())
    }

    /// Items joined as a list with `and`: `APEC and ABAC`, `España, Suiza
    /// e Italia`, `APEC和ABAC`.
    pub fn and_list(&self, items: &[&str]) -> String {
        self.and.format(items.iter()).to_string()
    }

    /// `Tuesday`.
    pub fn weekday(&self, d: jiff::civil::Date) -> Option<String> {
        Some(self.e.format(&iso(d)?).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn cldr_writes_english_as_relc_always_has() {
        let f = formats("en-GB").expect("en-GB");
        let d = date(2017, 2, 21);
        assert_eq!(f.date(d).as_deref(), Some("21 February 2017"));
        assert_eq!(f.day_month(d).as_deref(), Some("21 February"));
        assert_eq!(f.month(d).as_deref(), Some("February"));
        assert_eq!(f.month_year(d).as_deref(), Some("February 2017"));
        assert_eq!(f.weekday(d).as_deref(), Some("Tuesday"));
    }

    #[test]
    fn and_other_languages_as_they_write_them() {
        let d = date(2017, 2, 21);
        let fr = formats("fr-FR").expect("fr-FR");
        assert_eq!(fr.date(d).as_deref(), Some("21 février 2017"));
        let zh = formats("zh-Hans").expect("zh-Hans");
        assert_eq!(zh.date(d).as_deref(), Some("2017年2月21日"));
        assert!(formats("not a tag").is_none());
        // Each language's own ways: German ordinal days, Russian months
        // in the genitive, Korean and Arabic times, Thai Buddhist years,
        // Egyptian Arabic's own digits.
        let on = |tag: &'static str| formats(tag).expect(tag);
        let march = date(2017, 3, 2);
        assert_eq!(on("de-DE").day_month(march).as_deref(), Some("2. März"));
        assert_eq!(on("ru-RU").day_month(march).as_deref(), Some("2 марта"));
        assert_eq!(on("zh-Hans").day(march).as_deref(), Some("2日"));
        assert_eq!(on("th-TH").date(march).as_deref(), Some("2 มีนาคม 2560"));
        assert_eq!(on("ar-EG").day(march).as_deref(), Some("٢"));
        let t = jiff::civil::time(14, 30, 0, 0);
        assert_eq!(on("ko-KR").time(t).as_deref(), Some("오후 2:30"));
        assert_eq!(on("fr-FR").time(t).as_deref(), Some("14:30"));
        assert_eq!(on("en-US").and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(
            on("es-ES").and_list(&["España", "Suiza", "Italia"]),
            "España, Suiza e Italia"
        );
        // And the month and year in Brazilian Portuguese, which ICU4X
        // 2.4 cannot format itself.
        assert_eq!(
            on("pt-BR").month_year(march).as_deref(),
            Some("março de 2017")
        );
    }
}
