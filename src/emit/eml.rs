//! The release as an e-mail (`--format eml`): a complete MIME message
//! (RFC 5322, RFC 2045-2049) built with `mail-builder`, for a mail client
//! to import or a mailing tool to send.
//!
//! `multipart/alternative` holds the wire text and an HTML part made for
//! mail clients (the page made for mail, its `mail.css` inlined: nothing loaded from
//! elsewhere, no script). The calendar of the release's meetings and the
//! cards of its contacts are attachments. Who it is from and to is given
//! ([`MailOptions`]), never made up. The date, the message id and the MIME
//! boundaries come from the release, so the message is the same on every
//! build.

use std::fmt;
use std::str::FromStr;

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

use crate::model::Release;

/// One address, with the name shown for it: `Press Office
/// <press@example.org>`, or the address alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

impl FromStr for Mailbox {
    type Err = String;

    fn from_str(s: &str) -> Result<Mailbox, String> {
        let parsed = email_address::EmailAddress::from_str(s.trim()).map_err(|e| {
            format!("`{s}` is not an e-mail address ({e}); write it like press@example.org or \"Press Office <press@example.org>\"")
        })?;
        if !parsed.domain().contains('.') {
            return Err(format!(
                "`{s}` has no dot in its domain, so no mail reaches it; write it like press@example.org"
            ));
        }
        let name = parsed.display_part().trim().trim_matches('"').trim();
        Ok(Mailbox {
            name: (!name.is_empty()).then(|| name.to_string()),
            address: parsed.email().to_string(),
        })
    }
}

impl fmt::Display for Mailbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(n) => write!(f, "{n} <{}>", self.address),
            None => f.write_str(&self.address),
        }
    }
}

impl Mailbox {
    fn header(&self) -> Address<'_> {
        Address::new_address(self.name.as_deref(), self.address.as_str())
    }
}

/// Who a release is mailed from and to: `--from`, `--reply-to` and
/// `--to`.
#[derive(Clone, Debug, Default)]
pub struct MailOptions {
    pub from: Option<Mailbox>,
    pub reply_to: Option<Mailbox>,
    /// The list the release goes to; none leaves the recipients to the
    /// mailing tool.
    pub to: Vec<Mailbox>,
}

/// Why a message could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailError {
    /// A message must say who it is from (RFC 5322, 3.6), and relc does
    /// not guess it.
    NoSender,
    /// The built-in page, the HTML part, could not be made: why.
    Page(String),
}

impl fmt::Display for MailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MailError::NoSender => f.write_str(
                "an e-mail needs a sender: give --from \"Press Office <press@example.org>\" (and --reply-to, --to as needed)",
            ),
            MailError::Page(why) => write!(f, "the page for the HTML part failed: {why}"),
        }
    }
}

impl std::error::Error for MailError {}

/// The HTML part: the built-in page made for mail (no script, no logo,
/// nothing linked beside it, the end mark kept), its mail stylesheet
/// inlined into each element's `style` by `css-inline`, since mail clients
/// drop `<style>`. The page and the mail are one template, so they cannot
/// drift apart.
fn html_part(r: &Release, now: Option<jiff::Timestamp>) -> Result<String, MailError> {
    let page = super::html::emit(
        r,
        super::HtmlOptions {
            mail: true,
            now,
            ..super::HtmlOptions::default()
        },
    )
    .map_err(|e| MailError::Page(e.to_string()))?;
    let inliner = css_inline::CSSInliner::options()
        .load_remote_stylesheets(false)
        .keep_style_tags(false)
        .keep_link_tags(false)
        .keep_at_rules(false)
        .build();
    // Nothing is fetched, so inlining fails only on a stylesheet it cannot
    // read, and the built-in one is tested on every example; were it to
    // fail, the part is the page with its stylesheet in `<style>`.
    Ok(inliner.inline(&page).unwrap_or(page))
}

