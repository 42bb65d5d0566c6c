//! Moving work between laptops and into spreadsheets: `.mamos.json` bundles
//! written and merged, and the CSV tables. The formats are the pure
//! `exchange` module and the merge is `Store::import_bundle`; this module
//! reads and writes the files.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::Scope;
use crate::exchange::Bundle;
use crate::store::{ImportSummary, Store};
use crate::{Error, Result};

/// A bundle written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BundleWritten {
    pub path: String,
    pub components: usize,
    /// Bank versions the bundle carries.
    pub banks: usize,
    pub bytes: u64,
}

/// One CSV table written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CsvWritten {
    pub path: String,
    /// Data rows, the header row not counted.
    pub rows: usize,
}

/// Writes the bundle of `scope` to `path`; whatever was at `path` stays until
/// the whole file is written.
pub fn export_bundle(store: &Store, scope: &Scope, path: &Path) -> Result<BundleWritten> {
    super::check_output_path(store, path)?;
    let bundle = store.export_bundle(scope)?;
    let text = bundle.to_json();
    super::write_atomically(path, text.as_bytes())?;
    Ok(BundleWritten {
        path: path.display().to_string(),
        components: bundle.components.len(),
        banks: bundle.banks.len(),
        bytes: text.len() as u64,
    })
}

/// Reads, checks and merges the bundle at `path`, all or nothing; every error
/// names the file, and every conflict is kept (both versions) and reported.
pub fn import_bundle(store: &mut Store, path: &Path) -> Result<ImportSummary> {
    let file = path.display().to_string();
    let text = super::read_text(path)?;
    let parsed = Bundle::parse(&file, &text, |id, version| match store.bank(id, version) {
        Ok(bank) => Ok(Some(bank)),
        Err(Error::UnknownBank(_)) => Ok(None),
        Err(other) => Err(other),
    })?;
    store.import_bundle(&file, &parsed)
}

/// The CSV tables' file names, in the order they are written.
const CSV_FILES: [&str; 6] = [
    "votes.csv",
    "answers.csv",
    "pillar_scores.csv",
    "plan_actions.csv",
    "plan_key_results.csv",
    "checkins.csv",
];

/// Writes the CSV tables of the whole database into `dir` (created when
/// missing), one file each, all or nothing: a failure on any table leaves
/// every table already in `dir` as it was.
pub fn write_csv_tables(store: &Store, dir: &Path) -> Result<Vec<CsvWritten>> {
    for name in CSV_FILES {
        super::check_output_path(store, &dir.join(name))?;
    }
    let tables = crate::exchange::csv_tables(&store.component_records()?);
    std::fs::create_dir_all(dir).map_err(|source| Error::File {
        path: dir.to_path_buf(),
        source,
    })?;
    let texts = [
        &tables.votes,
        &tables.answers,
        &tables.pillar_scores,
        &tables.plan_actions,
        &tables.plan_key_results,
        &tables.checkins,
    ];
    let files: Vec<_> = CSV_FILES
        .into_iter()
        .zip(texts)
        .map(|(name, text)| (dir.join(name), text.as_bytes()))
        .collect();
    super::write_all_atomically(&files)?;
    Ok(files
        .iter()
        .zip(texts)
        .map(|((path, _), text)| CsvWritten {
            path: path.display().to_string(),
            rows: text.lines().count().saturating_sub(1),
        })
        .collect())
}
