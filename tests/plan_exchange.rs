//! Plans travel with the work: the real `mamos` binary exports plans (edits,
//! statuses, check-ins, closure grades) in `.mamos.json` bundles, imports them
//! losslessly, keeps both versions of a plan two coaches edited differently,
//! and writes them to CSV.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const TEAM: &str = "Checkout 🛒 <script>";

fn mamos(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MAMOS_DB")
        .output()
        .expect("the mamos binary runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = mamos(db, args);
    assert!(
        out.status.success(),
        "mamos {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

fn bad_input(db: &Path, args: &[&str]) -> String {
    let out = mamos(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "mamos {args:?}: {stderr}");
    stderr
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn export(db: &Path, file: &Path) -> String {
    ok(db, &["export", "--out", file.to_str().unwrap()]);
    read(file)
}

fn latest_workshop(db: &Path) -> String {
    let list = json(db, &["workshop", "list", TEAM, "--json"]);
    list.as_array().unwrap().last().unwrap()["id"].to_string()
}

/// Every practice of the built-in bank at its blueprint II target, except `levels`.
fn answer_at_target_except(db: &Path, levels: &[(&str, &str)]) {
    let bank: Value = serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap();
    for pillar in bank["pillars"].as_array().unwrap() {
        for practice in pillar["practices"].as_array().unwrap() {
            let id = practice["id"].as_str().unwrap();
            let level = levels
                .iter()
                .find(|(p, _)| *p == id)
                .map(|(_, l)| l.to_string())
                .unwrap_or_else(|| practice["targets"]["II"].to_string());
            ok(db, &["answer", TEAM, id, &level]);
        }
    }
}

/// The worked example of docs/planning.md with a plan starting 2025-03-03.
fn planned(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    ok(&db, &["component", "add", TEAM]);
    // Held before the plan starts: workshops count in the order held.
    ok(
        &db,
        &[
            "workshop",
            "start",
            TEAM,
            "--date",
            "2025-02-24",
            "--participants",
            "Ana",
        ],
    );
    answer_at_target_except(
        &db,
        &[
            ("architecture.observability", "0"),
            ("architecture.deployment-safety", "0"),
            ("methods.deploy-daily", "1"),
            ("skills.soft-skills", "1"),
        ],
    );
    let workshop = latest_workshop(&db);
    ok(
        &db,
        &["dora", &workshop, "--deploy-frequency", "weekly_to_monthly"],
    );
    ok(&db, &["plan", TEAM, "--start", "2025-03-03"]);
    db
}

/// Anna's planned database, and Ben's holding her work through the bundle `shared`.
fn two_coaches(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let anna = planned(dir, "anna.db");
    let shared = dir.join("shared.mamos.json");
    export(&anna, &shared);
    let ben = dir.join("ben.db");
    ok(&ben, &["import", shared.to_str().unwrap()]);
    (anna, ben, shared)
}

fn plan(db: &Path) -> Value {
    json(db, &["plan", TEAM, "--json"])
}

fn title(plan: &Value, id: &str) -> String {
    plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no action {id}"))["title"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_bundle_with_a_closed_and_an_open_plan_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let source = planned(dir.path(), "source.db");
    // The first plan: edited, checked twice, then closed at the re-assessment.
    ok(
        &source,
        &[
            "plan",
            "rename",
            TEAM,
            "skills.soft-skills",
            "Écoute active 👂",
        ],
    );
    ok(
        &source,
        &[
            "plan",
            "assign",
            TEAM,
            "architecture.observability",
            "--to",
            "Zoë",
        ],
    );
    ok(
        &source,
        &[
            "checkin",
            TEAM,
            "--week",
            "1",
            "--kr",
            "kr1=amber",
            "--status",
            "architecture.observability=doing",
            "--obstacle",
            "no métriques, \"yet\"",
        ],
    );
    ok(
        &source,
        &["checkin", TEAM, "--week", "2", "--kr", "kr1=green"],
    );
    ok(
        &source,
        &[
            "workshop",
            "start",
            TEAM,
            "--date",
            "2025-05-31",
            "--participants",
            "Ana",
        ],
    );
    answer_at_target_except(&source, &[("architecture.deployment-safety", "0")]);
    let closed = json(&source, &["plan", "close", TEAM, "--json"]);
    assert!(closed["mean_grade"].as_f64().is_some());
    // The next plan, open, with its own edit and check-in.
    ok(&source, &["plan", TEAM, "--start", "2025-06-02"]);
    ok(
        &source,
        &[
            "plan",
            "status",
            TEAM,
            "architecture.deployment-safety",
            "doing",
        ],
    );
    ok(
        &source,
        &["checkin", TEAM, "--week", "1", "--kr", "kr1=red"],
    );

    let first = dir.path().join("first.mamos.json");
    let text = export(&source, &first);
    let bundle: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bundle["format_version"], mamos::exchange::BUNDLE_VERSION);
    let plans = bundle["components"][0]["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0]["workshop"], 0);
    assert_eq!(plans[0]["closed_by"], 1);
    assert_eq!(plans[1]["follows"], 0);
    assert_eq!(plans[0]["checkins"].as_array().unwrap().len(), 2);

    let target = dir.path().join("target.db");
    let summary = ok(&target, &["import", first.to_str().unwrap()]);
    assert!(
        summary.contains("1 components, 2 workshops, 2 plans"),
        "{summary}"
    );
    assert!(!summary.contains("conflict"), "{summary}");
    let second = dir.path().join("second.mamos.json");
    assert_eq!(export(&target, &second), text, "same bundle, byte for byte");

    // What the coach sees is the same on both laptops.
    let strip_ids = |mut plans: Value| {
        for p in plans.as_array_mut().unwrap() {
            for key in [
                "id",
                "component_id",
                "workshop_id",
                "closed_by",
                "previous_plan",
            ] {
                p[key] = Value::Null;
            }
        }
        plans
    };
    assert_eq!(
        strip_ids(json(&source, &["plan", "history", TEAM, "--json"])),
        strip_ids(json(&target, &["plan", "history", TEAM, "--json"]))
    );
    let history = json(&target, &["plan", "history", TEAM, "--json"]);
    assert_eq!(title(&history[0], "skills.soft-skills"), "Écoute active 👂");
    assert_eq!(
        history[0]["recorded_checkins"][0]["obstacle"],
        "no métriques, \"yet\""
    );
    assert_eq!(history[1]["previous_plan"], history[0]["id"]);
    // The imported open plan is the component's open plan: it takes edits.
    ok(
        &target,
        &[
            "plan",
            "rename",
            TEAM,
            "architecture.deployment-safety",
            "Flags",
        ],
    );
    assert_eq!(
        title(&plan(&target), "architecture.deployment-safety"),
        "Flags"
    );
}

/// The bundle as a Mamos of format `version` (before ids) wrote it.
fn without_ids(text: &str, version: u32) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    value["format_version"] = version.into();
    for component in value["components"].as_array_mut().unwrap() {
        component.as_object_mut().unwrap().remove("id");
        for workshop in component["workshops"].as_array_mut().unwrap() {
            workshop.as_object_mut().unwrap().remove("id");
        }
    }
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn old_bundles_still_import_and_a_version_1_bundle_cannot_carry_plans() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    ok(&source, &["component", "add", "Search"]);
    ok(&source, &["answer", "Search", "methods.trunk-based", "1"]);
    let file = dir.path().join("new.mamos.json");
    let text = export(&source, &file);
    let bundle: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bundle["format_version"], mamos::exchange::BUNDLE_VERSION);
    assert!(bundle["components"][0].get("plans").is_none());
    let old = dir.path().join("old.mamos.json");
    std::fs::write(&old, without_ids(&text, 1)).unwrap();
    let target = dir.path().join("target.db");
    let report = ok(&target, &["import", old.to_str().unwrap()]);
    assert!(report.contains("imported 1 components"), "{report}");
    let scores = json(&target, &["score", "Search", "--json"]);
    assert_eq!(scores, json(&source, &["score", "Search", "--json"]));

    // A version 1 bundle cannot carry plans: that needs version 2.
    let with_plan = planned(dir.path(), "planned.db");
    let planned_text = export(&with_plan, &dir.path().join("planned.mamos.json"));
    let file = dir.path().join("downgraded.mamos.json");
    std::fs::write(&file, without_ids(&planned_text, 1)).unwrap();
    let empty = dir.path().join("empty.db");
    let err = bad_input(&empty, &["import", file.to_str().unwrap()]);
    assert!(
        err.contains("downgraded.mamos.json") && err.contains("\"format_version\": 2"),
        "{err}"
    );
    // Nor can an older bundle carry ids.
    let file = dir.path().join("ids.mamos.json");
    std::fs::write(
        &file,
        planned_text.replacen("\"format_version\": 3", "\"format_version\": 2", 1),
    )
    .unwrap();
    let err = bad_input(&empty, &["import", file.to_str().unwrap()]);
    assert!(err.contains("\"format_version\": 3"), "{err}");
}

#[test]
fn a_bad_plan_in_a_bundle_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = planned(dir.path(), "source.db");
    let file = dir.path().join("good.mamos.json");
    let text = export(&source, &file);
    let target = dir.path().join("target.db");
    ok(&target, &["component", "add", "Existing"]);
    let try_import = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut value: Value = serde_json::from_str(&text).unwrap();
        edit(&mut value);
        let path = dir.path().join(name);
        std::fs::write(&path, value.to_string()).unwrap();
        let err = bad_input(&target, &["import", path.to_str().unwrap()]);
        assert!(err.contains(name), "{err}");
        let list = json(&target, &["component", "list", "--json"]);
        assert_eq!(list.as_array().unwrap().len(), 1, "nothing imported");
        err
    };
    let err = try_import("late.mamos.json", &|v| {
        v["components"][0]["plans"][0]["plan"]["actions"][0]["end"] = "2025-06-30".into();
    });
    assert!(err.contains("day 1 to day 90"), "{err}");
    let err = try_import("week.mamos.json", &|v| {
        v["components"][0]["plans"][0]["checkins"] = serde_json::json!([{
            "week": 14, "key_results": {}, "target_condition": "", "actual_condition": "",
            "obstacle": "", "next_step": "", "check_on": null, "recorded_at": "2025-03-03T10:00:00Z"
        }]);
    });
    assert!(err.contains("week 14"), "{err}");
    let err = try_import("workshop.mamos.json", &|v| {
        v["components"][0]["plans"][0]["workshop"] = 5.into();
    });
    assert!(err.contains("workshop 5"), "{err}");
}

