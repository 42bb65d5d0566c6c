//! A bundle written from this database: components with their workshops
//! (conflicting versions included), target overrides and plans, and the
//! banks and groups they need.

use rusqlite::params;

use crate::assessment::{Component, Scope};
use crate::exchange::{
    Bundle, BundleAnswer, BundleCheckin, BundleComponent, BundleDora, BundleEvidence, BundleGroup,
    BundlePlan, BundleVote, BundleWorkshop, BUNDLE_FORMAT, BUNDLE_VERSION,
};
use crate::model::Bank;
use crate::plan::StoredPlan;
use crate::store::workshops::answer_from_columns;
use crate::store::Store;
use crate::Result;

impl Store {
    pub fn export_bundle(&self, scope: &Scope) -> Result<Bundle> {
        let mut components = match scope {
            Scope::Organisation => self.components()?,
            Scope::Group { name } => self.group_components(name)?,
            Scope::Component { id } => vec![self.component(*id)?],
        };
        components.sort_by(|a, b| a.name.cmp(&b.name));
        let names: Vec<&str> = components.iter().map(|c| c.name.as_str()).collect();

        let mut bundle_components = Vec::new();
        let mut bank_keys: Vec<(String, String)> = Vec::new();
        for component in &components {
            let bundled = self.bundle_component(component)?;
            for workshop in &bundled.workshops {
                let key = (workshop.bank_id.clone(), workshop.bank_version.clone());
                if !bank_keys.contains(&key) {
                    bank_keys.push(key);
                }
            }
            bundle_components.push(bundled);
        }
        bank_keys.sort();
        let banks = bank_keys
            .iter()
            .map(|(id, version)| self.bank(id, version))
            .collect::<Result<Vec<Bank>>>()?;
        let groups = self
            .groups()?
            .into_iter()
            .map(|(name, members)| BundleGroup {
                name,
                components: members
                    .into_iter()
                    .filter(|m| names.contains(&m.as_str()))
                    .collect(),
            })
            .filter(|g| !g.components.is_empty())
            .collect();
        Ok(Bundle {
            format: BUNDLE_FORMAT.to_string(),
            format_version: BUNDLE_VERSION,
            banks,
            groups,
            components: bundle_components,
        })
    }

    /// One component as it travels: its workshops (conflicting versions
    /// included), overrides and plans.
    fn bundle_component(&self, component: &Component) -> Result<BundleComponent> {
        let workshop_rows = self.all_workshops(component.id)?;
        let workshop_ids: Vec<i64> = workshop_rows.iter().map(|w| w.id).collect();
        let mut workshops = Vec::with_capacity(workshop_rows.len());
        for workshop in workshop_rows {
            let conflict_of = workshop
                .conflict_of
                .and_then(|original| workshop_ids.iter().position(|id| *id == original));
            workshops.push(BundleWorkshop {
                conflict_of,
                ..self.bundle_workshop(workshop)?
            });
        }
        let stored = self.plans(component.id)?;
        let plan_ids: Vec<i64> = stored.iter().map(|p| p.id).collect();
        let plans = stored
            .iter()
            .map(|p| {
                bundle_plan(p, &workshop_ids, &plan_ids)
                    .expect("a plan is generated from a workshop of its component")
            })
            .collect();
        Ok(BundleComponent {
            id: self.component_uid(component.id)?,
            name: component.name.clone(),
            blueprint: component.blueprint,
            created_at: component.created_at.clone(),
            workshops,
            target_overrides: self.target_overrides(component.id)?,
            plans,
        })
    }

