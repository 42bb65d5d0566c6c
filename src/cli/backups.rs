//! `mamos backup|restore`: a checked copy of the whole database, and putting one back.

use std::path::{Path, PathBuf};

use mamos::app::backups as app;
use mamos::store::Store;
use mamos::Result;

#[derive(clap::Args)]
pub struct BackupArgs {
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn backup(store: &mut Store, args: &BackupArgs) -> Result<()> {
    let written = app::backup_to(store, &args.out)?;
    if args.json {
        super::print_json(&written);
    } else {
        say!("{}: {} bytes", written.path, written.bytes);
    }
    Ok(())
}

pub fn restore(store: &mut Store, args: &RestoreArgs) -> Result<()> {
    let restored = app::restore_from(store, &args.file, chrono::Local::now().naive_local())?;
    print_restored(&restored, args.json);
    Ok(())
}

/// `mamos restore FILE` on a database SQLite cannot open.
pub fn restore_over_unreadable(db: &Path, args: &RestoreArgs) -> Result<()> {
    let (_, restored) =
        app::restore_over_unreadable(db, &args.file, chrono::Local::now().naive_local())?;
    print_restored(&restored, args.json);
    Ok(())
}

fn print_restored(restored: &app::Restored, json: bool) {
    if json {
        super::print_json(restored);
        return;
    }
    say!(
        "restored {} into {}: {} components{}",
        restored.file,
        restored.database,
        restored.components,
        if restored.migrated {
            format!(" (migrated from schema version {})", restored.schema_from)
        } else {
            String::new()
        }
    );
    if restored.damaged {
        say!(
            "the database it replaced was damaged; its file is kept as it was in {}",
            restored.safety_backup
        );
    } else {
        say!("the data it replaced is kept in {}", restored.safety_backup);
    }
}
