//! Undo of a workshop's last reveal or agreement: the use case on a real
//! SQLite file (as the window calls it), reopened as after a restart, and
//! `mamos workshop undo` through the real binary.

mod common;

use chrono::NaiveDate;
use common::Workspace;
use mamos::app::components::{self, add_component, AnswerChange, NewComponent};
use mamos::app::workshops::{self, CastVote, NewWorkshop};
use mamos::model::Blueprint;
use mamos::scoring::Answer;
use mamos::store::Store;
use mamos::workshop::{UndoneKind, WorkshopState};
use mamos::ErrorCode;

/// A component with a three-person workshop; returns its id and the first two practices.
fn workshop(store: &mut Store) -> (i64, String, String) {
    let new = NewComponent {
        name: "Checkout".into(),
        blueprint: Blueprint::II,
        bank: None,
        groups: Vec::new(),
    };
    let component = add_component(store, &new).unwrap();
    let new = NewWorkshop {
        component_id: component.id,
        held_on: None,
        facilitator: "Coach".into(),
        participants: "Ana, Ben, Chloé".into(),
    };
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let state = workshops::start_workshop(store, &new, today).unwrap();
    let practices = &state.practices;
    (
        state.workshop.id,
        practices[0].practice_id.clone(),
        practices[1].practice_id.clone(),
    )
}

fn vote(store: &mut Store, workshop_id: i64, who: &str, practice: &str, level: u8) {
    let vote = CastVote {
        workshop_id,
        participant: who.into(),
        practice_id: practice.into(),
        answer: Some(Answer::Level { level }),
    };
    workshops::cast_vote(store, &vote).unwrap();
}

fn level(level: u8) -> Option<Answer> {
    Some(Answer::Level { level })
}

/// What the screen shows of one practice: (revealed, voters, votes shown, decided).
fn shown(state: &WorkshopState, practice: &str) -> (bool, Vec<String>, usize, bool) {
    let p = state
        .practices
        .iter()
        .find(|p| p.practice_id == practice)
        .unwrap();
    (p.revealed, p.voted.clone(), p.votes.len(), p.decided)
}

/// The facilitator's recorded answer and note of a practice, as the view holds them.
fn recorded(state: &WorkshopState, practice: &str) -> Option<(Option<Answer>, String)> {
    state
        .view
        .answers
        .iter()
        .find(|a| a.practice_id == practice)
        .map(|a| (a.answer.clone(), a.note.clone()))
}

#[test]
fn a_reveal_undone_hides_the_votes_again_and_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("mamos.db")).unwrap();
    let (w, p, _) = workshop(&mut store);
    vote(&mut store, w, "Ana", &p, 1);
    vote(&mut store, w, "Ben", &p, 3);
    let state = workshops::reveal(&mut store, w, &p).unwrap();
    assert!(shown(&state, &p).0);
    assert_eq!(shown(&state, &p).2, 2, "both votes shown once revealed");

    let undone = workshops::undo_last(&mut store, w).unwrap();
    assert_eq!(undone.kind, UndoneKind::Reveal);
    assert_eq!(undone.practice_id, p);
    assert_eq!(undone.position, 1);
    let state = workshops::workshop_state(&store, w).unwrap();
    let (revealed, voters, votes_shown, _) = shown(&state, &p);
    assert!(!revealed, "the votes are hidden again");
    assert_eq!(votes_shown, 0);
    assert_eq!(voters, ["Ana", "Ben"], "the votes themselves are kept");

    // Hidden again, the votes can change until the next reveal.
    vote(&mut store, w, "Ana", &p, 2);
    let state = workshops::reveal(&mut store, w, &p).unwrap();
    let votes = &state.practices[0].votes;
    assert_eq!(votes[0].answer, Answer::Level { level: 2 });
}

#[test]
fn an_agreement_undone_restores_the_one_before_and_keeps_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("mamos.db")).unwrap();
    let (w, p, q) = workshop(&mut store);
    workshops::set_workshop_note(&mut store, w, &p, "pipelines on every branch").unwrap();
    workshops::agree(&mut store, w, &p, level(2)).unwrap();
    let state = workshops::agree(&mut store, w, &p, level(4)).unwrap();
    assert_eq!(recorded(&state, &p).unwrap().0, level(4));

    let undone = workshops::undo_last(&mut store, w).unwrap();
    assert_eq!(undone.kind, UndoneKind::Agreement);
    assert_eq!(undone.restored, level(2));
    let state = workshops::workshop_state(&store, w).unwrap();
    assert_eq!(
        recorded(&state, &p),
        Some((level(2), "pipelines on every branch".to_string()))
    );
    assert!(shown(&state, &p).3, "the first agreement still decides");

    // An agreement where there was none: undone, none again (no empty row left).
    let na = Answer::NotApplicable {
        reason: "no UI".into(),
    };
    workshops::agree(&mut store, w, &q, Some(na)).unwrap();
    let undone = workshops::undo_last(&mut store, w).unwrap();
    assert_eq!((undone.position, undone.restored), (2, None));
    let state = workshops::workshop_state(&store, w).unwrap();
    assert_eq!(recorded(&state, &q), None);
    assert!(!shown(&state, &q).3);
}

