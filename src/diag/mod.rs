//! Diagnostics as plain data, and their rendering through miette.
//!
//! Every layer of the compiler returns [`Diagnostic`]s: a stable [`Code`], a
//! severity, a message, a primary span with its label, secondary labels and
//! help. Nothing here knows about terminals; [`Diagnostics`] attaches the
//! source text so miette can render the whole set, each diagnostic as a
//! related one.

use std::fmt;

use miette::{LabeledSpan, NamedSource, SourceCode};
use serde::Serialize;

use crate::span::Span;

pub mod format;
mod window;

/// How bad a diagnostic is. Errors stop the build; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident, $summary:literal;)*) => {
        /// The stable code of every diagnostic relc reports.
        ///
        /// Codes never change meaning once published; `docs/diagnostics.md`
        /// and `relc explain` describe each one.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in output, such as `E0101`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// A short kebab-case name, such as `unknown-id`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity diagnostics of this code have.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// One line saying what the code is about.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// Looks a code up by its code (`E0101`) or its name (`unknown-id`).
            pub fn parse(s: &str) -> Option<Code> {
                let s = s.trim();
                Code::ALL.iter().copied().find(|c| {
                    c.as_str().eq_ignore_ascii_case(s) || c.name() == s
                })
            }
        }
    };
}

