//! `mamos-desktop`: the Tauri 2 window around the `mamos` core. It owns no
//! logic: it opens the store, registers the commands (`commands`) and serves
//! the built UI (`ui/dist`, embedded at compile time).

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::PathBuf;

use commands::Db;

/// `--db PATH` (or `--db=PATH`) on the command line; `None` lets the core
/// fall back to `$MAMOS_DB`, then the OS data directory.
fn db_path_argument(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}

fn main() {
    let path = db_path_argument(std::env::args()).unwrap_or_else(mamos::store::default_db_path);
    // A database that cannot be opened is reported in the window, not by a panic.
    let db = Db::open(path);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(db)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_blueprints,
            commands::list_components,
            commands::add_component,
            commands::load_assessment,
            commands::set_answer,
            commands::set_note,
            commands::export_report,
            commands::export_bundle,
            commands::import_bundle,
            commands::export_csv,
            commands::start_workshop,
            commands::list_workshops,
            commands::load_workshop,
            commands::cast_vote,
            commands::reveal_votes,
            commands::agree,
            commands::org_view,
            commands::list_groups,
            commands::add_group,
            commands::add_to_group,
            commands::load_dora,
            commands::set_dora,
            commands::set_workshop_note,
            commands::add_evidence,
            commands::remove_evidence,
            commands::set_target_override,
            commands::clear_target_override,
            commands::comparison_pair,
            commands::compare_workshops,
            commands::component_trend,
            commands::load_plan,
            commands::list_plans,
            commands::create_plan,
            commands::edit_action,
            commands::move_action_to_week,
            commands::add_action,
            commands::remove_action,
            commands::preview_regenerate,
            commands::regenerate_plan,
            commands::record_checkin,
            commands::close_plan,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("mamos-desktop: could not start the window: {error}");
        std::process::exit(1);
    }
}
