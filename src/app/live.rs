//! Live voting: the practice on screen, the room as one device sees it, who
//! may join, and a vote from a device (through the keyboard's use case).

use crate::app::workshops::{self, CastVote};
use crate::live_view::{participant_named, room_view, Room, RoomState};
use crate::scoring::Answer;
use crate::store::Store;
use crate::{Error, Result};

/// Puts a practice of the workshop's bank on screen (the window, the CLI and
/// the participants' devices follow it).
pub fn set_focus(store: &mut Store, workshop_id: i64, practice_id: &str) -> Result<()> {
    store.set_focus(workshop_id, practice_id)
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
    let room = Room {
        workshop: &workshop,
        bank: &bank,
        focus: focus.as_deref(),
        revealed,
        votes: &votes,
        joined,
    };
    Ok(room_view(&room, viewer, version))
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
