//! iCalendar (RFC 5545): one VEVENT per meeting.
//!
//! Everything is derived from the release, so the calendar is the same
//! byte for byte on every run: the UID from the release and meeting ids,
//! DTSTAMP from the dateline's date, and VTIMEZONE components from the
//! bundled time-zone database.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::contentline::{ContentLines, param, text};
use crate::model::{Meeting, MeetingStatus, PlaceDetail, Release};

pub fn emit(r: &Release) -> String {
    let mut l = ContentLines::default();
    l.push("BEGIN", "VCALENDAR");
    l.push("VERSION", "2.0");
    l.push(
        "PRODID",
        &format!("-//relc//relc {}//EN", env!("CARGO_PKG_VERSION")),
    );
    l.push("CALSCALE", "GREGORIAN");
    l.push("METHOD", "PUBLISH");

    // One VTIMEZONE for each zone a timed meeting uses, covering the
    // meetings in it.
    let mut zones: Vec<(&str, Vec<&Meeting>)> = Vec::new();
    for m in r.meetings.iter().filter(|m| m.start_time.is_some()) {
        if let Some(z) = m.zone.as_deref() {
            match zones.iter_mut().find(|(name, _)| *name == z) {
                Some((_, ms)) => ms.push(m),
                None => zones.push((z, vec![m])),
            }
        }
    }
    for (name, meetings) in &zones {
        vtimezone(&mut l, name, meetings);
    }

    let domain = r.domain();
    let stamp = format!("{}T000000Z", compact_date(r.dateline.date));
    // A meeting known only to the month or the year has no day to put in
    // a calendar.
    for m in r.calendar_meetings() {
        l.push("BEGIN", "VEVENT");
        l.push("UID", &format!("{}.{}@{domain}", m.id, r.id));
        l.push("DTSTAMP", &stamp);
        match (m.start_time, m.zone.as_deref()) {
            (None, _) => {
                l.push("DTSTART;VALUE=DATE", &compact_date(m.start));
                // The end of an all-day event is exclusive: the day after.
                let after = m.end.tomorrow().unwrap_or(m.end);
                l.push("DTEND;VALUE=DATE", &compact_date(after));
            }
            (Some(start), zone) => {
                let tz = zone
                    .map(|z| format!(";TZID={}", param(z)))
                    .unwrap_or_default();
                l.push(
                    &format!("DTSTART{tz}"),
                    &compact(m.start.to_datetime(start)),
                );
                if let Some(end) = m.end_time {
                    l.push(&format!("DTEND{tz}"), &compact(m.end.to_datetime(end)));
                }
            }
        }
        l.push("SUMMARY", &text(&m.title));
        if m.place.is_some() || m.online.is_some() {
            l.push(
                "LOCATION",
                &text(&r.meeting_place_text(m, PlaceDetail::Address)),
            );
        }
        if let Some(u) = &m.online {
            l.push("URL", u);
        }
        if let Some((name, email)) = organizer(r, m) {
            l.push(
                &format!("ORGANIZER;CN={}", param(name)),
                &format!("mailto:{email}"),
            );
        }
        l.push("DESCRIPTION", &text(&r.headline));
        l.push(
            "STATUS",
            match m.status {
                MeetingStatus::Cancelled => "CANCELLED",
                MeetingStatus::Postponed => "TENTATIVE",
                _ => "CONFIRMED",
            },
        );
        l.push("END", "VEVENT");
    }
    l.push("END", "VCALENDAR");
    l.finish()
}

/// The organiser, else the host, else the chair, where that person or org
/// has an e-mail.
fn organizer<'a>(r: &'a Release, m: &Meeting) -> Option<(&'a str, &'a str)> {
    m.organisers
        .iter()
        .chain(&m.hosts)
        .chain(&m.chairs)
        .filter_map(|id| r.party(id))
        .find_map(|p| p.email().map(|e| (p.name(), e)))
}

fn compact_date(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

fn compact(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, s % 3600 / 60)
}

/// A VTIMEZONE with the rule in force when the first meeting starts and
/// every transition until the last one ends, from the tz database.
fn vtimezone(l: &mut ContentLines, name: &str, meetings: &[&Meeting]) {
    let Ok(tz) = TimeZone::get(name) else {
        return;
    };
    let at = |d: Date, t: Option<Time>| {
        tz.to_timestamp(d.to_datetime(t.unwrap_or(Time::midnight())))
            .unwrap_or(Timestamp::UNIX_EPOCH)
    };
    let first = meetings.iter().map(|m| at(m.start, m.start_time)).min();
    let last = meetings
        .iter()
        .map(|m| at(m.end, m.end_time.or(m.start_time)))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    l.push("BEGIN", "VTIMEZONE");
    l.push("TZID", name);
    let second = SignedDuration::from_secs(1);
    // A change of offset: when, from what to what, whether to summer
    // time, and its abbreviation.
    let change = |t: jiff::tz::TimeZoneTransition<'_>| {
        (
            t.timestamp(),
            tz.to_offset(t.timestamp() - second).seconds(),
            t.offset().seconds(),
            t.dst().is_dst(),
            t.abbreviation().to_string(),
        )
    };
    let in_force = tz.preceding(first + second).next();
    let mut components: Vec<(Timestamp, i32, i32, bool, String)> = Vec::new();
    match in_force {
        Some(t) => components.push(change(t)),
        None => {
            // A zone that has never changed: one rule since the epoch.
            let off = tz.to_offset(first).seconds();
            let info = tz.to_offset_info(first);
            components.push((
                Timestamp::UNIX_EPOCH,
                off,
                off,
                info.dst().is_dst(),
                info.abbreviation().to_string(),
            ));
        }
    }
    components.extend(
        tz.following(first)
            .take_while(|t| t.timestamp() <= last)
            .map(change),
    );
    for (ts, from, to, dst, abbrev) in components {
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        // DTSTART is the local time of the change, before it happens.
        let local = jiff::tz::Offset::from_seconds(from)
            .map(|o| o.to_datetime(ts))
            .unwrap_or_else(|_| ts.to_zoned_datetime(TimeZone::UTC).datetime());
        l.push("BEGIN", kind);
        l.push("DTSTART", &compact(local));
        l.push("TZOFFSETFROM", &utc_offset(from));
        l.push("TZOFFSETTO", &utc_offset(to));
        if abbrev.chars().all(|c| c.is_ascii_alphabetic()) && !abbrev.is_empty() {
            l.push("TZNAME", &text(&abbrev));
        }
        l.push("END", kind);
    }
    l.push("END", "VTIMEZONE");
}
