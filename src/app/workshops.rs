//! Workshops: a component assessed in a room on a given day. Participants
//! vote privately, the facilitator reveals the votes and sets the agreed
//! answer; notes, evidence links and the DORA metrics are kept with it.

use chrono::NaiveDate;

use crate::assessment::Evidence;
use crate::dora::{DoraMetrics, DoraOutcome, FrequencyBand, ReportYear, TimeBand};
use crate::scoring::Answer;
use crate::store::Store;
use crate::workshop::{parse_participants, FlaggedPractice, Undone, Workshop, WorkshopState};
use crate::{Error, Result};

/// A workshop to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWorkshop {
    pub component_id: i64,
    /// The day it is held; `None` for today.
    pub held_on: Option<NaiveDate>,
    pub facilitator: String,
    /// Names or initials as typed, separated by commas ("Ana, Ben, Chloé").
    pub participants: String,
}

/// Starts a workshop of a component (a new assessment, pinned to the newest
/// stored version of its bank).
pub fn start_workshop(
    store: &mut Store,
    new: &NewWorkshop,
    today: NaiveDate,
) -> Result<WorkshopState> {
    let participants = parse_participants(&new.participants)?;
    let held_on = new.held_on.unwrap_or(today);
    let workshop =
        store.start_workshop(new.component_id, held_on, &new.facilitator, &participants)?;
    store.workshop_state(workshop.id)
}

/// The workshops of a component in the order held (the last is the current
/// assessment); with `conflicting_versions`, also the versions an import kept
/// beside a workshop edited differently on two laptops.
pub fn list_workshops(
    store: &Store,
    component_id: i64,
    conflicting_versions: bool,
) -> Result<Vec<Workshop>> {
    if conflicting_versions {
        store.all_workshops(component_id)
    } else {
        store.workshops(component_id)
    }
}

/// Settles an import conflict: keeps version `keep` under the workshop's id
/// and removes the others; returns the kept workshop's id.
pub fn resolve_workshop(store: &mut Store, component_id: i64, keep: i64) -> Result<i64> {
    store.resolve_workshop(component_id, keep)
}

/// Everything the workshop screen shows: the workshop, its scores, and who
/// has voted on each practice (the votes themselves once revealed).
pub fn workshop_state(store: &Store, workshop_id: i64) -> Result<WorkshopState> {
    store.workshop_state(workshop_id)
}

/// One participant's vote on a practice (`None` withdraws it).
#[derive(Debug, Clone, PartialEq)]
pub struct CastVote {
    pub workshop_id: i64,
    pub participant: String,
    pub practice_id: String,
    pub answer: Option<Answer>,
}

/// Records a vote, committed at once.
pub fn cast_vote(store: &mut Store, vote: &CastVote) -> Result<WorkshopState> {
    record_vote(store, vote)?;
    store.workshop_state(vote.workshop_id)
}

/// Records a vote, committed at once, without re-reading the workshop: a
/// device's vote needs no state back, and scoring the whole assessment for
/// each of 50 votes arriving together made the last one wait for the others.
pub fn record_vote(store: &mut Store, vote: &CastVote) -> Result<()> {
    store.cast_vote(
        vote.workshop_id,
        &vote.participant,
        &vote.practice_id,
        vote.answer.clone(),
    )
}

/// Sets (or, with `None`, withdraws) the facilitator's agreed answer.
pub fn agree(
    store: &mut Store,
    workshop_id: i64,
    practice_id: &str,
    answer: Option<Answer>,
) -> Result<WorkshopState> {
    store.agree(workshop_id, practice_id, answer)?;
    store.workshop_state(workshop_id)
}

/// Shows a practice's votes to the room.
pub fn reveal(store: &mut Store, workshop_id: i64, practice_id: &str) -> Result<WorkshopState> {
    store.reveal(workshop_id, practice_id)?;
    store.workshop_state(workshop_id)
}

/// Undoes the workshop's last reveal (the votes hidden again, each voter's
/// own vote kept) or agreement (the agreed answer before it restored), once:
/// with nothing left to undo it is refused as a conflict.
pub fn undo_last(store: &mut Store, workshop_id: i64) -> Result<Undone> {
    store.undo_last(workshop_id)
}

/// The practices whose votes spread by two levels or more, or mix N/A with levels.
pub fn disagreements(store: &Store, workshop_id: i64) -> Result<Vec<FlaggedPractice>> {
    store.disagreements(workshop_id)
}

