//! The command line: argument parsing, files, terminals and exit codes.
//! Each command is a file of its own (`build.rs`, `check.rs`, ...), with
//! its arguments and what it does; this file parses, sets up the [`Ui`]
//! every command reports through, and hands over.
//!
//! Exit codes: 0 on success (warnings allowed), 1 when the input has errors
//! or cannot be read, 2 on usage errors (clap's own).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod batch;
mod build;
mod check;
mod completions;
mod explain;
mod files;
mod fmt;
mod lsp;
mod man;
mod new;
mod schema;
mod serve;
mod template;

use files::{FsLoader, read_source};
use relc::diag::Diagnostics;

#[derive(Parser)]
#[command(
    name = "relc",
    version,
    about = "Press releases as checked source: .rel to HTML, JSON and wire text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    diags: Diags,
}

/// How diagnostics are printed and what may be read: for the commands
/// that read releases (build, check, fmt, serve, lsp). They may stand
/// before the command too, as they once had to.
#[derive(clap::Args, Clone, Default)]
struct Diags {
    /// When to colour diagnostics: auto (the default) colours on a
    /// terminal, unless NO_COLOR is set; always; never.
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<Color>,
    /// How to print diagnostics: human (the default, with the source),
    /// short (one line each), json (one object per line) or github (GitHub
    /// Actions annotations).
    #[arg(long, value_enum, value_name = "FORMAT")]
    message_format: Option<MessageFormat>,
    /// The largest input read, in MiB (128 unless given). Larger files,
    /// and what they use, are refused.
    #[arg(long, value_name = "MIB")]
    max_input_mib: Option<u64>,
    /// Let a release `use` files outside its project (the nearest folder
    /// above it under version control, or marked with an empty
    /// `.relc-root`). Without it, such a `use` is an error, so a release
    /// cannot read files elsewhere on the machine.
    #[arg(long)]
    allow_use_outside: bool,
    /// The most diagnostics printed for a file (50 unless given); the rest
    /// are counted. Repeats of one message are counted after the third.
    #[arg(long, value_name = "N")]
    max_errors: Option<usize>,
}

/// The same flags on the commands that print no diagnostics: accepted, so
/// a script that passes them everywhere keeps working, and left out of
/// their help, where they would mean nothing.
#[derive(clap::Args, Clone, Default)]
struct Unused {
    #[arg(long, value_enum, hide = true)]
    color: Option<Color>,
    #[arg(long, value_enum, hide = true)]
    message_format: Option<MessageFormat>,
    #[arg(long, hide = true)]
    max_input_mib: Option<u64>,
    #[arg(long, hide = true)]
    allow_use_outside: bool,
    #[arg(long, hide = true)]
    max_errors: Option<usize>,
}

impl From<Unused> for Diags {
    fn from(u: Unused) -> Self {
        Diags {
            color: u.color,
            message_format: u.message_format,
            max_input_mib: u.max_input_mib,
            allow_use_outside: u.allow_use_outside,
            max_errors: u.max_errors,
        }
    }
}

impl Diags {
    /// These, with what `outer` (given before the command) says where
    /// these say nothing.
    fn or(self, outer: &Diags) -> Diags {
        Diags {
            color: self.color.or(outer.color),
            message_format: self.message_format.or(outer.message_format),
            max_input_mib: self.max_input_mib.or(outer.max_input_mib),
            allow_use_outside: self.allow_use_outside || outer.allow_use_outside,
            max_errors: self.max_errors.or(outer.max_errors),
        }
    }

