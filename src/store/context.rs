//! What a coach adds around the answers: target overrides for a component
//! (always with a reason) and evidence links per practice.

use rusqlite::params;

use super::{now, Store};
use crate::assessment::{check_note_length, Evidence, TargetOverride};
use crate::model::{PillarId, MAX_LEVEL};
use crate::{Error, Result};

impl Store {
    /// Sets the target of one practice (or, with `pillar`, of every practice of a pillar)
    /// for a component, replacing the blueprint's.
    pub fn set_target_override(
        &mut self,
        component_id: i64,
        key: &str,
        pillar: bool,
        level: u8,
        reason: &str,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid(
                "reason",
                "a target override needs a reason (why this component's context differs)",
            ));
        }
        check_note_length("reason", reason)?;
        if level > MAX_LEVEL {
            return Err(Error::invalid(
                "level",
                format!("expected a target from 0 to 4, found {level}"),
            ));
        }
        self.check_override_key(component_id, key, pillar)?;
        self.db(self.conn.execute(
            "INSERT INTO target_override (component_id, scope, key, level, reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (component_id, scope, key) DO UPDATE SET
                level = excluded.level, reason = excluded.reason, updated_at = excluded.updated_at",
            params![component_id, scope(pillar), key, level, reason, now()],
        ))?;
        Ok(())
    }

    /// Goes back to the blueprint's target.
    pub fn clear_target_override(
        &mut self,
        component_id: i64,
        key: &str,
        pillar: bool,
    ) -> Result<()> {
        self.check_override_key(component_id, key, pillar)?;
        self.db(self.conn.execute(
            "DELETE FROM target_override WHERE component_id = ?1 AND scope = ?2 AND key = ?3",
            params![component_id, scope(pillar), key],
        ))?;
        Ok(())
    }

    fn check_override_key(&self, component_id: i64, key: &str, pillar: bool) -> Result<()> {
        let view_bank = self.current_assessment(component_id)?.1;
        let known = if pillar {
            PillarId::parse(key).is_some()
        } else {
            view_bank.practice(key).is_some()
        };
        if known {
            return Ok(());
        }
        Err(if pillar {
            Error::invalid(
                "pillar",
                format!("expected methods, architecture, management, organization or skills, found {key:?}"),
            )
        } else {
            Error::UnknownPractice {
                practice: key.to_string(),
                bank: view_bank.id.clone(),
                version: view_bank.version.clone(),
            }
        })
    }

    pub fn target_overrides(&self, component_id: i64) -> Result<Vec<TargetOverride>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT key, scope = 'pillar', level, reason FROM target_override
             WHERE component_id = ?1 ORDER BY scope, key",
        ))?;
        self.db(stmt
            .query_map(params![component_id], |row| {
                Ok(TargetOverride {
                    key: row.get(0)?,
                    pillar: row.get(1)?,
                    level: row.get(2)?,
                    reason: row.get(3)?,
                })
            })
            .and_then(|rows| rows.collect()))
    }

    /// Adds an evidence link (a URL or a file path) to a practice of a workshop.
    pub fn add_evidence(
        &mut self,
        workshop_id: i64,
        practice_id: &str,
        location: &str,
        label: &str,
    ) -> Result<Evidence> {
        let location = crate::assessment::clean_evidence_location(location)?;
        let label = label.trim();
        check_note_length("label", label)?;
        self.practice_in_workshop(workshop_id, practice_id)?;
        self.db(self.conn.execute(
            "INSERT INTO evidence (assessment_id, practice_id, target, label, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![workshop_id, practice_id, location, label, now()],
        ))?;
        Ok(Evidence {
            id: self.conn.last_insert_rowid(),
            practice_id: practice_id.to_string(),
            location: location.to_string(),
            label: label.to_string(),
        })
    }

    pub fn remove_evidence(&mut self, evidence_id: i64) -> Result<()> {
        let removed = self.db(self
            .conn
            .execute("DELETE FROM evidence WHERE id = ?1", params![evidence_id]))?;
        if removed == 0 {
            return Err(Error::not_found(
                "evidence",
                format!("no evidence link with id {evidence_id}"),
            ));
        }
        Ok(())
    }

    /// A workshop's evidence links, by practice then in the order they were added.
    pub fn evidence(&self, workshop_id: i64) -> Result<Vec<Evidence>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT id, practice_id, target, label FROM evidence
             WHERE assessment_id = ?1 ORDER BY practice_id, id",
        ))?;
        self.db(stmt
            .query_map(params![workshop_id], |row| {
                Ok(Evidence {
                    id: row.get(0)?,
                    practice_id: row.get(1)?,
                    location: row.get(2)?,
                    label: row.get(3)?,
                })
            })
            .and_then(|rows| rows.collect()))
    }
}

fn scope(pillar: bool) -> &'static str {
    if pillar {
        "pillar"
    } else {
        "practice"
    }
}