    /// One workshop as it travels, without its `conflict_of` (a position in
    /// its component's list, which only the caller knows).
    pub(super) fn bundle_workshop(
        &self,
        workshop: crate::workshop::Workshop,
    ) -> Result<BundleWorkshop> {
        let (id, started_at) = self.db(self.conn.query_row(
            "SELECT uid, started_at FROM assessment WHERE id = ?1",
            params![workshop.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        ))?;
        Ok(BundleWorkshop {
            id,
            conflict_of: None,
            started_at,
            answers: self.raw_answers(workshop.id)?,
            votes: self.raw_votes(workshop.id)?,
            revealed: self.revealed_practices(workshop.id)?,
            evidence: self
                .evidence(workshop.id)?
                .into_iter()
                .map(|e| BundleEvidence {
                    practice_id: e.practice_id,
                    location: e.location,
                    label: e.label,
                })
                .collect(),
            dora: self
                .dora(workshop.id)?
                .map(|(metrics, year)| BundleDora { metrics, year }),
            bank_id: workshop.bank_id,
            bank_version: workshop.bank_version,
            held_on: workshop.held_on,
            facilitator: workshop.facilitator,
            participants: workshop.participants,
        })
    }

    fn component_uid(&self, component_id: i64) -> Result<String> {
        self.db(self.conn.query_row(
            "SELECT uid FROM component WHERE id = ?1",
            params![component_id],
            |row| row.get(0),
        ))
    }

    fn raw_answers(&self, workshop_id: i64) -> Result<Vec<BundleAnswer>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT practice_id, level, na_reason, note FROM answer
             WHERE assessment_id = ?1 ORDER BY practice_id",
        ))?;
        self.db(stmt
            .query_map(params![workshop_id], |row| {
                Ok(BundleAnswer {
                    practice_id: row.get(0)?,
                    answer: answer_from_columns(row.get(1)?, row.get(2)?),
                    note: row.get(3)?,
                })
            })
            .and_then(|rows| rows.collect()))
    }

    fn raw_votes(&self, workshop_id: i64) -> Result<Vec<BundleVote>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT p.name, v.practice_id, v.level, v.na_reason
             FROM vote v JOIN participant p ON p.id = v.participant_id
             WHERE p.assessment_id = ?1 ORDER BY p.position, v.practice_id",
        ))?;
        let rows = self.db(stmt
            .query_map(params![workshop_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    answer_from_columns(row.get(2)?, row.get(3)?),
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        Ok(rows
            .into_iter()
            .filter_map(|(participant, practice_id, answer)| {
                answer.map(|answer| BundleVote {
                    participant,
                    practice_id,
                    answer,
                })
            })
            .collect())
    }

    fn revealed_practices(&self, workshop_id: i64) -> Result<Vec<String>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT practice_id FROM revealed WHERE assessment_id = ?1 ORDER BY practice_id",
        ))?;
        self.db(stmt
            .query_map(params![workshop_id], |row| row.get(0))
            .and_then(|rows| rows.collect()))
    }
}

/// A stored plan as it travels; workshops and plans named by their position.
/// None when its workshop is not among `workshop_ids`.
pub(super) fn bundle_plan(
    plan: &StoredPlan,
    workshop_ids: &[i64],
    plan_ids: &[i64],
) -> Option<BundlePlan> {
    let position = |ids: &[i64], id: i64| ids.iter().position(|i| *i == id);
    Some(BundlePlan {
        workshop: position(workshop_ids, plan.workshop_id)?,
        created_at: plan.created_at.clone(),
        plan: plan.plan.clone(),
        checkins: bundle_checkins(plan),
        closed_at: plan.closed_at.clone(),
        closed_by: plan.closed_by.and_then(|w| position(workshop_ids, w)),
        grades: plan.grades.clone(),
        follows: plan.previous_plan.and_then(|p| position(plan_ids, p)),
        conflict_of: plan.conflict_of.and_then(|p| position(plan_ids, p)),
    })
}

pub(super) fn bundle_checkins(plan: &StoredPlan) -> Vec<BundleCheckin> {
    plan.recorded_checkins
        .iter()
        .map(|c| BundleCheckin {
            week: c.week,
            key_results: c.key_results.clone(),
            target_condition: c.target_condition.clone(),
            actual_condition: c.actual_condition.clone(),
            obstacle: c.obstacle.clone(),
            next_step: c.next_step.clone(),
            check_on: c.check_on,
            recorded_at: c.recorded_at.clone(),
        })
        .collect()
}
