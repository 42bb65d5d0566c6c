//! Regeneration: what replacing a plan would change, and the new plan with
//! the coach's choices kept.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// One action present in both plans whose content differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionChange {
    pub id: String,
    /// The fields that differ: title, step, owner, assignee, objective, start, end, depends_on.
    pub fields: Vec<String>,
    /// The coach edited it by hand: regenerating replaces those edits unless it is kept.
    pub edited: bool,
}

/// What replacing plan `old` by plan `new` would change.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct PlanDiff {
    /// Action ids only in the new plan.
    pub added: Vec<String>,
    /// Action ids only in the old plan; those the coach edited or added are marked in `edited_removed`.
    pub removed: Vec<String>,
    pub edited_removed: Vec<String>,
    pub changed: Vec<ActionChange>,
    /// The objectives or key results differ.
    pub objectives_changed: bool,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.objectives_changed
    }
}

/// The difference between two plans, action by action (matched by id).
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let mut result = PlanDiff {
        objectives_changed: old.objectives != new.objectives,
        ..PlanDiff::default()
    };
    for action in &new.actions {
        if old.action(&action.id).is_none() {
            result.added.push(action.id.clone());
        }
    }
    for before in &old.actions {
        let Some(after) = new.action(&before.id) else {
            result.removed.push(before.id.clone());
            if before.edited {
                result.edited_removed.push(before.id.clone());
            }
            continue;
        };
        let mut fields = Vec::new();
        let mut check = |name: &str, differs: bool| {
            if differs {
                fields.push(name.to_string());
            }
        };
        check("title", before.title != after.title);
        check("step", before.step != after.step);
        check("owner", before.owner != after.owner);
        check("assignee", before.assignee != after.assignee);
        check("objective", before.objective != after.objective);
        check("start", before.start != after.start);
        check("end", before.end != after.end);
        check("depends_on", before.depends_on != after.depends_on);
        if !fields.is_empty() {
            result.changed.push(ActionChange {
                id: before.id.clone(),
                fields,
                edited: before.edited,
            });
        }
    }
    result
}

/// `new` with the coach's choices from `old`: the actions listed in `keep`
/// stay as they were (in their old position relative to the others), and
/// every action present in both keeps its status.
pub fn merge_regenerated(old: &Plan, mut new: Plan, keep: &BTreeSet<String>) -> Plan {
    for action in &mut new.actions {
        if let Some(before) = old.action(&action.id) {
            action.status = before.status;
        }
    }
    for (position, before) in old.actions.iter().enumerate() {
        if !keep.contains(&before.id) {
            continue;
        }
        let mut kept = before.clone();
        if !new.objectives.iter().any(|o| o.id == kept.objective) {
            if let Some(first) = new.objectives.first() {
                kept.objective = first.id.clone();
            }
        }
        match new.actions.iter().position(|a| a.id == kept.id) {
            Some(i) => new.actions[i] = kept,
            None => {
                let at = position.min(new.actions.len());
                new.actions.insert(at, kept);
            }
        }
    }
    let ids: BTreeSet<String> = new.actions.iter().map(|a| a.id.clone()).collect();
    for action in &mut new.actions {
        action.depends_on.retain(|d| ids.contains(d));
    }
    new.deferred.retain(|d| !ids.contains(&d.practice_id));
    if !new.actions.is_empty() {
        new.empty_reason = None;
        if new.checkins.is_empty() {
            new.checkins = checkin_dates(new.start);
        }
    }
    new
}

/// What regenerating would change, and the plan it would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegeneratePreview {
    pub diff: PlanDiff,
    pub plan: Plan,
}
