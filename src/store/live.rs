//! The pace of a live workshop in the store: the timebox, the planned
//! length, automatic reveal, and when the room's clocks started.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::live_view::{Pace, PaceClock};
use crate::{Error, Result};

impl Store {
    /// The pace of a workshop and when its clocks started.
    pub fn pace(&self, workshop_id: i64) -> Result<(Pace, PaceClock)> {
        let found = self.db(self
            .conn
            .query_row(
                "SELECT pace_timebox_seconds, pace_length_minutes, pace_auto_reveal,
                        focus_since, live_started_at
                 FROM assessment WHERE id = ?1",
                params![workshop_id],
                |row| {
                    Ok((
                        Pace {
                            timebox_seconds: row.get(0)?,
                            length_minutes: row.get(1)?,
                            auto_reveal: row.get(2)?,
                        },
                        PaceClock {
                            focus_since: row.get(3)?,
                            started_at: row.get(4)?,
                        },
                    ))
                },
            )
            .optional())?;
        found.ok_or(Error::UnknownWorkshop(workshop_id))
    }

    /// Stores the pace of a workshop (checked by the caller).
    pub fn set_pace(&mut self, workshop_id: i64, pace: &Pace) -> Result<()> {
        let changed = self.db(self.conn.execute(
            "UPDATE assessment SET pace_timebox_seconds = ?2, pace_length_minutes = ?3,
                 pace_auto_reveal = ?4
             WHERE id = ?1",
            params![
                workshop_id,
                pace.timebox_seconds,
                pace.length_minutes,
                pace.auto_reveal
            ],
        ))?;
        if changed == 0 {
            return Err(Error::UnknownWorkshop(workshop_id));
        }
        Ok(())
    }

    /// The practices of a workshop with the facilitator's agreed answer.
    pub fn decided_practices(&self, workshop_id: i64) -> Result<BTreeSet<String>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT practice_id FROM answer
             WHERE assessment_id = ?1 AND (level IS NOT NULL OR na_reason IS NOT NULL)",
        ))?;
        self.db(stmt
            .query_map(params![workshop_id], |row| row.get(0))
            .and_then(|rows| rows.collect()))
    }

    /// Who has voted on one practice of a workshop.
    pub fn voters_on(&self, workshop_id: i64, practice_id: &str) -> Result<Vec<String>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT p.name FROM vote v JOIN participant p ON p.id = v.participant_id
             WHERE p.assessment_id = ?1 AND v.practice_id = ?2 ORDER BY p.position",
        ))?;
        self.db(stmt
            .query_map(params![workshop_id, practice_id], |row| row.get(0))
            .and_then(|rows| rows.collect()))
    }
}
