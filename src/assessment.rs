//! Components and their assessments as the UI and the CLI see them: the stored
//! answers joined with the pinned bank and the scores computed from both.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Bank, Blueprint};
use crate::report::radar::{radar_chart, RadarChart};
use crate::scoring::{self, Answer, Scores, TargetOverrides};

/// Longest component name we accept; long enough for any team name, short enough for a PDF title.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest note or N/A reason, so a pasted document cannot bloat the database.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// A team or software system being assessed, with its current assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Component {
    pub id: i64,
    pub name: String,
    pub blueprint: Blueprint,
    /// The bank the current assessment is pinned to.
    pub bank_id: String,
    pub bank_version: String,
    /// When the component was created, RFC 3339 UTC.
    pub created_at: String,
    /// Practices with an answer (a level or N/A) in the current assessment.
    pub answered: u32,
    /// Practices in the pinned bank.
    pub total: u32,
}

/// What is recorded for one practice: the answer (none while unanswered) and a free note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeAnswer {
    pub practice_id: String,
    pub answer: Option<Answer>,
    pub note: String,
}

/// A coach's target for one practice or a whole pillar of a component, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TargetOverride {
    /// A practice id, or a pillar id when `pillar` is true.
    pub key: String,
    pub pillar: bool,
    pub level: u8,
    pub reason: String,
}

/// A link to what shows a practice's level: a URL or a file path, with a short label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Evidence {
    pub id: i64,
    pub practice_id: String,
    /// A URL or a file path (the SQL column is still named `target`).
    pub location: String,
    pub label: String,
}

/// Everything a screen or a report needs about one component's current assessment.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AssessmentView {
    pub component: Component,
    pub bank: Bank,
    /// One entry per practice with an answer or a note, in bank order.
    pub answers: Vec<PracticeAnswer>,
    pub scores: Scores,
    pub radar: RadarChart,
    /// The coach's target overrides that the scores use.
    pub overrides: Vec<TargetOverride>,
    pub evidence: Vec<Evidence>,
}

impl AssessmentView {
    /// Joins stored answers with the pinned bank and scores them against the blueprint's targets.
    pub fn new(component: Component, bank: Bank, recorded: Vec<PracticeAnswer>) -> Self {
        Self::with_overrides(component, bank, recorded, Vec::new(), Vec::new())
    }

    /// As `new`, with the coach's target overrides and the evidence links.
    pub fn with_overrides(
        component: Component,
        bank: Bank,
        recorded: Vec<PracticeAnswer>,
        overrides: Vec<TargetOverride>,
        evidence: Vec<Evidence>,
    ) -> Self {
        let by_id: BTreeMap<&str, &PracticeAnswer> = recorded
            .iter()
            .map(|a| (a.practice_id.as_str(), a))
            .collect();
        let answers: Vec<PracticeAnswer> = bank
            .practices()
            .filter_map(|(_, p)| by_id.get(p.id.as_str()).map(|a| (*a).clone()))
            .collect();
        let levels: BTreeMap<String, Answer> = answers
            .iter()
            .filter_map(|a| {
                a.answer
                    .clone()
                    .map(|answer| (a.practice_id.clone(), answer))
            })
            .collect();
        let targets = target_overrides(&overrides);
        let scores = scoring::score_with_targets(&bank, component.blueprint, &targets, &levels);
        let radar = radar_chart(&scores);
        AssessmentView {
            component,
            bank,
            answers,
            scores,
            radar,
            overrides,
            evidence,
        }
    }

    pub fn answer_map(&self) -> BTreeMap<String, Answer> {
        self.answers
            .iter()
            .filter_map(|a| {
                a.answer
                    .clone()
                    .map(|answer| (a.practice_id.clone(), answer))
            })
            .collect()
    }
}

/// The overrides as scoring uses them.
pub fn target_overrides(overrides: &[TargetOverride]) -> TargetOverrides {
    let mut targets = TargetOverrides::default();
    for o in overrides {
        if o.pillar {
            if let Some(pillar) = crate::model::PillarId::parse(&o.key) {
                targets.pillars.insert(pillar, o.level);
            }
        } else {
            targets.practices.insert(o.key.clone(), o.level);
        }
    }
    targets
}

/// Checks a component name typed by a user: trimmed, not empty, no control
/// characters, at most `MAX_NAME_CHARS`. Any script, accent or emoji is fine.
pub fn clean_component_name(name: &str) -> crate::Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(crate::Error::invalid(
            "name",
            "a component name cannot be empty",
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(crate::Error::invalid(
            "name",
            "a component name cannot contain control characters such as tabs or line breaks",
        ));
    }
    let count = name.chars().count();
    if count > MAX_NAME_CHARS {
        return Err(crate::Error::invalid(
            "name",
            format!(
                "a component name has at most {MAX_NAME_CHARS} characters, this one has {count}"
            ),
        ));
    }
    Ok(name.to_string())
}

/// Checks an answer before it is stored: level 0–4, or N/A with a non-empty reason.
pub fn check_answer(answer: &Answer) -> crate::Result<Answer> {
    match answer {
        Answer::Level { level } if *level <= crate::model::MAX_LEVEL => Ok(answer.clone()),
        Answer::Level { level } => Err(crate::Error::invalid(
            "level",
            format!("expected a level from 0 to 4 or `na`, found {level}"),
        )),
        Answer::NotApplicable { reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(crate::Error::invalid(
                    "reason",
                    "a not-applicable answer needs a reason (why this practice does not apply here)",
                ));
            }
            check_note_length("reason", reason)?;
            Ok(Answer::NotApplicable {
                reason: reason.to_string(),
            })
        }
    }
}

pub fn check_note_length(field: &str, text: &str) -> crate::Result<()> {
    let count = text.chars().count();
    if count > MAX_NOTE_CHARS {
        return Err(crate::Error::invalid(
            field,
            format!("at most {MAX_NOTE_CHARS} characters, this one has {count}"),
        ));
    }
    Ok(())
}
