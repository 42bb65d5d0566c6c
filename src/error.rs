//! The one error type of the core. Every message says what was wrong, where,
//! and what was expected, so a coach can act on it without reading code.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::model::BankProblem;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{file}: the bank is not valid ({count} problem{s}):\n{list}",
        count = problems.len(),
        s = if problems.len() == 1 { "" } else { "s" },
        list = problems.iter().map(|p| format!("  {file}: {p}")).collect::<Vec<_>>().join("\n"))]
    InvalidBank {
        file: String,
        problems: Vec<BankProblem>,
    },

    #[error("{}: {source}", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("no component named {0:?}; `mamos component list` shows the existing ones")]
    UnknownComponent(String),

    #[error("no component with id {0}")]
    UnknownComponentId(i64),

    #[error("a component named {0:?} already exists")]
    DuplicateComponent(String),

    #[error("practice {practice:?} is not in bank {bank} {version}")]
    UnknownPractice {
        practice: String,
        bank: String,
        version: String,
    },

    #[error("no workshop with id {0}; `mamos workshop list COMPONENT` shows them")]
    UnknownWorkshop(i64),

    #[error("no participant {name:?} in workshop {workshop}; its participants are: {known}")]
    UnknownParticipant {
        name: String,
        workshop: i64,
        known: String,
    },

    #[error("no group named {0:?}; create it with `mamos group add NAME`")]
    UnknownGroup(String),

    #[error("a group named {0:?} already exists")]
    DuplicateGroup(String),

    #[error("no bank {0:?} is stored; import it with `mamos bank import FILE`")]
    UnknownBank(String),

    #[error("bank {id} {version} is already stored with different content; give the changed bank a new version")]
    BankVersionConflict { id: String, version: String },

    /// A value typed by a user that is out of range or malformed.
    #[error("{field}: {message}")]
    InvalidInput { field: String, message: String },

    #[error("database {}: {source}", path.display())]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error("database {} was written by a newer Mamos (schema version {found}, this build knows up to {known}); update Mamos", path.display())]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("could not write the PDF: {0}")]
    Pdf(String),

    #[error("{0:?} already has an open plan; show it with `mamos plan {0:?}`, or close it first with `mamos plan close`")]
    PlanOpen(String),

    #[error("{0:?} has no open plan; create one with `mamos plan {0:?}`")]
    NoOpenPlan(String),

    #[error("no action {action:?} in the plan; its actions are: {known}")]
    UnknownAction { action: String, known: String },

    #[error("regenerating would keep edits that break the plan's rules, so nothing was changed:\n  {}\nreschedule those actions first, or keep fewer", .0.join("\n  "))]
    KeptEditsBreakRules(Vec<String>),
}

impl Error {
    pub fn invalid(field: &str, message: impl Into<String>) -> Error {
        Error::InvalidInput {
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// True when the user gave bad input (the CLI exits 2), false for
    /// environment failures such as a locked database or a full disk (exit 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(
            self,
            Error::Database { .. } | Error::Pdf(_) | Error::DatabaseTooNew { .. }
        )
    }

    /// A stable machine-readable code, so the UI can react to a kind of error
    /// without matching on message text.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidBank { .. } => "invalid_bank",
            Error::File { .. } => "file",
            Error::UnknownComponent(_) | Error::UnknownComponentId(_) => "unknown_component",
            Error::DuplicateComponent(_) => "duplicate_component",
            Error::UnknownPractice { .. } => "unknown_practice",
            Error::UnknownBank(_) => "unknown_bank",
            Error::UnknownWorkshop(_) => "unknown_workshop",
            Error::UnknownParticipant { .. } => "unknown_participant",
            Error::UnknownGroup(_) => "unknown_group",
            Error::DuplicateGroup(_) => "duplicate_group",
            Error::BankVersionConflict { .. } => "bank_version_conflict",
            Error::InvalidInput { .. } => "invalid_input",
            Error::Database { .. } => "database",
            Error::DatabaseTooNew { .. } => "database_too_new",
            Error::Pdf(_) => "pdf",
            Error::PlanOpen(_) => "plan_open",
            Error::NoOpenPlan(_) => "no_open_plan",
            Error::UnknownAction { .. } => "unknown_action",
            Error::KeptEditsBreakRules(_) => "kept_edits_break_rules",
        }
    }
}

/// How an error crosses to the desktop UI: a code to branch on and a message to show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorReport {
    pub code: String,
    pub message: String,
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        ErrorReport {
            code: error.code().to_string(),
            message: error.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
