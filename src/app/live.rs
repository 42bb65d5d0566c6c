//! Live voting: the practice on screen, the room as one device sees it, who
//! may join, a vote from a device (through the keyboard's use case), and the
//! pace (timebox, planned length, automatic reveal). The clock is read here.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::app::workshops::{self, CastVote};
use crate::live_view::{participant_named, room_view, Pace, PaceClock, Room, RoomState};
use crate::model::Bank;
use crate::scoring::Answer;
use crate::store::Store;
use crate::workshop::{Vote, Workshop};
use crate::{Error, Result};

/// Puts a practice of the workshop's bank on screen (the window, the CLI and
/// the participants' devices follow it).
pub fn set_focus(store: &mut Store, workshop_id: i64, practice_id: &str) -> Result<()> {
    store.set_focus(workshop_id, practice_id, now())
}

/// Now, in Unix seconds: when a practice went on screen, and the moment the
/// room's time left is counted from.
fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// How the workshop is paced.
pub fn pace(store: &Store, workshop_id: i64) -> Result<Pace> {
    Ok(store.pace(workshop_id)?.0)
}

/// Sets how the workshop is paced: a timebox of 10 s to 60 min per
/// practice, a planned length of 5 min to 8 h, automatic reveal.
pub fn set_pace(store: &mut Store, workshop_id: i64, pace: Pace) -> Result<Pace> {
    let pace = pace.checked()?;
    store.set_pace(workshop_id, &pace)?;
    Ok(pace)
}

/// With automatic reveal on, reveals the practice on screen (as the R key
/// does) once every participant in `joined` (at least one) has voted on it;
/// `true` when it did.
pub fn reveal_if_everyone_voted(
    store: &mut Store,
    workshop_id: i64,
    joined: &[String],
) -> Result<bool> {
    if joined.is_empty() || !store.pace(workshop_id)?.0.auto_reveal {
        return Ok(false);
    }
    let Some(practice) = store.focus(workshop_id)? else {
        return Ok(false);
    };
    if store.is_revealed(workshop_id, &practice)? {
        return Ok(false);
    }
    let voters = store.voters_on(workshop_id, &practice)?;
    if !joined.iter().all(|name| voters.contains(name)) {
        return Ok(false);
    }
    workshops::reveal(store, workshop_id, &practice)?;
    Ok(true)
}

/// The practice on screen, if any: a light read the window polls to follow
/// `mamos workshop focus` and the server.
pub fn focus(store: &Store, workshop_id: i64) -> Result<Option<String>> {
    store.focus(workshop_id)
}

/// The room as the device of `viewer` sees it; `joined` are the names
/// devices have taken, `version` the server's count of changes.
pub fn room(
    store: &Store,
    workshop_id: i64,
    joined: &[String],
    viewer: Option<&str>,
    version: u64,
) -> Result<RoomState> {
    Ok(room_data(store, workshop_id)?.view(joined, viewer, version))
}

/// What the room shows, as stored: read once per change, every device's
/// view is then made from it without reading the database again.
#[derive(Debug)]
pub struct RoomData {
    workshop: Workshop,
    bank: Arc<Bank>,
    focus: Option<String>,
    revealed: bool,
    /// The votes on the practice on screen.
    votes: Vec<Vote>,
    pace: Pace,
    clock: PaceClock,
    decided: BTreeSet<String>,
}

pub fn room_data(store: &Store, workshop_id: i64) -> Result<RoomData> {
    let workshop = store.workshop(workshop_id)?;
    let bank = store.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
    let focus = store.focus(workshop_id)?;
    let (revealed, votes) = match &focus {
        Some(practice) => (
            store.is_revealed(workshop_id, practice)?,
            store.votes_on(workshop_id, practice)?,
        ),
        None => (false, Vec::new()),
    };
    let (pace, clock) = store.pace(workshop_id)?;
    let decided = store.decided_practices(workshop_id)?;
    Ok(RoomData {
        workshop,
        bank,
        focus,
        revealed,
        votes,
        pace,
        clock,
        decided,
    })
}

impl RoomData {
    /// The room as the device of `viewer` sees it now (the timebox counts down).
    pub fn view(&self, joined: &[String], viewer: Option<&str>, version: u64) -> RoomState {
        let room = Room {
            workshop: &self.workshop,
            bank: &self.bank,
            focus: self.focus.as_deref(),
            revealed: self.revealed,
            votes: &self.votes,
            joined,
            pace: self.pace,
            clock: self.clock,
            decided: &self.decided,
            now: now(),
        };
        room_view(&room, viewer, version)
    }
}

/// The participant's name as the workshop lists it, for a device joining as
/// `name`; a name not in the workshop is refused.
pub fn join(store: &Store, workshop_id: i64, name: &str) -> Result<String> {
    let workshop = store.workshop(workshop_id)?;
    participant_named(&workshop.participants, name)
        .cloned()
        .ok_or_else(|| {
            Error::invalid(
                "name",
                format!(
                    "{:?} is not a participant of this workshop; pick your name in the list",
                    name.trim()
                ),
            )
        })
}

/// One device's vote, as it arrives at the server.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceVote {
    pub participant: String,
    pub practice_id: String,
    pub answer: Answer,
}

/// Votes from several devices that arrived together, each checked and
/// recorded as `device_vote` does, committed together: a room voting at once
/// waits for the disk once. One refused vote leaves the others recorded; the
/// outer error (the commit failed) means none was.
pub fn device_votes(
    store: &mut Store,
    workshop_id: i64,
    votes: &[DeviceVote],
) -> Result<Vec<Result<()>>> {
    store.in_one_commit(|store| {
        votes
            .iter()
            .map(|vote| {
                store.all_or_nothing(|store| {
                    device_vote(
                        store,
                        workshop_id,
                        &vote.participant,
                        &vote.practice_id,
                        vote.answer.clone(),
                    )
                })
            })
            .collect()
    })
}

/// A vote from a participant's device: only on the practice on screen and
/// before its reveal, then recorded as a keyboard vote is.
pub fn device_vote(
    store: &mut Store,
    workshop_id: i64,
    participant: &str,
    practice_id: &str,
    answer: Answer,
) -> Result<()> {
    if store.focus(workshop_id)?.as_deref() != Some(practice_id) {
        return Err(Error::conflict(
            "practice",
            "this practice is no longer on screen; your page shows the current one",
        ));
    }
    if store.is_revealed(workshop_id, practice_id)? {
        return Err(Error::conflict(
            "practice",
            "the votes on this practice are revealed: it can no longer be changed",
        ));
    }
    workshops::record_vote(
        store,
        &CastVote {
            workshop_id,
            participant: participant.to_string(),
            practice_id: practice_id.to_string(),
            answer: Some(answer),
        },
    )
}
