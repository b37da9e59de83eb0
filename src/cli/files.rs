//! Every file relc reads or writes, in one place: one bounded reader that
//! refuses what is not a regular file, one folder walk with one rule, and
//! one way of replacing a file.
//!
//! The library does no I/O; everything it reads comes through
//! [`FsLoader`], and everything the commands read comes through
//! [`read_bounded`], so the input limit holds for every file: a release, a
//! file it uses, a template, a file the language server or the preview
//! finds in a folder.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Reads a whole file of at most `limit` bytes.
///
/// Anything that is not a regular file (a FIFO, a device, a socket, a
/// folder) is refused before it is read. The file is opened without
/// blocking, so a FIFO put in place of a checked file cannot hang the
/// open, and checked again once open. It is read through a reader that
/// stops one byte past the limit, so a file that grows, or lies about its
/// size, is never read whole.
pub fn read_bounded(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(too_large(limit));
    }
    // Room for what the file held when it was opened, and the byte that
    // tells the end: it is read in one call and found to end in a second.
    // (Through `take`, the file's size is not seen, and the read began
    // at 32 bytes and doubled: eight calls for a release of 3 KB.)
    read_into(file, limit, Vec::with_capacity(len as usize + 1))
}

/// A regular file opened for reading, and its length; a FIFO, a device or
/// a folder is refused before a read could block on it.
fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok((file, meta.len()))
}

/// Reads a stream to its end, refusing it once it passes `limit` bytes.
pub fn read_to_limit(reader: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    read_into(reader, limit, Vec::new())
}

/// [`read_to_limit`], into `buf`.
fn read_into(reader: impl Read, limit: u64, mut buf: Vec<u8>) -> io::Result<Vec<u8>> {
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(buf)
}

/// The error of an input over the limit; [`reason`] words it.
fn too_large(limit: u64) -> io::Error {
    io::Error::new(io::ErrorKind::FileTooLarge, TooLarge(limit))
}

#[derive(Debug)]
struct TooLarge(u64);

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "larger than {} MiB, the most relc reads; raise the limit with --max-input-mib",
            self.0 / (1024 * 1024)
        )
    }
}

impl std::error::Error for TooLarge {}

fn not_regular(meta: &std::fs::Metadata) -> io::Error {
    let what = if meta.is_dir() {
        "a folder"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let t = meta.file_type();
            if t.is_fifo() {
                "a named pipe (FIFO)"
            } else if t.is_char_device() || t.is_block_device() {
                "a device"
            } else if t.is_socket() {
                "a socket"
            } else {
                "not a regular file"
            }
        }
        #[cfg(not(unix))]
        {
            "not a regular file"
        }
    };
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {what}; relc reads only regular files"),
    )
}

/// Why a file could not be read, in a few words.
pub fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Why a source could not be read: a message, and for text that is not
/// UTF-8, a diagnostic on the text as it can be shown.
pub struct Unreadable {
    /// The file's name as given.
    pub name: String,
    pub message: String,
    /// The name, the text with invalid bytes replaced, and the diagnostic
    /// on the first invalid byte.
    pub shown: Option<Box<(String, String, relc::diag::Diagnostic)>>,
}

/// Reads a source file, or standard input for `-`, as UTF-8 text within
/// the limit. The name it returns is the one diagnostics show.
pub fn read_source(path: &Path, limit: u64) -> Result<(String, String), Unreadable> {
    let stdin = path == Path::new("-");
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let bytes = if stdin {
        read_to_limit(io::stdin().lock(), limit)
    } else {
        read_bounded(path, limit)
    }
    .map_err(|e| Unreadable {
        name: name.clone(),
        message: format!("cannot read {name}: {}", reason(&e)),
        shown: None,
    })?;
    match relc::decode(&name, bytes) {
        Ok(s) => Ok((name, s)),
        Err(e) => {
            let (shown, d) = *e;
            Err(Unreadable {
                name: name.clone(),
                message: d.message.clone(),
                shown: Some(Box::new((name, shown, d))),
            })
        }
    }
}