#[test]
fn two_coaches_editing_the_same_plan_differently_keep_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben, shared) = two_coaches(dir.path());

    // Importing what is already there, unchanged, adds nothing.
    let again = ok(&anna, &["import", shared.to_str().unwrap()]);
    assert!(
        again.contains("imported 0 components, 0 workshops, 0 plans"),
        "{again}"
    );

    // Both edit the same plan, differently.
    ok(
        &anna,
        &[
            "plan",
            "rename",
            TEAM,
            "skills.soft-skills",
            "Anna's listening",
        ],
    );
    ok(
        &ben,
        &[
            "plan",
            "rename",
            TEAM,
            "skills.soft-skills",
            "Ben's listening",
        ],
    );
    ok(&ben, &["checkin", TEAM, "--week", "1", "--kr", "kr1=green"]);
    let from_ben = dir.path().join("ben.mamos.json");
    export(&ben, &from_ben);

    let before = plan(&anna);
    let report = ok(&anna, &["import", from_ben.to_str().unwrap()]);
    assert!(
        report.contains("0 components, 0 workshops, 1 plans"),
        "{report}"
    );
    let conflict = report
        .lines()
        .find(|l| l.starts_with("conflict: "))
        .unwrap_or_else(|| panic!("the conflict is reported: {report}"));
    assert!(
        conflict.contains(TEAM)
            && conflict.contains("skills.soft-skills (title)")
            && conflict.contains("check-ins")
            && conflict.contains("mamos plan resolve"),
        "{conflict}"
    );
    // Anna's plan is untouched; Ben's version is kept beside it.
    assert_eq!(plan(&anna), before);
    let history = json(&anna, &["plan", "history", TEAM, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[1]["conflict_of"], history[0]["id"]);
    assert_eq!(title(&history[1], "skills.soft-skills"), "Ben's listening");
    assert_eq!(
        history[1]["recorded_checkins"][0]["key_results"]["kr1"],
        "green"
    );
    let text = ok(&anna, &["plan", "history", TEAM]);
    assert!(text.contains("conflicting version of plan"), "{text}");
    // The same bundle again: the conflict is already there, nothing is added.
    let again = ok(&anna, &["import", from_ben.to_str().unwrap()]);
    assert!(
        again.contains("0 plans") && !again.contains("conflict"),
        "{again}"
    );
    // A round trip keeps the unresolved conflict.
    let with_conflict = dir.path().join("conflict.mamos.json");
    let text = export(&anna, &with_conflict);
    let carol = dir.path().join("carol.db");
    ok(&carol, &["import", with_conflict.to_str().unwrap()]);
    assert_eq!(export(&carol, &dir.path().join("carol.mamos.json")), text);

    // Anna keeps Ben's version: it becomes the plan, under the plan's id.
    let plan_id = history[0]["id"].to_string();
    let copy_id = history[1]["id"].to_string();
    let err = bad_input(&anna, &["plan", "resolve", TEAM, "--keep", "99"]);
    assert!(err.contains("no plan 99"), "{err}");
    ok(&anna, &["plan", "resolve", TEAM, "--keep", &copy_id]);
    let history = json(&anna, &["plan", "history", TEAM, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["id"].to_string(), plan_id);
    let open = plan(&anna);
    assert_eq!(title(&open, "skills.soft-skills"), "Ben's listening");
    assert_eq!(open["recorded_checkins"][0]["key_results"]["kr1"], "green");
    let err = bad_input(&anna, &["plan", "resolve", TEAM, "--keep", &plan_id]);
    assert!(err.contains("no conflicting version"), "{err}");
}

#[test]
fn a_plan_of_a_workshop_only_one_coach_holds_travels_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben, _) = two_coaches(dir.path());
    // Ben holds the re-assessment, closes the plan and starts the next one.
    ok(
        &ben,
        &[
            "workshop",
            "start",
            TEAM,
            "--date",
            "2025-06-02",
            "--participants",
            "Ben",
        ],
    );
    ok(&ben, &["answer", TEAM, "methods.deploy-daily", "2"]);
    ok(&ben, &["plan", "close", TEAM]);
    ok(&ben, &["plan", TEAM, "--start", "2025-06-09"]);
    let from_ben = dir.path().join("ben.mamos.json");
    let bens = export(&ben, &from_ben);

    let report = ok(&anna, &["import", from_ben.to_str().unwrap()]);
    assert!(
        report.contains("0 components, 1 workshops, 1 plans")
            && report.contains("closed 1 open plans")
            && !report.contains("conflict"),
        "{report}"
    );
    assert_eq!(export(&anna, &dir.path().join("anna.mamos.json")), bens);
}

