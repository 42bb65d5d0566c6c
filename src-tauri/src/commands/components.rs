//! Components, groups, and a component's current assessment.

use mamos::app::components::{self as app, AnswerChange, Group, NewComponent, TargetChange};
use mamos::assessment::{AssessmentView, Component};
use mamos::error::ErrorReport;
use mamos::model::Blueprint;
use mamos::scoring::Answer;
use tauri::State;

use super::Db;

#[tauri::command]
pub async fn list_components(db: State<'_, Db>) -> Result<Vec<Component>, ErrorReport> {
    db.run(|store| app::list_components(store)).await
}

/// Creates a component, in `group` when one is given (an unknown group creates nothing).
#[tauri::command]
pub async fn add_component(
    db: State<'_, Db>,
    name: String,
    blueprint: Blueprint,
    group: Option<String>,
) -> Result<Component, ErrorReport> {
    let new = NewComponent {
        name,
        blueprint,
        bank: None,
        groups: group.into_iter().collect(),
    };
    db.run(move |store| app::add_component(store, &new)).await
}

#[tauri::command]
pub async fn load_assessment(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| app::assessment(store, component_id))
        .await
}

/// Records (or, with `null`, clears) an answer and returns the rescored view.
#[tauri::command]
pub async fn set_answer(
    db: State<'_, Db>,
    component_id: i64,
    practice_id: String,
    answer: Option<Answer>,
) -> Result<AssessmentView, ErrorReport> {
    let change = AnswerChange {
        component_id,
        practice_id,
        answer,
        note: None,
    };
    db.run(move |store| app::set_answer(store, &change)).await
}

#[tauri::command]
pub async fn set_note(
    db: State<'_, Db>,
    component_id: i64,
    practice_id: String,
    note: String,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| app::set_note(store, component_id, &practice_id, &note))
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
    let change = TargetChange {
        component_id,
        key,
        pillar,
        level,
        reason,
    };
    db.run(move |store| app::set_target(store, &change)).await
}

/// Goes back to the blueprint's target.
#[tauri::command]
pub async fn clear_target_override(
    db: State<'_, Db>,
    component_id: i64,
    key: String,
    pillar: bool,
) -> Result<AssessmentView, ErrorReport> {
    db.run(move |store| app::clear_target(store, component_id, &key, pillar))
        .await
}

#[tauri::command]
pub async fn list_groups(db: State<'_, Db>) -> Result<Vec<Group>, ErrorReport> {
    db.run(|store| app::groups(store)).await
}

/// Creates a group; returns every group.
#[tauri::command]
pub async fn add_group(db: State<'_, Db>, name: String) -> Result<Vec<Group>, ErrorReport> {
    db.run(move |store| app::add_group(store, &name)).await
}

/// Puts a component in a group (a component may be in several); returns every group.
#[tauri::command]
pub async fn add_to_group(
    db: State<'_, Db>,
    component_id: i64,
    group: String,
) -> Result<Vec<Group>, ErrorReport> {
    db.run(move |store| app::add_to_group(store, component_id, &group))
        .await
}
