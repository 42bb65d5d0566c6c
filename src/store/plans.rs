//! 90-day plans in the store: generated from a component's current workshop
//! by the pure `plan` module, then edited by the coach action by action,
//! checked weekly and closed at the re-assessment. Every edit is committed
//! when it is made; bad input changes nothing.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::{now, Store};
use crate::assessment::{check_note_length, target_overrides};
use crate::plan::{
    check_schedule, clean_assignee, clean_title, common_objectives, diff, generate_plan,
    grade_key_results, mean_grade, merge_regenerated, next_plan_start, week_of, week_start, Action,
    ActionEdit, ActionStatus, Checkin, CheckinInput, CommonObjective, KeyResultGrade, NewAction,
    Plan, PlanInputs, PlanOptions, RegeneratePreview, StoredPlan, PLAN_WEEKS,
};
use crate::{Error, Result};

/// JSON this store wrote that does not parse back: the database is damaged.
fn stored_json_error(what: &str, e: serde_json::Error) -> Error {
    Error::corrupt(what, e)
}

impl Store {
    /// The pure inputs of a plan for a workshop, then a function of them.
    fn with_plan_inputs<T>(
        &self,
        workshop_id: i64,
        start: NaiveDate,
        f: impl FnOnce(&PlanInputs) -> T,
    ) -> Result<T> {
        let view = self.workshop_view(workshop_id)?;
        let answers = view.answer_map();
        let targets = target_overrides(&view.overrides);
        let dora = self.dora(workshop_id)?.map(|(metrics, _)| metrics);
        let inputs = PlanInputs {
            bank: &view.bank,
            blueprint: view.component.blueprint,
            targets: &targets,
            answers: &answers,
            dora: dora.as_ref(),
            start,
        };
        Ok(f(&inputs))
    }

    fn latest_workshop(&self, component_id: i64) -> Result<i64> {
        Ok(self.current_assessment(component_id)?.0)
    }

    /// The plan a component's current workshop gives, without storing it.
    pub fn preview_plan(
        &self,
        component_id: i64,
        start: NaiveDate,
        options: &PlanOptions,
    ) -> Result<Plan> {
        options.check()?;
        let workshop = self.latest_workshop(component_id)?;
        self.with_plan_inputs(workshop, start, |inputs| generate_plan(inputs, options))
    }

    /// Generates and stores a plan from the component's current workshop.
    /// A component has at most one open plan: close it first.
    pub fn create_plan(
        &mut self,
        component_id: i64,
        start: NaiveDate,
        options: &PlanOptions,
    ) -> Result<StoredPlan> {
        let component = self.component(component_id)?;
        if self.open_plan_id(component_id)?.is_some() {
            return Err(Error::PlanOpen(component.name));
        }
        let plan = self.preview_plan(component_id, start, options)?;
        let workshop = self.latest_workshop(component_id)?;
        let previous: Option<i64> = self.db(self.conn.query_row(
            "SELECT max(id) FROM plan WHERE component_id = ?1 AND conflict_of IS NULL",
            params![component_id],
            |row| row.get(0),
        ))?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        let id = self.db((|| {
            tx.execute(
                "INSERT INTO plan (component_id, assessment_id, start_date, content, created_at, previous_plan)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![component_id, workshop, start.to_string(), plan_content(&plan), now(), previous],
            )?;
            let id = tx.last_insert_rowid();
            write_actions(&tx, id, &plan.actions)?;
            Ok(id)
        })())?;
        self.db(tx.commit())?;
        self.plan(id)
    }

    /// Day 1 of the component's next plan when the coach gives none (see `plan::next_plan_start`).
    pub fn default_plan_start(&self, component_id: i64, today: NaiveDate) -> Result<NaiveDate> {
        let previous_end = self
            .plans(component_id)?
            .iter()
            .rev()
            .find(|p| p.conflict_of.is_none())
            .map(|p| p.plan.end);
        Ok(next_plan_start(previous_end, today))
    }

    fn open_plan_id(&self, component_id: i64) -> Result<Option<i64>> {
        self.db(self
            .conn
            .query_row(
                "SELECT id FROM plan
                 WHERE component_id = ?1 AND closed_at IS NULL AND conflict_of IS NULL",
                params![component_id],
                |row| row.get(0),
            )
            .optional())
    }

