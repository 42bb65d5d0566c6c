//! The SQLite store: one file per workspace, WAL, foreign keys on, schema
//! versioned in `PRAGMA user_version` by numbered migrations (`migrations/`).
//! Every write is its own committed statement or transaction, so nothing
//! waits for a "save" and a crash loses nothing that was acknowledged.

mod backup;
mod bulk;
mod context;
mod csv;
mod exchange;
mod live;
pub mod migrations;
mod plans;
mod workshops;

pub use backup::{check_backup, CheckedBackup};
pub use bulk::ScoredAssessment;
pub use exchange::{
    ChangedAction, CheckinWeeks, Conflicting, ImportConflict, ImportSummary, PlanChanges,
    PlanDifference, Side, StatusChange, WorkshopChanges, WorkshopDifference,
};

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::assessment::{
    check_answer, check_note_length, clean_component_name, AssessmentView, Component,
    PracticeAnswer,
};
use crate::model::{builtin_bank, Bank, Blueprint, BUILTIN_BANK_ID, BUILTIN_BANK_VERSION};
use crate::scoring::{score_with_targets, Answer, Scores};
use crate::workshop::agreed_answer;
use crate::{Error, Result};

/// Environment variable that points the CLI and the desktop app at another database file.
pub const DB_ENV_VAR: &str = "MAMOS_DB";

/// `$MAMOS_DB`, else `mamos/mamos.db` in the OS data directory
/// (`~/.local/share` on Linux), else the current directory.
pub fn default_db_path() -> PathBuf {
    if let Some(path) = std::env::var_os(DB_ENV_VAR).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir()
        .map(|dir| dir.join("mamos"))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("mamos.db")
}

/// What `import_bank` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankImport {
    Stored,
    AlreadyStored,
}

/// A stored bank version, for listings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredBank {
    pub id: String,
    pub version: String,
    pub title: String,
    pub practices: usize,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Parsed banks by (id, version). A stored bank version never changes, so
    /// the cache never goes stale; it spares a JSON parse on every vote and view.
    banks: RefCell<HashMap<(String, String), Arc<Bank>>>,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The order workshops were held in, for an `ORDER BY` on table alias `a`:
/// by day, then start time, then row id. Row ids alone would not do: a
/// workshop imported from another coach may have been held before the ones here.
const HELD_ORDER: &str = "coalesce(a.held_on, substr(a.started_at, 1, 10)), a.started_at, a.id";

/// The same, latest first.
const LATEST_FIRST: &str =
    "coalesce(a.held_on, substr(a.started_at, 1, 10)) DESC, a.started_at DESC, a.id DESC";

/// Stores the built-in bank unless this version of it is there. A stored
/// version is kept even if its content differs (a developer changed the
/// bank without a new version), so results taken with it keep their meaning.
/// Looked up first, so an up-to-date database is only read when it opens.
fn seed_builtin_bank(tx: &rusqlite::Transaction, path: &Path) -> Result<()> {
    let db_error = |source| Error::Database {
        path: path.to_path_buf(),
        source,
    };
    // Every open asks this: the constants, not the whole bank, answer it.
    let stored = tx
        .query_row(
            "SELECT 1 FROM bank WHERE id = ?1 AND version = ?2",
            params![BUILTIN_BANK_ID, BUILTIN_BANK_VERSION],
            |_| Ok(()),
        )
        .optional()
        .map_err(db_error)?;
    if stored.is_some() {
        return Ok(());
    }
    let bank = builtin_bank();
    let content =
        serde_json::to_string(&bank).map_err(|e| Error::invalid("bank", e.to_string()))?;
    tx.execute(
        "INSERT INTO bank (id, version, content, imported_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id, version) DO NOTHING",
        params![bank.id, bank.version, content, now()],
    )
    .map_err(db_error)?;
    Ok(())
}

