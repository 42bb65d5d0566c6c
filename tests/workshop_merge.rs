//! Coaches merge each other's work: the real `mamos` binary imports bundles
//! into databases that already hold the same component (matched by its stable
//! id), keeps every workshop of both sides in the order held, keeps both
//! versions of a workshop edited differently and reports it, and settles the
//! conflict when the coach keeps one version.

mod common;

use common::Workspace;
use serde_json::Value;

const TEAM: &str = "Équipe Łódź 🛒 <script>";
const PRACTICE: &str = "methods.trunk-based";

impl Workspace {
    /// Starts a workshop held on `date` and prints its id.
    fn workshop(&self, date: &str, participants: &str) -> String {
        self.ok(&[
            "workshop",
            "start",
            TEAM,
            "--date",
            date,
            "--participants",
            participants,
        ])
        .trim()
        .to_string()
    }

    fn export(&self, name: &str) -> (std::path::PathBuf, String) {
        let file = self.path(name);
        self.ok(&["export", "--out", file.to_str().unwrap()]);
        let text = std::fs::read_to_string(&file).unwrap();
        (file, text)
    }

    fn import(&self, file: &std::path::Path) -> String {
        self.ok(&["import", file.to_str().unwrap()])
    }

    fn workshops(&self) -> Vec<Value> {
        self.json(&["workshop", "list", TEAM, "--json"])
            .as_array()
            .unwrap()
            .clone()
    }

    fn score(&self) -> Value {
        self.json(&["score", TEAM, "--json"])
    }
}

/// Anna's database with the team's first workshop, and the bundle she shares.
fn shared_start() -> (Workspace, std::path::PathBuf) {
    let anna = Workspace::new();
    anna.ok(&["component", "add", TEAM]);
    let first = anna.workshop("2025-01-10", "Ana,Ben");
    anna.ok(&["vote", &first, "Ana", PRACTICE, "2"]);
    anna.ok(&["vote", &first, "Ben", PRACTICE, "2"]);
    let (file, _) = anna.export("first.mamos.json");
    (anna, file)
}

