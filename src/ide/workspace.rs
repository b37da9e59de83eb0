//! What reaches past one release: every place a shared declaration's id
//! is written, and renaming it, across the releases of a workspace. A
//! rename in a file of shared declarations reaches every release of the
//! office that uses it.
//!
//! The workspace is a trait ([`Workspace`]): the language server gives its
//! open buffers and its folders, a test gives a few texts. Answers are
//! plain data ([`FileRange`]), which the protocol layer converts.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::project::Project;
use crate::span::{LineIndex, Span};

/// What the features below need of a workspace.
pub trait Workspace {
    /// Every release in it, open in an editor or on disk.
    fn releases(&self) -> BTreeSet<PathBuf>;
    /// The text of a release: its open buffer, else the file.
    fn text(&self, path: &Path) -> Option<String>;
    /// Compiles `text` as the release at `path`, with what it uses.
    fn compile(&self, path: &Path, text: String) -> Option<Project>;
}

/// A range of a file: lines from 0, columns from 0 in UTF-16 code units,
/// as editors count them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileRange {
    pub path: PathBuf,
    pub start: (usize, usize),
    pub end: (usize, usize),
}

/// Turns spans of a project into ranges of its files, indexing the lines of
/// each file once, when a span first falls in it.
pub struct Ranges<'p> {
    p: &'p Project,
    indexes: Vec<Option<LineIndex<'p>>>,
}

impl<'p> Ranges<'p> {
    pub fn new(p: &'p Project) -> Self {
        let indexes = p.sources.files.iter().map(|_| None).collect();
        Ranges { p, indexes }
    }

    /// The file a span is in (its place in the project's sources), and
    /// its start and end there.
    pub fn local(&mut self, span: Span) -> (usize, (usize, usize), (usize, usize)) {
        let p = self.p;
        let (file, local) = p.sources.local(span);
        let index =
            self.indexes[file].get_or_insert_with(|| LineIndex::new(&p.sources.files[file].src));
        (
            file,
            index.utf16_position(local.start),
            index.utf16_position(local.end),
        )
    }

    /// A span as a range of the file it is in.
    pub fn of(&mut self, span: Span) -> FileRange {
        let (file, start, end) = self.local(span);
        FileRange {
            path: self.p.sources.files[file].path.clone(),
            start,
            end,
        }
    }
}

/// Every place the id at `pos` is written: in the release and the files
/// it uses, then in the other releases of the workspace that see the same
/// declaration. Each place once; the declaration only if asked for. None
/// when no id is at `pos`.
pub fn references(
    ws: &dyn Workspace,
    p: &Project,
    pos: usize,
    include_declaration: bool,
) -> Option<Vec<FileRange>> {
    let (id, _) = super::id_at(p, pos)?;
    let mut ranges = Ranges::new(p);
    let skip = usize::from(!include_declaration);
    let mut out: Vec<FileRange> = super::occurrences(p, &id)
        .into_iter()
        .skip(skip)
        .map(|s| ranges.of(s))
        .collect();
    let mut seen: HashSet<FileRange> = out.iter().cloned().collect();
    if !include_declaration && let Some(sym) = super::symbols(p).get(&id) {
        seen.insert(ranges.of(sym.id_span));
    }
    for (other, id) in others_seeing(ws, p, pos) {
        let mut ranges = Ranges::new(&other);
        for s in super::occurrences(&other, &id) {
            let r = ranges.of(s);
            if seen.insert(r.clone()) {
                out.push(r);
            }
        }
    }
    Some(out)
}

/// The ranges a rename of the id at `pos` to `new` replaces: in the
/// release and what it uses, and in every other release that sees the
/// declaration. By file in path order, each range once and in order of
/// position: a deterministic answer. An error, in words, when the rename
/// is not possible ([`super::rename`]).
pub fn rename_everywhere(
    ws: &dyn Workspace,
    p: &Project,
    pos: usize,
    new: &str,
) -> Result<BTreeMap<PathBuf, Vec<FileRange>>, String> {
    let spans = super::rename(p, pos, new)?;
    let mut out: BTreeMap<PathBuf, Vec<FileRange>> = BTreeMap::new();
    let mut add = |proj: &Project, spans: Vec<Span>| {
        let mut ranges = Ranges::new(proj);
        for s in spans {
            let r = ranges.of(s);
            out.entry(r.path.clone()).or_default().push(r);
        }
    };
    add(p, spans);
    for (other, id) in others_seeing(ws, p, pos) {
        add(&other, super::occurrences(&other, &id));
    }
    // A file two releases use is reached twice.
    for list in out.values_mut() {
        list.sort();
        list.dedup();
    }
    Ok(out)
}

/// The other releases of the workspace that see the declaration of the id
/// at `pos` in `p`: the same id declared in the same file. Each compiled,
/// with the id.
fn others_seeing(ws: &dyn Workspace, p: &Project, pos: usize) -> Vec<(Project, String)> {
    let Some((id, decl_path)) = super::id_at(p, pos).and_then(|(id, _)| {
        let sym = super::symbols(p).remove(&id)?;
        let file = p.sources.file_of(sym.id_span.start);
        Some((id, p.sources.files[file].path.clone()))
    }) else {
        return Vec::new();
    };
    let this = &p.sources.files[0].path;
    // An id a release declares itself is seen by no other release: only
    // files of shared declarations are used by others.
    if decl_path == *this && !p.compiled.shared {
        return Vec::new();
    }
    let mut out = Vec::new();
    for path in ws.releases().iter().filter(|c| *c != this) {
        let Some(text) = ws.text(path) else {
            continue;
        };
        // A file that does not hold the id's text cannot refer to it: most
        // of a large workspace is passed over unparsed.
        if !text.contains(&id) {
            continue;
        }
        let Some(other) = ws.compile(path, text) else {
            continue;
        };
        let same = super::symbols(&other).get(&id).is_some_and(|sym| {
            other.sources.files[other.sources.file_of(sym.id_span.start)].path == decl_path
        });
        if same {
            out.push((other, id.clone()));
        }
    }
    out
}
