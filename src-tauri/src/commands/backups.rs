//! The daily copy of the database, and *Restore a backup…*.

use std::sync::Once;

use mamos::app::backups::{self as app, Restored};
use mamos::error::{ErrorCode, ErrorReport};
use mamos::store::Store;
use tauri::State;

use super::{absolute, today, Db};

/// Replaces the database's data with the backup at `path` (absolute), after
/// the core's checks and a copy of the current data in `backups/`. When the
/// database could not be opened because it is damaged, the damaged file is
/// moved to `backups/` and the restored database becomes the app's store.
#[tauri::command]
pub async fn restore_backup(db: State<'_, Db>, path: String) -> Result<Restored, ErrorReport> {
    let path = absolute(path, "the backup to restore")?;
    let now = chrono::Local::now().naive_local();
    match db.opened() {
        Err(report) if report.code == ErrorCode::CorruptData => {
            let database = db.path.clone();
            let (store, restored) = tauri::async_runtime::spawn_blocking(move || {
                app::restore_over_unreadable(&database, &path, now)
            })
            .await
            .map_err(|error| ErrorReport {
                code: ErrorCode::Internal,
                message: format!("the restore stopped unexpectedly: {error}"),
            })?
            .map_err(|error| ErrorReport::from(&error))?;
            db.install(store);
            db.daily_backup_in_background();
            Ok(restored)
        }
        _ => {
            db.run(move |store| app::restore_from(store, &path, now))
                .await
        }
    }
}

impl Db {
    /// Takes today's copy of the database once per run, on a thread of its
    /// own with its own connection, so neither the start nor the commands
    /// wait for it; a failure is logged and changes nothing else.
    pub fn daily_backup_in_background(&self) {
        static STARTED: Once = Once::new();
        if self.opened().is_err() {
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
