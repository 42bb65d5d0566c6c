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
    assert_eq!(restored["damaged"], false);
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
        (ws.db(), "the Mamos database itself"),
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

/// The backup taken, and what `mamos export` wrote of it, before the database is damaged.
fn backup_then_change(ws: &Workspace) -> (std::path::PathBuf, String) {
    let backup = ws.path("friday.db");
    ws.ok(&["backup", "--out", &s(&backup)]);
    let exported = dump(ws);
    ws.ok(&["component", "add", "Added after the backup"]);
    (backup, exported)
}

/// Writes `bytes` over the database file, alone: its WAL holds no commits
/// (the CLI checkpoints it when it ends), so it is removed with the `-shm`.
fn damage(ws: &Workspace, bytes: &[u8]) {
    for journal in ["-wal", "-shm"] {
        let mut name = ws.db().into_os_string();
        name.push(journal);
        if let Ok(meta) = std::fs::metadata(&name) {
            assert!(
                journal == "-shm" || meta.len() == 0,
                "{name:?} holds commits"
            );
            std::fs::remove_file(&name).unwrap();
        }
    }
    std::fs::write(ws.db(), bytes).unwrap();
}

/// Pseudo-random bytes (xorshift), the same on every run.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

/// The kept copies whose names start with `prefix`.
fn kept_as(ws: &Workspace, prefix: &str) -> Vec<std::path::PathBuf> {
    backups(ws)
        .into_iter()
        .filter(|name| name.starts_with(prefix))
        .map(|name| ws.path(BACKUPS_FOLDER).join(name))
        .collect()
}

/// How a test damages the bytes of a good database.
type Damage = fn(Vec<u8>) -> Vec<u8>;

#[test]
fn a_database_sqlite_cannot_open_is_restored_and_the_damaged_file_kept_as_it_was() {
    let page = 4096;
    let cases: [(&str, Damage); 3] = [
        ("truncated", |bytes| bytes[..8192].to_vec()),
        ("random bytes over its pages", |mut bytes| {
            let len = bytes.len();
            bytes[4096..].copy_from_slice(&noise(len - 4096));
            bytes
        }),
        ("a text file", |_| {
            "these are my notes, not a database\n"
                .repeat(300)
                .into_bytes()
        }),
    ];
    for (what, damaged_from) in cases {
        let ws = workspace();
        let (backup, exported) = backup_then_change(&ws);
        let good = std::fs::read(ws.db()).unwrap();
        assert!(good.len() > 4 * page, "{what}: a database of several pages");
        let damaged = damaged_from(good);
        damage(&ws, &damaged);
        // What the coach meets: the database cannot be read, or even opened.
        let out = ws.mamos(&["component", "list"]);
        assert_eq!(out.status.code(), Some(1), "{what}: the damage is seen");
        let opened = Store::open(&ws.db()).map(|_| ());
        assert_eq!(
            opened.map_err(|error| error.code()),
            Err(mamos::ErrorCode::CorruptData),
            "precondition, {what}: SQLite cannot open it"
        );

        let printed = ws.ok(&["restore", &s(&backup)]);
        let kept = kept_as(&ws, "damaged-");
        assert_eq!(kept.len(), 1, "{what}: {:?}", backups(&ws));
        assert_eq!(
            backups(&ws).len(),
            1,
            "{what}: only the damaged file is kept"
        );
        assert!(
            printed.contains(&format!(
                "the database it replaced was damaged; its file is kept as it was in {}",
                s(&kept[0])
            )),
            "{what}: {printed}"
        );
        assert_eq!(
            std::fs::read(&kept[0]).unwrap(),
            damaged,
            "{what}: the damaged file is kept byte for byte"
        );
        assert_eq!(dump(&ws), exported, "{what}: the backup's data is back");
        assert_eq!(integrity(&ws.db()), "ok", "{what}");
        assert!(!ws.path("mamos.db.restoring").exists(), "{what}");
        // Work goes on in the restored database.
        ws.ok(&["answer", TEAM, "methods.trunk-based", "4"]);
    }
}