    /// The component's open plan, if any.
    pub fn open_plan(&self, component_id: i64) -> Result<Option<StoredPlan>> {
        self.component(component_id)?;
        self.open_plan_id(component_id)?
            .map(|id| self.plan(id))
            .transpose()
    }

    /// The component's open plan, or `NoOpenPlan` naming the component.
    pub(crate) fn require_open_plan(&self, component_id: i64) -> Result<StoredPlan> {
        let component = self.component(component_id)?;
        self.open_plan(component_id)?
            .ok_or(Error::NoOpenPlan(component.name))
    }

    /// Every plan of a component, oldest first.
    pub fn plans(&self, component_id: i64) -> Result<Vec<StoredPlan>> {
        self.component(component_id)?;
        let mut stmt = self.db(self
            .conn
            .prepare_cached("SELECT id FROM plan WHERE component_id = ?1 ORDER BY id"))?;
        let ids = self.db(stmt
            .query_map(params![component_id], |row| row.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        ids.into_iter().map(|id| self.plan(id)).collect()
    }

    pub fn plan(&self, plan_id: i64) -> Result<StoredPlan> {
        let row = self.db(self
            .conn
            .query_row(
                "SELECT p.component_id, c.name, p.assessment_id, p.created_at, p.content,
                        p.closed_at, p.closed_by, p.grades, p.previous_plan, p.conflict_of
                 FROM plan p JOIN component c ON c.id = p.component_id WHERE p.id = ?1",
                params![plan_id],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, i64>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                        row.get::<_, Option<String>>(5)?,
                        row.get::<_, Option<i64>>(6)?,
                        row.get::<_, Option<String>>(7)?,
                        row.get::<_, Option<i64>>(8)?,
                        row.get::<_, Option<i64>>(9)?,
                    ))
                },
            )
            .optional())?;
        let Some((
            component_id,
            component,
            workshop_id,
            created_at,
            content,
            closed_at,
            closed_by,
            grades,
            previous_plan,
            conflict_of,
        )) = row
        else {
            return Err(Error::not_found(
                "plan",
                format!("no plan with id {plan_id}"),
            ));
        };
        let mut plan: Plan =
            serde_json::from_str(&content).map_err(|e| stored_json_error("stored plan", e))?;
        plan.actions = self.actions(plan_id)?;
        let grades: Vec<KeyResultGrade> = match grades {
            Some(text) => {
                serde_json::from_str(&text).map_err(|e| stored_json_error("stored grades", e))?
            }
            None => Vec::new(),
        };
        Ok(StoredPlan {
            id: plan_id,
            component_id,
            component,
            workshop_id,
            created_at,
            recorded_checkins: self.checkins(plan_id, plan.start)?,
            mean_grade: mean_grade(&grades),
            plan,
            closed_at,
            closed_by,
            grades,
            previous_plan,
            conflict_of,
        })
    }

    fn actions(&self, plan_id: i64) -> Result<Vec<Action>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT content FROM plan_action WHERE plan_id = ?1 ORDER BY position",
        ))?;
        let rows = self.db(stmt
            .query_map(params![plan_id], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        rows.iter()
            .map(|text| {
                serde_json::from_str(text).map_err(|e| stored_json_error("stored action", e))
            })
            .collect()
    }

    fn checkins(&self, plan_id: i64, start: NaiveDate) -> Result<Vec<Checkin>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT week, key_results, target_condition, actual_condition, obstacle, next_step,
                    check_on, recorded_at
             FROM plan_checkin WHERE plan_id = ?1 ORDER BY week",
        ))?;
        let rows = self.db(stmt
            .query_map(params![plan_id], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, String>(7)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        rows.into_iter()
            .map(
                |(week, krs, target, actual, obstacle, next, check_on, recorded_at)| {
                    Ok(Checkin {
                        week,
                        date: week_start(start, week),
                        key_results: serde_json::from_str(&krs)
                            .map_err(|e| stored_json_error("stored check-in", e))?,
                        target_condition: target,
                        actual_condition: actual,
                        obstacle,
                        next_step: next,
                        check_on: check_on.and_then(|d| d.parse().ok()),
                        recorded_at,
                    })
                },
            )
            .collect()
    }

    /// Replaces the open plan's actions in one transaction.
    fn save_actions(&mut self, plan_id: i64, actions: &[Action]) -> Result<()> {
        let tx = self.db(self.conn.unchecked_transaction())?;
        self.db((|| {
            tx.execute(
                "DELETE FROM plan_action WHERE plan_id = ?1",
                params![plan_id],
            )?;
            write_actions(&tx, plan_id, actions)
        })())?;
        self.db(tx.commit())
    }

    /// Applies one coach edit to an action of the component's open plan.
    pub fn edit_action(
        &mut self,
        component_id: i64,
        action_id: &str,
        edit: &ActionEdit,
    ) -> Result<StoredPlan> {
        let stored = self.require_open_plan(component_id)?;
        let mut plan = stored.plan;
        let index = action_index(&plan, action_id)?;
        let mut action = plan.actions[index].clone();
        match edit {
            ActionEdit::Rename { title } => action.title = clean_title(title)?,
            ActionEdit::Reassign { owner, assignee } => {
                if let Some(owner) = owner {
                    action.owner = *owner;
                }
                if let Some(name) = assignee {
                    action.assignee = clean_assignee(name)?;
                }
            }
            ActionEdit::Reschedule { start, end } => {
                action.start = *start;
                action.end = *end;
                action.start_week = week_of(plan.start, *start);
                action.end_week = week_of(plan.start, *end);
                check_schedule(&plan, &action)?;
            }
            ActionEdit::Move { position } => {
                let count = plan.actions.len() as u32;
                if !(1..=count).contains(position) {
                    return Err(Error::invalid(
                        "position",
                        format!("expected a position from 1 to {count}, found {position}"),
                    ));
                }
            }
            ActionEdit::Status { status } => action.status = *status,
        }
        if !matches!(edit, ActionEdit::Status { .. }) {
            action.edited = true;
        }
        plan.actions[index] = action;
        if let ActionEdit::Move { position } = edit {
            let moved = plan.actions.remove(index);
            plan.actions.insert(*position as usize - 1, moved);
        }
        self.save_actions(stored.id, &plan.actions)?;
        self.plan(stored.id)
    }

    /// Adds the coach's own action to the open plan; its id is `custom-N`.
    pub fn add_action(&mut self, component_id: i64, new: &NewAction) -> Result<Action> {
        let stored = self.require_open_plan(component_id)?;
        let mut plan = stored.plan;
        let objective = match &new.objective {
            Some(id) if plan.objectives.iter().any(|o| &o.id == id) => id.clone(),
            Some(id) => {
                let known: Vec<&str> = plan.objectives.iter().map(|o| o.id.as_str()).collect();
                return Err(Error::not_found(
                    "objective",
                    format!("no objective {id:?} in this plan; its objectives are {known:?}"),
                ));
            }
            None => plan
                .objectives
                .first()
                .map_or("o1".to_string(), |o| o.id.clone()),
        };
        let number = (1..)
            .find(|n| plan.action(&format!("custom-{n}")).is_none())
            .unwrap_or(1);
        let action = Action {
            id: format!("custom-{number}"),
            objective,
            practice_id: None,
            title: clean_title(&new.title)?,
            step: String::new(),
            why: None,
            owner: new.owner,
            assignee: new
                .assignee
                .as_deref()
                .map(clean_assignee)
                .transpose()?
                .flatten(),
            phase: crate::plan::Phase::QuickWins,
            start: new.start,
            end: new.end,
            start_week: week_of(plan.start, new.start),
            end_week: week_of(plan.start, new.end),
            depends_on: Vec::new(),
            status: ActionStatus::Todo,
            edited: true,
        };
        check_schedule(&plan, &action)?;
        let phase = match action.start_week {
            0..=4 => crate::plan::Phase::QuickWins,
            5..=8 => crate::plan::Phase::Constraint,
            _ => crate::plan::Phase::ScaleOut,
        };
        let action = Action { phase, ..action };
        plan.actions.push(action.clone());
        self.save_actions(stored.id, &plan.actions)?;
        Ok(action)
    }

    /// Removes an action from the open plan; actions that depended on it no longer wait for it.
    pub fn remove_action(&mut self, component_id: i64, action_id: &str) -> Result<StoredPlan> {
        let stored = self.require_open_plan(component_id)?;
        let mut plan = stored.plan;
        let index = action_index(&plan, action_id)?;
        plan.actions.remove(index);
        for action in &mut plan.actions {
            action.depends_on.retain(|d| d != action_id);
        }
        self.save_actions(stored.id, &plan.actions)?;
        self.plan(stored.id)
    }

    /// What regenerating the open plan from the component's current workshop
    /// (same start date; these options, else the plan's) would change.
    pub fn preview_regenerate(
        &self,
        component_id: i64,
        options: Option<&PlanOptions>,
    ) -> Result<RegeneratePreview> {
        let stored = self.require_open_plan(component_id)?;
        let options = options.unwrap_or(&stored.plan.options);
        let plan = self.preview_plan(component_id, stored.plan.start, options)?;
        Ok(RegeneratePreview {
            diff: diff(&stored.plan, &plan),
            plan,
        })
    }

    /// Regenerates the open plan, keeping the actions listed in `keep` as the
    /// coach left them (each must be an action of the plan); statuses carry over.
    pub fn regenerate_plan(
        &mut self,
        component_id: i64,
        options: Option<&PlanOptions>,
        keep: &BTreeSet<String>,
    ) -> Result<StoredPlan> {
        let stored = self.require_open_plan(component_id)?;
        for id in keep {
            action_index(&stored.plan, id)?;
        }
        let preview = self.preview_regenerate(component_id, options)?;
        let merged = merge_regenerated(&stored.plan, preview.plan, keep);
        // A kept edit was checked against the old plan; the new one may bring
        // back or move what it depends on, or what depends on it.
        let broken: Vec<String> = merged
            .actions
            .iter()
            .filter(|a| keep.contains(&a.id))
            .filter_map(|a| check_schedule(&merged, a).err())
            .map(|e| e.to_string())
            .collect();
        if !broken.is_empty() {
            return Err(Error::KeptEditsBreakRules(broken));
        }
        let workshop = self.latest_workshop(component_id)?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        self.db((|| {
            tx.execute(
                "UPDATE plan SET content = ?2, assessment_id = ?3 WHERE id = ?1",
                params![stored.id, plan_content(&merged), workshop],
            )?;
            tx.execute(
                "DELETE FROM plan_action WHERE plan_id = ?1",
                params![stored.id],
            )?;
            write_actions(&tx, stored.id, &merged.actions)
        })())?;
        self.db(tx.commit())?;
        self.plan(stored.id)
    }

    /// Records (or completes) the check-in of one week of the open plan, and
    /// the action statuses it reports, in one transaction.
    pub fn record_checkin(
        &mut self,
        component_id: i64,
        input: &CheckinInput,
    ) -> Result<StoredPlan> {
        let stored = self.require_open_plan(component_id)?;
        if !(1..=PLAN_WEEKS).contains(&input.week) {
            return Err(Error::invalid(
                "week",
                format!(
                    "expected a week from 1 to {PLAN_WEEKS}, found {}",
                    input.week
                ),
            ));
        }
        let known: Vec<&str> = stored.plan.key_results().map(|k| k.id.as_str()).collect();
        for id in input.key_results.keys() {
            if !known.contains(&id.as_str()) {
                return Err(Error::not_found(
                    "key result",
                    format!("no key result {id:?} in this plan; its key results are {known:?}"),
                ));
            }
        }
        for id in input.statuses.keys() {
            action_index(&stored.plan, id)?;
        }
        let texts = [
            ("target condition", &input.target_condition),
            ("actual condition", &input.actual_condition),
            ("obstacle", &input.obstacle),
            ("next step", &input.next_step),
        ];
        for (field, text) in texts {
            if let Some(text) = text {
                check_note_length(field, text)?;
            }
        }
        let earlier = stored
            .recorded_checkins
            .iter()
            .find(|c| c.week == input.week);
        let mut key_results = earlier.map(|c| c.key_results.clone()).unwrap_or_default();
        key_results.extend(input.key_results.clone());
        let text = |given: &Option<String>, before: Option<&String>| {
            given
                .as_ref()
                .map(|t| t.trim().to_string())
                .or_else(|| before.cloned())
                .unwrap_or_default()
        };
        let target = text(
            &input.target_condition,
            earlier.map(|c| &c.target_condition),
        );
        let actual = text(
            &input.actual_condition,
            earlier.map(|c| &c.actual_condition),
        );
        let obstacle = text(&input.obstacle, earlier.map(|c| &c.obstacle));
        let next = text(&input.next_step, earlier.map(|c| &c.next_step));
        let check_on = input.check_on.or(earlier.and_then(|c| c.check_on));
        let mut actions = stored.plan.actions.clone();
        for (id, status) in &input.statuses {
            if let Some(action) = actions.iter_mut().find(|a| &a.id == id) {
                action.status = *status;
            }
        }
        let krs = serde_json::to_string(&key_results)
            .map_err(|e| Error::invalid("key results", e.to_string()))?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        self.db((|| {
            tx.execute(
                "INSERT INTO plan_checkin (plan_id, week, key_results, target_condition,
                     actual_condition, obstacle, next_step, check_on, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (plan_id, week) DO UPDATE SET key_results = excluded.key_results,
                     target_condition = excluded.target_condition,
                     actual_condition = excluded.actual_condition, obstacle = excluded.obstacle,
                     next_step = excluded.next_step, check_on = excluded.check_on,
                     recorded_at = excluded.recorded_at",
                params![
                    stored.id,
                    input.week,
                    krs,
                    target,
                    actual,
                    obstacle,
                    next,
                    check_on.map(|d| d.to_string()),
                    now()
                ],
            )?;
            if !input.statuses.is_empty() {
                tx.execute(
                    "DELETE FROM plan_action WHERE plan_id = ?1",
                    params![stored.id],
                )?;
                write_actions(&tx, stored.id, &actions)?;
            }
            Ok(())
        })())?;
        self.db(tx.commit())?;
        self.plan(stored.id)
    }

    /// Closes the open plan at the re-assessment: its key results are graded
    /// 0–1 from the component's current workshop, which must be a later
    /// workshop than the one the plan started from.
    pub fn close_plan(&mut self, component_id: i64) -> Result<StoredPlan> {
        let stored = self.require_open_plan(component_id)?;
        let workshop = self.latest_workshop(component_id)?;
        if workshop == stored.workshop_id {
            return Err(Error::invalid(
                "plan",
                format!(
                    "the plan of {:?} started from workshop {workshop}, its latest; hold the re-assessment first (`mamos workshop start`)",
                    stored.component
                ),
            ));
        }
        let view = self.workshop_view(workshop)?;
        let dora = self.dora(workshop)?.map(|(metrics, _)| metrics);
        let grades = grade_key_results(&stored.plan, &view.answer_map(), dora.as_ref());
        self.db(record_closure(
            &self.conn,
            stored.id,
            &now(),
            workshop,
            &grades,
        ))?;
        self.plan(stored.id)
    }

    /// Ends a conflict left by an import: `keep` (the plan or one of its
    /// conflicting versions) becomes the plan, the other versions are deleted,
    /// in one transaction. The plan keeps its id, so the plans that follow it
    /// still do.
    pub fn resolve_plan_conflict(&mut self, component_id: i64, keep: i64) -> Result<StoredPlan> {
        let component = self.component(component_id)?;
        let chosen = self
            .plan(keep)
            .ok()
            .filter(|p| p.component_id == component_id);
        let Some(chosen) = chosen else {
            return Err(Error::not_found(
                "plan",
                format!("{:?} has no plan {keep}", component.name),
            ));
        };
        let original = chosen.conflict_of.unwrap_or(chosen.id);
        let copies: i64 = self.db(self.conn.query_row(
            "SELECT count(*) FROM plan WHERE conflict_of = ?1",
            params![original],
            |row| row.get(0),
        ))?;
        if copies == 0 {
            return Err(Error::not_found(
                "plan",
                format!(
                    "plan {keep} of {:?} has no conflicting version",
                    component.name
                ),
            ));
        }
        if chosen.id != original && chosen.closed_at.is_none() {
            if let Some(open) = self.open_plan_id(component_id)? {
                if open != original {
                    return Err(Error::PlanOpen(component.name));
                }
            }
        }
        let tx = self.db(self.conn.unchecked_transaction())?;
        self.db((|| {
            if chosen.id != original {
                tx.execute(
                    "UPDATE plan SET (assessment_id, start_date, content, created_at, closed_at,
                                      closed_by, grades) =
                         (SELECT assessment_id, start_date, content, created_at, closed_at,
                                 closed_by, grades FROM plan WHERE id = ?2)
                     WHERE id = ?1",
                    params![original, chosen.id],
                )?;
                for table in ["plan_action", "plan_checkin"] {
                    tx.execute(
                        &format!("DELETE FROM {table} WHERE plan_id = ?1"),
                        params![original],
                    )?;
                    tx.execute(
                        &format!("UPDATE {table} SET plan_id = ?1 WHERE plan_id = ?2"),
                        params![original, chosen.id],
                    )?;
                }
            }
            tx.execute("DELETE FROM plan WHERE conflict_of = ?1", params![original])
        })())?;
        self.db(tx.commit())?;
        self.plan(original)
    }

    /// Gaps shared by at least `min_components` of the components (all, or one
    /// group's), from each component's current workshop, with titles and steps
    /// in `lang`. Reads every current workshop in one bulk pass (`tallies`)
    /// rather than one view per component.
    pub fn common_objectives(
        &self,
        group: Option<&str>,
        min_components: usize,
        max: usize,
        lang: &str,
    ) -> Result<Vec<CommonObjective>> {
        let mut current = self.current_answers_all()?;
        if let Some(name) = group {
            let members: BTreeSet<i64> = self.group_member_ids(name)?.into_iter().collect();
            current.retain(|c| members.contains(&c.component_id));
        }
        let inputs: Vec<(&str, PlanInputs)> = current
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    PlanInputs {
                        bank: &c.bank,
                        blueprint: c.blueprint,
                        targets: &c.targets,
                        answers: &c.answers,
                        dora: None,
                        start: NaiveDate::MIN,
                    },
                )
            })
            .collect();
        Ok(common_objectives(&inputs, min_components, max, lang))
    }
}