/// The release as a MIME message, lines ending in CRLF. `now` decides
/// whether the subject says EMBARGOED, as the page's banner does (see
/// [`crate::model::Embargo::holds_at`]).
pub fn emit(
    r: &Release,
    mail: &MailOptions,
    text: super::TextOptions,
    now: Option<jiff::Timestamp>,
) -> Result<String, MailError> {
    let from = mail.from.as_ref().ok_or(MailError::NoSender)?;
    let wire = super::text::emit(r, text);
    let html = html_part(r, now)?;
    let calendar = r
        .calendar_meetings()
        .next()
        .is_some()
        .then(|| super::ics::emit(r));
    let cards = r
        .contact_groups
        .iter()
        .any(|g| !g.contacts.is_empty())
        .then(|| super::vcf::emit(r));

    // Boundaries from the release, never from the clock; each one made
    // longer until no part contains it.
    let bodies: Vec<&str> = [Some(wire.as_str()), Some(html.as_str())]
        .into_iter()
        .chain([calendar.as_deref(), cards.as_deref()])
        .flatten()
        .collect();
    let boundary = |kind: &str| {
        let mut b = format!("relc=_{kind}_{}", r.id);
        while bodies.iter().any(|body| body.contains(&b)) {
            b.push('_');
        }
        b
    };

    let alternative = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary("alt")),
        vec![
            MimePart::new(
                ContentType::new("text/plain").attribute("charset", "utf-8"),
                wire.as_str(),
            ),
            MimePart::new(
                ContentType::new("text/html").attribute("charset", "utf-8"),
                html.as_str(),
            ),
        ],
    );
    let mut attachments = Vec::new();
    if let Some(ics) = &calendar {
        attachments.push(
            MimePart::new(
                ContentType::new("text/calendar")
                    .attribute("charset", "utf-8")
                    .attribute("method", "PUBLISH"),
                ics.as_str(),
            )
            .attachment(format!("{}.ics", r.id)),
        );
    }
    if let Some(vcf) = &cards {
        attachments.push(
            MimePart::new(
                ContentType::new("text/vcard").attribute("charset", "utf-8"),
                vcf.as_str(),
            )
            .attachment(format!("{}.vcf", r.id)),
        );
    }
    let body = if attachments.is_empty() {
        alternative
    } else {
        let mut parts = vec![alternative];
        parts.extend(attachments);
        MimePart::new(
            ContentType::new("multipart/mixed").attribute("boundary", boundary("mixed")),
            parts,
        )
    };

    let embargoed = r.status_lines(now).iter().any(|s| s.embargo);
    let subject = if embargoed {
        format!("{}: {}", r.words().embargoed_subject(), r.headline)
    } else {
        r.headline.clone()
    };
    let mut message = MessageBuilder::new()
        .from(from.header())
        .subject(subject)
        .header("Date", Raw::new(date(r)))
        .message_id(format!("{}.{}@{}", r.id, r.dateline.date, r.domain()))
        .header("Content-Language", Raw::new(r.locale.tag()))
        .body(body);
    if let Some(reply) = &mail.reply_to {
        message = message.reply_to(reply.header());
    }
    if !mail.to.is_empty() {
        message = message.to(Address::new_list(
            mail.to.iter().map(Mailbox::header).collect(),
        ));
    }
    // Writing to a String cannot fail.
    Ok(message.write_to_string().unwrap_or_default())
}

/// The message's date (RFC 5322, 3.3): when the release was created, at
/// the offset where it was issued.
fn date(r: &Release) -> String {
    r.created_at().map_or_else(
        || r.dateline.date.to_string(),
        |z| z.strftime("%a, %d %b %Y %H:%M:%S %z").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::Mailbox;

    #[test]
    fn a_mailbox_is_an_address_with_or_without_a_name() {
        let m: Mailbox = "Press Office <press@example.org>".parse().expect("mailbox");
        assert_eq!(m.name.as_deref(), Some("Press Office"));
        assert_eq!(m.address, "press@example.org");
        let m: Mailbox = "press@example.org".parse().expect("mailbox");
        assert_eq!(m.name, None);
        assert!("press@localhost".parse::<Mailbox>().is_err());
        assert!("Press Office".parse::<Mailbox>().is_err());
    }
}
