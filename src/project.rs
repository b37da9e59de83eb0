//! A release and the files it `use`s, in one space of positions.
//!
//! Each file is parsed at its own base offset, as rustc's source map does,
//! so a span alone says which file it points into, and a diagnostic from a
//! used file is shown in that file. Reading files is the caller's: the
//! library asks a [`Loader`], and does no I/O of its own.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::ast::{self, Item};

/// Reads the files a release uses.
pub trait Loader {
    fn load(&self, path: &Path) -> std::io::Result<String>;

    /// At most the first `max` bytes of a file, cut at a character: what a
    /// search through a folder for translations reads of each release
    /// ([`TRANSLATES_WITHIN`]). By default, the whole file, cut.
    fn load_head(&self, path: &Path, max: usize) -> std::io::Result<String> {
        let mut text = self.load(path)?;
        text.truncate(text.floor_char_boundary(max));
        Ok(text)
    }

    /// What makes a file the same file however its path is spelt: on disk,
    /// its canonical path (symlinks and `..` resolved). Cycles and files
    /// used twice are found by this, not by spelling. By default, the path
    /// as given (already normalised lexically).
    fn identity(&self, path: &Path) -> PathBuf {
        path.to_path_buf()
    }

    /// The folder a release's `use`s must stay inside, when there is one:
    /// on disk, the root of the project the release is in. None puts no
    /// bound on them.
    fn project_root(&self, _release: &Path) -> Option<PathBuf> {
        None
    }

    /// Every `.rel` file under a folder, in path order: where an editor
    /// looks for the releases a rename must reach. None, unless the loader
    /// can list folders.
    fn releases_under(&self, _dir: &Path) -> Vec<PathBuf> {
        Vec::new()
    }
}

/// How far into a translation its `translates` may stand. A release's
/// languages are found by reading this much of each release beside it, not
/// each one whole: in a folder of 2,000 releases, a build of one reads
/// 2,000 heads. A translation whose `translates` stands further in could
/// not be found, so it is refused (E0802).
pub const TRANSLATES_WITHIN: usize = 64 * 1024;

/// What marks the root of a release's project: a folder holding one of
/// these (a version-controlled tree, or a folder marked for relc with an
/// empty `.relc-root`). A release's `use`s stay inside its project.
pub const ROOT_MARKERS: &[&str] = &[".relc-root", ".git", ".hg", ".jj", ".svn"];

/// The root of the project a release is in: the nearest folder above it
/// that holds one of [`ROOT_MARKERS`], as `is_there` finds them (the
/// caller's file system; the library does no I/O). Give it the release's
/// canonical path.
pub fn find_root(release: &Path, is_there: impl Fn(&Path) -> bool) -> Option<PathBuf> {
    release
        .ancestors()
        .skip(1)
        .find(|d| ROOT_MARKERS.iter().any(|m| is_there(&d.join(m))))
        .map(Path::to_path_buf)
}

/// Compiles a release that stands alone, or whose `use`s name no file:
/// every `use` is reported as unreadable.
pub struct NoFiles;

impl Loader for NoFiles {
    fn load(&self, _: &Path) -> std::io::Result<String> {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no files can be read here",
        ))
    }
}

/// One file of a project.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given, for messages.
    pub name: String,
    pub path: PathBuf,
    /// Shared with the texts of its syntax tree (see `ast::Str`).
    pub src: Arc<str>,
    /// Where this file's positions start.
    pub base: usize,
}

/// The files of a project.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
}

impl SourceMap {
    /// The file a position is in.
    pub fn file_of(&self, pos: usize) -> usize {
        self.files.iter().rposition(|f| f.base <= pos).unwrap_or(0)
    }

    /// A span as its file and the position within it.
    pub fn local(&self, span: Span) -> (usize, Span) {
        let i = self.file_of(span.start);
        let base = self.files[i].base;
        (
            i,
            Span::new(span.start - base, span.end.saturating_sub(base)),
        )
    }

    /// The diagnostics of each file, in file order, with spans made local
    /// to their file. A secondary label that points into another file is
    /// left out, as a snippet shows one file.
    pub fn split(&self, diags: &[Diagnostic]) -> Vec<(usize, Vec<Diagnostic>)> {
        let mut out: Vec<(usize, Vec<Diagnostic>)> = Vec::new();
        for d in diags {
            let (file, span) = self.local(d.span);
            let mut local = d.clone();
            local.span = span;
            local.secondary = d
                .secondary
                .iter()
                .filter_map(|l| {
                    let (f, s) = self.local(l.span);
                    (f == file).then(|| crate::diag::Label {
                        span: s,
                        message: l.message.clone(),
                    })
                })
                .collect();
            match out.iter_mut().find(|(f, _)| *f == file) {
                Some((_, v)) => v.push(local),
                None => out.push((file, vec![local])),
            }
        }
        out.sort_by_key(|(f, _)| *f);
        out
    }

