//! schema.org JSON-LD for the page, safe inside a `<script>` element: the
//! NewsArticle, an Event for each meeting, a Person for each speaker, and
//! the contacts as ContactPoints of the publisher.

use serde_json::{Value, json};

use crate::model::{
    Block, Contact, ContactRole, Image, MediaContact, Meeting, MeetingStatus, Place, Release,
};

/// The graph: the article first, then the events and the people it is
/// about, each linked from the article by its `@id`.
pub fn emit(r: &Release) -> String {
    let mut article = article(r);
    let events: Vec<Value> = r.meetings.iter().map(|m| event(r, m)).collect();
    if !events.is_empty() {
        article["about"] = ids(&events);
    }
    let people: Vec<Value> = speakers(r)
        .into_iter()
        .filter_map(|s| person(r, s))
        .collect();
    if !people.is_empty() {
        article["mentions"] = ids(&people);
    }
    let mut graph = vec![article];
    graph.extend(events);
    graph.extend(people);
    let doc = json!({ "@context": "https://schema.org", "@graph": graph });
    let text = serde_json::to_string(&doc).unwrap_or_default();
    // `</` would end the script element; `<!--` would open a comment.
    text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
}

/// References to nodes of the graph by their `@id`.
fn ids(nodes: &[Value]) -> Value {
    nodes
        .iter()
        .map(|n| json!({ "@id": n["@id"] }))
        .collect::<Vec<_>>()
        .into()
}

/// The NewsArticle: the release, by its issuer, published by it with its
/// media contacts.
fn article(r: &Release) -> Value {
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": r.headline,
        "datePublished": r.dateline.date.to_string(),
        "inLanguage": r.locale,
    });
    if r.dateline.is_shown() {
        article["dateline"] = r.dateline.text().into();
    }
    let images: Vec<Value> = r
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Figure(img) => Some(image(img)),
            _ => None,
        })
        .collect();
    if !images.is_empty() {
        article["image"] = images.into();
    }
    if let Some(s) = &r.subheadline {
        article["alternativeHeadline"] = s.clone().into();
    }
    // The release in its other languages, by their pages beside this one.
    let page = |l: &crate::model::LanguageLink| json!({ "@type": "NewsArticle", "@id": format!("{}.html", l.id), "inLanguage": l.locale });
    match &r.translation_of {
        Some(o) => article["translationOfWork"] = page(o),
        None if !r.translations.is_empty() => {
            article["workTranslation"] = r.translations.iter().map(page).collect::<Vec<_>>().into();
        }
        None => {}
    }
    // One author, or a joint release's several; the first publishes it.
    let authors: Vec<Value> = r.issuers.iter().filter_map(|id| org(r, id)).collect();
    match authors.as_slice() {
        [] => {}
        [one] => article["author"] = one.clone(),
        _ => article["author"] = authors.clone().into(),
    }
    if let Some(mut publisher) = r.issuers.first().and_then(|id| org(r, id)) {
        let points: Vec<Value> = r
            .media_contact_list()
            .into_iter()
            .map(|MediaContact { contact, .. }| contact_point(contact))
            .collect();
        if !points.is_empty() {
            publisher["contactPoint"] = points.into();
        }
        article["publisher"] = publisher;
    }
    if !r.topics.is_empty() {
        article["keywords"] = r.topics.join(", ").into();
    }
    article
}

/// An org; a listed one is a Corporation, with its ticker symbols
/// ("NASDAQ CRDO": the exchange, a space, the symbol, as schema.org asks).
fn org(r: &Release, id: &str) -> Option<Value> {
    org_within(r, id, 8)
}

/// An org, with the orgs it belongs to as its `parentOrganization`, up to
/// `depth` of them (a cycle is an error the checker reports).
fn org_within(r: &Release, id: &str, depth: usize) -> Option<Value> {
    let o = r.org(id)?;
    let kind = if o.tickers.is_empty() {
        "Organization"
    } else {
        "Corporation"
    };
    let mut v = json!({ "@type": kind, "name": o.name });
    if let Some(s) = &o.short {
        v["alternateName"] = s.clone().into();
    }
    if let Some(u) = &o.url {
        v["url"] = u.clone().into();
    }
    let symbols: Vec<String> = o
        .tickers
        .iter()
        .map(|t| format!("{} {}", t.exchange, t.symbol))
        .collect();
    match symbols.as_slice() {
        [] => {}
        [one] => v["tickerSymbol"] = one.clone().into(),
        _ => v["tickerSymbol"] = symbols.into(),
    }
    if let Some(parent) = o
        .parent
        .as_deref()
        .filter(|_| depth > 0)
        .and_then(|p| org_within(r, p, depth - 1))
    {
        v["parentOrganization"] = parent;
    }
    Some(v)
}

