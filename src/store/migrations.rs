//! Numbered schema migrations, recorded in `PRAGMA user_version`.
//! Migration N (1-based) brings the schema from version N-1 to N; pending
//! steps and the seeding of what every database holds (the built-in bank)
//! run in one transaction, after a backup copy of a non-empty database, so a
//! crash never leaves a migrated database without its seed.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, MAIN_DB};

use crate::{Error, Result};

/// Append only: a released migration is never edited.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_workshops.sql"),
    include_str!("migrations/0003_dora.sql"),
    include_str!("migrations/0004_targets_evidence.sql"),
    include_str!("migrations/0005_plans.sql"),
    include_str!("migrations/0006_plan_conflicts.sql"),
    include_str!("migrations/0007_stable_ids.sql"),
    include_str!("migrations/0008_live_focus.sql"),
    include_str!("migrations/0009_live_pace.sql"),
    include_str!("migrations/0010_workshop_undo.sql"),
];

pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Where the copy taken before migrating from `version` goes: beside the database.
pub fn backup_path(db: &Path, version: i64) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}.backup"));
    db.with_file_name(name)
}

/// Brings the schema up to date and runs `seed` in the same transaction.
/// `seed` runs on every open (an up-to-date schema gets its own transaction),
/// so it must be idempotent and should only write what is missing.
pub fn migrate(
    conn: &mut Connection,
    path: &Path,
    seed: impl FnOnce(&Transaction) -> Result<()>,
) -> Result<()> {
    let db_error = |source| Error::Database {
        path: path.to_path_buf(),
        source,
    };
    let current = schema_version(conn).map_err(db_error)?;
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(Error::DatabaseTooNew {
            path: path.to_path_buf(),
            found: current,
            known,
        });
    }
    if current == known {
        let tx = conn.transaction().map_err(db_error)?;
        seed(&tx)?;
        return tx.commit().map_err(db_error);
    }
    if current > 0 {
        // The SQLite backup API copies committed pages including the WAL, unlike a file copy.
        conn.backup(
            MAIN_DB,
            backup_path(path, current),
            None::<fn(rusqlite::backup::Progress)>,
        )
        .map_err(db_error)?;
    }
    let tx = conn.transaction().map_err(db_error)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql).map_err(db_error)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .map_err(db_error)?;
    }
    seed(&tx)?;
    tx.commit().map_err(db_error)
}
