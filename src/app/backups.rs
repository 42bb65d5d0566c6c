//! Copies of the whole database, for a laptop that carries an organisation's
//! assessments: a backup written where the coach says, the daily copy the
//! desktop app keeps in `backups/` beside the database (the last
//! [`DAILY_KEPT`]), and a restore that first keeps the current data.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ErrorCode;
use crate::store::{check_backup, Store};
use crate::{Error, Result};

/// The folder beside the database that holds the daily copies and the copies
/// taken before a restore.
pub const BACKUPS_FOLDER: &str = "backups";

/// How many daily copies are kept.
pub const DAILY_KEPT: usize = 7;

/// A copy of the database written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupWritten {
    pub path: String,
    pub bytes: u64,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Restored {
    /// The backup file restored.
    pub file: String,
    /// The database it replaced (the open one, at the same path).
    pub database: String,
    /// Components in the database now.
    pub components: usize,
    /// The backup's schema version; older than this Mamos's means it was migrated.
    pub schema_from: i64,
    pub migrated: bool,
    /// The copy of the data the restore replaced.
    pub safety_backup: String,
    /// The replaced data was damaged: `safety_backup` is its file as it was
    /// (with its `-wal` beside it, if it had one), not a checked copy.
    pub damaged: bool,
}

/// `backups/` beside the database.
pub fn backups_folder(store: &Store) -> PathBuf {
    folder_beside(store.path())
}

fn folder_beside(db: &Path) -> PathBuf {
    match db.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(BACKUPS_FOLDER),
        _ => PathBuf::from(BACKUPS_FOLDER),
    }
}

/// Writes a checked copy of the open database to `out` (never the database
/// itself or its journal files); whatever was at `out` stays until the copy is whole.
pub fn backup_to(store: &Store, out: &Path) -> Result<BackupWritten> {
    super::check_output_path(store, out)?;
    let field = out.display().to_string();
    if out.is_dir() {
        return Err(Error::invalid(
            &field,
            "this is a folder; give the backup a file name in it, such as mamos-backup.db",
        ));
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(Error::invalid(
                &field,
                format!("the folder {} does not exist", dir.display()),
            ));
        }
    }
    let bytes = store.backup_to(out)?;
    Ok(BackupWritten {
        path: out.display().to_string(),
        bytes,
    })
}

/// Replaces the open database's data with the backup `file`, after checking
/// it is a Mamos database this Mamos can read that passes SQLite's integrity
/// check, and after keeping a copy of the current data in `backups/`. A
/// refused file changes nothing. A backup of an older schema is migrated.
/// When the current data fails its own integrity check, no checked copy of
/// it can be made: the database file (and its `-wal`) is copied as it is
/// to `backups/damaged-DATE-TIME.db` instead.
pub fn restore_from(store: &mut Store, file: &Path, now: NaiveDateTime) -> Result<Restored> {
    if super::check_output_path(store, file).is_err() {
        return Err(refuse_database_itself(file));
    }
    let checked = check_backup(file)?;
    let schema_from = checked.schema;
    let folder = create_backups_folder(store.path())?;
    let safety = unused_name(&folder, "before-restore", now);
    let damaged = match store.backup_to(&safety) {
        Ok(_) => false,
        Err(error) if error.code() == ErrorCode::CorruptData => true,
        Err(error) => return Err(error),
    };
    let safety = if damaged {
        let kept = unused_name(&folder, "damaged", now);
        copy_database_files(store.path(), &kept)?;
        kept
    } else {
        safety
    };
    store.restore_checked(checked)?;
    restored(file, store, schema_from, &safety, damaged)
}

/// Restores the backup `file` at `db`, a database SQLite cannot open
/// (damaged, truncated, not a database at all), when it is needed most. The
/// backup is checked first: a refused one changes nothing. The damaged file
/// is never deleted: it and its `-wal`, `-shm` and `-journal` files move to
/// `backups/damaged-DATE-TIME.db` (same suffixes, so SQLite could still read
/// them together), and a checked copy of the backup takes its place; a
/// journal left beside the new file would be replayed into it.
pub fn restore_over_unreadable(
    db: &Path,
    file: &Path,
    now: NaiveDateTime,
) -> Result<(Store, Restored)> {
    if super::is_database_file(db, file) {
        return Err(refuse_database_itself(file));
    }
    let checked = check_backup(file)?;
    let schema_from = checked.schema;
    let folder = create_backups_folder(db)?;
    // Written beside the database first, so a full disk leaves the damaged file where it was.
    let incoming = with_suffix(db, ".restoring");
    if let Err(error) = checked.write_to(&incoming) {
        let _ = std::fs::remove_file(&incoming);
        return Err(error);
    }
    drop(checked);
    let kept = unused_name(&folder, "damaged", now);
    if let Err(error) = move_database_files(db, &kept) {
        let _ = std::fs::remove_file(&incoming);
        return Err(error);
    }
    if let Err(source) = std::fs::rename(&incoming, db) {
        // The damaged file goes back where it was rather than leave no database there.
        let _ = move_database_files(&kept, db);
        let _ = std::fs::remove_file(&incoming);
        return Err(Error::File {
            path: db.to_path_buf(),
            source,
        });
    }
    let store = Store::open(db)?;
    let restored = restored(file, &store, schema_from, &kept, true)?;
    Ok((store, restored))
}

fn refuse_database_itself(file: &Path) -> Error {
    Error::invalid(
        &file.display().to_string(),
        "this is the Mamos database itself; choose a backup copy of it",
    )
}

