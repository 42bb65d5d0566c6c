//! Bundles for another laptop, and the CSV tables.

use mamos::app::exchange::{self as app, BundleWritten, CsvWritten};
use mamos::app::Scope;
use mamos::error::ErrorReport;
use mamos::store::ImportSummary;
use tauri::State;

use super::{absolute, with_extension, Db};

/// Writes the `.mamos.json` bundle of `scope` to `path` (absolute; chosen in the save dialog or typed).
#[tauri::command]
pub async fn export_bundle(
    db: State<'_, Db>,
    scope: Scope,
    path: String,
) -> Result<BundleWritten, ErrorReport> {
    let path = with_extension(absolute(path, "the bundle")?, ".mamos.json", "json");
    db.run(move |store| app::export_bundle(store, &scope, &path))
        .await
}

/// Merges the bundle at `path` into the database, all or nothing; the summary
/// lists every conflict (both versions kept) for the coach to settle.
#[tauri::command]
pub async fn import_bundle(db: State<'_, Db>, path: String) -> Result<ImportSummary, ErrorReport> {
    let path = absolute(path, "the bundle to import")?;
    db.run(move |store| app::import_bundle(store, &path)).await
}

/// Writes the CSV tables of the whole database into the folder `dir` (created when missing).
#[tauri::command]
pub async fn export_csv(db: State<'_, Db>, dir: String) -> Result<Vec<CsvWritten>, ErrorReport> {
    let dir = absolute(dir, "the folder of the CSV tables")?;
    db.run(move |store| app::write_csv_tables(store, &dir))
        .await
}