    /// Renders diagnostics file by file with miette (see [`crate::diag::render`]).
    pub fn render(&self, diags: &[Diagnostic], color: bool, width: usize) -> String {
        let mut out = String::new();
        for (file, ds) in self.split(diags) {
            let f = &self.files[file];
            let d = crate::diag::Diagnostics::new(&f.name, &f.src, ds);
            out.push_str(&crate::diag::render(&d, color, width));
        }
        out
    }

    fn next_base(&self) -> usize {
        // At least one position between files, so no span of one touches
        // another; and a used file starts on a multiple of FILE_STRIDE, so
        // it has the same base in every release that uses it the same way,
        // and its parse can be shared (see [`ParseCache`]).
        self.files.last().map_or(0, |f| {
            (f.base + f.src.len() + 1).div_ceil(FILE_STRIDE) * FILE_STRIDE
        })
    }
}

/// Where used files start: a release of up to 4 GiB, and each file it
/// uses, keep to their own stride of positions.
const FILE_STRIDE: usize = 1 << 32;

/// A used file's text, its tree and its syntax diagnostics.
type Parsed = (Arc<str>, ast::File, Vec<Diagnostic>);

/// Parsed used files, shared between the releases of a batch build: a
/// press office's shared declarations are read and parsed once, not once
/// per release. Keyed by path and base; an entry is used only while the
/// file's text is the same.
#[derive(Default)]
pub struct ParseCache {
    parsed: std::sync::Mutex<std::collections::HashMap<(PathBuf, usize), Arc<Parsed>>>,
}

impl ParseCache {
    fn parse(&self, path: &Path, src: &Arc<str>, base: usize) -> (ast::File, Vec<Diagnostic>) {
        let key = (path.to_path_buf(), base);
        if let Ok(map) = self.parsed.lock()
            && let Some(hit) = map.get(&key)
            && *hit.0 == **src
        {
            return (hit.1.clone(), hit.2.clone());
        }
        let (file, mut diags) = crate::syntax::parse_at(src, base);
        diags.extend(crate::syntax::lex::scan_at(src, base));
        if let Ok(mut map) = self.parsed.lock() {
            map.insert(
                key,
                Arc::new((Arc::clone(src), file.clone(), diags.clone())),
            );
        }
        (file, diags)
    }
}

/// A compiled release with the files it was made from.
#[derive(Debug)]
pub struct Project {
    pub sources: SourceMap,
    pub compiled: crate::Compiled,
    /// Every file read, for watching: the release and what it uses.
    pub inputs: Vec<PathBuf>,
    /// The syntax tree of each file, the release's first, with spans in the
    /// project's one space of positions (a span's file is
    /// `sources.file_of(span.start)`): for an editor.
    pub syntax: Vec<ast::File>,
}

/// Compiles the release in `path` (its text is `src`), reading what it uses
/// through `loader`.
pub fn compile(
    path: &Path,
    name: &str,
    src: String,
    loader: &dyn Loader,
    default_id: &str,
) -> Project {
    compile_cached(
        path,
        name,
        src,
        loader,
        default_id,
        &ParseCache::default(),
        Keep::Everything,
    )
}

/// What [`compile_cached`] keeps of the release's syntax tree in
/// [`Project::syntax`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// All of it: an editor asks what is where.
    Everything,
    /// All but its body's blocks, which are checked one by one, each
    /// block's tree dropped as its model is made: for a build, which needs
    /// the release and its diagnostics only. (A translation keeps its
    /// body, which is compared with its original's after the check.)
    AllButBody,
}

/// The blocks of `file`'s first body, taken out of it.
fn take_body(file: &mut ast::File) -> Option<Vec<ast::Block>> {
    file.items.iter_mut().find_map(|i| match i {
        Item::Body(p) => Some(std::mem::take(&mut p.blocks)),
        _ => None,
    })
}

