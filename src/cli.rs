//! The command line: argument parsing, files, terminals and exit codes.
//!
//! Exit codes: 0 on success (warnings allowed), 1 when the input has errors
//! or cannot be read, 2 on usage errors (clap's own).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod batch;
mod files;
mod man;
mod serve;
use files::{FsLoader, read_source};
use relc::diag::Diagnostics;
use relc::{EmitOptions, Format};

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

/// How a PDF (`--format pdf`) is printed.
#[derive(clap::Args)]
struct PrintArgs {
    /// pdf: the paper; by default A4, or US Letter for a US or Canadian
    /// locale.
    #[arg(long, value_parser = paper_parser())]
    paper: Option<relc::emit::pdf::Paper>,
    /// pdf: the issuer's logo for the letterhead, a PNG, JPEG or SVG file.
    #[arg(long, value_name = "FILE")]
    logo: Option<PathBuf>,
}

/// Who an e-mail (`--format eml`) is from and to.
#[derive(clap::Args)]
struct MailArgs {
    /// eml: who the message is from, such as "Press Office
    /// <press@example.org>". Required for eml: relc does not guess it.
    #[arg(long, value_name = "ADDRESS")]
    from: Option<relc::emit::eml::Mailbox>,
    /// eml: where replies go, when not to the sender.
    #[arg(long, value_name = "ADDRESS")]
    reply_to: Option<relc::emit::eml::Mailbox>,
    /// eml: the list the release is sent to; may be given more than once.
    /// Without it the mailing tool adds the recipients.
    #[arg(long, value_name = "ADDRESS")]
    to: Vec<relc::emit::eml::Mailbox>,
}

