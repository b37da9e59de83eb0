//! The full build to every format, on whatever checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Some(release) = relc::compile(src).release else {
        return;
    };
    // An e-mail needs a sender, which relc never makes up.
    let mut opts = relc::EmitOptions::default();
    opts.mail.from = Some("press@example.org".parse().expect("mailbox"));
    // Every text format. The PDF is typeset by Typst, a tenth of a second
    // an input, which would starve the fuzzer; tests/pdf.rs gives it
    // hostile text.
    for format in relc::Format::ALL.into_iter().filter(|f| *f != relc::Format::Pdf) {
        let out = relc::render(&release, format, &opts).expect("renders");
        assert!(!out.is_empty());
        if format == relc::Format::Json || format == relc::Format::Ninjs {
            serde_json::from_str::<serde_json::Value>(&out).expect("JSON output parses");
        }
    }
});
