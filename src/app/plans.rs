//! 90-day plans: generated from a component's current workshop, edited by the
//! coach, checked in weekly, regenerated after a re-assessment, and closed
//! with graded key results; and the organisation-level plan of shared gaps.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::{
    checkin_week, today_day, Action, ActionEdit, CheckinInput, CommonObjective, NewAction,
    PlanOptions, RegeneratePreview, StoredPlan,
};
use crate::store::Store;
use crate::{Error, Result};

/// The plan a coach asks for: the open one, or a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanRequest {
    pub component_id: i64,
    /// Day 1 of a new plan. Default: the day after the previous plan's day 90,
    /// or today if that is past or there is no previous plan.
    pub start: Option<NaiveDate>,
    /// At most this many objectives in a new plan (default 3).
    pub objectives: Option<u32>,
}

/// The component's open plan, or a new one generated from its current
/// workshop and stored. Asking for a new start or size while a plan is open
/// is refused: close it first.
pub fn open_or_create_plan(
    store: &mut Store,
    request: &PlanRequest,
    today: NaiveDate,
) -> Result<StoredPlan> {
    let id = request.component_id;
    let wants_new = request.start.is_some() || request.objectives.is_some();
    match store.open_plan(id)? {
        Some(open) if !wants_new => Ok(open),
        Some(open) => Err(Error::PlanOpen(open.component)),
        None => {
            let start = match request.start {
                Some(start) => start,
                None => store.default_plan_start(id, today)?,
            };
            let options = with_objectives(request.objectives, &PlanOptions::default());
            store.create_plan(id, start, &options)
        }
    }
}

fn with_objectives(objectives: Option<u32>, base: &PlanOptions) -> PlanOptions {
    PlanOptions {
        max_objectives: objectives.unwrap_or(base.max_objectives),
        ..base.clone()
    }
}

/// A plan as seen on one day: where that day falls on its timeline and
/// which check-in is due, so the screens show the core's calendar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanOnDay {
    pub plan: StoredPlan,
    /// That day in the plan (1 to 91), or null outside its 13 weeks.
    pub today_day: Option<u32>,
    /// The check-in week to offer that day.
    pub checkin_week: u32,
}

impl PlanOnDay {
    pub fn new(plan: StoredPlan, today: NaiveDate) -> PlanOnDay {
        PlanOnDay {
            today_day: today_day(plan.plan.start, today),
            checkin_week: checkin_week(&plan.plan.checkins, today),
            plan,
        }
    }
}

/// The component's open plan as seen on `today`, if it has one.
pub fn open_plan_on(
    store: &Store,
    component_id: i64,
    today: NaiveDate,
) -> Result<Option<PlanOnDay>> {
    Ok(store
        .open_plan(component_id)?
        .map(|plan| PlanOnDay::new(plan, today)))
}

/// Every plan of a component, oldest first (closed ones carry their grades).
pub fn plans(store: &Store, component_id: i64) -> Result<Vec<StoredPlan>> {
    store.plans(component_id)
}

/// Closes the open plan at the re-assessment and grades its key results 0–1
/// from the latest workshop.
pub fn close_plan(store: &mut Store, component_id: i64) -> Result<StoredPlan> {
    store.close_plan(component_id)
}

/// The open plan's options with `objectives` instead of its own number, if given.
fn with_objectives_of(open: &StoredPlan, objectives: Option<u32>) -> Option<PlanOptions> {
    objectives.map(|n| with_objectives(Some(n), &open.plan.options))
}

/// What regenerating the open plan from the current workshop would change.
pub fn preview_regenerate(
    store: &Store,
    component_id: i64,
    objectives: Option<u32>,
) -> Result<RegeneratePreview> {
    let open = store.require_open_plan(component_id)?;
    store.preview_regenerate(component_id, with_objectives_of(&open, objectives).as_ref())
}

/// Regenerating the open plan: which actions the coach keeps as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regenerate {
    pub component_id: i64,
    pub objectives: Option<u32>,
    pub keep: Vec<String>,
    /// Also keep every action the coach edited or added.
    pub keep_edited: bool,
}

/// Regenerates the open plan, keeping the chosen actions; refused, with
/// nothing changed, when a kept edit would break the plan's rules.
pub fn regenerate(store: &mut Store, request: &Regenerate) -> Result<StoredPlan> {
    let id = request.component_id;
    let open = store.require_open_plan(id)?;
    let mut kept: BTreeSet<String> = request.keep.iter().cloned().collect();
    if request.keep_edited {
        let edited = open.plan.actions.iter().filter(|a| a.edited);
        kept.extend(edited.map(|a| a.id.clone()));
    }
    let options = with_objectives_of(&open, request.objectives);
    store.regenerate_plan(id, options.as_ref(), &kept)
}

/// An action the coach added, and the plan it is now part of.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ActionAdded {
    pub action: Action,
    pub plan: StoredPlan,
}

/// Adds the coach's own action to the open plan.
pub fn add_action(store: &mut Store, component_id: i64, new: &NewAction) -> Result<ActionAdded> {
    let action = store.add_action(component_id, new)?;
    let plan = store.require_open_plan(component_id)?;
    Ok(ActionAdded { action, plan })
}

/// One coach edit to an action of the open plan (rename, reassign, reschedule, move, status).
pub fn edit_action(
    store: &mut Store,
    component_id: i64,
    action_id: &str,
    edit: &ActionEdit,
) -> Result<StoredPlan> {
    if let ActionEdit::Reassign {
        owner: None,
        assignee: None,
    } = edit
    {
        return Err(Error::invalid(
            "assign",
            "give --owner ROLE, --to NAME, or both",
        ));
    }
    store.edit_action(component_id, action_id, edit)
}

/// Moves an action of the open plan so it starts in plan week `week`,
/// keeping its length; dates outside day 1–90 or before what the action
/// depends on are refused.
pub fn move_action_to_week(
    store: &mut Store,
    component_id: i64,
    action_id: &str,
    week: u32,
) -> Result<StoredPlan> {
    let stored = store.require_open_plan(component_id)?;
    let Some(action) = stored.plan.action(action_id) else {
        let known: Vec<&str> = stored.plan.actions.iter().map(|a| a.id.as_str()).collect();
        return Err(Error::UnknownAction {
            action: action_id.to_string(),
            known: known.join(", "),
        });
    };
    let shift = chrono::Duration::days(7 * (i64::from(week) - i64::from(action.start_week)));
    let edit = ActionEdit::Reschedule {
        start: action.start + shift,
        end: action.end + shift,
    };
    store.edit_action(component_id, action_id, &edit)
}

/// Removes an action from the open plan.
pub fn remove_action(store: &mut Store, component_id: i64, action_id: &str) -> Result<StoredPlan> {
    store.remove_action(component_id, action_id)
}

/// Settles an import conflict: keeps one version of a plan, deletes the others.
pub fn resolve_plan(store: &mut Store, component_id: i64, keep: i64) -> Result<StoredPlan> {
    store.resolve_plan_conflict(component_id, keep)
}

/// Records (or completes) one week's check-in and the action statuses it reports.
pub fn record_checkin(
    store: &mut Store,
    component_id: i64,
    checkin: &CheckinInput,
) -> Result<StoredPlan> {
    store.record_checkin(component_id, checkin)
}

/// The organisation-level plan: gaps shared by at least `min_components`
/// components of the organisation (or of `group`), at most `max`, in `lang`.
pub fn common_objectives(
    store: &Store,
    group: Option<&str>,
    min_components: usize,
    max: usize,
    lang: &str,
) -> Result<Vec<CommonObjective>> {
    store.common_objectives(group, min_components, max, lang)
}
