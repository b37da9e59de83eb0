//! The printed release: every example as a PDF, read back with poppler's
//! `pdftotext`, `pdffonts` and `pdfinfo` (Debian's poppler-utils). Without
//! them the reading-back passes over itself with a note; CI installs them
//! and sets RELC_REQUIRE_POPPLER=1, so there they must run.
#![cfg(feature = "pdf")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use relc::model::{Block, Inline, Release};
use relc::{EmitOptions, Format};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    common::releases_in(&dir)
}

fn pdf(r: &Release, opts: &EmitOptions) -> Vec<u8> {
    relc::render_bytes(r, Format::Pdf, opts).expect("a PDF")
}

/// Runs a poppler tool on a PDF; None (with a note) when the tool is not
/// installed and CI does not require it.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("release.pdf");
    std::fs::write(&file, pdf).expect("written");
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(&file);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output();
    let out = match out {
        Ok(out) => out,
        Err(_) if std::env::var_os("RELC_REQUIRE_POPPLER").is_none() => {
            eprintln!(
                "note: {tool} is not installed (Debian: poppler-utils); passing over what it checks"
            );
            return None;
        }
        Err(e) => panic!("{tool}: {e} (RELC_REQUIRE_POPPLER is set)"),
    };
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The words of a text, without punctuation. A footnote's mark, `[1]`,
/// stands against the word before it and is no word of the release.
fn words(s: &str) -> Vec<String> {
    // pdftotext marks the direction of a run inside a right-to-left line
    // with bidirectional controls, which part words like spaces.
    let control = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    s.split(|c: char| c.is_whitespace() || control(c) || c == '–' || c == '—' || c == '[')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn plain(inlines: &[Inline]) -> String {
    relc::model::plain_text(inlines)
}

/// The words of the release's headline and body, in the order it gives
/// them.
fn release_words(r: &Release) -> Vec<String> {
    words(&release_texts(r).join(" "))
}

/// The texts of the release's headline and body, in the order it gives
/// them.
fn release_texts(r: &Release) -> Vec<String> {
    let mut text = vec![r.headline.clone()];
    fn blocks(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Paragraph { content } | Block::Heading { content, .. } => {
                    out.push(plain(content))
                }
                Block::List { items, .. } => {
                    for i in items {
                        out.push(plain(&i.content));
                        blocks(&i.children, out);
                    }
                }
                Block::Quote(q) => {
                    for p in &q.paragraphs {
                        out.push(plain(p));
                    }
                }
                // The print output frames an image's description, then
                // its caption.
                Block::Figure(img) => {
                    out.push(img.alt.clone());
                    out.extend(img.caption.clone());
                }
            }
        }
    }
    blocks(&r.body, &mut text);
    text
}

/// Fonts with the characters of Chinese and Japanese, which relc does not
/// bundle: Debian's fonts-noto-cjk, where installed. CI installs it and
/// sets RELC_REQUIRE_CJK_FONTS=1, so there the releases in these
/// languages must print.
fn cjk_fonts() -> Vec<Vec<u8>> {
    let dir = Path::new("/usr/share/fonts/opentype/noto");
    let fonts: Vec<Vec<u8>> = ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"]
        .iter()
        .filter_map(|f| std::fs::read(dir.join(f)).ok())
        .collect();
    if fonts.len() < 2 {
        assert!(
            std::env::var_os("RELC_REQUIRE_CJK_FONTS").is_none(),
            "fonts-noto-cjk is not installed (RELC_REQUIRE_CJK_FONTS is set)"
        );
        eprintln!(
            "note: fonts-noto-cjk is not installed; the releases in Chinese and Japanese are checked to refuse to print without a font"
        );
        return Vec::new();
    }
    fonts
}

/// Arabic with each run of lams and alefs in one order: the PDF sets a
/// lam and an alef as one glyph, which pdftotext reads back in either
/// order (`الإقليمية` as `اإلقليمية`).
fn lam_alef(s: &str) -> String {
    let joins = |c: &char| matches!(c, 'ل' | 'ا' | 'أ' | 'إ' | 'آ');
    let mut out = String::new();
    let mut run: Vec<char> = Vec::new();
    for c in s.chars() {
        if joins(&c) {
            run.push(c);
            continue;
        }
        run.sort_unstable();
        out.extend(run.drain(..));
        out.push(c);
    }
    run.sort_unstable();
    out.extend(run);
    out
}

