//! Workshops: votes, reveal, agreement, notes, evidence and DORA metrics.

use mamos::api::WorkshopUndo;
use mamos::app::workshops::{self as app, CastVote, NewEvidence, NewWorkshop};
use mamos::dora::{DoraMetrics, DoraOutcome, ReportYear};
use mamos::error::ErrorReport;
use mamos::scoring::Answer;
use mamos::workshop::{Workshop, WorkshopState};
use tauri::State;

use super::{today, Db};

/// Starts a workshop of a component today: `participants` as typed ("Ana, Ben, Chloé").
#[tauri::command]
pub async fn start_workshop(
    db: State<'_, Db>,
    component_id: i64,
    participants: String,
    facilitator: String,
) -> Result<WorkshopState, ErrorReport> {
    let new = NewWorkshop {
        component_id,
        held_on: None,
        facilitator,
        participants,
    };
    let today = today();
    db.run(move |store| app::start_workshop(store, &new, today))
        .await
}

/// Every workshop of a component in the order held (the last one is the current assessment).
#[tauri::command]
pub async fn list_workshops(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Vec<Workshop>, ErrorReport> {
    db.run(move |store| app::list_workshops(store, component_id, false))
        .await
}

#[tauri::command]
pub async fn load_workshop(
    db: State<'_, Db>,
    workshop_id: i64,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| app::workshop_state(store, workshop_id))
        .await
}

/// Records (or, with `null`, withdraws) one participant's vote; committed at once.
#[tauri::command]
pub async fn cast_vote(
    db: State<'_, Db>,
    workshop_id: i64,
    participant: String,
    practice_id: String,
    answer: Option<Answer>,
) -> Result<WorkshopState, ErrorReport> {
    let vote = CastVote {
        workshop_id,
        participant,
        practice_id,
        answer,
    };
    db.run(move |store| app::cast_vote(store, &vote)).await
}

/// Shows a practice's votes to the room.
#[tauri::command]
pub async fn reveal_votes(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| app::reveal(store, workshop_id, &practice_id))
        .await
}

/// Sets (or, with `null`, withdraws) the facilitator's agreed answer.
#[tauri::command]
pub async fn agree(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
    answer: Option<Answer>,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| app::agree(store, workshop_id, &practice_id, answer))
        .await
}

/// Undoes the workshop's last reveal or agreement (once).
#[tauri::command]
pub async fn undo_last(db: State<'_, Db>, workshop_id: i64) -> Result<WorkshopUndo, ErrorReport> {
    db.run(move |store| {
        let undone = app::undo_last(store, workshop_id)?;
        let state = app::workshop_state(store, workshop_id)?;
        Ok(WorkshopUndo { undone, state })
    })
    .await
}

/// Writes a practice's note from the (current) workshop.
#[tauri::command]
pub async fn set_workshop_note(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
    note: String,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| app::set_workshop_note(store, workshop_id, &practice_id, &note))
        .await
}

/// Adds an evidence link (a URL or a file path, and a short label) to a practice of a workshop.
#[tauri::command]
pub async fn add_evidence(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
    location: String,
    label: String,
) -> Result<WorkshopState, ErrorReport> {
    let new = NewEvidence {
        workshop_id,
        practice_id,
        location,
        label,
    };
    db.run(move |store| {
        app::add_evidence(store, &new)?;
        app::workshop_state(store, workshop_id)
    })
    .await
}

#[tauri::command]
pub async fn remove_evidence(
    db: State<'_, Db>,
    workshop_id: i64,
    evidence_id: i64,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        app::remove_evidence(store, Some(workshop_id), evidence_id)?;
        app::workshop_state(store, workshop_id)
    })
    .await
}

/// A workshop's DORA metrics and what they mean; null when none were entered.
#[tauri::command]
pub async fn load_dora(
    db: State<'_, Db>,
    workshop_id: i64,
) -> Result<Option<DoraOutcome>, ErrorReport> {
    db.run(move |store| app::dora(store, workshop_id)).await
}

/// Stores a workshop's DORA metrics (all five, each optional) and the report year to classify them with.
#[tauri::command]
pub async fn set_dora(
    db: State<'_, Db>,
    workshop_id: i64,
    metrics: DoraMetrics,
    year: ReportYear,
) -> Result<DoraOutcome, ErrorReport> {
    db.run(move |store| app::set_dora(store, workshop_id, metrics, year))
        .await
}