    fn ui(&self) -> Ui {
        let color = match self.color.unwrap_or(Color::Auto) {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
            }
        };
        Ui {
            color,
            format: self.message_format.unwrap_or(MessageFormat::Human),
            max_input: self
                .max_input_mib
                .unwrap_or(128)
                .saturating_mul(1024 * 1024),
            allow_outside: self.allow_use_outside,
            max_errors: self.max_errors.unwrap_or(relc::diag::DEFAULT_MAX_SHOWN),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    Human,
    Short,
    Json,
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Check releases and write them as HTML, JSON, text and more.
    ///
    /// One file writes to standard output (or -o). Folders and several
    /// files need --out-dir: every release under them is built, on all
    /// cores, into the same folder structure, with index.html and
    /// index.json.
    Build(build::Args),
    /// Write a new release from a documented starting point, dated today.
    New(new::Args),
    /// Print a shell completion script.
    Completions(completions::Args),
    /// Print the manual page (roff).
    Man(man::Args),
    /// Print the built-in HTML template, to start a house style from.
    Template(template::Args),
    /// Print the JSON Schema of the JSON output.
    Schema(schema::Args),
    /// Preview a release, or a folder of them, in a browser: pages are
    /// built on request and reload themselves when a source is saved.
    Serve(serve::Args),
    /// Run the language server, speaking LSP on standard input and output
    /// (see docs/editors.md).
    Lsp(lsp::Args),
    /// Check releases without writing anything.
    Check(check::Args),
    /// Format .rel files in the canonical layout, in place.
    Fmt(fmt::Args),
    /// Explain a diagnostic code, with a bad and a fixed example.
    Explain(explain::Args),
}

impl Command {
    /// How this command prints diagnostics and what it may read: the
    /// flags given after it. Commands that print none accept them too.
    fn diags(&self) -> Diags {
        match self {
            Command::Build(a) => a.diags.clone(),
            Command::Check(a) => a.diags.clone(),
            Command::Fmt(a) => a.diags.clone(),
            Command::Serve(a) => a.diags.clone(),
            Command::Lsp(a) => a.diags.clone(),
            Command::New(a) => a.unused.clone().into(),
            Command::Completions(a) => a.unused.clone().into(),
            Command::Man(a) => a.unused.clone().into(),
            Command::Template(a) => a.unused.clone().into(),
            Command::Schema(a) => a.unused.clone().into(),
            Command::Explain(a) => a.unused.clone().into(),
        }
    }
}

/// Runs the command given, each in a file of its own.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = cli.command.diags().or(&cli.diags).ui();
    match cli.command {
        Command::Build(a) => build::run(&ui, a),
        Command::New(a) => new::run(&ui, a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(&ui, a),
        Command::Template(a) => template::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Serve(a) => serve::command(&ui, a),
        Command::Lsp(a) => lsp::run(&ui, a),
        Command::Check(a) => check::run(&ui, a),
        Command::Explain(a) => explain::run(&ui, a),
        Command::Fmt(a) => fmt::run(&ui, a),
    }
}

struct Ui {
    color: bool,
    format: MessageFormat,
    max_input: u64,
    allow_outside: bool,
    max_errors: usize,
}

/// Writes to standard error. A standard error that cannot be written to
/// (`2>/dev/full`, a closed pipe) loses the message; it never stops relc.
fn say(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes what a command prints to standard output: false, with the
/// reason on standard error, when it cannot be written.
fn print_out(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) => {
            say(&format!("error: cannot write to standard output: {e}\n"));
            false
        }
    }
}

