//! The commands the UI invokes. Each one parses its arguments, calls the
//! `mamos` core on a blocking thread (SQLite and PDF work must not freeze the
//! window) and maps a core error to an `ErrorReport { code, message }`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use mamos::api::{AppInfo, ExportReport};
use mamos::assessment::{AssessmentView, Component};
use mamos::dora::{DoraMetrics, DoraOutcome, ReportYear};
use mamos::error::ErrorReport;
use mamos::exchange_files::{BundleScope, BundleWritten, CsvWritten};
use mamos::exports::ExportRequest;
use mamos::history::TrendPoint;
use mamos::model::Blueprint;
use mamos::plan::PlanOptions;
use mamos::scoring::Answer;
use mamos::store::{
    ActionEdit, CheckinInput, ExportScope, ImportSummary, NewAction, RegeneratePreview, Store,
    StoredPlan, Workshop, WorkshopState,
};
use mamos::views::{Group, OrgView, WorkshopComparison};
use tauri::State;

/// The open store, or why it could not be opened (shown by the UI on every call).
pub struct Db {
    path: PathBuf,
    store: Result<Arc<Mutex<Store>>, ErrorReport>,
}

impl Db {
    pub fn open(path: PathBuf) -> Db {
        let store = Store::open(&path)
            .map(|store| Arc::new(Mutex::new(store)))
            .map_err(|error| ErrorReport::from(&error));
        Db { path, store }
    }

    /// Runs `work` on the store on a blocking thread.
    async fn run<T, F>(&self, work: F) -> Result<T, ErrorReport>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> mamos::Result<T> + Send + 'static,
    {
        let store = self.store.clone()?;
        blocking(move || {
            // SQLite rolls back whatever a panicking call left open, so a poisoned lock is safe to reuse.
            let mut store = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut store)
        })
        .await
    }
}

async fn blocking<T, F>(work: F) -> Result<T, ErrorReport>
where
    T: Send + 'static,
    F: FnOnce() -> mamos::Result<T> + Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(|error| ErrorReport::from(&error)),
        Err(error) => Err(ErrorReport {
            code: mamos::error::ErrorCode::Internal,
            message: format!("the operation stopped unexpectedly: {error}"),
        }),
    }
}

#[tauri::command]
pub async fn app_info(db: State<'_, Db>) -> Result<AppInfo, ErrorReport> {
    Ok(AppInfo {
        db_path: db.path.display().to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    })
}

#[tauri::command]
pub async fn list_components(db: State<'_, Db>) -> Result<Vec<Component>, ErrorReport> {
    db.run(|store| store.components()).await
}

#[tauri::command]
pub async fn add_component(
    db: State<'_, Db>,
    name: String,
    blueprint: Blueprint,
    group: Option<String>,
) -> Result<Component, ErrorReport> {
    db.run(move |store| store.add_component_in_group(&name, blueprint, group.as_deref()))
        .await
}

#[tauri::command]
pub async fn load_assessment(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| store.assessment(component_id)).await
}

/// Records (or, with `null`, clears) an answer and returns the rescored view.
#[tauri::command]
pub async fn set_answer(
    db: State<'_, Db>,
    component_id: i64,
    practice_id: String,
    answer: Option<Answer>,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| {
        store.set_answer(component_id, &practice_id, answer)?;
        store.assessment(component_id)
    })
    .await
}

#[tauri::command]
pub async fn set_note(
    db: State<'_, Db>,
    component_id: i64,
    practice_id: String,
    note: String,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| {
        store.set_note(component_id, &practice_id, &note)?;
        store.assessment(component_id)
    })
    .await
}