/// As [`compile`], taking used files already parsed from `cache`, and
/// leaving the ones it parses there.
pub fn compile_cached(
    path: &Path,
    name: &str,
    src: String,
    loader: &dyn Loader,
    default_id: &str,
    cache: &ParseCache,
    keep: Keep,
) -> Project {
    let mut sources = SourceMap::default();
    let mut diags = Vec::new();
    let src: Arc<str> = src.into();
    let (mut main, d) = crate::syntax::parse_at(&src, 0);
    diags.extend(d);
    diags.extend(crate::syntax::lex::scan_at(&src, 0));
    sources.files.push(SourceFile {
        name: name.to_string(),
        path: normalise(path),
        src,
        base: 0,
    });
    let mut used: Vec<ast::File> = Vec::new();
    let mut walk = Walk {
        loader,
        cache,
        root: loader.project_root(&normalise(path)),
        stack: vec![(loader.identity(&normalise(path)), name.to_string())],
        seen: Vec::new(),
    };
    walk.uses(&main, 0, &mut sources, &mut used, &mut diags);
    // A translation: its original's facts, and how it answers to them.
    // The file as written, for an editor; a translation is checked with its
    // original's facts merged into its header.
    let translates = main.items.iter().any(|i| {
        matches!(i, Item::Release(r) if r.fields.iter().any(|f| f.key.node == crate::schema::Field::Translates.name()))
    });
    let as_written = translates.then(|| main.clone());
    let original = walk.original(&mut main, &mut sources, &mut used, &mut diags);
    // An original that cannot be read: its facts and declarations are
    // missing, and nothing is reported missing for that.
    if original.is_none() && diags.iter().any(|d| d.code == Code::TranslationOf) {
        main.missing_uses = true;
        main.missing_original = true;
    }

    // A use that could not be followed: any id may be declared there.
    main.missing_uses |= diags.iter().any(|d| {
        matches!(
            d.code,
            Code::UseMissing | Code::UseCycle | Code::UseNotRel | Code::UseOutside
        )
    });
    let house = walk.house_words(&main, &mut sources, &mut diags);
    // A translation's body is compared with its original's after the check.
    let body = match keep {
        Keep::AllButBody if !translates => take_body(&mut main),
        _ => None,
    };
    let mut compiled = crate::finish(
        &main,
        &used,
        diags,
        default_id,
        house.as_ref().map(|(s, base)| (s.as_str(), *base)),
        body,
    );
    if let Some(o) = &original {
        answer_to_original(&mut compiled, &used[o.index], &main);
        if let Some(r) = compiled.release.as_mut() {
            r.translation_of = Some(o.link.clone());
        }
    }
    let inputs = sources.files.iter().map(|f| f.path.clone()).collect();
    let mut syntax = vec![match as_written {
        Some(file) => ast::File {
            missing_uses: main.missing_uses,
            missing_original: main.missing_original,
            ..file
        },
        None => main,
    }];
    syntax.extend(used);
    Project {
        sources,
        compiled,
        inputs,
        syntax,
    }
}

/// A translation checked against its original (see
/// [`crate::check::translation`]), unless text of either was skipped or
/// swallowed by a slip of the braces: what seems missing then stands
/// there, and the comparison would only repeat the slip.
fn answer_to_original(compiled: &mut crate::Compiled, original: &ast::File, main: &ast::File) {
    let slipped = main.recovered
        || original.recovered
        || compiled
            .diagnostics
            .iter()
            .any(|d| matches!(d.code, Code::Syntax | Code::StrayBrace));
    if slipped {
        return;
    }
    let found = crate::check::translation::compare(original, main);
    if found.iter().any(Diagnostic::is_error) {
        compiled.release = None;
    }
    compiled.diagnostics.extend(found);
    crate::diag::sort(&mut compiled.diagnostics);
}

/// Why a file could not be read, in the words of a diagnostic's label.
fn unreadable(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Following the `use`s of a release, depth first.
struct Walk<'a> {
    loader: &'a dyn Loader,
    cache: &'a ParseCache,
    /// The project's root, which no used file may be outside of.
    root: Option<PathBuf>,
    /// The files being read, by identity, with their names: a cycle is a
    /// file that uses one of these.
    stack: Vec<(PathBuf, String)>,
    /// The identities of the used files read so far: one used twice (a
    /// diamond) is read once.
    seen: Vec<PathBuf>,
}

/// The original a translation translates, as read.
struct Original {
    /// Where its syntax tree is among the used files.
    index: usize,
    link: crate::model::LanguageLink,
}

/// What is wrong with the path of a file a release reads, with the file's
/// name for messages.
enum Unreachable {
    /// Not a `.rel` file; `through_link`: its name is, the file it leads
    /// to is not.
    NotRel { name: String, through_link: bool },
    /// Outside the project's root.
    Outside { name: String, root: PathBuf },
}