#[test]
fn workshops_two_coaches_held_separately_are_merged_in_the_order_held() {
    let (anna, first) = shared_start();
    let ben = Workspace::new();
    ben.import(&first);

    // Anna re-assesses in April; Ben ran a workshop in March that Anna never saw.
    let april = anna.workshop("2025-04-10", "Ana,Chloé");
    anna.ok(&["vote", &april, "Chloé", PRACTICE, "4"]);
    let march = ben.workshop("2025-03-01", "Ben,Dmitri");
    ben.ok(&["vote", &march, "Dmitri", PRACTICE, "3"]);
    ben.ok(&[
        "vote",
        &march,
        "Dmitri",
        "methods.deploy-daily",
        "na",
        "--reason",
        "Ещё нет",
    ]);
    let (from_anna, _) = anna.export("anna.mamos.json");
    let (from_ben, _) = ben.export("ben.mamos.json");

    let score_before = anna.score();
    let report = anna.import(&from_ben);
    assert!(
        report.contains("imported 0 components, 1 workshops") && !report.contains("conflict"),
        "{report}"
    );
    let held: Vec<&str> = anna
        .workshops()
        .iter()
        .map(|w| w["held_on"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .iter()
        .map(|d| match d.as_str() {
            "2025-01-10" => "January",
            "2025-03-01" => "March",
            "2025-04-10" => "April",
            _ => "other",
        })
        .collect();
    assert_eq!(held, ["January", "March", "April"]);
    // April stays the current workshop although March arrived later.
    assert_eq!(anna.score(), score_before);
    let compare = anna.json(&["compare", TEAM, "--json"]);
    assert_eq!(compare["to"].to_string(), april);
    assert_ne!(compare["from"].to_string(), april);

    ben.import(&from_anna);
    // Both laptops now hold the same work: their exports are the same bytes.
    let (_, anna_all) = anna.export("anna-all.mamos.json");
    let (_, ben_all) = ben.export("ben-all.mamos.json");
    assert_eq!(anna_all, ben_all);
    assert!(anna_all.contains("Ещё нет"));

    // Importing again adds nothing.
    let again = anna.import(&from_ben);
    assert!(
        again.contains("imported 0 components, 0 workshops"),
        "{again}"
    );
    assert_eq!(anna.workshops().len(), 3);
}

#[test]
fn the_same_workshop_edited_differently_is_kept_twice_reported_and_settled() {
    let (anna, first) = shared_start();
    let ben = Workspace::new();
    ben.import(&first);
    let workshop = anna.workshops()[0]["id"].to_string();
    let bens_workshop = ben.workshops()[0]["id"].to_string();

    // Both go on with the same workshop, differently.
    anna.ok(&["vote", &workshop, "Ana", PRACTICE, "3"]);
    ben.ok(&["vote", &bens_workshop, "Ana", PRACTICE, "0"]);
    ben.ok(&["vote", &bens_workshop, "Ben", PRACTICE, "0"]);
    ben.ok(&[
        "evidence",
        "add",
        &bens_workshop,
        PRACTICE,
        "https://ci.example/runs?a=1&b=<2>",
        "--label",
        "Builds",
    ]);
    let (from_ben, _) = ben.export("ben.mamos.json");

    let score_before = anna.score();
    let report = anna.import(&from_ben);
    assert!(report.contains("0 components, 1 workshops"), "{report}");
    let conflict = report
        .lines()
        .find(|l| l.starts_with("conflict: "))
        .unwrap_or_else(|| panic!("the conflict is reported: {report}"));
    assert!(
        conflict.contains(TEAM)
            && conflict.contains("2025-01-10")
            && conflict.contains("2 votes")
            && conflict.contains("1 evidence link;")
            && conflict.contains("mamos workshop resolve"),
        "{conflict}"
    );
    // Anna's workshop is untouched and stays the current one; Ben's version sits beside it.
    assert_eq!(anna.score(), score_before);
    let listed = anna.workshops();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[1]["conflict_of"].to_string(), workshop);
    let copy = listed[1]["id"].to_string();
    assert!(anna
        .ok(&["workshop", "list", TEAM])
        .contains(&format!("conflicting version of workshop {workshop}")));
    // The coach compares the two versions: by default, the copy against its workshop.
    let compare = anna.json(&["compare", TEAM, "--to", &copy, "--json"]);
    assert_eq!(compare["from"].to_string(), workshop);

    // The same bundle again: that version is already here.
    let again = anna.import(&from_ben);
    assert!(
        again.contains("0 workshops") && !again.contains("conflict"),
        "{again}"
    );
    // A round trip keeps the unsettled conflict.
    let (with_conflict, text) = anna.export("conflict.mamos.json");
    let carol = Workspace::new();
    let report = carol.import(&with_conflict);
    assert!(
        report.contains("was already a conflicting version in the bundle"),
        "{report}"
    );
    assert_eq!(carol.export("carol.mamos.json").1, text);

    // Anna keeps Ben's version: it becomes the workshop, under its id.
    let err = anna.bad_input(&["workshop", "resolve", TEAM, "--keep", "999"]);
    assert!(err.contains("no workshop 999"), "{err}");
    anna.ok(&["workshop", "resolve", TEAM, "--keep", &copy]);
    let listed = anna.workshops();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"].to_string(), workshop);
    let evidence = anna.ok(&["evidence", "list", &workshop]);
    assert!(evidence.contains("Builds"), "{evidence}");
    assert_eq!(anna.score(), ben.score());
    let err = anna.bad_input(&["workshop", "resolve", TEAM, "--keep", &workshop]);
    assert!(err.contains("no conflicting version"), "{err}");
    // Settled the same way on both sides, the laptops agree again.
    assert_eq!(
        anna.export("anna-settled.mamos.json").1,
        ben.export("ben-settled.mamos.json").1
    );
}

#[test]
fn a_target_or_blueprint_set_differently_keeps_this_side_and_says_so() {
    let (anna, first) = shared_start();
    let ben = Workspace::new();
    ben.import(&first);
    anna.ok(&[
        "target",
        "set",
        TEAM,
        "--pillar",
        "methods",
        "3",
        "--reason",
        "Anna: regulated",
    ]);
    ben.ok(&[
        "target",
        "set",
        TEAM,
        "--pillar",
        "methods",
        "1",
        "--reason",
        "Ben: legacy",
    ]);
    ben.ok(&[
        "target",
        "set",
        TEAM,
        "--practice",
        PRACTICE,
        "4",
        "--reason",
        "Ben: trunk first",
    ]);
    let (from_ben, _) = ben.export("ben.mamos.json");
    let report = anna.import(&from_ben);
    let conflict = report
        .lines()
        .find(|l| l.starts_with("conflict: "))
        .unwrap_or_else(|| panic!("the conflict is reported: {report}"));
    assert!(
        conflict.contains("methods")
            && conflict.contains("Ben: legacy")
            && conflict.contains("kept 3"),
        "{conflict}"
    );
    let targets = anna.ok(&["target", "list", TEAM]);
    assert!(
        targets.contains("Anna: regulated") && targets.contains("Ben: trunk first"),
        "{targets}"
    );
    assert!(!targets.contains("Ben: legacy"), "{targets}");

    // No command changes a blueprint: a bundle that says otherwise was edited by hand.
    let mut edited: Value =
        serde_json::from_str(&std::fs::read_to_string(&from_ben).unwrap()).unwrap();
    edited["components"][0]["blueprint"] = "IV".into();
    let file = ben.path("edited.mamos.json");
    std::fs::write(&file, edited.to_string()).unwrap();
    let report = anna.import(&file);
    assert!(
        report.contains("blueprint II here, IV in the bundle; kept II"),
        "{report}"
    );
    assert_eq!(anna.score()["blueprint"], "II");
}

#[test]
fn a_database_and_a_bundle_from_before_ids_agree_on_them() {
    // Anna's database was made by a Mamos without ids (schema 6); Ben got her
    // work as a version 2 bundle. After the upgrade they still merge.
    let anna = Workspace::new();
    {
        let conn = anna.create_at_schema(6);
        let bank: Value = serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap();
        let (id, version) = (
            bank["id"].as_str().unwrap(),
            bank["version"].as_str().unwrap(),
        );
        conn.execute_batch(&format!(
            "INSERT INTO bank VALUES ('{id}', '{version}', '{}', '2025-01-01T09:00:00Z');
             INSERT INTO component (id, name, blueprint, created_at)
                 VALUES (1, 'Legacy Ödön', 'II', '2025-01-01T09:00:00Z');
             INSERT INTO assessment (id, component_id, bank_id, bank_version, started_at, held_on)
                 VALUES (1, 1, '{id}', '{version}', '2025-01-01T09:00:00Z', '2025-01-01'),
                        (2, 1, '{id}', '{version}', '2025-01-01T09:00:00Z', '2025-04-01');
             INSERT INTO answer (assessment_id, practice_id, level, updated_at)
                 VALUES (1, '{PRACTICE}', 1, '2025-01-01T09:00:00Z'),
                        (2, '{PRACTICE}', 3, '2025-04-01T09:00:00Z');",
            mamos::model::BUILTIN_BANK_JSON.replace('\'', "''")
        ))
        .unwrap();
    }
    let (bundle, text) = anna.export("anna.mamos.json");
    let mut old: Value = serde_json::from_str(&text).unwrap();
    old["format_version"] = 2.into();
    for component in old["components"].as_array_mut().unwrap() {
        component.as_object_mut().unwrap().remove("id");
        for workshop in component["workshops"].as_array_mut().unwrap() {
            workshop.as_object_mut().unwrap().remove("id");
        }
    }
    let old_file = anna.path("old.mamos.json");
    std::fs::write(&old_file, old.to_string()).unwrap();
    let ben = Workspace::new();
    ben.import(&old_file);

    // Both sides derived the same ids: Anna's new bundle adds nothing to Ben's.
    let report = ben.import(&bundle);
    assert!(
        report.contains("imported 0 components, 0 workshops") && !report.contains("conflict"),
        "{report}"
    );
    assert_eq!(ben.export("ben.mamos.json").1, text);
    let exported: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        exported["components"][0]["id"],
        mamos::exchange::legacy_component_id("2025-01-01T09:00:00Z", "Legacy Ödön")
    );
}
