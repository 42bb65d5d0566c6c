//! What one participant's device may see of a live workshop room (the
//! participant API's `state`), and the join rule. Pure: the use case reads
//! the workshop, its bank, the practice on screen and its votes, and passes
//! them here with who is looking.
//!
//! Privacy: before the reveal nobody's level or reason but the viewer's own;
//! never scores, notes, evidence, plans or other components (the view has no
//! field for them).

use serde::Serialize;

use crate::model::{Bank, LocalizedText};
use crate::scoring::Answer;
use crate::workshop::{Vote, Workshop};

/// A text in both languages of the page; French falls back to English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Texts {
    pub en: String,
    pub fr: String,
}

impl From<&LocalizedText> for Texts {
    fn from(text: &LocalizedText) -> Self {
        Texts {
            en: text.get("en").to_string(),
            fr: text.get("fr").to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomWorkshop {
    pub component: String,
    pub held_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomLevel {
    pub level: u8,
    pub name: Texts,
    pub descriptor: Texts,
}

/// The practice on screen with the texts a participant votes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomPractice {
    pub id: String,
    /// 1-based, in bank order.
    pub position: usize,
    pub count: usize,
    pub pillar: Texts,
    pub title: Texts,
    pub question: Texts,
    pub levels: Vec<RoomLevel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomParticipant {
    pub name: String,
    /// A device has taken this name.
    pub joined: bool,
    /// Has voted on the practice on screen (from a device or the keyboard).
    pub voted: bool,
}

/// A vote as the room sees it: `{"level": 2}` or `{"na": true, "reason": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ShownAnswer {
    Level { level: u8 },
    NotApplicable { na: bool, reason: String },
}

impl From<&Answer> for ShownAnswer {
    fn from(answer: &Answer) -> Self {
        match answer {
            Answer::Level { level } => ShownAnswer::Level { level: *level },
            Answer::NotApplicable { reason } => ShownAnswer::NotApplicable {
                na: true,
                reason: reason.clone(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevealedVote {
    pub participant: String,
    #[serde(flatten)]
    pub answer: ShownAnswer,
}

/// How far apart the revealed votes are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spread {
    /// `None` when every vote is N/A (or there is none).
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    /// The same rule as the workshop screen's flag.
    pub disagreement: bool,
}

/// The viewer, once their device has joined, and their own vote on the practice on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Viewer {
    pub name: String,
    pub vote: Option<ShownAnswer>,
}

/// The participant API's `state`: everything one device may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomState {
    pub version: u64,
    pub workshop: RoomWorkshop,
    pub practice: Option<RoomPractice>,
    pub participants: Vec<RoomParticipant>,
    pub revealed: bool,
    pub votes: Option<Vec<RevealedVote>>,
    pub spread: Option<Spread>,
    pub you: Option<Viewer>,
}

/// What the room is made of, read by the use case.
pub struct Room<'a> {
    pub workshop: &'a Workshop,
    pub bank: &'a Bank,
    /// The practice on screen.
    pub focus: Option<&'a str>,
    pub revealed: bool,
    /// The votes on the practice on screen.
    pub votes: &'a [Vote],
    /// The names devices have taken.
    pub joined: &'a [String],
}

/// The room as the device of `viewer` (a participant's name, `None` before
/// joining) sees it at `version`.
pub fn room_view(room: &Room, viewer: Option<&str>, version: u64) -> RoomState {
    let practice = room.focus.and_then(|id| practice_on_screen(room.bank, id));
    let revealed = practice.is_some() && room.revealed;
    let votes: &[Vote] = if practice.is_some() { room.votes } else { &[] };
    let participants = room
        .workshop
        .participants
        .iter()
        .map(|name| RoomParticipant {
            name: name.clone(),
            joined: room.joined.contains(name),
            voted: votes.iter().any(|v| &v.participant == name),
        })
        .collect();
    let you = viewer.map(|name| Viewer {
        name: name.to_string(),
        vote: votes
            .iter()
            .find(|v| v.participant == name)
            .map(|v| ShownAnswer::from(&v.answer)),
    });
    RoomState {
        version,
        workshop: RoomWorkshop {
            component: room.workshop.component.clone(),
            held_on: room.workshop.held_on.clone(),
        },
        practice,
        participants,
        revealed,
        votes: revealed.then(|| {
            votes
                .iter()
                .map(|v| RevealedVote {
                    participant: v.participant.clone(),
                    answer: ShownAnswer::from(&v.answer),
                })
                .collect()
        }),
        spread: revealed.then(|| spread(votes)),
        you,
    }
}

fn practice_on_screen(bank: &Bank, id: &str) -> Option<RoomPractice> {
    let count = bank.pillars.iter().map(|p| p.practices.len()).sum();
    let mut position = 0;
    for pillar in &bank.pillars {
        for practice in &pillar.practices {
            position += 1;
            if practice.id != id {
                continue;
            }
            let levels = bank
                .levels
                .iter()
                .zip(&practice.descriptors)
                .map(|(level, descriptor)| RoomLevel {
                    level: level.value,
                    name: Texts::from(&level.label),
                    descriptor: Texts::from(descriptor),
                })
                .collect();
            return Some(RoomPractice {
                id: practice.id.clone(),
                position,
                count,
                pillar: Texts::from(&pillar.name),
                title: Texts::from(&practice.title),
                question: Texts::from(&practice.question),
                levels,
            });
        }
    }
    None
}

/// The lowest and highest level votes, and whether the room should discuss them.
pub fn spread(votes: &[Vote]) -> Spread {
    let levels = votes.iter().filter_map(|v| match v.answer {
        Answer::Level { level } => Some(level),
        Answer::NotApplicable { .. } => None,
    });
    Spread {
        lowest: levels.clone().min(),
        highest: levels.max(),
        disagreement: crate::workshop::disagreement(votes).is_some(),
    }
}

/// The workshop's participant a device names when joining, compared as the
/// workshop compares names (trimmed, `ana` is `Ana`); `None` if not one.
pub fn participant_named<'a>(participants: &'a [String], name: &str) -> Option<&'a String> {
    let name = name.trim().to_lowercase();
    participants.iter().find(|p| p.to_lowercase() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workshop() -> Workshop {
        Workshop {
            id: 1,
            component_id: 1,
            component: "Payments".into(),
            held_on: "2026-12-07".into(),
            facilitator: "Coach".into(),
            participants: vec!["Ana".into(), "Ben".into(), "Chloé".into()],
            bank_id: "mamos".into(),
            bank_version: "1".into(),
            conflict_of: None,
        }
    }

    fn vote(participant: &str, answer: Answer) -> Vote {
        Vote {
            participant: participant.into(),
            answer,
        }
    }

    #[test]
    fn before_the_reveal_a_device_sees_only_its_own_vote() {
        let bank = crate::model::builtin_bank();
        let practice = bank.pillars[1].practices[0].id.clone();
        let workshop = workshop();
        let votes = [
            vote("Ana", Answer::Level { level: 1 }),
            vote(
                "Ben",
                Answer::NotApplicable {
                    reason: "no UI".into(),
                },
            ),
        ];
        let joined = ["Ana".to_string()];
        let mut room = Room {
            workshop: &workshop,
            bank: &bank,
            focus: Some(&practice),
            revealed: false,
            votes: &votes,
            joined: &joined,
        };
        let state = room_view(&room, Some("Ana"), 3);
        assert_eq!(state.votes, None);
        assert_eq!(state.spread, None);
        assert_eq!(
            state.you.unwrap().vote,
            Some(ShownAnswer::Level { level: 1 })
        );
        let marks: Vec<_> = state
            .participants
            .iter()
            .map(|p| (p.joined, p.voted))
            .collect();
        assert_eq!(marks, [(true, true), (false, true), (false, false)]);
        let shown = state.practice.unwrap();
        assert_eq!(shown.position, bank.pillars[0].practices.len() + 1);
        assert_eq!(shown.levels.len(), 5);

        room.revealed = true;
        let state = room_view(&room, None, 4);
        assert_eq!(state.votes.unwrap().len(), 2);
        assert_eq!(
            state.spread,
            Some(Spread {
                lowest: Some(1),
                highest: Some(1),
                disagreement: true
            })
        );
        assert_eq!(state.you, None);
    }

    #[test]
    fn french_falls_back_to_english() {
        let text = Texts::from(&LocalizedText::en("Absent"));
        assert_eq!(text.fr, "Absent");
    }

    #[test]
    fn names_join_as_the_workshop_compares_them() {
        let names = workshop().participants;
        assert_eq!(participant_named(&names, " chloé "), Some(&names[2]));
        assert_eq!(participant_named(&names, "Zoe"), None);
    }
}