impl Walk<'_> {
    /// Where a path written in the file at `file_index` leads: the file,
    /// its name for messages, and its identity; or why relc reads no such
    /// file. The one rule for every file a release reads besides itself.
    fn locate(
        &self,
        rel: &str,
        file_index: usize,
        sources: &SourceMap,
    ) -> Result<(PathBuf, String, PathBuf), Unreachable> {
        let dir = sources.files[file_index]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        // Names for messages are made from the names given, not from where
        // the files happen to be on this machine.
        let name_dir = Path::new(&sources.files[file_index].name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let target = normalise(&dir.join(rel));
        let target_name = normalise(&name_dir.join(rel)).display().to_string();
        let identity = self.loader.identity(&target);
        // Only release sources are read, so no other file's lines can be
        // shown in a diagnostic.
        if !is_release_file(&target) || !is_release_file(&identity) {
            return Err(Unreachable::NotRel {
                name: target_name,
                through_link: is_release_file(&target),
            });
        }
        if let Some(root) = &self.root
            && !identity.starts_with(root)
        {
            return Err(Unreachable::Outside {
                name: target_name,
                root: root.clone(),
            });
        }
        Ok((target, target_name, identity))
    }

    /// The original a translation names (`translates "apec.rel"`), read with
    /// what it uses: its declarations join the translation's, and its
    /// header's facts the translation's header. A fact the translation
    /// gives itself, or a declaration of its own, is E0801; an original
    /// that cannot be read, or is no release, E0802.
    fn original(
        &mut self,
        main: &mut ast::File,
        sources: &mut SourceMap,
        used: &mut Vec<ast::File>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Original> {
        use crate::schema::{Field, TRANSLATION_OWN};
        let header = main.items.iter_mut().find_map(|i| match i {
            Item::Release(r) => Some(r),
            _ => None,
        })?;
        let field = header
            .fields
            .iter()
            .find(|f| f.key.node == Field::Translates.name())?;
        let (rel, span) = match field.values.first().map(|v| (&v.kind, v.span)) {
            Some((ast::ValueKind::Str(s), span)) => (s.clone(), span),
            // A value of the wrong kind is the field check's.
            _ => return None,
        };
        // The translation is main, at offset 0 of the source map.
        if span.end > TRANSLATES_WITHIN {
            diags.push(
                Diagnostic::new(
                    Code::TranslationOf,
                    span,
                    format!(
                        "`translates` stands {} KiB into this file; its original finds it only within the first {} KiB",
                        span.end / 1024,
                        TRANSLATES_WITHIN / 1024
                    ),
                )
                .label("too far in to be found")
                .help("move the `release { }` header with its `translates` to the top of the file, before the declarations and comments"),
            );
            return None;
        }
        // What the translation gives of its own, and what it may not.
        header.fields.retain(|f| {
            let (base, _) = f.base();
            let own = TRANSLATION_OWN.iter().any(|o| o.name() == base);
            let known = crate::schema::RELEASE_FIELDS.iter().any(|s| s.name == base);
            if !own && known {
                diags.push(
                    Diagnostic::new(
                        Code::TranslationFact,
                        f.key.span,
                        format!("a translation takes its `{base}` from its original"),
                    )
                    .label("the original's fact")
                    .help(format!(
                        "give `{base}` in the original, `{rel}`, and remove it here: a translation gives its language, its words and its fingerprint"
                    ))
                    .fix(format!("Remove `{base}`"), f.span, ""),
                );
            }
            own || !known
        });
        for d in main.decls() {
            diags.push(
                Diagnostic::new(
                    Code::TranslationFact,
                    d.id.span,
                    format!("a translation declares nothing: `{}` belongs in its original", d.id.node),
                )
                .label("a declaration in a translation")
                .help(format!(
                    "declare `{}` in the original, `{rel}`, and refer to it here as @{}; a name or title in this language is written there too (`title.fr`)",
                    d.id.node, d.id.node
                )),
            );
        }
        let refuse = |what: String, label: &str, help: &str| {
            Diagnostic::new(Code::TranslationOf, span, what)
                .label(label)
                .help(help)
        };
        let (target, target_name, identity) = match self.locate(&rel, 0, sources) {
            Ok(found) => found,
            Err(Unreachable::NotRel { .. }) => {
                diags.push(refuse(
                    format!("`{rel}` is not a .rel file"),
                    "a translation translates a release",
                    "name the original release's .rel file, relative to this one",
                ));
                return None;
            }
            Err(Unreachable::Outside { .. }) => {
                diags.push(refuse(
                    format!("`{rel}` is outside this release's project"),
                    "outside the project",
                    "keep a translation in the project of its original",
                ));
                return None;
            }
        };
        if self.stack.iter().any(|(p, _)| *p == identity) {
            diags.push(refuse(
                "a release cannot translate itself".to_string(),
                "this file",
                "name the original release's .rel file",
            ));
            return None;
        }
        let src = match self.loader.load(&target) {
            Ok(s) => s,
            Err(e) => {
                let why = unreadable(&e);
                diags.push(
                    Diagnostic::new(
                        Code::TranslationOf,
                        span,
                        format!("cannot read `{target_name}`: {why}"),
                    )
                    .label(why)
                    .help("the path is relative to the folder of the translation; until the original can be read, nothing of it is checked"),
                );
                return None;
            }
        };
        let base = sources.next_base();
        let src: Arc<str> = src.into();
        let (parsed, d) = self.cache.parse(&target, &src, base);
        diags.extend(d);
        let Some(theirs) = parsed.items.iter().find_map(|i| match i {
            Item::Release(r) => Some(r.clone()),
            _ => None,
        }) else {
            diags.push(refuse(
                format!("`{target_name}` is no release"),
                "a file of shared declarations",
                "a translation names the release it translates; shared declarations are `use`d",
            ));
            return None;
        };
        if let Some(f) = theirs
            .fields
            .iter()
            .find(|f| f.key.node == Field::Translates.name())
        {
            let theirs = f.values.first().map(|v| match &v.kind {
                ast::ValueKind::Str(s) => s.clone(),
                _ => String::new(),
            });
            diags.push(refuse(
                format!("`{target_name}` is a translation itself"),
                "a translation of a translation",
                &format!(
                    "translate the original: `translates \"{}\"`, as `{target_name}` does",
                    theirs.unwrap_or_default()
                ),
            ));
            return None;
        }
        // The original's facts: every field of its header the translation
        // does not give of its own.
        let header = main.items.iter_mut().find_map(|i| match i {
            Item::Release(r) => Some(r),
            _ => None,
        })?;
        let link = language_of(&target, &theirs);
        for f in theirs.fields {
            if !TRANSLATION_OWN.iter().any(|o| o.name() == f.base().0) {
                header.fields.push(f);
            }
        }
        self.adopt(
            parsed,
            SourceFile {
                name: target_name,
                path: target,
                src,
                base,
            },
            identity,
            (sources, used, diags),
        );
        Some(Original {
            index: used.len() - 1,
            link,
        })
    }

    /// The house's catalogue of wording the header names (`messages
    /// "house.ftl"`): a `.ftl` file of the project, relative to the
    /// release, read once and added to the sources so that its problems
    /// show its lines. Its text and where it starts.
    fn house_words(
        &mut self,
        main: &ast::File,
        sources: &mut SourceMap,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(String, usize)> {
        let (rel, span) = main.items.iter().find_map(|i| match i {
            Item::Release(r) => r
                .fields
                .iter()
                .find(|f| f.key.node == crate::schema::Field::Messages.name())
                .and_then(|f| match &f.values.first()?.kind {
                    ast::ValueKind::Str(s) => Some((s.clone(), f.values[0].span)),
                    _ => None,
                }),
            _ => None,
        })?;
        let dir = sources.files[0]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let target = normalise(&dir.join(&rel));
        let identity = self.loader.identity(&target);
        let is_ftl = |p: &Path| p.extension().is_some_and(|e| e == "ftl");
        if !is_ftl(&target) || !is_ftl(&identity) {
            diags.push(
                Diagnostic::new(Code::UseNotRel, span, format!("`{rel}` is not a .ftl file"))
                    .label("the house's wording is a Fluent catalogue")
                    .help("name a Fluent catalogue of messages, a .ftl file such as \"house.ftl\", whose messages are those of `relc explain W0509`"),
            );
            return None;
        }
        if let Some(root) = &self.root
            && !identity.starts_with(root)
        {
            diags.push(
                Diagnostic::new(
                    Code::UseOutside,
                    span,
                    format!("`{rel}` is outside this release's project"),
                )
                .label("outside the project")
                .help("keep the house's catalogue in the release's project, or build with --allow-use-outside to read files anywhere"),
            );
            return None;
        }
        let src = match self.loader.load(&target) {
            Ok(s) => s,
            Err(e) => {
                let why = unreadable(&e);
                diags.push(
                    Diagnostic::new(Code::UseMissing, span, format!("cannot read `{rel}`: {why}"))
                        .label(why)
                        .help("the path is relative to the folder of the release; until it can be read, the release is built with the language's own wording"),
                );
                return None;
            }
        };
        let base = sources.next_base();
        let name = Path::new(&sources.files[0].name)
            .parent()
            .map(|d| normalise(&d.join(&rel)).display().to_string())
            .unwrap_or_else(|| rel.clone());
        sources.files.push(SourceFile {
            name,
            path: target,
            src: src.clone().into(),
            base,
        });
        Some((src, base))
    }

    fn uses(
        &mut self,
        file: &ast::File,
        file_index: usize,
        sources: &mut SourceMap,
        used: &mut Vec<ast::File>,
        diags: &mut Vec<Diagnostic>,
    ) {
        for item in &file.items {
            let Item::Use(rel) = item else {
                continue;
            };
            let (target, target_name, identity) = match self.locate(&rel.node, file_index, sources)
            {
                Ok(found) => found,
                Err(Unreachable::NotRel {
                    name: target_name,
                    through_link,
                }) => {
                    diags.push(
                        Diagnostic::new(
                            Code::UseNotRel,
                            rel.span,
                            format!("`{target_name}` is not a .rel file"),
                        )
                        .label("only .rel files can be used")
                        .help(if through_link {
                            "the path leads, through a link, to a file that is not a .rel file; use the shared declarations' own .rel file".to_string()
                        } else if Path::new(&rel.node).is_absolute() || Path::new(&rel.node).extension().is_some() {
                            "a release uses .rel files of shared declarations, and relc reads no other file".to_string()
                        } else {
                            format!("shared declarations are kept in .rel files: `use \"{}.rel\"`", rel.node.trim_end_matches('/'))
                        }),
                    );
                    continue;
                }
                Err(Unreachable::Outside {
                    name: target_name,
                    root,
                }) => {
                    diags.push(
                        Diagnostic::new(
                            Code::UseOutside,
                            rel.span,
                            format!("`{target_name}` is outside this release's project"),
                        )
                        .label("outside the project")
                        .help(format!(
                            "a release uses files of its own project, the folder `{}`; move the shared file into it, or build with --allow-use-outside to read files anywhere",
                            root.file_name().map_or_else(|| root.display().to_string(), |n| n.to_string_lossy().into_owned())
                        )),
                    );
                    continue;
                }
            };
            if let Some(at) = self.stack.iter().position(|(p, _)| *p == identity) {
                let chain = self.stack[at..]
                    .iter()
                    .map(|(_, n)| n.as_str())
                    .chain(std::iter::once(target_name.as_str()))
                    .collect::<Vec<_>>()
                    .join(" → ");
                diags.push(
                    Diagnostic::new(Code::UseCycle, rel.span, "these files use each other in a cycle")
                        .label(format!("the cycle: {chain}"))
                        .help("a shared file holds declarations; move what both need into one file that uses neither"),
                );
                continue;
            }
            if self.seen.contains(&identity) {
                // Used twice (a diamond): its declarations are in already.
                continue;
            }
            self.seen.push(identity.clone());
            let src = match self.loader.load(&target) {
                Ok(s) => s,
                Err(e) => {
                    let why = unreadable(&e);
                    diags.push(
                        Diagnostic::new(
                            Code::UseMissing,
                            rel.span,
                            format!("cannot read `{target_name}`: {why}"),
                        )
                        .label(why)
                        .help("the path is relative to the folder of the file that uses it; until it can be read, references to what it declares are not checked"),
                    );
                    continue;
                }
            };
            let base = sources.next_base();
            let src: Arc<str> = src.into();
            let (parsed, d) = self.cache.parse(&target, &src, base);
            diags.extend(d);
            for item in &parsed.items {
                let (keyword, what) = match item {
                    Item::Decl(_) | Item::Use(_) => continue,
                    Item::Release(r) => (r.keyword, "a release header"),
                    Item::Body(p) => (p.keyword, "a body"),
                    Item::Follow(p) => (p.keyword, "follow-us links"),
                    Item::Notes(p) => (p.keyword, "notes to editors"),
                    Item::Contacts(c) => (c.keyword, "a contacts block"),
                    Item::About(a) => (a.prose.keyword, "an about block"),
                    Item::Advisory(a) => (a.keyword, "an advisory block"),
                    Item::Disclaimer(p) => (p.keyword, "a disclaimer"),
                    Item::Trademarks(p) => (p.keyword, "trademark notices"),
                    Item::Source(s) => (s.keyword, "a source line"),
                };
                diags.push(
                    Diagnostic::new(
                        Code::UseNotShared,
                        keyword,
                        format!("a used file holds declarations only, and this is {what}"),
                    )
                    .label("not a declaration")
                    .also(rel.span, "used here")
                    .help("keep releases and shared declarations in separate files"),
                );
            }
            self.adopt(
                parsed,
                SourceFile {
                    name: target_name,
                    path: target,
                    src,
                    base,
                },
                identity,
                (sources, used, diags),
            );
        }
    }

    /// A file read for the release (a used file, or a translation's
    /// original): its source joins the sources, what it uses is read in
    /// turn, and its tree joins the used files.
    fn adopt(
        &mut self,
        parsed: ast::File,
        file: SourceFile,
        identity: PathBuf,
        (sources, used, diags): (&mut SourceMap, &mut Vec<ast::File>, &mut Vec<Diagnostic>),
    ) {
        let name = file.name.clone();
        sources.files.push(file);
        let index = sources.files.len() - 1;
        self.stack.push((identity, name));
        self.uses(&parsed, index, sources, used, diags);
        self.stack.pop();
        used.push(parsed);
    }
}

/// The release in `path` as a link from another language: its id (the
/// header's, else the file's name) and its locale, as written.
fn language_of(path: &Path, r: &ast::Release) -> crate::model::LanguageLink {
    use crate::schema::Field;
    let id = r.text(Field::Id.name()).map_or_else(
        || {
            crate::slug(
                &path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )
        },
        str::to_string,
    );
    let locale = r
        .text(Field::Locale.name())
        .and_then(|t| crate::locale::Locale::from_tag(t).ok())
        .unwrap_or_default();
    crate::model::LanguageLink::new(id, locale)
}

/// The releases among `files` in other languages than each other: for an
/// original, its translations; for a translation, its original and the
/// other translations. Only a file that names an original is read whole,
/// and each original it names: a folder without translations costs a scan
/// of each file's head ([`TRANSLATES_WITHIN`]) for the word `translates`
/// (and, with `naming`, for that original's file name: a single build
/// looks for one release's languages). Each list is in the order of the
/// locales' tags.
pub fn language_links(
    files: &[PathBuf],
    loader: &dyn Loader,
    naming: Option<&str>,
) -> std::collections::HashMap<PathBuf, Vec<crate::model::LanguageLink>> {
    use crate::model::LanguageLink;
    use std::collections::{BTreeMap, HashMap};
    let header = |src: &str| -> Option<ast::Release> {
        let (file, _) = crate::syntax::parse(src);
        file.items.into_iter().find_map(|i| match i {
            Item::Release(r) => Some(r),
            _ => None,
        })
    };
    // Each original, by identity, with its translations.
    let mut families: BTreeMap<PathBuf, Vec<(PathBuf, LanguageLink)>> = BTreeMap::new();
    for path in files {
        let Ok(head) = loader.load_head(path, TRANSLATES_WITHIN) else {
            continue;
        };
        if !head.contains("translates") || naming.is_some_and(|n| !head.contains(n)) {
            continue;
        }
        drop(head);
        let Ok(src) = loader.load(path) else { continue };
        let Some(r) = header(&src) else { continue };
        let Some(rel) = r.text(crate::schema::Field::Translates.name()) else {
            continue;
        };
        let original = normalise(&path.parent().unwrap_or(Path::new("")).join(rel));
        families
            .entry(loader.identity(&original))
            .or_default()
            .push((path.clone(), language_of(path, &r)));
    }
    let mut out: HashMap<PathBuf, Vec<LanguageLink>> = HashMap::new();
    for (original, translations) in families {
        let Some(r) = loader.load(&original).ok().and_then(|s| header(&s)) else {
            continue;
        };
        let mut all = vec![(original.clone(), language_of(&original, &r))];
        all.extend(translations);
        all.sort_by(|a, b| a.1.locale.tag().cmp(b.1.locale.tag()));
        for (path, _) in &all {
            let others = all
                .iter()
                .filter(|(p, _)| p != path)
                .map(|(_, l)| l.clone())
                .collect();
            out.insert(path.clone(), others);
        }
    }
    // Keyed by the paths given, where an original was found by identity.
    // With no family beside it, no file's identity is asked: on disk each
    // is a system call per folder of its path, and a folder may hold
    // thousands of releases.
    if out.is_empty() {
        return HashMap::new();
    }
    files
        .iter()
        .filter_map(|p| {
            let links = out.get(p).or_else(|| out.get(&loader.identity(p)))?;
            Some((p.clone(), links.clone()))
        })
        .collect()
}

/// Whether a path names a release source: a `.rel` file. The one rule
/// every search for releases goes by, with [`is_passed_over`].
pub fn is_release_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "rel")
}

