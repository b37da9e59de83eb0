//! IPTC ninjs 2.2: the release as newsroom systems (Superdesk and others)
//! exchange news items.

use serde_json::{Value, json};

use crate::model::{
    Block, ContactRole, Image, MediaContact, Org, Person, PhoneLabel, Place, PlaceDetail, Release,
};

pub const NINJS_VERSION: &str = "2.2";
pub const NINJS_SCHEMA: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#";

/// The ninjs document. Its HTML body is the built-in page's fragment: when
/// the template fails, there is no document.
pub fn emit(r: &Release) -> Result<String, minijinja::Error> {
    let created = r.created();
    let mut people = people(r);
    people.extend(contacts(r));
    let events: Vec<Value> = r
        .meetings
        .iter()
        .map(|m| json!({ "name": m.title, "rel": "about", "literal": m.id }))
        .collect();

    // Where the release is issued; none for a dateline without a place.
    let located = r
        .dateline_place()
        .map(|p| {
            p.line(
                PlaceDetail::Locality,
                &r.words().text(crate::locale::Msg::Comma),
            )
        })
        .or_else(|| r.dateline.place_text.clone());

    let mut doc = json!({
        "uri": r.tag_uri(),
        "standard": { "name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA },
        "type": "text",
        "representationtype": "full",
        "profile": "press-release",
        "version": "1",
        "firstcreated": created,
        "versioncreated": created,
        "pubstatus": "usable",
        "language": r.locale,
        "headlines": headlines(r),
        "bodies": bodies(r)?,
        "people": people,
        "organisations": organisations(r),
        "places": places(r),
        "events": events,
        "located": located,
    });
    if located.is_none()
        && let Some(m) = doc.as_object_mut()
    {
        m.remove("located");
    }
    if let Some(e) = &r.embargo {
        doc["embargoed"] = e.utc.clone().into();
    }
    let by = r.issuer_names();
    if !by.is_empty() {
        doc["by"] = by.into();
    }
    // The pictures, then the release in its other languages.
    let languages = r.translations.iter().map(|l| {
        json!({
            "name": format!("translation-{}", l.locale.tag()),
            "uri": r.tag_uri_of(&l.id),
            "type": "text",
            "language": l.locale,
        })
    });
    set_list(
        &mut doc,
        "associations",
        pictures(r).into_iter().chain(languages),
    );
    set_list(
        &mut doc,
        "subjects",
        r.topics.iter().map(|t| json!({ "name": t })),
    );
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    Ok(s)
}

/// The headline, then the subheadline and the kicker where there are.
fn headlines(r: &Release) -> Vec<Value> {
    let mut headlines =
        vec![json!({ "role": "main", "contenttype": "text/plain", "value": r.headline })];
    if let Some(s) = &r.subheadline {
        headlines.push(json!({ "role": "sub", "contenttype": "text/plain", "value": s }));
    }
    if let Some(k) = &r.kicker {
        headlines.push(json!({ "role": "kicker", "contenttype": "text/plain", "value": k }));
    }
    headlines
}

/// The release as an HTML fragment and as wire text.
fn bodies(r: &Release) -> Result<Vec<Value>, minijinja::Error> {
    let html = super::html::emit(
        r,
        super::HtmlOptions {
            fragment: true,
            ..Default::default()
        },
    )?;
    let text = super::text::emit(r, super::TextOptions::default());
    let bodies = vec![
        json!({ "role": "main", "contenttype": "text/html", "value": html }),
        json!({
            "role": "main",
            "contenttype": "text/plain",
            "charcount": text.chars().count(),
            "wordcount": text.split_whitespace().count(),
            "value": text,
        }),
    ];
    Ok(bodies)
}

/// A person, org or contact as ninjs names one: its name, its relation to
/// the release, and its id in the source.
fn entity(name: &str, rel: &str, id: &str) -> Value {
    json!({ "name": name, "rel": rel, "literal": id })
}

/// The people of the release, quoted or mentioned.
fn people(r: &Release) -> Vec<Value> {
    let quoted: Vec<&str> = r
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote(q) => Some(q.speaker.as_str()),
            _ => None,
        })
        .collect();
    r.people
        .iter()
        .map(|p| person(p, quoted.contains(&p.id.as_str())))
        .collect()
}

