//! The one error type of the core. Every message says what was wrong, where,
//! and what was expected, so a coach can act on it without reading code.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
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

    /// An output file (report, bundle, CSV table) that could not be written;
    /// it is written beside its place and renamed, so nothing there changed.
    #[error("could not write {}: {source}; nothing was written there, and a file already there is kept as it was", path.display())]
    Write {
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

    /// A thing the user named (by id or name) that is not there, or no longer.
    #[error("{field}: {message}")]
    NotFound { field: String, message: String },

    /// The request clashes with what is stored: it already exists, or
    /// another version of it is there.
    #[error("{field}: {message}")]
    Conflict { field: String, message: String },

    /// Data this database wrote that cannot be read back: the file was
    /// damaged or edited by hand, so no input of the user's can fix it.
    #[error("{what} in the database cannot be read back ({detail}); the database is damaged: restore a backup copy")]
    CorruptData { what: String, detail: String },

    #[error("database {}: {source}{}", path.display(), disk_failure_hint(source))]
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

    pub fn not_found(field: &str, message: impl Into<String>) -> Error {
        Error::NotFound {
            field: field.to_string(),
            message: message.into(),
        }
    }

    pub fn conflict(field: &str, message: impl Into<String>) -> Error {
        Error::Conflict {
            field: field.to_string(),
            message: message.into(),
        }
    }

    pub fn corrupt(what: impl Into<String>, detail: impl ToString) -> Error {
        Error::CorruptData {
            what: what.into(),
            detail: detail.to_string(),
        }
    }

    /// True when the user gave bad input (the CLI exits 2), false for
    /// environment failures such as a locked database or a full disk (exit 1).
    pub fn is_bad_input(&self) -> bool {
        self.code().is_bad_input()
    }

    /// What a consumer can do about this error, so the UI can react to a
    /// kind of error without matching on message text.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::InvalidBank { .. } | Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::UnknownComponent(_)
            | Error::UnknownComponentId(_)
            | Error::UnknownWorkshop(_)
            | Error::UnknownParticipant { .. }
            | Error::UnknownGroup(_)
            | Error::UnknownBank(_)
            | Error::UnknownPractice { .. }
            | Error::NoOpenPlan(_)
            | Error::UnknownAction { .. }
            | Error::NotFound { .. } => ErrorCode::NotFound,
            Error::DuplicateComponent(_)
            | Error::DuplicateGroup(_)
            | Error::BankVersionConflict { .. }
            | Error::PlanOpen(_)
            | Error::KeptEditsBreakRules(_)
            | Error::Conflict { .. } => ErrorCode::Conflict,
            Error::Database { source, .. } => database_code(source),
            Error::DatabaseTooNew { .. } => ErrorCode::NewerDatabase,
            Error::CorruptData { .. } => ErrorCode::CorruptData,
            Error::File { source, .. } | Error::Write { source, .. } => file_code(source),
            Error::Pdf(_) => ErrorCode::Io,
        }
    }
}

/// A file the user named that is not there, is a folder where a file goes
/// (or a file where a folder goes: `AlreadyExists` when creating it), or is
/// not text, is bad input; any other file failure (permissions, a full disk,
/// a read-only or failing disk) is the environment's.
fn file_code(error: &std::io::Error) -> ErrorCode {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => ErrorCode::NotFound,
        ErrorKind::InvalidData
        | ErrorKind::IsADirectory
        | ErrorKind::NotADirectory
        | ErrorKind::AlreadyExists => ErrorCode::InvalidInput,
        _ => ErrorCode::Io,
    }
}

/// What a coach should know when the disk refused a database write: SQLite
/// rolled the statement or transaction back, so the database is as it was.
fn disk_failure_hint(error: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode as Sqlite;
    match error.sqlite_error_code() {
        Some(Sqlite::DiskFull | Sqlite::SystemIoFailure | Sqlite::ReadOnly) => {
            "; nothing was changed (the transaction rolled back): the disk may be full, read-only or failing"
        }
        _ => "",
    }
}

/// What a failed SQLite call means for the user: someone else is writing,
/// the file is damaged, the disk failed, or a bug.
fn database_code(error: &rusqlite::Error) -> ErrorCode {
    use rusqlite::ErrorCode as Sqlite;
    match error {
        rusqlite::Error::SqliteFailure(failure, _) => match failure.code {
            Sqlite::DatabaseBusy | Sqlite::DatabaseLocked => ErrorCode::Locked,
            Sqlite::NotADatabase | Sqlite::DatabaseCorrupt => ErrorCode::CorruptData,
            Sqlite::DiskFull
            | Sqlite::SystemIoFailure
            | Sqlite::CannotOpen
            | Sqlite::ReadOnly
            | Sqlite::PermissionDenied => ErrorCode::Io,
            _ => ErrorCode::Internal,
        },
        // A stored column of another type than the one written.
        rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) => {
            ErrorCode::CorruptData
        }
        _ => ErrorCode::Internal,
    }
}

/// The kinds of error a front end acts on differently; the message says the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value the user gave is malformed or out of range.
    InvalidInput,
    /// The thing asked for is not there (or was removed meanwhile).
    NotFound,
    /// It already exists, or clashes with another version of it.
    Conflict,
    /// Another Mamos or the CLI is writing: trying again later works.
    Locked,
    /// The database was written by a newer Mamos: update Mamos.
    NewerDatabase,
    /// Stored data cannot be read back.
    CorruptData,
    /// A file could not be read or written (missing, disk full, no permission).
    Io,
    /// Anything else: a bug.
    Internal,
}

