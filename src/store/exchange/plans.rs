//! A bundle's plans merged into this database: a plan here unchanged is
//! skipped, a closure made there is recorded, a different version is stored
//! beside this database's.

use rusqlite::params;

use super::export::{bundle_checkins, bundle_plan};
use super::{
    ChangedAction, CheckinWeeks, Conflicting, ImportConflict, ImportSummary, PlanChanges,
    PlanDifference, Side, StatusChange,
};
use crate::exchange::{BundleComponent, BundlePlan};
use crate::plan::StoredPlan;
use crate::store::plans::{plan_content, record_closure, write_actions};
use crate::store::Store;
use crate::Result;

impl Store {
    /// Adds the bundle's plans of a component: a plan already here unchanged
    /// is skipped; a version that differs from this database's (same plan
    /// edited differently, or a second open plan) is stored beside it as a
    /// conflicting version and reported.
    pub(super) fn import_plans(
        &self,
        component_id: i64,
        workshop_ids: &[i64],
        component: &BundleComponent,
        summary: &mut ImportSummary,
    ) -> Result<()> {
        let here = self.plans(component_id)?;
        let here_ids: Vec<i64> = here.iter().map(|p| p.id).collect();
        // A plan of a workshop the bundle does not hold is not one of its plans.
        let here_versions: Vec<Option<BundlePlan>> = here
            .iter()
            .map(|p| bundle_plan(p, workshop_ids, &here_ids).map(unlinked))
            .collect();
        // The row id of each of the bundle's plans, in order.
        let mut ids: Vec<i64> = Vec::new();
        for incoming in &component.plans {
            if let Some(i) = here_versions
                .iter()
                .position(|v| v.as_ref() == Some(&unlinked(incoming.clone())))
            {
                ids.push(here[i].id);
                continue;
            }
            let workshop_id = workshop_ids[incoming.workshop];
            let same_index = here.iter().position(|p| {
                p.conflict_of.is_none()
                    && p.workshop_id == workshop_id
                    && p.created_at == incoming.created_at
            });
            let same_plan = same_index.map(|i| &here[i]);
            // Closed there and otherwise the same as here: a plan is only
            // ever closed once, so this side simply has not seen it yet.
            if let Some(i) = same_index {
                if self.close_as_there(
                    &here[i],
                    here_versions[i].as_ref(),
                    incoming,
                    workshop_ids,
                )? {
                    summary.plans_closed += 1;
                    ids.push(here[i].id);
                    continue;
                }
            }
            let open_here = if incoming.closed_at.is_none() {
                self.open_plan(component_id)?
            } else {
                None
            };
            let conflict = match (incoming.conflict_of, same_plan, &open_here) {
                (Some(i), _, _) => Some((ids[i], PlanDifference::AlreadyConflicting)),
                (None, Some(mine), _) => Some((
                    mine.id,
                    PlanDifference::Edited {
                        changes: plan_changes(mine, incoming),
                    },
                )),
                (None, None, Some(open)) => Some((open.id, PlanDifference::SecondOpenPlan)),
                (None, None, None) => None,
            };
            let id = self.insert_plan(
                component_id,
                workshop_ids,
                &ids,
                incoming,
                conflict.as_ref().map(|(original, _)| *original),
            )?;
            if let Some((original, differs)) = conflict {
                summary.conflicts.push(ImportConflict::new(
                    &component.name,
                    Conflicting::Plan {
                        start: incoming.plan.start,
                        end: incoming.plan.end,
                        created_at: incoming.created_at.clone(),
                        kept: original,
                        imported: id,
                        differs,
                    },
                ));
            }
            summary.plans += 1;
            ids.push(id);
        }
        Ok(())
    }

    /// Records the closure of a plan open here that the bundle holds closed and
    /// otherwise the same; false (nothing written) when it is not that case.
    fn close_as_there(
        &self,
        mine: &StoredPlan,
        mine_bundled: Option<&BundlePlan>,
        incoming: &BundlePlan,
        workshop_ids: &[i64],
    ) -> Result<bool> {
        let (Some(closed_at), Some(closed_by)) = (&incoming.closed_at, incoming.closed_by) else {
            return Ok(false);
        };
        let as_open = BundlePlan {
            closed_at: None,
            closed_by: None,
            grades: Vec::new(),
            ..unlinked(incoming.clone())
        };
        if mine.closed_at.is_some() || mine_bundled != Some(&as_open) {
            return Ok(false);
        }
        self.db(record_closure(
            &self.conn,
            mine.id,
            closed_at,
            workshop_ids[closed_by],
            &incoming.grades,
        ))?;
        Ok(true)
    }