#[derive(Subcommand)]
enum Command {
    /// Check releases and write them as HTML, JSON, text and more.
    ///
    /// One file writes to standard output (or -o). Folders and several
    /// files need --out-dir: every release under them is built, on all
    /// cores, into the same folder structure, with index.html and
    /// index.json.
    Build {
        /// .rel files or folders; `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The output formats, separated by commas. One file: html unless
        /// given. --out-dir: html,ics,vcf unless given (the page and the
        /// files it links to).
        #[arg(long, short, value_delimiter = ',', value_parser = format_parser())]
        format: Vec<Format>,
        /// One file: write here instead of standard output. The file is
        /// replaced whole, and only when the build succeeds.
        #[arg(long, short, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Build every release under the inputs into this folder.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// With --out-dir: write nothing; exit 1 with a diff for every
        /// output that is missing or out of date.
        #[arg(long, requires = "out_dir")]
        check: bool,
        /// With --out-dir: after building, rebuild whatever a saved file
        /// touches, until stopped.
        #[arg(long, requires = "out_dir", conflicts_with = "check")]
        watch: bool,
        /// No progress and no summary; diagnostics still print.
        #[arg(long, short)]
        quiet: bool,
        /// With --out-dir: build on this many threads (default: one per
        /// core).
        #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Wrap text output at this column.
        #[arg(long, default_value_t = 72)]
        width: usize,
        /// HTML: only the <article>, for pasting into a CMS.
        #[arg(long)]
        fragment: bool,
        /// HTML: render through this minijinja template instead of the
        /// built-in one (`relc template` prints that, to start from).
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// With --out-dir: render the site's index pages through this
        /// minijinja template instead of the built-in one (`relc template
        /// --index` prints that).
        #[arg(long, value_name = "FILE", requires = "out_dir")]
        index_template: Option<PathBuf>,
        /// The moment the build is for, such as 2017-02-21T09:00:00Z or
        /// 2017-02-21T09:00[Asia/Ho_Chi_Minh]: a page shows its embargo
        /// banner only while the embargo holds then, and a site build
        /// keeps releases still under embargo out of its index. The clock
        /// unless given; --check needs it, so a check answers the same
        /// whenever it runs.
        #[arg(long, value_name = "TIME", value_parser = parse_now)]
        now: Option<jiff::Timestamp>,
        /// With --out-dir: the address the site is published at, such as
        /// https://example.org/news/. The feed's links are then absolute,
        /// and a sitemap.xml is written (a sitemap lists absolute URLs).
        #[arg(long, value_name = "URL", requires = "out_dir", value_parser = parse_site_url)]
        site_url: Option<Box<url::Url>>,
        #[command(flatten)]
        mail: Box<MailArgs>,
        #[command(flatten)]
        print: PrintArgs,
        #[command(flatten)]
        diags: Diags,
    },
    /// Write a new release from a documented starting point, dated today.
    New {
        /// The file to create; `.rel` is added when missing.
        name: PathBuf,
        #[command(flatten)]
        unused: Unused,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        #[command(flatten)]
        unused: Unused,
    },
    /// Print the manual page (roff).
    Man {
        /// A command, such as build: its own page (relc-build(1)).
        command: Option<String>,
        #[command(flatten)]
        unused: Unused,
    },
    /// Print the built-in HTML template, to start a house style from.
    Template {
        /// The template of a site's index pages instead (see
        /// --index-template).
        #[arg(long, conflicts_with = "pdf")]
        index: bool,
        /// The print template of --format pdf instead (Typst; see
        /// docs/formats.md).
        #[arg(long)]
        pdf: bool,
        #[command(flatten)]
        unused: Unused,
    },
    /// Print the JSON Schema of the JSON output.
    Schema {
        #[command(flatten)]
        unused: Unused,
    },
    /// Preview a release, or a folder of them, in a browser: pages are
    /// built on request and reload themselves when a source is saved.
    Serve {
        /// A .rel file, or a folder of them.
        path: PathBuf,
        /// The port; 0 picks a free one.
        #[arg(long, default_value_t = 4000)]
        port: u16,
        /// The address to listen on. The default, loopback, keeps the
        /// preview to this machine.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        #[command(flatten)]
        diags: Diags,
    },
    /// Run the language server, speaking LSP on standard input and output
    /// (see docs/editors.md).
    Lsp {
        #[command(flatten)]
        diags: Diags,
    },
    /// Check releases without writing anything.
    Check {
        /// The .rel files, or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        diags: Diags,
    },
    /// Format .rel files in the canonical layout, in place.
    Fmt {
        /// Files or folders (searched for .rel files); `-` formats standard
        /// input to standard output.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write nothing: exit 1, with a diff, if any file would change.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        diags: Diags,
    },
    /// Explain a diagnostic code, with a bad and a fixed example.
    Explain {
        /// A code such as E0101, or its name, such as unknown-id. Without
        /// one, the catalogue: every code, one line each.
        code: Option<String>,
        /// Print the catalogue: every code with its name and what it is
        /// about, one line each.
        #[arg(long, conflicts_with = "code")]
        list: bool,
        #[command(flatten)]
        unused: Unused,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = match &cli.command {
        Command::Build { diags, .. }
        | Command::Check { diags, .. }
        | Command::Fmt { diags, .. }
        | Command::Serve { diags, .. }
        | Command::Lsp { diags } => diags.clone().or(&cli.diags).ui(),
        Command::New { unused, .. }
        | Command::Completions { unused, .. }
        | Command::Man { unused, .. }
        | Command::Template { unused, .. }
        | Command::Schema { unused }
        | Command::Explain { unused, .. } => Diags::from(unused.clone()).or(&cli.diags).ui(),
    };
    match cli.command {
        Command::Build {
            inputs,
            format,
            output,
            out_dir,
            check,
            watch,
            quiet,
            jobs,
            width,
            fragment,
            template,
            index_template,
            now,
            site_url,
            mail,
            print,
            ..
        } => {
            if let Some(n) = jobs {
                // The only pool relc makes; it cannot have been built yet.
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(usize::from(n))
                    .build_global();
            }
            let mut opts = EmitOptions::default();
            opts.text.width = width;
            opts.html.fragment = fragment;
            if check && now.is_none() {
                ui.error(
                    "--check needs --now TIME: the pages and the index depend on whether an embargo has lifted, so a check without a fixed moment could pass today and fail tomorrow",
                );
                return ExitCode::from(2);
            }
            opts.html.now = Some(now.unwrap_or_else(jiff::Timestamp::now));
            let MailArgs { from, reply_to, to } = *mail;
            if format.contains(&Format::Eml) && from.is_none() {
                ui.error(&relc::emit::eml::MailError::NoSender.to_string());
                return ExitCode::from(2);
            }
            opts.mail = relc::emit::eml::MailOptions { from, reply_to, to };
            // A Typst template (`.typ`) prints the PDF; any other renders
            // the HTML page.
            let (template, print_template) = match template {
                Some(t) if t.extension().is_some_and(|e| e == "typ") => (None, Some(t)),
                t => (t, None),
            };
            if template.is_some() && !format.is_empty() && !format.contains(&Format::Html) {
                ui.error("--template applies to --format html (or, a .typ file, to --format pdf)");
                return ExitCode::from(2);
            }
            if print_template.is_some() && !format.contains(&Format::Pdf) {
                ui.error("a .typ template prints the PDF: give --format pdf");
                return ExitCode::from(2);
            }
            opts.pdf.paper = print.paper;
            opts.pdf.template = match ui.template(print_template.as_deref()) {
                Ok(t) => t,
                Err(code) => return code,
            };
            if let Some(path) = &print.logo {
                opts.pdf.logo = match read_logo(path) {
                    Ok(l) => Some(l),
                    Err(e) => {
                        ui.error(&e);
                        return ExitCode::from(2);
                    }
                };
            }
            match out_dir {
                Some(dir) => {
                    let template_src = match ui.template(template.as_deref()) {
                        Ok(t) => t,
                        Err(code) => return code,
                    };
                    let index_src = match ui.template(index_template.as_deref()) {
                        Ok(t) => t,
                        Err(code) => return code,
                    };
                    let formats = if format.is_empty() {
                        vec![Format::Html, Format::Ics, Format::Vcf]
                    } else {
                        format
                    };
                    let b = batch::Batch {
                        inputs: &inputs,
                        out_dir: &dir,
                        formats: &formats,
                        opts: &opts,
                        template: template_src.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
                        index_template: index_src.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
                        site_url: site_url.as_deref(),
                        check,
                        quiet,
                        cache: Default::default(),
                    };
                    if watch {
                        batch::watch(&ui, &b)
                    } else {
                        batch::run(&ui, &b)
                    }
                }
                None => {
                    if inputs.len() != 1 || inputs[0].is_dir() {
                        ui.error("several inputs, or a folder, need --out-dir DIR");
                        return ExitCode::from(2);
                    }
                    if format.len() > 1 {
                        ui.error("several formats need --out-dir DIR");
                        return ExitCode::from(2);
                    }
                    let format = format.first().copied().unwrap_or(Format::Html);
                    ui.build(
                        &inputs[0],
                        format,
                        output.as_deref(),
                        &opts,
                        template.as_deref(),
                    )
                }
            }
        }
        Command::New { name, .. } => new_release(&ui, &name),
        Command::Completions { shell, .. } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "relc", &mut out);
            printed(&String::from_utf8_lossy(&out))
        }
        Command::Man { command, .. } => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match man::page(cmd, command.as_deref()) {
                Some(Ok(page)) => printed(&page),
                Some(Err(e)) => {
                    ui.error(&format!("cannot write the manual page: {e}"));
                    ExitCode::FAILURE
                }
                None => {
                    ui.error(&format!(
                        "relc has no command `{}`; `relc man` lists them",
                        command.unwrap_or_default()
                    ));
                    ExitCode::from(2)
                }
            }
        }
        Command::Template { index, pdf, .. } => printed(if index {
            relc::emit::site::TEMPLATE
        } else if pdf {
            relc::emit::pdf::TEMPLATE
        } else {
            relc::emit::html::TEMPLATE
        }),
        Command::Schema { .. } => printed(&relc::json_schema()),
        Command::Serve {
            path, port, host, ..
        } => serve::run(&ui, &path, &host, port),
        Command::Lsp { .. } => {
            let (conn, io) = relc::lsp::transport::connect(
                std::io::BufReader::new(std::io::stdin()),
                std::io::stdout(),
            );
            let served = relc::lsp::run(&conn, &ui.loader());
            drop(conn);
            match served
                .map_err(|e| e.to_string())
                .and_then(|()| io.join().map_err(|e| e.to_string()))
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    ui.error(&format!("language server: {e}"));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { files, .. } => {
            let mut failed = false;
            for f in &files {
                failed |= !ui.check(f).is_some_and(|c| c.ok());
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Explain { code, .. } => match code {
            Some(code) => explain(&code, &ui),
            None => printed(&catalogue()),
        },
        Command::Fmt { files, check, .. } => ui.fmt(&files, check),
    }
}

/// `--now`: an instant in UTC or with an offset (RFC 3339), or a local
/// time with its zone (RFC 9557).
fn parse_now(s: &str) -> Result<jiff::Timestamp, String> {
    s.parse::<jiff::Timestamp>()
        .or_else(|_| s.parse::<jiff::ZonedDateTime>().map(|z| z.timestamp()))
        .map_err(|_| {
            format!("`{s}` is not a moment; write it like 2017-02-21T09:00:00Z or 2017-02-21T09:00[Asia/Ho_Chi_Minh]")
        })
}

/// `--format`: the library's formats by name, listed in the help. The
/// library knows nothing of clap.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::name))
        .map(|name| Format::from_name(&name).unwrap_or(Format::Html))
}

