//! Each stage of the pipeline, in-process: parse, check (which parses
//! too: it is what `relc check` does) and every emitter, on the example
//! releases and on generated ones of 100 KB and 1 MB.
//!
//!   cargo bench --bench compile
//!
//! Whole-process comparisons with other tools are in bench/compare.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use relc::{EmitOptions, Format};

#[path = "../bench/corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// The inputs: name and source. The APEC example uses a shared file, so
/// its declarations are inlined here to compile it without a file system.
fn inputs() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect("example");
    let apec = read("examples/apec-2017-nha-trang.rel")
        .replace("use \"shared/apec.rel\"", &read("examples/shared/apec.rel"));
    let mut v = vec![
        ("apec".to_string(), apec),
        (
            "northwind".to_string(),
            read("examples/northwind-q3-results.rel"),
        ),
    ];
    for kb in [100, 1000] {
        v.push((format!("generated-{kb}k"), corpus::release(kb * 1000).0));
    }
    v
}

fn stages(c: &mut Criterion) {
    let mut opts = EmitOptions::default();
    // An e-mail needs a sender, which relc never makes up.
    opts.mail.from = Some("press@example.org".parse().expect("mailbox"));
    for (name, src) in inputs() {
        let compiled = relc::compile(&src);
        assert!(
            compiled.diagnostics.is_empty(),
            "{name}: {:#?}",
            compiled.diagnostics.first()
        );
        let release = compiled.release.expect("a release");
        let mut g = c.benchmark_group(name.clone());
        g.throughput(Throughput::Bytes(src.len() as u64));
        if src.len() > 500_000 {
            g.sample_size(20);
        }
        g.bench_function("parse", |b| b.iter(|| relc::syntax::parse(&src)));
        g.bench_function("check", |b| b.iter(|| relc::compile(&src)));
        for format in Format::ALL {
            // Typesetting megabytes of prose is a book, not a release.
            if format == Format::Pdf && src.len() > 500_000 {
                continue;
            }
            g.bench_with_input(
                BenchmarkId::new("emit", format.extension()),
                &release,
                |b, r| b.iter(|| relc::render_bytes(r, format, &opts).expect("renders")),
            );
        }
        g.finish();
    }
}

/// What the language server does on every keystroke: compile the open
/// buffer and turn its diagnostics into the protocol's, for a 100 KB
/// release (the target is under 5 ms).
fn editor(c: &mut Criterion) {
    let src = corpus::release(100_000).0;
    let mut g = c.benchmark_group("editor");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("recheck-100k", |b| {
        b.iter(|| {
            let p = relc::project::compile(
                std::path::Path::new("/release.rel"),
                "release.rel",
                src.clone(),
                &relc::project::NoFiles,
                "release",
            );
            relc::lsp::adapter::diagnostics(&p)
        })
    });
    g.finish();
}

criterion_group!(benches, stages, editor);
criterion_main!(benches);
