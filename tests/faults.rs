//! Faults a laptop meets: the real `mamos` binary killed with SIGKILL in the
//! middle of each writing command, and a disk that fills up under the
//! database and under the files it writes. After each, the database passes
//! `PRAGMA integrity_check` and holds all or nothing of the command, and a
//! file written before is kept as it was. `docs/reliability.md` has
//! the counts measured.

mod common;

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::Workspace;
use mamos::model::Blueprint;
use mamos::scoring::Answer;
use mamos::store::Store;
use rusqlite::Connection;

const PRACTICE: &str = "methods.trunk-based";

fn mamos(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mamos"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MAMOS_DB");
    command
}

fn run(db: &Path, args: &[&str]) -> Output {
    mamos(db, args).output().expect("the mamos binary runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "mamos {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn integrity(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

/// Every row of every table, rendered and sorted. Columns that hold the time
/// of a write (`*_at`) or a random id (`uid`) are left out, so two runs of
/// the same command give the same dump.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut lines = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let kept: Vec<usize> = stmt
            .column_names()
            .enumerate()
            .filter(|(_, name)| !name.ends_with("_at") && *name != "uid")
            .map(|(i, _)| i)
            .collect();
        let mut rows: Vec<String> = stmt
            .query_map([], |row| {
                let values: Vec<String> = kept
                    .iter()
                    .map(|&i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", values.join(" | ")))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        lines.extend(rows);
    }
    lines
}

fn copy_database(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let source = PathBuf::from(format!("{}{suffix}", from.display()));
        if source.exists() {
            std::fs::copy(&source, format!("{}{suffix}", to.display())).unwrap();
        }
    }
}

/// What a kill left: none or all of the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Nothing,
    All,
}

#[derive(Debug, Default)]
struct Counts {
    runs: usize,
    /// Ended by the SIGKILL, not by finishing first.
    kills: usize,
    /// Killed while holding the database's write lock: inside the transaction.
    mid_write: usize,
    /// Of the kills, those after the commit reached the file.
    committed: usize,
    /// The databases a kill left with nothing of the command, to start again on.
    untouched: Vec<PathBuf>,
}

/// Runs `args` on fresh copies of `base`, killing it with SIGKILL after
/// delays spread from 0 to a little past the time it takes uninterrupted,
/// and asks `outcome` what each kill left (it panics on anything half
/// written). The delay is what is swept, not a wait for something to happen.
fn kill_sweep(
    name: &str,
    dir: &Path,
    base: &Path,
    args: &[&str],
    budget: Duration,
    outcome: &dyn Fn(&Path) -> Outcome,
) -> Counts {
    let calibration = dir.join("calibration.db");
    copy_database(base, &calibration);
    let started = Instant::now();
    ok(&calibration, args);
    let full_run = started.elapsed();
    assert_eq!(outcome(&calibration), Outcome::All, "{name}: uninterrupted");

    let runs = (budget.as_secs_f64() / full_run.as_secs_f64()).clamp(8.0, 40.0) as usize;
    let mut counts = Counts {
        runs,
        ..Counts::default()
    };
    for run in 0..runs {
        let db = dir.join(format!("run{run}.db"));
        copy_database(base, &db);
        // Opened before the command starts, to probe its write lock at the kill.
        let probe = Connection::open(&db).unwrap();
        probe.busy_timeout(Duration::ZERO).unwrap();
        let delay = full_run.mul_f64(1.1 * run as f64 / (runs - 1) as f64);
        let mut child = mamos(&db, args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let writing = probe.execute_batch("BEGIN IMMEDIATE; ROLLBACK").is_err();
        let _ = child.kill();
        let status = child.wait().unwrap();
        drop(probe);
        let killed = status.signal() == Some(9);
        assert!(
            killed || status.success(),
            "{name}: run {run} neither killed nor successful: {status:?}"
        );
        assert_eq!(integrity(&db), "ok", "{name}: run {run} after {delay:?}");
        let left = outcome(&db);
        if killed {
            counts.kills += 1;
            counts.mid_write += usize::from(writing);
            counts.committed += usize::from(left == Outcome::All);
            if left == Outcome::Nothing {
                counts.untouched.push(db);
            }
        } else {
            assert_eq!(left, Outcome::All, "{name}: run {run} finished");
        }
    }
    println!(
        "{name}: {} runs over 0–{:?}: {} killed, {} of them mid-write (write lock held), {} after the commit; integrity ok and all-or-nothing every time",
        counts.runs,
        full_run.mul_f64(1.1),
        counts.kills,
        counts.mid_write,
        counts.committed
    );
    assert!(counts.kills > 0, "{name}: no run was killed");
    counts
}

/// The outcome of a command whose database is either `before` or `after`, row for row.
fn before_or_after(
    name: &str,
    before: Vec<String>,
    after: Vec<String>,
) -> impl Fn(&Path) -> Outcome {
    let name = name.to_string();
    move |db| {
        let now = dump(db);
        if now == before {
            Outcome::Nothing
        } else if now == after {
            Outcome::All
        } else {
            let extra: Vec<_> = now.iter().filter(|l| !after.contains(l)).take(5).collect();
            panic!("{name}: half written; rows neither before nor after: {extra:#?}")
        }
    }
}

/// Writes a bank file: the built-in bank under another version, so importing it stores it.
fn bank_file(path: &Path) {
    let mut bank: serde_json::Value =
        serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap();
    bank["version"] = "1.0.1-faults".into();
    std::fs::write(path, serde_json::to_string_pretty(&bank).unwrap()).unwrap();
}

/// A bundle of `count` components, each with a few answers, written from its own database.
fn bundle_file(dir: &Path, count: usize) -> PathBuf {
    let db = dir.join("source.db");
    {
        let mut store = Store::open(&db).unwrap();
        for i in 0..count {
            let component = store
                .add_component(&format!("Imported {i:03}"), Blueprint::II, None)
                .unwrap();
            for (practice, level) in [(PRACTICE, 1), ("methods.deploy-daily", 2)] {
                store
                    .set_answer(component.id, practice, Some(Answer::Level { level }))
                    .unwrap();
            }
        }
    }
    let file = dir.join("many.mamos.json");
    ok(&db, &["export", "--out", file.to_str().unwrap()]);
    file
}

/// One database with something for each writing command to do: a workshop
/// to vote in, a plan the answers have outgrown, and a workshop an import
/// kept in two versions. Returns the workshop to vote in and the version to keep.
fn everyday_database(anna: &Workspace) -> (String, String) {
    let ben = Workspace::new();
    anna.ok(&["component", "add", "Shared"]);
    let shared = anna
        .ok(&[
            "workshop",
            "start",
            "Shared",
            "--date",
            "2025-01-10",
            "--participants",
            "Ana,Ben",
        ])
        .trim()
        .to_string();
    anna.ok(&["vote", &shared, "Ana", PRACTICE, "2"]);
    let first = anna.path("first.mamos.json");
    anna.ok(&["export", "--out", first.to_str().unwrap()]);
    ben.ok(&["import", first.to_str().unwrap()]);
    anna.ok(&["vote", &shared, "Ana", PRACTICE, "3"]);
    ben.ok(&["vote", &shared, "Ana", PRACTICE, "0"]);
    let from_ben = anna.path("ben.mamos.json");
    ben.ok(&["export", "--out", from_ben.to_str().unwrap()]);
    anna.ok(&["import", from_ben.to_str().unwrap()]);
    let listed = anna.json(&["workshop", "list", "Shared", "--json"]);
    let copy = listed[1]["id"].to_string();

    anna.ok(&["component", "add", "Team"]);
    anna.ok(&["answer", "Team", PRACTICE, "0"]);
    anna.ok(&["plan", "Team", "--start", "2025-03-03"]);
    anna.ok(&["answer", "Team", "organization.quality-ownership", "0"]);
    anna.ok(&["answer", "Team", "methods.deploy-daily", "0"]);

    anna.ok(&["component", "add", "Votes"]);
    let votes = anna
        .ok(&["workshop", "start", "Votes", "--participants", "Ana,Ben"])
        .trim()
        .to_string();
    // Two agreements: an undo gives back the first.
    anna.ok(&["agree", &votes, PRACTICE, "1"]);
    anna.ok(&["agree", &votes, PRACTICE, "3"]);
    (votes, copy)
}

#[test]
fn a_kill_during_any_writing_command_leaves_all_or_nothing_of_it() {
    let ws = Workspace::new();
    let (workshop, copy) = everyday_database(&ws);
    let bank = ws.path("bank.json");
    bank_file(&bank);
    let bundle = bundle_file(ws.dir.path(), 150);
    let (bank, bundle) = (bank.to_str().unwrap(), bundle.to_str().unwrap());
    let base = ws.db();
    let before = dump(&base);
    let commands: [(&str, Vec<&str>, u64); 8] = [
        ("vote", vec!["vote", &workshop, "Ana", PRACTICE, "4"], 1500),
        (
            "answer",
            vec!["answer", "Team", "skills.soft-skills", "1"],
            1500,
        ),
        ("component add", vec!["component", "add", "New team"], 1500),
        ("import of 150 components", vec!["import", bundle], 4000),
        ("bank import", vec!["bank", "import", bank], 2000),
        (
            "plan regenerate --apply",
            vec!["plan", "regenerate", "Team", "--apply"],
            2000,
        ),
        (
            "workshop resolve",
            vec!["workshop", "resolve", "Shared", "--keep", &copy],
            1500,
        ),
        ("workshop undo", vec!["workshop", "undo", &workshop], 1500),
    ];
    let mut mid_write = 0;
    for (name, args, budget_ms) in &commands {
        let dir = tempfile::tempdir().unwrap();
        let reference = dir.path().join("reference.db");
        copy_database(&base, &reference);
        ok(&reference, args);
        let after = dump(&reference);
        assert_ne!(before, after, "{name} changes the database");
        let counts = kill_sweep(
            name,
            dir.path(),
            &base,
            args,
            Duration::from_millis(*budget_ms),
            &before_or_after(name, before.clone(), after),
        );
        mid_write += counts.mid_write;
    }
    assert!(mid_write > 0, "some kills land inside a transaction");
}

const BIG: i64 = 40_000;

/// A schema 6 database (before stable ids) of `BIG` components, each with
/// an assessment and an answer, and without the built-in bank: only a
/// migration that seeds it in its own transaction holds it afterwards.
fn big_schema_6_database(db: &Path) {
    let conn = Connection::open(db).unwrap();
    for (i, sql) in mamos::store::migrations::MIGRATIONS[..6].iter().enumerate() {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", i as i64 + 1)
            .unwrap();
    }
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        .unwrap();
    let fixture = std::fs::read_to_string("tests/fixtures/mamos-0.1.0.json").unwrap();
    let bank = mamos::model::parse_bank("fixture", &fixture).unwrap();
    conn.execute(
        "INSERT INTO bank VALUES ('mamos-qe', '0.1.0', ?1, '2026-01-05T10:00:00Z')",
        [serde_json::to_string(&bank).unwrap()],
    )
    .unwrap();
    conn.execute_batch(&format!(
        "BEGIN;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {BIG})
         INSERT INTO component (id, name, blueprint, created_at)
             SELECT i, 'Team ' || i, 'II', '2026-01-05T10:00:00Z' FROM n;
         INSERT INTO assessment (id, component_id, bank_id, bank_version, started_at, held_on)
             SELECT id, id, 'mamos-qe', '0.1.0', created_at, '2026-01-05' FROM component;
         INSERT INTO answer (assessment_id, practice_id, level, note, updated_at)
             SELECT id, 'methods.deploy-daily', id % 5, '', '2026-01-05T10:01:00Z' FROM assessment;
         COMMIT;"
    ))
    .unwrap();
}

/// Schema 6 untouched, or the latest schema with every row given its id (by
/// migration 7) and the built-in bank seeded; never a migrated database
/// without its bank, nor one half-way between.
fn migrated_or_not(db: &Path) -> Outcome {
    let conn = Connection::open(db).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |row| row.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM component"), BIG);
    assert_eq!(count("SELECT count(*) FROM answer"), BIG);
    let builtin = count("SELECT count(*) FROM bank WHERE version = '1.0.0'");
    let latest = mamos::store::migrations::MIGRATIONS.len() as i64;
    match version {
        6 => {
            assert_eq!(
                builtin, 0,
                "the bank is seeded with the migration, not before"
            );
            Outcome::Nothing
        }
        v if v == latest => {
            assert_eq!(builtin, 1, "a migrated database holds the built-in bank");
            assert_eq!(count("SELECT count(uid) FROM component"), BIG);
            assert_eq!(count("SELECT count(uid) FROM assessment"), BIG);
            Outcome::All
        }
        other => panic!("schema version {other} after a killed migration"),
    }
}

#[test]
fn a_kill_during_the_migration_of_a_big_database_leaves_it_migrated_with_its_bank_or_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("big.db");
    big_schema_6_database(&base);
    let counts = kill_sweep(
        "migration from schema 6 of 40,000 components",
        dir.path(),
        &base,
        &["bank", "list"],
        Duration::from_secs(8),
        &migrated_or_not,
    );
    assert!(counts.mid_write > 0, "some kills land inside the migration");

    // A database a kill left at schema 6 migrates on the next start.
    let again = counts.untouched.last().expect("a kill left schema 6");
    assert!(ok(again, &["bank", "list"]).contains("1.0.0"));
    assert_eq!(migrated_or_not(again), Outcome::All);
    assert!(
        mamos::store::migrations::backup_path(again, 6).exists(),
        "the copy taken before migrating is kept"
    );
}

/// A small tmpfs mounted for the test and unmounted when dropped, even when
/// the test fails. Mounting needs root: CI (`.ci/run`) runs as root.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then_some(Tmpfs { dir })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Takes all the space left, then frees `keep` bytes of it.
    fn fill(&self, keep: u64) {
        let filler = self.path("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = [0u8; 4096];
        loop {
            match file.write(&block) {
                Ok(0) => break,
                Ok(_) => {}
                Err(error) => {
                    assert_eq!(error.raw_os_error(), Some(28), "ENOSPC: {error}");
                    break;
                }
            }
        }
        let len = file.metadata().unwrap().len();
        file.set_len(len.saturating_sub(keep)).unwrap();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // Lazy: a file a failed test still holds open must not keep it mounted.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Asserts exit 1 (the environment, not bad input) and returns stderr.
fn environment_failure(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "mamos {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    println!("mamos {}: exit 1: {}", args[0], stderr.trim());
    stderr
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().to_string();
            let bytes = if entry.path().is_file() {
                std::fs::read(entry.path()).unwrap()
            } else {
                Vec::new()
            };
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

const CSV_TABLES: [&str; 6] = [
    "votes.csv",
    "answers.csv",
    "pillar_scores.csv",
    "plan_actions.csv",
    "plan_key_results.csv",
    "checkins.csv",
];

#[test]
fn a_full_disk_changes_neither_the_database_nor_a_file_written_before() {
    let Some(disk) = Tmpfs::mount("2m") else {
        eprintln!(
            "SKIPPED: the full-disk test mounts a small tmpfs, which needs root; \
             run it as root (CI does) to test a full disk"
        );
        return;
    };
    let outside = Workspace::new();
    outside.ok(&["component", "add", "Visitor"]);
    let bundle = outside.path("visitor.mamos.json");
    outside.ok(&["export", "--out", bundle.to_str().unwrap()]);

    let db = disk.path("mamos.db");
    ok(&db, &["component", "add", "Team"]);
    let workshop = ok(
        &db,
        &["workshop", "start", "Team", "--participants", "Ana,Ben"],
    )
    .trim()
    .to_string();
    let out = disk.path("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("team.pdf");
    let export = out.join("team.mamos.json");
    ok(&db, &["report", "Team", "--out", report.to_str().unwrap()]);
    ok(&db, &["export", "--out", export.to_str().unwrap()]);
    let csv = out.join("csv");
    std::fs::create_dir(&csv).unwrap();
    for name in CSV_TABLES {
        std::fs::write(csv.join(name), format!("the previous {name}\n")).unwrap();
    }
    ok(&db, &["vote", &workshop, "Ana", PRACTICE, "2"]);

    // Holding the database open keeps its -shm and an empty -wal in place,
    // so the commands below get as far as writing the transaction.
    let holder = Connection::open(&db).unwrap();
    let _: i64 = holder
        .query_row("SELECT count(*) FROM component", [], |row| row.get(0))
        .unwrap();
    let before = dump(&db);
    let outputs = files_in(&out);
    let tables = files_in(&csv);
    disk.fill(0);

    let db_name = db.display().to_string();
    for args in [
        vec!["vote", &workshop, "Ben", PRACTICE, "3"],
        vec!["answer", "Team", "methods.deploy-daily", "2"],
        vec!["import", bundle.to_str().unwrap()],
        vec!["component", "add", "New team"],
    ] {
        let stderr = environment_failure(&db, &args);
        assert!(stderr.contains(&db_name), "{args:?}: {stderr}");
        assert!(
            stderr.contains("disk is full") || stderr.contains("No space"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("nothing was changed"), "{args:?}: {stderr}");
        assert_eq!(dump(&db), before, "{args:?} changed the database");
        assert_eq!(integrity(&db), "ok");
    }

    for (args, path) in [
        (vec!["report", "Team", "--out"], &report),
        (vec!["export", "--out"], &export),
        (vec!["csv", "--out"], &csv),
    ] {
        let mut args = args.clone();
        args.push(path.to_str().unwrap());
        let stderr = environment_failure(&db, &args);
        assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
        assert!(
            stderr
                .contains("nothing was written there, and a file already there is kept as it was"),
            "{args:?}: {stderr}"
        );
        assert_eq!(
            files_in(&out),
            outputs,
            "{args:?}: previous files intact, no .partial"
        );
        assert_eq!(files_in(&csv), tables, "{args:?}: previous tables intact");
    }

    // Room for three tables but not six: the three written are taken back.
    std::fs::remove_file(disk.path("filler")).unwrap();
    disk.fill(3 * 4096);
    let stderr = environment_failure(&db, &["csv", "--out", csv.to_str().unwrap()]);
    assert!(
        stderr.contains("plan_actions.csv"),
        "the fourth table fails: {stderr}"
    );
    assert_eq!(
        files_in(&csv),
        tables,
        "every previous table kept, no .partial"
    );
    drop(holder);
}

#[test]
fn a_csv_export_failing_on_the_fourth_table_keeps_every_previous_table() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Team"]);
    ws.ok(&["answer", "Team", PRACTICE, "2"]);
    let csv = ws.path("csv");
    ws.ok(&["csv", "--out", csv.to_str().unwrap()]);
    ws.ok(&["answer", "Team", PRACTICE, "3"]);
    // A folder where the fourth table's temp file goes: that write fails.
    std::fs::create_dir(csv.join("plan_actions.csv.partial")).unwrap();
    let tables = files_in(&csv);

    let out = ws.mamos(&["csv", "--out", csv.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "a folder in the way: {stderr}");
    assert!(stderr.contains("plan_actions.csv"), "{stderr}");
    assert!(
        stderr.contains("a file already there is kept as it was"),
        "{stderr}"
    );
    assert_eq!(
        files_in(&csv),
        tables,
        "the old tables, all of them, and no new temp file"
    );

    std::fs::remove_dir(csv.join("plan_actions.csv.partial")).unwrap();
    ws.ok(&["csv", "--out", csv.to_str().unwrap()]);
    let answers = std::fs::read_to_string(csv.join("answers.csv")).unwrap();
    assert!(answers.contains(",3"), "{answers}");
}

#[test]
fn a_failure_while_seeding_takes_the_migration_back_with_it() {
    // What a crash between the schema change and the built-in bank would
    // leave, made certain: the seed fails inside the migration's transaction.
    let ws = Workspace::new();
    drop(ws.create_at_schema(6));
    let mut conn = Connection::open(ws.db()).unwrap();
    let failed = mamos::store::migrations::migrate(&mut conn, &ws.db(), |tx| {
        tx.execute_batch("CREATE TABLE seeded (x)").unwrap();
        Err(mamos::Error::invalid("seed", "the machine stopped here"))
    });
    assert!(failed.is_err());
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, 6, "the schema change is rolled back with the seed");
    let seeded: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'seeded'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(seeded, 0);
    drop(conn);

    ok(&ws.db(), &["bank", "list"]);
    assert_eq!(
        dump(&ws.db())
            .iter()
            .filter(|l| l.starts_with("bank: "))
            .count(),
        1
    );
}

#[test]
fn a_folder_given_for_a_file_or_a_file_for_a_folder_is_bad_input() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Team"]);
    let folder = ws.path("reports");
    std::fs::create_dir(&folder).unwrap();
    let stderr = ws.bad_input(&["report", "Team", "--out", folder.to_str().unwrap()]);
    assert!(
        stderr.contains("could not write") && stderr.contains("reports"),
        "{stderr}"
    );
    assert!(!ws.path("reports.partial").exists(), "no partial file left");
    let stderr = ws.bad_input(&["export", "--out", folder.to_str().unwrap()]);
    assert!(stderr.contains("nothing was written there"), "{stderr}");

    let file = ws.path("tables.txt");
    std::fs::write(&file, "mine").unwrap();
    let stderr = ws.bad_input(&["csv", "--out", file.to_str().unwrap()]);
    assert!(stderr.contains("tables.txt"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let missing = ws.path("missing").join("team.pdf");
    let stderr = ws.bad_input(&["report", "Team", "--out", missing.to_str().unwrap()]);
    assert!(stderr.contains("missing"), "{stderr}");
}