/// Starts a workshop of a component today: `participants` as typed ("Ana, Ben, Chloé").
#[tauri::command]
pub async fn start_workshop(
    db: State<'_, Db>,
    component_id: i64,
    participants: String,
    facilitator: String,
) -> Result<WorkshopState, ErrorReport> {
    let today = chrono::Local::now().date_naive();
    db.run(move |store| {
        let names = mamos::workshop::parse_participants(&participants)?;
        let workshop = store.start_workshop(component_id, today, &facilitator, &names)?;
        store.workshop_state(workshop.id)
    })
    .await
}

/// Every workshop of a component, oldest first (the last one is the current assessment).
#[tauri::command]
pub async fn list_workshops(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Vec<Workshop>, ErrorReport> {
    db.run(move |store| store.workshops(component_id)).await
}

#[tauri::command]
pub async fn load_workshop(
    db: State<'_, Db>,
    workshop_id: i64,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| store.workshop_state(workshop_id)).await
}

/// Records (or, with `null`, withdraws) one participant's vote; committed at once.
#[tauri::command]
pub async fn cast_vote(
    db: State<'_, Db>,
    workshop_id: i64,
    participant: String,
    practice_id: String,
    answer: Option<Answer>,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        store.cast_vote(workshop_id, &participant, &practice_id, answer)?;
        store.workshop_state(workshop_id)
    })
    .await
}

/// Shows a practice's votes to the room.
#[tauri::command]
pub async fn reveal_votes(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        store.reveal(workshop_id, &practice_id)?;
        store.workshop_state(workshop_id)
    })
    .await
}

/// Sets (or, with `null`, withdraws) the facilitator's agreed answer.
#[tauri::command]
pub async fn agree(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
    answer: Option<Answer>,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        store.agree(workshop_id, &practice_id, answer)?;
        store.workshop_state(workshop_id)
    })
    .await
}

/// The component × pillar heatmap of the organisation, or of one group, with its roll-up.
#[tauri::command]
pub async fn org_view(db: State<'_, Db>, group: Option<String>) -> Result<OrgView, ErrorReport> {
    db.run(move |store| store.org_view(group.as_deref())).await
}

#[tauri::command]
pub async fn list_groups(db: State<'_, Db>) -> Result<Vec<Group>, ErrorReport> {
    db.run(|store| store.group_list()).await
}

/// Creates a group; returns every group.
#[tauri::command]
pub async fn add_group(db: State<'_, Db>, name: String) -> Result<Vec<Group>, ErrorReport> {
    db.run(move |store| {
        store.add_group(&name)?;
        store.group_list()
    })
    .await
}

/// Puts a component in a group (a component may be in several); returns every group.
#[tauri::command]
pub async fn add_to_group(
    db: State<'_, Db>,
    component_id: i64,
    group: String,
) -> Result<Vec<Group>, ErrorReport> {
    db.run(move |store| {
        store.add_to_group(component_id, &group)?;
        store.group_list()
    })
    .await
}

/// A workshop's DORA metrics and what they mean; null when none were entered.
#[tauri::command]
pub async fn load_dora(
    db: State<'_, Db>,
    workshop_id: i64,
) -> Result<Option<DoraOutcome>, ErrorReport> {
    db.run(move |store| store.dora_outcome(workshop_id)).await
}

/// Stores a workshop's DORA metrics (all five, each optional) and the report year to classify them with.
#[tauri::command]
pub async fn set_dora(
    db: State<'_, Db>,
    workshop_id: i64,
    metrics: DoraMetrics,
    year: ReportYear,
) -> Result<DoraOutcome, ErrorReport> {
    db.run(move |store| {
        store.set_dora(workshop_id, &metrics, year)?;
        Ok(DoraOutcome::new(metrics, year))
    })
    .await
}

/// Writes a practice's note from the (current) workshop.
#[tauri::command]
pub async fn set_workshop_note(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
    note: String,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        store.set_workshop_note(workshop_id, &practice_id, &note)?;
        store.workshop_state(workshop_id)
    })
    .await
}

