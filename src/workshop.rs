//! Pure workshop rules: several participants vote on each practice; the
//! agreed answer is the facilitator's decision, else the median vote; votes
//! that spread by two levels or more, or mix N/A with levels, are a
//! disagreement the room should discuss. Also the workshop as the store
//! lists it and as the workshop screen shows it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::scoring::Answer;

/// A spread of this many levels between the lowest and highest vote is a disagreement.
pub const DISAGREEMENT_SPREAD: u8 = 2;

/// One participant's vote on one practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Vote {
    pub participant: String,
    pub answer: Answer,
}

/// The answer the scores use: the facilitator's, else the lower median of the
/// level votes; N/A only when every vote is N/A (with the first reason given).
pub fn agreed_answer(facilitator: Option<&Answer>, votes: &[Vote]) -> Option<Answer> {
    if let Some(answer) = facilitator {
        return Some(answer.clone());
    }
    let mut levels: Vec<u8> = votes
        .iter()
        .filter_map(|v| match v.answer {
            Answer::Level { level } => Some(level),
            Answer::NotApplicable { .. } => None,
        })
        .collect();
    if levels.is_empty() {
        return votes.first().map(|v| v.answer.clone());
    }
    levels.sort_unstable();
    // Lower median: with an even count the lower of the two middle votes.
    Some(Answer::Level {
        level: levels[(levels.len() - 1) / 2],
    })
}

/// Why a practice's votes need a discussion, if they do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Disagreement {
    /// The lowest and highest level votes are `spread` levels apart.
    Spread { low: u8, high: u8 },
    /// Some say the practice does not apply, others gave it a level.
    MixedNotApplicable,
}

pub fn disagreement(votes: &[Vote]) -> Option<Disagreement> {
    let levels: Vec<u8> = votes
        .iter()
        .filter_map(|v| match v.answer {
            Answer::Level { level } => Some(level),
            Answer::NotApplicable { .. } => None,
        })
        .collect();
    if !levels.is_empty() && levels.len() < votes.len() {
        return Some(Disagreement::MixedNotApplicable);
    }
    let (low, high) = (levels.iter().min()?, levels.iter().max()?);
    (high - low >= DISAGREEMENT_SPREAD).then_some(Disagreement::Spread {
        low: *low,
        high: *high,
    })
}

/// A workshop as listed: who, when, for which component and bank.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Workshop {
    pub id: i64,
    pub component_id: i64,
    pub component: String,
    /// The day the workshop was held, YYYY-MM-DD.
    pub held_on: String,
    pub facilitator: String,
    pub participants: Vec<String>,
    pub bank_id: String,
    pub bank_version: String,
    /// Set on another coach's version of a workshop, kept beside it by an
    /// import: the id of the workshop it conflicts with.
    pub conflict_of: Option<i64>,
}

/// A practice whose votes the room should discuss.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FlaggedPractice {
    pub practice_id: String,
    pub disagreement: Disagreement,
    pub votes: Vec<Vote>,
    /// The facilitator has set the agreed answer since.
    pub resolved: bool,
}

/// What the workshop screen shows of one practice's votes: who has voted,
/// and the votes themselves only once the facilitator revealed them (so the
/// first voice does not anchor the room).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PracticeVotes {
    pub practice_id: String,
    /// Participants who have voted, in their listed order.
    pub voted: Vec<String>,
    pub revealed: bool,
    /// Empty until revealed.
    pub votes: Vec<Vote>,
    /// Only once revealed.
    pub disagreement: Option<Disagreement>,
    /// The facilitator set the agreed answer.
    pub decided: bool,
}

/// What the coach can undo in a workshop: the last reveal or agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UndoneKind {
    Reveal,
    Agreement,
}

/// A reveal or an agreement undone.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Undone {
    pub kind: UndoneKind,
    pub practice_id: String,
    /// The practice's number in the bank's order, from 1, as the screen shows it.
    pub position: usize,
    /// After an agreement undone, the agreed answer recorded again (`None`: none).
    pub restored: Option<Answer>,
}

