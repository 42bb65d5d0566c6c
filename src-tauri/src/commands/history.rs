//! The organisation heatmap, comparisons and trends.

use mamos::app::history::{self as app, ComparisonRequest, OrgView, WorkshopComparison};
use mamos::error::ErrorReport;
use mamos::history::{TrendPoint, WorkshopPair};
use tauri::State;

use super::Db;

/// The component × pillar heatmap of the organisation, or of one group, with its roll-up.
#[tauri::command]
pub async fn org_view(db: State<'_, Db>, group: Option<String>) -> Result<OrgView, ErrorReport> {
    db.run(move |store| app::org_view(store, group.as_deref()))
        .await
}

/// The two workshops a comparison of the component opens with.
#[tauri::command]
pub async fn comparison_pair(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<WorkshopPair, ErrorReport> {
    let request = ComparisonRequest {
        component_id,
        from: None,
        to: None,
    };
    db.run(move |store| app::comparison_pair_of(store, &request))
        .await
}

/// Two workshops of one component side by side (`from` the earlier).
#[tauri::command]
pub async fn compare_workshops(
    db: State<'_, Db>,
    from: i64,
    to: i64,
) -> Result<WorkshopComparison, ErrorReport> {
    db.run(move |store| app::compare_workshops(store, from, to))
        .await
}

/// The scores of every workshop of a component, in the order held.
#[tauri::command]
pub async fn component_trend(
    db: State<'_, Db>,
    component_id: i64,
) -> Result<Vec<TrendPoint>, ErrorReport> {
    db.run(move |store| app::component_trend(store, component_id))
        .await
}
