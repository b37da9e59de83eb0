//! relc: press releases as checked source.
//!
//! The pipeline is visible in the modules:
//! [`syntax`] (pest grammar → tree with byte spans; running text read
//! by a second pass; recovery item by item) →
//! [`check`] (resolve names, type fields against the [`schema`], render
//! mentions, collect every diagnostic, build the model) →
//! [`model`] (the resolved release, with lookups by id for the outputs;
//! its serde form is the JSON output) →
//! [`emit`] (HTML and JSON-LD, JSON, wire text, Markdown, iCalendar,
//! vCard, ninjs, e-mail, PDF; a site's index, Atom feed and sitemap).
//!
//! Beside it: [`schema`] declares every field of every kind once;
//! [`diag`] is the one diagnostic type and its rendering; [`project`] is a
//! release with the files it uses; [`fmt`] is the formatter; [`ide`]
//! answers an editor's questions as plain data, and [`lsp`] speaks the
//! protocol.
//!
//! The library does no I/O: it takes text and gives text and diagnostics.
//! Reading files is the caller's, through [`project::Loader`] (and, for the
//! language server's workspace, [`ide::workspace::Workspace`]). It never
//! unwraps: every failure is a diagnostic or an error value, and the lint
//! below keeps it so.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// pest's derive without its `std` feature names `::alloc` (see Cargo.toml).
extern crate alloc;

pub mod check;
pub mod diag;
pub mod emit;
pub mod fmt;
pub mod ide;
pub mod locale;
pub mod lsp;
pub mod model;
pub mod project;
pub mod schema;
pub mod span;
pub mod suggest;
pub mod syntax;

use diag::Diagnostic;

/// A source's bytes as text: a release is UTF-8. Where it is not, the text
/// with its invalid bytes replaced (so it can still be shown) and an E0009
/// diagnostic on the first of them, named in the writer's words.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Box<(String, Diagnostic)>> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let len = e.utf8_error().error_len().unwrap_or(1);
            let bytes = e.into_bytes();
            let shown = String::from_utf8_lossy(&bytes).into_owned();
            let bad: Vec<String> = bytes[at..at + len]
                .iter()
                .map(|b| format!("{b:02X}"))
                .collect();
            // One byte of 80-FF among ASCII is the mark of a single-byte
            // encoding: Windows-1252 or Latin-1, what older tools save.
            let single = len == 1 && bytes.get(at + 1).is_none_or(u8::is_ascii);
            let mut help = String::from(
                "save the file as UTF-8 (most editors offer it under Save As or Encoding); relc reads releases in UTF-8 only",
            );
            if single {
                help.push_str(
                    ". It looks like Windows-1252 or Latin-1, where one byte is one letter",
                );
            }
            // The text before the first bad byte is the same in the shown
            // text; the bad bytes become one replacement character there.
            let span = span::Span::new(at, at + '\u{FFFD}'.len_utf8());
            let d = Diagnostic::new(
                diag::Code::NotUtf8,
                span,
                format!("{name} is not UTF-8 text"),
            )
            .label(format!(
                "the byte{} {} here",
                if len == 1 { "" } else { "s" },
                bad.join(" ")
            ))
            .help(help);
            Err(Box::new((shown, d)))
        }
    }
}

/// The result of compiling one source text.
#[derive(Debug)]
pub struct Compiled {
    /// The checked release; `None` when any diagnostic is an error.
    pub release: Option<model::Release>,
    /// Every diagnostic, errors and warnings, in reading order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file holds shared declarations only ([`check::is_shared`]): it
    /// was checked, and there is no release to emit from it.
    pub shared: bool,
}

impl Compiled {
    /// Whether the check passed: no error, and a release or a file of
    /// shared declarations.
    pub fn ok(&self) -> bool {
        (self.release.is_some() || self.shared)
            && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and checks a source text. `check` is `build` without emitting.
/// The release's id, when its header sets none, is `release`.
pub fn compile(src: &str) -> Compiled {
    compile_with_id(src, "release")
}

/// As [`compile`], with the id a release takes when its header sets none:
/// the command line passes the file's name. A `use` cannot be followed from
/// a lone text; [`project::compile`] reads the files a release uses.
pub fn compile_with_id(src: &str, default_id: &str) -> Compiled {
    let (mut file, mut diagnostics) = syntax::parse(src);
    diagnostics.extend(syntax::lex::scan(src));
    for item in &file.items {
        if let syntax::ast::Item::Use(u) = item {
            diagnostics.push(
                Diagnostic::new(
                    diag::Code::UseMissing,
                    u.span,
                    format!("cannot read `{}` here", u.node),
                )
                .label("no files to read")
                .help("compile the release from its file, so the files it uses can be found"),
            );
            file.missing_uses = true;
            file.recovered = true;
        }
    }
    finish(&file, &[], diagnostics, default_id, None, None)
}

/// Checks a parsed release with the files it uses, and gathers every
/// diagnostic in reading order. `body`: the body's blocks, where the
/// caller took them out of `file` ([`check::check`]).
pub(crate) fn finish(
    file: &syntax::ast::File,
    used: &[syntax::ast::File],
    mut diagnostics: Vec<Diagnostic>,
    default_id: &str,
    house_words: Option<(&str, usize)>,
    body: Option<Vec<syntax::ast::Block>>,
) -> Compiled {
    let had_syntax_errors = diagnostics.iter().any(|d| d.code == diag::Code::Syntax);
    let (release, check_diags) = check::check(file, used, &slug(default_id), house_words, body);
    diagnostics.extend(check_diags);
    diag::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    Compiled {
        // A file with syntax errors was only partly read: no output from it.
        release: release.filter(|_| !had_syntax_errors && !has_errors),
        diagnostics,
        shared: check::is_shared(file, used),
    }
}

/// An id made of lower-case letters, digits and single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "release".to_string()
    } else {
        out
    }
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Json,
    Text,
    /// CommonMark.
    Md,
    /// iCalendar: one event per meeting.
    Ics,
    /// vCard 4.0: one card per contact.
    Vcf,
    /// IPTC ninjs 2.2.
    Ninjs,
    /// The release as an e-mail: a MIME message with the text, an HTML
    /// part, the calendar and the cards.
    Eml,
    /// The release on paper, typeset by Typst.
    Pdf,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Html,
        Format::Json,
        Format::Text,
        Format::Md,
        Format::Ics,
        Format::Vcf,
        Format::Ninjs,
        Format::Eml,
        Format::Pdf,
    ];

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Text => "text",
            Format::Md => "md",
            Format::Ics => "ics",
            Format::Vcf => "vcf",
            Format::Ninjs => "ninjs",
            Format::Eml => "eml",
            Format::Pdf => "pdf",
        }
    }

    /// The format of a name, as [`Format::name`] writes it.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Text => "txt",
            Format::Md => "md",
            Format::Ics => "ics",
            Format::Vcf => "vcf",
            Format::Ninjs => "ninjs.json",
            Format::Eml => "eml",
            Format::Pdf => "pdf",
        }
    }
}

