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

pub mod banks;
pub mod components;
pub mod exchange;
pub mod history;
pub mod plans;
pub mod reports;
pub mod workshops;

pub use crate::assessment::Scope;

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Writes `bytes` next to `path` first, then renames it over `path`: a full
/// disk or a refused write leaves whatever was at `path` untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let file_error = |source| Error::File {
        path: path.to_path_buf(),
        source,
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    if let Err(source) = std::fs::write(&partial, bytes) {
        let _ = std::fs::remove_file(&partial);
        return Err(file_error(source));
    }
    std::fs::rename(&partial, path).map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        file_error(source)
    })
}

/// The text of the file at `path`; the error names the file.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::File {
        path: path.to_path_buf(),
        source,
    })
}
