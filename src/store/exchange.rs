//! Export to and import from `.mamos.json` bundles. An import runs in one
//! transaction: a bad bundle changes nothing.

use rusqlite::{params, OptionalExtension};

use super::plans::{plan_content, record_closure, write_actions};
use super::workshops::answer_from_columns;
use super::Store;
use crate::assessment::Component;
use crate::exchange::{
    Bundle, BundleAnswer, BundleCheckin, BundleComponent, BundleDora, BundleEvidence, BundleGroup,
    BundlePlan, BundleVote, BundleWorkshop, BUNDLE_FORMAT, BUNDLE_VERSION,
};
use crate::model::Bank;
use crate::plan::{check_schedule, StoredPlan};
use crate::{Error, Result};

/// What a bundle holds: everything, one group, or one component.
pub enum ExportScope<'a> {
    Organisation,
    Group(&'a str),
    Component(&'a str),
}

/// What an import added (shown by `mamos import` and the desktop's Import panel).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ImportSummary {
    pub components: usize,
    pub workshops: usize,
    pub banks: usize,
    /// Plans added, conflicting versions included.
    pub plans: usize,
    /// Open plans here that the bundle closed at a re-assessment.
    pub plans_closed: usize,
    /// One sentence per component, workshop or plan that differed from this
    /// database's version of it, saying what was kept (for workshops and plans: both versions).
    pub conflicts: Vec<String>,
}

