//! Hostile text cannot carry markup or script into a page.
//!
//! Every payload of tests/payloads.txt goes into every string field and
//! every kind of prose of a release; URL-like ones go into every place a URL
//! may stand. The HTML is then read by a real HTML5 parser (html5ever,
//! through scraper), and:
//! - there is no script element but the JSON-LD;
//! - there is no event-handler attribute;
//! - every URL is http, https or mailto (or relative, or a tel: link that
//!   relc writes itself from a validated E.164 number);
//! - the JSON-LD still parses as JSON.

use relc::{EmitOptions, Format};
use scraper::{Html, Selector};

fn payloads() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/payloads.txt"))
        .expect("tests/payloads.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            // The file writes a backslash as `\\`, and nothing else escaped.
            l.replace("\\\\", "\u{0}\u{0}").replace("\u{0}\u{0}", "\\")
        })
        .collect()
}

/// A string literal holding `s`.
fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Prose holding `s` as plain text: markup characters escaped.
fn prose(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '@' | '*' | '[' | ']' | '<' | '\\' | '{' | '}') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A release with `p` in every string field and every kind of prose.
fn release_with(p: &str) -> String {
    let (l, t) = (lit(p), prose(p));
    // Emphasis may not open onto a space.
    let e = prose(p.trim());
    format!(
        r#"release {{
  kicker {l}
  headline {l}
  subheadline {l}
  dateline @city 2017-02-21
  issuer @org
  topics {l}, {l}
}}
org org {l} {{ short {l} url <https://example.org/> }}
place city {l} {{ country {l} venue {l} address {l} }}
person speaker {l} {{ short {l} title {l} org @org pronoun {l} }}
meeting meet {l} {{ short {l} dates 2017-03-02..2017-03-03 place @city status planned }}
outcome goal {l} {{ meeting @meet status sought }}
body {{
  {t} @org @city @meet @goal @meet.dates [{t}](https://example.org/a) *{e}* **{e}**

  # {t}

  - {t}
    - {t}
  1. {t}

  quote @speaker said {{
    Before {t} after,
    ---
    Before {t} after
  }}

  quote @speaker.pronoun added {{
    Before {t} after
  }}
}}
contacts {l} {{
  contact press {l} {{ role media title {l} org @org phone "+65 9137 3886" email <press@example.org> }}
}}
about @org {{
  {t}
}}
follow {{
  {t} [{t}](https://example.org/follow)
}}
notes {{
  - {t}
}}
"#
    )
}

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "srcset",
];

fn assert_safe(html: &str, standalone: bool, what: &str) {
    let doc = Html::parse_document(html);
    let scripts = Selector::parse("script").expect("selector");
    let all = Selector::parse("*").expect("selector");
    let mut json_ld = 0;
    for s in doc.select(&scripts) {
        assert_eq!(
            s.value().attr("type"),
            Some("application/ld+json"),
            "{what}: a script element that is not the JSON-LD"
        );
        let text: String = s.text().collect();
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap_or_else(|e| panic!("{what}: the JSON-LD no longer parses: {e}"));
        json_ld += 1;
    }
    assert_eq!(json_ld, usize::from(standalone), "{what}: JSON-LD scripts");
    for el in doc.select(&all) {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "{what}: event handler {name}={value}"
            );
            if URL_ATTRIBUTES.contains(&name) {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let scheme = v
                    .split_once(':')
                    .map(|(s, _)| s)
                    .filter(|s| !s.contains('/'));
                let ok = match scheme {
                    None => true, // relative: ID.ics, ID.vcf
                    Some("http" | "https" | "mailto") => true,
                    Some("tel") => {
                        v[4..].starts_with('+') && v[5..].chars().all(|c| c.is_ascii_digit())
                    }
                    Some(_) => false,
                };
                assert!(ok, "{what}: {name}={value}");
            }
        }
    }
    for tag in [
        "iframe",
        "object",
        "embed",
        "form",
        "img",
        "svg",
        "style",
        "base",
        "meta[http-equiv]",
    ] {
        let sel = Selector::parse(tag).expect("selector");
        let n = doc.select(&sel).count();
        let allowed = usize::from(tag == "style" && standalone);
        assert_eq!(n, allowed, "{what}: <{tag}> elements");
    }
}