    /// Stores one bundle plan with its actions and check-ins; `ids` are the
    /// rows of the bundle's plans stored before it.
    fn insert_plan(
        &self,
        component_id: i64,
        workshop_ids: &[i64],
        ids: &[i64],
        incoming: &BundlePlan,
        conflict_of: Option<i64>,
    ) -> Result<i64> {
        // Grades are stored once the plan is closed, as `close_plan` does.
        let grades = incoming
            .closed_at
            .as_ref()
            .map(|_| serde_json::to_string(&incoming.grades).expect("grades always serialize"));
        self.db(self.conn.execute(
            "INSERT INTO plan (component_id, assessment_id, start_date, content, created_at,
                               closed_at, closed_by, grades, previous_plan, conflict_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                component_id,
                workshop_ids[incoming.workshop],
                incoming.plan.start.to_string(),
                plan_content(&incoming.plan),
                incoming.created_at,
                incoming.closed_at,
                incoming.closed_by.map(|w| workshop_ids[w]),
                grades,
                incoming.follows.map(|p| ids[p]),
                conflict_of
            ],
        ))?;
        let id = self.conn.last_insert_rowid();
        self.db(write_actions(&self.conn, id, &incoming.plan.actions))?;
        for c in &incoming.checkins {
            self.db(self.conn.execute(
                "INSERT INTO plan_checkin (plan_id, week, key_results, target_condition,
                     actual_condition, obstacle, next_step, check_on, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    c.week,
                    serde_json::to_string(&c.key_results).expect("key results serialize"),
                    c.target_condition,
                    c.actual_condition,
                    c.obstacle,
                    c.next_step,
                    c.check_on.map(|d| d.to_string()),
                    c.recorded_at
                ],
            ))?;
        }
        Ok(id)
    }
}

/// A plan's content without its links to other plans, to compare two versions.
fn unlinked(plan: BundlePlan) -> BundlePlan {
    BundlePlan {
        follows: None,
        conflict_of: None,
        ..plan
    }
}

/// What differs between this database's plan and an imported version of it.
fn plan_changes(mine: &StoredPlan, incoming: &BundlePlan) -> PlanChanges {
    let changes = crate::plan::diff(&mine.plan, &incoming.plan);
    let statuses = mine
        .plan
        .actions
        .iter()
        .filter_map(|a| incoming.plan.action(&a.id).map(|b| (a, b)))
        .filter(|(before, after)| before.status != after.status)
        .map(|(before, after)| StatusChange {
            action: before.id.clone(),
            here: before.status,
            bundle: after.status,
        })
        .collect();
    let checkins_here: Vec<u32> = mine.recorded_checkins.iter().map(|c| c.week).collect();
    let checkins_there: Vec<u32> = incoming.checkins.iter().map(|c| c.week).collect();
    let same_weeks = checkins_here == checkins_there;
    PlanChanges {
        changed_actions: changes
            .changed
            .into_iter()
            .map(|c| ChangedAction {
                action: c.id,
                fields: c.fields,
            })
            .collect(),
        actions_only_in_bundle: changes.added,
        actions_only_here: changes.removed,
        statuses,
        action_order: mine.plan.actions.iter().map(|a| &a.id).ne(incoming
            .plan
            .actions
            .iter()
            .map(|a| &a.id)),
        checkin_weeks: (!same_weeks).then_some(CheckinWeeks {
            here: checkins_here,
            bundle: checkins_there,
        }),
        checkin_answers: same_weeks && bundle_checkins(mine) != incoming.checkins,
        closed_only: match (mine.closed_at.is_some(), incoming.closed_at.is_some()) {
            (true, false) => Some(Side::Here),
            (false, true) => Some(Side::Bundle),
            _ => None,
        },
    }
}
