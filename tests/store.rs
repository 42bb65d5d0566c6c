//! The SQLite store on real files: schema, pragmas, persistence, refusal of
//! databases from a newer Mamos.

use mamos::model::Blueprint;
use mamos::scoring::Answer;
use mamos::store::{migrations, Store};
use mamos::Error;

#[test]
fn a_new_database_is_migrated_in_wal_mode_with_the_builtin_bank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b").join("mamos.db");
    let store = Store::open(&path).unwrap();
    assert!(path.exists(), "folders and file are created");
    let banks = store.banks().unwrap();
    assert_eq!(banks.len(), 1);
    assert_eq!(banks[0].id, "mamos-qe");
    drop(store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(
        migrations::schema_version(&conn).unwrap(),
        migrations::MIGRATIONS.len() as i64
    );
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn answers_are_on_disk_as_soon_as_they_are_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mamos.db");
    let mut store = Store::open(&path).unwrap();
    let component = store
        .add_component("Checkout", Blueprint::IV, None)
        .unwrap();
    let practice = store.assessment(component.id).unwrap().bank.pillars[0].practices[0]
        .id
        .clone();
    store
        .set_answer(component.id, &practice, Some(Answer::Level { level: 3 }))
        .unwrap();
    store
        .set_note(component.id, &practice, "  trunk-based since May  ")
        .unwrap();

    // A second connection, as after a crash, sees the committed answer while the first is still open.
    let other = Store::open(&path).unwrap();
    let view = other.assessment(component.id).unwrap();
    assert_eq!(view.answers.len(), 1);
    assert_eq!(view.answers[0].answer, Some(Answer::Level { level: 3 }));
    assert_eq!(view.answers[0].note, "trunk-based since May");
    assert_eq!(view.component.blueprint, Blueprint::IV);
    assert!(view.scores.pillars[0].score.is_some());
}

#[test]
fn foreign_keys_are_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mamos.db");
    let mut store = Store::open(&path).unwrap();
    store
        .add_component("Checkout", Blueprint::II, None)
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let orphan = conn.execute(
        "INSERT INTO answer (assessment_id, practice_id, level, updated_at) VALUES (999, 'x', 1, 'now')",
        [],
    );
    assert!(orphan.is_err(), "an answer needs an assessment");
}

#[test]
fn a_database_from_a_newer_mamos_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    match Store::open(&path) {
        Err(Error::DatabaseTooNew { found, .. }) => assert_eq!(found, 99),
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(migrations::schema_version(&conn).unwrap(), 99);
}

#[test]
fn unknown_ids_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("mamos.db")).unwrap();
    assert!(matches!(
        store.assessment(42),
        Err(Error::UnknownComponentId(42))
    ));
    assert!(matches!(
        store.set_answer(42, "methods.x", None),
        Err(Error::UnknownComponentId(42))
    ));
    let c = store.add_component("A", Blueprint::I, None).unwrap();
    assert!(matches!(
        store.set_note(c.id, "nope", "x"),
        Err(Error::UnknownPractice { .. })
    ));
    let huge = "x".repeat(mamos::assessment::MAX_NOTE_CHARS + 1);
    let practice = store.assessment(c.id).unwrap().bank.pillars[0].practices[0]
        .id
        .clone();
    assert!(matches!(
        store.set_note(c.id, &practice, &huge),
        Err(Error::InvalidInput { .. })
    ));
}

#[test]
fn a_schema_1_database_with_answers_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A database as the walking skeleton (schema 1) left it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(migrations::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let fixture = std::fs::read_to_string("tests/fixtures/mamos-0.1.0.json").unwrap();
        let bank = mamos::model::parse_bank("fixture", &fixture).unwrap();
        conn.execute(
            "INSERT INTO bank VALUES ('mamos-qe', '0.1.0', ?1, '2026-01-05T10:00:00Z')",
            [serde_json::to_string(&bank).unwrap()],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO component VALUES (1, 'Legacy', 'III', '2026-01-05T10:00:00Z');
             INSERT INTO assessment VALUES (1, 1, 'mamos-qe', '0.1.0', '2026-01-05T10:00:00Z');
             INSERT INTO answer VALUES (1, 'methods.deploy-daily', 3, NULL, 'daily since May', '2026-01-05T10:01:00Z');
             INSERT INTO answer VALUES (1, 'skills.soft-skills', NULL, 'no other department', '', '2026-01-05T10:02:00Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();

    // The copy taken before migrating is the schema 1 database, data included.
    let backup = rusqlite::Connection::open(migrations::backup_path(&path, 1)).unwrap();
    assert_eq!(migrations::schema_version(&backup).unwrap(), 1);
    let saved: i64 = backup
        .query_row("SELECT count(*) FROM answer", [], |r| r.get(0))
        .unwrap();
    assert_eq!(saved, 2);

    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(
        migrations::schema_version(&conn).unwrap(),
        migrations::MIGRATIONS.len() as i64
    );
    let view = store.assessment(1).unwrap();
    assert_eq!(
        view.component.bank_version, "0.1.0",
        "the pinned version is kept"
    );
    assert_eq!(view.answers.len(), 2);
    let deploy = view
        .answers
        .iter()
        .find(|a| a.practice_id == "methods.deploy-daily")
        .unwrap();
    assert_eq!(deploy.answer, Some(Answer::Level { level: 3 }));
    assert_eq!(deploy.note, "daily since May");
    let workshops = store.workshops(1).unwrap();
    assert_eq!(workshops.len(), 1);
    assert_eq!(workshops[0].held_on, "2026-01-05");
    assert!(workshops[0].participants.is_empty());
}

#[test]
fn votes_stay_hidden_from_the_workshop_screen_until_revealed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("mamos.db")).unwrap();
    let c = store
        .add_component("Checkout", Blueprint::II, None)
        .unwrap();
    let names = vec!["Ana".to_string(), "Ben".to_string()];
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let w = store.start_workshop(c.id, date, "Coach", &names).unwrap();
    let practice = store.assessment(c.id).unwrap().bank.pillars[0].practices[0]
        .id
        .clone();
    store
        .cast_vote(w.id, "Ana", &practice, Some(Answer::Level { level: 0 }))
        .unwrap();
    store
        .cast_vote(w.id, "Ben", &practice, Some(Answer::Level { level: 3 }))
        .unwrap();

    let hidden = store.workshop_state(w.id).unwrap();
    let first = &hidden.practices[0];
    assert_eq!(first.voted, ["Ana", "Ben"]);
    assert!(!first.revealed && first.votes.is_empty() && first.disagreement.is_none());

    store.reveal(w.id, &practice).unwrap();
    let shown = store.workshop_state(w.id).unwrap();
    let first = &shown.practices[0];
    assert_eq!(first.votes.len(), 2);
    assert!(matches!(
        first.disagreement,
        Some(mamos::workshop::Disagreement::Spread { low: 0, high: 3 })
    ));
    assert!(!first.decided);
    assert_eq!(shown.practices.len(), shown.view.bank.practice_count());
}