fn action_index(plan: &Plan, action_id: &str) -> Result<usize> {
    plan.actions
        .iter()
        .position(|a| a.id == action_id)
        .ok_or_else(|| Error::UnknownAction {
            action: action_id.to_string(),
            known: plan
                .actions
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// The plan as stored in `plan.content`: everything but the actions, which have their rows.
pub(super) fn plan_content(plan: &Plan) -> String {
    let without_actions = Plan {
        actions: Vec::new(),
        ..plan.clone()
    };
    serde_json::to_string(&without_actions).expect("a plan always serializes")
}

pub(super) fn write_actions(
    tx: &rusqlite::Connection,
    plan_id: i64,
    actions: &[Action],
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO plan_action (plan_id, id, position, content) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, action) in actions.iter().enumerate() {
        let content = serde_json::to_string(action).expect("an action always serializes");
        stmt.execute(params![plan_id, action.id, position as i64, content])?;
    }
    Ok(())
}

/// Marks a plan closed by the re-assessment `workshop`, with its key results'
/// grades: what `close_plan` records, and what an import records for a plan
/// another coach closed.
pub(super) fn record_closure(
    conn: &rusqlite::Connection,
    plan_id: i64,
    closed_at: &str,
    workshop: i64,
    grades: &[KeyResultGrade],
) -> rusqlite::Result<()> {
    let text = serde_json::to_string(grades).expect("grades always serialize");
    conn.execute(
        "UPDATE plan SET closed_at = ?2, closed_by = ?3, grades = ?4 WHERE id = ?1",
        params![plan_id, closed_at, workshop, text],
    )?;
    Ok(())
}
