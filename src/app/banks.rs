//! Question banks: checked from a file, linted, stored, listed and shown.

use std::path::Path;

use crate::model::lint::{lint_bank, Finding};
use crate::model::{parse_bank, Bank};
use crate::store::{BankImport, Store, StoredBank};
use crate::{Error, Result};

/// The bank in the file at `path`, checked; every problem names the file and
/// the JSON path. Needs no database.
pub fn read_bank_file(path: &Path) -> Result<Bank> {
    parse_bank(&path.display().to_string(), &super::read_text(path)?)
}

/// The bank at `path` and the content findings of the checks beyond its schema.
pub fn lint_bank_file(path: &Path) -> Result<(Bank, Vec<Finding>)> {
    let bank = read_bank_file(path)?;
    let findings = lint_bank(&bank);
    Ok((bank, findings))
}

/// Checks the bank at `path` and stores it; a bank already stored with the
/// same id and version is kept if identical and refused if it differs.
pub fn import_bank_file(store: &mut Store, path: &Path) -> Result<(Bank, BankImport)> {
    let bank = read_bank_file(path)?;
    // The coach needs to know which file holds the changed bank.
    let outcome = store.import_bank(&bank).map_err(|error| match error {
        Error::BankVersionConflict { .. } => {
            Error::conflict(&path.display().to_string(), error.to_string())
        }
        other => other,
    })?;
    Ok((bank, outcome))
}

/// Every stored bank version.
pub fn list_banks(store: &Store) -> Result<Vec<StoredBank>> {
    store.banks()
}

/// The newest stored version of the bank `id`.
pub fn stored_bank(store: &Store, id: &str) -> Result<Bank> {
    let version = store.latest_bank_version(id)?;
    store.bank(id, &version)
}