/// Adds an evidence link (a URL or a file path, and a short label) to a practice of a workshop.
#[tauri::command]
pub async fn add_evidence(
    db: State<'_, Db>,
    workshop_id: i64,
    practice_id: String,
    target: String,
    label: String,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        store.add_evidence(workshop_id, &practice_id, &target, &label)?;
        store.workshop_state(workshop_id)
    })
    .await
}

#[tauri::command]
pub async fn remove_evidence(
    db: State<'_, Db>,
    workshop_id: i64,
    evidence_id: i64,
) -> Result<WorkshopState, ErrorReport> {
    db.run(move |store| {
        store.remove_workshop_evidence(workshop_id, evidence_id)?;
        store.workshop_state(workshop_id)
    })
    .await
}

/// Overrides the target of a practice (or, with `pillar`, of a pillar) for a component; a reason is required.
#[tauri::command]
pub async fn set_target_override(
    db: State<'_, Db>,
    component_id: i64,
    key: String,
    pillar: bool,
    level: u8,
    reason: String,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| {
        store.set_target_override(component_id, &key, pillar, level, &reason)?;
        store.assessment(component_id)
    })
    .await
}

/// Goes back to the blueprint's target.
#[tauri::command]
pub async fn clear_target_override(
    db: State<'_, Db>,
    component_id: i64,
    key: String,
    pillar: bool,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| {
        store.clear_target_override(component_id, &key, pillar)?;
        store.assessment(component_id)
    })
    .await
}

/// Two workshops of one component side by side (`from` the earlier).
#[tauri::command]
pub async fn compare_workshops(
    db: State<'_, Db>,
    from: i64,
    to: i64,
) -> Result<WorkshopComparison, ErrorReport> {
    db.run(move |store| store.compare_workshops(from, to)).await
}

/// The scores of every workshop of a component, oldest first.
#[tauri::command]
pub async fn component_trend(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Vec<TrendPoint>, ErrorReport> {
    db.run(move |store| store.trend(component_id)).await
}

/// The component's open plan, or null when it has none.
#[tauri::command]
pub async fn load_plan(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Option<StoredPlan>, ErrorReport> {
    db.run(move |store| store.open_plan(component_id)).await
}

/// Every plan of a component, oldest first (closed ones carry their grades).
#[tauri::command]
pub async fn list_plans(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Vec<StoredPlan>, ErrorReport> {
    db.run(move |store| store.plans(component_id)).await
}

/// Generates and stores a plan from the component's current workshop, day 1 on `start`.
#[tauri::command]
pub async fn create_plan(
    db: State<'_, Db>,
    component_id: i64,
    start: chrono::NaiveDate,
    max_objectives: u32,
) -> Result<StoredPlan, ErrorReport> {
    let options = PlanOptions {
        max_objectives,
        ..PlanOptions::default()
    };
    db.run(move |store| store.create_plan(component_id, start, &options))
        .await
}

/// One coach edit to an action of the open plan (rename, reassign, reschedule, move, status).
#[tauri::command]
pub async fn edit_action(
    db: State<'_, Db>,
    component_id: i64,
    action_id: String,
    edit: ActionEdit,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| store.edit_action(component_id, &action_id, &edit))
        .await
}

/// Moves an action to start in plan week `week`, keeping its length.
#[tauri::command]
pub async fn move_action_to_week(
    db: State<'_, Db>,
    component_id: i64,
    action_id: String,
    week: u32,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| store.move_action_to_week(component_id, &action_id, week))
        .await
}

/// Adds the coach's own action; returns the whole plan.
#[tauri::command]
pub async fn add_action(
    db: State<'_, Db>,
    component_id: i64,
    action: NewAction,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| {
        store.add_action(component_id, &action)?;
        match store.open_plan(component_id)? {
            Some(plan) => Ok(plan),
            None => Err(mamos::Error::NoOpenPlan(
                store.component(component_id)?.name,
            )),
        }
    })
    .await
}