codes! {
    // Source text and syntax
    Syntax            = "E0001", "syntax",              Error,   "the text does not follow the grammar of .rel";
    ControlCharacter  = "E0002", "control-character",   Error,   "the text holds a control character";
    BidiControl       = "W0003", "bidi-control",        Warning, "the text holds a Unicode bidirectional control";
    InvisibleCharacter = "W0004", "invisible-character", Warning, "the text holds a zero-width character";
    TooDeep           = "E0005", "too-deep",            Error,   "lists are nested deeper than relc allows";
    Unclosed          = "E0006", "unclosed",            Error,   "a string or a block is never closed";
    LookAlike         = "E0007", "look-alike",          Error,   "a character that looks like the syntax stands where the syntax belongs";
    DateFormat        = "E0008", "date-format",         Error,   "a date is not written year, month, day";
    NotUtf8           = "E0009", "not-utf8",            Error,   "a file is not UTF-8 text";
    Unreadable        = "E0010", "unreadable",          Error,   "a file named on the command line cannot be read";
    // References
    UnknownId         = "E0101", "unknown-id",          Error,   "a reference names an id that is not declared";
    WrongKind         = "E0102", "wrong-kind",          Error,   "a reference names a declaration of the wrong kind";
    DuplicateId       = "E0103", "duplicate-id",        Error,   "two declarations share one id";
    UnknownRefField   = "E0104", "unknown-ref-field",   Error,   "a reference asks for a field its declaration does not have";
    OrgCycle          = "E0105", "org-cycle",           Error,   "orgs are each other's parents";
    Unused            = "W0106", "unused",              Warning, "a declaration is never used";
    // Fields and values
    UnknownField      = "E0201", "unknown-field",       Error,   "a block has a field that its kind does not know";
    DuplicateField    = "E0202", "duplicate-field",     Error,   "a field that takes one value is written twice";
    MissingField      = "E0203", "missing-field",       Error,   "a required field is missing";
    WrongType         = "E0204", "wrong-type",          Error,   "a value has the wrong type for its field";
    EmptyText         = "E0205", "empty-text",          Error,   "a text value that must say something is empty";
    UnknownValue      = "E0206", "unknown-value",       Error,   "a word is not one of the values its field allows";
    LineBreak         = "E0207", "line-break",          Error,   "a text that is one line holds a line break";
    // Dates and times
    InvalidDate       = "E0301", "invalid-date",        Error,   "a date or time does not exist";
    ReversedRange     = "E0302", "reversed-range",      Error,   "a range ends before it starts";
    EmbargoWithoutZone = "E0303", "embargo-without-zone", Error, "an embargo time has no time zone";
    EmbargoAfterDateline = "E0304", "embargo-after-dateline", Error, "an embargo lifts after the date of the release";
    HeldInFuture      = "E0305", "held-in-future",      Error,   "a meeting marked held has dates after the dateline";
    PlannedInPast     = "W0306", "planned-in-past",     Warning, "a meeting marked planned has dates before the dateline";
    // Contacts and links
    InvalidPhone      = "E0401", "invalid-phone",       Error,   "a phone number is not a valid number, or has no country to read it by";
    InvalidEmail      = "E0402", "invalid-email",       Error,   "an e-mail address is not valid";
    InvalidUrl        = "E0403", "invalid-url",         Error,   "a URL does not parse, or its scheme is not http, https or mailto";
    UnreachableContact = "E0404", "unreachable-contact", Error,  "a contact has neither a phone nor an e-mail";
    NoContact         = "W0405", "no-contact",          Warning, "a release other than a statement gives no contact";
    // Structure of a release
    MissingRelease    = "E0501", "missing-release",     Error,   "the file has no release header";
    DuplicateSection  = "E0502", "duplicate-section",   Error,   "a part of the release that may appear once appears twice";
    UseMissing        = "E0503", "use-missing",         Error,   "a used file cannot be read";
    UseCycle          = "E0504", "use-cycle",           Error,   "files use each other in a cycle";
    UseNotShared      = "E0505", "use-not-shared",      Error,   "a used file holds more than declarations";
    UseNotRel         = "E0506", "use-not-rel",         Error,   "a used file is not a .rel file";
    UseOutside        = "E0507", "use-outside",         Error,   "a used file is outside the release's project";
    HouseWordsSyntax  = "E0508", "house-words-syntax",  Error,   "the house's catalogue of wording is not Fluent, or words a message twice";
    UnknownMessage    = "W0509", "unknown-message",     Warning, "the house's catalogue words a message relc never prints";
    // Prose
    StrayAt           = "E0601", "stray-at",            Error,   "an @ is followed by no id";
    UnbalancedEmphasis = "E0602", "unbalanced-emphasis", Error,  "an emphasis marker is never closed";
    UnusualVerb       = "W0603", "unusual-verb",        Warning, "a quote's attribution verb is not one relc knows";
    DoubledQuotes     = "E0604", "doubled-quotes",      Error,   "a quote block has quotation marks of its own";
    EmptyQuote        = "E0605", "empty-quote",         Error,   "a quote block quotes nothing";
    StrayBracket      = "E0606", "stray-bracket",       Error,   "a `[` or `]` in running text is not part of a link";
    StrayBrace        = "E0607", "stray-brace",         Error,   "a brace in running text, where no block opens or closes";
    MarkdownHabit     = "W0608", "markdown-habit",      Warning, "running text written as Markdown writes it, which .rel reads otherwise";
    Punctuation       = "W0609", "punctuation",         Warning, "punctuation a sub-editor would correct";
    NoVerb            = "E0610", "no-verb",             Error,   "a quote marks where its attribution goes but has no verb";
    UnusedVerb        = "W0611", "unused-verb",         Warning, "a quote's verb is printed nowhere, since the writer's own words attribute it";
    OtherSpeaker      = "W0612", "other-speaker",       Warning, "a quote's own words name someone other than its speaker";
    GenderNeeded      = "E0613", "gender-needed",       Error,   "an attribution verb agrees with its speaker's gender, and the speaker has none";
    // Style
    LongHeadline      = "W0701", "long-headline",       Warning, "a headline is longer than 100 characters";
    HeadlineFullStop  = "W0702", "headline-full-stop",  Warning, "a headline ends with a full stop";
    SpeakerWithoutTitle = "W0703", "speaker-without-title", Warning, "a person quoted has no title";
    NoBody            = "W0704", "no-body",             Warning, "a release has no body";
    Placeholder       = "W0705", "placeholder",         Warning, "a release still holds the text `relc new` wrote";
    NoAdvisory        = "W0706", "no-advisory",         Warning, "a media advisory or invitation has no What / When / Where block";
    // Translations
    TranslationFact   = "E0801", "translation-fact",    Error,   "a translation gives a fact of the release, which is its original's";
    TranslationOf     = "E0802", "translation-of",      Error,   "what a translation translates cannot be read, or is no release";
    UntranslatedQuote = "E0803", "untranslated-quote",  Error,   "a quote of the original is missing from a translation, or is attributed to someone else";
    UntranslatedMention = "W0804", "untranslated-mention", Warning, "a translation does not mention someone or something its original mentions";
    FigureDiffers     = "E0805", "figure-differs",      Error,   "a translation gives a figure its original does not, or leaves one out";
    UntranslatedContact = "W0806", "untranslated-contact", Warning, "a translation lists other contacts than its original";
    StaleTranslation  = "W0807", "stale-translation",   Warning, "a translation was made from an older version of its original's facts";
}