/// Everything the workshop screen needs: the workshop, its scores, and the votes per practice.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WorkshopState {
    pub workshop: Workshop,
    pub view: crate::assessment::AssessmentView,
    /// One entry per practice of the bank, in bank order.
    pub practices: Vec<PracticeVotes>,
}

/// Splits a participant list such as `"Ana, Ben,Chloé"` into trimmed, distinct names.
pub fn parse_participants(list: &str) -> crate::Result<Vec<String>> {
    let names = check_participant_names(list.split(',').filter(|n| !n.trim().is_empty()))?;
    if names.is_empty() {
        return Err(crate::Error::invalid(
            "participants",
            "expected at least one participant, as names or initials separated by commas",
        ));
    }
    Ok(names)
}

/// Participants' names, trimmed: each usable as a name, none twice (`ana`
/// and `Ana` are one person). The rule of the workshop form and of bundles.
pub fn check_participant_names<'a>(
    names: impl IntoIterator<Item = &'a str>,
) -> crate::Result<Vec<String>> {
    let mut checked: Vec<String> = Vec::new();
    for name in names {
        let name = crate::assessment::clean_component_name(name).map_err(|_| {
            crate::Error::invalid(
                "participants",
                format!(
                    "{:?} is not a usable participant name (no control characters, at most {} characters)",
                    name.trim(),
                    crate::assessment::MAX_NAME_CHARS
                ),
            )
        })?;
        if checked
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            return Err(crate::Error::invalid(
                "participants",
                format!("{name:?} is listed twice"),
            ));
        }
        checked.push(name);
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(participant: &str, level: u8) -> Vote {
        Vote {
            participant: participant.into(),
            answer: Answer::Level { level },
        }
    }

    fn na(participant: &str) -> Vote {
        Vote {
            participant: participant.into(),
            answer: Answer::NotApplicable {
                reason: format!("{participant}: no UI"),
            },
        }
    }

    #[test]
    fn the_facilitator_decision_wins_over_the_votes() {
        let set = Answer::Level { level: 4 };
        let votes = [level("a", 1), level("b", 1)];
        assert_eq!(agreed_answer(Some(&set), &votes), Some(set));
    }

    #[test]
    fn without_a_decision_the_lower_median_vote_is_agreed() {
        let odd = [level("a", 3), level("b", 0), level("c", 2)];
        assert_eq!(agreed_answer(None, &odd), Some(Answer::Level { level: 2 }));
        let even = [level("a", 3), level("b", 1), level("c", 2), level("d", 4)];
        assert_eq!(agreed_answer(None, &even), Some(Answer::Level { level: 2 }));
        assert_eq!(agreed_answer(None, &[]), None);
    }

    #[test]
    fn na_votes_are_left_out_of_the_median_unless_all_say_na() {
        let mixed = [na("a"), level("b", 3), level("c", 1)];
        assert_eq!(
            agreed_answer(None, &mixed),
            Some(Answer::Level { level: 1 })
        );
        let all_na = [na("a"), na("b")];
        assert_eq!(
            agreed_answer(None, &all_na),
            Some(Answer::NotApplicable {
                reason: "a: no UI".into()
            })
        );
    }

    #[test]
    fn a_spread_of_two_levels_or_a_mix_with_na_is_a_disagreement() {
        assert_eq!(disagreement(&[level("a", 2), level("b", 3)]), None);
        assert_eq!(
            disagreement(&[level("a", 1), level("b", 3), level("c", 2)]),
            Some(Disagreement::Spread { low: 1, high: 3 })
        );
        assert_eq!(
            disagreement(&[na("a"), level("b", 2)]),
            Some(Disagreement::MixedNotApplicable)
        );
        assert_eq!(disagreement(&[na("a"), na("b")]), None);
        assert_eq!(disagreement(&[]), None);
    }

    #[test]
    fn participants_are_trimmed_distinct_and_not_empty() {
        assert_eq!(
            parse_participants(" Ana, Ben ,Chloé,, ").unwrap(),
            ["Ana", "Ben", "Chloé"]
        );
        assert!(parse_participants("Ana, ana").is_err());
        assert!(parse_participants(" , ").is_err());
    }
}