impl ErrorCode {
    /// The codes the user can fix by changing what they asked (the CLI exits 2).
    pub fn is_bad_input(self) -> bool {
        matches!(
            self,
            ErrorCode::InvalidInput | ErrorCode::NotFound | ErrorCode::Conflict
        )
    }
}

/// How an error crosses to the desktop UI: a code to branch on and a message to show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorReport {
    pub code: ErrorCode,
    pub message: String,
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        ErrorReport {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: std::ffi::c_int) -> Error {
        Error::Database {
            path: PathBuf::from("mamos.db"),
            source: rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None),
        }
    }

    #[test]
    fn a_busy_or_locked_database_is_locked_and_not_bad_input() {
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            let error = sqlite(code);
            assert_eq!(error.code(), ErrorCode::Locked);
            assert!(!error.is_bad_input());
        }
    }

    #[test]
    fn a_damaged_database_file_is_corrupt_data() {
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_NOTADB).code(),
            ErrorCode::CorruptData
        );
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_CORRUPT).code(),
            ErrorCode::CorruptData
        );
        assert_eq!(sqlite(rusqlite::ffi::SQLITE_FULL).code(), ErrorCode::Io);
    }

    #[test]
    fn a_missing_file_is_bad_input_and_a_full_disk_is_not() {
        let file = |kind: std::io::ErrorKind| Error::File {
            path: PathBuf::from("bank.json"),
            source: std::io::Error::from(kind),
        };
        assert_eq!(
            file(std::io::ErrorKind::NotFound).code(),
            ErrorCode::NotFound
        );
        assert!(file(std::io::ErrorKind::NotFound).is_bad_input());
        assert_eq!(file(std::io::ErrorKind::StorageFull).code(), ErrorCode::Io);
        assert!(!file(std::io::ErrorKind::PermissionDenied).is_bad_input());
    }

    #[test]
    fn only_what_the_user_can_fix_by_asking_differently_is_bad_input() {
        let bad_input = [
            Error::invalid("level", "expected 0 to 4"),
            Error::not_found("evidence", "no evidence link with id 3"),
            Error::conflict("file", "component \"A\" is named \"B\" in this database"),
            Error::UnknownWorkshop(4),
            Error::DuplicateGroup("Core".into()),
        ];
        for error in &bad_input {
            assert!(error.is_bad_input(), "{error}");
        }
        let environment = [
            Error::corrupt("stored plan", "expected value at line 1 column 1"),
            Error::Pdf("disk full".into()),
            Error::DatabaseTooNew {
                path: PathBuf::from("mamos.db"),
                found: 9,
                known: 8,
            },
        ];
        for error in &environment {
            assert!(!error.is_bad_input(), "{error}");
        }
    }

    #[test]
    fn a_failed_output_write_says_nothing_was_written_and_why() {
        let write = |kind: std::io::ErrorKind| Error::Write {
            path: PathBuf::from("out/report.pdf"),
            source: std::io::Error::from(kind),
        };
        let full = write(std::io::ErrorKind::StorageFull);
        assert_eq!(
            full.to_string(),
            format!(
                "could not write out/report.pdf: {}; nothing was written there, and a file already there is kept as it was",
                std::io::Error::from(std::io::ErrorKind::StorageFull)
            )
        );
        // The environment refused: exit 1.
        for kind in [
            std::io::ErrorKind::StorageFull,
            std::io::ErrorKind::ReadOnlyFilesystem,
            std::io::ErrorKind::PermissionDenied,
        ] {
            assert_eq!(write(kind).code(), ErrorCode::Io, "{kind:?}");
        }
        let eio = Error::Write {
            path: PathBuf::from("out/report.pdf"),
            source: std::io::Error::from_raw_os_error(5),
        };
        assert_eq!(eio.code(), ErrorCode::Io);
        // The path given is wrong: exit 2.
        assert_eq!(
            write(std::io::ErrorKind::NotFound).code(),
            ErrorCode::NotFound
        );
        for kind in [
            std::io::ErrorKind::IsADirectory,
            std::io::ErrorKind::NotADirectory,
            std::io::ErrorKind::AlreadyExists,
        ] {
            assert!(write(kind).is_bad_input(), "{kind:?}");
        }
    }

    #[test]
    fn a_database_write_refused_by_the_disk_says_nothing_changed() {
        for code in [
            rusqlite::ffi::SQLITE_FULL,
            rusqlite::ffi::SQLITE_IOERR,
            rusqlite::ffi::SQLITE_READONLY,
        ] {
            let message = sqlite(code).to_string();
            assert!(message.starts_with("database mamos.db: "), "{message}");
            assert!(
                message.ends_with("; nothing was changed (the transaction rolled back): the disk may be full, read-only or failing"),
                "{message}"
            );
            assert_eq!(sqlite(code).code(), ErrorCode::Io);
        }
        assert!(sqlite(rusqlite::ffi::SQLITE_FULL)
            .to_string()
            .contains("database or disk is full"));
        let busy = sqlite(rusqlite::ffi::SQLITE_BUSY).to_string();
        assert!(!busy.contains("nothing was changed"), "{busy}");
    }

    #[test]
    fn codes_cross_to_the_ui_in_snake_case() {
        let report = ErrorReport::from(&Error::DatabaseTooNew {
            path: PathBuf::from("mamos.db"),
            found: 9,
            known: 8,
        });
        let json = serde_json::to_value(&report).expect("a report serializes");
        assert_eq!(json["code"], "newer_database");
        assert_eq!(
            serde_json::to_value(ErrorCode::CorruptData).expect("a code serializes"),
            "corrupt_data"
        );
    }
}
