//! The release on paper (`--format pdf`), typeset by Typst, used as a
//! library, with the fonts it bundles (Libertinus Serif, New Computer
//! Modern, DejaVu Sans Mono), embedded in the file.
//!
//! relc gives Typst the release as data: the built-in template
//! (`templates/release.typ`) or a house's reads `release.json`, which holds
//! what the HTML templates see, and sets every text in it as text. The
//! only files the template can read are that one and the logo the house
//! gives; nothing on the machine and nothing on the network. The page is
//! A4, or US Letter for a locale that uses it, unless the house says.
//!
//! Nothing depends on the clock: the document's date is the release's,
//! its identifier comes from the release's `tag:` URI, and the creator is
//! "relc".

use std::fmt;

use crate::model::Release;

#[cfg(feature = "pdf")]
mod typeset;

/// The built-in template, as `relc template --pdf` prints it.
pub const TEMPLATE: &str = include_str!("../templates/release.typ");

/// The paper a release is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    /// US Letter, 8.5 by 11 inches.
    UsLetter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::UsLetter];

    /// The paper's name, as `--paper` takes it and as Typst names it.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }

    /// The paper the locale's readers use: US Letter in the United States
    /// (and Canada), A4 elsewhere.
    pub fn for_locale(l: crate::locale::Locale) -> Paper {
        match l.tag() {
            "en-US" | "en-CA" | "fr-CA" | "es-US" => Paper::UsLetter,
            _ => Paper::A4,
        }
    }
}

/// A logo for the letterhead: an image file's bytes, and its kind from
/// its name (`png`, `jpg`, `svg`).
#[derive(Clone, Debug)]
pub struct Logo {
    pub extension: String,
    pub bytes: Vec<u8>,
}

/// What the house decides about the PDF.
#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    /// The paper; by default, the locale's.
    pub paper: Option<Paper>,
    /// A house template (its name and its Typst source), instead of the
    /// built-in one.
    pub template: Option<(String, String)>,
    pub logo: Option<Logo>,
    /// The house's fonts, each a TrueType or OpenType file's bytes, beside
    /// the fonts relc bundles.
    pub fonts: Vec<Vec<u8>>,
}

/// Why no PDF was made: Typst's errors, each with where it is in the
/// template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfError(pub String);

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PdfError {}

/// Whether `bytes` hold a font the PDF can be set in: an error for a file
/// that holds none.
pub fn check_font(bytes: &[u8]) -> Result<(), PdfError> {
    #[cfg(feature = "pdf")]
    {
        typeset::check_font(bytes)
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = bytes;
        Ok(())
    }
}

/// The release as a PDF. `now` decides the status lines, as on the page.
pub fn emit(
    r: &Release,
    opts: &PdfOptions,
    now: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, PdfError> {
    #[cfg(feature = "pdf")]
    {
        typeset::emit(r, opts, now)
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (r, opts, now);
        Err(PdfError(
            "this relc was built without PDF output (the `pdf` feature); build it with default features".to_string(),
        ))
    }
}
