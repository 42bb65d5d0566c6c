//! Export to and import from `.mamos.json` bundles. An import runs in one
//! transaction: a bad bundle changes nothing.

use rusqlite::params;

use super::workshops::answer_from_columns;
use super::Store;
use crate::exchange::{
    Bundle, BundleAnswer, BundleComponent, BundleDora, BundleEvidence, BundleGroup, BundleVote,
    BundleWorkshop, BUNDLE_FORMAT, BUNDLE_VERSION,
};
use crate::model::Bank;
use crate::{Error, Result};

/// What a bundle holds: everything, one group, or one component.
pub enum ExportScope<'a> {
    Organisation,
    Group(&'a str),
    Component(&'a str),
}

/// What an import added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub components: usize,
    pub workshops: usize,
    pub banks: usize,
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
            let mut workshops = Vec::new();
            for workshop in self.workshops(component.id)? {
                let key = (workshop.bank_id.clone(), workshop.bank_version.clone());
                if !bank_keys.contains(&key) {
                    bank_keys.push(key);
                }
                workshops.push(BundleWorkshop {
                    started_at: self.db(self.conn.query_row(
                        "SELECT started_at FROM assessment WHERE id = ?1",
                        params![workshop.id],
                        |row| row.get(0),
                    ))?,
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
                });
            }
            bundle_components.push(BundleComponent {
                name: component.name.clone(),
                blueprint: component.blueprint,
                created_at: component.created_at.clone(),
                workshops,
                target_overrides: self.target_overrides(component.id)?,
            });
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

    /// Adds a bundle's banks, groups, components and workshops, all or nothing.
    /// A component whose name is already used is refused: nothing is merged silently.
    pub fn import_bundle(&mut self, file: &str, bundle: &Bundle) -> Result<ImportSummary> {
        for component in &bundle.components {
            if self.component_by_name(&component.name).is_ok() {
                return Err(Error::invalid(
                    file,
                    format!(
                        "component {:?} already exists in this database; rename or remove one of them first",
                        component.name
                    ),
                ));
            }
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
        };
        for bank in &bundle.banks {
            match self.import_bank(bank)? {
                super::BankImport::Stored => summary.banks += 1,
                super::BankImport::AlreadyStored => {}
            }
        }
        for component in &bundle.components {
            self.import_component(file, component)?;
            summary.components += 1;
            summary.workshops += component.workshops.len();
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

    fn import_component(&self, file: &str, component: &BundleComponent) -> Result<()> {
        let db = |e| Error::Database {
            path: self.path.clone(),
            source: e,
        };
        self.conn
            .execute(
                "INSERT INTO component (name, blueprint, created_at) VALUES (?1, ?2, ?3)",
                params![
                    component.name,
                    component.blueprint.as_str(),
                    component.created_at
                ],
            )
            .map_err(db)?;
        let component_id = self.conn.last_insert_rowid();
        for o in &component.target_overrides {
            if o.level > crate::model::MAX_LEVEL || o.reason.trim().is_empty() {
                return Err(Error::invalid(
                    file,
                    format!(
                        "component {:?}: the target override of {:?} needs a level 0–4 and a reason",
                        component.name, o.key
                    ),
                ));
            }
            self.conn
                .execute(
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
                )
                .map_err(db)?;
        }
        for workshop in &component.workshops {
            let bank = self.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
            self.conn
                .execute(
                    "INSERT INTO assessment (component_id, bank_id, bank_version, started_at, held_on, facilitator)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        component_id,
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
                    crate::scoring::Answer::NotApplicable { reason } => {
                        (None, Some(reason.clone()))
                    }
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
        }
        Ok(())
    }
}
