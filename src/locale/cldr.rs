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
use icu_datetime::{DateTimeFormatter, fieldsets};
use icu_locale_core::Locale;

/// The formatters of one locale.
pub struct Formats {
    ymd: DateTimeFormatter<fieldsets::YMD>,
    md: DateTimeFormatter<fieldsets::MD>,
    m: DateTimeFormatter<fieldsets::M>,
    ym: DateTimeFormatter<fieldsets::YM>,
    e: DateTimeFormatter<fieldsets::E>,
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
            ym: DateTimeFormatter::try_new(prefs(), fieldsets::YM::long()).ok()?,
            e: DateTimeFormatter::try_new(prefs(), fieldsets::E::long()).ok()?,
        };
        // Kept for the life of the process, as the compiled data is.
        Some(&*Box::leak(Box::new(formats)))
    })
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
    }
}