impl Store {
    pub fn export_bundle(&self, scope: ExportScope) -> Result<Bundle> {
        let mut components = match scope {
            ExportScope::Organisation => self.components()?,
            ExportScope::Group(name) => self.group_components(name)?,
            ExportScope::Component(name) => vec![self.component_by_name(name)?],
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
    fn bundle_workshop(&self, workshop: crate::store::Workshop) -> Result<BundleWorkshop> {
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
                    target: e.target,
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

    /// Adds a bundle's banks, groups, components, workshops and plans, all or
    /// nothing. Bundles from several coaches merge: a component matched by its
    /// stable id keeps the workshops, target overrides and plans of both sides.
    /// Where both sides hold a different version of the same workshop or
    /// plan, both are kept and the conflict is reported, never overwritten.
    pub fn import_bundle(&mut self, file: &str, bundle: &Bundle) -> Result<ImportSummary> {
        for component in &bundle.components {
            crate::assessment::clean_component_name(&component.name)
                .map_err(|e| Error::invalid(file, e.to_string()))?;
        }
        self.db(self.conn.execute_batch("BEGIN IMMEDIATE"))?;
        match self.import_bundle_contents(file, bundle) {
            Ok(summary) => {
                self.db(self.conn.execute_batch("COMMIT"))?;
                Ok(summary)
            }
            Err(error) => {
                // Roll back whatever was written; the error that caused it is what matters.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    }

    fn import_bundle_contents(&mut self, file: &str, bundle: &Bundle) -> Result<ImportSummary> {
        let mut summary = ImportSummary {
            components: 0,
            workshops: 0,
            banks: 0,
            plans: 0,
            plans_closed: 0,
            conflicts: Vec::new(),
        };
        for bank in &bundle.banks {
            match self.import_bank(bank)? {
                super::BankImport::Stored => summary.banks += 1,
                super::BankImport::AlreadyStored => {}
            }
        }
        for component in &bundle.components {
            let component_id = self.import_component(file, component, &mut summary)?;
            let workshop_ids =
                self.import_workshops(file, component_id, component, &mut summary)?;
            self.import_plans(file, component_id, &workshop_ids, component, &mut summary)?;
        }
        for group in &bundle.groups {
            if self.group_id(&group.name)?.is_none() {
                self.add_group(&group.name)?;
            }
            for member in &group.components {
                let id = self.component_by_name(member).map_err(|_| {
                    Error::invalid(
                        file,
                        format!(
                            "group {:?} lists {member:?}, which is not in the bundle",
                            group.name
                        ),
                    )
                })?;
                self.add_to_group(id.id, &group.name)?;
            }
        }
        Ok(summary)
    }

    /// The component here with the bundle component's id, its blueprint and
    /// target overrides merged; or a new one. A different component of the
    /// same name is refused.
    fn import_component(
        &self,
        file: &str,
        component: &BundleComponent,
        summary: &mut ImportSummary,
    ) -> Result<i64> {
        let name = &component.name;
        let here = self.db(self
            .conn
            .query_row(
                "SELECT id, name, blueprint FROM component WHERE uid = ?1",
                params![component.id],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ))
                },
            )
            .optional())?;
        let Some((id, name_here, blueprint_here)) = here else {
            if let Ok(other) = self.component_by_name(name) {
                return Err(Error::invalid(
                    file,
                    format!(
                        "component {name:?} already exists in this database as another component \
                         (created {}; the bundle's was created {}); rename or remove one of them first",
                        other.created_at, component.created_at
                    ),
                ));
            }
            summary.components += 1;
            return self.insert_component(file, component);
        };
        if name_here != *name {
            return Err(Error::invalid(
                file,
                format!("component {name:?} is named {name_here:?} in this database; use one name on both sides first"),
            ));
        }
        if blueprint_here != component.blueprint.as_str() {
            summary.conflicts.push(format!(
                "component {name:?}: blueprint {blueprint_here} here, {} in the bundle; kept {blueprint_here}",
                component.blueprint.as_str()
            ));
        }
        let overrides_here = self.target_overrides(id)?;
        for incoming in &component.target_overrides {
            let same_key = overrides_here
                .iter()
                .find(|o| o.pillar == incoming.pillar && o.key == incoming.key);
            match same_key {
                Some(mine) if mine == incoming => {}
                Some(mine) => summary.conflicts.push(format!(
                    "component {name:?}: the target of {} is {} here ({:?}) and {} in the bundle ({:?}); kept {}",
                    mine.key, mine.level, mine.reason, incoming.level, incoming.reason, mine.level
                )),
                None => self.insert_target_override(file, id, component, incoming)?,
            }
        }
        Ok(id)
    }

    fn insert_component(&self, file: &str, component: &BundleComponent) -> Result<i64> {
        let db = |e| Error::Database {
            path: self.path.clone(),
            source: e,
        };
        self.conn
            .execute(
                "INSERT INTO component (uid, name, blueprint, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    component.id,
                    component.name,
                    component.blueprint.as_str(),
                    component.created_at
                ],
            )
            .map_err(db)?;
        let component_id = self.conn.last_insert_rowid();
        for o in &component.target_overrides {
            self.insert_target_override(file, component_id, component, o)?;
        }
        Ok(component_id)
    }

    fn insert_target_override(
        &self,
        file: &str,
        component_id: i64,
        component: &BundleComponent,
        o: &crate::assessment::TargetOverride,
    ) -> Result<()> {
        if o.level > crate::model::MAX_LEVEL || o.reason.trim().is_empty() {
            return Err(Error::invalid(
                file,
                format!(
                    "component {:?}: the target override of {:?} needs a level 0–4 and a reason",
                    component.name, o.key
                ),
            ));
        }
        self.db(self.conn.execute(
            "INSERT INTO target_override (component_id, scope, key, level, reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                component_id,
                if o.pillar { "pillar" } else { "practice" },
                o.key,
                o.level,
                o.reason,
                component.created_at
            ],
        ))?;
        Ok(())
    }

    /// Adds the bundle's workshops of a component that are not here, and
    /// returns the row id of each of them, in the bundle's order. A workshop
    /// here in the same version is reused; a different version of a workshop
    /// here is stored beside it as a conflicting version and reported.
    fn import_workshops(
        &self,
        file: &str,
        component_id: i64,
        component: &BundleComponent,
        summary: &mut ImportSummary,
    ) -> Result<Vec<i64>> {
        let mut ids: Vec<i64> = Vec::with_capacity(component.workshops.len());
        for incoming in &component.workshops {
            let by_uid = self.db(self
                .conn
                .query_row(
                    "SELECT id, component_id, coalesce(conflict_of, id) FROM assessment WHERE uid = ?1",
                    params![incoming.id],
                    |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get::<_, i64>(2)?)),
                )
                .optional())?;
            if let Some((_, other, _)) = by_uid.filter(|(_, owner, _)| *owner != component_id) {
                return Err(Error::invalid(
                    file,
                    format!(
                        "component {:?}: workshop id {:?} belongs to another component here ({})",
                        component.name,
                        incoming.id,
                        self.component(other)?.name
                    ),
                ));
            }
            // The workshop here this one is a version of, if any.
            let original = match incoming.conflict_of {
                Some(position) => Some(self.original_workshop(ids[position])?),
                None => by_uid.map(|(_, _, original)| original),
            };
            let Some(original) = original else {
                summary.workshops += 1;
                ids.push(self.insert_workshop(file, component_id, component, incoming, None)?);
                continue;
            };
            let versions = self.workshop_versions(original)?;
            // Each version here as it would travel, the workshop itself first.
            let bundled = versions
                .iter()
                .map(|id| self.bundle_workshop(self.workshop(*id)?))
                .collect::<Result<Vec<_>>>()?;
            if let Some(i) = bundled.iter().position(|w| same_workshop(w, incoming)) {
                ids.push(versions[i]);
                continue;
            }
            let reason = match incoming.conflict_of {
                Some(_) => "was already a conflicting version in the bundle".to_string(),
                None => format!(
                    "was edited differently: {}",
                    workshop_differences(&bundled[0], incoming)
                ),
            };
            let id =
                self.insert_workshop(file, component_id, component, incoming, Some(original))?;
            summary.workshops += 1;
            summary.conflicts.push(format!(
                "component {name:?}: the workshop of {} (started {}) {reason}; both kept: \
                 workshop {original} as it was here, workshop {id} as imported. Compare them with \
                 `mamos compare {name:?} --from {original} --to {id}`, keep one with \
                 `mamos workshop resolve {name:?} --keep ID`",
                incoming.held_on,
                incoming.started_at,
                name = component.name,
            ));
            ids.push(id);
        }
        Ok(ids)
    }

    /// The workshop a conflicting version stands beside, or the workshop itself.
    fn original_workshop(&self, workshop_id: i64) -> Result<i64> {
        self.db(self.conn.query_row(
            "SELECT coalesce(conflict_of, id) FROM assessment WHERE id = ?1",
            params![workshop_id],
            |row| row.get(0),
        ))
    }

    /// A workshop and its conflicting versions, the workshop first.
    fn workshop_versions(&self, original: i64) -> Result<Vec<i64>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT id FROM assessment WHERE id = ?1 OR conflict_of = ?1 ORDER BY conflict_of IS NOT NULL, id",
        ))?;
        self.db(stmt
            .query_map(params![original], |row| row.get(0))
            .and_then(|rows| rows.collect()))
    }

    /// Adds the bundle's plans of a component: a plan already here unchanged
    /// is skipped; a version that differs from this database's (same plan
    /// edited differently, or a second open plan) is stored beside it as a
    /// conflicting version and reported.
    fn import_plans(
        &self,
        file: &str,
        component_id: i64,
        workshop_ids: &[i64],
        component: &BundleComponent,
        summary: &mut ImportSummary,
    ) -> Result<()> {
        let db = |e| Error::Database {
            path: self.path.clone(),
            source: e,
        };
        let here = self.plans(component_id)?;
        let here_ids: Vec<i64> = here.iter().map(|p| p.id).collect();
        // A plan of a workshop the bundle does not hold is not one of its plans.
        let here_versions: Vec<Option<BundlePlan>> = here
            .iter()
            .map(|p| bundle_plan(p, workshop_ids, &here_ids).map(unlinked))
            .collect();
        // The row id of each of the bundle's plans, in order.
        let mut ids: Vec<i64> = Vec::new();
        for (index, incoming) in component.plans.iter().enumerate() {
            check_bundle_plan(file, &component.name, index, incoming)?;
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
            if let (Some(i), Some(closed_at), Some(closed_by)) =
                (same_index, &incoming.closed_at, incoming.closed_by)
            {
                let as_open = BundlePlan {
                    closed_at: None,
                    closed_by: None,
                    grades: Vec::new(),
                    ..unlinked(incoming.clone())
                };
                if here[i].closed_at.is_none() && here_versions[i].as_ref() == Some(&as_open) {
                    record_closure(
                        &self.conn,
                        here[i].id,
                        closed_at,
                        workshop_ids[closed_by],
                        &incoming.grades,
                    )
                    .map_err(db)?;
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
            let (conflict_of, reason) = match (incoming.conflict_of, same_plan, &open_here) {
                (Some(i), _, _) => (
                    Some(ids[i]),
                    "was already a conflicting version in the bundle".to_string(),
                ),
                (None, Some(mine), _) => (Some(mine.id), differences(mine, incoming)),
                (None, None, Some(open)) => (
                    Some(open.id),
                    format!("is a second open plan beside plan {}", open.id),
                ),
                (None, None, None) => (None, String::new()),
            };
            // Grades are stored once the plan is closed, as `close_plan` does.
            let grades = incoming
                .closed_at
                .as_ref()
                .map(|_| serde_json::to_string(&incoming.grades).expect("grades always serialize"));
            self.conn
                .execute(
                    "INSERT INTO plan (component_id, assessment_id, start_date, content, created_at,
                                       closed_at, closed_by, grades, previous_plan, conflict_of)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        component_id,
                        workshop_id,
                        incoming.plan.start.to_string(),
                        plan_content(&incoming.plan),
                        incoming.created_at,
                        incoming.closed_at,
                        incoming.closed_by.map(|w| workshop_ids[w]),
                        grades,
                        incoming.follows.map(|p| ids[p]),
                        conflict_of
                    ],
                )
                .map_err(db)?;
            let id = self.conn.last_insert_rowid();
            write_actions(&self.conn, id, &incoming.plan.actions).map_err(db)?;
            for c in &incoming.checkins {
                self.conn
                    .execute(
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
                    )
                    .map_err(db)?;
            }
            if let Some(original) = conflict_of {
                summary.conflicts.push(format!(
                    "component {name:?}: the plan of {} to {} (created {}) {reason}; both kept: \
                     plan {original} as it was here, plan {id} as imported. Compare them with \
                     `mamos plan history {name:?} --json`, keep one with \
                     `mamos plan resolve {name:?} --keep ID`",
                    incoming.plan.start,
                    incoming.plan.end,
                    incoming.created_at,
                    name = component.name,
                ));
            }
            summary.plans += 1;
            ids.push(id);
        }
        Ok(())
    }

    /// Stores one bundle workshop of a component, with its participants, votes,
    /// answers, notes, evidence, DORA metrics and revealed practices. Its id
    /// goes with it unless a version here holds it already.
    fn insert_workshop(
        &self,
        file: &str,
        component_id: i64,
        component: &BundleComponent,
        workshop: &BundleWorkshop,
        conflict_of: Option<i64>,
    ) -> Result<i64> {
        let db = |e| Error::Database {
            path: self.path.clone(),
            source: e,
        };
        let bank = self.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
        // A NULL uid gets a fresh one (the schema's trigger).
        self.conn
            .execute(
                "INSERT INTO assessment (component_id, uid, conflict_of, bank_id, bank_version,
                                         started_at, held_on, facilitator)
                 VALUES (?1, CASE WHEN EXISTS (SELECT 1 FROM assessment WHERE uid = ?2) THEN NULL ELSE ?2 END,
                         ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    component_id,
                    workshop.id,
                    conflict_of,
                    workshop.bank_id,
                    workshop.bank_version,
                    workshop.started_at,
                    workshop.held_on,
                    workshop.facilitator
                ],
            )
            .map_err(db)?;
        let workshop_id = self.conn.last_insert_rowid();
        let unknown = |practice: &str| {
            Error::invalid(
                file,
                format!(
                    "component {:?}: practice {practice:?} is not in bank {} {}",
                    component.name, workshop.bank_id, workshop.bank_version
                ),
            )
        };
        for (position, name) in workshop.participants.iter().enumerate() {
            self.conn
                .execute(
                    "INSERT INTO participant (assessment_id, name, position) VALUES (?1, ?2, ?3)",
                    params![workshop_id, name, position as i64],
                )
                .map_err(db)?;
        }
        for answer in &workshop.answers {
            if bank.practice(&answer.practice_id).is_none() {
                return Err(unknown(&answer.practice_id));
            }
            if let Some(a) = &answer.answer {
                crate::assessment::check_answer(a)?;
            }
            let (level, reason) = match &answer.answer {
                Some(crate::scoring::Answer::Level { level }) => (Some(*level), None),
                Some(crate::scoring::Answer::NotApplicable { reason }) => {
                    (None, Some(reason.clone()))
                }
                None => (None, None),
            };
            self.conn
                .execute(
                    "INSERT INTO answer (assessment_id, practice_id, level, na_reason, note, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![workshop_id, answer.practice_id, level, reason, answer.note, workshop.started_at],
                )
                .map_err(db)?;
        }
        for vote in &workshop.votes {
            if bank.practice(&vote.practice_id).is_none() {
                return Err(unknown(&vote.practice_id));
            }
            crate::assessment::check_answer(&vote.answer)?;
            let participant_id: i64 = self
                .conn
                .query_row(
                    "SELECT id FROM participant WHERE assessment_id = ?1 AND name = ?2",
                    params![workshop_id, vote.participant],
                    |row| row.get(0),
                )
                .map_err(|_| {
                    Error::invalid(
                        file,
                        format!(
                            "component {:?}: a vote by {:?}, who is not a participant of that workshop",
                            component.name, vote.participant
                        ),
                    )
                })?;
            let (level, reason) = match &vote.answer {
                crate::scoring::Answer::Level { level } => (Some(*level), None),
                crate::scoring::Answer::NotApplicable { reason } => (None, Some(reason.clone())),
            };
            self.conn
                .execute(
                    "INSERT INTO vote (participant_id, practice_id, level, na_reason, cast_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        participant_id,
                        vote.practice_id,
                        level,
                        reason,
                        workshop.started_at
                    ],
                )
                .map_err(db)?;
        }
        if let Some(dora) = &workshop.dora {
            dora.metrics.check().map_err(|e| {
                Error::invalid(file, format!("component {:?}: {e}", component.name))
            })?;
            self.conn
                .execute(
                    "INSERT INTO dora_metrics (assessment_id, lead_time, deploy_frequency, recovery,
                                               change_fail_rate, rework_rate, report_year, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        workshop_id,
                        dora.metrics.lead_time.map(|b| b.as_str()),
                        dora.metrics.deploy_frequency.map(|b| b.as_str()),
                        dora.metrics.recovery.map(|b| b.as_str()),
                        dora.metrics.change_fail_rate,
                        dora.metrics.rework_rate,
                        dora.year.to_string(),
                        workshop.started_at
                    ],
                )
                .map_err(db)?;
        }
        for e in &workshop.evidence {
            if bank.practice(&e.practice_id).is_none() {
                return Err(unknown(&e.practice_id));
            }
            self.conn
                .execute(
                    "INSERT INTO evidence (assessment_id, practice_id, target, label, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        workshop_id,
                        e.practice_id,
                        e.target,
                        e.label,
                        workshop.started_at
                    ],
                )
                .map_err(db)?;
        }
        for practice in &workshop.revealed {
            if bank.practice(practice).is_none() {
                return Err(unknown(practice));
            }
            self.conn
                .execute(
                    "INSERT INTO revealed (assessment_id, practice_id) VALUES (?1, ?2)",
                    params![workshop_id, practice],
                )
                .map_err(db)?;
        }
        Ok(workshop_id)
    }
}

