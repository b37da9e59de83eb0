//! The editor features as pure functions: each fixture is a release with a
//! cursor, written `‸`, and each answer is snapshotted beside it.

use std::path::Path;

use relc::ide;
use relc::project::{NoFiles, Project};

const CURSOR: char = '‸';

/// The release without its cursor, the cursor's byte offset, and the
/// compiled project.
fn fixture(text: &str) -> (String, usize, Project) {
    let pos = text.find(CURSOR).expect("a cursor in the fixture");
    let src = text.replacen(CURSOR, "", 1);
    let p = relc::project::compile(
        Path::new("fixture.rel"),
        "fixture.rel",
        src.clone(),
        &NoFiles,
        "fixture",
    );
    (src, pos, p)
}

const BASE: &str = r#"release {
  headline "Officials meet"
  dateline @nha-trang 2017-02-21
  issuer @apec
}

org apec "Asia-Pacific Economic Cooperation" {
  short "APEC"
}

place nha-trang "Nha Trang" {
  country "Việt Nam"
}

person bollard "Dr Alan Bollard" {
  short "Dr Bollard"
  title "Executive Director"
  org @apec
}

BODY

contacts "Media:" {
  contact press "Media desk" {
    role media
    phone "+65 9137 3886"
  }
}
"#;

fn with_body(body: &str) -> String {
    BASE.replace("BODY", body)
}

#[test]
fn definition_from_a_reference_and_from_a_speaker() {
    for (name, body) in [
        ("in-prose", "body {\n  ‘Officials’ of @ap‸ec meet.\n}"),
        (
            "speaker",
            "body {\n  quote @bol‸lard said {\n    Ready.\n  }\n}",
        ),
        ("link-target", "body {\n  See [the host](@nha‸-trang).\n}"),
    ] {
        let (src, pos, p) = fixture(&with_body(body));
        let def = ide::definition(&p, pos).expect("a definition");
        // The line of the declaration, and the id there.
        let line = src[..def.start].matches('\n').count() + 1;
        let text = &src[def.start..def.end];
        let decl_line = src.lines().nth(line - 1).unwrap_or_default();
        insta::assert_snapshot!(
            format!("definition-{name}"),
            format!("{line}: {decl_line}\n{text}")
        );
    }
}

#[test]
fn completion_after_at_puts_people_first_for_a_speaker() {
    let (src, pos, p) = fixture(&with_body("body {\n  quote @‸ said {\n    Ready.\n  }\n}"));
    let labels: Vec<String> = ide::completions(&p, &src, pos)
        .into_iter()
        .map(|c| format!("{} ({})", c.label, c.detail))
        .collect();
    insta::assert_snapshot!(labels.join("\n"));
}

#[test]
fn an_unknown_id_with_no_near_miss_can_be_declared() {
    let (src, pos, p) = fixture(&with_body("body {\n  Officials meet @zzq‸x.\n}"));
    let actions = ide::code_actions(&p, relc::span::Span::new(pos, pos));
    let mut shown = String::new();
    for a in &actions {
        let mut fixed = src.clone();
        for (span, text) in a.edits.iter().rev() {
            fixed.replace_range(span.start..span.end, text);
        }
        shown.push_str(&format!("== {}\n", a.title));
        // The stub compiles: only its own missing fields are left.
        let after = relc::compile(&fixed);
        assert!(
            after
                .diagnostics
                .iter()
                .all(|d| d.code != relc::diag::Code::UnknownId),
            "{}: {:?}",
            a.title,
            after.diagnostics
        );
        let at = a.edits[0].0.start;
        shown.push_str(&fixed[at..at + a.edits[0].1.len()]);
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn rename_refuses_a_taken_or_malformed_name() {
    let (_, pos, p) = fixture(&with_body("body {\n  @ap‸ec meets.\n}"));
    assert_eq!(
        ide::rename(&p, pos, "bollard"),
        Err("`bollard` is declared already".to_string())
    );
    assert!(ide::rename(&p, pos, "9lives").is_err());
    assert!(ide::rename(&p, pos, "apec-").is_err());
    // issuer, the org's parent field of the person, the body, the decl.
    assert_eq!(ide::rename(&p, pos, "apec-org").map(|v| v.len()), Ok(4));
}

#[test]
fn semantic_tokens_colour_the_structure() {
    let (src, _, p) = fixture(&with_body(
        "// A comment.\nbody {\n  Officials of @apec meet.\n\n  quote @bollard said {\n    Ready.\n  }\n}‸",
    ));
    let shown: Vec<String> = ide::tokens(&p)
        .into_iter()
        .map(|(s, k)| format!("{k:?} {}", &src[s.start..s.end]))
        .collect();
    insta::assert_snapshot!(shown.join("\n"));
}

#[test]
fn hover_on_a_date_shows_it_as_the_locale_writes_it() {
    for (locale, name) in [("en-GB", "gb"), ("en-US", "us")] {
        let text = with_body("body {\n  Officials meet.\n}")
            .replace(
                "  issuer @apec\n",
                &format!("  issuer @apec\n  locale {locale}\n"),
            )
            .replace("2017-02‸-21", "2017-02-21")
            .replacen("2017-02-21", "2017-02‸-21", 1);
        let (_, pos, p) = fixture(&text);
        let (shown, _) = ide::hover(&p, pos).expect("a hover");
        insta::assert_snapshot!(format!("date-hover-{name}"), shown);
    }
}
