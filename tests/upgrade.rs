//! What an installed `mamos` says it is, and what a new version does with the
//! database an older or a newer one left: the real binary on real files.

mod common;

use common::Workspace;
use mamos::store::migrations::{self, MIGRATIONS};
use rusqlite::Connection;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn version_names_the_build_and_the_built_in_bank() {
    let bank: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("assessments/mamos.json").unwrap()).unwrap();
    let expected = format!(
        "mamos {}\nbuilt-in bank {} {}\n",
        env!("CARGO_PKG_VERSION"),
        bank["id"].as_str().unwrap(),
        bank["version"].as_str().unwrap()
    );
    let ws = Workspace::new();
    for flag in ["--version", "-V"] {
        let out = ws.mamos(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}: {}", stderr(&out));
        assert_eq!(stdout(&out), expected, "{flag}");
    }
    assert!(!ws.db().exists(), "--version opens no database");
}

/// A database as the previous release (schema version `known - 1`) left it,
/// with a component answered: made with today's CLI, then the last
/// migration taken back.
fn previous_release_database(ws: &Workspace) -> i64 {
    ws.ok(&["component", "add", "Checkout", "--blueprint", "III"]);
    ws.ok(&["answer", "Checkout", "methods.deploy-daily", "3"]);
    let previous = MIGRATIONS.len() as i64 - 1;
    let conn = Connection::open(ws.db()).unwrap();
    assert!(
        MIGRATIONS[previous as usize].contains("CREATE TABLE workshop_undo"),
        "the fixture undoes the last migration: update it with the new one"
    );
    conn.execute_batch("DROP TABLE workshop_undo").unwrap();
    conn.pragma_update(None, "user_version", previous).unwrap();
    previous
}

fn component_names(conn: &Connection) -> Vec<String> {
    let mut statement = conn.prepare("SELECT name FROM component").unwrap();
    let names = statement.query_map([], |row| row.get(0)).unwrap();
    names.map(Result::unwrap).collect()
}

#[test]
fn a_database_of_the_previous_release_is_backed_up_then_migrated() {
    let ws = Workspace::new();
    let previous = previous_release_database(&ws);
    let backup = migrations::backup_path(&ws.db(), previous);
    assert!(!backup.exists());

    let listed = ws.json(&["component", "list", "--json"]);
    assert_eq!(listed[0]["name"], "Checkout");
    assert_eq!(listed[0]["answered"], 1);

    let migrated = Connection::open(ws.db()).unwrap();
    assert_eq!(
        migrations::schema_version(&migrated).unwrap(),
        MIGRATIONS.len() as i64
    );
    // The copy beside the database is the old one, data and schema version included.
    assert_eq!(
        backup.parent(),
        ws.db().parent(),
        "the backup is beside the database"
    );
    let kept = Connection::open(&backup).unwrap();
    assert_eq!(migrations::schema_version(&kept).unwrap(), previous);
    assert_eq!(component_names(&kept), ["Checkout"]);

    // Migrated once: the next command neither migrates nor backs up again.
    let before = std::fs::metadata(&backup).unwrap().modified().unwrap();
    ws.ok(&["component", "list"]);
    assert_eq!(
        std::fs::metadata(&backup).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn a_database_of_a_newer_release_is_refused_untouched_with_update_mamos() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Checkout"]);
    let newer = MIGRATIONS.len() as i64 + 1;
    Connection::open(ws.db())
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let bytes = std::fs::read(ws.db()).unwrap();

    let out = ws.mamos(&["component", "list"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains(&ws.db().display().to_string()),
        "{message}"
    );
    assert!(message.contains("update Mamos"), "{message}");
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read(ws.db()).unwrap(), bytes);
}
