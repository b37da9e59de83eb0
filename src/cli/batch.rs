//! `relc build DIR_OR_FILES... --out-dir OUT`: every release under the
//! inputs, compiled on all cores, written where the folders say, with an
//! index; `--check` compares instead of writing; `--watch` rebuilds on save.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use rayon::prelude::*;
use relc::{EmitOptions, Format};

use super::files::{self, read_source};
use super::{Ui, stem_of};

/// What a batch build is asked to do.
pub struct Batch<'a> {
    pub inputs: &'a [PathBuf],
    pub out_dir: &'a Path,
    pub formats: &'a [Format],
    pub opts: &'a EmitOptions,
    /// A house template: its file's name and its text.
    pub template: Option<(&'a str, &'a str)>,
    /// A house template for the index pages: its file's name and text.
    pub index_template: Option<(&'a str, &'a str)>,
    /// Where the site is published: absolute links in the feed, and a
    /// sitemap.
    pub site_url: Option<&'a url::Url>,
    pub check: bool,
    pub quiet: bool,
    /// Used files parsed once for the whole batch.
    pub cache: relc::project::ParseCache,
}

/// One source file found under the inputs.
#[derive(Clone)]
struct Job {
    path: PathBuf,
    /// The folder of its outputs, relative to the output folder.
    out_dir: PathBuf,
}

/// What building one file gave.
struct Built {
    job: Job,
    /// A file of shared declarations only: not a release.
    shared: bool,
    /// Diagnostics, per file, ready to print.
    reports: Vec<(String, std::sync::Arc<str>, Vec<relc::diag::Diagnostic>)>,
    /// An error that is not a diagnostic (an unreadable file).
    error: Option<String>,
    release: Option<relc::model::Release>,
    /// Output files, relative to the output folder.
    outputs: Vec<(PathBuf, Vec<u8>)>,
    /// The files read, for watching.
    inputs: Vec<PathBuf>,
}

impl Built {
    fn failed(&self) -> bool {
        self.error.is_some() || (!self.shared && self.release.is_none())
    }
}

/// The `.rel` files under the inputs, each with the folder its outputs go
/// to: a folder's files keep their place below it; a file named on its own
/// goes to the top.
fn jobs(inputs: &[PathBuf]) -> Vec<Job> {
    let mut out: Vec<Job> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            out.extend(files::releases_under(input).into_iter().map(|path| {
                let rel = path.strip_prefix(input).unwrap_or(&path);
                Job {
                    out_dir: rel.parent().map(Path::to_path_buf).unwrap_or_default(),
                    path,
                }
            }));
        } else {
            out.push(Job {
                path: input.clone(),
                out_dir: PathBuf::new(),
            });
        }
    }
    out
}

