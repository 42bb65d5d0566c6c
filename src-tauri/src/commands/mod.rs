//! The commands the UI invokes, one module per domain as in `mamos::app`.
//! Each is a few lines: take the arguments, call one use case on a blocking
//! thread (SQLite and PDF work must not freeze the window), and map a core
//! error to an `ErrorReport { code, message }`.

pub mod backups;
pub mod components;
pub mod exchange;
pub mod history;
pub mod live;
pub mod plans;
pub mod reports;
pub mod workshops;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use mamos::api::AppInfo;
use mamos::error::ErrorReport;
use mamos::store::Store;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

/// The open store, or why it could not be opened (shown by the UI on every
/// call); a restore over a damaged database installs a new one.
pub struct Db {
    path: PathBuf,
    store: RwLock<OpenedStore>,
}

type OpenedStore = Result<Arc<Mutex<Store>>, ErrorReport>;

impl Db {
    pub fn open(path: PathBuf) -> Db {
        let store = Store::open(&path)
            .map(|store| Arc::new(Mutex::new(store)))
            .map_err(|error| ErrorReport::from(&error));
        Db {
            path,
            store: RwLock::new(store),
        }
    }

    /// The folder holding the database and its `backups/`, as an absolute path.
    fn data_folder(&self) -> PathBuf {
        let folder = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::path::absolute(&folder).unwrap_or(folder)
    }

    /// The store, or why it could not be opened.
    fn opened(&self) -> OpenedStore {
        // Only an assignment happens under the write lock: a poisoned one still holds a whole value.
        self.store
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Puts `store` in place of the one that could not be opened.
    fn install(&self, store: Store) {
        *self
            .store
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Ok(Arc::new(Mutex::new(store)));
    }

    /// Runs `work` on the store on a blocking thread.
    async fn run<T, F>(&self, work: F) -> Result<T, ErrorReport>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> mamos::Result<T> + Send + 'static,
    {
        let store = self.opened()?;
        let outcome = tauri::async_runtime::spawn_blocking(move || {
            // SQLite rolls back whatever a panicking call left open, so a poisoned lock is safe to reuse.
            let mut store = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut store)
        })
        .await;
        match outcome {
            Ok(result) => result.map_err(|error| ErrorReport::from(&error)),
            Err(error) => Err(ErrorReport {
                code: mamos::error::ErrorCode::Internal,
                message: format!("the operation stopped unexpectedly: {error}"),
            }),
        }
    }
}

/// Today on the local calendar: the date of new workshops, plans and documents.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub async fn app_info(db: State<'_, Db>) -> Result<AppInfo, ErrorReport> {
    Ok(AppInfo {
        db_path: db.path.display().to_string(),
        data_folder: db.data_folder().display().to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        bank_version: mamos::model::builtin_bank_version(),
    })
}

/// *Open data folder* in *About Mamos*: the file manager on the database's
/// folder. Opened from here rather than from the UI, whose opener permission
/// is kept to PDF files and web links.
#[tauri::command]
pub fn open_data_folder(app: tauri::AppHandle, db: State<'_, Db>) -> Result<(), ErrorReport> {
    let folder = db.data_folder();
    app.opener()
        .open_path(folder.display().to_string(), None::<&str>)
        .map_err(|error| ErrorReport {
            code: mamos::error::ErrorCode::Io,
            message: format!("could not open the folder {}: {error}", folder.display()),
        })
}

/// The four blueprints in words, for the blueprint choices.
#[tauri::command]
pub fn list_blueprints() -> Vec<mamos::model::BlueprintDescription> {
    mamos::model::blueprint_descriptions()
}

/// Only absolute paths are used: a relative one would land wherever the app was started from.
fn absolute(path: String, what: &str) -> Result<PathBuf, ErrorReport> {
    let path = PathBuf::from(path.trim());
    if path.is_absolute() {
        Ok(path)
    } else {
        Err(ErrorReport::from(&mamos::Error::invalid(
            "path",
            format!("choose {what} in the dialog, or type its full path (starting with /)"),
        )))
    }
}

/// `path`, with `suffix` added when its extension is not `extension` (GTK's save dialog may leave it off).
fn with_extension(mut path: PathBuf, suffix: &str, extension: &str) -> PathBuf {
    let has_it = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(extension));
    if !has_it {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        path.set_file_name(name);
    }
    path
}
