//! Parse and check: diagnostics stay inside the source, and a release
//! comes back exactly when there is no error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let compiled = relc::compile(src);
    let errors = compiled.diagnostics.iter().any(|d| d.is_error());
    assert_eq!(compiled.release.is_some(), !errors);
    for d in &compiled.diagnostics {
        assert!(d.span.end <= src.len());
        assert!(src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end));
        for l in &d.secondary {
            assert!(l.span.end <= src.len());
        }
    }
    // Rendering the diagnostics must not panic either.
    let diags = relc::diag::Diagnostics::new("fuzz.rel", src, compiled.diagnostics);
    let _ = relc::diag::render(&diags, false, 80);
});