#[test]
fn only_the_last_action_is_undone_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("mamos.db")).unwrap();
    let (w, p, _) = workshop(&mut store);
    let nothing = workshops::undo_last(&mut store, w).unwrap_err();
    assert_eq!(nothing.code(), ErrorCode::Conflict);

    vote(&mut store, w, "Ana", &p, 1);
    workshops::reveal(&mut store, w, &p).unwrap();
    workshops::agree(&mut store, w, &p, level(1)).unwrap();
    let undone = workshops::undo_last(&mut store, w).unwrap();
    assert_eq!(undone.kind, UndoneKind::Agreement, "the last action first");

    let again = workshops::undo_last(&mut store, w).unwrap_err();
    assert_eq!(again.code(), ErrorCode::Conflict);
    assert!(
        again.to_string().contains("nothing to undo"),
        "a sentence: {again}"
    );
    let state = workshops::workshop_state(&store, w).unwrap();
    assert!(shown(&state, &p).0, "the reveal before it stays");
    assert!(!shown(&state, &p).3, "the agreement is gone");

    // Revealing a practice already shown changes nothing, so there is nothing to undo.
    workshops::reveal(&mut store, w, &p).unwrap();
    assert!(workshops::undo_last(&mut store, w).is_err());
}

#[test]
fn an_answer_given_on_the_component_screen_since_is_not_overwritten_by_an_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("mamos.db")).unwrap();
    let (w, p, _) = workshop(&mut store);
    workshops::agree(&mut store, w, &p, level(2)).unwrap();
    let component_id = workshops::workshop_state(&store, w)
        .unwrap()
        .workshop
        .component_id;
    let change = AnswerChange {
        component_id,
        practice_id: p.clone(),
        answer: level(3),
        note: None,
    };
    components::set_answer(&mut store, &change).unwrap();

    let refused = workshops::undo_last(&mut store, w).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Conflict);
    let state = workshops::workshop_state(&store, w).unwrap();
    assert_eq!(recorded(&state, &p).unwrap().0, level(3));
}

#[test]
fn the_last_action_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mamos.db");
    let (w, p) = {
        let mut store = Store::open(&path).unwrap();
        let (w, p, _) = workshop(&mut store);
        vote(&mut store, w, "Chloé", &p, 0);
        workshops::reveal(&mut store, w, &p).unwrap();
        (w, p)
    };
    let mut store = Store::open(&path).unwrap();
    let undone = workshops::undo_last(&mut store, w).unwrap();
    assert_eq!(undone.kind, UndoneKind::Reveal);
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let state = workshops::workshop_state(&store, w).unwrap();
    assert!(!shown(&state, &p).0, "the undo itself was committed");
    assert!(workshops::undo_last(&mut store, w).is_err());
}

/// The practices revealed in the component's workshop, as `mamos export` writes them.
fn revealed(db: &Workspace) -> Vec<String> {
    let bundle = db.path("checkout.mamos.json");
    db.ok(&["export", "--out", bundle.to_str().unwrap()]);
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    serde_json::from_value(bundle["components"][0]["workshops"][0]["revealed"].clone()).unwrap()
}

#[test]
fn mamos_workshop_undo_says_what_it_undid() {
    let db = Workspace::new();
    db.ok(&["component", "add", "Checkout"]);
    let w = db.ok(&[
        "workshop",
        "start",
        "Checkout",
        "--participants",
        "Ana, Ben",
    ]);
    let w = w.trim();
    let bank = mamos::model::builtin_bank();
    let p = bank.pillars[0].practices[0].id.as_str();
    db.ok(&["vote", w, "Ana", p, "1"]);
    db.ok(&["vote", w, "Ben", p, "3"]);
    db.ok(&["reveal", w, p]);
    assert_eq!(revealed(&db), [p]);

    let out = db.ok(&["workshop", "undo", w]);
    assert_eq!(
        out.trim(),
        format!("undid the reveal of practice 1 ({p}): its votes are hidden again")
    );
    assert_eq!(revealed(&db), Vec::<String>::new(), "hidden again");
    db.ok(&["vote", w, "Ana", p, "2"]);

    let stderr = db.bad_input(&["workshop", "undo", w]);
    assert!(stderr.contains("nothing to undo"), "{stderr}");

    db.ok(&["agree", w, p, "2"]);
    db.ok(&["agree", w, p, "na", "--reason", "no UI here"]);
    let undone = db.json(&["workshop", "undo", w, "--json"]);
    assert_eq!(undone["kind"], "agreement");
    assert_eq!(undone["practice_id"], p);
    assert_eq!(undone["position"], 1);
    assert_eq!(undone["restored"]["kind"], "level");
    assert_eq!(undone["restored"]["level"], 2);
    let score = db.json(&["score", "Checkout", "--json"]);
    assert_eq!(
        score["pillars"][0]["answered"], 1,
        "the level 2 counts again"
    );

    let stderr = db.bad_input(&["workshop", "undo", "99"]);
    assert!(stderr.contains("99"), "{stderr}");
}