impl Store {
    /// Opens (creating it and its folder if needed) and migrates the database;
    /// the same transaction stores the built-in bank if this version of it is
    /// not there yet.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::File {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let db_error = |source| Error::Database {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open(path).map_err(db_error)?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(db_error)?;
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
            .map_err(db_error)?;
        // FULL: a commit is on disk before we acknowledge it, even if the laptop dies.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(db_error)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(db_error)?;
        migrations::migrate(&mut conn, path, |tx| seed_builtin_bank(tx, path))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            banks: RefCell::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn db<T>(&self, result: rusqlite::Result<T>) -> Result<T> {
        result.map_err(|source| Error::Database {
            path: self.path.clone(),
            source,
        })
    }

    /// Stores a validated bank. A version already stored with the same content
    /// is left alone; with different content it is refused (bump the version).
    pub fn import_bank(&mut self, bank: &Bank) -> Result<BankImport> {
        match self.bank(&bank.id, &bank.version) {
            // Compared as banks, not as text, so a new optional field does not look like a change.
            Ok(stored) if stored == *bank => Ok(BankImport::AlreadyStored),
            Ok(_) => Err(Error::BankVersionConflict {
                id: bank.id.clone(),
                version: bank.version.clone(),
            }),
            Err(Error::UnknownBank(_)) => {
                let content = serde_json::to_string(bank)
                    .map_err(|e| Error::invalid("bank", e.to_string()))?;
                self.db(self.conn.execute(
                    "INSERT INTO bank (id, version, content, imported_at) VALUES (?1, ?2, ?3, ?4)",
                    params![bank.id, bank.version, content, now()],
                ))?;
                Ok(BankImport::Stored)
            }
            Err(other) => Err(other),
        }
    }

    pub fn bank(&self, id: &str, version: &str) -> Result<Bank> {
        Ok((*self.shared_bank(id, version)?).clone())
    }

    /// A stored bank version, parsed once per store.
    pub fn shared_bank(&self, id: &str, version: &str) -> Result<Arc<Bank>> {
        let key = (id.to_string(), version.to_string());
        if let Some(bank) = self.banks.borrow().get(&key) {
            return Ok(Arc::clone(bank));
        }
        let content: Option<String> = self.db(self
            .conn
            .query_row(
                "SELECT content FROM bank WHERE id = ?1 AND version = ?2",
                params![id, version],
                |row| row.get(0),
            )
            .optional())?;
        let content = content.ok_or_else(|| Error::UnknownBank(format!("{id} {version}")))?;
        let bank: Bank = serde_json::from_str(&content)
            .map_err(|e| Error::corrupt(format!("stored bank {id} {version}"), e))?;
        let bank = Arc::new(bank);
        self.banks.borrow_mut().insert(key, Arc::clone(&bank));
        Ok(bank)
    }