#[test]
fn csv_export_has_plan_actions_key_results_and_check_ins() {
    let dir = tempfile::tempdir().unwrap();
    let db = planned(dir.path(), "source.db");
    ok(
        &db,
        &[
            "plan",
            "rename",
            TEAM,
            "skills.soft-skills",
            "Listen, then act",
        ],
    );
    ok(
        &db,
        &[
            "checkin",
            TEAM,
            "--week",
            "1",
            "--kr",
            "kr1=amber",
            "--next-step",
            "=SUM(A1)",
        ],
    );
    let out = dir.path().join("csv");
    let listing = ok(&db, &["csv", "--out", out.to_str().unwrap()]);
    assert!(listing.contains("plan_actions.csv"), "{listing}");
    let actions = read(&out.join("plan_actions.csv"));
    assert!(actions.starts_with(
        "\u{feff}component,plan,plan_start,plan_state,position,action,objective,practice,title,owner,assignee,start,end,start_week,end_week,depends_on,status,edited\r\n"
    ));
    let row = actions
        .lines()
        .find(|l| l.contains(",skills.soft-skills,"))
        .unwrap();
    assert!(
        row.starts_with(&format!("{TEAM},1,2025-03-03,open,"))
            && row.contains(",\"Listen, then act\",")
            && row.ends_with(",todo,true"),
        "{row}"
    );
    let plan = plan(&db);
    assert_eq!(
        actions.lines().count(),
        1 + plan["actions"].as_array().unwrap().len()
    );

    let checkins = read(&out.join("checkins.csv"));
    assert!(checkins.starts_with(
        "\u{feff}component,plan,plan_start,plan_state,week,date,key_results,target_condition,actual_condition,obstacle,next_step,check_on,recorded_at\r\n"
    ));
    let row = checkins.lines().nth(1).unwrap();
    assert!(
        row.starts_with(&format!(
            "{TEAM},1,2025-03-03,open,1,2025-03-03,kr1=amber,,,,'=SUM(A1),,"
        )),
        "{row}"
    );

    let key_results = read(&out.join("plan_key_results.csv"));
    assert!(key_results.starts_with(
        "\u{feff}component,plan,plan_start,plan_state,objective,key_result,text,grade,found\r\n"
    ));
    assert!(key_results.contains(",o1,kr1,"), "{key_results}");
}
