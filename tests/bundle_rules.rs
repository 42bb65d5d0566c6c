//! A colleague's bundle is held to the rules of an edit made here (issue 12,
//! item 5): the real `mamos import` refuses what the CLI or the window would
//! refuse, names the file and the JSON path, exits 2 and changes nothing.

mod common;

use common::Workspace;
use serde_json::Value;

/// A bundle of one component with a workshop of two participants and a
/// vote, and a plan with a week-1 check-in.
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
    ws.ok(&["plan", "Payments", "--start", "2026-03-09"]);
    ws.ok(&["checkin", "Payments", "--week", "1", "--kr", "kr1=amber"]);
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

/// An override of the target of `key` (a practice, or a pillar).
fn target(key: &str, pillar: bool) -> Value {
    serde_json::json!({"key": key, "pillar": pillar, "level": 3, "reason": "regulated payments"})
}

#[test]
fn a_target_overridden_twice_is_refused_before_sqlite_sees_it() {
    let mut twice = exported();
    twice["components"][0]["target_overrides"] = serde_json::json!([
        target("methods.deploy-daily", false),
        target("methods.deploy-daily", false),
    ]);
    refused(
        &twice,
        "$.components[0].target_overrides[1]: the target of practice methods.deploy-daily is overridden twice",
    );

    // A practice and a pillar may share a key's spelling only across scopes.
    let mut pillars = exported();
    pillars["components"][0]["target_overrides"] =
        serde_json::json!([target("skills", true), target("skills", true)]);
    refused(
        &pillars,
        "$.components[0].target_overrides[1]: the target of pillar skills is overridden twice",
    );
}

#[test]
fn a_target_on_a_practice_or_pillar_the_bank_lacks_is_refused() {
    let mut practice = exported();
    practice["components"][0]["target_overrides"] = serde_json::json!([
        target("methods.deploy-daily", false),
        target("methods.telepathy", false)
    ]);
    refused(
        &practice,
        "$.components[0].target_overrides[1].key: practice \"methods.telepathy\" is not in the bank of any workshop of this component",
    );

    let mut pillar = exported();
    pillar["components"][0]["target_overrides"] = serde_json::json!([target("quality", true)]);
    refused(
        &pillar,
        "$.components[0].target_overrides[0].key: expected methods, architecture, management, organization or skills, found \"quality\"",
    );
}

#[test]
fn votes_answers_and_evidence_on_a_practice_the_bank_lacks_are_refused() {
    let workshop = "$.components[0].workshops[0]";
    let mut vote = exported();
    vote["components"][0]["workshops"][0]["votes"][0]["practice_id"] = "methods.telepathy".into();
    refused(
        &vote,
        &format!("{workshop}.votes[0].practice_id: practice \"methods.telepathy\" is not in bank mamos-qe 1.0.0"),
    );

    let mut answer = exported();
    answer["components"][0]["workshops"][0]["answers"][0]["practice_id"] = "nowhere".into();
    refused(
        &answer,
        &format!("{workshop}.answers[0].practice_id: practice \"nowhere\""),
    );

    let mut evidence = exported();
    evidence["components"][0]["workshops"][0]["evidence"] = serde_json::json!([{"practice_id": "nowhere", "target": "https://ci.example", "label": "CI"}]);
    refused(
        &evidence,
        &format!("{workshop}.evidence[0].practice_id: practice \"nowhere\""),
    );
}

#[test]
fn a_bank_differing_from_the_stored_one_of_its_version_is_refused() {
    let mut changed = exported();
    assert_eq!(
        changed["banks"][0]["id"], "mamos-qe",
        "the bundle carries its bank"
    );
    changed["banks"][0]["title"]["en"] = "Another bank under the same version".into();
    let ws = Workspace::new();
    // The built-in bank is stored here before the import.
    ws.ok(&["bank", "list"]);
    let file = ws.path("team.mamos.json");
    std::fs::write(&file, serde_json::to_string_pretty(&changed).unwrap()).unwrap();
    let stderr = ws.bad_input(&["import", &file.display().to_string()]);
    assert!(
        stderr.contains("team.mamos.json: $.banks[0]: bank mamos-qe 1.0.0 is already stored here with different content"),
        "{stderr}"
    );
    assert_eq!(
        ws.json(&["component", "list", "--json"]),
        Value::Array(vec![])
    );
    let banks = ws.ok(&["bank", "list"]);
    assert!(
        !banks.contains("Another bank"),
        "the stored bank is kept: {banks}"
    );
}

#[test]
fn a_plan_that_breaks_the_plan_editors_rules_is_refused_with_its_place() {
    let plan = "$.components[0].plans[0]";
    let mut twice = exported();
    let actions = twice["components"][0]["plans"][0]["plan"]["actions"]
        .as_array_mut()
        .unwrap();
    let first = actions[0].clone();
    let id = first["id"].as_str().unwrap().to_string();
    actions.push(first);
    let last = actions.len() - 1;
    refused(
        &twice,
        &format!("{plan}.plan.actions[{last}]: action {id} appears twice"),
    );

    let mut late = exported();
    late["components"][0]["plans"][0]["plan"]["actions"][0]["end"] = "2027-01-01".into();
    refused(
        &late,
        &format!("{plan}.plan.actions[0]: must run within the plan"),
    );

    let mut week = exported();
    week["components"][0]["plans"][0]["checkins"][0]["week"] = 14.into();
    refused(
        &week,
        &format!("{plan}.checkins[0].week: check-in week 14 is not a distinct week 1 to 13"),
    );

    let mut long = exported();
    long["components"][0]["plans"][0]["checkins"][0]["obstacle"] = "x".repeat(20_000).into();
    refused(&long, &format!("{plan}.checkins[0].obstacle: at most"));
}
