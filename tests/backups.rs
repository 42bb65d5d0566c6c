//! Backups and restore (issue 12): the real `mamos` binary on temp databases
//! (`mamos backup`, `mamos restore`), and the desktop app's daily copy
//! (`mamos::app::backups::daily_backup`) called with dates.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::Workspace;
use mamos::app::backups::{daily_backup, BACKUPS_FOLDER, DAILY_KEPT};
use mamos::store::Store;
use rusqlite::{Connection, OpenFlags};

const TEAM: &str = "Payments <script>";

/// A database with one answered component.
fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.ok(&["component", "add", TEAM, "--blueprint", "III"]);
    ws.ok(&["answer", TEAM, "methods.trunk-based", "3"]);
    ws.ok(&["note", TEAM, "methods.trunk-based", "merged daily"]);
    ws
}

/// Everything the database holds, as `mamos export` writes it.
fn dump(ws: &Workspace) -> String {
    let out = ws.path("dump.mamos.json");
    ws.ok(&["export", "--out", &out.display().to_string()]);
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    text
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn integrity(path: &Path) -> String {
    read_only(path)
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

/// The copies in `backups/` beside the database, sorted.
fn backups(ws: &Workspace) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(ws.path(BACKUPS_FOLDER)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_restored_gives_back_the_same_data_and_keeps_the_replaced_data() {
    let ws = workspace();
    let original = dump(&ws);
    let backup = ws.path("copy.db");
    let printed = ws.ok(&["backup", "--out", &s(&backup)]);
    let size = std::fs::metadata(&backup).unwrap().len();
    assert_eq!(printed, format!("{}: {size} bytes\n", s(&backup)));
    assert_eq!(integrity(&backup), "ok");
    // One self-contained file, safe to carry: no WAL beside it, no partial copy left.
    let mode: String = read_only(&backup)
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    assert!(!ws.path("copy.db.partial").exists());

    // Work goes on after the backup.
    ws.ok(&["answer", TEAM, "methods.trunk-based", "1"]);
    ws.ok(&["component", "add", "Search"]);
    let changed = dump(&ws);
    assert_ne!(changed, original);

    let printed = ws.ok(&["restore", &s(&backup)]);
    assert_eq!(dump(&ws), original);
    assert!(
        printed.starts_with(&format!(
            "restored {} into {}: 1 components\n",
            s(&backup),
            s(&ws.db())
        )),
        "{printed}"
    );
    let kept = backups(&ws);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with("before-restore-"), "{kept:?}");
    let safety = ws.path(BACKUPS_FOLDER).join(&kept[0]);
    assert!(printed.contains(&format!("the data it replaced is kept in {}", s(&safety))));
    assert_eq!(integrity(&safety), "ok");

    // The safety copy holds the replaced data: restoring it brings it back, and keeps another copy.
    ws.ok(&["restore", &s(&safety)]);
    assert_eq!(dump(&ws), changed);
    assert_eq!(backups(&ws).len(), 2);
}

#[test]
fn backup_and_restore_print_json_on_request() {
    let ws = workspace();
    let backup = ws.path("copy.db");
    let written = ws.json(&["backup", "--out", &s(&backup), "--json"]);
    assert_eq!(written["path"], s(&backup));
    assert_eq!(written["bytes"], std::fs::metadata(&backup).unwrap().len());
    let restored = ws.json(&["restore", &s(&backup), "--json"]);
    assert_eq!(restored["file"], s(&backup));
    assert_eq!(restored["components"], 1);
    assert_eq!(restored["migrated"], false);
    assert!(Path::new(restored["safety_backup"].as_str().unwrap()).exists());
}

#[test]
fn a_backup_is_never_written_over_the_database_nor_into_a_missing_folder() {
    let ws = workspace();
    let before = dump(&ws);
    let db = s(&ws.db());
    for out in [db.clone(), format!("{db}-wal"), format!("{db}-shm")] {
        let stderr = ws.bad_input(&["backup", "--out", &out]);
        assert!(stderr.contains("is the Mamos database"), "{stderr}");
    }
    let missing = ws.path("no-such-folder").join("copy.db");
    let stderr = ws.bad_input(&["backup", "--out", &s(&missing)]);
    assert!(
        stderr.contains(&s(&missing)) && stderr.contains("does not exist"),
        "{stderr}"
    );
    let stderr = ws.bad_input(&["backup", "--out", &s(ws.dir.path())]);
    assert!(stderr.contains("this is a folder"), "{stderr}");
    assert_eq!(dump(&ws), before);
    assert_eq!(integrity(&ws.db()), "ok");
}

/// A valid backup of `ws` with one page in its middle overwritten: still a
/// SQLite file with the Mamos tables, but `integrity_check` fails.
fn damaged_backup(ws: &Workspace) -> std::path::PathBuf {
    let path = ws.path("damaged.db");
    ws.ok(&["backup", "--out", &s(&path)]);
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    let middle = (bytes.len() / page / 2) * page;
    bytes[middle..middle + page].fill(0xA5);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_file_that_is_not_a_good_mamos_backup_is_refused_with_its_name_and_the_reason() {
    let ws = workspace();
    let folder = ws.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let text = ws.path("notes.db");
    std::fs::write(&text, "these are my notes, not a database\n".repeat(200)).unwrap();
    let foreign = ws.path("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL);")
        .unwrap();
    let newer = ws.path("newer.db");
    ws.ok(&["backup", "--out", &s(&newer)]);
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let damaged = damaged_backup(&ws);
    let before = dump(&ws);

    let cases = [
        (ws.path("missing.db"), "no such file"),
        (folder, "this is a folder"),
        (text, "not a SQLite database"),
        (foreign, "not a Mamos database"),
        (newer, "update Mamos"),
        (damaged, "integrity check"),
        (ws.db(), "the open Mamos database itself"),
    ];
    for (file, reason) in cases {
        let stderr = ws.bad_input(&["restore", &s(&file)]);
        assert!(
            stderr.contains(&s(&file)) && stderr.contains(reason),
            "restore {}: {stderr}",
            s(&file)
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(dump(&ws), before, "restore {} changed the data", s(&file));
        assert!(
            backups(&ws).is_empty(),
            "restore {} kept a copy before refusing",
            s(&file)
        );
    }
    assert_eq!(integrity(&ws.db()), "ok");
}

#[test]
fn a_backup_of_an_older_schema_is_migrated_when_restored() {
    let old = Workspace::new();
    let conn = old.create_at_schema(4);
    // What a Mamos of schema 4 stored: the bank, a component and its assessment with one answer.
    let bank = mamos::model::builtin_bank();
    conn.execute(
        "INSERT INTO bank (id, version, content, imported_at) VALUES (?1, ?2, ?3, '2024-05-01T09:00:00Z')",
        rusqlite::params![bank.id, bank.version, serde_json::to_string(&bank).unwrap()],
    )
    .unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO component (id, name, blueprint, created_at) VALUES (1, 'Legacy', 'I', '2024-05-01T09:00:00Z');
         INSERT INTO assessment (id, component_id, bank_id, bank_version, started_at, held_on)
             VALUES (1, 1, '{}', '{}', '2024-05-01T09:00:00Z', '2024-05-01');
         INSERT INTO answer (assessment_id, practice_id, level, updated_at)
             VALUES (1, 'methods.trunk-based', 3, '2024-05-01T09:00:00Z');",
        bank.id, bank.version
    ))
    .unwrap();
    drop(conn);

    let ws = workspace();
    let restored = ws.json(&["restore", &s(&old.db()), "--json"]);
    assert_eq!(restored["schema_from"], 4);
    assert_eq!(restored["migrated"], true);
    let components = ws.json(&["component", "list", "--json"]);
    let names: Vec<&str> = components
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Legacy"]);
    assert_eq!(components[0]["answered"], 1);
    let version: i64 = read_only(&ws.db())
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, mamos::store::migrations::MIGRATIONS.len() as i64);
    // The migrated database works as any other, and the backup file was only read.
    ws.ok(&["answer", "Legacy", "methods.trunk-based", "2"]);
    let old_version: i64 = read_only(&old.db())
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(old_version, 4);
}

#[test]
fn the_daily_copy_is_taken_once_a_day_and_the_last_seven_are_kept() {
    let ws = workspace();
    let folder = ws.path(BACKUPS_FOLDER);
    std::fs::create_dir(&folder).unwrap();
    // Files of the coach's own in the folder are never touched.
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    std::fs::write(folder.join("mamos-2026-3-1.db"), "mine too").unwrap();
    let store = Store::open(&ws.db()).unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    for d in 1..=10 {
        let written = daily_backup(&store, day(d))
            .unwrap()
            .expect("first start of the day");
        assert_eq!(
            written.path,
            s(&folder.join(format!("mamos-2026-03-{d:02}.db")))
        );
        assert!(
            daily_backup(&store, day(d)).unwrap().is_none(),
            "taken twice on day {d}"
        );
    }
    let mut expected: Vec<String> = (10 - DAILY_KEPT as u32 + 1..=10)
        .map(|d| format!("mamos-2026-03-{d:02}.db"))
        .collect();
    expected.extend(["mamos-2026-3-1.db".to_string(), "notes.txt".to_string()]);
    expected.sort();
    assert_eq!(backups(&ws), expected);
    assert_eq!(DAILY_KEPT, 7);
    // Each copy is a whole Mamos database.
    let copy = folder.join("mamos-2026-03-10.db");
    assert_eq!(integrity(&copy), "ok");
    let components: i64 = read_only(&copy)
        .query_row("SELECT count(*) FROM component", [], |row| row.get(0))
        .unwrap();
    assert_eq!(components, 1);
    drop(store);
    ws.ok(&["restore", &s(&copy)]);
}
