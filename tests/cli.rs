//! The real `mamos` binary on temporary databases and files: the CLI contract
//! of the walking skeleton, and every kind of bad input it must refuse
//! without writing anything.

mod common;

use std::path::Path;
use std::process::Command;

use common::Workspace;
use serde_json::Value;

impl Workspace {
    fn score(&self, component: &str) -> Value {
        self.json(&["score", component, "--json"])
    }
}

fn builtin_bank() -> Value {
    serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap()
}

fn practice_ids() -> Vec<String> {
    builtin_bank()["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["practices"].as_array().unwrap().iter())
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn validate_accepts_the_builtin_bank_with_a_one_line_summary() {
    let ws = Workspace::new();
    let out = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .args(["validate", "assessments/mamos.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("valid bank mamos-qe"), "{stdout}");
    // validate needs no database
    assert!(!ws.db().exists());
}

#[test]
fn validate_reports_every_error_with_file_and_path() {
    let ws = Workspace::new();
    let mut bank = builtin_bank();
    bank["pillars"][0]["practices"][0]["weight"] = Value::from(-1);
    bank["pillars"][1]["practices"][0]["descriptors"]
        .as_array_mut()
        .unwrap()
        .truncate(3);
    bank["pillars"][2]["practices"][0]["targets"]["IV"] = Value::from(9);
    let file = ws.path("bad-bank.json");
    write(&file, &bank.to_string());
    let stderr = ws.bad_input(&["validate", file.to_str().unwrap()]);
    assert!(stderr.contains("3 problems"), "{stderr}");
    assert!(
        stderr.contains("bad-bank.json: $.pillars[0].practices[0].weight"),
        "{stderr}"
    );
    assert!(
        stderr.contains("$.pillars[1].practices[0].descriptors"),
        "{stderr}"
    );
    assert!(
        stderr.contains("$.pillars[2].practices[0].targets.IV"),
        "{stderr}"
    );
}

#[test]
fn malformed_json_gives_line_and_column_and_stores_nothing() {
    let ws = Workspace::new();
    let file = ws.path("truncated.json");
    write(&file, "{\n  \"id\": \"mamos-qe\",\n  \"version\": ");
    let stderr = ws.bad_input(&["bank", "import", file.to_str().unwrap()]);
    assert!(stderr.contains("truncated.json"), "{stderr}");
    assert!(stderr.contains("line 3"), "{stderr}");
    let banks: Value = serde_json::from_str(&ws.ok(&["bank", "list", "--json"])).unwrap();
    assert_eq!(banks.as_array().unwrap().len(), 1, "only the built-in bank");
}

#[test]
fn a_missing_file_is_named() {
    let ws = Workspace::new();
    let stderr = ws.bad_input(&["validate", "/nonexistent/bank.json"]);
    assert!(stderr.contains("/nonexistent/bank.json"), "{stderr}");
}

#[test]
fn bank_import_stores_a_new_version_and_refuses_a_changed_one() {
    let ws = Workspace::new();
    let mut bank = builtin_bank();
    bank["version"] = Value::from("9.9.9");
    let file = ws.path("next.json");
    write(&file, &bank.to_string());
    assert!(ws
        .ok(&["bank", "import", file.to_str().unwrap()])
        .contains("stored"));
    assert!(ws
        .ok(&["bank", "import", file.to_str().unwrap()])
        .contains("already stored"));
    bank["title"]["en"] = Value::from("Changed without a new version");
    write(&file, &bank.to_string());
    let stderr = ws.bad_input(&["bank", "import", file.to_str().unwrap()]);
    assert!(stderr.contains("new version"), "{stderr}");
    // a new component takes the newest version
    ws.ok(&["component", "add", "Checkout"]);
    assert_eq!(ws.score("Checkout")["bank"]["version"], "9.9.9");
}

#[test]
fn the_skeleton_flow_answers_scores_and_survives_reopening() {
    let ws = Workspace::new();
    let name = "<script>alert(1)</script> Équipe Ödön Łódź Ωμέγα Привет 🚀";
    ws.ok(&["component", "add", name, "--blueprint", "III"]);
    let list: Value = serde_json::from_str(&ws.ok(&["component", "list", "--json"])).unwrap();
    assert_eq!(list[0]["name"], name);
    assert_eq!(list[0]["blueprint"], "III");
    assert_eq!(list[0]["answered"], 0);

    let ids = practice_ids();
    // Every practice answered: level = position mod 5, the first one N/A.
    ws.ok(&[
        "answer",
        name,
        &ids[0],
        "na",
        "--reason",
        "no UI in this component",
    ]);
    for (i, id) in ids.iter().enumerate().skip(1) {
        let level = (i % 5).to_string();
        ws.ok(&["answer", name, id, &level, "--note", "seen in the workshop"]);
    }
    let score = ws.score(name);
    assert_eq!(score["component"], name);
    assert_eq!(score["bank"]["id"], "mamos-qe");
    assert_eq!(score["blueprint"], "III");
    let pillars = score["pillars"].as_array().unwrap();
    assert_eq!(pillars.len(), 5);
    let order: Vec<&str> = pillars.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        order,
        [
            "methods",
            "architecture",
            "management",
            "organization",
            "skills"
        ]
    );
    assert_eq!(pillars[0]["not_applicable"], 1);
    let answered: u64 = pillars
        .iter()
        .map(|p| p["answered"].as_u64().unwrap())
        .sum();
    assert_eq!(answered as usize, ids.len() - 1);

    // The scores equal the library's computation on the same answers.
    let bank = mamos::model::builtin_bank();
    let mut answers = std::collections::BTreeMap::new();
    answers.insert(
        ids[0].clone(),
        mamos::scoring::Answer::NotApplicable { reason: "x".into() },
    );
    for (i, id) in ids.iter().enumerate().skip(1) {
        answers.insert(
            id.clone(),
            mamos::scoring::Answer::Level {
                level: (i % 5) as u8,
            },
        );
    }
    let expected = mamos::scoring::score(&bank, mamos::model::Blueprint::III, &answers);
    assert_eq!(score["overall"]["score"].as_f64(), expected.overall.score);
    assert_eq!(
        score["overall"]["level"].as_u64(),
        expected.overall.level.map(u64::from)
    );
    assert_eq!(
        score["limiting_pillar"],
        expected.limiting_pillar.unwrap().as_str()
    );
    for (json, pillar) in pillars.iter().zip(&expected.pillars) {
        assert_eq!(json["score"].as_f64(), pillar.score);
        assert_eq!(json["percent_to_target"].as_f64(), pillar.percent_to_target);
    }

    // Another process sees the same answers: they were committed.
    let list: Value = serde_json::from_str(&ws.ok(&["component", "list", "--json"])).unwrap();
    assert_eq!(list[0]["answered"].as_u64().unwrap() as usize, ids.len());
    let table = ws.ok(&["score", name]);
    assert!(table.contains("<- limiting"), "{table}");
    assert!(table.contains(name), "{table}");
}

#[test]
fn na_needs_a_reason_and_levels_stay_in_range() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Payments"]);
    let id = &practice_ids()[0];
    assert!(ws
        .bad_input(&["answer", "Payments", id, "na"])
        .contains("reason"));
    assert!(ws
        .bad_input(&["answer", "Payments", id, "na", "--reason", "   "])
        .contains("reason"));
    assert!(ws
        .bad_input(&["answer", "Payments", id, "5"])
        .contains("0 to 4"));
    assert!(ws
        .bad_input(&["answer", "Payments", id, "-1"])
        .contains("0 to 4"));
    assert!(ws
        .bad_input(&["answer", "Payments", id, "three"])
        .contains("three"));
    assert!(ws
        .bad_input(&["answer", "Payments", id, "2", "--reason", "why"])
        .contains("--reason"));
    // nothing was written
    let score = ws.score("Payments");
    let answered: u64 = score["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["answered"].as_u64().unwrap() + p["not_applicable"].as_u64().unwrap())
        .sum();
    assert_eq!(answered, 0);
    assert!(score["overall"]["score"].is_null());
    assert!(score["limiting_pillar"].is_null());
}

#[test]
fn unknown_components_and_practices_are_named() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Search"]);
    let stderr = ws.bad_input(&["score", "Nope"]);
    assert!(stderr.contains("\"Nope\""), "{stderr}");
    let stderr = ws.bad_input(&["answer", "Search", "methods.no-such-practice", "2"]);
    assert!(stderr.contains("methods.no-such-practice"), "{stderr}");
    assert!(ws
        .bad_input(&["report", "Nope", "--out", "x.pdf"])
        .contains("Nope"));
}

#[test]
fn component_names_are_checked() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Search"]);
    assert!(ws
        .bad_input(&["component", "add", "search"])
        .contains("already exists"));
    assert!(ws.bad_input(&["component", "add", "   "]).contains("empty"));
    assert!(ws
        .bad_input(&["component", "add", "a\tb"])
        .contains("control"));
    let long = "x".repeat(500);
    assert!(ws
        .bad_input(&["component", "add", &long])
        .contains("at most"));
    assert!(ws
        .bad_input(&["component", "add", "X", "--blueprint", "V"])
        .contains("V"));
    assert!(ws
        .bad_input(&["component", "add", "Y", "--bank", "other"])
        .contains("other"));
    let list: Value = serde_json::from_str(&ws.ok(&["component", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn notes_and_clear_are_kept_apart_from_the_answer() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Data"]);
    let id = &practice_ids()[0];
    ws.ok(&["answer", "Data", id, "3"]);
    ws.ok(&["note", "Data", id, "pipeline takes 40 min"]);
    ws.ok(&["answer", "Data", id, "clear"]);
    let score = ws.score("Data");
    assert!(
        score["pillars"][0]["score"].is_null(),
        "cleared answer leaves the pillar unassessed"
    );
    let list: Value = serde_json::from_str(&ws.ok(&["component", "list", "--json"])).unwrap();
    assert_eq!(list[0]["answered"], 0);
}

#[test]
fn a_database_in_a_missing_folder_is_created_with_its_folders() {
    let ws = Workspace::new();
    let db = ws.path("nested").join("deeper").join("mamos.db");
    let out = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(&db)
        .args(["component", "add", "Search"])
        .env_remove("MAMOS_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db.exists());
}

#[test]
fn json_into_a_closed_pipe_ends_quietly() {
    // As `mamos score X --json | head -0` does: the reader is gone before the write.
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Search"]);
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(ws.db())
        .args(["score", "Search", "--json"])
        .env_remove("MAMOS_DB")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
        .wait_with_output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_db_env_var_chooses_the_database() {
    let ws = Workspace::new();
    let db = ws.path("from-env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .args(["component", "add", "Env"])
        .env("MAMOS_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.exists());
}

#[test]
fn report_writes_a_one_page_pdf_that_names_the_component_and_pillars() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Checkout Ωμέγα"]);
    let ids = practice_ids();
    for id in &ids {
        ws.ok(&["answer", "Checkout Ωμέγα", id, "2"]);
    }
    let pdf = ws.path("summary.pdf");
    ws.ok(&[
        "report",
        "Checkout Ωμέγα",
        "--out",
        pdf.to_str().unwrap(),
        "--date",
        "2026-11-28",
    ]);
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf is installed (make test installs it)");
    assert!(
        check.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Checkout Ωμέγα"), "{text}");
    for pillar in [
        "Methods",
        "Architecture",
        "Management",
        "Organization",
        "Skills",
    ] {
        assert!(text.contains(pillar), "{pillar} missing from:\n{text}");
    }
    // same data, same date: same bytes
    let again = ws.path("again.pdf");
    ws.ok(&[
        "report",
        "Checkout Ωμέγα",
        "--out",
        again.to_str().unwrap(),
        "--date",
        "2026-11-28",
    ]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());
    assert!(ws
        .bad_input(&[
            "report",
            "Checkout Ωμέγα",
            "--out",
            "x.pdf",
            "--date",
            "28/11/2026"
        ])
        .contains("YYYY-MM-DD"));
}

#[test]
fn bank_show_prints_one_pillar_in_the_chosen_language() {
    let ws = Workspace::new();
    let bank = builtin_bank();
    let skills = &bank["pillars"][4];
    let text = ws.ok(&["bank", "show", "--pillar", "skills", "--lang", "fr"]);
    assert!(
        text.contains(skills["name"]["fr"].as_str().unwrap()),
        "{text}"
    );
    for practice in skills["practices"].as_array().unwrap() {
        assert!(text.contains(practice["id"].as_str().unwrap()));
        assert!(text.contains(practice["question"]["fr"].as_str().unwrap()));
    }
    assert!(!text.contains(bank["pillars"][0]["practices"][0]["id"].as_str().unwrap()));
    assert!(ws
        .bad_input(&["bank", "show", "--pillar", "security"])
        .contains("security"));
    let from_file = ws.ok(&["bank", "show", "--file", "tests/fixtures/mamos-0.1.0.json"]);
    assert!(from_file.contains("mamos-qe 0.1.0"), "{from_file}");
}

#[test]
fn bank_lint_lists_every_content_finding_with_the_file() {
    let ws = Workspace::new();
    let mut bank = builtin_bank();
    let practice = &mut bank["pillars"][0]["practices"][0];
    practice["targets"]["IV"] = Value::from(0);
    practice["descriptors"][3] = practice["descriptors"][2].clone();
    let file = ws.path("thin.json");
    write(&file, &bank.to_string());
    let stderr = ws.bad_input(&["bank", "lint", file.to_str().unwrap()]);
    let id = bank["pillars"][0]["practices"][0]["id"].as_str().unwrap();
    assert!(
        stderr.contains(&format!(
            "thin.json: {id}.targets: targets must not decrease"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("thin.json: {id}.descriptors[3]: the `en` text is the same as at {id}.descriptors[2].en")),
        "{stderr}"
    );
    // A bank that is not even valid gets the validation errors instead.
    write(&file, "{}");
    assert!(ws
        .bad_input(&["bank", "lint", file.to_str().unwrap()])
        .contains("missing required field `pillars`"));
}

#[test]
fn an_assessment_keeps_the_bank_version_it_was_started_with() {
    let ws = Workspace::new();
    ws.ok(&["bank", "import", "tests/fixtures/mamos-0.1.0.json"]);
    ws.ok(&["component", "add", "Legacy", "--bank", "mamos-qe@0.1.0"]);
    ws.ok(&["component", "add", "Current"]);
    // methods.trunk-quality-gates exists in 0.1.0 only
    ws.ok(&["answer", "Legacy", "methods.trunk-quality-gates", "3"]);
    let legacy = ws.score("Legacy");
    assert_eq!(legacy["bank"]["version"], "0.1.0");
    assert_eq!(legacy["pillars"][0]["answered"], 1);
    let current = ws.score("Current");
    assert_eq!(current["bank"]["version"], builtin_bank()["version"]);
    assert!(ws
        .bad_input(&["component", "add", "Ghost", "--bank", "mamos-qe@7.0.0"])
        .contains("mamos-qe 7.0.0"));
}
