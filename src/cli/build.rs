//! `relc build`: one release to standard output or a file, or folders of
//! them into a site (see [`super::batch`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use relc::{EmitOptions, Format};

use super::{Diags, Ui, batch, files};

#[derive(clap::Args)]
pub struct Args {
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
    pub(super) diags: Diags,
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
    /// pdf: a font to set the release in beside the fonts relc bundles
    /// (Latin, Greek, Cyrillic), a TrueType or OpenType file: one that has
    /// the characters of a release in Chinese, Japanese, Korean or Thai.
    /// May be given more than once.
    #[arg(long, value_name = "FILE")]
    font: Vec<PathBuf>,
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

/// Builds what the arguments ask for.
pub fn run(ui: &Ui, args: Args) -> ExitCode {
    let Args {
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
    } = args;
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
    for path in &print.font {
        match read_font(path) {
            Ok(bytes) => opts.pdf.fonts.push(bytes),
            Err(e) => {
                ui.error(&e);
                return ExitCode::from(2);
            }
        }
    }
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
                batch::watch(ui, &b)
            } else {
                batch::run(ui, &b)
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
            one(
                ui,
                &inputs[0],
                format,
                output.as_deref(),
                &opts,
                template.as_deref(),
            )
        }
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
    let (extension, bytes) = read_house_file(
        "--logo",
        path,
        &["png", "jpg", "jpeg", "svg", "gif", "webp"],
        "a PNG, JPEG, GIF, WebP or SVG file",
        (16 << 20, "more than a letterhead needs (at most 16 MiB)"),
    )?;
    Ok(relc::emit::pdf::Logo { extension, bytes })
}

/// `--font`: a TrueType or OpenType file (or a collection of them), read
/// whole; at most 64 MiB, which holds the largest CJK fonts.
fn read_font(path: &Path) -> Result<Vec<u8>, String> {
    let (kind, bytes) = read_house_file(
        "--font",
        path,
        &["ttf", "otf", "ttc", "otc"],
        "a TrueType or OpenType file (.ttf, .otf, .ttc)",
        (64 << 20, "more than a font holds (at most 64 MiB)"),
    )?;
    relc::emit::pdf::check_font(&bytes)
        .map_err(|_| format!("--font {}: the {kind} file holds no font", path.display()))?;
    Ok(bytes)
}