/// A text without its spaces, for a language written without them:
/// the PDF sets a space between a Chinese character and a digit.
fn unspaced(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_example_prints_its_words_in_order_with_its_fonts_embedded() {
    let cjk = cjk_fonts();
    for path in examples() {
        let r = common::example(&path);
        let mut opts = EmitOptions::default();
        let needs_font = matches!(
            r.locale.lang(),
            relc::locale::Lang::Zh | relc::locale::Lang::Ja
        );
        if needs_font {
            if cjk.is_empty() {
                // Without a font for its characters, no PDF of empty boxes.
                let err = relc::render_bytes(&r, Format::Pdf, &opts)
                    .expect_err("a release in Chinese or Japanese needs a font");
                assert!(
                    err.to_string().contains("no font relc has sets"),
                    "{}: {err}",
                    path.display()
                );
                continue;
            }
            opts.pdf.fonts = cjk.clone();
        }
        let bytes = pdf(&r, &opts);
        assert!(bytes.starts_with(b"%PDF-"), "{}", path.display());
        // The same bytes on every build.
        assert_eq!(bytes, pdf(&r, &opts), "{}", path.display());

        let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &bytes) else {
            return;
        };
        if needs_font {
            // Each paragraph whole, in order, spaces aside; read in the
            // order the page sets it (an ideographic space is no column).
            let raw = poppler("pdftotext", &["-enc", "UTF-8", "-raw"], &bytes).unwrap_or_default();
            let got = unspaced(&raw);
            let mut at = 0;
            for para in release_texts(&r) {
                let para = unspaced(&para);
                match got[at..].find(&para) {
                    Some(i) => at += i + para.len(),
                    None => panic!(
                        "{}: `{para}` is not where it should be in the PDF's text:\n{text}",
                        path.display()
                    ),
                }
            }
            continue;
        }
        if r.locale.lang() == relc::locale::Lang::Ar {
            // pdftotext cannot give a right-to-left page's lines in order
            // (it parts a line at a mark), and reads a word with a vowel
            // mark (`برنامجًا`) back garbled: every other word of the
            // release is on the page, as often as the release has it.
            let marked = |w: &String| {
                w.chars()
                    .any(|c| ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}')
            };
            // A range's ends are read back in either order (`١٤-١٣`).
            let parts = |t: &str| words(&lam_alef(&t.replace('-', " ")));
            let mut got = parts(&text);
            for w in parts(&release_texts(&r).join(" "))
                .into_iter()
                .filter(|w| !marked(w))
            {
                match got.iter().position(|g| *g == w) {
                    Some(i) => {
                        got.remove(i);
                    }
                    None => panic!("{}: `{w}` is not on the page:\n{text}", path.display()),
                }
            }
        } else {
            // Every word of the release, in its order, among the page's.
            let got = words(&text);
            let mut at = 0;
            for w in &release_words(&r) {
                match got[at..].iter().position(|g| g == w) {
                    Some(i) => at += i + 1,
                    None => panic!(
                        "{}: `{w}` is not where it should be in the PDF's text:\n{text}",
                        path.display()
                    ),
                }
            }
        }

        let fonts = poppler("pdffonts", &[], &bytes).expect("pdffonts");
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            // name, type, encoding, then `emb`: every font is embedded.
            let cols: Vec<&str> = row.split_whitespace().collect();
            let emb = cols[cols.len() - 5];
            assert_eq!(emb, "yes", "{}: {row}", path.display());
        }

        let info = poppler("pdfinfo", &[], &bytes).expect("pdfinfo");
        assert!(
            info.contains(&format!("Title:           {}", r.headline)),
            "{info}"
        );
        assert!(info.contains("Tagged:          yes"), "{info}");
        // US Letter where the locale uses it, A4 elsewhere.
        let size = if r.locale.tag() == "en-US" {
            "612 x 792 pts (letter)"
        } else {
            "(A4)"
        };
        assert!(info.contains(size), "{}: {info}", path.display());
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("a page count");
        assert!(pages >= 1);
    }
}