fn person(p: &Person, quoted: bool) -> Value {
    let mut v = entity(&p.name, if quoted { "quoted" } else { "mentioned" }, &p.id);
    if let Some(e) = &p.email {
        v["contactinfo"] = json!([{ "type": "email", "role": "office", "value": e }]);
    }
    v
}

/// The listed contacts, in the order the contacts block lists them, each
/// with how to reach them.
fn contacts(r: &Release) -> Vec<Value> {
    let mut out = Vec::new();
    for MediaContact { contact: c, .. } in r.media_contact_list() {
        let mut info: Vec<Value> = c
            .phones
            .iter()
            .map(|p| {
                // ninjs: `type` is the means (phone, mobile, fax), `role`
                // the use (office, out-of-hours).
                let (kind, role) = match p.label {
                    Some(PhoneLabel::Mobile) => ("mobile", "office"),
                    Some(PhoneLabel::Fax) => ("fax", "office"),
                    Some(PhoneLabel::OutOfHours) => ("phone", "out-of-hours"),
                    Some(PhoneLabel::Office) | None => ("phone", "office"),
                };
                json!({ "type": kind, "role": role, "name": p.text, "value": p.e164 })
            })
            .collect();
        info.extend(
            c.emails
                .iter()
                .map(|e| json!({ "type": "email", "role": "office", "value": e })),
        );
        let rel = match c.role {
            ContactRole::Investor => "investor-contact",
            ContactRole::Analyst => "analyst-contact",
            ContactRole::General => "contact",
            ContactRole::Media => "media-contact",
        };
        let mut v = entity(&c.name, rel, &c.id);
        v["contactinfo"] = info.into();
        out.push(v);
    }
    out
}

/// The images the release shows, as associated pictures, in the order they
/// stand: each with its description for a reader who cannot see it, its
/// caption as its headline, and its credit.
fn pictures(r: &Release) -> Vec<Value> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Image>) {
        for b in blocks {
            match b {
                Block::Figure(img) => out.push(img),
                Block::List { items, .. } => {
                    for item in items {
                        walk(&item.children, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut images = Vec::new();
    walk(&r.body, &mut images);
    images
        .into_iter()
        .map(|img| {
            let mut v = json!({
                "name": img.id,
                "uri": img.src,
                "type": "picture",
                "descriptions": [{ "role": "alt", "value": img.alt }],
            });
            if let Some(c) = &img.caption {
                v["headlines"] = json!([{ "value": c }]);
            }
            if let Some(c) = &img.credit {
                v["copyrightnotice"] = c.clone().into();
            }
            v
        })
        .collect()
}

/// The orgs: the issuer, and those the release mentions.
fn organisations(r: &Release) -> Vec<Value> {
    r.orgs
        .iter()
        .map(|o| organisation(o, r.is_issuer(&o.id)))
        .collect()
}

fn organisation(o: &Org, issuer: bool) -> Value {
    let mut v = entity(&o.name, if issuer { "issuer" } else { "mentioned" }, &o.id);
    let mut info = Vec::new();
    if let Some(u) = &o.url {
        info.push(json!({ "type": "web", "value": u }));
    }
    if let Some(e) = &o.email {
        info.push(json!({ "type": "email", "value": e }));
    }
    set_list(&mut v, "contactinfo", info);
    set_list(
        &mut v,
        "symbols",
        o.tickers
            .iter()
            .map(|t| json!({ "ticker": t.symbol, "exchange": t.exchange })),
    );
    v
}

/// Sets `key` to the list, unless the list is empty: ninjs leaves an empty
/// list out.
fn set_list(v: &mut Value, key: &str, items: impl IntoIterator<Item = Value>) {
    let items: Vec<Value> = items.into_iter().collect();
    if !items.is_empty() {
        v[key] = items.into();
    }
}

/// The places, with their addresses.
fn places(r: &Release) -> Vec<Value> {
    r.places.iter().map(place).collect()
}

fn place(p: &Place) -> Value {
    let mut v = json!({ "name": p.name, "literal": p.id });
    if let Some(a) = &p.address {
        v["contactinfo"] = json!([{
            "type": "address",
            "address": { "lines": [a], "locality": p.name, "country": p.country },
        }]);
    }
    v
}
