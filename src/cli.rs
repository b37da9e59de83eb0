//! The command line: argument parsing, files, terminals and exit codes.
//!
//! Exit codes: 0 on success (warnings allowed), 1 when the input has errors
//! or cannot be read, 2 on usage errors (clap's own).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod batch;
mod serve;
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
    /// When to colour diagnostics. `auto` colours on a terminal, unless
    /// NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// How to print diagnostics: `human` (with the source), `short` (one
    /// line each), `json` (one object per line) or `github` (GitHub Actions
    /// annotations).
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    /// The largest input read, in MiB. Larger files are refused before
    /// they are read.
    #[arg(long, global = true, value_name = "MIB", default_value_t = 128)]
    max_input_mib: u64,
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
    Build {
        /// .rel files or folders; `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The output formats, separated by commas. One file: html unless
        /// given. --out-dir: html,ics,vcf unless given (the page and the
        /// files it links to).
        #[arg(long, short, value_enum, value_delimiter = ',')]
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
    },
    /// Write a new release from a documented starting point, dated today.
    New {
        /// The file to create; `.rel` is added when missing.
        name: PathBuf,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// Print the built-in HTML template, to start a house style from.
    Template,
    /// Print the JSON Schema of the JSON output.
    Schema,
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
    },
    /// Run the language server, speaking LSP on standard input and output
    /// (see docs/editors.md).
    Lsp,
    /// Check releases without writing anything.
    Check {
        /// The .rel files, or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
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
    },
    /// Explain a diagnostic code, with a bad and a fixed example.
    Explain {
        /// A code such as E0101, or its name, such as unknown-id.
        code: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
    };
    let ui = Ui {
        color,
        format: cli.message_format,
        max_input: cli.max_input_mib.saturating_mul(1024 * 1024),
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
            if template.is_some() && !format.is_empty() && !format.contains(&Format::Html) {
                ui.error("--template applies to --format html");
                return ExitCode::from(2);
            }
            match out_dir {
                Some(dir) => {
                    let template_src =
                        match template.as_deref().map(|t| (t, std::fs::read_to_string(t))) {
                            None => None,
                            Some((_, Ok(s))) => Some(s),
                            Some((t, Err(e))) => {
                                ui.error(&format!(
                                    "cannot read template {}: {}",
                                    t.display(),
                                    io_reason(&e)
                                ));
                                return ExitCode::FAILURE;
                            }
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
                        template: template_src.as_deref(),
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
        Command::New { name } => new_release(&ui, &name),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "relc", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            match clap_mangen::Man::new(cmd).render(&mut out) {
                Ok(()) => {
                    print!("{}", String::from_utf8_lossy(&out));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    ui.error(&format!("cannot write the manual page: {e}"));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Template => {
            print!("{}", relc::emit::html::TEMPLATE);
            ExitCode::SUCCESS
        }
        Command::Schema => {
            print!("{}", relc::json_schema());
            ExitCode::SUCCESS
        }
        Command::Serve { path, port, host } => serve::run(&ui, &path, &host, port),
        Command::Lsp => {
            let (conn, io) = lsp_server::Connection::stdio();
            let served = relc::lsp::run(&conn, &FsLoader);
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
        Command::Check { files } => {
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
        Command::Explain { code } => explain(&code, &ui),
        Command::Fmt { files, check } => ui.fmt(&files, check),
    }
}

/// The starting point `relc new` writes: every part of a release, with a
/// comment saying what goes there.
const NEW_RELEASE: &str = include_str!("cli/new.rel");

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
    match write_atomically(&path, text.as_bytes()) {
        Ok(()) => {
            eprintln!(
                "wrote {}; `relc check {}` tells what to fill in",
                path.display(),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            ui.error(&e);
            ExitCode::FAILURE
        }
    }
}

fn explain(code: &str, ui: &Ui) -> ExitCode {
    match relc::diag::Code::parse(code).and_then(relc::diag::explain) {
        Some(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
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
}

impl Ui {
    fn error(&self, msg: &str) {
        let prefix = if self.color {
            "\x1b[1;31merror\x1b[0m"
        } else {
            "error"
        };
        eprintln!("{prefix}: {msg}");
    }

    /// Prints a file's diagnostics in the chosen message format.
    fn report(&self, name: &str, src: &str, d: Vec<relc::diag::Diagnostic>) {
        use relc::diag::format;
        match self.format {
            MessageFormat::Human => {
                let diags = Diagnostics::new(name, src, d);
                eprint!(
                    "{}",
                    relc::diag::render(&diags, self.color, terminal_width())
                );
                if diags.error_count() > 0 {
                    self.error(&format!("{diags}"));
                }
            }
            MessageFormat::Short => eprint!("{}", format::short(name, src, &d)),
            MessageFormat::Json => eprint!("{}", format::json(name, src, &d)),
            MessageFormat::Github => eprint!("{}", format::github(name, src, &d)),
        }
    }

    /// Reads and checks one file, printing its diagnostics. What the check
    /// found, when the file could be read.
    fn check(&self, path: &Path) -> Option<relc::Compiled> {
        let (name, src) = match read_source(path, self.max_input) {
            Ok(x) => x,
            Err(msg) => {
                self.error(&msg);
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
        let project = relc::project::compile(at, &name, src, &FsLoader, stem);
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
        let template = match template.map(|t| (t, std::fs::read_to_string(t))) {
            None => None,
            Some((_, Ok(src))) => Some(src),
            Some((t, Err(e))) => {
                self.error(&format!(
                    "cannot read template {}: {}",
                    t.display(),
                    io_reason(&e)
                ));
                return ExitCode::FAILURE;
            }
        };
        let Some(compiled) = self.check(path) else {
            return ExitCode::FAILURE;
        };
        let Some(release) = compiled.release else {
            if compiled.ok() {
                self.error(&format!(
                    "{} holds shared declarations, not a release: build a release that uses it",
                    path.display()
                ));
            }
            return ExitCode::FAILURE;
        };
        let text = match &template {
            None => relc::render(&release, format, opts),
            Some(t) => match relc::emit::html::emit_with(&release, opts.html, t) {
                Ok(html) => html,
                Err(e) => {
                    let mut msg = format!("the template cannot render this release: {e}");
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
                stdout
                    .write_all(text.as_bytes())
                    .and_then(|_| stdout.flush())
                    .map_err(|e| format!("cannot write to standard output: {e}"))
            }
            Some(p) => write_atomically(p, text.as_bytes()),
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
        for path in rel_files(inputs) {
            let (name, src) = match read_source(&path, self.max_input) {
                Ok(x) => x,
                Err(msg) => {
                    self.error(&msg);
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
                print!("{formatted}");
                continue;
            }
            if formatted == src {
                continue;
            }
            changed += 1;
            if check {
                let diff = similar::TextDiff::from_lines(&src, &formatted);
                print!(
                    "{}",
                    diff.unified_diff()
                        .context_radius(3)
                        .header(&name, &format!("{name} (formatted)"))
                );
            } else if let Err(msg) = write_atomically(&path, formatted.as_bytes()) {
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

/// The .rel files named, with folders searched; in a stable order.
fn rel_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| p.extension().is_some_and(|x| x == "rel"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    out
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// Reads a source file, or standard input for `-`. The name it returns is
/// the one diagnostics show.
fn read_source(path: &Path, limit: u64) -> Result<(String, String), String> {
    let name = path.display().to_string();
    let too_big = |what: &str| {
        format!(
            "{what} is larger than {} MiB, the most relc reads; raise the limit with --max-input-mib",
            limit / (1024 * 1024)
        )
    };
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        if buf.len() as u64 > limit {
            return Err(too_big("standard input"));
        }
        buf
    } else {
        if path.is_dir() {
            return Err(format!("{name} is a directory, not a .rel file"));
        }
        let meta = std::fs::metadata(path)
            .map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?;
        if meta.len() > limit {
            return Err(too_big(&name));
        }
        std::fs::read(path).map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?
    };
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        name
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((name, s)),
        Err(e) => Err(format!(
            "{name} is not UTF-8 text: the byte at offset {} is not valid UTF-8",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads the files a release uses from disk.
struct FsLoader;

impl relc::project::Loader for FsLoader {
    fn load(&self, path: &Path) -> std::io::Result<String> {
        let bytes = std::fs::read(path)?;
        String::from_utf8(bytes).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "not UTF-8 text: the byte at offset {} is not valid UTF-8",
                    e.utf8_error().valid_up_to()
                ),
            )
        })
    }

    fn releases_under(&self, dir: &Path) -> Vec<PathBuf> {
        // Hidden folders (.git), build output and installed packages hold
        // no one's releases, and can be large.
        let skip = |e: &walkdir::DirEntry| {
            e.depth() > 0
                && e.file_type().is_dir()
                && e.file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with('.') || n == "target" || n == "node_modules")
        };
        let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_entry(|e| !skip(e))
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .filter(|p| p.extension().is_some_and(|x| x == "rel"))
            .collect();
        out.sort();
        out
    }
}

/// Writes a file whole or not at all: a temporary file in the same folder,
/// then a rename over the target.
/// The default id of the release in a file: its name without `.rel`
/// (`release` for standard input).
fn stem_of(path: &Path) -> &str {
    match path.file_stem().and_then(|s| s.to_str()) {
        Some("-") | None => "release",
        Some(stem) => stem,
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.display();
    let fail = |e: &std::io::Error| format!("cannot write {name}: {}", io_reason(e));
    // A temporary file is private (0600) by default. The output is not: a
    // new file gets the mode any new file gets (0666 less the umask), and a
    // file that is replaced keeps the mode it had.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(&e))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.flush())
        .map_err(|e| fail(&e))?;
    if let Some(perms) = existing {
        tmp.as_file().set_permissions(perms).map_err(|e| fail(&e))?;
    }
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}
