//! A replay of the fuzz corpus: every input the fuzzers kept (minimised
//! with `cargo fuzz cmin`, the small ones committed under
//! tests/fuzz-corpus) and every crash they ever found, through the same
//! properties the fuzz targets assert. CI runs this on every push; the
//! fuzzers themselves run with `fuzz/run TARGET SECONDS`.

use std::path::Path;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fuzz-corpus", "tests/ui", "examples"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        entries.sort();
        for p in entries {
            let name = p.strip_prefix(root).unwrap_or(&p).display().to_string();
            out.push((name, std::fs::read(&p).expect("readable")));
        }
    }
    out
}

#[test]
fn the_fuzz_corpus_replays_without_a_failure() {
    let inputs = inputs();
    assert!(
        inputs.len() > 100,
        "the corpus is missing: {}",
        inputs.len()
    );
    let mut releases = 0;
    for (name, data) in &inputs {
        let Ok(src) = std::str::from_utf8(data) else {
            continue;
        };
        // The check target: diagnostics inside the source, on character
        // boundaries; a release exactly when there is no error.
        let compiled = relc::compile(src);
        let errors = compiled.diagnostics.iter().any(|d| d.is_error());
        assert_eq!(compiled.release.is_some(), !errors, "{name}");
        for d in &compiled.diagnostics {
            assert!(d.span.end <= src.len(), "{name}: {d:?}");
            assert!(
                src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end),
                "{name}: {d:?}"
            );
            for l in &d.secondary {
                assert!(l.span.end <= src.len(), "{name}: {d:?}");
            }
        }
        let diags = relc::diag::Diagnostics::new("fuzz.rel", src, compiled.diagnostics);
        let rendered = relc::diag::render(&diags, false, 80);
        assert!(
            diags.diagnostics.is_empty() || !rendered.is_empty(),
            "{name}"
        );
        // The emit target: every format renders, and JSON parses.
        if let Some(release) = compiled.release {
            releases += 1;
            // An e-mail needs a sender, which relc never makes up.
            let mut opts = relc::EmitOptions::default();
            opts.mail.from = Some("press@example.org".parse().expect("mailbox"));
            // Every text format; the PDF, typeset by Typst, has its own
            // tests (tests/pdf.rs), hostile text among them.
            for format in relc::Format::ALL
                .into_iter()
                .filter(|f| *f != relc::Format::Pdf)
            {
                let out = relc::render(&release, format, &opts).expect("renders");
                // A release without contacts has no cards (the command
                // line refuses to write an empty address book).
                let no_cards = format == relc::Format::Vcf && release.contacts.is_empty();
                assert!(!out.is_empty() || no_cards, "{name}: {format:?}");
                if matches!(format, relc::Format::Json | relc::Format::Ninjs) {
                    let parsed = serde_json::from_str::<serde_json::Value>(&out);
                    assert!(parsed.is_ok(), "{name}: {format:?}");
                }
            }
        }
    }
    // The corpus holds inputs that check clean, so the emitters are reached.
    assert!(releases > 10, "only {releases} inputs compiled");
}