/// Writes a practice's note from a workshop. Notes live on the component's
/// current assessment, so only its latest workshop may write them.
pub fn set_workshop_note(
    store: &mut Store,
    workshop_id: i64,
    practice_id: &str,
    note: &str,
) -> Result<WorkshopState> {
    let workshop = store.workshop(workshop_id)?;
    let latest = store.workshops(workshop.component_id)?.last().map(|w| w.id);
    if latest != Some(workshop_id) {
        return Err(Error::conflict(
            "workshop",
            format!(
                "workshop {workshop_id} of {:?} is not its latest: notes can only be written in the current workshop",
                workshop.component
            ),
        ));
    }
    store.set_note(workshop.component_id, practice_id, note)?;
    store.workshop_state(workshop_id)
}

/// A link to what shows a practice's level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvidence {
    pub workshop_id: i64,
    pub practice_id: String,
    /// Where the evidence is: a URL or a file path.
    pub location: String,
    /// A short label; may be empty.
    pub label: String,
}

/// Adds an evidence link to a practice of a workshop.
pub fn add_evidence(store: &mut Store, new: &NewEvidence) -> Result<Evidence> {
    store.add_evidence(new.workshop_id, &new.practice_id, &new.location, &new.label)
}

/// A workshop's evidence links, by practice then in the order they were added.
pub fn evidence(store: &Store, workshop_id: i64) -> Result<Vec<Evidence>> {
    store.evidence(workshop_id)
}

/// Removes an evidence link; with `workshop_id`, a link of another workshop is refused.
pub fn remove_evidence(
    store: &mut Store,
    workshop_id: Option<i64>,
    evidence_id: i64,
) -> Result<()> {
    if let Some(workshop_id) = workshop_id {
        if !store
            .evidence(workshop_id)?
            .iter()
            .any(|e| e.id == evidence_id)
        {
            return Err(Error::not_found(
                "evidence",
                format!("workshop {workshop_id} has no evidence link with id {evidence_id}"),
            ));
        }
    }
    store.remove_evidence(evidence_id)
}

/// A workshop's DORA metrics with their classification and Quick Check
/// scores; `None` when none were entered.
pub fn dora(store: &Store, workshop_id: i64) -> Result<Option<DoraOutcome>> {
    Ok(store
        .dora(workshop_id)?
        .map(|(metrics, year)| DoraOutcome::new(metrics, year)))
}

/// Stores all five DORA metrics of a workshop (each may be absent) and the
/// report year whose clusters classify them.
pub fn set_dora(
    store: &mut Store,
    workshop_id: i64,
    metrics: DoraMetrics,
    year: ReportYear,
) -> Result<DoraOutcome> {
    store.set_dora(workshop_id, &metrics, year)?;
    Ok(DoraOutcome::new(metrics, year))
}

/// Some DORA metrics of a workshop: those given replace the stored ones, the
/// others are kept.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DoraChanges {
    pub lead_time: Option<TimeBand>,
    pub deploy_frequency: Option<FrequencyBand>,
    pub recovery: Option<TimeBand>,
    pub change_fail_rate: Option<f64>,
    pub rework_rate: Option<f64>,
    /// The report year; `None` keeps the stored one (the latest when none is stored).
    pub year: Option<ReportYear>,
}

impl DoraChanges {
    fn changes_metrics(&self) -> bool {
        self.lead_time.is_some()
            || self.deploy_frequency.is_some()
            || self.recovery.is_some()
            || self.change_fail_rate.is_some()
            || self.rework_rate.is_some()
    }
}

/// Merges `changes` into the workshop's DORA metrics and returns the outcome.
/// Nothing is written when nothing changes (showing the metrics is a read).
pub fn update_dora(
    store: &mut Store,
    workshop_id: i64,
    changes: &DoraChanges,
) -> Result<DoraOutcome> {
    let stored = store.dora(workshop_id)?;
    let (mut metrics, stored_year) = stored.unwrap_or((DoraMetrics::default(), ReportYear::LATEST));
    let year = changes.year.unwrap_or(stored_year);
    metrics.lead_time = changes.lead_time.or(metrics.lead_time);
    metrics.deploy_frequency = changes.deploy_frequency.or(metrics.deploy_frequency);
    metrics.recovery = changes.recovery.or(metrics.recovery);
    metrics.change_fail_rate = changes.change_fail_rate.or(metrics.change_fail_rate);
    metrics.rework_rate = changes.rework_rate.or(metrics.rework_rate);
    let year_changed = stored.is_some_and(|(_, y)| y != year);
    if changes.changes_metrics() || year_changed {
        store.set_dora(workshop_id, &metrics, year)?;
    }
    Ok(DoraOutcome::new(metrics, year))
}
