//! Workshops with several voters, through the real `mamos` binary: votes,
//! the agreed answer (facilitator's decision, else the lower median),
//! disagreements, and groups.

mod common;

use common::Workspace;

fn first_practices(n: usize) -> Vec<String> {
    let bank = mamos::model::builtin_bank();
    bank.pillars[0].practices[..n]
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

/// A component with a four-person workshop; returns the workshop id.
fn workshop(db: &Workspace) -> String {
    db.ok(&["component", "add", "Checkout"]);
    let id = db.ok(&[
        "workshop",
        "start",
        "Checkout",
        "--date",
        "2026-11-28",
        "--participants",
        "Ana, Ben,Chloé ,Dé",
        "--facilitator",
        "Coach",
    ]);
    id.trim().to_string()
}

#[test]
fn the_agreed_answer_is_the_lower_median_until_the_facilitator_decides() {
    let db = Workspace::new();
    let w = workshop(&db);
    let p = first_practices(1).remove(0);
    for (who, level) in [("Ana", "1"), ("Ben", "3"), ("Chloé", "2"), ("Dé", "4")] {
        db.ok(&["vote", &w, who, &p, level]);
    }
    // votes 1, 2, 3, 4: the lower median is 2
    let score = db.json(&["score", "Checkout", "--json"]);
    let methods = &score["pillars"][0];
    assert_eq!(methods["answered"], 1);
    let bank = mamos::model::builtin_bank();
    let weight = bank.pillars[0].practices[0].weight;
    assert_eq!(
        methods["score"].as_f64(),
        Some(100.0 * weight * 0.5 / weight)
    );

    // the facilitator decides 3
    db.ok(&["agree", &w, &p, "3"]);
    let score = db.json(&["score", "Checkout", "--json"]);
    assert_eq!(score["pillars"][0]["score"].as_f64(), Some(75.0));
    let list = db.json(&["component", "list", "--json"]);
    assert_eq!(list[0]["answered"], 1);
}

#[test]
fn spread_votes_and_na_mixes_are_flagged_until_resolved() {
    let db = Workspace::new();
    let w = workshop(&db);
    let ids = first_practices(3);
    // spread 1..3: a disagreement
    db.ok(&["vote", &w, "Ana", &ids[0], "1"]);
    db.ok(&["vote", &w, "Ben", &ids[0], "3"]);
    // N/A mixed with a level: a disagreement
    db.ok(&["vote", &w, "Ana", &ids[1], "na", "--reason", "no UI here"]);
    db.ok(&["vote", &w, "Ben", &ids[1], "2"]);
    // 2 and 3: close enough
    db.ok(&["vote", &w, "Ana", &ids[2], "2"]);
    db.ok(&["vote", &w, "Ben", &ids[2], "3"]);
    let flagged = db.json(&["disagreements", &w, "--json"]);
    let flagged = flagged.as_array().unwrap();
    assert_eq!(flagged.len(), 2);
    assert_eq!(flagged[0]["practice_id"], ids[0].as_str());
    assert_eq!(flagged[0]["disagreement"]["kind"], "spread");
    assert_eq!(flagged[1]["disagreement"]["kind"], "mixed_not_applicable");
    assert_eq!(flagged[0]["resolved"], false);

    db.ok(&["agree", &w, &ids[0], "2"]);
    let flagged = db.json(&["disagreements", &w, "--json"]);
    assert_eq!(flagged[0]["resolved"], true);
    let text = db.ok(&["disagreements", &w]);
    assert!(
        text.contains("to discuss") && text.contains("resolved"),
        "{text}"
    );

    let revealed = db.ok(&["reveal", &w, &ids[1]]);
    assert_eq!(revealed, "Ana: N/A (no UI here)\nBen: 2\n");
}

#[test]
fn a_revote_replaces_the_vote_and_clear_withdraws_it() {
    let db = Workspace::new();
    let w = workshop(&db);
    let p = first_practices(1).remove(0);
    db.ok(&["vote", &w, "ana", &p, "0"]); // names match without case
    db.ok(&["vote", &w, "Ana", &p, "4"]);
    assert_eq!(db.ok(&["reveal", &w, &p]), "Ana: 4\n");
    db.ok(&["vote", &w, "Ana", &p, "clear"]);
    assert_eq!(db.ok(&["reveal", &w, &p]), "");
}

#[test]
fn bad_votes_name_the_problem_and_change_nothing() {
    let db = Workspace::new();
    let w = workshop(&db);
    let p = first_practices(1).remove(0);
    let err = db.bad_input(&["vote", &w, "Zoé", &p, "2"]);
    assert!(
        err.contains("\"Zoé\"") && err.contains("Ana, Ben, Chloé, Dé"),
        "{err}"
    );
    assert!(db
        .bad_input(&["vote", "999", "Ana", &p, "2"])
        .contains("999"));
    assert!(db
        .bad_input(&["vote", &w, "Ana", "methods.nope", "2"])
        .contains("methods.nope"));
    assert!(db
        .bad_input(&["vote", &w, "Ana", &p, "7"])
        .contains("0 to 4"));
    assert!(db
        .bad_input(&["vote", &w, "Ana", &p, "na"])
        .contains("reason"));
    assert!(db
        .bad_input(&["agree", &w, &p, "na", "--reason", " "])
        .contains("reason"));
    let score = db.json(&["score", "Checkout", "--json"]);
    assert_eq!(score["pillars"][0]["answered"], 0);
    let err = db.bad_input(&["workshop", "start", "Checkout", "--participants", "Ana,ana"]);
    assert!(err.contains("twice"), "{err}");
    assert!(db
        .bad_input(&["workshop", "start", "Checkout", "--participants", " , "])
        .contains("at least one participant"));
    assert_eq!(
        db.json(&["workshop", "list", "Checkout", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_reassessment_starts_empty_and_keeps_the_previous_workshop() {
    let db = Workspace::new();
    let first = workshop(&db);
    let p = first_practices(1).remove(0);
    db.ok(&["vote", &first, "Ana", &p, "1"]);
    let second = db
        .ok(&[
            "workshop",
            "start",
            "Checkout",
            "--date",
            "2027-02-26",
            "--participants",
            "Ana",
        ])
        .trim()
        .to_string();
    assert_ne!(first, second);
    // the score is the latest workshop's, still empty
    let score = db.json(&["score", "Checkout", "--json"]);
    assert_eq!(score["pillars"][0]["answered"], 0);
    let workshops = db.json(&["workshop", "list", "Checkout", "--json"]);
    assert_eq!(workshops.as_array().unwrap().len(), 2);
    assert_eq!(workshops[0]["held_on"], "2026-11-28");
    assert_eq!(workshops[1]["held_on"], "2027-02-26");
    assert_eq!(workshops[1]["participants"], serde_json::json!(["Ana"]));
    assert_eq!(workshops[0]["facilitator"], "Coach");
    // the first workshop's vote is still stored
    assert_eq!(db.ok(&["reveal", &first, &p]), "Ana: 1\n");
}

#[test]
fn components_belong_to_existing_groups() {
    let db = Workspace::new();
    db.ok(&["group", "add", "Tribe Ωμέγα"]);
    db.ok(&["group", "add", "Payments domain"]);
    assert!(db
        .bad_input(&["group", "add", "payments DOMAIN"])
        .contains("already exists"));
    db.ok(&[
        "component",
        "add",
        "Checkout",
        "--group",
        "Tribe Ωμέγα",
        "--group",
        "Payments domain",
    ]);
    db.ok(&["component", "add", "Search", "--group", "Tribe Ωμέγα"]);
    let err = db.bad_input(&["component", "add", "Ghost", "--group", "Nowhere"]);
    assert!(err.contains("\"Nowhere\""), "{err}");
    let groups = db.json(&["group", "list", "--json"]);
    assert_eq!(groups[0]["name"], "Payments domain");
    assert_eq!(groups[0]["components"], serde_json::json!(["Checkout"]));
    assert_eq!(
        groups[1]["components"],
        serde_json::json!(["Checkout", "Search"])
    );
    let components = db.json(&["component", "list", "--json"]);
    assert_eq!(
        components.as_array().unwrap().len(),
        2,
        "Ghost was not created"
    );
}

#[test]
fn compare_shows_levels_gained_and_lost_between_two_workshops() {
    let db = Workspace::new();
    let first = workshop(&db);
    let ids = first_practices(2);
    db.ok(&["agree", &first, &ids[0], "1"]);
    db.ok(&["agree", &first, &ids[1], "3"]);
    assert!(db
        .bad_input(&["compare", "Checkout"])
        .contains("only one workshop"));
    let second = db
        .ok(&[
            "workshop",
            "start",
            "Checkout",
            "--date",
            "2027-02-26",
            "--participants",
            "Ana",
        ])
        .trim()
        .to_string();
    db.ok(&["agree", &second, &ids[0], "3"]);
    db.ok(&["agree", &second, &ids[1], "2"]);
    let result = db.json(&["compare", "Checkout", "--json"]);
    assert_eq!(result["from"].to_string(), first);
    assert_eq!(result["to"].to_string(), second);
    let c = &result["comparison"];
    assert_eq!(c["gained"], serde_json::json!([ids[0]]));
    assert_eq!(c["lost"], serde_json::json!([ids[1]]));
    let delta = c["practices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["practice_id"] == ids[0].as_str())
        .unwrap();
    assert_eq!(delta["delta"], 2);
    let text = db.ok(&["compare", "Checkout"]);
    assert!(
        text.contains(&format!("levels gained: {}", ids[0])),
        "{text}"
    );
    assert!(db
        .bad_input(&["compare", "Checkout", "--from", "999"])
        .contains("999"));
}

#[test]
fn org_rolls_up_latest_scores_and_counts_unassessed_components() {
    let db = Workspace::new();
    db.ok(&["group", "add", "Tribe"]);
    db.ok(&["component", "add", "A", "--group", "Tribe"]);
    db.ok(&["component", "add", "B"]);
    db.ok(&["component", "add", "C", "--group", "Tribe"]);
    let bank = mamos::model::builtin_bank();
    for practice in &bank.pillars[0].practices {
        db.ok(&["answer", "A", &practice.id, "4"]);
        db.ok(&["answer", "B", &practice.id, "2"]);
    }
    let org = db.json(&["org", "--json"]);
    let r = &org["rollup"];
    assert_eq!(r["components"], 3);
    assert_eq!(r["assessed"], 2);
    let methods = &r["pillars"][0];
    assert_eq!(methods["mean"].as_f64(), Some(75.0));
    assert_eq!(methods["min"].as_f64(), Some(50.0));
    assert_eq!(methods["max"].as_f64(), Some(100.0));
    assert_eq!(methods["assessed"], 2);
    assert!(
        r["pillars"][1]["mean"].is_null(),
        "architecture was never answered"
    );

    let tribe = db.json(&["org", "--group", "Tribe", "--json"]);
    assert_eq!(tribe["rollup"]["components"], 2);
    assert_eq!(tribe["rollup"]["assessed"], 1);
    assert_eq!(tribe["rollup"]["pillars"][0]["mean"].as_f64(), Some(100.0));
    assert!(db
        .bad_input(&["org", "--group", "Nope"])
        .contains("\"Nope\""));
    assert!(db.ok(&["org"]).contains("3 components, 2 assessed"));
}

#[test]
fn dora_metrics_are_classified_with_the_report_year_shown() {
    let db = Workspace::new();
    let w = workshop(&db);
    let outcome = db.json(&[
        "dora",
        &w,
        "--lead-time",
        "less_than_one_day",
        "--deploy-frequency",
        "on_demand",
        "--recovery",
        "less_than_one_hour",
        "--change-fail",
        "3",
        "--rework",
        "2",
        "--json",
    ]);
    assert_eq!(outcome["year"], "2024");
    assert_eq!(outcome["classification"]["overall"], "elite");
    // Entered metrics are stored: a later call changes one and keeps the others.
    let outcome = db.json(&[
        "dora",
        &w,
        "--deploy-frequency",
        "monthly_to_six_monthly",
        "--json",
    ]);
    assert_eq!(outcome["metrics"]["lead_time"], "less_than_one_day");
    assert_eq!(outcome["classification"]["overall"], "low");
    let text = db.ok(&["dora", &w, "--year", "2019"]);
    assert!(text.contains("clusters of the 2019 report"), "{text}");
    // Practice scores are untouched by outcome metrics.
    let score = db.json(&["score", "Checkout", "--json"]);
    assert!(score["overall"]["score"].is_null());
    assert!(db
        .bad_input(&["dora", &w, "--rework", "101"])
        .contains("0 to 100"));
    assert!(db
        .bad_input(&["dora", &w, "--recovery", "fast"])
        .contains("less_than_one_hour"));
    assert!(db
        .bad_input(&["dora", &w, "--year", "2022"])
        .contains("2022"));
    let kept = db.json(&["dora", &w, "--json"]);
    assert_eq!(kept["year"], "2019", "the last valid year is kept");
    assert_eq!(kept["metrics"]["rework_rate"], 2.0);
}

#[test]
fn a_target_override_changes_the_distance_to_target_and_needs_a_reason() {
    let db = Workspace::new();
    db.ok(&["component", "add", "Startup", "--blueprint", "I"]);
    let bank = mamos::model::builtin_bank();
    let methods = &bank.pillars[0].practices;
    for p in methods {
        db.ok(&["answer", "Startup", &p.id, "2"]);
    }
    let before = db.json(&["score", "Startup", "--json"])["pillars"][0].clone();
    db.ok(&[
        "target",
        "set",
        "Startup",
        "--pillar",
        "methods",
        "4",
        "--reason",
        "regulated payments",
    ]);
    let pillar = db.json(&["score", "Startup", "--json"])["pillars"][0].clone();
    assert_eq!(
        pillar["score"], before["score"],
        "the score itself does not move"
    );
    assert_eq!(
        pillar["percent_to_target"].as_f64(),
        Some(50.0),
        "every practice at 2 of 4"
    );
    assert_eq!(pillar["target_score"].as_f64(), Some(100.0));

    // A practice override wins over the pillar's.
    db.ok(&[
        "target",
        "set",
        "Startup",
        "--practice",
        &methods[0].id,
        "2",
        "--reason",
        "not needed yet",
    ]);
    let list = db.json(&["target", "list", "Startup", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["pillar"], true);
    let pillar = db.json(&["score", "Startup", "--json"])["pillars"][0].clone();
    assert!(pillar["percent_to_target"].as_f64().unwrap() > 50.0);

    assert!(db
        .bad_input(&["target", "set", "Startup", "--pillar", "methods", "3", "--reason", " "])
        .contains("reason"));
    assert!(db
        .bad_input(&["target", "set", "Startup", "--pillar", "security", "3", "--reason", "x"])
        .contains("security"));
    assert!(db
        .bad_input(&[
            "target",
            "set",
            "Startup",
            "--practice",
            "methods.nope",
            "3",
            "--reason",
            "x"
        ])
        .contains("methods.nope"));
    assert!(db
        .bad_input(&["target", "set", "Startup", "--pillar", "methods", "5", "--reason", "x"])
        .contains("0 to 4"));

    db.ok(&["target", "clear", "Startup", "--pillar", "methods"]);
    db.ok(&["target", "clear", "Startup", "--practice", &methods[0].id]);
    let after = db.json(&["score", "Startup", "--json"])["pillars"][0].clone();
    assert_eq!(after, before);
}

#[test]
fn evidence_links_are_kept_per_practice_and_checked() {
    let db = Workspace::new();
    let w = workshop(&db);
    let p = first_practices(1).remove(0);
    let id = db.ok(&[
        "evidence",
        "add",
        &w,
        &p,
        "https://ci.example/pipelines?branch=main",
        "--label",
        "Pipeline runs",
    ]);
    db.ok(&["evidence", "add", &w, &p, "/srv/reports/Équipe Ωμέγα.pdf"]);
    let list = db.json(&["evidence", "list", &w, "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["label"], "Pipeline runs");
    assert_eq!(list[1]["location"], "/srv/reports/Équipe Ωμέγα.pdf");
    db.ok(&["evidence", "remove", id.trim()]);
    assert_eq!(
        db.json(&["evidence", "list", &w, "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(db
        .bad_input(&["evidence", "add", &w, &p, "  "])
        .contains("URL or a file path"));
    assert!(db
        .bad_input(&["evidence", "add", &w, &p, "a\nb"])
        .contains("one line"));
    assert!(db
        .bad_input(&["evidence", "add", &w, "methods.nope", "x"])
        .contains("methods.nope"));
    assert!(db.bad_input(&["evidence", "remove", "999"]).contains("999"));
}

#[test]
fn when_every_voter_says_na_the_practice_is_na_with_the_first_reason() {
    let db = Workspace::new();
    let w = workshop(&db);
    let p = first_practices(1).remove(0);
    db.ok(&["vote", &w, "Ben", &p, "na", "--reason", "no UI"]);
    db.ok(&["vote", &w, "Ana", &p, "na", "--reason", "back-end only"]);
    let score = db.json(&["score", "Checkout", "--json"]);
    assert_eq!(score["pillars"][0]["not_applicable"], 1);
    assert!(score["pillars"][0]["score"].is_null());
    // The reason kept is the first participant's in the listed order (Ana), not the first cast.
    let csv_dir = db.path("csv");
    db.ok(&["csv", "--out", csv_dir.to_str().unwrap()]);
    let answers = std::fs::read_to_string(csv_dir.join("answers.csv")).unwrap();
    assert!(
        answers.contains(",back-end only,median of votes,"),
        "{answers}"
    );
}