impl Code {
    /// Codes only the command line gives, about the files it is handed
    /// rather than what they say: they have no place in a source, and no
    /// example a check of text could show.
    pub const COMMAND_LINE: &'static [Code] = &[Code::Unreadable];
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place that helps explain a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem found in a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub label: Option<String>,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    /// A machine-applicable fix, for editors: replace a span with a text.
    pub fix: Option<Fix>,
    /// How many more diagnostics of this code and message, after this one,
    /// were counted rather than kept (see [`KEPT_REPEATS`]).
    pub more: usize,
}

/// How many diagnostics of one code and message a check keeps; past that
/// it counts them. 20 KB of `[*` once made a million diagnostics, a
/// gigabyte of them; no reader wants past the first few.
pub const KEPT_REPEATS: usize = 100;

/// A fix an editor can apply: put `replacement` in place of `span`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub span: Span,
    pub replacement: String,
}

impl Diagnostic {
    /// A diagnostic of `code`, with the code's own severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
            label: None,
            secondary: Vec::new(),
            help: None,
            fix: None,
            more: 0,
        }
    }

    /// Sets the fix an editor may apply.
    pub fn fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Sets the text under the primary span.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a secondary label.
    pub fn also(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics into reading order: by position, then by code.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
}

/// The diagnostics of one file, with its source, ready for miette.
///
/// Rendered as a whole, it shows a count and then every diagnostic, each as
/// a related diagnostic of its own with its labels on the source.
#[derive(Debug)]
pub struct Diagnostics {
    pub source: NamedSource<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new(name: &str, source: &str, diagnostics: Vec<Diagnostic>) -> Self {
        Diagnostics {
            source: NamedSource::new(name, displayable(source)),
            diagnostics,
        }
    }

    /// Each diagnostic on its own, with this file's source attached: the
    /// whole file, or where a line it shows is too long to show whole, an
    /// excerpt of it with those lines cut around what it points at.
    pub fn iter(&self) -> impl Iterator<Item = Attached<'_>> {
        self.diagnostics.iter().map(|d| {
            match window::excerpt(self.source.name(), self.source.inner(), d) {
                Some((source, diag)) => Attached {
                    diag: std::borrow::Cow::Owned(diag),
                    source: Shown::Excerpt(source),
                    earlier: Vec::new(),
                },
                None => {
                    // A label far above the primary one would open the
                    // report (miette shows its snippets in file order):
                    // such labels are shown after it, as notes.
                    let text = self.source.inner();
                    let far_above = |l: &Label| {
                        l.span.end <= d.span.start
                            && text
                                .get(l.span.end..d.span.start)
                                .is_some_and(|between| between.matches('\n').count() > 2)
                    };
                    if !d.secondary.iter().any(far_above) {
                        return Attached {
                            diag: std::borrow::Cow::Borrowed(d),
                            source: Shown::Whole(&self.source),
                            earlier: Vec::new(),
                        };
                    }
                    let (above, near): (Vec<Label>, Vec<Label>) =
                        d.secondary.iter().cloned().partition(far_above);
                    let mut diag = d.clone();
                    diag.secondary = near;
                    Attached {
                        diag: std::borrow::Cow::Owned(diag),
                        source: Shown::Whole(&self.source),
                        earlier: above
                            .into_iter()
                            .map(|label| Earlier {
                                label,
                                source: &self.source,
                            })
                            .collect(),
                    }
                }
            }
        })
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&summary(
            self.source.name(),
            self.error_count(),
            self.warning_count(),
        ))
    }
}