/// A file the house gives the PDF (`flag`): one of `kinds` by its
/// extension, read whole, and no larger than `limit` bytes (with what to
/// say when it is). Its extension in lower case, and its bytes.
fn read_house_file(
    flag: &str,
    path: &Path,
    kinds: &[&str],
    what: &str,
    (limit, too_large): (u64, &str),
) -> Result<(String, Vec<u8>), String> {
    let shown = path.display();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| kinds.contains(&e.as_str()))
        .ok_or_else(|| format!("{flag} {shown}: give {what}"))?;
    let meta =
        std::fs::metadata(path).map_err(|e| format!("{flag} {shown}: {}", files::reason(&e)))?;
    if meta.len() > limit {
        return Err(format!(
            "{flag} {shown}: {} bytes is {too_large}",
            meta.len()
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("{flag} {shown}: {}", files::reason(&e)))?;
    Ok((extension, bytes))
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

/// Builds one release into one format.
fn one(
    ui: &Ui,
    path: &Path,
    format: Format,
    out: Option<&Path>,
    opts: &EmitOptions,
    template: Option<&Path>,
) -> ExitCode {
    // Read the template first: a missing one is an error before any work.
    let template = match ui.template(template) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let Some(compiled) = ui.check(path) else {
        return ExitCode::FAILURE;
    };
    if has_placeholders(&compiled) {
        ui.error(&format!(
                "{} still holds the text `relc new` wrote (W0705 above); relc builds it once every placeholder is filled in",
                path.display()
            ));
        return ExitCode::FAILURE;
    }
    let Some(mut release) = compiled.release else {
        if compiled.ok() {
            ui.error(&format!(
                "{} holds shared declarations, not a release: build a release that uses it",
                path.display()
            ));
        }
        return ExitCode::FAILURE;
    };
    // Its other languages: the translations beside it, or its original and
    // the other translations beside that.
    if path != Path::new("-") {
        use relc::project::Loader;
        let loader = ui.loader();
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        // Beside it: in its folder, not in the folders below (a press
        // office's root may hold years of releases under it).
        let files = files::releases_beside(dir);
        // An original's translations name its file: only those are read.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let naming = name.as_deref().filter(|_| release.translation_of.is_none());
        let links = relc::project::language_links(&files, &loader, naming);
        // Its own identity, too, is asked only where a family was found.
        if !links.is_empty() {
            let me = loader.identity(path);
            if let Some((_, l)) = links.iter().find(|(p, _)| loader.identity(p) == me) {
                release.translations = l.clone();
            }
        }
    }
    // A calendar needs an event, an address book a card (RFC 5545,
    // RFC 6350): an empty one is refused, not written.
    let empty = match format {
        Format::Ics if release.calendar_meetings().next().is_none() => {
            Some("meetings with their days known, and a calendar needs at least one event")
        }
        Format::Vcf if release.contacts.is_empty() => {
            Some("contacts, and an address book needs at least one card")
        }
        _ => None,
    };
    if let Some(why) = empty {
        ui.error(&format!(
            "{} has no {why}; nothing is written",
            path.display()
        ));
        return ExitCode::FAILURE;
    }
    // The page as a house template renders it: whole, within its bound.
    let housed = match &template {
        None => None,
        Some((tname, t)) => match relc::emit::html::emit_with(&release, opts.html, tname, t) {
            Ok(html) => Some(html.into_bytes()),
            Err(e) => {
                let mut msg = format!("the template {tname} cannot render this release: {e}");
                let mut source = std::error::Error::source(&e);
                while let Some(cause) = source {
                    msg.push_str(&format!(": {cause}"));
                    source = cause.source();
                }
                ui.error(&msg);
                return ExitCode::FAILURE;
            }
        },
    };
    // Written as it is made: a page is never held whole on its way out.
    let write = |w: &mut dyn Write| match &housed {
        Some(bytes) => w.write_all(bytes).map_err(|e| relc::RenderError::from(&e)),
        None => relc::render_to(&release, format, opts, w),
    };
    let target = out.filter(|p| *p != Path::new("-"));
    let written = match target {
        None => {
            let stdout = std::io::stdout().lock();
            if format == Format::Pdf && std::io::IsTerminal::is_terminal(&stdout) {
                ui.error("a PDF is not for a terminal: give -o FILE.pdf, or redirect the output");
                return ExitCode::from(2);
            }
            let mut stdout = std::io::BufWriter::new(stdout);
            write(&mut stdout)
                .and_then(|()| stdout.flush().map_err(|e| relc::RenderError::from(&e)))
                .map_err(files::Unwritten::By)
        }
        Some(p) => files::write_atomically_with(p, write),
    };
    let written = written.map_err(|e| match e {
        files::Unwritten::Io(msg) => (msg, ExitCode::FAILURE),
        files::Unwritten::By(relc::RenderError::Write(kind, why)) => {
            let to = target.map_or("to standard output".to_string(), |p| {
                p.display().to_string()
            });
            let why = files::reason(&std::io::Error::new(kind, why));
            (format!("cannot write {to}: {why}"), ExitCode::FAILURE)
        }
        files::Unwritten::By(e @ relc::RenderError::Mail(_)) => (e.to_string(), ExitCode::from(2)),
        files::Unwritten::By(e) => (
            format!("{} cannot be printed: {e}", path.display()),
            ExitCode::FAILURE,
        ),
    });
    // The process ends with this build: the model is left to the system
    // to take back, not freed node by node (on 1 MB of generated input,
    // 9.9M instructions, 4% of the build).
    std::mem::forget(release);
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err((msg, code)) => {
            ui.error(&msg);
            code
        }
    }
}

/// Whether a release still holds the placeholders of `relc new`, which
/// a build refuses (a check only warns).
pub(super) fn has_placeholders(c: &relc::Compiled) -> bool {
    c.diagnostics
        .iter()
        .any(|d| d.code == relc::diag::Code::Placeholder)
}