#[test]
fn what_a_release_says_is_printed_never_run() {
    // Typst markup and code in every text of a release stay text.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/northwind-q3-results.rel");
    let src = std::fs::read_to_string(&path).expect("example");
    let hostile = r#"#read("/etc/passwd") and #import "x.typ" and $x^2$ and = Heading and *bold* and // comment and <label> and @ref and #set page(width: 1cm)"#;
    let src = src.replacen(
        "body {\n",
        &format!(
            "body {{\n  {}\n\n",
            hostile
                .replace('@', "\\@")
                .replace('*', "\\*")
                .replace('<', "\\<")
        ),
        1,
    );
    let compiled = relc::compile(&src);
    assert!(compiled.release.is_some(), "{:#?}", compiled.diagnostics);
    let r = compiled.release.expect("release");
    let bytes = pdf(&r, &EmitOptions::default());
    let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &bytes) else {
        return;
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The paragraph as the release has it (its quotation marks made
    // typographic by relc, as in every output), word for word.
    let Some(Block::Paragraph { content }) = r.body.first() else {
        panic!("the paragraph is first");
    };
    let said = plain(content);
    assert!(
        said.contains("#read(") && said.contains("#set page(width: 1cm)"),
        "{said}"
    );
    assert!(flat.contains(&said), "{said}\n---\n{flat}");
    assert!(!flat.contains("root:"), "{flat}");
}

#[test]
fn a_house_template_reads_the_release_and_its_errors_say_where() {
    let r = common::example(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/coastal-cities-lisbon-outcomes.rel"),
    );
    let mut opts = EmitOptions::default();
    opts.pdf.template = Some((
        "house.typ".to_string(),
        "#let data = json(\"release.json\")\n#set page(paper: \"a5\")\n= #data.release.headline\n"
            .to_string(),
    ));
    let bytes = pdf(&r, &opts);
    if let Some(info) = poppler("pdfinfo", &[], &bytes) {
        assert!(info.contains("419.528 x 595.276 pts"), "A5: {info}");
    }
    // A template may read its data and nothing else.
    opts.pdf.template = Some((
        "house.typ".to_string(),
        "#let data = json(\"release.json\")\n\n#read(\"/etc/hostname\")\n".to_string(),
    ));
    let err = relc::render_bytes(&r, Format::Pdf, &opts).expect_err("no access");
    let msg = err.to_string();
    assert!(
        msg.starts_with("house.typ:3:") && msg.contains("access denied"),
        "{msg}"
    );

    // From the command line: exit 1, nothing written, the error named.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("house.typ"), "#let x = \n").expect("template");
    let out_file = dir.path().join("out.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_relc"))
        .args(["build", "--format", "pdf", "--template"])
        .arg(dir.path().join("house.typ"))
        .arg("-o")
        .arg(&out_file)
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples/coastal-cities-lisbon-outcomes.rel"),
        )
        .output()
        .expect("relc runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_file.exists());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("house.typ:1:"), "{err}");
}

#[test]
fn a_logo_heads_the_letterhead_and_the_paper_can_be_chosen() {
    let r = common::example(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/northwind-q3-results.rel"),
    );
    let plain_pdf = pdf(&r, &EmitOptions::default());
    let mut opts = EmitOptions::default();
    opts.pdf.logo = Some(relc::emit::pdf::Logo {
        extension: "svg".to_string(),
        bytes: br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#036"/></svg>"##.to_vec(),
    });
    opts.pdf.paper = Some(relc::emit::pdf::Paper::A4);
    let with_logo = pdf(&r, &opts);
    assert_ne!(plain_pdf, with_logo);
    if let Some(info) = poppler("pdfinfo", &[], &with_logo) {
        assert!(info.contains("(A4)"), "{info}");
    }
    // A logo that is not an image is Typst's error, not a panic.
    opts.pdf.logo = Some(relc::emit::pdf::Logo {
        extension: "png".to_string(),
        bytes: b"not a PNG".to_vec(),
    });
    assert!(relc::render_bytes(&r, Format::Pdf, &opts).is_err());
}

#[test]
fn a_release_no_font_can_set_is_not_printed_as_empty_boxes() {
    // relc bundles fonts for Latin, Greek, Cyrillic and Arabic; Japanese
    // needs the house's (`--font`). Without one there is no PDF, and the
    // error names the characters and what to give.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minato-kelp-survey-ja.rel");
    let r = common::example(&path);
    let err = relc::render_bytes(&r, Format::Pdf, &EmitOptions::default())
        .expect_err("no font for Japanese");
    let err = err.to_string();
    assert!(err.contains("no font relc has sets みなと"), "{err}");
    assert!(err.contains("--font"), "{err}");
    // A font that is no font is refused where it is given.
    assert!(relc::emit::pdf::check_font(b"not a font").is_err());
}
