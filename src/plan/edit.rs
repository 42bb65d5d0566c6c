//! The coach's edits of a plan's actions, and the checks an edited action
//! must pass before it is stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Action, ActionStatus, Plan};
use crate::assessment::check_person_name;
use crate::model::Owner;
use crate::{Error, Result};

/// Longest action title.
pub const MAX_TITLE_CHARS: usize = 200;

/// One change the coach makes to an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionEdit {
    Rename {
        title: String,
    },
    /// A role, and a person's name that replaces it (empty clears the name).
    Reassign {
        owner: Option<Owner>,
        assignee: Option<String>,
    },
    Reschedule {
        #[ts(type = "string")]
        start: NaiveDate,
        #[ts(type = "string")]
        end: NaiveDate,
    },
    /// To 1-based position `position` in the plan's order.
    Move {
        position: u32,
    },
    Status {
        status: ActionStatus,
    },
}

/// An action the coach adds by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewAction {
    pub title: String,
    /// The objective it serves (`o1`, …); the first objective when null.
    pub objective: Option<String>,
    pub owner: Owner,
    pub assignee: Option<String>,
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string")]
    pub end: NaiveDate,
}

pub(crate) fn clean_title(title: &str) -> Result<String> {
    let title = title.trim();
    if title.is_empty() || title.chars().any(char::is_control) {
        return Err(Error::invalid(
            "title",
            "an action title cannot be empty or contain line breaks or tabs",
        ));
    }
    let count = title.chars().count();
    if count > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "title",
            format!(
                "an action title has at most {MAX_TITLE_CHARS} characters, this one has {count}"
            ),
        ));
    }
    Ok(title.to_string())
}

/// An empty name clears the assignee.
pub(crate) fn clean_assignee(name: &str) -> Result<Option<String>> {
    let name = name.trim();
    check_person_name("assignee", name)?;
    Ok((!name.is_empty()).then(|| name.to_string()))
}

/// Dates inside the plan, start before end, after what the action needs and
/// before what needs it.
pub(crate) fn check_schedule(plan: &Plan, action: &Action) -> Result<()> {
    let field = format!("action {}", action.id);
    if action.start > action.end {
        return Err(Error::invalid(
            &field,
            format!("starts on {} after it ends on {}", action.start, action.end),
        ));
    }
    if action.start < plan.start || action.end > plan.end {
        return Err(Error::invalid(
            &field,
            format!(
                "must run within the plan, {} to {} (day 1 to day 90); asked {} to {}",
                plan.start, plan.end, action.start, action.end
            ),
        ));
    }
    for dep in &action.depends_on {
        if let Some(before) = plan
            .actions
            .iter()
            .find(|a| &a.id == dep && a.id != action.id)
        {
            if action.start <= before.end {
                return Err(Error::invalid(
                    &field,
                    format!(
                        "cannot start on {} before {dep}, which it depends on, ends on {}",
                        action.start, before.end
                    ),
                ));
            }
        }
    }
    for after in plan
        .actions
        .iter()
        .filter(|a| a.id != action.id && a.depends_on.contains(&action.id))
    {
        if after.start <= action.end {
            return Err(Error::invalid(
                &field,
                format!(
                    "cannot end on {} after {}, which depends on it, starts on {}",
                    action.end, after.id, after.start
                ),
            ));
        }
    }
    Ok(())
}
