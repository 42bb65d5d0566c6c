//! `mamos export|csv|import`: bundles for another laptop, and CSV tables.

use std::path::PathBuf;

use mamos::app::components::component_named;
use mamos::app::exchange as app;
use mamos::app::Scope;
use mamos::store::Store;
use mamos::Result;

#[derive(clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_name = "FILE.mamos.json")]
    out: PathBuf,
    #[arg(long, value_name = "NAME", conflicts_with = "group")]
    component: Option<String>,
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
}

#[derive(clap::Args)]
pub struct CsvArgs {
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE.mamos.json")]
    bundle: PathBuf,
}

pub fn export(store: &mut Store, args: &ExportArgs) -> Result<()> {
    let scope = match (&args.component, &args.group) {
        (Some(name), _) => Scope::Component {
            id: component_named(store, name)?.id,
        },
        (None, Some(name)) => Scope::Group { name: name.clone() },
        (None, None) => Scope::Organisation,
    };
    let written = app::export_bundle(store, &scope, &args.out)?;
    say!(
        "{}: {} components, {} bank versions",
        written.path,
        written.components,
        written.banks
    );
    Ok(())
}

pub fn csv(store: &mut Store, args: &CsvArgs) -> Result<()> {
    for table in app::write_csv_tables(store, &args.out)? {
        say!("{}: {} rows", table.path, table.rows);
    }
    Ok(())
}

pub fn import(store: &mut Store, args: &ImportArgs) -> Result<()> {
    let summary = app::import_bundle(store, &args.bundle)?;
    say!(
        "{}: imported {} components, {} workshops, {} plans, {} new bank versions",
        args.bundle.display(),
        summary.components,
        summary.workshops,
        summary.plans,
        summary.banks
    );
    if summary.plans_closed > 0 {
        say!(
            "closed {} open plans here that the bundle closed at a re-assessment",
            summary.plans_closed
        );
    }
    for conflict in &summary.conflicts {
        say!("conflict: {conflict}");
    }
    Ok(())
}
