//! Whole-database copies through the SQLite online backup API: it copies
//! committed pages, the WAL included, while other connections go on writing,
//! which a file copy of a live WAL database does not.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::migrations::{schema_version, MIGRATIONS};
use super::Store;
use crate::{Error, Result};

/// Pages copied per step; between steps other connections may write.
const PAGES_PER_STEP: std::ffi::c_int = 1024;

/// Tables every Mamos database has had since schema version 1.
const MAMOS_TABLES: [&str; 3] = ["bank", "component", "assessment"];

impl Store {
    /// Writes a copy of the open database to `out`: into a temp file beside
    /// it, checked with `PRAGMA integrity_check`, then renamed over `out`, so
    /// a failure leaves whatever was at `out` untouched. Returns its size in bytes.
    pub fn backup_to(&self, out: &Path) -> Result<u64> {
        let mut partial = out.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let written = copy_checked(&self.conn, &partial).and_then(|()| {
            std::fs::rename(&partial, out).map_err(|source| Error::File {
                path: out.to_path_buf(),
                source,
            })
        });
        if let Err(error) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        std::fs::metadata(out)
            .map(|meta| meta.len())
            .map_err(|source| Error::File {
                path: out.to_path_buf(),
                source,
            })
    }

    /// Replaces the open database's content with the checked backup `source`
    /// (see [`check_backup`]) through SQLite, so the path and its WAL stay
    /// consistent, then reopens it: an older schema is migrated as at start.
    pub fn restore_checked(&mut self, source: CheckedBackup) -> Result<()> {
        let db_error = |source| Error::Database {
            path: self.path.clone(),
            source,
        };
        Backup::new(&source.conn, &mut self.conn)
            .and_then(|backup| backup.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None))
            .map_err(db_error)?;
        drop(source);
        *self = Store::open(&self.path.clone())?;
        Ok(())
    }

    /// How many components the database holds.
    pub fn component_count(&self) -> Result<usize> {
        let count: i64 =
            self.db(self
                .conn
                .query_row("SELECT count(*) FROM component", [], |row| row.get(0)))?;
        Ok(count as usize)
    }
}

/// Copies `from` into a new database file at `to` in rollback-journal mode,
/// so the copy is one self-contained file, and checks its integrity.
fn copy_checked(from: &Connection, to: &Path) -> Result<()> {
    let db_error = |source| Error::Database {
        path: to.to_path_buf(),
        source,
    };
    // A stale partial copy from an interrupted run would otherwise be added to.
    match std::fs::remove_file(to) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::File {
                path: to.to_path_buf(),
                source,
            })
        }
        _ => {}
    }
    let mut copy = Connection::open(to).map_err(db_error)?;
    Backup::new(from, &mut copy)
        .and_then(|backup| backup.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None))
        .map_err(db_error)?;
    copy.pragma_update_and_check(None, "journal_mode", "DELETE", |row| {
        row.get::<_, String>(0)
    })
    .map_err(db_error)?;
    match integrity_problem(&copy).map_err(db_error)? {
        None => Ok(()),
        Some(problem) => Err(Error::corrupt(
            format!("the copy written to {}", to.display()),
            problem,
        )),
    }
}

/// The first problem `PRAGMA integrity_check` reports, if any.
fn integrity_problem(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let first: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    Ok((first != "ok").then_some(first))
}

/// A file that passed every check a backup must pass before it replaces the
/// open database; it holds the file open (read-only) until the restore.
pub struct CheckedBackup {
    conn: Connection,
    /// Its schema version, at most this Mamos's.
    pub schema: i64,
}

impl CheckedBackup {
    /// Writes the backup into a new self-contained database file at `to`,
    /// checked as [`Store::backup_to`] checks its copies; the file is left
    /// for the caller to remove if this fails.
    pub fn write_to(&self, to: &Path) -> Result<()> {
        copy_checked(&self.conn, to)
    }
}

/// Opens `file` read-only and checks it is a Mamos database this Mamos can
/// read that passes `PRAGMA integrity_check`. Every refusal is bad input
/// naming the file and the reason.
pub fn check_backup(file: &Path) -> Result<CheckedBackup> {
    let refuse = |reason: String| Error::invalid(&file.display().to_string(), reason);
    let meta = std::fs::metadata(file).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => refuse("no such file".to_string()),
        _ => Error::File {
            path: file.to_path_buf(),
            source: error,
        },
    })?;
    if meta.is_dir() {
        return Err(refuse(
            "this is a folder; choose a backup file (.db) in it".to_string(),
        ));
    }
    let not_sqlite = || refuse("not a SQLite database file, so not a Mamos backup".to_string());
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_sqlite())?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|_| not_sqlite())?;
    let schema = schema_version(&conn).map_err(|_| not_sqlite())?;
    let known = MIGRATIONS.len() as i64;
    if schema > known {
        return Err(refuse(format!(
            "written by a newer Mamos (schema version {schema}, this Mamos knows up to {known}); update Mamos to restore it"
        )));
    }
    let has_tables = MAMOS_TABLES
        .iter()
        .all(|table| tables.iter().any(|t| t == table));
    if schema < 1 || !has_tables {
        return Err(refuse(
            "a SQLite database but not a Mamos database (it has no Mamos tables)".to_string(),
        ));
    }
    match integrity_problem(&conn) {
        Ok(None) => Ok(CheckedBackup { conn, schema }),
        Ok(Some(problem)) => Err(refuse(format!(
            "fails SQLite's integrity check ({problem}); choose another backup"
        ))),
        Err(error) => Err(refuse(format!(
            "fails SQLite's integrity check ({error}); choose another backup"
        ))),
    }
}
