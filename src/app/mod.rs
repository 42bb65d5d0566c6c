//! The use cases of Mamos, one module per domain. Each is one function that
//! takes the store, a typed request (and `today` where a date matters) and
//! returns a typed result or the one [`Error`](crate::Error).
//!
//! This is the only layer that combines the store with the pure modules
//! (`scoring`, `plan`, `rollup`, `history`, `dora`, `workshop`, `exchange`,
//! `report`). The front ends — the `mamos` CLI, the desktop commands in
//! `src-tauri/`, and the live-workshop server to come — parse their input,
//! call one use case and show its result; they add no rules of their own.
//! A rule two front ends need (which documents a scope offers, which two
//! workshops compare by default) lives here or in a pure module, once.

pub mod backups;
pub mod banks;
pub mod components;
pub mod exchange;
pub mod history;
pub mod live;
pub mod plans;
pub mod reports;
pub mod workshops;

pub use crate::assessment::Scope;

use std::path::{Path, PathBuf};

use crate::store::Store;
use crate::{Error, Result};

/// Refuses an output path that is the open database or one of its journal
/// files (`-wal`, `-shm`, `-journal`), however it is spelled: through a
/// symbolic link, a hard link, `..` or a relative path. Writing a report or
/// a bundle there would replace the coach's data.
pub fn check_output_path(store: &Store, path: &Path) -> Result<()> {
    let db = store.path();
    if is_database_file(db, path) {
        return Err(Error::invalid(
            &path.display().to_string(),
            format!(
                "this is the Mamos database {} (or one of its journal files): writing here would replace your data; choose another file",
                db.display()
            ),
        ));
    }
    Ok(())
}

/// Whether `path` is the database `db` or one of its journal files, as files
/// (also when the database cannot be opened).
pub(crate) fn is_database_file(db: &Path, path: &Path) -> bool {
    let journals = ["", "-wal", "-shm", "-journal"].map(|suffix| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    });
    journals.iter().any(|file| same_file(path, file))
}

/// Whether `a` and `b` name the same file, compared as files, not strings.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        use std::os::unix::fs::MetadataExt;
        return ma.dev() == mb.dev() && ma.ino() == mb.ino();
    }
    match (resolved(a), resolved(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The absolute path a file has or would have: its links and `..` resolved,
/// through its folder when the file does not exist yet.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = path.canonicalize() {
        return Some(path);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(folder.join(name))
}

/// Writes `bytes` next to `path` first, then renames it over `path`: a full
/// disk or a refused write leaves whatever was at `path` untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let partial = write_partial(path, bytes)?;
    replace_with(&partial, path)
}

/// The temp file `path` is first written to, in the same folder so the
/// rename that replaces `path` cannot need space or cross file systems.
fn partial_path(path: &Path) -> PathBuf {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    PathBuf::from(partial)
}

/// Writes `bytes` to the temp file of `path` and returns it; on failure
/// nothing is left behind and the error names `path`. The bytes reach the
/// disk before the rename, so a power cut cannot leave an empty file where
/// the earlier one was.
fn write_partial(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    use std::io::Write;
    let partial = partial_path(path);
    let written = std::fs::File::create(&partial)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()));
    written.map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    })?;
    Ok(partial)
}

/// Renames the written temp file over `path`; on failure the temp file goes.
fn replace_with(partial: &Path, path: &Path) -> Result<()> {
    std::fs::rename(partial, path).map_err(|source| {
        let _ = std::fs::remove_file(partial);
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Writes several files all or nothing: every one is written to its temp
/// file first, and only when all are written are they renamed into place.
/// A failure while writing (a full disk on the fourth) removes the temp
/// files and leaves every file already there as it was; the renames that
/// follow take no space, so a full disk cannot stop them halfway.
pub fn write_all_atomically(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut partials = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match write_partial(path, bytes) {
            Ok(partial) => partials.push(partial),
            Err(error) => {
                for partial in &partials {
                    let _ = std::fs::remove_file(partial);
                }
                return Err(error);
            }
        }
    }
    for (index, (partial, (path, _))) in partials.iter().zip(files).enumerate() {
        if let Err(error) = replace_with(partial, path) {
            for rest in &partials[index + 1..] {
                let _ = std::fs::remove_file(rest);
            }
            return Err(error);
        }
    }
    Ok(())
}

/// The text of the file at `path`; the error names the file.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::File {
        path: path.to_path_buf(),
        source,
    })
}