/// The exit code of a command whose work is what it prints.
fn printed(text: &str) -> ExitCode {
    if print_out(text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

impl Ui {
    fn error(&self, msg: &str) {
        let prefix = if self.color {
            "\x1b[1;31merror\x1b[0m"
        } else {
            "error"
        };
        say(&format!("{prefix}: {msg}\n"));
    }

    /// Reads a house template, within the input limit; its name and text.
    fn template(&self, path: Option<&Path>) -> Result<Option<(String, String)>, ExitCode> {
        let Some(path) = path else {
            return Ok(None);
        };
        match read_source(path, self.max_input) {
            Ok(t) => Ok(Some(t)),
            Err(e) => {
                self.error(&format!("template: {}", e.message));
                Err(ExitCode::FAILURE)
            }
        }
    }

    /// Says why a source could not be read: as a diagnostic where there is
    /// text to show, in every message format.
    fn unreadable(&self, e: files::Unreadable) {
        match e.shown {
            Some(b) => {
                let (name, shown, d) = *b;
                self.report(&name, &shown, vec![d]);
            }
            None => {
                let code = relc::diag::Code::Unreadable;
                match self.format {
                    MessageFormat::Human => self.error(&format!("[{code}] {}", e.message)),
                    MessageFormat::Short => say(&format!("error[{code}]: {}\n", e.message)),
                    MessageFormat::Json => say(&format!(
                        "{}\n",
                        serde_json::json!({
                            "file": e.name,
                            "code": code.as_str(),
                            "name": code.name(),
                            "severity": "error",
                            "message": e.message,
                            "span": null,
                            "secondary": [],
                            "help": null,
                        })
                    )),
                    MessageFormat::Github => say(&format!(
                        "::error file={},title={code}::{}\n",
                        e.name, e.message
                    )),
                }
            }
        }
    }

    /// Reads files from disk within this run's limits.
    fn loader(&self) -> FsLoader {
        FsLoader {
            max_input: self.max_input,
            allow_outside: self.allow_outside,
        }
    }

    /// Prints a file's diagnostics in the chosen message format, bounded:
    /// at most --max-errors of them, repeats counted after the third.
    fn report(&self, name: &str, src: &str, d: Vec<relc::diag::Diagnostic>) {
        use relc::diag::format;
        let b = relc::diag::bound(d, self.max_errors);
        match self.format {
            MessageFormat::Human => {
                let diags = Diagnostics::new(name, src, b.shown);
                say(&relc::diag::render(&diags, self.color, terminal_width()));
                for n in &b.notes {
                    say(&format!("note: {n}\n"));
                }
                if b.errors > 0 {
                    self.error(&relc::diag::summary(name, b.errors, b.warnings));
                }
            }
            MessageFormat::Short => {
                say(&format::short(name, src, &b.shown));
                for n in &b.notes {
                    say(&format!("{name}: note: {n}\n"));
                }
            }
            MessageFormat::Json => {
                say(&format::json(name, src, &b.shown));
                for n in &b.notes {
                    say(&format!(
                        "{}\n",
                        serde_json::json!({ "file": name, "severity": "note", "message": n })
                    ));
                }
            }
            MessageFormat::Github => {
                say(&format::github(name, src, &b.shown));
                for n in &b.notes {
                    say(&format!("::notice file={name}::{n}\n"));
                }
            }
        }
    }

    /// Reads and checks one file, printing its diagnostics. What the check
    /// found, when the file could be read.
    fn check(&self, path: &Path) -> Option<relc::Compiled> {
        let (name, src) = match read_source(path, self.max_input) {
            Ok(x) => x,
            Err(e) => {
                self.unreadable(e);
                return None;
            }
        };
        let stem = stem_of(path);
        // Standard input uses files relative to the working folder.
        let at = if path == Path::new("-") {
            Path::new("<stdin>")
        } else {
            path
        };
        // Only the release and its diagnostics are wanted: the body's
        // syntax tree is dropped as it is checked.
        let project = relc::project::compile_cached(
            at,
            &name,
            src,
            &self.loader(),
            stem,
            &relc::project::ParseCache::default(),
            relc::project::Keep::AllButBody,
        );
        for (file, ds) in project.sources.split(&project.compiled.diagnostics) {
            let f = &project.sources.files[file];
            self.report(&f.name, &f.src, ds);
        }
        Some(project.compiled)
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// The default id of the release in a file: its name without `.rel`
/// (`release` for standard input).
fn stem_of(path: &Path) -> &str {
    match path.file_stem().and_then(|s| s.to_str()) {
        Some("-") | None => "release",
        Some(stem) => stem,
    }
}
