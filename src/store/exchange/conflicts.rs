//! What an import found that differs from this database's version of it,
//! as values a front end can show field by field; their `Display` is the
//! sentence `mamos import` prints.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::assessment::TargetOverride;
use crate::model::Blueprint;
use crate::plan::ActionStatus;

/// One component, target, workshop or plan that differed; for workshops and
/// plans both versions are kept, for the rest this database's is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportConflict {
    /// The component's name.
    pub component: String,
    pub what: Conflicting,
    /// The sentence `mamos import` prints, for a front end that shows it whole.
    pub message: String,
}

impl ImportConflict {
    pub fn new(component: &str, what: Conflicting) -> ImportConflict {
        let message = Sentence {
            component,
            what: &what,
        }
        .to_string();
        ImportConflict {
            component: component.to_string(),
            what,
            message,
        }
    }
}

impl fmt::Display for ImportConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Sentence {
            component: &self.component,
            what: &self.what,
        }
        .fmt(f)
    }
}

/// What kind of thing differed, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflicting {
    /// The component's blueprint; this database's is kept.
    Blueprint { here: Blueprint, bundle: Blueprint },
    /// The target override of one pillar or practice; this database's is kept.
    TargetOverride {
        here: TargetOverride,
        bundle: TargetOverride,
    },
    /// A workshop: `kept` is the workshop as it was here, `imported` the bundle's version.
    Workshop {
        held_on: String,
        started_at: String,
        kept: i64,
        imported: i64,
        differs: WorkshopDifference,
    },
    /// A plan: `kept` is the plan as it was here, `imported` the bundle's version.
    Plan {
        #[ts(type = "string")]
        start: NaiveDate,
        #[ts(type = "string")]
        end: NaiveDate,
        created_at: String,
        kept: i64,
        imported: i64,
        differs: PlanDifference,
    },
}

/// Why an imported workshop is a second version of one here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkshopDifference {
    /// The bundle itself held it as a conflicting version.
    AlreadyConflicting,
    /// The two sides edited the same workshop differently.
    Edited { changes: WorkshopChanges },
}

/// What differs between two versions of a workshop; counts are of items
/// that differ or are on one side only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct WorkshopChanges {
    pub date_or_facilitator: bool,
    pub participants: bool,
    pub votes: usize,
    pub answers_or_notes: usize,
    pub evidence_links: usize,
    pub revealed_practices: bool,
    pub dora: bool,
    pub bank_version: bool,
}

/// Why an imported plan is a second version of one here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanDifference {
    /// The bundle itself held it as a conflicting version.
    AlreadyConflicting,
    /// Another plan, open here, stands beside it (`kept`): a component has one open plan.
    SecondOpenPlan,
    /// The two sides edited the same plan differently.
    Edited { changes: PlanChanges },
}

/// What differs between two versions of a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct PlanChanges {
    /// Actions on both sides whose fields differ.
    pub changed_actions: Vec<ChangedAction>,
    pub actions_only_in_bundle: Vec<String>,
    pub actions_only_here: Vec<String>,
    pub statuses: Vec<StatusChange>,
    pub action_order: bool,
    /// Set when the two sides recorded check-ins of different weeks.
    pub checkin_weeks: Option<CheckinWeeks>,
    /// The same weeks were checked in, with different answers.
    pub checkin_answers: bool,
    /// Set when the plan is closed on one side only: which.
    pub closed_only: Option<Side>,
}

/// An action on both sides of a plan whose fields differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangedAction {
    pub action: String,
    /// The fields that differ: title, step, owner, assignee, objective, start, end, depends_on.
    pub fields: Vec<String>,
}

/// An action whose status differs between the two versions of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusChange {
    pub action: String,
    pub here: ActionStatus,
    pub bundle: ActionStatus,
}

/// The check-in weeks of each version of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckinWeeks {
    pub here: Vec<u32>,
    pub bundle: Vec<u32>,
}

/// This database, or the imported bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Here,
    Bundle,
}

/// The sentence of a conflict, written from its parts.
struct Sentence<'a> {
    component: &'a str,
    what: &'a Conflicting,
}