fn build_one(
    ui: &Ui,
    job: &Job,
    b: &Batch<'_>,
    languages: &std::collections::HashMap<PathBuf, Vec<relc::model::LanguageLink>>,
) -> Built {
    let mut built = Built {
        job: job.clone(),
        shared: false,
        reports: Vec::new(),
        error: None,
        release: None,
        outputs: Vec::new(),
        inputs: vec![job.path.clone()],
    };
    let (name, src) = match read_source(&job.path, ui.max_input) {
        Ok(x) => x,
        Err(e) => {
            match e.shown {
                Some(b) => {
                    let (name, shown, d) = *b;
                    built.reports.push((name, shown.into(), vec![d]));
                    built.error = Some(String::new());
                }
                None => {
                    built.error = Some(format!("[{}] {}", relc::diag::Code::Unreadable, e.message))
                }
            }
            return built;
        }
    };
    let project = relc::project::compile_cached(
        &job.path,
        &name,
        src,
        &ui.loader(),
        stem_of(&job.path),
        &b.cache,
        relc::project::Keep::AllButBody,
    );
    // Declarations alone, cleanly parsed: a shared file, not a release. A
    // file with syntax errors is reported, never skipped.
    // (A file is `recovered` exactly when it had a syntax error.)
    if project.compiled.shared && !project.syntax[0].recovered {
        built.shared = true;
        return built;
    }
    built.inputs = project.inputs.clone();
    for (file, ds) in project.sources.split(&project.compiled.diagnostics) {
        let f = &project.sources.files[file];
        built.reports.push((f.name.clone(), f.src.clone(), ds));
    }
    if super::build::has_placeholders(&project.compiled) {
        built.error = Some(format!(
            "{name} still holds the text `relc new` wrote (W0705); it is built once every placeholder is filled in"
        ));
        return built;
    }
    let Some(mut release) = project.compiled.release else {
        return built;
    };
    release.translations = languages.get(&job.path).cloned().unwrap_or_default();
    // A calendar with no event, or an address book with no card, is not
    // written (RFC 5545 wants one component at least); the page links to
    // what is.
    let writes = |f: Format| {
        b.formats.contains(&f)
            && match f {
                Format::Ics => release.calendar_meetings().next().is_some(),
                Format::Vcf => !release.contacts.is_empty(),
                _ => true,
            }
    };
    let mut opts = b.opts.clone();
    opts.html.links = relc::emit::html::Links {
        calendar: writes(Format::Ics),
        cards: writes(Format::Vcf),
    };
    for &format in b.formats.iter().filter(|f| writes(**f)) {
        let text = match (format, b.template) {
            (Format::Html, Some((tname, t))) => {
                match relc::emit::html::emit_with(&release, opts.html, tname, t) {
                    Ok(h) => h.into_bytes(),
                    Err(e) => {
                        built.error = Some(format!(
                            "{name}: the template {tname} cannot render it: {e}"
                        ));
                        return built;
                    }
                }
            }
            _ => match relc::render_bytes(&release, format, &opts) {
                Ok(text) => text,
                Err(e) => {
                    built.error = Some(format!("{name}: {e}"));
                    return built;
                }
            },
        };
        let file = job
            .out_dir
            .join(format!("{}.{}", release.id, format.extension()));
        built.outputs.push((file, text));
    }
    built.release = Some(release);
    built
}

