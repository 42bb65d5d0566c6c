//! What one participant's device may see of a live workshop room (the
//! participant API's `state`), and the join rule. Pure: the use case reads
//! the workshop, its bank, the practice on screen and its votes, and passes
//! them here with who is looking.
//!
//! Privacy: before the reveal nobody's level or reason but the viewer's own;
//! never scores, notes, evidence, plans or other components (the view has no
//! field for them).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Bank, LocalizedText};
use crate::scoring::Answer;
use crate::workshop::{Vote, Workshop};
use crate::{Error, Result};

/// A text in both languages of the page; French falls back to English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomWorkshop {
    pub component: String,
    pub held_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomLevel {
    pub level: u8,
    pub name: Texts,
    pub descriptor: Texts,
}

/// The practice on screen with the texts a participant votes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomParticipant {
    pub name: String,
    /// A device has taken this name.
    pub joined: bool,
    /// Has voted on the practice on screen (from a device or the keyboard).
    pub voted: bool,
}

/// A vote as the room sees it: `{"level": 2}` or `{"na": true, "reason": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
pub enum ShownAnswer {
    Level {
        level: u8,
    },
    NotApplicable {
        /// Always true: the key that tells an N/A from a level.
        #[ts(type = "true")]
        na: bool,
        reason: String,
    },
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevealedVote {
    pub participant: String,
    #[serde(flatten)]
    pub answer: ShownAnswer,
}

/// How far apart the revealed votes are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Spread {
    /// `None` when every vote is N/A (or there is none).
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    /// The same rule as the workshop screen's flag.
    pub disagreement: bool,
}

/// The viewer, once their device has joined, and their own vote on the practice on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Viewer {
    pub name: String,
    pub vote: Option<ShownAnswer>,
}

/// The participant API's `state`: everything one device may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomState {
    pub version: u64,
    pub workshop: RoomWorkshop,
    pub practice: Option<RoomPractice>,
    pub participants: Vec<RoomParticipant>,
    pub revealed: bool,
    pub votes: Option<Vec<RevealedVote>>,
    pub spread: Option<Spread>,
    pub you: Option<Viewer>,
    pub pace: RoomPace,
}

/// How a live workshop is paced, as the coach set it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Pace {
    /// The time given to each practice, in seconds; `None`: no timebox.
    pub timebox_seconds: Option<u32>,
    /// The planned length of the workshop, in minutes; `None`: open-ended.
    pub length_minutes: Option<u32>,
    /// Reveal the practice on screen once every joined participant has voted.
    pub auto_reveal: bool,
}

/// The allowed timebox: long enough to read the question, short enough to be one.
pub const TIMEBOX_SECONDS: std::ops::RangeInclusive<u32> = 10..=60 * 60;
/// The allowed workshop length, in minutes: 5 minutes to a long day.
pub const LENGTH_MINUTES: std::ops::RangeInclusive<u32> = 5..=8 * 60;

impl Pace {
    /// The pace, or why a value is out of range (naming the field).
    pub fn checked(self) -> Result<Pace> {
        if let Some(seconds) = self.timebox_seconds {
            if !TIMEBOX_SECONDS.contains(&seconds) {
                return Err(Error::invalid(
                    "timebox",
                    format!("expected 10 seconds to 60 minutes, found {seconds} seconds"),
                ));
            }
        }
        if let Some(minutes) = self.length_minutes {
            if !LENGTH_MINUTES.contains(&minutes) {
                return Err(Error::invalid(
                    "length",
                    format!("expected 5 minutes to 8 hours, found {minutes} minutes"),
                ));
            }
        }
        Ok(self)
    }
}

/// When the room's clock started, in Unix seconds, as stored by the focus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaceClock {
    /// When the practice on screen was put there.
    pub focus_since: Option<i64>,
    /// When the first practice was put on screen.
    pub started_at: Option<i64>,
}

/// Practices with an agreed answer (`done`) and without (`left`), of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Agenda {
    pub done: usize,
    pub left: usize,
    pub total: usize,
}

/// The pace as the room sees it at one moment: devices count down from the
/// seconds left themselves (their clocks need not agree with the coach's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomPace {
    pub timebox_seconds: Option<u32>,
    pub length_minutes: Option<u32>,
    /// Seconds left on the timebox of the practice on screen, negative once
    /// over time; `None` without a timebox or a practice on screen.
    pub timebox_left: Option<i64>,
    pub agenda: Agenda,
    /// Seconds left for the workshop, negative once over; `None` without a
    /// planned length or before the first practice was put on screen.
    pub workshop_left: Option<i64>,
    pub auto_reveal: bool,
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
    pub pace: Pace,
    pub clock: PaceClock,
    /// The practices with the facilitator's agreed (or recorded) answer.
    pub decided: &'a BTreeSet<String>,
    /// Now, in Unix seconds.
    pub now: i64,
}

