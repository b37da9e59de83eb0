//! vCard 4.0 (RFC 6350): one card per contact of the release.

use super::contentline::{ContentLines, text};
use crate::locale::Msg;
use crate::model::{ContactRole, PhoneLabel, Release};

pub fn emit(r: &Release) -> String {
    let mut l = ContentLines::default();
    let tag = r.tag_uri();
    // The contacts the blocks list, in order; every contact when the
    // release has no contacts block.
    let listed: Vec<&str> = if r.contact_groups.is_empty() {
        r.contacts.iter().map(|c| c.id.as_str()).collect()
    } else {
        r.contact_groups
            .iter()
            .flat_map(|g| g.contacts.iter().map(String::as_str))
            .collect()
    };
    for c in listed.iter().filter_map(|id| r.contact(id)) {
        l.push("BEGIN", "VCARD");
        l.push("VERSION", "4.0");
        l.push("FN", &text(&c.name));
        if let Some(o) = c.org.as_deref().and_then(|o| r.org(o)) {
            // ORG is structured: its components are separated by `;`.
            l.push("ORG", &text(&o.name));
        }
        if let Some(t) = &c.title {
            l.push("TITLE", &text(t));
        }
        if let Some(n) = &c.note {
            l.push("NOTE", &text(n));
        }
        l.push(
            "ROLE",
            &r.words().text(match c.role {
                ContactRole::Media => Msg::RoleMedia,
                ContactRole::Investor => Msg::RoleInvestor,
                ContactRole::Analyst => Msg::RoleAnalyst,
                ContactRole::General => Msg::RoleGeneral,
            }),
        );
        for p in &c.phones {
            // RFC 6350 types a number by what it is for; out of hours has
            // no registered type, so it is an x-name beside `voice`.
            let ty = match p.label {
                Some(PhoneLabel::Mobile) => "work,cell",
                Some(PhoneLabel::Fax) => "work,fax",
                Some(PhoneLabel::OutOfHours) => "work,voice,x-out-of-hours",
                Some(PhoneLabel::Office) | None => "work,voice",
            };
            l.push(
                &format!("TEL;VALUE=uri;TYPE={ty}"),
                &format!("tel:{}", p.e164),
            );
        }
        for e in &c.emails {
            l.push("EMAIL;TYPE=work", &text(e));
        }
        l.push("UID", &format!("{tag}/{}", c.id));
        l.push("END", "VCARD");
    }
    l.finish()
}