/// `--paper`, as [`format_parser`].
fn paper_parser() -> impl clap::builder::TypedValueParser<Value = relc::emit::pdf::Paper> {
    use clap::builder::TypedValueParser;
    use relc::emit::pdf::Paper;
    clap::builder::PossibleValuesParser::new(Paper::ALL.map(Paper::name)).map(|name| {
        Paper::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .unwrap_or(Paper::A4)
    })
}

/// `--logo`: an image Typst can place, read whole (at most 16 MiB).
fn read_logo(path: &Path) -> Result<relc::emit::pdf::Logo, String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| matches!(e.as_str(), "png" | "jpg" | "jpeg" | "svg" | "gif" | "webp"))
        .ok_or_else(|| {
            format!(
                "--logo {}: give a PNG, JPEG, GIF, WebP or SVG file",
                path.display()
            )
        })?;
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("--logo {}: {}", path.display(), files::reason(&e)))?;
    if meta.len() > 16 << 20 {
        return Err(format!(
            "--logo {}: {} bytes is more than a letterhead needs (at most 16 MiB)",
            path.display(),
            meta.len()
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| format!("--logo {}: {}", path.display(), files::reason(&e)))?;
    Ok(relc::emit::pdf::Logo { extension, bytes })
}

/// `--site-url`: an http or https address, read as a folder (a `/` is
/// added to its path when missing), so pages resolve beneath it.
fn parse_site_url(s: &str) -> Result<Box<url::Url>, String> {
    let mut u = url::Url::parse(s).map_err(|e| {
        format!("`{s}` is not an address ({e}); write it like https://example.org/news/")
    })?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(format!(
            "`{s}` is not a web address; write it like https://example.org/news/"
        ));
    }
    if u.query().is_some() || u.fragment().is_some() {
        return Err(format!(
            "`{s}` has a query or a fragment; a site's address is a folder, like https://example.org/news/"
        ));
    }
    if !u.path().ends_with('/') {
        let path = format!("{}/", u.path());
        u.set_path(&path);
    }
    Ok(Box::new(u))
}