/// A file's bytes as text, or the error that says where they stop being
/// UTF-8.
fn utf8(bytes: Vec<u8>) -> io::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text: the byte at offset {} is not valid UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Reads the files a release uses from disk, each within the input limit.
#[derive(Clone, Copy)]
pub struct FsLoader {
    pub max_input: u64,
    /// Whether a `use` may reach outside the release's project.
    pub allow_outside: bool,
}

impl relc::project::Loader for FsLoader {
    fn load(&self, path: &Path) -> io::Result<String> {
        utf8(read_bounded(path, self.max_input)?)
    }

    fn load_head(&self, path: &Path, max: usize) -> io::Result<String> {
        let (file, len) = open_regular(path)?;
        // No more than the file held when it was opened: once that is in,
        // the read ends without asking the file for more (a system call
        // for each release beside the one built).
        let want = len.min(max as u64);
        let mut bytes = Vec::with_capacity(want as usize);
        file.take(want).read_to_end(&mut bytes)?;
        // A character the cut splits is left out; a byte that is no UTF-8
        // at all makes the file unreadable, as `load` has it.
        if let Err(e) = std::str::from_utf8(&bytes)
            && e.error_len().is_none()
        {
            bytes.truncate(e.valid_up_to());
        }
        utf8(bytes)
    }

    fn identity(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    }

    fn project_root(&self, release: &Path) -> Option<PathBuf> {
        if self.allow_outside {
            return None;
        }
        project_root(release)
    }

    fn releases_under(&self, dir: &Path) -> Vec<PathBuf> {
        releases_under(dir)
    }
}

/// The root of the project a release is in: the nearest folder above it
/// that holds one of [`relc::project::ROOT_MARKERS`] (`.git`, or an empty
/// `.relc-root`, ...). None when there is none, and then `use` is not
/// bound.
pub fn project_root(release: &Path) -> Option<PathBuf> {
    let full = std::fs::canonicalize(release).ok()?;
    relc::project::find_root(&full, |p| p.exists())
}

/// Every release source under a folder, in path order: the one rule for
/// every command that searches folders (batch builds, `fmt`, the preview's
/// index, the language server's workspace).
///
/// Hidden folders (`.git`), build output (`target`) and installed packages
/// (`node_modules`) hold no one's releases and can be large: they are
/// passed over. Links are not followed into folders; a link to a `.rel`
/// file counts only when the file it leads to is a regular file inside
/// the folder searched, so nothing outside it is read through a link.
pub fn releases_under(dir: &Path) -> Vec<PathBuf> {
    releases_within(dir, usize::MAX)
}

/// The `.rel` files in a folder itself, not in the folders below it: where
/// a single build looks for a release's other languages, which stand
/// beside it. As [`releases_under`] otherwise.
pub fn releases_beside(dir: &Path) -> Vec<PathBuf> {
    releases_within(dir, 1)
}

fn releases_within(dir: &Path, depth: usize) -> Vec<PathBuf> {
    let root = std::fs::canonicalize(dir).ok();
    let skip = |e: &walkdir::DirEntry| {
        e.depth() > 0 && e.file_type().is_dir() && relc::project::is_passed_over(e.file_name())
    };
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .max_depth(depth)
        .into_iter()
        .filter_entry(|e| !skip(e))
        .filter_map(Result::ok)
        .filter(|e| relc::project::is_release_file(e.path()))
        .filter(|e| {
            let t = e.file_type();
            t.is_file()
                || (t.is_symlink()
                    && std::fs::canonicalize(e.path()).is_ok_and(|real| {
                        real.is_file() && root.as_ref().is_some_and(|r| real.starts_with(r))
                    }))
        })
        .map(walkdir::DirEntry::into_path)
        .collect();
    out.sort();
    out
}

/// The release sources named: folders searched with [`releases_under`],
/// files as they are; in a stable order.
pub fn rel_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            out.extend(releases_under(input));
        } else {
            out.push(input.clone());
        }
    }
    out
}

