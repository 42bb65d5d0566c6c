//! Nothing the CLI writes may land on the database it works on (issue 12,
//! item 1), and a closed stdout ends a command quietly (item 2): the real
//! `mamos` binary on a temp database.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::Workspace;

/// A database with one answered component, and what it holds, to compare after.
fn workspace() -> (Workspace, String) {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Payments <script>"]);
    ws.ok(&["answer", "Payments <script>", "methods.deploy-daily", "2"]);
    let before = ws.ok(&["score", "Payments <script>", "--json"]);
    (ws, before)
}

/// The refusal names the file and says it is the database; the data is untouched.
fn assert_refused(ws: &Workspace, before: &str, args: &[&str]) {
    let stderr = ws.bad_input(args);
    assert!(
        stderr.contains("is the Mamos database"),
        "mamos {args:?}: {stderr}"
    );
    assert_eq!(
        ws.ok(&["score", "Payments <script>", "--json"]),
        before,
        "mamos {args:?} changed the database"
    );
}

#[test]
fn a_report_or_a_bundle_is_never_written_over_the_database() {
    let (ws, before) = workspace();
    let db = ws.db().display().to_string();
    for out in [db.clone(), format!("{db}-wal"), format!("{db}-shm")] {
        assert_refused(&ws, &before, &["export", "--out", &out]);
        assert_refused(
            &ws,
            &before,
            &["report", "Payments <script>", "--out", &out],
        );
        assert_refused(
            &ws,
            &before,
            &["report", "--org", "--kind", "org", "--out", &out],
        );
    }
}

#[test]
fn the_database_is_recognised_through_links_and_other_spellings() {
    let (ws, before) = workspace();
    let sub = ws.path("sub");
    std::fs::create_dir(&sub).unwrap();
    let dotted = sub.join("..").join("mamos.db");
    let symlink = ws.path("link.pdf");
    std::os::unix::fs::symlink(ws.db(), &symlink).unwrap();
    let hard = ws.path("hard.mamos.json");
    std::fs::hard_link(ws.db(), &hard).unwrap();
    for out in [&dotted, &symlink, &hard] {
        let out = out.display().to_string();
        assert_refused(&ws, &before, &["export", "--out", &out]);
        assert_refused(&ws, &before, &["report", "--org", "--out", &out]);
    }
}

#[test]
fn csv_tables_are_not_written_over_a_database_named_like_one() {
    let ws = Workspace::new();
    // A database that happens to be called votes.csv, in the folder asked for.
    let db = ws.path("votes.csv");
    let mamos = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mamos"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(mamos(&["component", "add", "Payments"]).status.success());
    let dir = ws.dir.path().display().to_string();
    let out = mamos(&["csv", "--out", &dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is the Mamos database"));
    assert!(!ws.path("answers.csv").exists(), "nothing written");
    assert!(mamos(&["component", "list"]).status.success());
}

#[test]
fn another_file_in_the_same_folder_is_written() {
    let (ws, _) = workspace();
    let out = ws.path("mamos.db.pdf").display().to_string();
    ws.ok(&["report", "Payments <script>", "--out", &out]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

#[test]
fn text_output_into_a_closed_pipe_ends_quietly() {
    // `bank show` prints about 126 KB, more than a pipe holds, so the pipe is
    // closed while it still writes (a short output would be written whole
    // before the reader leaves, and prove nothing).
    let (ws, _) = workspace();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(ws.db())
        .args(["bank", "show"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe as `| head -c1` would.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
