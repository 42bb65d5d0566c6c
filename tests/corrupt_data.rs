//! Stored data that cannot be read back (a damaged or hand-edited database)
//! is not the user's input: `mamos` exits 1, not 2, and names what is damaged.

use std::process::Output;

mod common;
use common::Workspace;

const TEAM: &str = "Checkout";

/// A component with one answer and the plan generated from it.
fn with_plan() -> Workspace {
    let ws = Workspace::new();
    let held_on = ["--date", "2026-01-10", "--participants", "Ana"];
    ws.ok(&["component", "add", TEAM]);
    ws.ok(&[&["workshop", "start", TEAM][..], &held_on].concat());
    ws.ok(&["answer", TEAM, "methods.deploy-daily", "1"]);
    ws.ok(&["plan", TEAM, "--start", "2026-01-12"]);
    ws
}

/// Changes the database behind Mamos's back, as a damaged file or a hand edit would.
fn tamper(ws: &Workspace, sql: &str) {
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    assert_eq!(conn.execute(sql, []).unwrap(), 1, "{sql}");
}

fn environment_failure(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing printed on stdout on error");
    stderr
}

#[test]
fn a_stored_plan_that_does_not_parse_exits_1_naming_the_plan() {
    let ws = with_plan();
    tamper(&ws, "UPDATE plan SET content = '{\"start\": ' WHERE id = 1");
    let stderr = environment_failure(&ws.mamos(&["plan", TEAM]));
    assert!(
        stderr.contains("stored plan") && stderr.contains("damaged"),
        "{stderr}"
    );
}

#[test]
fn a_stored_check_in_that_does_not_parse_exits_1_naming_the_check_in() {
    let ws = with_plan();
    ws.ok(&["checkin", TEAM, "--week", "1", "--kr", "kr1=green"]);
    tamper(
        &ws,
        "UPDATE plan_checkin SET key_results = 'green' WHERE plan_id = 1",
    );
    let stderr = environment_failure(&ws.mamos(&["plan", TEAM, "--json"]));
    assert!(stderr.contains("stored check-in"), "{stderr}");
}

#[test]
fn a_stored_workshop_date_that_is_not_a_date_exits_1_naming_the_workshop() {
    let ws = with_plan();
    tamper(&ws, "UPDATE assessment SET held_on = 'last spring'");
    let stderr = environment_failure(&ws.mamos(&["trend", "--org"]));
    assert!(
        stderr.contains("stored workshop date") && stderr.contains("last spring"),
        "{stderr}"
    );
}
