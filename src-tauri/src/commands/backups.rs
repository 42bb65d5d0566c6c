//! The daily copy of the database, and *Restore a backup…*.

use std::sync::Once;

use mamos::app::backups::{self as app, Restored};
use mamos::error::ErrorReport;
use mamos::store::Store;
use tauri::State;

use super::{absolute, today, Db};

/// Replaces the database's data with the backup at `path` (absolute), after
/// the core's checks and a copy of the current data in `backups/`.
#[tauri::command]
pub async fn restore_backup(db: State<'_, Db>, path: String) -> Result<Restored, ErrorReport> {
    let path = absolute(path, "the backup to restore")?;
    db.run(move |store| app::restore_from(store, &path, chrono::Local::now().naive_local()))
        .await
}

impl Db {
    /// Takes today's copy of the database once per run, on a thread of its
    /// own with its own connection, so neither the start nor the commands
    /// wait for it; a failure is logged and changes nothing else.
    pub fn daily_backup_in_background(&self) {
        static STARTED: Once = Once::new();
        if self.store.is_err() {
            return;
        }
        STARTED.call_once(|| {
            let path = self.path.clone();
            std::thread::spawn(move || {
                let outcome =
                    Store::open(&path).and_then(|store| app::daily_backup(&store, today()));
                match outcome {
                    Ok(Some(written)) => eprintln!(
                        "mamos-desktop: today's backup is {} ({} bytes)",
                        written.path, written.bytes
                    ),
                    Ok(None) => {}
                    Err(error) => eprintln!("mamos-desktop: today's backup failed: {error}"),
                }
            });
        });
    }
}
