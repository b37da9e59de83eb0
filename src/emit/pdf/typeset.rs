//! Typesetting with Typst: the world a release's template sees, and the
//! PDF it makes (see the module above).

use std::sync::LazyLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::{Paper, PdfError, PdfOptions, TEMPLATE};
use crate::model::Release;

/// The fonts Typst bundles, read once per process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Whether `bytes` hold at least one font.
pub(super) fn check_font(bytes: &[u8]) -> Result<(), PdfError> {
    match Font::iter(Bytes::new(bytes.to_vec())).next() {
        Some(_) => Ok(()),
        None => Err(PdfError("the file holds no font".to_string())),
    }
}

/// The fonts of one build: Typst's, then the house's, which a page falls
/// back to for what Typst's lack. Typst's alone are shared by every build
/// that gives none.
enum Fonts {
    Bundled,
    WithHouse(Box<(LazyHash<FontBook>, Vec<Font>)>),
}

impl Fonts {
    fn of(house: &[Vec<u8>]) -> Fonts {
        if house.is_empty() {
            return Fonts::Bundled;
        }
        let mut fonts = FONTS.1.clone();
        for bytes in house {
            fonts.extend(Font::iter(Bytes::new(bytes.clone())));
        }
        Fonts::WithHouse(Box::new((
            LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        )))
    }

    fn book(&self) -> &LazyHash<FontBook> {
        match self {
            Fonts::Bundled => &FONTS.0,
            Fonts::WithHouse(f) => &f.0,
        }
    }

    fn get(&self, index: usize) -> Option<Font> {
        match self {
            Fonts::Bundled => FONTS.1.get(index).cloned(),
            Fonts::WithHouse(f) => f.1.get(index).cloned(),
        }
    }
}

/// The files of one release's typesetting, and nothing else.
struct ReleaseWorld {
    fonts: Fonts,
    main: Source,
    data: Bytes,
    data_id: FileId,
    logo: Option<(FileId, Bytes)>,
}

/// An id in the project's root. Interned once for each name, so building
/// many releases in one process does not use up Typst's ids.
fn file_id(name: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(name).ok()?).intern())
}

impl World for ReleaseWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        match &self.logo {
            Some((logo, bytes)) if *logo == id => Ok(bytes.clone()),
            _ => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // A template that asks for today gets an error, not the clock.
        None
    }
}

/// What the template reads beside the page templates' variables.
#[derive(Serialize)]
struct Extra<'a> {
    paper: &'static str,
    lang: &'a str,
    region: Option<&'a str>,
    /// The logo's file, when the house gives one.
    logo: Option<String>,
}

/// The release as a PDF.
pub(super) fn emit(
    r: &Release,
    opts: &PdfOptions,
    now: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, PdfError> {
    let tag = r.locale.tag();
    let (lang, region) = match tag.split_once('-') {
        Some((l, reg)) => (l, Some(reg)),
        None => (tag, None),
    };
    let logo_name = opts.logo.as_ref().map(|l| format!("logo.{}", l.extension));
    let extra = Extra {
        paper: opts.paper.unwrap_or(Paper::for_locale(r.locale)).name(),
        lang,
        region,
        logo: logo_name.clone(),
    };
    let html = super::super::HtmlOptions {
        now,
        ..super::super::HtmlOptions::default()
    };
    let data = super::super::html::view_json(r, html, &extra);
    let (name, text) = match &opts.template {
        Some((n, t)) => (n.as_str(), t.as_str()),
        None => ("release.typ", TEMPLATE),
    };
    let unavailable = || PdfError("the print template cannot be given its files".to_string());
    let main_id = file_id("main.typ").ok_or_else(unavailable)?;
    let data_id = file_id("release.json").ok_or_else(unavailable)?;
    let logo = match (&opts.logo, &logo_name) {
        (Some(l), Some(n)) => Some((
            file_id(n).ok_or_else(unavailable)?,
            Bytes::new(l.bytes.clone()),
        )),
        _ => None,
    };
    let world = ReleaseWorld {
        fonts: Fonts::of(&opts.fonts),
        main: Source::new(main_id, text.to_string()),
        data: Bytes::new(data),
        data_id,
        logo,
    };
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let result = compiled
        .map_err(|errors| PdfError(describe(&world, name, &errors)))
        .and_then(|doc| match unset(&doc).as_slice() {
            [] => Ok(doc),
            missing => Err(PdfError(no_font(r, missing))),
        })
        .and_then(|doc| {
            let options = typst_pdf::PdfOptions {
                ident: Smart::Custom(r.tag_uri()),
                creator: Smart::Custom(Some("relc".to_string())),
                timestamp: timestamp(r),
                tagged: true,
                ..typst_pdf::PdfOptions::default()
            };
            typst_pdf::pdf(&doc, &options)
                .map_err(|errors| PdfError(describe(&world, name, &errors)))
        });
    // Typst remembers what it computed, for an editor's next keystroke;
    // a batch or a watch builds other releases next, so it forgets.
    typst::comemo::evict(0);
    result
}

/// The characters no font of the world has a glyph for, which the page
/// would print as empty boxes, each once, in the order met; at most 12.
fn unset(doc: &PagedDocument) -> Vec<char> {
    fn walk(frame: &typst::layout::Frame, out: &mut Vec<char>) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                typst::layout::FrameItem::Text(t) => {
                    for g in t.glyphs.iter().filter(|g| g.id == 0) {
                        let text = t.text.get(g.range()).unwrap_or_default();
                        for c in text.chars().filter(|c| !c.is_whitespace()) {
                            if !out.contains(&c) && out.len() < 12 {
                                out.push(c);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for page in doc.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

/// Why a PDF with characters no font sets is not made.
fn no_font(r: &Release, missing: &[char]) -> String {
    let chars: String = missing.iter().collect();
    format!(
        "no font relc has sets {chars} (the release is in {}): the PDF would print them as empty boxes. Give a font that has them with `--font`, such as Noto Sans CJK for Chinese and Japanese or Noto Naskh Arabic",
        r.locale.lang().name()
    )
}

/// The document's creation date: when the release was created, where.
fn timestamp(r: &Release) -> Option<typst_pdf::Timestamp> {
    let z = r.created_at()?;
    let dt = Datetime::from_ymd_hms(
        z.year().into(),
        u8::try_from(z.month()).ok()?,
        u8::try_from(z.day()).ok()?,
        u8::try_from(z.hour()).ok()?,
        u8::try_from(z.minute()).ok()?,
        u8::try_from(z.second()).ok()?,
    )?;
    let minutes = z.offset().seconds() / 60;
    typst_pdf::Timestamp::new_local(dt, minutes)
}

/// Typst's errors, each as `template:line:column: message`, with its
/// hints.
fn describe(world: &ReleaseWorld, name: &str, errors: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for e in errors.iter().filter(|e| e.severity == Severity::Error) {
        let at = world
            .range(e.span)
            .and_then(|range| {
                let lines = world.main.lines();
                let line = lines.byte_to_line(range.start)?;
                let column = lines.byte_to_column(range.start)?;
                Some(format!("{name}:{}:{}: ", line + 1, column + 1))
            })
            .unwrap_or_else(|| format!("{name}: "));
        let mut line = format!("{at}{}", e.message);
        for hint in &e.hints {
            line.push_str(&format!(" (hint: {})", hint.v));
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(format!("{name}: the PDF could not be made"));
    }
    out.join("\n")
}
