//! Components and their assessments as the UI and the CLI see them: the stored
//! answers joined with the pinned bank and the scores computed from both.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Bank, Blueprint};
use crate::report::radar::{radar_chart, RadarChart};
use crate::scoring::{self, Answer, Scores, TargetOrigin, TargetOverrides};

/// Longest component name we accept; long enough for any team name, short enough for a PDF title.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest note or N/A reason, so a pasted document cannot bloat the database.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// Longest evidence location: long URLs are fine, a pasted document is not.
pub const MAX_EVIDENCE_CHARS: usize = 2_000;

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

/// The target one practice is held to, where it comes from, and the
/// blueprint's target to show beside an override.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PracticeTarget {
    pub practice_id: String,
    pub level: u8,
    pub origin: TargetOrigin,
    /// The override's reason; null when the target is the blueprint's.
    pub reason: Option<String>,
    pub blueprint_level: u8,
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
    /// The target each practice of the bank is held to, in bank order.
    pub targets: Vec<PracticeTarget>,
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
        let targets = practice_targets(&bank, component.blueprint, &overrides);
        AssessmentView {
            component,
            bank,
            answers,
            scores,
            radar,
            overrides,
            targets,
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

/// The target every practice of `bank` is held to, in bank order, with the
/// precedence scoring uses (`TargetOverrides::held_target`) and the reason of
/// the override that sets it.
pub fn practice_targets(
    bank: &Bank,
    blueprint: Blueprint,
    overrides: &[TargetOverride],
) -> Vec<PracticeTarget> {
    let held = target_overrides(overrides);
    let reason = |pillar: bool, key: &str| {
        overrides
            .iter()
            .find(|o| o.pillar == pillar && o.key == key)
            .map(|o| o.reason.clone())
    };
    bank.practices()
        .map(|(pillar, practice)| {
            let (level, origin) = held.held_target(pillar.id, practice, blueprint);
            PracticeTarget {
                practice_id: practice.id.clone(),
                level,
                origin,
                reason: match origin {
                    TargetOrigin::Blueprint => None,
                    TargetOrigin::PracticeOverride => reason(false, &practice.id),
                    TargetOrigin::PillarOverride => reason(true, pillar.id.as_str()),
                },
                blueprint_level: practice.target(blueprint),
            }
        })
        .collect()
}

/// Checks a component name typed by a user: trimmed, not empty, no control
/// characters, at most `MAX_NAME_CHARS`. Any script, accent or emoji is fine.
pub fn clean_component_name(name: &str) -> crate::Result<String> {
    clean_name("component", name)
}

/// A group's name, held to the rules of a component's and called what it is.
pub fn clean_group_name(name: &str) -> crate::Result<String> {
    clean_name("group", name)
}

fn clean_name(what: &str, name: &str) -> crate::Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(crate::Error::invalid(
            "name",
            format!("a {what} name cannot be empty"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(crate::Error::invalid(
            "name",
            format!("a {what} name cannot contain control characters such as tabs or line breaks"),
        ));
    }
    let count = name.chars().count();
    if count > MAX_NAME_CHARS {
        return Err(crate::Error::invalid(
            "name",
            format!("a {what} name has at most {MAX_NAME_CHARS} characters, this one has {count}"),
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

/// Checks where a piece of evidence is (a URL or a file path): trimmed, not
/// empty, on one line, at most `MAX_EVIDENCE_CHARS`.
pub fn clean_evidence_location(location: &str) -> crate::Result<String> {
    let location = location.trim();
    if location.is_empty() {
        return Err(crate::Error::invalid(
            "evidence",
            "expected a URL or a file path",
        ));
    }
    if location.chars().count() > MAX_EVIDENCE_CHARS || location.chars().any(char::is_control) {
        return Err(crate::Error::invalid(
            "evidence",
            format!("expected a URL or a file path on one line, at most {MAX_EVIDENCE_CHARS} characters"),
        ));
    }
    Ok(location.to_string())
}

/// A person's name as a workshop's facilitator or an action's assignee: on
/// one line, at most `MAX_NAME_CHARS`. Empty is allowed (nobody named).
pub fn check_person_name(field: &str, name: &str) -> crate::Result<()> {
    if name.chars().any(char::is_control) || name.chars().count() > MAX_NAME_CHARS {
        return Err(crate::Error::invalid(
            field,
            format!("a person's name has at most {MAX_NAME_CHARS} characters and no line breaks"),
        ));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{builtin_bank, PillarId};

    #[test]
    fn a_persons_name_is_one_line_of_at_most_the_name_limit() {
        assert!(check_person_name("facilitator", "").is_ok());
        assert!(check_person_name("facilitator", &"é".repeat(MAX_NAME_CHARS)).is_ok());
        for bad in ["Chloé\nBen".to_string(), "x".repeat(MAX_NAME_CHARS + 1)] {
            let error = check_person_name("facilitator", &bad).expect_err("refused");
            assert!(error.to_string().contains("facilitator"), "{error}");
        }
    }

    fn override_of(key: &str, pillar: bool, level: u8, reason: &str) -> TargetOverride {
        TargetOverride {
            key: key.to_string(),
            pillar,
            level,
            reason: reason.to_string(),
        }
    }

    #[test]
    fn every_practice_is_held_to_its_blueprint_target_without_overrides() {
        let bank = builtin_bank();
        let targets = practice_targets(&bank, Blueprint::III, &[]);
        assert_eq!(targets.len(), bank.practice_count());
        for ((_, practice), target) in bank.practices().zip(&targets) {
            assert_eq!(target.practice_id, practice.id);
            assert_eq!(target.level, practice.target(Blueprint::III));
            assert_eq!(target.blueprint_level, target.level);
            assert_eq!(
                (target.origin, target.reason.as_deref()),
                (TargetOrigin::Blueprint, None)
            );
        }
    }

    #[test]
    fn a_practice_override_wins_over_its_pillar_override_and_each_keeps_its_reason() {
        let bank = builtin_bank();
        let methods = bank
            .pillar(PillarId::Methods)
            .expect("the built-in bank has Methods");
        let (first, second) = (&methods.practices[0], &methods.practices[1]);
        let overrides = [
            override_of("methods", true, 1, "new team"),
            override_of(&first.id, false, 4, "regulated"),
        ];
        let targets = practice_targets(&bank, Blueprint::II, &overrides);
        let of = |id: &str| {
            targets
                .iter()
                .find(|t| t.practice_id == id)
                .expect("listed")
        };

        let own = of(&first.id);
        assert_eq!((own.level, own.origin), (4, TargetOrigin::PracticeOverride));
        assert_eq!(own.reason.as_deref(), Some("regulated"));
        assert_eq!(own.blueprint_level, first.target(Blueprint::II));

        let pillar = of(&second.id);
        assert_eq!(
            (pillar.level, pillar.origin),
            (1, TargetOrigin::PillarOverride)
        );
        assert_eq!(pillar.reason.as_deref(), Some("new team"));

        let skills = &bank.pillar(PillarId::Skills).expect("Skills").practices[0];
        assert_eq!(of(&skills.id).origin, TargetOrigin::Blueprint);
    }

    #[test]
    fn the_view_holds_each_practice_to_the_target_its_scores_use() {
        let bank = builtin_bank();
        let component = Component {
            id: 1,
            name: "Payments".into(),
            blueprint: Blueprint::II,
            bank_id: bank.id.clone(),
            bank_version: bank.version.clone(),
            created_at: String::new(),
            answered: 0,
            total: 0,
        };
        let overrides = vec![override_of("skills", true, 0, "outsourced")];
        let view = AssessmentView::with_overrides(component, bank, vec![], overrides, vec![]);
        assert_eq!(view.targets.len(), view.bank.practice_count());
        for ((pillar, _), target) in view.bank.practices().zip(&view.targets) {
            let expected = if pillar.id == PillarId::Skills {
                0
            } else {
                target.blueprint_level
            };
            assert_eq!(target.level, expected, "{}", target.practice_id);
        }
        let skills = view
            .scores
            .pillars
            .iter()
            .find(|p| p.id == PillarId::Skills);
        assert_eq!(skills.and_then(|p| p.target_score), Some(0.0));
    }
}

/// What a document, a bundle or a roll-up is about: one component, one group,
/// or the whole organisation (every component).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    Organisation,
    Group { name: String },
    Component { id: i64 },
}

impl Scope {
    /// The group's name for a group, `None` for the organisation and a component.
    pub fn group(&self) -> Option<&str> {
        match self {
            Scope::Group { name } => Some(name),
            Scope::Organisation | Scope::Component { .. } => None,
        }
    }
}