#[test]
fn payloads_in_every_field_and_in_prose_stay_text() {
    let mut built = 0;
    for p in payloads() {
        let src = release_with(&p);
        let compiled = relc::compile(&src);
        let errors: Vec<_> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        if p.chars().any(|c| c.is_control() && c != '\t') {
            // Control characters are refused, with their own code.
            assert!(
                errors
                    .iter()
                    .any(|d| d.code == relc::diag::Code::ControlCharacter),
                "{p:?}"
            );
            assert!(compiled.release.is_none());
            continue;
        }
        let release = compiled
            .release
            .unwrap_or_else(|| panic!("{p:?} should build as text: {errors:#?}"));
        let opts = EmitOptions::default();
        assert_safe(
            &relc::render(&release, Format::Html, &opts).expect("renders"),
            true,
            &format!("html {p:?}"),
        );
        let mut fragment = EmitOptions::default();
        fragment.html.fragment = true;
        assert_safe(
            &relc::render(&release, Format::Html, &fragment).expect("renders"),
            false,
            &format!("fragment {p:?}"),
        );
        // Markdown carries no raw HTML either, once rendered.
        let md = relc::render(&release, Format::Md, &opts).expect("renders");
        let mut md_html = String::new();
        pulldown_cmark::html::push_html(&mut md_html, pulldown_cmark::Parser::new(&md));
        assert_safe(&md_html, false, &format!("markdown {p:?}"));
        // The text reaches the reader whole: the headline is the payload,
        // with only its straight quotes made typographic.
        let html =
            Html::parse_document(&relc::render(&release, Format::Html, &opts).expect("renders"));
        let h1: String = html
            .select(&Selector::parse("h1").expect("h1"))
            .flat_map(|e| e.text())
            .collect();
        assert_eq!(
            h1.replace(['\u{201C}', '\u{201D}'], "\"")
                .replace(['\u{2018}', '\u{2019}'], "'")
                .replace(['\u{2013}'], "--"),
            p.trim()
        );
        built += 1;
    }
    assert!(built >= 30, "only {built} payloads built");
}

#[test]
fn url_payloads_are_refused_at_check_time() {
    let bad_urls = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "jAvAsCrIpT:alert(document.domain)",
        "vbscript:msgbox(1)",
        "VBScript:MsgBox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:text/html,x",
        "file:///etc/passwd",
        "ftp://example.org/x",
    ];
    for u in bad_urls {
        for place in [
            format!("org o \"O\" {{ url \"{u}\" }}"),
            format!("org o \"O\" {{ url <{u}> }}"),
            format!("body {{ See [this]({u}). }}"),
            format!("body {{ See <{u}>. }}"),
        ] {
            let src = format!(
                "release {{ headline \"H\" dateline @p 2017-02-21 issuer @o }}\nplace p \"P\" {{}}\n{}\n{place}\n",
                if place.starts_with("org") {
                    ""
                } else {
                    "org o \"O\" {}"
                }
            );
            let c = relc::compile(&src);
            assert!(c.release.is_none(), "{u} in {place} was accepted");
            assert!(
                c.diagnostics
                    .iter()
                    .any(|d| d.code == relc::diag::Code::InvalidUrl
                        || d.code == relc::diag::Code::Syntax),
                "{u} in {place}: {:?}",
                c.diagnostics
            );
        }
    }
    // Entities and whitespace do not smuggle a scheme past the check: the
    // text is not a URL of an allowed scheme, so it is refused too.
    for u in ["jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)"] {
        let src = format!(
            "release {{ headline \"H\" dateline @p 2017-02-21 issuer @o }}\nplace p \"P\" {{}}\norg o \"O\" {{ url \"{u}\" }}\n"
        );
        assert!(relc::compile(&src).release.is_none(), "{u}");
    }
}

#[test]
fn bidi_and_zero_width_characters_are_warnings_with_their_place() {
    let src = release_with("Dr \u{202E}Alan\u{200B} Bollard");
    let c = relc::compile(&src);
    assert!(c.release.is_some(), "warnings do not stop the build");
    let bidi = c
        .diagnostics
        .iter()
        .filter(|d| d.code == relc::diag::Code::BidiControl)
        .count();
    let zw = c
        .diagnostics
        .iter()
        .filter(|d| d.code == relc::diag::Code::InvisibleCharacter)
        .count();
    assert!(bidi > 10 && zw > 10, "{bidi} bidi, {zw} zero-width");
    for d in &c.diagnostics {
        if d.code == relc::diag::Code::BidiControl {
            assert_eq!(&src[d.span.start..d.span.end], "\u{202E}");
        }
    }
}