/// A stored plan as it travels; workshops and plans named by their position.
/// None when its workshop is not among `workshop_ids`.
fn bundle_plan(plan: &StoredPlan, workshop_ids: &[i64], plan_ids: &[i64]) -> Option<BundlePlan> {
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

fn bundle_checkins(plan: &StoredPlan) -> Vec<BundleCheckin> {
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

/// A plan's content without its links to other plans, to compare two versions.
fn unlinked(plan: BundlePlan) -> BundlePlan {
    BundlePlan {
        follows: None,
        conflict_of: None,
        ..plan
    }
}

/// Two versions of a workshop hold the same: everything but where they sit.
fn same_workshop(a: &BundleWorkshop, b: &BundleWorkshop) -> bool {
    let content = |w: &BundleWorkshop| BundleWorkshop {
        id: String::new(),
        conflict_of: None,
        ..w.clone()
    };
    content(a) == content(b)
}

/// How many keys (a vote's participant and practice, an answer's practice…)
/// have a different item, or an item on one side only.
fn differing<'a, T: PartialEq, K: Ord>(a: &'a [T], b: &'a [T], key: impl Fn(&T) -> K) -> usize {
    let keys: std::collections::BTreeSet<K> = a.iter().chain(b).map(&key).collect();
    let find = |items: &'a [T], k: &K| items.iter().find(|x| key(x) == *k);
    keys.iter().filter(|k| find(a, k) != find(b, k)).count()
}

/// What differs between this database's workshop and an imported version of it, in words.
fn workshop_differences(mine: &BundleWorkshop, incoming: &BundleWorkshop) -> String {
    let count = |differs: usize, (one, many): (&str, &str)| match differs {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let parts: Vec<String> = [
        (mine.facilitator != incoming.facilitator || mine.held_on != incoming.held_on)
            .then(|| "the date or facilitator".to_string()),
        (mine.participants != incoming.participants).then(|| "the participants".to_string()),
        count(
            differing(&mine.votes, &incoming.votes, |v| {
                (v.participant.clone(), v.practice_id.clone())
            }),
            ("vote", "votes"),
        ),
        count(
            differing(&mine.answers, &incoming.answers, |a| a.practice_id.clone()),
            ("agreed answer or note", "agreed answers or notes"),
        ),
        count(
            differing(&mine.evidence, &incoming.evidence, |e| {
                (e.practice_id.clone(), e.target.clone(), e.label.clone())
            }),
            ("evidence link", "evidence links"),
        ),
        (mine.revealed != incoming.revealed).then(|| "the revealed practices".to_string()),
        (mine.dora != incoming.dora).then(|| "the DORA metrics".to_string()),
        (mine.bank_version != incoming.bank_version).then(|| "the bank version".to_string()),
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

/// What differs between this database's plan and an imported version of it, in words.
fn differences(mine: &StoredPlan, incoming: &BundlePlan) -> String {
    let mut parts = Vec::new();
    let changes = crate::plan::diff(&mine.plan, &incoming.plan);
    let mut actions: Vec<String> = changes
        .changed
        .iter()
        .map(|c| format!("{} ({})", c.id, c.fields.join(", ")))
        .collect();
    actions.extend(changes.added.iter().map(|id| format!("{id} (only there)")));
    actions.extend(changes.removed.iter().map(|id| format!("{id} (only here)")));
    for (before, after) in mine
        .plan
        .actions
        .iter()
        .filter_map(|a| incoming.plan.action(&a.id).map(|b| (a, b)))
    {
        if before.status != after.status {
            actions.push(format!(
                "{} (status {} here, {} there)",
                before.id,
                before.status.as_str(),
                after.status.as_str()
            ));
        }
    }
    if !actions.is_empty() {
        parts.push(format!("actions {}", actions.join("; ")));
    }
    if mine
        .plan
        .actions
        .iter()
        .map(|a| &a.id)
        .ne(incoming.plan.actions.iter().map(|a| &a.id))
    {
        parts.push("the order of the actions".to_string());
    }
    let checkins_here: Vec<u32> = mine.recorded_checkins.iter().map(|c| c.week).collect();
    let checkins_there: Vec<u32> = incoming.checkins.iter().map(|c| c.week).collect();
    if checkins_here != checkins_there {
        parts.push(format!(
            "check-ins of weeks {checkins_here:?} here, {checkins_there:?} there"
        ));
    } else if bundle_checkins(mine) != incoming.checkins {
        parts.push("the check-ins' answers".to_string());
    }
    if mine.closed_at.is_some() != incoming.closed_at.is_some() {
        parts.push(if mine.closed_at.is_some() {
            "closed here, open there".to_string()
        } else {
            "open here, closed there".to_string()
        });
    }
    if parts.is_empty() {
        parts.push("the plan's content".to_string());
    }
    format!("was edited differently: {}", parts.join("; "))
}

/// A bundle's plan holds to the rules an edit in this database holds to.
fn check_bundle_plan(
    file: &str,
    component: &str,
    index: usize,
    bundled: &BundlePlan,
) -> Result<()> {
    let invalid = |problem: String| {
        Error::invalid(
            file,
            format!("component {component:?}, plans[{index}]: {problem}"),
        )
    };
    let plan = &bundled.plan;
    let mut seen = std::collections::BTreeSet::new();
    for action in &plan.actions {
        if !seen.insert(action.id.as_str()) {
            return Err(invalid(format!("action {} appears twice", action.id)));
        }
        check_schedule(plan, action).map_err(|e| invalid(e.to_string()))?;
    }
    let key_results: Vec<&str> = plan.key_results().map(|k| k.id.as_str()).collect();
    let mut weeks = std::collections::BTreeSet::new();
    for checkin in &bundled.checkins {
        if !(1..=crate::plan::PLAN_WEEKS).contains(&checkin.week) || !weeks.insert(checkin.week) {
            return Err(invalid(format!(
                "check-in week {} is not a distinct week 1 to {}",
                checkin.week,
                crate::plan::PLAN_WEEKS
            )));
        }
        if let Some(kr) = checkin
            .key_results
            .keys()
            .find(|k| !key_results.contains(&k.as_str()))
        {
            return Err(invalid(format!(
                "the check-in of week {} grades {kr:?}, which is not a key result of the plan",
                checkin.week
            )));
        }
    }
    Ok(())
}
