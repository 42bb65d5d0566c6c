//! The committed corpus of bad inputs (issue 12): every case of
//! `tests/corpus/cases.json` runs the real `mamos` binary on a fresh copy of a
//! seeded database and asserts the exit code, that the message names the file
//! and the field, that nothing panicked, and that the database is unchanged
//! (its tables read back before and after) unless the case says it changes.
//! `tests/corpus/README.md` explains the format and how to add a case.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// The arguments after `mamos --db DB`, with `{db}`, `{dir}` (the case's
    /// temp folder) and `{file}` (the input file, written into `{dir}`).
    args: Vec<String>,
    #[serde(default)]
    file: Option<InputFile>,
    /// What becomes of the seeded database before the command runs.
    #[serde(default)]
    damage: Option<Damage>,
    /// A symbolic link made before the command runs: `[link, target]`.
    #[serde(default)]
    symlink: Option<[String; 2]>,
    exit: i32,
    /// Texts stderr must contain (for exit 0: stdout).
    #[serde(default)]
    contains: Vec<String>,
    /// True when the command is meant to write to the database.
    #[serde(default)]
    changes: bool,
    /// A command run afterwards (exit 0) whose stdout must contain `contains`.
    #[serde(default)]
    then: Option<Check>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    args: Vec<String>,
    contains: Vec<String>,
}

/// An input file: a committed file of `tests/corpus/files/` changed at JSON
/// pointers, or a text given whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputFile {
    /// Its name in the case's folder, which the message must name.
    name: String,
    #[serde(default)]
    base: Option<String>,
    /// Files of `tests/corpus/files/` appended to the arrays at JSON
    /// pointers, before the changes below.
    #[serde(default)]
    append_file: BTreeMap<String, String>,
    /// Values set (or added to an object) at JSON pointers.
    #[serde(default)]
    set: BTreeMap<String, Value>,
    /// Items appended to the arrays at JSON pointers.
    #[serde(default)]
    append: BTreeMap<String, Value>,
    /// Fields or items removed, by JSON pointer.
    #[serde(default)]
    remove: Vec<String>,
    /// The whole text, when there is no base.
    #[serde(default)]
    text: Option<String>,
    /// Keep only this many bytes of the result.
    #[serde(default)]
    truncate: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Damage {
    /// Zero bytes.
    Empty,
    /// The first `n` bytes kept.
    Truncate(usize),
    /// Replaced by a text file.
    Text(String),
    /// Replaced by this many pseudo-random bytes.
    RandomBytes(usize),
    /// Bytes from offset 100 on overwritten with pseudo-random ones, the header kept.
    ScrambledPages,
    /// The schema version set to this one, as a newer Mamos would leave it.
    UserVersion(i64),
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn mamos(db: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MAMOS_DB")
        .output()
        .expect("the mamos binary runs")
}

/// Runs `args` on `db`, which must succeed; returns stdout.
fn ok(db: &Path, args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = mamos(db, &args);
    assert!(
        out.status.success(),
        "seeding: mamos {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The database every case starts from: a component with a workshop (votes,
/// a note, evidence, DORA metrics), a target override, an open plan, a
/// group. Workshop 1 is the one the cases name.
fn seed(dir: &Path) -> PathBuf {
    let db = dir.join("seed.db");
    ok(&db, &["group", "add", "Checkout"]);
    ok(
        &db,
        &[
            "component",
            "add",
            "Payments",
            "--blueprint",
            "II",
            "--group",
            "Checkout",
        ],
    );
    ok(&db, &["component", "add", "Search"]);
    let workshop = ok(
        &db,
        &[
            "workshop",
            "start",
            "Payments",
            "--date",
            "2026-03-02",
            "--participants",
            "Ana,Ben",
        ],
    );
    let workshop = workshop.trim();
    for (who, level) in [("Ana", "1"), ("Ben", "3")] {
        ok(&db, &["vote", workshop, who, "methods.deploy-daily", level]);
    }
    ok(&db, &["agree", workshop, "methods.trunk-based", "2"]);
    ok(
        &db,
        &["note", "Payments", "methods.trunk-based", "weekly today"],
    );
    ok(
        &db,
        &[
            "evidence",
            "add",
            workshop,
            "methods.deploy-daily",
            "https://ci.example",
            "--label",
            "CI",
        ],
    );
    ok(
        &db,
        &["dora", workshop, "--deploy-frequency", "weekly_to_monthly"],
    );
    ok(
        &db,
        &[
            "target",
            "set",
            "Payments",
            "--practice",
            "methods.trunk-based",
            "3",
            "--reason",
            "regulated",
        ],
    );
    ok(&db, &["plan", "Payments", "--start", "2026-03-09"]);
    db
}

/// Every row of every table, in rowid order, with the schema version; or,
/// for a file SQLite cannot read, its bytes.
fn snapshot(db: &Path) -> String {
    let Ok(bytes) = std::fs::read(db) else {
        return "no file".to_string();
    };
    let read = || -> rusqlite::Result<String> {
        let conn =
            rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let mut dump = format!("user_version {version}\n");
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for table in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let columns = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).map(|v| v.to_owned())))
                    .collect();
                dump.push_str(&format!("{table}: {}\n", values.join(" | ")));
            }
        }
        Ok(dump)
    };
    read().unwrap_or_else(|_| format!("{} bytes: {:x?}", bytes.len(), bytes))
}

