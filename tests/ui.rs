//! The UI suite, in the style of rustc's: each file under `tests/ui/` is a
//! broken release, and its snapshot shows the source and the rendered
//! diagnostics together, with no colour and a fixed width.

mod common;

use relc::diag::Code;

/// A UI file compiled as the command line does (with the files it uses),
/// and its diagnostics rendered file by file.
fn rendered(path: &std::path::Path) -> (String, relc::Compiled) {
    let project = common::compile(path);
    let out = project
        .sources
        .render(&project.compiled.diagnostics, false, 80);
    (out, project.compiled)
}

#[test]
fn ui() {
    insta::glob!("ui", "*.rel", |path| {
        let src = String::from_utf8_lossy(&std::fs::read(path).expect("UI file is readable"))
            .into_owned();
        let (out, compiled) = rendered(path);
        assert!(
            !compiled.diagnostics.is_empty(),
            "{} is in the UI suite but gives no diagnostic",
            path.display()
        );
        assert!(
            compiled.release.is_none() || compiled.diagnostics.iter().all(|d| !d.is_error()),
            "a file with errors must give no release"
        );
        insta::assert_snapshot!(format!("{src}\n{}\n{out}", "=".repeat(80)));
    });
}

/// A file with five independent mistakes gets five diagnostics in one run.
#[test]
fn five_mistakes_five_diagnostics() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/five-mistakes.rel");
    let (_, compiled) = rendered(&path);
    let codes: Vec<Code> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        vec![
            Code::UnknownValue,
            Code::InvalidPhone,
            Code::UnknownField,
            Code::UnknownId,
            Code::WrongKind
        ]
    );
    assert!(compiled.release.is_none());
}

/// Every diagnostic points at a real place in its file, with help.
#[test]
fn every_diagnostic_has_a_span_a_label_and_help() {
    insta::glob!("ui", "*.rel", |path| {
        let project = common::compile(path);
        for (file, ds) in project.sources.split(&project.compiled.diagnostics) {
            let src = &project.sources.files[file].src;
            for d in ds {
                assert!(d.span.end <= src.len(), "{d:?} points past the end");
                assert!(src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end));
                assert!(d.label.is_some(), "{d:?} has no label");
                assert!(d.help.is_some(), "{d:?} has no help");
            }
        }
    });
}

/// An unusual attribution verb is a warning: the release is built, with
/// the verb as the writer wrote it.
#[test]
fn an_unusual_verb_is_kept_with_a_warning() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/unusual-verb.rel");
    let (_, compiled) = rendered(&path);
    let codes: Vec<Code> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::UnusualVerb, Code::UnusualVerb]);
    let r = compiled.release.expect("a release, with warnings");
    let text = relc::emit::text::emit(&r, Default::default());
    assert!(text.contains("reasons Dr Alan Bollard."), "{text}");
}

/// A build drops the body's syntax tree as it checks it
/// (`Keep::AllButBody`); an editor keeps it. Both read every UI case and
/// every example alike: the same diagnostics, rendered, and the same
/// release.
#[test]
fn a_build_checks_as_an_editor_does() {
    use relc::project::{Keep, ParseCache, compile_cached};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = common::releases_in(&root.join("examples"));
    paths.extend(
        std::fs::read_dir(root.join("tests/ui"))
            .expect("the UI folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rel")),
    );
    paths.sort();
    let mut bodies = 0;
    for path in &paths {
        let name = path.file_name().and_then(|s| s.to_str()).expect("name");
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem");
        let Ok(src) = relc::decode(name, std::fs::read(path).expect("readable")) else {
            continue;
        };
        bodies += usize::from(src.contains("\nbody {"));
        let compile = |keep| {
            let p = compile_cached(
                path,
                name,
                src.clone(),
                &common::Fs,
                stem,
                &ParseCache::default(),
                keep,
            );
            let shown = p.sources.render(&p.compiled.diagnostics, false, 80);
            (shown, p.compiled.release)
        };
        let (editor, built) = (compile(Keep::Everything), compile(Keep::AllButBody));
        assert_eq!(editor.0, built.0, "{}: the diagnostics", path.display());
        assert!(editor.1 == built.1, "{}: the release", path.display());
    }
    assert!(bodies > 40, "{bodies} files with a body read");
}