/// Builds everything, prints what there is to print, and writes (or, with
/// `--check`, compares). Returns the exit code and what was built.
fn run_once(ui: &Ui, b: &Batch<'_>, jobs: &[Job]) -> (ExitCode, Vec<Built>) {
    let bar = (!b.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    // The languages of each release, among the files of the batch.
    let paths: Vec<PathBuf> = jobs.iter().map(|j| j.path.clone()).collect();
    let languages = relc::project::language_links(&paths, &ui.loader(), None);
    let built: Vec<Built> = jobs
        .par_iter()
        .map(|job| {
            let out = build_one(ui, job, b, &languages);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            out
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let code = finish(ui, b, &built);
    (code, built)
}

/// Prints the diagnostics in file order, then writes or compares outputs,
/// and the index last, listing only the releases whose every output is in
/// place.
fn finish(ui: &Ui, b: &Batch<'_>, built: &[Built]) -> ExitCode {
    // The releases that failed, by their place in `built`: counted once
    // each, whatever went wrong with them.
    let mut failed: BTreeSet<usize> = BTreeSet::new();
    // A shared file's diagnostics come with every release that uses it:
    // print each one once.
    let mut printed: HashSet<(String, usize, usize, relc::diag::Code)> = HashSet::new();
    for (i, x) in built.iter().enumerate() {
        for (name, src, ds) in &x.reports {
            let fresh: Vec<_> = ds
                .iter()
                .filter(|d| printed.insert((name.clone(), d.span.start, d.span.end, d.code)))
                .cloned()
                .collect();
            if !fresh.is_empty() {
                ui.report(name, src, fresh);
            }
        }
        if let Some(e) = x.error.as_deref().filter(|e| !e.is_empty()) {
            ui.error(e);
        }
        if x.failed() {
            failed.insert(i);
        }
    }

    // Two releases that would write one file: neither is written, neither
    // is listed; nor is a release that would write over the site's index.
    let mut claims: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
    for (i, x) in built.iter().enumerate() {
        for (path, _) in &x.outputs {
            claims.entry(path.as_path()).or_default().push(i);
        }
    }
    for (path, owners) in &claims {
        if owners.len() > 1 {
            let names: Vec<String> = owners
                .iter()
                .map(|&i| built[i].job.path.display().to_string())
                .collect();
            ui.error(&format!(
                "{} all write {}, so none of them is written: give each its own `id` in its header (`id \"{}-2\"`)",
                names.join(" and "),
                path.display(),
                path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
            ));
            failed.extend(owners.iter().copied());
        }
        if relc::emit::site::is_site_file(path) {
            for &i in owners {
                ui.error(&format!(
                    "{} would write {}, which is the site's index, so it is not written: give it another `id` in its header",
                    built[i].job.path.display(),
                    path.display()
                ));
                failed.insert(i);
            }
        }
    }

    let mut out = Output::new(ui, b);
    for (i, x) in built.iter().enumerate() {
        if failed.contains(&i) {
            continue;
        }
        for (rel, text) in &x.outputs {
            if !out.put(rel, text) {
                failed.insert(i);
            }
        }
    }
    // The index lists what is in place, so it is written last; a release
    // still under embargo at the build's moment is kept out of it, so the
    // site does not break its own embargo.
    let mut published: Vec<relc::emit::feed::Published<'_>> = Vec::new();
    for (i, x) in built.iter().enumerate() {
        let Some(r) = x.release.as_ref().filter(|_| !failed.contains(&i)) else {
            continue;
        };
        if let Some(e) = r.embargo.as_ref().filter(|e| e.holds_at(b.opts.html.now)) {
            if !b.quiet {
                super::say(&format!(
                    "note: {} is held back from the index, the feed and the sitemap until its embargo lifts at {}\n",
                    x.job.path.display(),
                    e.utc
                ));
            }
            continue;
        }
        let href = x.job.out_dir.join(format!("{}.html", r.id));
        let entry = relc::emit::site::Entry::new(
            r,
            href.to_string_lossy().replace('\\', "/"),
            b.opts.html.now,
        );
        published.push((entry, r));
    }
    published.sort_by(|a, b| relc::emit::site::order(&a.0, &b.0));
    let entries: Vec<relc::emit::site::Entry> = published.iter().map(|(e, _)| e.clone()).collect();
    let mut index_ok = true;
    let mut page_files = Vec::new();
    // The index lists each release once, with its languages.
    let listed = relc::emit::site::group_languages(&entries);
    match relc::emit::site::index_pages(
        &listed,
        b.index_template,
        relc::emit::site::PAGE_SIZE,
        true,
    ) {
        Ok(pages) => {
            for (name, text) in &pages {
                index_ok &= out.put(Path::new(name), text);
            }
            // Pages a larger site had before.
            let count = pages.len();
            out.drop_stale(|k| relc::emit::site::page_number(k).is_some_and(|n| n > count));
            page_files = pages.into_iter().map(|(name, _)| name).collect();
        }
        Err(e) => {
            ui.error(&format!("the index template failed: {e}"));
            index_ok = false;
        }
    }
    index_ok &= out.put(
        Path::new("index.json"),
        relc::emit::site::index_json(&listed),
    );
    match relc::emit::feed::atom(&published, b.site_url, b.opts.html.now) {
        Ok(feed) => index_ok &= out.put(Path::new(relc::emit::feed::FEED_FILE), &feed),
        Err(e) => {
            ui.error(&format!("the feed cannot be made: {e}"));
            index_ok = false;
        }
    }
    match b.site_url {
        Some(base) => {
            let (sitemap, left_out) = relc::emit::sitemap::sitemap(&entries, &page_files, base);
            if left_out > 0 {
                ui.error(&format!(
                    "{left_out} of the oldest releases are not in {}: a sitemap lists at most {} addresses",
                    relc::emit::sitemap::SITEMAP_FILE,
                    relc::emit::sitemap::MAX_URLS
                ));
            }
            index_ok &= out.put(Path::new(relc::emit::sitemap::SITEMAP_FILE), &sitemap);
        }
        // A sitemap an earlier build wrote with an address it no longer has.
        None => out.drop_stale(|k| k == relc::emit::sitemap::SITEMAP_FILE),
    }
    let (written, stale) = out.finish();

    let releases = built.iter().filter(|x| !x.shared).count();
    if b.check && stale > 0 {
        ui.error(&format!(
            "{stale} output file{} in {} {} missing or out of date; run the build without --check",
            if stale == 1 { "" } else { "s" },
            b.out_dir.display(),
            if stale == 1 { "is" } else { "are" },
        ));
    }
    if !failed.is_empty() {
        ui.error(&format!(
            "{} of {releases} release{} failed",
            failed.len(),
            if releases == 1 { "" } else { "s" }
        ));
    }
    if !b.quiet && !b.check && failed.is_empty() && index_ok {
        super::say(&format!(
            "built {releases} release{} into {} ({written} file{} written)\n",
            if releases == 1 { "" } else { "s" },
            b.out_dir.display(),
            if written == 1 { "" } else { "s" }
        ));
    }
    if !failed.is_empty() || stale > 0 || !index_ok {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Where a batch build writes, or with `--check` compares. It never
/// replaces a file it did not write: the files it wrote are listed in the
/// output folder's manifest, and a file that is there and not listed (a
/// hand-written `index.html` in a folder that is both source and output)
/// is left as it is, with an error.
struct Output<'a> {
    ui: &'a Ui,
    dir: &'a Path,
    check: bool,
    /// The files relc wrote here, by their path below the folder.
    manifest: BTreeSet<String>,
    /// The folders written into, where killed builds' temporary files are
    /// looked for.
    folders: BTreeSet<PathBuf>,
    written: usize,
    stale: usize,
}

/// The manifest's name in the output folder.
const MANIFEST: &str = ".relc-manifest";

impl<'a> Output<'a> {
    fn new(ui: &'a Ui, b: &'a Batch<'_>) -> Self {
        let manifest = std::fs::read_to_string(b.out_dir.join(MANIFEST))
            .map(|text| {
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        Output {
            ui,
            dir: b.out_dir,
            check: b.check,
            manifest,
            folders: BTreeSet::new(),
            written: 0,
            stale: 0,
        }
    }

    /// Writes (or compares) one file; false when it could not be written.
    fn put(&mut self, rel: &Path, text: impl AsRef<[u8]>) -> bool {
        let text = text.as_ref();
        let path = self.dir.join(rel);
        let key = rel.to_string_lossy().replace('\\', "/");
        let current = std::fs::read(&path).ok();
        if current.as_deref() == Some(text) {
            return true;
        }
        if self.check {
            self.stale += 1;
            let from = if current.is_some() {
                path.display().to_string()
            } else {
                "/dev/null".to_string()
            };
            let old = current.as_deref().unwrap_or(b"");
            match (std::str::from_utf8(old), std::str::from_utf8(text)) {
                (Ok(old), Ok(new)) => super::print_out(
                    &similar::TextDiff::from_lines(old, new)
                        .unified_diff()
                        .context_radius(3)
                        .header(&from, &format!("{} (built)", path.display()))
                        .to_string(),
                ),
                // A PDF: which file, not its bytes.
                _ => super::print_out(&format!(
                    "Binary files {from} and {} (built) differ\n",
                    path.display()
                )),
            };
            return true;
        }
        let exists = std::fs::symlink_metadata(&path).is_ok();
        if exists && !self.manifest.contains(&key) {
            self.ui.error(&format!(
                "{} is there already and relc did not write it, so it is left as it is: move it away, or build into another --out-dir",
                path.display()
            ));
            return false;
        }
        let parent = path.parent().unwrap_or(self.dir).to_path_buf();
        let made = std::fs::create_dir_all(&parent)
            .map_err(|e| format!("cannot create {}: {}", parent.display(), files::reason(&e)))
            .and_then(|()| files::write_atomically(&path, text));
        self.folders.insert(parent);
        match made {
            Ok(()) => {
                self.written += 1;
                self.manifest.insert(key);
                true
            }
            Err(e) => {
                self.ui.error(&e);
                false
            }
        }
    }

    /// Removes the files relc wrote that this build no longer makes: the
    /// index pages of a larger site, a sitemap from a build that knew the
    /// site's address (with `--check`, counts them as out of date).
    fn drop_stale(&mut self, stale: impl Fn(&str) -> bool) {
        let old: Vec<String> = self.manifest.iter().filter(|k| stale(k)).cloned().collect();
        for k in old {
            let path = self.dir.join(&k);
            if !path.exists() {
                self.manifest.remove(&k);
                continue;
            }
            if self.check {
                self.stale += 1;
                super::say(&format!(
                    "{} is a file of the site's that this build no longer makes\n",
                    path.display()
                ));
            } else if std::fs::remove_file(&path).is_ok() {
                self.manifest.remove(&k);
                self.written += 1;
            }
        }
    }

    /// Records what was written, and clears what killed builds left.
    /// The files written and the files found stale.
    fn finish(self) -> (usize, usize) {
        if !self.check && self.written > 0 {
            let mut text =
                String::from("# The files relc wrote in this folder. relc replaces only these.\n");
            for k in &self.manifest {
                text.push_str(k);
                text.push('\n');
            }
            if let Err(e) = files::write_atomically(&self.dir.join(MANIFEST), text.as_bytes()) {
                self.ui.error(&e);
            }
        }
        if !self.check {
            self.folders
                .iter()
                .chain(std::iter::once(&self.dir.to_path_buf()))
                .for_each(|d| files::remove_stale_temporaries(d));
        }
        (self.written, self.stale)
    }
}

pub fn run(ui: &Ui, b: &Batch<'_>) -> ExitCode {
    run_once(ui, b, &jobs(b.inputs)).0
}

/// Builds, then rebuilds whatever a saved file touches, until stopped.
pub fn watch(ui: &Ui, b: &Batch<'_>) -> ExitCode {
    use notify::{RecursiveMode, Watcher};
    let (_, mut built) = run_once(ui, b, &jobs(b.inputs));
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            ui.error(&format!("cannot watch files: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let mut watched: HashSet<PathBuf> = HashSet::new();
    let mut watch_all = |built: &[Built], watcher: &mut notify::RecommendedWatcher| {
        // Folders, not files: editors often save by renaming a new file over
        // the old one.
        let mut dirs: HashSet<PathBuf> = b
            .inputs
            .iter()
            .map(|i| if i.is_dir() { i.clone() } else { parent(i) })
            .collect();
        for x in built {
            dirs.extend(x.inputs.iter().map(|i| parent(i)));
        }
        for d in dirs {
            if watched.insert(d.clone()) {
                let mode = if b.inputs.contains(&d) {
                    RecursiveMode::Recursive
                } else {
                    RecursiveMode::NonRecursive
                };
                if let Err(e) = watcher.watch(&d, mode) {
                    ui.error(&format!("cannot watch {}: {e}", d.display()));
                }
            }
        }
    };
    watch_all(&built, &mut watcher);
    if !b.quiet {
        super::say("watching for changes; stop with Ctrl-C\n");
    }
    // What each source held when it was last built: an event on a file
    // whose bytes did not change (relc's own reads, an editor's touch, a
    // save of the same text) rebuilds nothing.
    let mut known: HashMap<PathBuf, Option<u64>> = HashMap::new();
    let remember = |built: &[Built], known: &mut HashMap<PathBuf, Option<u64>>| {
        for x in built {
            for i in &x.inputs {
                known.insert(canonical(i), content_hash(i, ui.max_input));
            }
        }
    };
    remember(&built, &mut known);
    while let Ok(first) = rx.recv() {
        // Gather the burst of events one save makes, until it has been
        // quiet for a moment.
        let mut changed: HashSet<PathBuf> = HashSet::new();
        let mut note = |ev: notify::Result<notify::Event>| {
            if let Ok(ev) = ev
                && changes_content(&ev.kind)
            {
                changed.extend(
                    ev.paths
                        .into_iter()
                        .filter(|p| relc::project::is_release_file(p)),
                );
            }
        };
        note(first);
        while let Ok(ev) = rx.recv_timeout(Duration::from_millis(150)) {
            note(ev);
        }
        // Only files whose bytes are not what was last built.
        changed.retain(|p| {
            let now = content_hash(p, ui.max_input);
            let canon = canonical(p);
            let same = known.get(&canon).is_some_and(|was| *was == now);
            if !same {
                known.insert(canon, now);
            }
            !same
        });
        if changed.is_empty() {
            continue;
        }
        let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let changed: HashSet<PathBuf> = changed.iter().map(|p| canon(p)).collect();
        let all = jobs(b.inputs);
        let affected: Vec<Job> = all
            .iter()
            .filter(|j| {
                changed.contains(&canon(&j.path))
                    || built
                        .iter()
                        .find(|x| x.job.path == j.path)
                        .is_some_and(|x| x.inputs.iter().any(|i| changed.contains(&canon(i))))
                    || !built.iter().any(|x| x.job.path == j.path)
            })
            .cloned()
            .collect();
        if affected.is_empty() {
            continue;
        }
        // A file may have become a translation, or stopped being one.
        let paths: Vec<PathBuf> = all.iter().map(|j| j.path.clone()).collect();
        let languages = relc::project::language_links(&paths, &ui.loader(), None);
        let rebuilt: Vec<Built> = affected
            .par_iter()
            .map(|j| build_one(ui, j, b, &languages))
            .collect();
        // Keep every other file's last build, so the index stays whole.
        let paths: HashSet<PathBuf> = all.iter().map(|j| j.path.clone()).collect();
        built.retain(|x| {
            paths.contains(&x.job.path) && !rebuilt.iter().any(|r| r.job.path == x.job.path)
        });
        let n = rebuilt.len();
        built.extend(rebuilt);
        built.sort_by(|x, y| x.job.path.cmp(&y.job.path));
        if !b.quiet {
            super::say(&format!(
                "rebuilding {n} release{}\n",
                if n == 1 { "" } else { "s" }
            ));
        }
        // Print only the diagnostics of what was rebuilt; write everything
        // that changed.
        let view: Vec<Built> = built
            .iter()
            .map(|x| Built {
                job: x.job.clone(),
                shared: x.shared,
                reports: if affected.iter().any(|a| a.path == x.job.path) {
                    x.reports.clone()
                } else {
                    Vec::new()
                },
                error: x.error.clone(),
                release: x.release.clone(),
                outputs: x.outputs.clone(),
                inputs: x.inputs.clone(),
            })
            .collect();
        let _ = finish(ui, b, &view);
        watch_all(&built, &mut watcher);
        remember(&built, &mut known);
    }
    ExitCode::SUCCESS
}

/// Whether a file event is a change of content: a file made, written,
/// renamed or removed. Reads (relc's own among them) and changes of
/// metadata alone are not.
fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind as K;
    use notify::event::ModifyKind as M;
    match kind {
        K::Create(_) | K::Remove(_) => true,
        K::Modify(M::Metadata(_)) => false,
        K::Modify(_) => true,
        K::Access(_) | K::Any | K::Other => false,
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A fingerprint of a file's bytes, or None when it cannot be read (gone).
fn content_hash(p: &Path, limit: u64) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let bytes = files::read_bounded(p, limit).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    Some(h.finish())
}

fn parent(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
