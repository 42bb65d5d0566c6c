//! `mamos workshop pace` on a real database file: the timebox, the planned
//! length and automatic reveal stored and printed, bad values refused with
//! exit 2 naming the flag and nothing changed; `workshop focus` starts the
//! practice's timebox and, the first time, the session's clock.

mod common;

use common::Workspace;
use serde_json::{json, Value};

fn workshop(db: &Workspace) -> String {
    db.ok(&["component", "add", "Payments"]);
    db.ok(&["workshop", "start", "Payments", "--participants", "Ana,Ben"])
        .trim()
        .to_string()
}

fn pace(db: &Workspace, w: &str) -> Value {
    db.json(&["workshop", "pace", w, "--json"])
}

#[test]
fn the_pace_is_stored_changed_flag_by_flag_and_printed() {
    let db = Workspace::new();
    let w = workshop(&db);
    assert_eq!(
        pace(&db, &w),
        json!({"timebox_seconds": null, "length_minutes": null, "auto_reveal": false})
    );
    let set = db.json(&[
        "workshop",
        "pace",
        &w,
        "--timebox",
        "1m30s",
        "--length",
        "2h",
        "--auto-reveal",
        "on",
        "--json",
    ]);
    let expected = json!({"timebox_seconds": 90, "length_minutes": 120, "auto_reveal": true});
    assert_eq!(set, expected);
    assert_eq!(pace(&db, &w), expected);
    assert_eq!(
        db.ok(&["workshop", "pace", &w]).trim(),
        "timebox 1m30s per practice; planned length 2h; automatic reveal on"
    );

    // One flag changes only its own value.
    db.ok(&["workshop", "pace", &w, "--timebox", "2m"]);
    assert_eq!(
        pace(&db, &w),
        json!({"timebox_seconds": 120, "length_minutes": 120, "auto_reveal": true})
    );
    db.ok(&[
        "workshop",
        "pace",
        &w,
        "--timebox",
        "off",
        "--length",
        "off",
    ]);
    assert_eq!(
        pace(&db, &w),
        json!({"timebox_seconds": null, "length_minutes": null, "auto_reveal": true})
    );
    // The bounds themselves are allowed.
    db.ok(&["workshop", "pace", &w, "--timebox", "10s", "--length", "8h"]);
    db.ok(&["workshop", "pace", &w, "--timebox", "60m", "--length", "5m"]);
}

#[test]
fn bad_values_exit_2_naming_the_flag_and_change_nothing() {
    let db = Workspace::new();
    let w = workshop(&db);
    db.ok(&["workshop", "pace", &w, "--timebox", "2m", "--length", "90m"]);
    let before = pace(&db, &w);
    let cases: &[(&[&str], &str)] = &[
        (&["--timebox", "9s"], "--timebox: "),
        (&["--timebox", "61m"], "--timebox: "),
        (&["--timebox", "90"], "--timebox: "),
        (&["--timebox", "two minutes"], "--timebox: "),
        (&["--length", "4m"], "--length: "),
        (&["--length", "8h1m"], "--length: "),
        (&["--length", "90m30s"], "--length: "),
        (&["--auto-reveal", "yes"], "--auto-reveal: "),
        // A bad flag among good ones: nothing is written.
        (&["--auto-reveal", "on", "--timebox", "5s"], "--timebox: "),
    ];
    for (flags, named) in cases {
        let mut args = vec!["workshop", "pace", w.as_str()];
        args.extend_from_slice(flags);
        let stderr = db.bad_input(&args);
        assert!(stderr.contains(named), "{flags:?}: {stderr}");
        assert_eq!(pace(&db, &w), before, "{flags:?} changed nothing");
    }
    let stderr = db.bad_input(&["workshop", "pace", "999", "--timebox", "2m"]);
    assert!(stderr.contains("999"), "{stderr}");
}

#[test]
fn a_focus_starts_the_timebox_and_the_first_focus_starts_the_session() {
    let db = Workspace::new();
    let w = workshop(&db);
    let bank = mamos::model::builtin_bank();
    let ids: Vec<&str> = bank
        .practices()
        .map(|(_, p)| p.id.as_str())
        .take(2)
        .collect();
    let clocks = || -> (Option<i64>, Option<i64>) {
        let conn = rusqlite::Connection::open(db.db()).unwrap();
        conn.query_row(
            "SELECT focus_since, live_started_at FROM assessment WHERE id = ?1",
            [w.parse::<i64>().unwrap()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap()
    };
    // Back-dates both clocks, as if the practice had been on screen for a while.
    let back_date = || {
        let conn = rusqlite::Connection::open(db.db()).unwrap();
        conn.execute(
            "UPDATE assessment SET focus_since = 1000, live_started_at = 500",
            [],
        )
        .unwrap();
    };
    assert_eq!(clocks(), (None, None));
    db.ok(&["workshop", "focus", &w, ids[0]]);
    let (since, started) = clocks();
    assert!(
        since.is_some_and(|since| since > 1_700_000_000),
        "{since:?}"
    );
    assert_eq!(since, started);

    back_date();
    // The same practice again keeps its timebox running.
    db.ok(&["workshop", "focus", &w, ids[0]]);
    assert_eq!(clocks(), (Some(1000), Some(500)));
    // Another practice starts its own; the session keeps its start.
    db.ok(&["workshop", "focus", &w, ids[1]]);
    let (since, started) = clocks();
    assert!(
        since.is_some_and(|since| since > 1_700_000_000),
        "{since:?}"
    );
    assert_eq!(started, Some(500));
}

#[test]
fn a_database_of_schema_8_gets_the_pace_columns() {
    let db = Workspace::new();
    drop(db.create_at_schema(8));
    let w = workshop(&db);
    assert_eq!(
        pace(&db, &w),
        json!({"timebox_seconds": null, "length_minutes": null, "auto_reveal": false})
    );
}
