//! A bundle's workshops merged into this database: a workshop here in the
//! same version is reused, a different version is stored beside it.

use rusqlite::{params, OptionalExtension};

use super::{Conflicting, ImportConflict, ImportSummary, WorkshopChanges, WorkshopDifference};
use crate::exchange::{BundleComponent, BundleWorkshop};
use crate::model::Bank;
use crate::store::Store;
use crate::{Error, Result};

impl Store {
    /// Adds the bundle's workshops of a component that are not here, and
    /// returns the row id of each of them, in the bundle's order. A workshop
    /// here in the same version is reused; a different version of a workshop
    /// here is stored beside it as a conflicting version and reported.
    pub(super) fn import_workshops(
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
                return Err(Error::conflict(
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
            let differs = match incoming.conflict_of {
                Some(_) => WorkshopDifference::AlreadyConflicting,
                None => WorkshopDifference::Edited {
                    changes: workshop_changes(&bundled[0], incoming),
                },
            };
            let id =
                self.insert_workshop(file, component_id, component, incoming, Some(original))?;
            summary.workshops += 1;
            summary.conflicts.push(ImportConflict::new(
                &component.name,
                Conflicting::Workshop {
                    held_on: incoming.held_on.clone(),
                    started_at: incoming.started_at.clone(),
                    kept: original,
                    imported: id,
                    differs,
                },
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
        let bank = self.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
        // A NULL uid gets a fresh one (the schema's trigger).
        self.db(self.conn.execute(
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
        ))?;
        let incoming = Incoming {
            file,
            component: &component.name,
            workshop,
            bank: &bank,
            workshop_id: self.conn.last_insert_rowid(),
        };
        for (position, name) in workshop.participants.iter().enumerate() {
            self.db(self.conn.execute(
                "INSERT INTO participant (assessment_id, name, position) VALUES (?1, ?2, ?3)",
                params![incoming.workshop_id, name, position as i64],
            ))?;
        }
        self.insert_answers(&incoming)?;
        self.insert_votes(&incoming)?;
        self.insert_dora(&incoming)?;
        self.insert_evidence(&incoming)?;
        for practice in &workshop.revealed {
            incoming.check_practice(practice)?;
            self.db(self.conn.execute(
                "INSERT INTO revealed (assessment_id, practice_id) VALUES (?1, ?2)",
                params![incoming.workshop_id, practice],
            ))?;
        }
        Ok(incoming.workshop_id)
    }

    fn insert_answers(&self, incoming: &Incoming) -> Result<()> {
        let workshop = incoming.workshop;
        for answer in &workshop.answers {
            incoming.check_practice(&answer.practice_id)?;
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
            self.db(self.conn.execute(
                "INSERT INTO answer (assessment_id, practice_id, level, na_reason, note, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![incoming.workshop_id, answer.practice_id, level, reason, answer.note, workshop.started_at],
            ))?;
        }
        Ok(())
    }

    fn insert_votes(&self, incoming: &Incoming) -> Result<()> {
        let workshop = incoming.workshop;
        for vote in &workshop.votes {
            incoming.check_practice(&vote.practice_id)?;
            crate::assessment::check_answer(&vote.answer)?;
            let participant_id: i64 = self
                .conn
                .query_row(
                    "SELECT id FROM participant WHERE assessment_id = ?1 AND name = ?2",
                    params![incoming.workshop_id, vote.participant],
                    |row| row.get(0),
                )
                .map_err(|_| {
                    Error::invalid(
                        incoming.file,
                        format!(
                            "component {:?}: a vote by {:?}, who is not a participant of that workshop",
                            incoming.component, vote.participant
                        ),
                    )
                })?;
            let (level, reason) = match &vote.answer {
                crate::scoring::Answer::Level { level } => (Some(*level), None),
                crate::scoring::Answer::NotApplicable { reason } => (None, Some(reason.clone())),
            };
            self.db(self.conn.execute(
                "INSERT INTO vote (participant_id, practice_id, level, na_reason, cast_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    participant_id,
                    vote.practice_id,
                    level,
                    reason,
                    workshop.started_at
                ],
            ))?;
        }
        Ok(())
    }

    fn insert_dora(&self, incoming: &Incoming) -> Result<()> {
        let workshop = incoming.workshop;
        let Some(dora) = &workshop.dora else {
            return Ok(());
        };
        dora.metrics.check().map_err(|e| {
            Error::invalid(
                incoming.file,
                format!("component {:?}: {e}", incoming.component),
            )
        })?;
        self.db(self.conn.execute(
            "INSERT INTO dora_metrics (assessment_id, lead_time, deploy_frequency, recovery,
                                       change_fail_rate, rework_rate, report_year, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                incoming.workshop_id,
                dora.metrics.lead_time.map(|b| b.as_str()),
                dora.metrics.deploy_frequency.map(|b| b.as_str()),
                dora.metrics.recovery.map(|b| b.as_str()),
                dora.metrics.change_fail_rate,
                dora.metrics.rework_rate,
                dora.year.to_string(),
                workshop.started_at
            ],
        ))?;
        Ok(())
    }

    fn insert_evidence(&self, incoming: &Incoming) -> Result<()> {
        let workshop = incoming.workshop;
        for e in &workshop.evidence {
            incoming.check_practice(&e.practice_id)?;
            self.db(self.conn.execute(
                "INSERT INTO evidence (assessment_id, practice_id, target, label, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    incoming.workshop_id,
                    e.practice_id,
                    e.location,
                    e.label,
                    workshop.started_at
                ],
            ))?;
        }
        Ok(())
    }
}

/// A bundle workshop being stored: where it comes from and the row it became.
struct Incoming<'a> {
    file: &'a str,
    component: &'a str,
    workshop: &'a BundleWorkshop,
    bank: &'a Bank,
    workshop_id: i64,
}

impl Incoming<'_> {
    /// A practice the workshop names is in the bank it was held with.
    fn check_practice(&self, practice: &str) -> Result<()> {
        if self.bank.practice(practice).is_some() {
            return Ok(());
        }
        Err(Error::invalid(
            self.file,
            format!(
                "component {:?}: practice {practice:?} is not in bank {} {}",
                self.component, self.workshop.bank_id, self.workshop.bank_version
            ),
        ))
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

/// What differs between this database's workshop and an imported version of it.
fn workshop_changes(mine: &BundleWorkshop, incoming: &BundleWorkshop) -> WorkshopChanges {
    WorkshopChanges {
        date_or_facilitator: mine.facilitator != incoming.facilitator
            || mine.held_on != incoming.held_on,
        participants: mine.participants != incoming.participants,
        votes: differing(&mine.votes, &incoming.votes, |v| {
            (v.participant.clone(), v.practice_id.clone())
        }),
        answers_or_notes: differing(&mine.answers, &incoming.answers, |a| a.practice_id.clone()),
        evidence_links: differing(&mine.evidence, &incoming.evidence, |e| {
            (e.practice_id.clone(), e.location.clone(), e.label.clone())
        }),
        revealed_practices: mine.revealed != incoming.revealed,
        dora: mine.dora != incoming.dora,
        bank_version: mine.bank_version != incoming.bank_version,
    }
}
