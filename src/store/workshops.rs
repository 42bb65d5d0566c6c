//! Workshops, votes and groups in the store. A workshop is a dated assessment
//! of one component with participants; each vote is committed when cast.

use std::collections::BTreeMap;

use super::{now, Store, HELD_ORDER};
use crate::assessment::check_answer;
use crate::scoring::Answer;
use crate::workshop::{
    disagreement, FlaggedPractice, PracticeVotes, Undone, UndoneKind, Vote, Workshop, WorkshopState,
};
use crate::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

/// `(level, na_reason)` columns for an answer.
fn answer_columns(answer: &Answer) -> (Option<u8>, Option<&str>) {
    match answer {
        Answer::Level { level } => (Some(*level), None),
        Answer::NotApplicable { reason } => (None, Some(reason.as_str())),
    }
}

pub(super) fn answer_from_columns(level: Option<u8>, reason: Option<String>) -> Option<Answer> {
    match (level, reason) {
        (Some(level), _) => Some(Answer::Level { level }),
        (None, Some(reason)) => Some(Answer::NotApplicable { reason }),
        (None, None) => None,
    }
}

impl Store {
    /// Starts a workshop (a new assessment) of a component, pinned to the newest
    /// stored version of the bank the component was assessed with.
    pub fn start_workshop(
        &mut self,
        component_id: i64,
        held_on: NaiveDate,
        facilitator: &str,
        participants: &[String],
    ) -> Result<Workshop> {
        let component = self.component(component_id)?;
        let version = self.latest_bank_version(&component.bank_id)?;
        let facilitator = facilitator.trim();
        crate::assessment::check_person_name("facilitator", facilitator)?;
        // The assessment `component add` starts is reused while nothing is recorded in it,
        // so a component's history does not begin with an empty entry.
        let (current, _) = self.current_assessment(component_id)?;
        let untouched: bool = self.db(self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM answer WHERE assessment_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM participant WHERE assessment_id = ?1)",
            params![current],
            |row| row.get(0),
        ))?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        let insert = (|| {
            let id = if untouched {
                tx.execute(
                    "UPDATE assessment SET bank_version = ?2, held_on = ?3, facilitator = ?4 WHERE id = ?1",
                    params![current, version, held_on.to_string(), facilitator],
                )?;
                current
            } else {
                tx.execute(
                    "INSERT INTO assessment (component_id, bank_id, bank_version, started_at, held_on, facilitator)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![component_id, component.bank_id, version, now(), held_on.to_string(), facilitator],
                )?;
                tx.last_insert_rowid()
            };
            for (position, name) in participants.iter().enumerate() {
                tx.execute(
                    "INSERT INTO participant (assessment_id, name, position) VALUES (?1, ?2, ?3)",
                    params![id, name, position as i64],
                )?;
            }
            Ok(id)
        })();
        let id = self.db(insert)?;
        self.db(tx.commit())?;
        self.workshop(id)
    }

    pub fn workshop(&self, id: i64) -> Result<Workshop> {
        let row = self.db(self
            .conn
            .query_row(
                "SELECT a.component_id, c.name, coalesce(a.held_on, substr(a.started_at, 1, 10)),
                            a.facilitator, a.bank_id, a.bank_version, a.conflict_of
                     FROM assessment a JOIN component c ON c.id = a.component_id WHERE a.id = ?1",
                params![id],
                |row| {
                    Ok(Workshop {
                        id,
                        component_id: row.get(0)?,
                        component: row.get(1)?,
                        held_on: row.get(2)?,
                        facilitator: row.get(3)?,
                        participants: Vec::new(),
                        bank_id: row.get(4)?,
                        bank_version: row.get(5)?,
                        conflict_of: row.get(6)?,
                    })
                },
            )
            .optional())?;
        let mut workshop = row.ok_or(Error::UnknownWorkshop(id))?;
        workshop.participants = self.participants(id)?;
        Ok(workshop)
    }

    /// A component's history: its workshops in the order they were held,
    /// the last one current. Conflicting versions left by an import are not
    /// part of it until the coach keeps one (`all_workshops` lists them).
    pub fn workshops(&self, component_id: i64) -> Result<Vec<Workshop>> {
        let mut workshops = self.all_workshops(component_id)?;
        workshops.retain(|w| w.conflict_of.is_none());
        Ok(workshops)
    }

    /// Every workshop of a component in the order they were held, conflicting
    /// versions included, each right after the workshop it conflicts with.
    pub fn all_workshops(&self, component_id: i64) -> Result<Vec<Workshop>> {
        self.component(component_id)?;
        let mut stmt = self.db(self.conn.prepare(&format!(
            "SELECT a.id FROM assessment a WHERE a.component_id = ?1 ORDER BY {HELD_ORDER}"
        )))?;
        let ids = self.db(stmt
            .query_map(params![component_id], |row| row.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        ids.into_iter().map(|id| self.workshop(id)).collect()
    }

    /// Settles a conflict an import left: keeps version `keep` (the workshop
    /// or a conflicting version of it) under the workshop's id and uid, and
    /// removes the other versions. Plans of a removed version move to the kept
    /// one. Returns the workshop's id.
    pub fn resolve_workshop(&mut self, component_id: i64, keep: i64) -> Result<i64> {
        let all = self.all_workshops(component_id)?;
        let Some(kept) = all.iter().find(|w| w.id == keep) else {
            let component = self.component(component_id)?;
            return Err(Error::not_found(
                "--keep",
                format!("{:?} has no workshop {keep}", component.name),
            ));
        };
        let original = kept.conflict_of.unwrap_or(keep);
        let others: Vec<i64> = all
            .iter()
            .filter(|w| w.id != keep && (w.id == original || w.conflict_of == Some(original)))
            .map(|w| w.id)
            .collect();
        if others.is_empty() {
            return Err(Error::not_found(
                "--keep",
                format!("workshop {keep} has no conflicting version to settle"),
            ));
        }
        let tx = self.db(self.conn.unchecked_transaction())?;
        let settle = (|| {
            for other in &others {
                tx.execute(
                    "UPDATE plan SET assessment_id = ?2 WHERE assessment_id = ?1",
                    params![other, original],
                )?;
                tx.execute(
                    "UPDATE plan SET closed_by = ?2 WHERE closed_by = ?1",
                    params![other, original],
                )?;
            }
            if keep != original {
                // The kept version's contents move under the workshop's id.
                for table in [
                    "participant",
                    "answer",
                    "revealed",
                    "evidence",
                    "dora_metrics",
                    "workshop_undo",
                ] {
                    tx.execute(
                        &format!("DELETE FROM {table} WHERE assessment_id = ?1"),
                        params![original],
                    )?;
                    tx.execute(
                        &format!("UPDATE {table} SET assessment_id = ?2 WHERE assessment_id = ?1"),
                        params![keep, original],
                    )?;
                }
                tx.execute(
                    "UPDATE assessment SET (bank_id, bank_version, started_at, held_on, facilitator) =
                         (SELECT bank_id, bank_version, started_at, held_on, facilitator
                          FROM assessment WHERE id = ?1)
                     WHERE id = ?2",
                    params![keep, original],
                )?;
            }
            tx.execute(
                "DELETE FROM assessment WHERE conflict_of = ?1",
                params![original],
            )?;
            Ok(())
        })();
        self.db(settle)?;
        self.db(tx.commit())?;
        Ok(original)
    }

    fn participants(&self, workshop_id: i64) -> Result<Vec<String>> {
        let mut stmt = self.db(self
            .conn
            .prepare("SELECT name FROM participant WHERE assessment_id = ?1 ORDER BY position"))?;
        self.db(stmt
            .query_map(params![workshop_id], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))
    }

    pub(super) fn practice_in_workshop(&self, workshop_id: i64, practice_id: &str) -> Result<()> {
        // Only the bank: a vote of a room of 50 checks this 50 times.
        let (bank_id, bank_version): (String, String) = self
            .db(self
                .conn
                .query_row(
                    "SELECT bank_id, bank_version FROM assessment WHERE id = ?1",
                    params![workshop_id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional())?
            .ok_or(Error::UnknownWorkshop(workshop_id))?;
        let bank = self.shared_bank(&bank_id, &bank_version)?;
        if bank.practice(practice_id).is_none() {
            return Err(Error::UnknownPractice {
                practice: practice_id.to_string(),
                bank: bank.id.clone(),
                version: bank.version.clone(),
            });
        }
        Ok(())
    }

    /// Records (or, with `None`, withdraws) one participant's vote; committed at once.
    pub fn cast_vote(
        &mut self,
        workshop_id: i64,
        participant: &str,
        practice_id: &str,
        answer: Option<Answer>,
    ) -> Result<()> {
        let answer = answer.as_ref().map(check_answer).transpose()?;
        self.practice_in_workshop(workshop_id, practice_id)?;
        let participant_id: Option<i64> = self.db(self
            .conn
            .query_row(
                "SELECT id FROM participant WHERE assessment_id = ?1 AND name = ?2",
                params![workshop_id, participant.trim()],
                |row| row.get(0),
            )
            .optional())?;
        let Some(participant_id) = participant_id else {
            return Err(Error::UnknownParticipant {
                name: participant.to_string(),
                workshop: workshop_id,
                known: self.participants(workshop_id)?.join(", "),
            });
        };
        match &answer {
            Some(answer) => {
                let (level, reason) = answer_columns(answer);
                self.db(self.conn.execute(
                    "INSERT INTO vote (participant_id, practice_id, level, na_reason, cast_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (participant_id, practice_id)
                     DO UPDATE SET level = excluded.level, na_reason = excluded.na_reason,
                                   cast_at = excluded.cast_at",
                    params![participant_id, practice_id, level, reason, now()],
                ))?;
            }
            None => {
                self.db(self.conn.execute(
                    "DELETE FROM vote WHERE participant_id = ?1 AND practice_id = ?2",
                    params![participant_id, practice_id],
                ))?;
            }
        }
        Ok(())
    }

    /// Sets (or, with `None`, withdraws) the facilitator's agreed answer in a
    /// workshop, and keeps the answer it replaces for an undo, in one transaction.
    pub fn agree(
        &mut self,
        workshop_id: i64,
        practice_id: &str,
        answer: Option<Answer>,
    ) -> Result<()> {
        let answer = answer.as_ref().map(check_answer).transpose()?;
        self.practice_in_workshop(workshop_id, practice_id)?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        let write = (|| {
            let (level, reason): (Option<u8>, Option<String>) = tx
                .query_row(
                    "SELECT level, na_reason FROM answer WHERE assessment_id = ?1 AND practice_id = ?2",
                    params![workshop_id, practice_id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?
                .unwrap_or_default();
            super::write_answer_row(&tx, workshop_id, practice_id, answer.as_ref())?;
            tx.execute(
                "INSERT OR REPLACE INTO workshop_undo (assessment_id, kind, practice_id, level, na_reason)
                 VALUES (?1, 'agreement', ?2, ?3, ?4)",
                params![workshop_id, practice_id, level, reason],
            )?;
            Ok(())
        })();
        self.db(write)?;
        self.db(tx.commit())
    }

    /// Shows the votes of one practice to the room; a practice shown for the
    /// first time becomes the workshop's last action, for an undo.
    pub fn reveal(&mut self, workshop_id: i64, practice_id: &str) -> Result<()> {
        self.practice_in_workshop(workshop_id, practice_id)?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        let write = (|| {
            let shown = tx.execute(
                "INSERT OR IGNORE INTO revealed (assessment_id, practice_id) VALUES (?1, ?2)",
                params![workshop_id, practice_id],
            )?;
            if shown > 0 {
                tx.execute(
                    "INSERT OR REPLACE INTO workshop_undo (assessment_id, kind, practice_id)
                     VALUES (?1, 'reveal', ?2)",
                    params![workshop_id, practice_id],
                )?;
            }
            Ok(())
        })();
        self.db(write)?;
        self.db(tx.commit())
    }

    /// Undoes the last reveal (the votes hidden again) or agreement (the
    /// answer before it recorded again) of a workshop, once, in one transaction.
    pub fn undo_last(&mut self, workshop_id: i64) -> Result<Undone> {
        let workshop = self.workshop(workshop_id)?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        let last = self.db(tx
            .query_row(
                "SELECT kind, practice_id, level, na_reason FROM workshop_undo WHERE assessment_id = ?1",
                params![workshop_id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, Option<u8>>(2)?,
                        row.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional())?;
        let Some((kind, practice_id, level, reason)) = last else {
            return Err(Error::conflict(
                "workshop",
                format!(
                    "nothing to undo in workshop {workshop_id} of {:?}: only the last reveal or agreement can be undone, once",
                    workshop.component
                ),
            ));
        };
        let restored = answer_from_columns(level, reason);
        let kind = match kind.as_str() {
            "reveal" => UndoneKind::Reveal,
            "agreement" => UndoneKind::Agreement,
            other => {
                return Err(Error::corrupt(
                    format!("the last action of workshop {workshop_id}"),
                    format!("unknown kind {other:?}"),
                ))
            }
        };
        let undo = (|| {
            if kind == UndoneKind::Reveal {
                tx.execute(
                    "DELETE FROM revealed WHERE assessment_id = ?1 AND practice_id = ?2",
                    params![workshop_id, practice_id],
                )?;
            } else {
                super::write_answer_row(&tx, workshop_id, &practice_id, restored.as_ref())?;
            }
            tx.execute(
                "DELETE FROM workshop_undo WHERE assessment_id = ?1",
                params![workshop_id],
            )?;
            Ok(())
        })();
        self.db(undo)?;
        self.db(tx.commit())?;
        let bank = self.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
        let position = bank
            .practices()
            .position(|(_, p)| p.id == practice_id)
            .map_or(0, |i| i + 1);
        Ok(Undone {
            kind,
            practice_id,
            position,
            restored,
        })
    }

    /// Puts a practice on screen in a workshop (live voting) at `at` (Unix
    /// seconds): its timebox starts then, unless it is on screen already, and
    /// the session's clock starts with the first practice put there.
    pub fn set_focus(&mut self, workshop_id: i64, practice_id: &str, at: i64) -> Result<()> {
        self.practice_in_workshop(workshop_id, practice_id)?;
        // The right-hand sides read the row as it was before this update.
        self.db(self.conn.execute(
            "UPDATE assessment SET focus_practice = ?2,
                 focus_since = CASE WHEN focus_practice IS ?2 THEN coalesce(focus_since, ?3) ELSE ?3 END,
                 live_started_at = coalesce(live_started_at, ?3)
             WHERE id = ?1",
            params![workshop_id, practice_id, at],
        ))?;
        Ok(())
    }

    /// The practice on screen in a workshop, if the coach put one there.
    pub fn focus(&self, workshop_id: i64) -> Result<Option<String>> {
        let focus = self.db(self
            .conn
            .query_row(
                "SELECT focus_practice FROM assessment WHERE id = ?1",
                params![workshop_id],
                |row| row.get::<_, Option<String>>(0),
            )
            .optional())?;
        focus.ok_or(Error::UnknownWorkshop(workshop_id))
    }

    /// A number that changes whenever another connection (the window, the
    /// CLI) commits to the database: the live server polls it to notice them.
    pub fn data_version(&self) -> Result<i64> {
        self.db(self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0)))
    }

    pub fn is_revealed(&self, workshop_id: i64, practice_id: &str) -> Result<bool> {
        self.db(self.conn.query_row(
            "SELECT count(*) > 0 FROM revealed WHERE assessment_id = ?1 AND practice_id = ?2",
            params![workshop_id, practice_id],
            |row| row.get(0),
        ))
    }

    /// The votes on one practice of a workshop, participants in their listed
    /// order: what a device's page shows, without reading the whole workshop.
    pub fn votes_on(&self, workshop_id: i64, practice_id: &str) -> Result<Vec<Vote>> {
        let votes = self.keyed_answers(
            "SELECT p.name, v.level, v.na_reason
             FROM vote v JOIN participant p ON p.id = v.participant_id
             WHERE p.assessment_id = ?1 AND v.practice_id = ?2 ORDER BY p.position",
            params![workshop_id, practice_id],
        )?;
        Ok(votes
            .into_iter()
            .map(|(participant, answer)| Vote {
                participant,
                answer,
            })
            .collect())
    }

    /// The rows of `sql`, whose columns are a key, a level and an N/A reason,
    /// as answers by key (rows with neither are left out).
    fn keyed_answers(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<(String, Answer)>> {
        let mut stmt = self.db(self.conn.prepare_cached(sql))?;
        let rows = self.db(stmt
            .query_map(params, |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<u8>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        Ok(rows
            .into_iter()
            .filter_map(|(key, level, reason)| {
                answer_from_columns(level, reason).map(|answer| (key, answer))
            })
            .collect())
    }

    /// Runs `work` in one transaction committed once: many small changes
    /// arriving together (the votes of a room) wait for the disk once, not
    /// once each. Nothing is kept if the commit fails.
    pub fn in_one_commit<T>(&mut self, work: impl FnOnce(&mut Store) -> T) -> Result<T> {
        if !self.conn.is_autocommit() {
            // A transaction left open by a panic of an earlier batch is abandoned.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        self.db(self.conn.execute_batch("BEGIN IMMEDIATE"))?;
        let done = work(self);
        match self.db(self.conn.execute_batch("COMMIT")) {
            Ok(()) => Ok(done),
            Err(error) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    }

    /// Runs `work` inside a savepoint: what it wrote stays only if it succeeds,
    /// so one refused change in a batch leaves the others alone.
    pub fn all_or_nothing<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.db(self.conn.execute_batch("SAVEPOINT one_change"))?;
        match work(self) {
            Ok(done) => {
                self.db(self.conn.execute_batch("RELEASE one_change"))?;
                Ok(done)
            }
            Err(error) => {
                let _ = self
                    .conn
                    .execute_batch("ROLLBACK TO one_change; RELEASE one_change");
                Err(error)
            }
        }
    }

    /// Every vote of a workshop by practice, participants in their listed order.
    pub fn votes(&self, workshop_id: i64) -> Result<BTreeMap<String, Vec<Vote>>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT v.practice_id, p.name, v.level, v.na_reason
             FROM vote v JOIN participant p ON p.id = v.participant_id
             WHERE p.assessment_id = ?1 ORDER BY v.practice_id, p.position",
        ))?;
        let rows = self.db(stmt
            .query_map(params![workshop_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<u8>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        let mut votes: BTreeMap<String, Vec<Vote>> = BTreeMap::new();
        for (practice, participant, level, reason) in rows {
            if let Some(answer) = answer_from_columns(level, reason) {
                votes.entry(practice).or_default().push(Vote {
                    participant,
                    answer,
                });
            }
        }
        Ok(votes)
    }

    /// The practices whose votes disagree, in bank order, with whether the facilitator has decided.
    pub fn disagreements(&self, workshop_id: i64) -> Result<Vec<FlaggedPractice>> {
        let workshop = self.workshop(workshop_id)?;
        let bank = self.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
        let mut votes = self.votes(workshop_id)?;
        let decided = self.facilitator_answers(workshop_id)?;
        Ok(bank
            .practices()
            .filter_map(|(_, practice)| {
                let votes = votes.remove(&practice.id)?;
                Some(FlaggedPractice {
                    practice_id: practice.id.clone(),
                    disagreement: disagreement(&votes)?,
                    resolved: decided.contains_key(&practice.id),
                    votes,
                })
            })
            .collect())
    }

    /// The practices whose agreed answer the facilitator set in a workshop.
    pub fn facilitator_decisions(
        &self,
        workshop_id: i64,
    ) -> Result<std::collections::BTreeSet<String>> {
        Ok(self.facilitator_answers(workshop_id)?.into_keys().collect())
    }

    /// The answers the facilitator set (or gave directly, without votes), by practice.
    pub(super) fn facilitator_answers(&self, workshop_id: i64) -> Result<BTreeMap<String, Answer>> {
        let answers = self.keyed_answers(
            "SELECT practice_id, level, na_reason FROM answer WHERE assessment_id = ?1",
            params![workshop_id],
        )?;
        Ok(answers.into_iter().collect())
    }

    pub fn workshop_state(&self, workshop_id: i64) -> Result<WorkshopState> {
        let workshop = self.workshop(workshop_id)?;
        let view = self.workshop_view(workshop_id)?;
        let mut votes = self.votes(workshop_id)?;
        let decided = self.facilitator_answers(workshop_id)?;
        let mut stmt = self.db(self
            .conn
            .prepare("SELECT practice_id FROM revealed WHERE assessment_id = ?1"))?;
        let revealed: std::collections::BTreeSet<String> = self.db(stmt
            .query_map(params![workshop_id], |row| row.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<_>>()))?;
        let practices = view
            .bank
            .practices()
            .map(|(_, practice)| {
                let id = &practice.id;
                let practice_votes = votes.remove(id).unwrap_or_default();
                let is_revealed = revealed.contains(id);
                PracticeVotes {
                    practice_id: id.clone(),
                    voted: practice_votes
                        .iter()
                        .map(|v| v.participant.clone())
                        .collect(),
                    revealed: is_revealed,
                    disagreement: if is_revealed {
                        disagreement(&practice_votes)
                    } else {
                        None
                    },
                    votes: if is_revealed {
                        practice_votes
                    } else {
                        Vec::new()
                    },
                    decided: decided.contains_key(id),
                }
            })
            .collect();
        Ok(WorkshopState {
            workshop,
            view,
            practices,
        })
    }

    /// Records a workshop's DORA metrics (replacing earlier ones) and the report year to classify them with.
    pub fn set_dora(
        &mut self,
        workshop_id: i64,
        metrics: &crate::dora::DoraMetrics,
        year: crate::dora::ReportYear,
    ) -> Result<()> {
        metrics.check()?;
        self.workshop(workshop_id)?;
        self.db(self.conn.execute(
            "INSERT INTO dora_metrics (assessment_id, lead_time, deploy_frequency, recovery,
                                       change_fail_rate, rework_rate, report_year, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (assessment_id) DO UPDATE SET
                lead_time = excluded.lead_time, deploy_frequency = excluded.deploy_frequency,
                recovery = excluded.recovery, change_fail_rate = excluded.change_fail_rate,
                rework_rate = excluded.rework_rate, report_year = excluded.report_year,
                updated_at = excluded.updated_at",
            params![
                workshop_id,
                metrics.lead_time.map(|b| b.as_str()),
                metrics.deploy_frequency.map(|b| b.as_str()),
                metrics.recovery.map(|b| b.as_str()),
                metrics.change_fail_rate,
                metrics.rework_rate,
                year.to_string(),
                now()
            ],
        ))?;
        Ok(())
    }

    /// A workshop's DORA metrics and report year, if any were entered.
    pub fn dora(
        &self,
        workshop_id: i64,
    ) -> Result<Option<(crate::dora::DoraMetrics, crate::dora::ReportYear)>> {
        self.workshop(workshop_id)?;
        let row = self.db(
            self.conn
                .query_row(
                    "SELECT lead_time, deploy_frequency, recovery, change_fail_rate, rework_rate, report_year
                     FROM dora_metrics WHERE assessment_id = ?1",
                    params![workshop_id],
                    |row| {
                        Ok((
                            row.get::<_, Option<String>>(0)?,
                            row.get::<_, Option<String>>(1)?,
                            row.get::<_, Option<String>>(2)?,
                            row.get::<_, Option<f64>>(3)?,
                            row.get::<_, Option<f64>>(4)?,
                            row.get::<_, String>(5)?,
                        ))
                    },
                )
                .optional(),
        )?;
        let Some((lead, frequency, recovery, fail, rework, year)) = row else {
            return Ok(None);
        };
        // Written by set_dora from the same enums, so parsing back cannot fail on our own data.
        let stored = |field: &str, e: Error| Error::corrupt(format!("stored DORA {field}"), e);
        let metrics = crate::dora::DoraMetrics {
            lead_time: lead
                .map(|t| t.parse())
                .transpose()
                .map_err(|e| stored("lead_time", e))?,
            deploy_frequency: frequency
                .map(|t| t.parse())
                .transpose()
                .map_err(|e| stored("deploy_frequency", e))?,
            recovery: recovery
                .map(|t| t.parse())
                .transpose()
                .map_err(|e| stored("recovery", e))?,
            change_fail_rate: fail,
            rework_rate: rework,
        };
        let year = year.parse().map_err(|e| stored("report_year", e))?;
        Ok(Some((metrics, year)))
    }

    pub fn add_group(&mut self, name: &str) -> Result<i64> {
        let name = crate::assessment::clean_group_name(name)?;
        if self.group_id(&name)?.is_some() {
            return Err(Error::DuplicateGroup(name));
        }
        self.db(self.conn.execute(
            "INSERT INTO component_group (name, created_at) VALUES (?1, ?2)",
            params![name, now()],
        ))?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn group_id(&self, name: &str) -> Result<Option<i64>> {
        self.db(self
            .conn
            .query_row(
                "SELECT id FROM component_group WHERE name = ?1",
                params![name.trim()],
                |row| row.get(0),
            )
            .optional())
    }

    pub fn add_to_group(&mut self, component_id: i64, group: &str) -> Result<()> {
        self.component(component_id)?;
        let group_id = self
            .group_id(group)?
            .ok_or_else(|| Error::UnknownGroup(group.to_string()))?;
        self.db(self.conn.execute(
            "INSERT OR IGNORE INTO group_member (group_id, component_id) VALUES (?1, ?2)",
            params![group_id, component_id],
        ))?;
        Ok(())
    }

    /// The components of a group, by name.
    pub fn group_components(&self, group: &str) -> Result<Vec<crate::assessment::Component>> {
        self.group_member_ids(group)?
            .into_iter()
            .map(|id| self.component(id))
            .collect()
    }

    /// The ids of a group's components, by name.
    pub(super) fn group_member_ids(&self, group: &str) -> Result<Vec<i64>> {
        let group_id = self
            .group_id(group)?
            .ok_or_else(|| Error::UnknownGroup(group.to_string()))?;
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT c.id FROM group_member m JOIN component c ON c.id = m.component_id
             WHERE m.group_id = ?1 ORDER BY c.name",
        ))?;
        self.db(stmt
            .query_map(params![group_id], |row| row.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))
    }

    /// Group names with their member component names, alphabetically.
    pub fn groups(&self) -> Result<Vec<(String, Vec<String>)>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT g.name, c.name FROM component_group g
             LEFT JOIN group_member m ON m.group_id = g.id
             LEFT JOIN component c ON c.id = m.component_id
             ORDER BY g.name, c.name",
        ))?;
        let rows = self.db(stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for (group, component) in rows {
            if groups.last().is_none_or(|(name, _)| *name != group) {
                groups.push((group, Vec::new()));
            }
            if let (Some(component), Some((_, members))) = (component, groups.last_mut()) {
                members.push(component);
            }
        }
        Ok(groups)
    }
}