/// `3 errors and 1 warning in FILE`.
pub fn summary(name: &str, errors: usize, warnings: usize) -> String {
    let plural =
        |n: usize, s: &str| format!("{} {s}{}", thousands(n), if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, w) => format!("{} in {name}", plural(w, "warning")),
        (e, 0) => format!("{} in {name}", plural(e, "error")),
        (e, w) => format!(
            "{} and {} in {name}",
            plural(e, "error"),
            plural(w, "warning")
        ),
    }
}

/// A count with its thousands separated: `10,001`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many diagnostics of one code and message are shown before the rest
/// are counted instead.
pub const REPEATS_SHOWN: usize = 3;

/// The most diagnostics shown for a file unless asked otherwise.
pub const DEFAULT_MAX_SHOWN: usize = 50;

/// A file's diagnostics cut to what a reader can take in: at most
/// [`REPEATS_SHOWN`] of any one code and message, and at most `max` in
/// all, in reading order; what was left out is counted in `notes`. The
/// counts are of every diagnostic.
#[derive(Debug)]
pub struct Bounded {
    pub shown: Vec<Diagnostic>,
    pub notes: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
}

/// Bounds a report; see [`Bounded`].
pub fn bound(diags: Vec<Diagnostic>, max: usize) -> Bounded {
    let errors = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| 1 + d.more)
        .sum();
    let warnings = diags.iter().map(|d| 1 + d.more).sum::<usize>() - errors;
    let mut seen: std::collections::HashMap<(Code, String), usize> = Default::default();
    // The groups that were cut, in the order they were first cut.
    let mut cut: Vec<(Code, String)> = Vec::new();
    let mut shown = Vec::new();
    let mut over = 0;
    for d in diags {
        let key = (d.code, d.message.clone());
        let n = seen.entry(key.clone()).or_insert(0);
        let before = *n;
        *n += 1 + d.more;
        if before >= REPEATS_SHOWN || *n > REPEATS_SHOWN {
            if before <= REPEATS_SHOWN && *n > REPEATS_SHOWN {
                cut.push(key);
            }
            if before >= REPEATS_SHOWN {
                continue;
            }
        }
        if shown.len() >= max {
            over += 1;
            continue;
        }
        shown.push(d);
    }
    let mut notes: Vec<String> = cut
        .into_iter()
        .map(|key| {
            let more = seen[&key] - REPEATS_SHOWN;
            format!(
                "{} more like \"{}\" [{}] are not shown",
                thousands(more),
                key.1,
                key.0
            )
        })
        .collect();
    if over > 0 {
        notes.push(format!(
            "{} more diagnostic{} not shown; --max-errors sets how many are shown (now {max})",
            thousands(over),
            if over == 1 { " is" } else { "s are" }
        ));
    }
    Bounded {
        shown,
        notes,
        errors,
        warnings,
    }
}

impl std::error::Error for Diagnostics {}

impl miette::Diagnostic for Diagnostics {
    fn severity(&self) -> Option<miette::Severity> {
        Some(if self.error_count() > 0 {
            miette::Severity::Error
        } else {
            miette::Severity::Warning
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        Some(Box::new(
            self.diagnostics
                .iter()
                .map(|d| d as &dyn miette::Diagnostic),
        ))
    }
}

/// The source as a diagnostic shows it: control characters would act on
/// the reader's terminal (an escape sequence recolours it, a carriage
/// return that ends no line sends the cursor back over the line) and bidi
/// controls would reorder the very line shown, so each becomes a visible
/// stand-in of the same length in bytes, and every span still points where
/// it did.
fn displayable(source: &str) -> String {
    let shown = |(i, c): (usize, char)| match c {
        '\t' | '\n' => None,
        '\r' if crate::syntax::lex::crlf_at(source.as_bytes(), i) => None,
        '\u{0}'..='\u{1F}' | '\u{7F}' => Some('?'),
        '\u{80}'..='\u{9F}' => Some('\u{BF}'),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {
            Some('\u{FFFD}')
        }
        _ => None,
    };
    if !source.char_indices().any(|ic| shown(ic).is_some()) {
        return source.to_string();
    }
    source
        .char_indices()
        .map(|(i, c)| match shown((i, c)) {
            Some(s) if s.len_utf8() == c.len_utf8() => s,
            _ => c,
        })
        .collect()
}

/// One diagnostic with the source it points into.
#[derive(Debug)]
pub struct Attached<'a> {
    pub diag: std::borrow::Cow<'a, Diagnostic>,
    source: Shown<'a>,
    /// Secondary labels far above the primary one, shown after it.
    earlier: Vec<Earlier<'a>>,
}

/// A secondary label shown after its diagnostic's primary one.
#[derive(Debug)]
struct Earlier<'a> {
    label: Label,
    source: &'a NamedSource<String>,
}