fn restored(
    file: &Path,
    store: &Store,
    schema_from: i64,
    safety: &Path,
    damaged: bool,
) -> Result<Restored> {
    Ok(Restored {
        file: file.display().to_string(),
        database: store.path().display().to_string(),
        components: store.component_count()?,
        schema_from,
        migrated: schema_from < crate::store::migrations::MIGRATIONS.len() as i64,
        safety_backup: safety.display().to_string(),
        damaged,
    })
}

/// The files SQLite keeps for the database `db`: the database itself, then its journals.
const DATABASE_SUFFIXES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Copies the database file and its WAL (the recent commits, if any) as they are.
fn copy_database_files(db: &Path, to: &Path) -> Result<()> {
    for suffix in ["", "-wal"] {
        let (from, to) = (with_suffix(db, suffix), with_suffix(to, suffix));
        if suffix == "-wal" && std::fs::metadata(&from).is_ok_and(|meta| meta.len() == 0) {
            continue;
        }
        match std::fs::copy(&from, &to) {
            Ok(_) => {}
            Err(source) if !suffix.is_empty() && source.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                let _ = std::fs::remove_file(&to);
                return Err(Error::File { path: to, source });
            }
        }
    }
    Ok(())
}

/// Renames the database file and the journals it has to `to` (plus their
/// suffixes); if one cannot be moved, those already moved go back.
fn move_database_files(db: &Path, to: &Path) -> Result<()> {
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for suffix in DATABASE_SUFFIXES {
        let (from, to) = (with_suffix(db, suffix), with_suffix(to, suffix));
        match std::fs::rename(&from, &to) {
            Ok(()) => moved.push((from, to)),
            Err(source) if !suffix.is_empty() && source.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                for (back, from) in moved.iter().rev() {
                    let _ = std::fs::rename(from, back);
                }
                return Err(Error::File { path: from, source });
            }
        }
    }
    Ok(())
}

/// `folder/PREFIX-DATE-TIME.db`, never over an earlier one.
fn unused_name(folder: &Path, prefix: &str, now: NaiveDateTime) -> PathBuf {
    let stem = format!("{prefix}-{}", now.format("%Y-%m-%d-%H%M%S"));
    let mut path = folder.join(format!("{stem}.db"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{n}.db"));
        n += 1;
    }
    path
}

/// Creates `backups/` beside the database `db` if it is not there.
fn create_backups_folder(db: &Path) -> Result<PathBuf> {
    let folder = folder_beside(db);
    std::fs::create_dir_all(&folder).map_err(|source| Error::File {
        path: folder.clone(),
        source,
    })?;
    Ok(folder)
}

/// On the first call of a day, writes `backups/mamos-YYYY-MM-DD.db` and
/// deletes the daily copies beyond the newest [`DAILY_KEPT`]. `None` when
/// today's copy is already there.
pub fn daily_backup(store: &Store, today: NaiveDate) -> Result<Option<BackupWritten>> {
    let folder = create_backups_folder(store.path())?;
    let path = folder.join(daily_name(today));
    if path.exists() {
        return Ok(None);
    }
    let written = backup_to(store, &path)?;
    let folder_error = |source| Error::File {
        path: folder.clone(),
        source,
    };
    let names: Vec<String> = std::fs::read_dir(&folder)
        .map_err(folder_error)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    for name in daily_copies_to_delete(&names, DAILY_KEPT) {
        let old = folder.join(&name);
        std::fs::remove_file(&old).map_err(|source| Error::File { path: old, source })?;
    }
    Ok(Some(written))
}

fn daily_name(day: NaiveDate) -> String {
    format!("mamos-{}.db", day.format("%Y-%m-%d"))
}

/// The day of a daily copy's file name; `None` for any other file.
fn daily_copy_day(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix("mamos-")?.strip_suffix(".db")?;
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    // Only the exact name this module writes: `mamos-2026-1-5.db` is someone else's file.
    (daily_name(date) == name).then_some(date)
}

/// The daily copies among `names` beyond the `keep` newest days; other files are never listed.
pub fn daily_copies_to_delete(names: &[String], keep: usize) -> Vec<String> {
    let mut copies: Vec<(NaiveDate, &String)> = names
        .iter()
        .filter_map(|name| Some((daily_copy_day(name)?, name)))
        .collect();
    copies.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
    copies
        .into_iter()
        .skip(keep)
        .map(|(_, name)| name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn the_oldest_daily_copies_beyond_the_kept_ones_are_deleted() {
        let days: Vec<String> = (1..=10)
            .map(|d| format!("mamos-2026-03-{d:02}.db"))
            .collect();
        let mut shuffled = days.clone();
        shuffled.reverse();
        shuffled.swap(0, 5);
        let mut deleted = daily_copies_to_delete(&shuffled, 7);
        deleted.sort();
        assert_eq!(deleted, days[..3].to_vec());
    }

    #[test]
    fn files_that_are_not_daily_copies_are_never_deleted() {
        let list = names(&[
            "mamos-2026-01-01.db",
            "mamos-2026-01-02.db",
            "before-restore-2025-01-01-101010.db",
            "mamos-2020-01-01.db.partial",
            "mamos-2020-1-1.db",
            "mamos-2020-02-30.db",
            "notes.txt",
            "mamos-2019-12-31.db",
        ]);
        assert_eq!(
            daily_copies_to_delete(&list, 1),
            names(&["mamos-2026-01-01.db", "mamos-2019-12-31.db"])
        );
        assert!(daily_copies_to_delete(&list, 7).is_empty());
    }
}