fn person(r: &Release, id: &str) -> Option<Value> {
    let p = r.person(id)?;
    let mut v = json!({ "@type": "Person", "@id": format!("#person-{}", p.id), "name": p.name });
    if let Some(t) = &p.title {
        v["jobTitle"] = t.clone().into();
    }
    if let Some(o) = p.org.as_deref().and_then(|o| org(r, o)) {
        v["worksFor"] = o;
    }
    Some(v)
}

fn contact_point(c: &Contact) -> Value {
    let mut v = json!({
        "@type": "ContactPoint",
        "name": c.name,
        "contactType": match c.role {
            ContactRole::Media => "media relations",
            ContactRole::Investor => "investor relations",
            ContactRole::Analyst => "analyst relations",
            ContactRole::General => "general enquiries",
        },
    });
    if let Some(p) = c.phones.first() {
        v["telephone"] = p.e164.clone().into();
    }
    if let Some(e) = c.emails.first() {
        v["email"] = e.clone().into();
    }
    v
}

/// A meeting as an Event, organised by its host, else its chair, else the
/// issuer.
fn event(r: &Release, m: &Meeting) -> Value {
    let mut v = json!({
        "@type": "Event",
        "@id": format!("#meeting-{}", m.id),
        "name": m.title,
        "startDate": m.start_iso(),
        "endDate": m.end_iso().unwrap_or_else(|| m.start_iso()),
        "eventStatus": match m.status {
            MeetingStatus::Postponed => "https://schema.org/EventPostponed",
            MeetingStatus::Cancelled => "https://schema.org/EventCancelled",
            _ => "https://schema.org/EventScheduled",
        },
    });
    // Where it is held: a place, a URL to join at, or both.
    let place = m.place.as_deref().and_then(|p| r.place(p)).map(location);
    let online = m
        .online
        .as_ref()
        .map(|u| json!({ "@type": "VirtualLocation", "url": u }));
    v["eventAttendanceMode"] = match (&place, &online) {
        (Some(_), Some(_)) => "https://schema.org/MixedEventAttendanceMode",
        (None, Some(_)) => "https://schema.org/OnlineEventAttendanceMode",
        _ => "https://schema.org/OfflineEventAttendanceMode",
    }
    .into();
    match (place, online) {
        (Some(p), Some(o)) => v["location"] = json!([p, o]),
        (Some(l), None) | (None, Some(l)) => v["location"] = l,
        (None, None) => {}
    }
    let performers: Vec<Value> = m
        .presenters
        .iter()
        .filter_map(|id| org(r, id).or_else(|| person(r, id)))
        .collect();
    if !performers.is_empty() {
        v["performer"] = performers.into();
    }
    let organizer = m
        .organisers
        .first()
        .or(m.hosts.first())
        .or(m.chairs.first())
        .map(String::as_str)
        .or(r.issuers.first().map(String::as_str));
    if let Some(o) = organizer.and_then(|id| org(r, id).or_else(|| person(r, id))) {
        v["organizer"] = o;
    }
    v
}

/// An image the release shows, with its description, caption and credit.
fn image(img: &Image) -> Value {
    let mut v = json!({
        "@type": "ImageObject",
        "contentUrl": img.src,
        "description": img.alt,
    });
    if let Some(c) = &img.caption {
        v["caption"] = c.clone().into();
    }
    if let Some(c) = &img.credit {
        v["creditText"] = c.clone().into();
    }
    v
}

fn location(p: &Place) -> Value {
    let mut address = json!({ "@type": "PostalAddress", "addressLocality": p.name });
    if let Some(c) = &p.country {
        address["addressCountry"] = c.clone().into();
    }
    if let Some(a) = &p.address {
        address["streetAddress"] = a.clone().into();
    }
    json!({
        "@type": "Place",
        "name": p.venue.clone().unwrap_or_else(|| p.name.clone()),
        "address": address,
    })
}

/// The people quoted, each once, in the order they first speak. Who has
/// spoken is kept in a set: a long release quotes many people many times,
/// and a search of the list at every quote grew with the square of it.
fn speakers(r: &Release) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    r.body
        .iter()
        .filter_map(|b| match b {
            Block::Quote(q) => Some(q.speaker.as_str()),
            _ => None,
        })
        .filter(|s| seen.insert(*s))
        .collect()
}