#[tauri::command]
pub async fn remove_action(
    db: State<'_, Db>,
    component_id: i64,
    action_id: String,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| store.remove_action(component_id, &action_id))
        .await
}

/// What regenerating the open plan from the current workshop would change.
#[tauri::command]
pub async fn preview_regenerate(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<RegeneratePreview, ErrorReport> {
    db.run(move |store| store.preview_regenerate(component_id, None))
        .await
}

/// Regenerates the open plan, keeping the actions the coach chose as they are.
#[tauri::command]
pub async fn regenerate_plan(
    db: State<'_, Db>,
    component_id: i64,
    keep: Vec<String>,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| store.regenerate_plan(component_id, None, &keep.into_iter().collect()))
        .await
}

/// Records (or completes) one week's check-in and the action statuses it reports.
#[tauri::command]
pub async fn record_checkin(
    db: State<'_, Db>,
    component_id: i64,
    checkin: CheckinInput,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| store.record_checkin(component_id, &checkin))
        .await
}

/// Closes the open plan at the re-assessment and grades its key results.
#[tauri::command]
pub async fn close_plan(db: State<'_, Db>, component_id: i64) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| store.close_plan(component_id)).await
}

/// Writes the document the Export menu asks for to `path` (absolute; chosen in the
/// save dialog or typed), on a blocking thread while the window shows progress.
#[tauri::command]
pub async fn export_report(
    db: State<'_, Db>,
    request: ExportRequest,
    path: String,
) -> Result<ExportReport, ErrorReport> {
    let path = pdf_path(path)?;
    let today = chrono::Local::now().date_naive();
    db.run(move |store| {
        let pdf = mamos::exports::export_pdf(store, &request, today)?;
        mamos::exports::write_atomically(&path, &pdf.bytes)?;
        Ok(ExportReport {
            path: path.display().to_string(),
            bytes: pdf.bytes.len() as u64,
            warnings: pdf.warnings,
        })
    })
    .await
}

/// Writes the `.mamos.json` bundle of `scope` to `path` (absolute; chosen in the save dialog or typed).
#[tauri::command]
pub async fn export_bundle(
    db: State<'_, Db>,
    scope: BundleScope,
    path: String,
) -> Result<BundleWritten, ErrorReport> {
    let path = with_extension(absolute(path, "the bundle")?, ".mamos.json", "json");
    db.run(move |store| {
        let component_name;
        let scope = match &scope {
            BundleScope::Organisation => ExportScope::Organisation,
            BundleScope::Group { name } => ExportScope::Group(name),
            BundleScope::Component { id } => {
                component_name = store.component(*id)?.name;
                ExportScope::Component(&component_name)
            }
        };
        mamos::exchange_files::export_bundle_file(store, scope, &path)
    })
    .await
}

/// Merges the bundle at `path` into the database, all or nothing; the summary
/// lists every conflict (both versions kept) for the coach to settle.
#[tauri::command]
pub async fn import_bundle(db: State<'_, Db>, path: String) -> Result<ImportSummary, ErrorReport> {
    let path = absolute(path, "the bundle to import")?;
    db.run(move |store| mamos::exchange_files::import_bundle_file(store, &path))
        .await
}

/// Writes the CSV tables of the whole database into the folder `dir` (created when missing).
#[tauri::command]
pub async fn export_csv(db: State<'_, Db>, dir: String) -> Result<Vec<CsvWritten>, ErrorReport> {
    let dir = absolute(dir, "the folder of the CSV tables")?;
    db.run(move |store| mamos::exchange_files::write_csv_tables(store, &dir))
        .await
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

/// Only absolute `.pdf` paths are written (the save dialog gives one; GTK may leave the extension off).
fn pdf_path(path: String) -> Result<PathBuf, ErrorReport> {
    let path = absolute(path, "where to save the PDF")?;
    Ok(with_extension(path, ".pdf", "pdf"))
}