impl fmt::Display for Sentence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.component;
        match self.what {
            Conflicting::Blueprint { here, bundle } => write!(
                f,
                "component {name:?}: blueprint {} here, {} in the bundle; kept {}",
                here.as_str(),
                bundle.as_str(),
                here.as_str()
            ),
            Conflicting::TargetOverride { here, bundle } => write!(
                f,
                "component {name:?}: the target of {} is {} here ({:?}) and {} in the bundle ({:?}); kept {}",
                here.key, here.level, here.reason, bundle.level, bundle.reason, here.level
            ),
            Conflicting::Workshop {
                held_on,
                started_at,
                kept,
                imported,
                differs,
            } => write!(
                f,
                "component {name:?}: the workshop of {held_on} (started {started_at}) {}; both kept: \
                 workshop {kept} as it was here, workshop {imported} as imported. Compare them with \
                 `mamos compare {name:?} --from {kept} --to {imported}`, keep one with \
                 `mamos workshop resolve {name:?} --keep ID`",
                workshop_reason(differs)
            ),
            Conflicting::Plan {
                start,
                end,
                created_at,
                kept,
                imported,
                differs,
            } => write!(
                f,
                "component {name:?}: the plan of {start} to {end} (created {created_at}) {}; both kept: \
                 plan {kept} as it was here, plan {imported} as imported. Compare them with \
                 `mamos plan history {name:?} --json`, keep one with \
                 `mamos plan resolve {name:?} --keep ID`",
                plan_reason(differs, *kept)
            ),
        }
    }
}

const ALREADY_CONFLICTING: &str = "was already a conflicting version in the bundle";

fn workshop_reason(differs: &WorkshopDifference) -> String {
    match differs {
        WorkshopDifference::AlreadyConflicting => ALREADY_CONFLICTING.to_string(),
        WorkshopDifference::Edited { changes } => {
            format!("was edited differently: {}", workshop_changes(changes))
        }
    }
}

