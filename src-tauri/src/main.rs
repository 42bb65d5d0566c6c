//! `mamos-desktop`: the Tauri 2 window around the `mamos` core. It owns no
//! logic: it opens the store, registers the commands (`commands/`, one
//! module per domain of `mamos::app`) and serves the built UI (`ui/dist`,
//! embedded at compile time).

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::PathBuf;

use tauri::webview::PageLoadEvent;
use tauri::Manager;

use commands::{backups, components, exchange, history, live, plans, reports, workshops, Db};

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

/// Whether the window may show `url`: only the app's own embedded pages
/// (`tauri://localhost`, or `http(s)://tauri.localhost` where the platform
/// serves it so). A link that escaped the UI's click handling opens nothing
/// inside the app's window, which can call the commands.
fn is_app_page(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

fn main() {
    let path = db_path_argument(std::env::args()).unwrap_or_else(mamos::store::default_db_path);
    // A database that cannot be opened is reported in the window, not by a panic.
    let db = Db::open(path);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(
            tauri::plugin::Builder::<tauri::Wry>::new("navigation-guard")
                .on_navigation(|_, url| is_app_page(url))
                .build(),
        )
        .manage(db)
        .manage(live::Live::default())
        // Today's copy of the database is taken once the window shows its page, never before.
        .on_page_load(|webview, payload| {
            if payload.event() == PageLoadEvent::Finished {
                webview.state::<Db>().daily_backup_in_background();
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_data_folder,
            commands::list_blueprints,
            components::list_components,
            components::add_component,
            components::load_assessment,
            components::set_answer,
            components::set_note,
            components::set_target_override,
            components::clear_target_override,
            components::list_groups,
            components::add_group,
            components::add_to_group,
            workshops::start_workshop,
            workshops::list_workshops,
            workshops::load_workshop,
            workshops::cast_vote,
            workshops::reveal_votes,
            workshops::agree,
            workshops::undo_last,
            workshops::set_workshop_note,
            workshops::add_evidence,
            workshops::remove_evidence,
            workshops::load_dora,
            workshops::set_dora,
            history::org_view,
            history::comparison_pair,
            history::compare_workshops,
            history::component_trend,
            plans::load_plan,
            plans::list_plans,
            plans::create_plan,
            plans::edit_action,
            plans::move_action_to_week,
            plans::add_action,
            plans::remove_action,
            plans::preview_regenerate,
            plans::regenerate_plan,
            plans::record_checkin,
            plans::close_plan,
            reports::document_kinds,
            reports::export_report,
            exchange::export_bundle,
            exchange::import_bundle,
            exchange::export_csv,
            backups::restore_backup,
            live::start_live,
            live::stop_live,
            live::live_room,
            live::focus_practice,
            live::live_interfaces,
            live::free_live_name,
            live::live_focus,
            live::live_pace,
            live::set_live_pace,
        ])
        .build(tauri::generate_context!());
    match result {
        // The participants' server stops with the app: no room is left open behind it.
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                app.state::<live::Live>().stop();
            }
        }),
        Err(error) => {
            eprintln!("mamos-desktop: could not start the window: {error}");
            std::process::exit(1);
        }
    }
}