#[test]
fn a_bad_backup_over_a_damaged_database_changes_nothing() {
    let ws = workspace();
    let (_, _) = backup_then_change(&ws);
    let bad_backup = damaged_backup(&ws);
    let mut damaged = std::fs::read(ws.db()).unwrap();
    damaged.truncate(8192);
    damage(&ws, &damaged);
    let notes = ws.path("notes.db");
    std::fs::write(&notes, "not a database\n".repeat(200)).unwrap();
    let cases = [
        (notes, "not a SQLite database"),
        (ws.path("missing.db"), "no such file"),
        (bad_backup, "integrity check"),
        (ws.db(), "the Mamos database itself"),
    ];
    for (file, reason) in cases {
        let stderr = ws.bad_input(&["restore", &s(&file)]);
        assert!(
            stderr.contains(&s(&file)) && stderr.contains(reason),
            "restore {}: {stderr}",
            s(&file)
        );
        assert_eq!(
            std::fs::read(ws.db()).unwrap(),
            damaged,
            "restore {} touched the damaged database",
            s(&file)
        );
        assert!(backups(&ws).is_empty(), "restore {}", s(&file));
        assert!(!ws.path("mamos.db.restoring").exists());
    }
}

#[test]
fn a_database_that_cannot_be_opened_for_another_reason_is_not_replaced() {
    let ws = workspace();
    let (backup, _) = backup_then_change(&ws);
    Connection::open(ws.db())
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let newer = std::fs::read(ws.db()).unwrap();
    let listed = ws.mamos(&["component", "list"]);
    let restored = ws.mamos(&["restore", &s(&backup)]);
    // The same refusal as any other command: a newer Mamos's data is not damaged.
    assert_eq!(restored.status.code(), listed.status.code());
    assert_eq!(restored.stderr, listed.stderr);
    let stderr = String::from_utf8_lossy(&restored.stderr);
    assert!(stderr.contains("update Mamos"), "{stderr}");
    assert_eq!(std::fs::read(ws.db()).unwrap(), newer);
    assert!(backups(&ws).is_empty(), "{:?}", backups(&ws));
}

#[test]
fn a_database_that_opens_but_fails_the_integrity_check_is_restored_with_a_raw_copy_kept() {
    let ws = workspace();
    for n in 0..40 {
        ws.ok(&["component", "add", &format!("Team {n:02}")]);
    }
    let (backup, exported) = backup_then_change(&ws);
    // One letter of a name changed in the index of component names, not in
    // the table: every page reads, but index and table disagree.
    let root: i64 = read_only(&ws.db())
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'component' AND sql IS NULL",
            [],
            |row| row.get(0),
        )
        .unwrap();
    let page = 4096;
    let mut damaged = std::fs::read(ws.db()).unwrap();
    let start = (root as usize - 1) * page;
    let in_page = damaged[start..start + page]
        .windows(7)
        .position(|w| w == b"Team 17")
        .expect("the name is in the index's root page");
    damaged[start + in_page] = b'S';
    damage(&ws, &damaged);
    assert!(
        Store::open(&ws.db()).is_ok(),
        "precondition: the database opens"
    );
    assert_ne!(
        integrity(&ws.db()),
        "ok",
        "precondition: integrity_check fails"
    );
    assert_eq!(std::fs::read(ws.db()).unwrap(), damaged);

    let printed = ws.ok(&["restore", &s(&backup)]);
    let kept = kept_as(&ws, "damaged-");
    assert_eq!(kept.len(), 1, "{:?}", backups(&ws));
    assert!(
        kept_as(&ws, "before-restore-").is_empty(),
        "{:?}",
        backups(&ws)
    );
    assert!(
        printed.contains(&format!(
            "the database it replaced was damaged; its file is kept as it was in {}",
            s(&kept[0])
        )),
        "{printed}"
    );
    assert_eq!(std::fs::read(&kept[0]).unwrap(), damaged);
    assert_eq!(dump(&ws), exported);
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
