//! `mamos trend` through the real binary on a database file: a component's
//! trend per workshop, and the organisation's and a group's per date and per
//! quarter (the mean of each component's latest scores as of each point).

use serde_json::{json, Value};

mod common;
use common::Workspace as Db;

fn practices() -> (String, String) {
    let bank = mamos::model::builtin_bank();
    (
        bank.pillars[0].practices[0].id.clone(),
        bank.pillars[1].practices[0].id.clone(),
    )
}

/// Checkout: 2026-01-10 (methods 2 of 4 → 50 %), then 2026-05-20 (methods 3 → 75 %).
/// Search 🔍 (in group "Core <b>"): 2026-02-03 (methods 4 → 100 %, architecture 1 → 25 %).
fn organisation() -> Db {
    let db = Db::new();
    let (methods, architecture) = practices();
    db.ok(&["component", "add", "Checkout", "--blueprint", "ii"]);
    db.ok(&["group", "add", "Core <b>"]);
    db.ok(&[
        "component",
        "add",
        "Search 🔍",
        "--blueprint",
        "iv",
        "--group",
        "Core <b>",
    ]);
    let start = |component: &str, date: &str| -> String {
        db.ok(&[
            "workshop",
            "start",
            component,
            "--date",
            date,
            "--participants",
            "Ana,Ben",
        ])
        .trim()
        .to_string()
    };
    let first = start("Checkout", "2026-01-10");
    db.ok(&["vote", &first, "Ana", &methods, "2"]);
    db.ok(&["vote", &first, "Ben", &methods, "3"]);
    let search = start("Search 🔍", "2026-02-03");
    db.ok(&["vote", &search, "Ana", &methods, "4"]);
    db.ok(&["agree", &search, &architecture, "1"]);
    let second = start("Checkout", "2026-05-20");
    db.ok(&["agree", &second, &methods, "3"]);
    db
}

fn point(period: &str, as_of: &str, counts: (u32, u32), overall: f64, pillars: Value) -> Value {
    json!({
        "period": period,
        "as_of": as_of,
        "components": counts.0,
        "assessed": counts.1,
        "overall": overall,
        "pillars": pillars,
    })
}

#[test]
fn the_organisation_trend_rolls_up_each_components_latest_workshop_by_date() {
    let db = organisation();
    let trend = db.json(&["trend", "--org", "--json"]);
    assert_eq!(trend["by"], "date");
    assert_eq!(trend["group"], Value::Null);
    assert_eq!(
        trend["trend"],
        json!([
            // Checkout alone: lower median of 2 and 3 is 2 → 50 %.
            point(
                "2026-01-10",
                "2026-01-10",
                (1, 1),
                50.0,
                json!([50.0, null, null, null, null])
            ),
            // Checkout 50 (overall 50), Search methods 100, architecture 25 (overall 62.5).
            point(
                "2026-02-03",
                "2026-02-03",
                (2, 2),
                56.25,
                json!([75.0, 25.0, null, null, null])
            ),
            // Checkout's second workshop replaces its first: methods 75.
            point(
                "2026-05-20",
                "2026-05-20",
                (2, 2),
                68.75,
                json!([87.5, 25.0, null, null, null])
            ),
        ])
    );

    let text = db.ok(&["trend", "--org"]);
    assert!(text.starts_with("organisation: "), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("2026-02-03 2026-02-03")
            && l.contains("56.2 %")
            && l.contains("25.0 %")),
        "{text}"
    );
}

#[test]
fn by_quarter_a_point_holds_the_figures_at_the_quarters_last_workshop() {
    let db = organisation();
    let trend = db.json(&["trend", "--org", "--by", "quarter", "--json"]);
    assert_eq!(trend["by"], "quarter");
    assert_eq!(
        trend["trend"],
        json!([
            point(
                "2026-Q1",
                "2026-02-03",
                (2, 2),
                56.25,
                json!([75.0, 25.0, null, null, null])
            ),
            point(
                "2026-Q2",
                "2026-05-20",
                (2, 2),
                68.75,
                json!([87.5, 25.0, null, null, null])
            ),
        ])
    );
}

#[test]
fn a_group_trend_covers_its_members_only() {
    let db = organisation();
    let trend = db.json(&["trend", "--group", "Core <b>", "--json"]);
    assert_eq!(trend["group"], "Core <b>");
    assert_eq!(
        trend["trend"],
        json!([point(
            "2026-02-03",
            "2026-02-03",
            (1, 1),
            62.5,
            json!([100.0, 25.0, null, null, null])
        )])
    );
    let out = db.mamos(&["trend", "--group", "Nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody"));
}

#[test]
fn a_component_trend_has_one_point_per_workshop() {
    let db = organisation();
    let trend = db.json(&["trend", "Checkout", "--json"]);
    assert_eq!(
        trend,
        json!({
            "component": "Checkout",
            "trend": [
                {"date": "2026-01-10", "overall": 50.0, "pillars": [50.0, null, null, null, null]},
                {"date": "2026-05-20", "overall": 75.0, "pillars": [75.0, null, null, null, null]},
            ]
        })
    );
    let text = db.ok(&["trend", "Checkout"]);
    assert!(text.contains("2026-05-20   75.0 %"), "{text}");
    // A component trend is per workshop; quarters are for groups.
    assert_eq!(
        db.mamos(&["trend", "Checkout", "--by", "quarter"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(db.mamos(&["trend"]).status.code(), Some(2));
}
