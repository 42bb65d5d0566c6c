//! 90-day plans: created, edited, regenerated, checked in and closed.

use chrono::NaiveDate;
use mamos::app::plans::{self as app, PlanOnDay, PlanRequest, Regenerate};
use mamos::error::ErrorReport;
use mamos::plan::{ActionEdit, CheckinInput, NewAction, RegeneratePreview, StoredPlan};
use tauri::State;

use super::Db;

/// The component's open plan as seen on the window's local `today`, or null when it has none.
#[tauri::command]
pub async fn load_plan(
    db: State<'_, Db>,
    component_id: i64,
    today: NaiveDate,
) -> Result<Option<PlanOnDay>, ErrorReport> {
    db.run(move |store| app::open_plan_on(store, component_id, today))
        .await
}

/// Every plan of a component, oldest first (closed ones carry their grades).
#[tauri::command]
pub async fn list_plans(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Vec<StoredPlan>, ErrorReport> {
    db.run(move |store| app::plans(store, component_id)).await
}

/// Generates and stores a plan from the component's current workshop, day 1
/// on `start`, as seen on the window's local `today`.
#[tauri::command]
pub async fn create_plan(
    db: State<'_, Db>,
    component_id: i64,
    start: NaiveDate,
    max_objectives: u32,
    today: NaiveDate,
) -> Result<PlanOnDay, ErrorReport> {
    let request = PlanRequest {
        component_id,
        start: Some(start),
        objectives: Some(max_objectives),
    };
    db.run(move |store| {
        let plan = app::open_or_create_plan(store, &request, today)?;
        Ok(PlanOnDay::new(plan, today))
    })
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
    db.run(move |store| app::edit_action(store, component_id, &action_id, &edit))
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
    db.run(move |store| app::move_action_to_week(store, component_id, &action_id, week))
        .await
}

/// Adds the coach's own action; returns the whole plan.
#[tauri::command]
pub async fn add_action(
    db: State<'_, Db>,
    component_id: i64,
    action: NewAction,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| Ok(app::add_action(store, component_id, &action)?.plan))
        .await
}

#[tauri::command]
pub async fn remove_action(
    db: State<'_, Db>,
    component_id: i64,
    action_id: String,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| app::remove_action(store, component_id, &action_id))
        .await
}

/// What regenerating the open plan from the current workshop would change.
#[tauri::command]
pub async fn preview_regenerate(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<RegeneratePreview, ErrorReport> {
    db.run(move |store| app::preview_regenerate(store, component_id, None))
        .await
}

/// Regenerates the open plan, keeping the actions the coach chose as they are.
#[tauri::command]
pub async fn regenerate_plan(
    db: State<'_, Db>,
    component_id: i64,
    keep: Vec<String>,
) -> Result<StoredPlan, ErrorReport> {
    let request = Regenerate {
        component_id,
        objectives: None,
        keep,
        keep_edited: false,
    };
    db.run(move |store| app::regenerate(store, &request)).await
}

/// Records (or completes) one week's check-in and the action statuses it reports.
#[tauri::command]
pub async fn record_checkin(
    db: State<'_, Db>,
    component_id: i64,
    checkin: CheckinInput,
) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| app::record_checkin(store, component_id, &checkin))
        .await
}

/// Closes the open plan at the re-assessment and grades its key results.
#[tauri::command]
pub async fn close_plan(db: State<'_, Db>, component_id: i64) -> Result<StoredPlan, ErrorReport> {
    db.run(move |store| app::close_plan(store, component_id))
        .await
}
