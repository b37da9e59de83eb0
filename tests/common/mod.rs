//! What the test suites share: reading releases from disk as the command
//! line does, with the files they use.

#![allow(dead_code)]

use std::path::Path;

pub struct Fs;

impl relc::project::Loader for Fs {
    fn load(&self, path: &Path) -> std::io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn releases_under(&self, dir: &Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rel") {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }
}

/// Compiles a release file and what it uses; the id is the file's name.
pub fn compile(path: &Path) -> relc::project::Project {
    let src = std::fs::read_to_string(path).expect("readable");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name");
    let name = path
        .file_name()
        .and_then(|s| s.to_str())
        .expect("a file name");
    relc::project::compile(path, name, src, &Fs, stem)
}

/// The release of an example file that compiles with no diagnostic.
pub fn example(path: &Path) -> relc::model::Release {
    let p = compile(path);
    assert!(
        p.compiled.diagnostics.is_empty(),
        "{} has diagnostics: {:#?}",
        path.display(),
        p.compiled.diagnostics
    );
    p.compiled.release.expect("a release without errors")
}