/// Whether a search for releases passes over a folder of this name (below
/// the one searched): hidden folders (`.git`), build output (`target`) and
/// installed packages (`node_modules`) hold no one's releases and can be
/// large.
pub fn is_passed_over(folder_name: &std::ffi::OsStr) -> bool {
    folder_name
        .to_str()
        .is_some_and(|n| n.starts_with('.') || n == "target" || n == "node_modules")
}

/// A path with `.` and `..` resolved lexically, so one file has one name.
/// A `..` cancels the name before it, and only a name: leading `..`s are
/// kept (`../../a.rel` stays as it is), and one at the root stays there.
pub fn normalise(p: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::{Loader, TRANSLATES_WITHIN, language_links, normalise};
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    /// Files in memory, recording which were read whole and how often a
    /// file's identity was asked (on disk, system calls).
    struct Memory {
        files: BTreeMap<PathBuf, String>,
        whole: RefCell<Vec<PathBuf>>,
        identities: Cell<usize>,
    }

    impl Memory {
        fn new(files: &[(&str, String)]) -> Self {
            Memory {
                files: files
                    .iter()
                    .map(|(p, s)| (PathBuf::from(p), s.clone()))
                    .collect(),
                whole: RefCell::new(Vec::new()),
                identities: Cell::new(0),
            }
        }
    }

    impl Loader for Memory {
        fn load(&self, path: &Path) -> std::io::Result<String> {
            self.whole.borrow_mut().push(path.to_path_buf());
            self.files
                .get(path)
                .cloned()
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
        }

        fn load_head(&self, path: &Path, max: usize) -> std::io::Result<String> {
            let text = self
                .files
                .get(path)
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?;
            Ok(text[..text.floor_char_boundary(max)].to_string())
        }

        fn identity(&self, path: &Path) -> PathBuf {
            self.identities.set(self.identities.get() + 1);
            path.to_path_buf()
        }
    }

    fn header(extra: &str) -> String {
        format!("release {{\n  headline \"x\"\n{extra}}}\nbody {{\n  Text.\n}}\n")
    }

    #[test]
    fn a_release_beside_is_read_whole_only_when_it_names_the_original() {
        // A large release that mentions `translates` only past its head.
        let late = format!(
            "{}\n// translates \"a.rel\"\n",
            header("").repeat(TRANSLATES_WITHIN / 40)
        );
        let memory = Memory::new(&[
            ("a.rel", header("")),
            ("b.rel", header("  translates \"a.rel\"\n  locale fr\n")),
            ("c.rel", late),
            ("d.rel", header("")),
        ]);
        let paths: Vec<PathBuf> = memory.files.keys().cloned().collect();
        let links = language_links(&paths, &memory, Some("a.rel"));
        let of_a: Vec<String> = links[Path::new("a.rel")]
            .iter()
            .map(|l| l.locale.tag().to_string())
            .collect();
        assert_eq!(of_a, ["fr"]);
        assert_eq!(
            *memory.whole.borrow(),
            [PathBuf::from("b.rel"), PathBuf::from("a.rel")],
            "only the translation and its original are read whole"
        );
    }

    /// A build of one release reads the head of every release beside it;
    /// where none is a translation, that is all it asks of them. (Asking
    /// each file's identity was three system calls a file on disk.)
    #[test]
    fn releases_with_no_translation_beside_them_are_not_asked_their_identity() {
        let memory = Memory::new(&[
            ("a.rel", header("")),
            ("b.rel", header("  locale fr\n")),
            ("c.rel", header("")),
        ]);
        let paths: Vec<PathBuf> = memory.files.keys().cloned().collect();
        for naming in [Some("a.rel"), None] {
            assert!(language_links(&paths, &memory, naming).is_empty());
        }
        assert_eq!(memory.identities.get(), 0);
        assert!(
            memory.whole.borrow().is_empty(),
            "no head says `translates`"
        );
        // With a translation beside them, each file is matched to the
        // original however its path is spelt.
        let memory = Memory::new(&[
            ("a.rel", header("")),
            ("b.rel", header("  translates \"a.rel\"\n  locale fr\n")),
            ("c.rel", header("")),
        ]);
        let paths: Vec<PathBuf> = memory.files.keys().cloned().collect();
        let links = language_links(&paths, &memory, None);
        assert_eq!(links.len(), 2, "the original and its translation");
        assert!(memory.identities.get() > 0);
    }

    #[test]
    fn normalise_keeps_leading_parents() {
        let cases = [
            ("a/b/c/../../shared.rel", "a/shared.rel"),
            ("a/b/c/../../../../shared.rel", "../shared.rel"),
            ("../../shared.rel", "../../shared.rel"),
            ("../../b/c/rel.rel", "../../b/c/rel.rel"),
            ("./x/./y.rel", "x/y.rel"),
            ("/../a.rel", "/a.rel"),
            ("a/../../b.rel", "../b.rel"),
        ];
        for (given, want) in cases {
            assert_eq!(normalise(Path::new(given)), PathBuf::from(want), "{given}");
        }
    }
}