/// The starting point `relc new` writes: every part of a release, with a
/// comment saying what goes there.
const NEW_RELEASE: &str = relc::check::placeholders::NEW_RELEASE;

fn new_release(ui: &Ui, name: &Path) -> ExitCode {
    let path = if name.extension().is_some_and(|e| e == "rel") {
        name.to_path_buf()
    } else {
        name.with_extension("rel")
    };
    if path.exists() {
        ui.error(&format!(
            "{} already exists; relc new writes only new files",
            path.display()
        ));
        return ExitCode::FAILURE;
    }
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let text = NEW_RELEASE.replace("2000-01-01", &today.to_string());
    match files::write_atomically(&path, text.as_bytes()) {
        Ok(()) => {
            say(&format!(
                "wrote {}; `relc check {}` tells what to fill in\n",
                path.display(),
                path.display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            ui.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// Every diagnostic code, one line each: code, name, severity, summary.
fn catalogue() -> String {
    relc::diag::Code::ALL
        .iter()
        .map(|c| {
            format!(
                "{}  {:<24} {:<7}  {}\n",
                c.as_str(),
                c.name(),
                match c.severity() {
                    relc::diag::Severity::Error => "error",
                    relc::diag::Severity::Warning => "warning",
                },
                c.summary()
            )
        })
        .collect()
}

fn explain(code: &str, ui: &Ui) -> ExitCode {
    match relc::diag::Code::parse(code).and_then(relc::diag::explain) {
        Some(text) => printed(&format!("{text}\n")),
        None => {
            let names = relc::diag::Code::ALL
                .iter()
                .flat_map(|c| [c.as_str(), c.name()]);
            let hint = match relc::suggest::closest(code, names) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => String::new(),
            };
            ui.error(&format!("no diagnostic has the code `{code}`{hint}"));
            ExitCode::from(2)
        }
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
        let project = relc::project::compile(at, &name, src, &self.loader(), stem);
        for (file, ds) in project.sources.split(&project.compiled.diagnostics) {
            let f = &project.sources.files[file];
            self.report(&f.name, &f.src, ds);
        }
        Some(project.compiled)
    }

    fn build(
        &self,
        path: &Path,
        format: Format,
        out: Option<&Path>,
        opts: &EmitOptions,
        template: Option<&Path>,
    ) -> ExitCode {
        // Read the template first: a missing one is an error before any work.
        let template = match self.template(template) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let Some(compiled) = self.check(path) else {
            return ExitCode::FAILURE;
        };
        if has_placeholders(&compiled) {
            self.error(&format!(
                "{} still holds the text `relc new` wrote (W0705 above); relc builds it once every placeholder is filled in",
                path.display()
            ));
            return ExitCode::FAILURE;
        }
        let Some(release) = compiled.release else {
            if compiled.ok() {
                self.error(&format!(
                    "{} holds shared declarations, not a release: build a release that uses it",
                    path.display()
                ));
            }
            return ExitCode::FAILURE;
        };
        // A calendar needs an event, an address book a card (RFC 5545,
        // RFC 6350): an empty one is refused, not written.
        let empty = match format {
            Format::Ics if release.meetings.is_empty() => {
                Some("meetings, and a calendar needs at least one event")
            }
            Format::Vcf if release.contacts.is_empty() => {
                Some("contacts, and an address book needs at least one card")
            }
            _ => None,
        };
        if let Some(why) = empty {
            self.error(&format!(
                "{} has no {why}; nothing is written",
                path.display()
            ));
            return ExitCode::FAILURE;
        }
        let text = match &template {
            None => match relc::render_bytes(&release, format, opts) {
                Ok(bytes) => bytes,
                Err(e @ relc::RenderError::Mail(_)) => {
                    self.error(&e.to_string());
                    return ExitCode::from(2);
                }
                Err(e) => {
                    self.error(&format!("{} cannot be printed: {e}", path.display()));
                    return ExitCode::FAILURE;
                }
            },
            Some((tname, t)) => match relc::emit::html::emit_with(&release, opts.html, tname, t) {
                Ok(html) => html.into_bytes(),
                Err(e) => {
                    let mut msg = format!("the template {tname} cannot render this release: {e}");
                    let mut source = std::error::Error::source(&e);
                    while let Some(cause) = source {
                        msg.push_str(&format!(": {cause}"));
                        source = cause.source();
                    }
                    self.error(&msg);
                    return ExitCode::FAILURE;
                }
            },
        };
        let written = match out.filter(|p| *p != Path::new("-")) {
            None => {
                let mut stdout = std::io::stdout().lock();
                if format == Format::Pdf && std::io::IsTerminal::is_terminal(&stdout) {
                    self.error(
                        "a PDF is not for a terminal: give -o FILE.pdf, or redirect the output",
                    );
                    return ExitCode::from(2);
                }
                stdout
                    .write_all(&text)
                    .and_then(|_| stdout.flush())
                    .map_err(|e| format!("cannot write to standard output: {e}"))
            }
            Some(p) => files::write_atomically(p, &text),
        };
        match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                self.error(&msg);
                ExitCode::FAILURE
            }
        }
    }
}

impl Ui {
    fn fmt(&self, inputs: &[PathBuf], check: bool) -> ExitCode {
        let mut failed = false;
        let mut changed = 0;
        for path in files::rel_files(inputs) {
            let (name, src) = match read_source(&path, self.max_input) {
                Ok(x) => x,
                Err(e) => {
                    self.unreadable(e);
                    failed = true;
                    continue;
                }
            };
            let formatted = match relc::fmt::format(&src) {
                Ok(f) => f,
                Err(diags) => {
                    self.report(&name, &src, diags);
                    self.error(&format!("{name} has syntax errors; it is left as it is"));
                    failed = true;
                    continue;
                }
            };
            if path == Path::new("-") {
                failed |= !print_out(&formatted);
                continue;
            }
            if formatted == src {
                continue;
            }
            changed += 1;
            if check {
                let diff = similar::TextDiff::from_lines(&src, &formatted);
                print_out(
                    &diff
                        .unified_diff()
                        .context_radius(3)
                        .header(&name, &format!("{name} (formatted)"))
                        .to_string(),
                );
            } else if let Err(msg) = files::rewrite(&path, formatted.as_bytes()) {
                self.error(&msg);
                failed = true;
            }
        }
        if check && changed > 0 {
            self.error(&format!(
                "{changed} file{} would be reformatted; run `relc fmt` on {}",
                if changed == 1 { "" } else { "s" },
                if changed == 1 { "it" } else { "them" }
            ));
            failed = true;
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Whether a release still holds the placeholders of `relc new`, which
/// a build refuses (a check only warns).
fn has_placeholders(c: &relc::Compiled) -> bool {
    c.diagnostics
        .iter()
        .any(|d| d.code == relc::diag::Code::Placeholder)
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