/// What differs between two versions of a workshop, in words.
fn workshop_changes(changes: &WorkshopChanges) -> String {
    let count = |differs: usize, (one, many): (&str, &str)| match differs {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let parts: Vec<String> = [
        changes
            .date_or_facilitator
            .then(|| "the date or facilitator".to_string()),
        changes.participants.then(|| "the participants".to_string()),
        count(changes.votes, ("vote", "votes")),
        count(
            changes.answers_or_notes,
            ("agreed answer or note", "agreed answers or notes"),
        ),
        count(changes.evidence_links, ("evidence link", "evidence links")),
        changes
            .revealed_practices
            .then(|| "the revealed practices".to_string()),
        changes.dora.then(|| "the DORA metrics".to_string()),
        changes.bank_version.then(|| "the bank version".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "its content".to_string()
    } else {
        parts.join(", ")
    }
}

fn plan_reason(differs: &PlanDifference, kept: i64) -> String {
    match differs {
        PlanDifference::AlreadyConflicting => ALREADY_CONFLICTING.to_string(),
        PlanDifference::SecondOpenPlan => format!("is a second open plan beside plan {kept}"),
        PlanDifference::Edited { changes } => {
            format!("was edited differently: {}", plan_changes(changes))
        }
    }
}

/// What differs between two versions of a plan, in words.
fn plan_changes(changes: &PlanChanges) -> String {
    let mut parts = Vec::new();
    let actions: Vec<String> = changes
        .changed_actions
        .iter()
        .map(|c| format!("{} ({})", c.action, c.fields.join(", ")))
        .chain(
            changes
                .actions_only_in_bundle
                .iter()
                .map(|id| format!("{id} (only there)")),
        )
        .chain(
            changes
                .actions_only_here
                .iter()
                .map(|id| format!("{id} (only here)")),
        )
        .chain(changes.statuses.iter().map(|s| {
            format!(
                "{} (status {} here, {} there)",
                s.action,
                s.here.as_str(),
                s.bundle.as_str()
            )
        }))
        .collect();
    if !actions.is_empty() {
        parts.push(format!("actions {}", actions.join("; ")));
    }
    if changes.action_order {
        parts.push("the order of the actions".to_string());
    }
    if let Some(weeks) = &changes.checkin_weeks {
        parts.push(format!(
            "check-ins of weeks {:?} here, {:?} there",
            weeks.here, weeks.bundle
        ));
    } else if changes.checkin_answers {
        parts.push("the check-ins' answers".to_string());
    }
    match changes.closed_only {
        Some(Side::Here) => parts.push("closed here, open there".to_string()),
        Some(Side::Bundle) => parts.push("open here, closed there".to_string()),
        None => {}
    }
    if parts.is_empty() {
        parts.push("the plan's content".to_string());
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    fn target(level: u8, reason: &str) -> TargetOverride {
        TargetOverride {
            key: "methods".to_string(),
            pillar: true,
            level,
            reason: reason.to_string(),
        }
    }

    fn workshop(differs: WorkshopDifference) -> ImportConflict {
        ImportConflict::new(
            "Team",
            Conflicting::Workshop {
                held_on: "2025-01-10".to_string(),
                started_at: "2025-01-10T09:00:00Z".to_string(),
                kept: 4,
                imported: 7,
                differs,
            },
        )
    }

    fn plan(differs: PlanDifference) -> ImportConflict {
        ImportConflict::new(
            "Team",
            Conflicting::Plan {
                start: date("2025-03-03"),
                end: date("2025-05-31"),
                created_at: "2025-03-01T10:00:00Z".to_string(),
                kept: 2,
                imported: 5,
                differs,
            },
        )
    }

    fn plan_changes(changes: PlanChanges) -> String {
        plan(PlanDifference::Edited { changes }).to_string()
    }

    #[test]
    fn a_blueprint_or_target_conflict_says_what_was_kept() {
        let blueprint = ImportConflict::new(
            "Team",
            Conflicting::Blueprint {
                here: Blueprint::II,
                bundle: Blueprint::IV,
            },
        );
        assert_eq!(
            blueprint.to_string(),
            "component \"Team\": blueprint II here, IV in the bundle; kept II"
        );
        assert_eq!(blueprint.message, blueprint.to_string());
        let target = ImportConflict::new(
            "Team",
            Conflicting::TargetOverride {
                here: target(3, "Anna: audits"),
                bundle: target(2, "Ben: legacy"),
            },
        );
        assert_eq!(
            target.to_string(),
            "component \"Team\": the target of methods is 3 here (\"Anna: audits\") and 2 in the bundle (\"Ben: legacy\"); kept 3"
        );
    }

    #[test]
    fn a_workshop_conflict_counts_what_differs_and_names_both_versions() {
        let changes = WorkshopChanges {
            date_or_facilitator: true,
            participants: true,
            votes: 2,
            answers_or_notes: 1,
            evidence_links: 3,
            revealed_practices: true,
            dora: true,
            bank_version: true,
        };
        assert_eq!(
            workshop(WorkshopDifference::Edited { changes }).to_string(),
            "component \"Team\": the workshop of 2025-01-10 (started 2025-01-10T09:00:00Z) was edited \
             differently: the date or facilitator, the participants, 2 votes, 1 agreed answer or note, \
             3 evidence links, the revealed practices, the DORA metrics, the bank version; both kept: \
             workshop 4 as it was here, workshop 7 as imported. Compare them with \
             `mamos compare \"Team\" --from 4 --to 7`, keep one with \
             `mamos workshop resolve \"Team\" --keep ID`"
        );
        let nothing = WorkshopDifference::Edited {
            changes: WorkshopChanges {
                votes: 1,
                evidence_links: 1,
                ..WorkshopChanges::default()
            },
        };
        assert!(workshop(nothing)
            .to_string()
            .contains(") was edited differently: 1 vote, 1 evidence link; both kept"));
        assert!(workshop(WorkshopDifference::Edited {
            changes: WorkshopChanges::default()
        })
        .to_string()
        .contains(") was edited differently: its content; both kept"));
        assert!(workshop(WorkshopDifference::AlreadyConflicting)
            .to_string()
            .contains(") was already a conflicting version in the bundle; both kept"));
    }

    #[test]
    fn a_plan_conflict_lists_the_actions_check_ins_and_closure_that_differ() {
        let changes = PlanChanges {
            changed_actions: vec![ChangedAction {
                action: "a1".to_string(),
                fields: vec!["title".to_string(), "owner".to_string()],
            }],
            actions_only_in_bundle: vec!["a2".to_string()],
            actions_only_here: vec!["a3".to_string()],
            statuses: vec![StatusChange {
                action: "a4".to_string(),
                here: ActionStatus::Todo,
                bundle: ActionStatus::Done,
            }],
            action_order: true,
            checkin_weeks: Some(CheckinWeeks {
                here: vec![1, 2],
                bundle: vec![1],
            }),
            checkin_answers: false,
            closed_only: Some(Side::Here),
        };
        assert_eq!(
            plan_changes(changes),
            "component \"Team\": the plan of 2025-03-03 to 2025-05-31 (created 2025-03-01T10:00:00Z) \
             was edited differently: actions a1 (title, owner); a2 (only there); a3 (only here); \
             a4 (status todo here, done there); the order of the actions; check-ins of weeks [1, 2] \
             here, [1] there; closed here, open there; both kept: plan 2 as it was here, plan 5 as \
             imported. Compare them with `mamos plan history \"Team\" --json`, keep one with \
             `mamos plan resolve \"Team\" --keep ID`"
        );
        let answers = plan_changes(PlanChanges {
            checkin_answers: true,
            closed_only: Some(Side::Bundle),
            ..PlanChanges::default()
        });
        assert!(
            answers.contains(
                " was edited differently: the check-ins' answers; open here, closed there; both kept"
            ),
            "{answers}"
        );
        assert!(plan_changes(PlanChanges::default())
            .contains(" was edited differently: the plan's content; both kept"));
        assert!(plan(PlanDifference::SecondOpenPlan)
            .to_string()
            .contains(") is a second open plan beside plan 2; both kept: plan 2 as it was here"));
        assert!(plan(PlanDifference::AlreadyConflicting)
            .to_string()
            .contains(") was already a conflicting version in the bundle; both kept"));
    }
}