impl fmt::Display for Earlier<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label.message)
    }
}

impl std::error::Error for Earlier<'_> {}

impl miette::Diagnostic for Earlier<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.label.message.clone()), self.label.span),
        )))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }
}

/// What a diagnostic is shown on.
#[derive(Debug)]
enum Shown<'a> {
    Whole(&'a NamedSource<String>),
    Excerpt(window::Excerpt),
}

impl fmt::Display for Attached<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.diag, f)
    }
}

impl std::error::Error for Attached<'_> {}

impl miette::Diagnostic for Attached<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::code(&*self.diag)
    }
    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(&*self.diag)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::help(&*self.diag)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        miette::Diagnostic::labels(&*self.diag)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(match &self.source {
            Shown::Whole(s) => *s,
            Shown::Excerpt(e) => e,
        })
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.earlier.is_empty() {
            return None;
        }
        Some(Box::new(
            self.earlier.iter().map(|e| e as &dyn miette::Diagnostic),
        ))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(self.label.clone(), self.span);
        let secondary = self
            .secondary
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// Renders diagnostics as text with miette's graphical handler.
///
/// `color` chooses ANSI colours; `width` the terminal width. Tests use
/// no colour, a fixed width and Unicode box drawing, so that snapshots are
/// the same on every machine.
pub fn render(diags: &Diagnostics, color: bool, width: usize) -> String {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
        .with_urls(false);
    let mut out = String::new();
    for d in diags.iter() {
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &d);
    }
    out
}

/// The catalogue of diagnostics, `docs/diagnostics.md`, built into relc.
pub const CATALOGUE: &str = include_str!("../../docs/diagnostics.md");

/// The explanation of a code: its section of `docs/diagnostics.md`, with
/// the bad and fixed examples.
pub fn explain(code: Code) -> Option<&'static str> {
    let heading = format!("## {} {}\n", code.as_str(), code.name());
    let start = CATALOGUE.find(&heading)?;
    let rest = &CATALOGUE[start..];
    let end = rest[heading.len()..]
        .find("\n## ")
        .map_or(rest.len(), |i| heading.len() + i + 1);
    Some(rest[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::{Code, Diagnostic, bound, displayable, thousands};
    use crate::span::Span;

    #[test]
    fn a_flood_is_cut_and_counted() {
        let mut ds: Vec<Diagnostic> = (0..10_001)
            .map(|i| Diagnostic::new(Code::UnbalancedEmphasis, Span::new(i, i + 1), "open"))
            .collect();
        ds.extend(
            (0..100)
                .map(|i| Diagnostic::new(Code::UnknownId, Span::new(i, i + 1), format!("id {i}"))),
        );
        let b = bound(ds, 50);
        assert_eq!((b.errors, b.warnings), (10_101, 0));
        assert_eq!(b.shown.len(), 50);
        assert_eq!(
            b.notes,
            [
                "9,998 more like \"open\" [E0602] are not shown",
                "53 more diagnostics are not shown; --max-errors sets how many are shown (now 50)"
            ]
        );
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn shown_source_keeps_its_byte_offsets() {
        let src = "a\u{7}b\u{1B}[0mc\u{85}d\u{202E}e\u{2067}f\tg\rh\r\n";
        let shown = displayable(src);
        assert_eq!(shown.len(), src.len());
        assert_eq!(shown, "a?b?[0mc\u{BF}d\u{FFFD}e\u{FFFD}f\tg?h\r\n");
        for (i, _) in src.char_indices() {
            assert!(shown.is_char_boundary(i));
        }
    }
}
