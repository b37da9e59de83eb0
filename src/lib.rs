//! relc: press releases as checked source.
//!
//! The pipeline is visible in the modules:
//! [`syntax`] (pest grammar → owned tree with byte spans) →
//! [`check`] (resolve names and types, collect diagnostics) →
//! [`model`] (the resolved release; its serde form is the JSON output) →
//! [`emit`] (HTML, JSON, plain text).
//!
//! The library does no I/O: it takes text and gives text and diagnostics.

pub mod check;
pub mod diag;
pub mod emit;
pub mod locale;
pub mod model;
pub mod span;
pub mod suggest;
pub mod syntax;

use diag::Diagnostic;

/// The result of compiling one source text.
#[derive(Debug)]
pub struct Compiled {
    /// The checked release; `None` when any diagnostic is an error.
    pub release: Option<model::Release>,
    /// Every diagnostic, errors and warnings, in reading order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and checks a source text. `check` is `build` without emitting.
pub fn compile(src: &str) -> Compiled {
    let (file, mut diagnostics) = syntax::parse(src);
    let (release, check_diags) = check::check(&file);
    let had_syntax_errors = !diagnostics.is_empty();
    diagnostics.extend(check_diags);
    diag::sort(&mut diagnostics);
    Compiled {
        // A file with syntax errors was only partly read: no output from it.
        release: release.filter(|_| !had_syntax_errors),
        diagnostics,
    }
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Json,
    Text,
    /// CommonMark.
    Md,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Json, Format::Text, Format::Md];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Text => "txt",
            Format::Md => "md",
        }
    }
}

/// Options for every emitter.
#[derive(Clone, Copy, Debug, Default)]
pub struct EmitOptions {
    pub html: emit::HtmlOptions,
    pub text: emit::TextOptions,
}

/// Renders a checked release in one format.
pub fn render(release: &model::Release, format: Format, opts: &EmitOptions) -> String {
    match format {
        Format::Html => emit::html::emit(release, opts.html),
        Format::Json => emit::json::emit(release),
        Format::Text => emit::text::emit(release, opts.text),
        Format::Md => emit::markdown::emit(release),
    }
}

/// The JSON Schema of the JSON output, as `relc schema` prints it.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(model::Release);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