/// Writes a file whole or not at all: a temporary file in the same folder,
/// then a rename over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomically_with(path, |w| w.write_all(bytes)).map_err(|e| match e {
        Unwritten::Io(msg) => msg,
        Unwritten::By(e) => format!("cannot write {}: {}", path.display(), reason(&e)),
    })
}

/// Why [`write_atomically_with`] left a file as it was.
pub enum Unwritten<E> {
    /// The temporary file could not be made, kept or renamed: the message.
    Io(String),
    /// What was to write the file failed, with this error.
    By(E),
}

/// As [`write_atomically`], with what `write` writes into the temporary
/// file (buffered), so that the file's bytes are never held whole. When
/// `write` fails, the temporary file is removed and the target left as it
/// was.
pub fn write_atomically_with<E>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), Unwritten<E>> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.display();
    let fail = |e: &io::Error| Unwritten::Io(format!("cannot write {name}: {}", reason(e)));
    // A temporary file is private (0600) by default. The output is not: a
    // new file gets the mode any new file gets (0666 less the umask), and a
    // file that is replaced keeps the mode it had.
    let existing = std::fs::metadata(path).ok();
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(&e))?;
    {
        let mut buffered = io::BufWriter::new(&mut tmp);
        write(&mut buffered).map_err(Unwritten::By)?;
        buffered.flush().map_err(|e| fail(&e))?;
    }
    if let Some(meta) = existing {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| fail(&e))?;
        // The owner too, where it can be kept (root formatting another
        // user's file); a user cannot give a file away, and need not.
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
        }
    }
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// Replaces the text of a source file the writer owns, as `relc fmt`
/// does: through a link, the file it leads to (the link stays a link);
/// a file with other hard links, in place (they stay one file); any other,
/// atomically, with its owner and mode. A read-only file is refused: its
/// mode says it is not to be changed.
pub fn rewrite(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let target = std::fs::canonicalize(path)
        .map_err(|e| format!("cannot write {}: {}", path.display(), reason(&e)))?;
    let meta = std::fs::metadata(&target)
        .map_err(|e| format!("cannot write {}: {}", path.display(), reason(&e)))?;
    if meta.permissions().readonly() {
        return Err(format!(
            "{} is read-only; relc leaves it as it is (make it writable to format it)",
            path.display()
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return write_in_place(&target, bytes);
        }
    }
    write_atomically(&target, bytes)
}

/// What relc's temporary files are called, so a build can find and remove
/// the ones a killed build left.
pub const TEMP_PREFIX: &str = ".relc-tmp";

/// Rewrites a file where it is, keeping the file itself (its links, owner
/// and mode): for a file with other hard links, which a rename would split
/// from them. Not atomic; the text is in memory until it is written whole.
pub fn write_in_place(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: &io::Error| format!("cannot write {}: {}", path.display(), reason(e));
    let mut f = File::options()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(|e| fail(&e))?;
    f.write_all(bytes)
        .and_then(|_| f.flush())
        .map_err(|e| fail(&e))
}

/// Removes what killed builds left in a folder: relc's temporary files
/// older than a minute (a build running now keeps its own).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let is_ours = name.to_str().is_some_and(|n| n.starts_with(TEMP_PREFIX));
        let old = e
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 60);
        if is_ours && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::read_bounded;

    /// A file read into room made from its size: read whole up to the
    /// limit, refused one byte past it, and an empty file is empty.
    #[test]
    fn a_file_is_read_whole_up_to_the_limit_and_no_further() {
        let dir = std::env::temp_dir().join(format!("relc-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let limit = 5000u64;
        for (len, ok) in [
            (0, true),
            (1, true),
            (4096, true),
            (5000, true),
            (5001, false),
        ] {
            let path = dir.join(format!("{len}.rel"));
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &bytes).expect("written");
            match read_bounded(&path, limit) {
                Ok(read) => {
                    assert!(ok, "{len} bytes read past the limit");
                    assert_eq!(read, bytes, "{len} bytes");
                }
                Err(e) => {
                    assert!(!ok, "{len} bytes: {e}");
                    assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
