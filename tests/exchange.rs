//! Moving work between laptops: .mamos.json bundles through the real binary.
//! A round trip is lossless, and a bad bundle changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn mamos(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
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

fn bad_input(db: &Path, args: &[&str]) -> String {
    let out = mamos(db, args);
    assert_eq!(out.status.code(), Some(2), "mamos {args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

fn component_count(db: &Path) -> usize {
    let list: serde_json::Value =
        serde_json::from_str(&ok(db, &["component", "list", "--json"])).unwrap();
    list.as_array().unwrap().len()
}

/// An organisation with groups, two workshops, votes, N/A, notes and a reveal.
fn populated(dir: &Path) -> PathBuf {
    let db = dir.join("source.db");
    let ids: Vec<String> = mamos::model::builtin_bank().pillars[0].practices[..3]
        .iter()
        .map(|p| p.id.clone())
        .collect();
    ok(&db, &["group", "add", "Tribe Ωμέγα"]);
    ok(
        &db,
        &[
            "component",
            "add",
            "<b>Checkout</b> Łódź",
            "--blueprint",
            "III",
            "--group",
            "Tribe Ωμέγα",
        ],
    );
    ok(
        &db,
        &["component", "add", "Search", "--group", "Tribe Ωμέγα"],
    );
    ok(&db, &["component", "add", "Billing"]);
    let w = ok(
        &db,
        &[
            "workshop",
            "start",
            "<b>Checkout</b> Łódź",
            "--date",
            "2026-11-28",
            "--participants",
            "Ana,Ben,Chloé",
            "--facilitator",
            "Coach Zoë",
        ],
    );
    let w = w.trim();
    ok(&db, &["vote", w, "Ana", &ids[0], "1"]);
    ok(&db, &["vote", w, "Ben", &ids[0], "3"]);
    ok(
        &db,
        &["vote", w, "Chloé", &ids[1], "na", "--reason", "pas d'UI 🚫"],
    );
    ok(&db, &["reveal", w, &ids[0]]);
    ok(&db, &["agree", w, &ids[0], "2"]);
    ok(
        &db,
        &[
            "note",
            "<b>Checkout</b> Łódź",
            &ids[2],
            "évidence: https://ci.example/run/42",
        ],
    );
    let again = ok(
        &db,
        &[
            "workshop",
            "start",
            "<b>Checkout</b> Łódź",
            "--date",
            "2027-02-26",
            "--participants",
            "Ana",
        ],
    );
    ok(&db, &["vote", again.trim(), "Ana", &ids[0], "4"]);
    ok(
        &db,
        &[
            "dora",
            w,
            "--lead-time",
            "one_day_to_one_week",
            "--change-fail",
            "17.5",
            "--year",
            "2021",
        ],
    );
    ok(&db, &["answer", "Search", &ids[1], "3"]);
    ok(
        &db,
        &[
            "target",
            "set",
            "Search",
            "--pillar",
            "skills",
            "1",
            "--reason",
            "two-person team",
        ],
    );
    ok(
        &db,
        &[
            "evidence",
            "add",
            w,
            &ids[0],
            "https://ci.example/run/42",
            "--label",
            "CI run",
        ],
    );
    db
}

#[test]
fn export_import_export_gives_the_same_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let source = populated(dir.path());
    let first = dir.path().join("org.mamos.json");
    ok(&source, &["export", "--out", first.to_str().unwrap()]);

    let target = dir.path().join("target.db");
    let summary = ok(&target, &["import", first.to_str().unwrap()]);
    assert!(
        summary.contains("imported 3 components, 4 workshops"),
        "{summary}"
    );
    let second = dir.path().join("again.mamos.json");
    ok(&target, &["export", "--out", second.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
    // The scores and the DORA metrics survive the trip.
    let score = |db: &Path| ok(db, &["score", "<b>Checkout</b> Łódź", "--json"]);
    assert_eq!(score(&source), score(&target));
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    let checkout = &bundle["components"][0];
    assert_eq!(
        checkout["workshops"][0]["dora"]["metrics"]["change_fail_rate"],
        17.5
    );
    assert_eq!(checkout["workshops"][0]["dora"]["year"], "2021");
    assert_eq!(checkout["workshops"][0]["evidence"][0]["label"], "CI run");
    let search = &bundle["components"][2];
    assert_eq!(search["target_overrides"][0]["reason"], "two-person team");
}

#[test]
fn a_component_or_group_bundle_holds_only_what_was_asked() {
    let dir = tempfile::tempdir().unwrap();
    let source = populated(dir.path());
    let file = dir.path().join("tribe.mamos.json");
    ok(
        &source,
        &[
            "export",
            "--out",
            file.to_str().unwrap(),
            "--group",
            "Tribe Ωμέγα",
        ],
    );
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let names: Vec<&str> = bundle["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["<b>Checkout</b> Łódź", "Search"]);
    assert_eq!(bundle["banks"].as_array().unwrap().len(), 1);

    ok(
        &source,
        &[
            "export",
            "--out",
            file.to_str().unwrap(),
            "--component",
            "Billing",
        ],
    );
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(bundle["components"].as_array().unwrap().len(), 1);
    assert!(bundle["groups"].as_array().unwrap().is_empty());
}

#[test]
fn a_bad_bundle_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = populated(dir.path());
    let good = dir.path().join("org.mamos.json");
    ok(&source, &["export", "--out", good.to_str().unwrap()]);
    let text = std::fs::read_to_string(&good).unwrap();
    let target = dir.path().join("target.db");
    ok(&target, &["component", "add", "Existing"]);
    let write = |name: &str, body: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        path.to_str().unwrap().to_string()
    };

    let err = bad_input(
        &target,
        &["import", &write("cut.mamos.json", &text[..text.len() / 2])],
    );
    assert!(
        err.contains("cut.mamos.json") && err.contains("line"),
        "{err}"
    );

    let newer = text.replacen(
        &format!("\"format_version\": {}", mamos::exchange::BUNDLE_VERSION),
        &format!(
            "\"format_version\": {}",
            mamos::exchange::BUNDLE_VERSION + 1
        ),
        1,
    );
    let err = bad_input(&target, &["import", &write("newer.mamos.json", &newer)]);
    assert!(err.contains("newer Mamos"), "{err}");

    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["banks"] = serde_json::json!([]);
    value["components"][0]["workshops"][0]["bank_version"] = "0.0.7".into();
    let err = bad_input(
        &target,
        &["import", &write("nobank.mamos.json", &value.to_string())],
    );
    assert!(err.contains("mamos-qe 0.0.7"), "{err}");

    // The last component refers to a practice the bank does not have: the
    // components before it must not be left behind.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let last = value["components"].as_array().unwrap().len() - 1;
    value["components"][last]["workshops"][0]["answers"] =
        serde_json::json!([{"practice_id": "methods.ghost", "answer": null, "note": "x"}]);
    let err = bad_input(
        &target,
        &["import", &write("ghost.mamos.json", &value.to_string())],
    );
    assert!(err.contains("methods.ghost"), "{err}");
    assert_eq!(component_count(&target), 1, "nothing was imported");

    // Importing the same bundle twice adds nothing; a same-named component
    // that is not the same one is refused by name, not merged.
    ok(&target, &["import", good.to_str().unwrap()]);
    let again = ok(&target, &["import", good.to_str().unwrap()]);
    assert!(again.contains("imported 0 components"), "{again}");
    assert_eq!(component_count(&target), 4);
    let other = dir.path().join("other.db");
    ok(&other, &["component", "add", "Billing"]);
    let billing = dir.path().join("billing.mamos.json");
    ok(&other, &["export", "--out", billing.to_str().unwrap()]);
    let err = bad_input(&target, &["import", billing.to_str().unwrap()]);
    assert!(
        err.contains("already exists") && err.contains("as another component"),
        "{err}"
    );
    assert_eq!(component_count(&target), 4);

    // Ids: each one once, and a conflicting version points back at a workshop.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first_id = value["components"][0]["id"].clone();
    value["components"][1]["id"] = first_id;
    let err = bad_input(
        &other,
        &["import", &write("twice.mamos.json", &value.to_string())],
    );
    assert!(
        err.contains("twice.mamos.json")
            && err.contains("$.components[1].id")
            && err.contains("used twice"),
        "{err}"
    );
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["components"][0]["workshops"][0]["conflict_of"] = 0.into();
    let err = bad_input(
        &other,
        &["import", &write("self.mamos.json", &value.to_string())],
    );
    assert!(err.contains("workshops[0].conflict_of 0"), "{err}");
    assert_eq!(component_count(&other), 1, "nothing was imported");
}

#[test]
fn csv_exports_have_one_row_per_vote_answer_and_pillar_score() {
    let dir = tempfile::tempdir().unwrap();
    let source = populated(dir.path());
    let out = dir.path().join("csv");
    ok(&source, &["csv", "--out", out.to_str().unwrap()]);
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();

    let votes = read("votes.csv");
    assert!(votes.starts_with("\u{feff}component,workshop,held_on,participant,practice,pillar,level,not_applicable_reason\r\n"));
    assert_eq!(votes.lines().count(), 1 + 4, "{votes}");
    assert!(
        votes.contains("<b>Checkout</b> Łódź"),
        "names are kept as typed"
    );
    assert!(
        votes.contains(",Chloé,") && votes.contains(",pas d'UI 🚫"),
        "{votes}"
    );

    let scores = read("pillar_scores.csv");
    // Checkout has two workshops, Search and Billing one each: 4 × 5 pillars.
    assert_eq!(scores.lines().count(), 1 + 20, "{scores}");
    for line in scores.lines().skip(1) {
        assert_eq!(line.split(',').count(), 11, "{line}");
    }

    let answers = read("answers.csv");
    assert!(answers.contains(",facilitator,"), "{answers}");
    assert!(answers.contains(",median of votes,"), "{answers}");
    assert!(
        answers.contains("évidence: https://ci.example/run/42"),
        "{answers}"
    );
}