/// Options for every emitter.
#[derive(Clone, Debug, Default)]
pub struct EmitOptions {
    pub html: emit::HtmlOptions,
    pub text: emit::TextOptions,
    pub mail: emit::eml::MailOptions,
    pub pdf: emit::pdf::PdfOptions,
}

/// Why a release could not be rendered in a format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    /// An e-mail needs a sender, which relc does not make up.
    Mail(emit::eml::MailError),
    /// Typst could not typeset it (a house template's error, most likely).
    Pdf(emit::pdf::PdfError),
    /// A PDF is bytes, not text: [`render_bytes`] makes it.
    NotText(Format),
    /// The page template failed: why.
    Template(String),
    /// What the page was written into refused it ([`render_to`]): the
    /// kind of error and its message.
    Write(std::io::ErrorKind, String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Mail(e) => e.fmt(f),
            RenderError::Pdf(e) => e.fmt(f),
            RenderError::NotText(format) => write!(f, "{} is not text", format.name()),
            RenderError::Template(why) | RenderError::Write(_, why) => f.write_str(why),
        }
    }
}

impl std::error::Error for RenderError {}

/// The built-in template's error, as a render's.
impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        RenderError::Template(e.to_string())
    }
}

impl From<&std::io::Error> for RenderError {
    fn from(e: &std::io::Error) -> Self {
        RenderError::Write(e.kind(), e.to_string())
    }
}

/// Renders a checked release in one of the text formats (every format
/// but PDF). An e-mail needs a sender, which relc does not make up; the
/// formats that hold the built-in page (HTML, ninjs, e-mail) fail should
/// the template fail, rather than hold a page that is not there.
pub fn render(
    release: &model::Release,
    format: Format,
    opts: &EmitOptions,
) -> Result<String, RenderError> {
    Ok(match format {
        Format::Html => emit::html::emit(release, opts.html)?,
        Format::Json => emit::json::emit(release),
        Format::Text => emit::text::emit(release, opts.text),
        Format::Md => emit::markdown::emit(release),
        Format::Ics => emit::ics::emit(release),
        Format::Vcf => emit::vcf::emit(release),
        Format::Ninjs => emit::ninjs::emit(release)?,
        Format::Eml => {
            emit::eml::emit(release, &opts.mail, opts.text, opts.html.now).map_err(|e| match e {
                emit::eml::MailError::Page(why) => RenderError::Template(why),
                e => RenderError::Mail(e),
            })?
        }
        Format::Pdf => return Err(RenderError::NotText(format)),
    })
}

/// Renders a checked release in any format, as the bytes of its file.
pub fn render_bytes(
    release: &model::Release,
    format: Format,
    opts: &EmitOptions,
) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Pdf => emit::pdf::emit(release, &opts.pdf, opts.html.now).map_err(RenderError::Pdf),
        _ => render(release, format, opts).map(String::into_bytes),
    }
}

/// Writes a checked release in any format into `out`, as the bytes of its
/// file. An HTML page is written as the built-in template makes it, never
/// held whole; the other formats are made whole, then written. On an
/// error, what was written is incomplete: the caller discards it.
pub fn render_to(
    release: &model::Release,
    format: Format,
    opts: &EmitOptions,
    out: &mut dyn std::io::Write,
) -> Result<(), RenderError> {
    match format {
        Format::Html => emit::html::emit_to(release, opts.html, out).map_err(|e| {
            // minijinja carries the writer's error as its cause.
            match std::error::Error::source(&e).and_then(|c| c.downcast_ref::<std::io::Error>()) {
                Some(io) => RenderError::from(io),
                None => RenderError::Template(e.to_string()),
            }
        }),
        _ => out
            .write_all(&render_bytes(release, format, opts)?)
            .map_err(|e| RenderError::from(&e)),
    }
}

/// The JSON Schema of the JSON output, as `relc schema` prints it.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(model::Release);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
