//! A colleague's bundle is held to the rules of an edit made here (issue 12,
//! item 5): the real `mamos import` refuses what the CLI or the window would
//! refuse, names the file and the JSON path, exits 2 and changes nothing.

mod common;

use common::Workspace;
use serde_json::Value;

/// A bundle of one component with a workshop of two participants and a vote.
fn exported() -> Value {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Payments"]);
    let id = ws.ok(&[
        "workshop",
        "start",
        "Payments",
        "--date",
        "2026-03-02",
        "--participants",
        "Ana,Ben",
    ]);
    let id = id.trim();
    ws.ok(&["vote", id, "Ana", "methods.deploy-daily", "2"]);
    ws.ok(&["note", "Payments", "methods.deploy-daily", "weekly today"]);
    let out = ws.path("team.mamos.json");
    ws.ok(&["export", "--out", &out.display().to_string()]);
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

/// Imports `bundle` into a new database: refused with `expected` in the
/// message after the file's name, and the database is left empty.
fn refused(bundle: &Value, expected: &str) {
    let ws = Workspace::new();
    let file = ws.path("team.mamos.json");
    std::fs::write(&file, serde_json::to_string_pretty(bundle).unwrap()).unwrap();
    let stderr = ws.bad_input(&["import", &file.display().to_string()]);
    assert!(
        stderr.contains(&format!("team.mamos.json: {expected}")),
        "expected {expected:?} in: {stderr}"
    );
    assert!(
        !stderr.contains("constraint"),
        "no raw SQLite message: {stderr}"
    );
    assert_eq!(
        ws.json(&["component", "list", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn an_exported_bundle_imports_as_it_is() {
    let bundle = exported();
    let ws = Workspace::new();
    let file = ws.path("team.mamos.json");
    std::fs::write(&file, serde_json::to_string(&bundle).unwrap()).unwrap();
    ws.ok(&["import", &file.display().to_string()]);
    assert_eq!(
        ws.json(&["component", "list", "--json"])[0]["name"],
        "Payments"
    );
}

#[test]
fn an_impossible_date_is_refused_before_it_breaks_the_trends() {
    let mut bundle = exported();
    let workshop = "$.components[0].workshops[0]";
    for date in ["2026-02-30", "last tuesday"] {
        bundle["components"][0]["workshops"][0]["held_on"] = date.into();
        refused(&bundle, &format!("{workshop}.held_on: expected a date"));
    }
}

#[test]
fn a_person_listed_twice_or_a_vote_out_of_range_is_refused_with_its_place() {
    let mut twice = exported();
    twice["components"][0]["workshops"][0]["participants"] = serde_json::json!(["Ana", "ana"]);
    refused(
        &twice,
        "$.components[0].workshops[0].participants: \"ana\" is listed twice",
    );

    let mut seven = exported();
    seven["components"][0]["workshops"][0]["votes"][0]["answer"]["level"] = 7.into();
    refused(
        &seven,
        "$.components[0].workshops[0].votes[0].answer: expected a level",
    );

    let mut double = exported();
    let vote = double["components"][0]["workshops"][0]["votes"][0].clone();
    double["components"][0]["workshops"][0]["votes"]
        .as_array_mut()
        .unwrap()
        .push(vote);
    refused(
        &double,
        "$.components[0].workshops[0].votes[1]: \"Ana\" voted on",
    );
}

#[test]
fn names_and_notes_keep_the_limits_of_an_edit() {
    let mut control = exported();
    control["components"][0]["name"] = "Pay\u{1b}[2Jments".into();
    refused(
        &control,
        "$.components[0].name: a component name cannot contain control characters",
    );

    let mut long = exported();
    let answers = &mut long["components"][0]["workshops"][0]["answers"];
    let note = answers
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["note"] == "weekly today")
        .expect("the note travels");
    note["note"] = "x".repeat(20_000).into();
    refused(&long, "$.components[0].workshops[0].answers[");
}