/// The room as the device of `viewer` (a participant's name, `None` before
/// joining) sees it at `version`.
pub fn room_view(room: &Room, viewer: Option<&str>, version: u64) -> RoomState {
    let practice = room.focus.and_then(|id| practice_on_screen(room.bank, id));
    let practice_shown = practice.is_some();
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
        pace: room_pace(room, practice_shown),
    }
}

/// The timebox, agenda and time left of `room`; `practice_shown`: a practice
/// of the bank is on screen.
fn room_pace(room: &Room, practice_shown: bool) -> RoomPace {
    let total = room.bank.practices().count();
    let done = room
        .bank
        .practices()
        .filter(|(_, practice)| room.decided.contains(&practice.id))
        .count();
    let left_of = |since: Option<i64>, seconds: Option<i64>| Some(since? + seconds? - room.now);
    let timebox = room.pace.timebox_seconds.map(i64::from);
    let length = room
        .pace
        .length_minutes
        .map(|minutes| i64::from(minutes) * 60);
    RoomPace {
        timebox_seconds: room.pace.timebox_seconds,
        length_minutes: room.pace.length_minutes,
        timebox_left: if practice_shown {
            left_of(room.clock.focus_since, timebox)
        } else {
            None
        },
        agenda: Agenda {
            done,
            left: total - done,
            total,
        },
        workshop_left: left_of(room.clock.started_at, length),
        auto_reveal: room.pace.auto_reveal,
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
        let decided = BTreeSet::new();
        let mut room = Room {
            workshop: &workshop,
            bank: &bank,
            focus: Some(&practice),
            revealed: false,
            votes: &votes,
            joined: &joined,
            pace: Pace::default(),
            clock: PaceClock::default(),
            decided: &decided,
            now: 0,
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
    fn the_pace_counts_the_timebox_from_the_focus_and_the_workshop_from_the_first_focus() {
        let bank = crate::model::builtin_bank();
        let total = bank.practices().count();
        let practice = bank.pillars[0].practices[2].id.clone();
        let workshop = workshop();
        let decided: BTreeSet<String> = [
            bank.pillars[0].practices[0].id.clone(),
            bank.pillars[0].practices[1].id.clone(),
            "not.in.this.bank".to_string(),
        ]
        .into();
        let mut room = Room {
            workshop: &workshop,
            bank: &bank,
            focus: Some(&practice),
            revealed: false,
            votes: &[],
            joined: &[],
            pace: Pace {
                timebox_seconds: Some(120),
                length_minutes: Some(90),
                auto_reveal: true,
            },
            clock: PaceClock {
                focus_since: Some(10_000),
                started_at: Some(7_000),
            },
            decided: &decided,
            now: 10_045,
        };
        let pace = room_view(&room, Some("Ana"), 1).pace;
        assert_eq!(
            pace,
            RoomPace {
                timebox_seconds: Some(120),
                length_minutes: Some(90),
                timebox_left: Some(75),
                agenda: Agenda {
                    done: 2,
                    left: total - 2,
                    total
                },
                workshop_left: Some(90 * 60 - 3_045),
                auto_reveal: true,
            }
        );

        // Over time: negative, on both clocks.
        room.now = 10_000 + 130;
        room.clock.started_at = Some(10_130 - 91 * 60);
        let pace = room_view(&room, None, 2).pace;
        assert_eq!(pace.timebox_left, Some(-10));
        assert_eq!(pace.workshop_left, Some(-60));

        // No timebox, no length, nothing on screen: nothing counts down.
        room.pace = Pace::default();
        assert_eq!(room_view(&room, None, 3).pace.timebox_left, None);
        assert_eq!(room_view(&room, None, 3).pace.workshop_left, None);
        room.pace.timebox_seconds = Some(60);
        room.focus = None;
        let pace = room_view(&room, None, 4).pace;
        assert_eq!((pace.timebox_seconds, pace.timebox_left), (Some(60), None));
        room.focus = Some(&practice);
        room.clock = PaceClock::default();
        assert_eq!(room_view(&room, None, 5).pace.timebox_left, None);
    }

    #[test]
    fn a_pace_out_of_range_is_refused_naming_its_field() {
        let pace = |timebox_seconds, length_minutes| Pace {
            timebox_seconds,
            length_minutes,
            auto_reveal: false,
        };
        for ok in [
            pace(Some(10), Some(5)),
            pace(Some(3600), Some(480)),
            pace(None, None),
        ] {
            assert_eq!(ok.checked().unwrap(), ok);
        }
        let error = pace(Some(9), None).checked().unwrap_err().to_string();
        assert!(error.starts_with("timebox: "), "{error}");
        let error = pace(Some(3601), None).checked().unwrap_err().to_string();
        assert!(error.starts_with("timebox: "), "{error}");
        let error = pace(None, Some(4)).checked().unwrap_err().to_string();
        assert!(error.starts_with("length: "), "{error}");
        let error = pace(None, Some(481)).checked().unwrap_err().to_string();
        assert!(error.starts_with("length: "), "{error}");
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