/// Deterministic bytes, so a case is the same on every run.
fn pseudo_random(n: usize, mut state: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect()
}

fn damage(db: &Path, how: &Damage) {
    let bytes = std::fs::read(db).unwrap();
    let damaged = match how {
        Damage::Empty => Vec::new(),
        Damage::Truncate(n) => bytes[..*n.min(&bytes.len())].to_vec(),
        Damage::Text(text) => text.as_bytes().to_vec(),
        Damage::RandomBytes(n) => pseudo_random(*n, 12),
        Damage::ScrambledPages => {
            let mut bytes = bytes;
            let tail = pseudo_random(bytes.len() - 100, 34);
            bytes[100..].copy_from_slice(&tail);
            bytes
        }
        Damage::UserVersion(version) => {
            let conn = rusqlite::Connection::open(db).unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
            return;
        }
    };
    std::fs::write(db, damaged).unwrap();
}

fn fill(text: &str, db: &Path, dir: &Path, file: &Path) -> String {
    text.replace("{db}", &db.display().to_string())
        .replace("{dir}", &dir.display().to_string())
        .replace("{file}", &file.display().to_string())
}

fn write_input(input: &InputFile, path: &Path) {
    let mut bytes = match (&input.base, &input.text) {
        (Some(base), None) => {
            let text = std::fs::read_to_string(corpus_dir().join("files").join(base)).unwrap();
            let mut value: Value = serde_json::from_str(&text).unwrap();
            for (pointer, name) in &input.append_file {
                let text = std::fs::read_to_string(corpus_dir().join("files").join(name)).unwrap();
                let item: Value = serde_json::from_str(&text).unwrap();
                let array = value.pointer_mut(pointer).and_then(Value::as_array_mut);
                array
                    .unwrap_or_else(|| panic!("no array at {pointer}"))
                    .push(item);
            }
            for (pointer, new) in &input.set {
                set(&mut value, pointer, new.clone());
            }
            for (pointer, item) in &input.append {
                let array = value.pointer_mut(pointer).and_then(Value::as_array_mut);
                array
                    .unwrap_or_else(|| panic!("no array at {pointer}"))
                    .push(item.clone());
            }
            for pointer in &input.remove {
                remove(&mut value, pointer);
            }
            serde_json::to_string_pretty(&value).unwrap().into_bytes()
        }
        (None, Some(text)) => text.as_bytes().to_vec(),
        _ => panic!("{}: give either base or text", input.name),
    };
    if let Some(n) = input.truncate {
        bytes.truncate(n);
    }
    std::fs::write(path, bytes).unwrap();
}

