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
    for format in relc::Format::ALL {
        let out = relc::render(&release, format, &opts).expect("renders");
        assert!(!out.is_empty());
        if format == relc::Format::Json || format == relc::Format::Ninjs {
            serde_json::from_str::<serde_json::Value>(&out).expect("JSON output parses");
        }
    }
});
