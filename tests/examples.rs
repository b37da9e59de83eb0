//! Every example compiles with no diagnostic at all, and its three outputs
//! are snapshotted. A change in any output shows up as a snapshot diff.

mod common;

use relc::{EmitOptions, Format};

fn compile(path: &std::path::Path) -> relc::model::Release {
    common::example(path)
}

#[test]
fn html() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        insta::assert_snapshot!(
            relc::render(&r, Format::Html, &EmitOptions::default()).expect("renders")
        );
    });
}

#[test]
fn json() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        let out = relc::render(&r, Format::Json, &EmitOptions::default()).expect("renders");
        // The JSON parses, and says what the model says.
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(v["headline"], r.headline.as_str());
        assert_eq!(v["format_version"], relc::model::FORMAT_VERSION);
        insta::assert_snapshot!(out);
    });
}

#[test]
fn text() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        let out = relc::render(&r, Format::Text, &EmitOptions::default()).expect("renders");
        for line in out.lines() {
            let w = unicode_width::UnicodeWidthStr::width(line);
            let unbreakable = !line.trim().contains(' ');
            assert!(w <= 72 || unbreakable, "line over 72 columns: {line:?}");
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn markdown() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        insta::assert_snapshot!(
            relc::render(&r, Format::Md, &EmitOptions::default()).expect("renders")
        );
    });
}

#[test]
fn ics() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        let out = relc::render(&r, Format::Ics, &EmitOptions::default()).expect("renders");
        rfc_lines(&out);
        // Every meeting with its days known; one known only to the month
        // or the year has no day to go on.
        let dated = r.meetings.iter().filter(|m| m.precision.is_day()).count();
        assert_eq!(out.matches("BEGIN:VEVENT").count(), dated);
        assert!(
            !r.meetings
                .iter()
                .any(|m| !m.precision.is_day() && out.contains(&format!("SUMMARY:{}", m.title)))
        );
        insta::assert_snapshot!(out);
    });
}

#[test]
fn vcf() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        let out = relc::render(&r, Format::Vcf, &EmitOptions::default()).expect("renders");
        // A release with no contacts has no cards (and the command line
        // writes no address book for it).
        if r.contacts.is_empty() {
            assert!(out.is_empty(), "{out}");
            return;
        }
        rfc_lines(&out);
        for card in out.split("BEGIN:VCARD\r\n").skip(1) {
            assert!(
                card.starts_with("VERSION:4.0\r\nFN:"),
                "VERSION first, then FN"
            );
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn ninjs() {
    insta::glob!("../examples", "*.rel", |path| {
        let r = compile(path);
        insta::assert_snapshot!(
            relc::render(&r, Format::Ninjs, &EmitOptions::default()).expect("renders")
        );
    });
}

/// Content lines end in CRLF and are at most 75 octets.
fn rfc_lines(out: &str) {
    assert!(out.ends_with("\r\n"));
    for line in out.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
    }
}

/// The same source gives byte-identical output, run after run.
#[test]
fn outputs_are_deterministic() {
    insta::glob!("../examples", "*.rel", |path| {
        // An e-mail needs a sender, which relc never makes up.
        let mut opts = EmitOptions::default();
        opts.mail.from = Some("press@example.org".parse().expect("mailbox"));
        for format in Format::ALL {
            let render =
                || relc::render_bytes(&compile(path), format, &opts).map_err(|e| e.to_string());
            let (a, b) = (render(), render());
            // A release in Japanese prints only with the house's font
            // (tests/pdf.rs); without it, the same refusal every time.
            if let Err(e) = &a {
                assert!(
                    format == Format::Pdf && e.contains("no font relc has sets"),
                    "{format:?}: {e}"
                );
            }
            assert_eq!(a, b, "{format:?} differs between runs");
        }
    });
}