    /// Every stored bank version, newest version of each bank first.
    pub fn banks(&self) -> Result<Vec<StoredBank>> {
        let mut stmt = self.db(self.conn.prepare_cached("SELECT id, version FROM bank"))?;
        let keys = self.db(stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        let mut banks = keys
            .into_iter()
            .map(|(id, version)| {
                let bank = self.shared_bank(&id, &version)?;
                Ok(StoredBank {
                    title: bank.title.get("en").to_string(),
                    practices: bank.practice_count(),
                    id,
                    version,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        banks.sort_by(|a, b| {
            a.id.cmp(&b.id)
                .then(compare_versions(&b.version, &a.version))
        });
        Ok(banks)
    }

    /// The newest stored version of bank `id`.
    pub fn latest_bank_version(&self, id: &str) -> Result<String> {
        self.banks()?
            .into_iter()
            .find(|b| b.id == id)
            .map(|b| b.version)
            .ok_or_else(|| Error::UnknownBank(id.to_string()))
    }

    /// Creates a component and its first assessment, pinned to `bank`: an id
    /// (its newest stored version) or `id@version`; the built-in bank by default.
    pub fn add_component(
        &mut self,
        name: &str,
        blueprint: Blueprint,
        bank: Option<&str>,
    ) -> Result<Component> {
        let name = clean_component_name(name)?;
        let builtin_id = builtin_bank().id;
        let (bank_id, version) = match bank.unwrap_or(&builtin_id).split_once('@') {
            Some((id, version)) => {
                self.bank(id, version)?;
                (id.to_string(), version.to_string())
            }
            None => {
                let id = bank.unwrap_or(&builtin_id).to_string();
                let version = self.latest_bank_version(&id)?;
                (id, version)
            }
        };
        if self.find_component_id(&name)?.is_some() {
            return Err(Error::DuplicateComponent(name));
        }
        let id = insert_component(&mut self.conn, &name, blueprint, &bank_id, &version).map_err(
            |source| Error::Database {
                path: self.path.clone(),
                source,
            },
        )?;
        self.component(id)
    }

    fn find_component_id(&self, name: &str) -> Result<Option<i64>> {
        self.db(self
            .conn
            .query_row(
                "SELECT id FROM component WHERE name = ?1",
                params![name.trim()],
                |row| row.get(0),
            )
            .optional())
    }

    pub fn component_by_name(&self, name: &str) -> Result<Component> {
        let id = self
            .find_component_id(name)?
            .ok_or_else(|| Error::UnknownComponent(name.to_string()))?;
        self.component(id)
    }

    /// The component with its current (latest) assessment's bank and progress.
    pub fn component(&self, id: i64) -> Result<Component> {
        let row = self.db(self
            .conn
            .query_row(
                &format!(
                    "SELECT c.name, c.blueprint, c.created_at, a.id, a.bank_id, a.bank_version
                     FROM component c JOIN assessment a ON a.component_id = c.id
                     WHERE c.id = ?1 AND a.conflict_of IS NULL ORDER BY {LATEST_FIRST} LIMIT 1"
                ),
                params![id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, i64>(3)?,
                        row.get::<_, String>(4)?,
                        row.get::<_, String>(5)?,
                    ))
                },
            )
            .optional())?;
        let (name, blueprint, created_at, assessment_id, bank_id, bank_version) =
            row.ok_or(Error::UnknownComponentId(id))?;
        let bank = self.shared_bank(&bank_id, &bank_version)?;
        let answered = self.db(self.conn.query_row(
            // A practice counts as answered once the facilitator set it or anyone voted.
            "SELECT count(*) FROM (
                 SELECT practice_id FROM answer
                 WHERE assessment_id = ?1 AND (level IS NOT NULL OR na_reason IS NOT NULL)
                 UNION
                 SELECT v.practice_id FROM vote v JOIN participant p ON p.id = v.participant_id
                 WHERE p.assessment_id = ?1)",
            params![assessment_id],
            |row| row.get::<_, u32>(0),
        ))?;
        Ok(Component {
            id,
            name,
            blueprint: Blueprint::parse(&blueprint).unwrap_or_default(),
            bank_id,
            bank_version,
            created_at,
            answered,
            total: bank.practice_count() as u32,
        })
    }

    fn current_assessment(&self, component_id: i64) -> Result<(i64, Arc<Bank>)> {
        let row = self.db(self
            .conn
            .query_row(
                &format!(
                    "SELECT a.id, a.bank_id, a.bank_version FROM assessment a
                     WHERE a.component_id = ?1 AND a.conflict_of IS NULL
                     ORDER BY {LATEST_FIRST} LIMIT 1"
                ),
                params![component_id],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ))
                },
            )
            .optional())?;
        let (id, bank_id, version) = row.ok_or(Error::UnknownComponentId(component_id))?;
        Ok((id, self.shared_bank(&bank_id, &version)?))
    }

    /// The current (latest) workshop of a component with its scores.
    pub fn assessment(&self, component_id: i64) -> Result<AssessmentView> {
        let (assessment_id, _) = self.current_assessment(component_id)?;
        self.workshop_view(assessment_id)
    }

    /// One workshop with its scores: each practice's agreed answer is the
    /// facilitator's, else the median vote.
    pub fn workshop_view(&self, workshop_id: i64) -> Result<AssessmentView> {
        let workshop = self.workshop(workshop_id)?;
        let bank = self.shared_bank(&workshop.bank_id, &workshop.bank_version)?;
        let recorded = self.agreed_answers(workshop_id, &bank)?;
        // The component as it was in this workshop: its bank version and progress.
        let mut component = self.component(workshop.component_id)?;
        component.bank_version = workshop.bank_version;
        component.answered = recorded.iter().filter(|a| a.answer.is_some()).count() as u32;
        component.total = bank.practice_count() as u32;
        let overrides = self.target_overrides(workshop.component_id)?;
        let evidence = self.evidence(workshop_id)?;
        Ok(AssessmentView::with_overrides(
            component,
            (*bank).clone(),
            recorded,
            overrides,
            evidence,
        ))
    }

    /// The scores of a component's current workshop, without building a whole
    /// view: what roll-ups over many components need.
    pub fn scores(&self, component_id: i64) -> Result<Scores> {
        let blueprint: String = self
            .db(self
                .conn
                .query_row(
                    "SELECT blueprint FROM component WHERE id = ?1",
                    params![component_id],
                    |row| row.get(0),
                )
                .optional())?
            .ok_or(Error::UnknownComponentId(component_id))?;
        let (workshop_id, bank) = self.current_assessment(component_id)?;
        let answers: BTreeMap<String, Answer> = self
            .agreed_answers(workshop_id, &bank)?
            .into_iter()
            .filter_map(|a| a.answer.map(|answer| (a.practice_id, answer)))
            .collect();
        let targets = crate::assessment::target_overrides(&self.target_overrides(component_id)?);
        Ok(score_with_targets(
            &bank,
            Blueprint::parse(&blueprint).unwrap_or_default(),
            &targets,
            &answers,
        ))
    }

    /// Each practice's agreed answer (the facilitator's, else the median vote) and note, in bank order.
    fn agreed_answers(&self, workshop_id: i64, bank: &Bank) -> Result<Vec<PracticeAnswer>> {
        let decided = self.facilitator_answers(workshop_id)?;
        let votes = self.votes(workshop_id)?;
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT practice_id, note FROM answer WHERE assessment_id = ?1 AND note != ''",
        ))?;
        let notes: BTreeMap<String, String> = self.db(stmt
            .query_map(params![workshop_id], |row| Ok((row.get(0)?, row.get(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<_>>()))?;
        Ok(bank
            .practices()
            .filter_map(|(_, practice)| {
                let id = &practice.id;
                let votes = votes.get(id).map(Vec::as_slice).unwrap_or_default();
                let answer = agreed_answer(decided.get(id), votes);
                let note = notes.get(id).cloned().unwrap_or_default();
                (answer.is_some() || !note.is_empty()).then(|| PracticeAnswer {
                    practice_id: id.clone(),
                    answer,
                    note,
                })
            })
            .collect())
    }

    fn practice_in_current_assessment(&self, component_id: i64, practice_id: &str) -> Result<i64> {
        let (assessment_id, bank) = self.current_assessment(component_id)?;
        if bank.practice(practice_id).is_none() {
            return Err(Error::UnknownPractice {
                practice: practice_id.to_string(),
                bank: bank.id.clone(),
                version: bank.version.clone(),
            });
        }
        Ok(assessment_id)
    }

    /// Records (or, with `None`, clears) the agreed answer to one practice in
    /// the component's current workshop; committed at once.
    pub fn set_answer(
        &mut self,
        component_id: i64,
        practice_id: &str,
        answer: Option<Answer>,
    ) -> Result<()> {
        let answer = answer.as_ref().map(check_answer).transpose()?;
        let assessment_id = self.practice_in_current_assessment(component_id, practice_id)?;
        let tx = self.db(self.conn.unchecked_transaction())?;
        let write = (|| {
            write_answer_row(&tx, assessment_id, practice_id, answer.as_ref())?;
            // An answer given here is newer than the workshop's last agreement on
            // the practice: undoing that agreement would silently overwrite it.
            tx.execute(
                "DELETE FROM workshop_undo WHERE assessment_id = ?1 AND practice_id = ?2
                 AND kind = 'agreement'",
                params![assessment_id, practice_id],
            )?;
            Ok(())
        })();
        self.db(write)?;
        self.db(tx.commit())
    }

    /// Records the note of one practice (an empty note removes it); committed at once.
    pub fn set_note(&mut self, component_id: i64, practice_id: &str, note: &str) -> Result<()> {
        let note = note.trim();
        check_note_length("note", note)?;
        let assessment_id = self.practice_in_current_assessment(component_id, practice_id)?;
        self.db(self.conn.execute(
            "INSERT INTO answer (assessment_id, practice_id, note, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (assessment_id, practice_id)
             DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
            params![assessment_id, practice_id, note, now()],
        ))?;
        self.drop_empty_answer(assessment_id, practice_id)
    }

    fn drop_empty_answer(&self, assessment_id: i64, practice_id: &str) -> Result<()> {
        self.db(drop_empty_answer_row(
            &self.conn,
            assessment_id,
            practice_id,
        ))
    }
}

/// Writes the agreed answer of one practice (`None` clears it, and a row left
/// with neither answer nor note goes); on `conn` so a transaction can include it.
pub(super) fn write_answer_row(
    conn: &Connection,
    assessment_id: i64,
    practice_id: &str,
    answer: Option<&Answer>,
) -> rusqlite::Result<()> {
    let (level, reason) = match answer {
        Some(Answer::Level { level }) => (Some(*level), None),
        Some(Answer::NotApplicable { reason }) => (None, Some(reason.as_str())),
        None => (None, None),
    };
    conn.execute(
        "INSERT INTO answer (assessment_id, practice_id, level, na_reason, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (assessment_id, practice_id)
         DO UPDATE SET level = excluded.level, na_reason = excluded.na_reason,
                       updated_at = excluded.updated_at",
        params![assessment_id, practice_id, level, reason, now()],
    )?;
    drop_empty_answer_row(conn, assessment_id, practice_id)
}

/// Removes a practice's answer row once it holds neither an answer nor a note.
fn drop_empty_answer_row(
    conn: &Connection,
    assessment_id: i64,
    practice_id: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM answer WHERE assessment_id = ?1 AND practice_id = ?2
         AND level IS NULL AND na_reason IS NULL AND note = ''",
        params![assessment_id, practice_id],
    )?;
    Ok(())
}

/// The component row and its first assessment, in one transaction.
fn insert_component(
    conn: &mut Connection,
    name: &str,
    blueprint: Blueprint,
    bank_id: &str,
    bank_version: &str,
) -> rusqlite::Result<i64> {
    let created = now();
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO component (name, blueprint, created_at) VALUES (?1, ?2, ?3)",
        params![name, blueprint.as_str(), created],
    )?;
    let id = tx.last_insert_rowid();
    // Held today on the coach's calendar, as `workshop start` dates a workshop:
    // the UTC day of `created` may be tomorrow and would sort after it.
    let today = chrono::Local::now().date_naive().to_string();
    tx.execute(
        "INSERT INTO assessment (component_id, bank_id, bank_version, started_at, held_on)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, bank_id, bank_version, created, today],
    )?;
    tx.commit()?;
    Ok(id)
}

/// Orders versions such as `0.9.0` < `0.10.0`: numeric parts numerically, others as text.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<String> { v.split(['.', '-']).map(str::to_string).collect() };
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let order = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(nx), Ok(ny)) => nx.cmp(&ny),
            _ => x.cmp(y),
        };
        if order.is_ne() {
            return order;
        }
    }
    pa.len().cmp(&pb.len())
}