fn split_pointer(pointer: &str) -> (&str, String) {
    let (parent, last) = pointer.rsplit_once('/').expect("a JSON pointer");
    (parent, last.replace("~1", "/").replace("~0", "~"))
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = split_pointer(pointer);
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key, new);
        }
        Some(Value::Array(items)) => items[key.parse::<usize>().unwrap()] = new,
        _ => panic!("nothing at {parent}"),
    }
}

fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = split_pointer(pointer);
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&key)
                .unwrap_or_else(|| panic!("nothing at {pointer}"));
        }
        Some(Value::Array(items)) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("nothing at {parent}"),
    }
}

/// Runs one case in its own folder; the problems found, if any.
fn run(case: &Case, seeded: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mamos.db");
    std::fs::copy(seeded, &db).unwrap();
    if let Some(how) = &case.damage {
        damage(&db, how);
    }
    let file = dir
        .path()
        .join(case.file.as_ref().map_or("input", |f| f.name.as_str()));
    if let Some(input) = &case.file {
        write_input(input, &file);
    }
    if let Some([link, target]) = &case.symlink {
        let link = fill(link, &db, dir.path(), &file);
        std::os::unix::fs::symlink(fill(target, &db, dir.path(), &file), link).unwrap();
    }
    let before = snapshot(&db);
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| fill(a, &db, dir.path(), &file))
        .collect();
    let out = mamos(&db, &args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    let code = out.status.code();
    if code != Some(case.exit) {
        problems.push(format!("exit {code:?}, expected {}", case.exit));
    }
    if code == Some(101) || stderr.contains("panicked") {
        problems.push("panicked".to_string());
    }
    let message = if case.exit == 0 { &stdout } else { &stderr };
    for text in &case.contains {
        let text = fill(text, &db, dir.path(), &file);
        if !message.contains(&text) {
            problems.push(format!("the message lacks {text:?}"));
        }
    }
    if case.exit != 0 && stderr.contains("constraint failed") {
        problems.push("a raw SQLite message".to_string());
    }
    let after = snapshot(&db);
    if !case.changes && after != before {
        problems.push("the database changed".to_string());
    }
    if case.changes && after == before {
        problems.push("the database was meant to change and did not".to_string());
    }
    if let Some(check) = &case.then {
        let args: Vec<String> = check
            .args
            .iter()
            .map(|a| fill(a, &db, dir.path(), &file))
            .collect();
        let out = mamos(&db, &args);
        let shown = String::from_utf8_lossy(&out.stdout);
        for text in &check.contains {
            if !out.status.success() || !shown.contains(text.as_str()) {
                problems.push(format!("then {args:?} does not show {text:?}"));
            }
        }
    }
    if !problems.is_empty() {
        problems.insert(0, format!("stderr: {}", stderr.trim_end()));
    }
    problems
}

#[test]
fn every_case_of_the_corpus_is_refused_cleanly_or_accepted_as_it_says() {
    let text = std::fs::read_to_string(corpus_dir().join("cases.json")).unwrap();
    let cases: Vec<Case> = serde_json::from_str(&text).expect("tests/corpus/cases.json reads");
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");

    let seed_dir = tempfile::tempdir().unwrap();
    let seeded = seed(seed_dir.path());
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                let problems = run(case, &seeded);
                if !problems.is_empty() {
                    failures.lock().unwrap().push(format!(
                        "{}:\n  {}",
                        case.name,
                        problems.join("\n  ")
                    ));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let by_exit = |code: i32| cases.iter().filter(|c| c.exit == code).count();
    eprintln!(
        "corpus: {} cases ({} exit 2, {} exit 1, {} accepted), {} failed",
        cases.len(),
        by_exit(2),
        by_exit(1),
        by_exit(0),
        failures.len()
    );
    assert!(cases.len() >= 80, "the corpus keeps at least 80 cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
