//! The organisation and history: the component × pillar heatmap with its
//! roll-up, two workshops of a component compared, and trends over time of a
//! component, a group or the organisation.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::components::{groups, Group};
use crate::assessment::Component;
use crate::dora::DoraOutcome;
use crate::history::{
    comparison_pair, Comparison, GroupTrendPoint, HeldWorkshop, TrendPeriod, TrendPoint,
    WorkshopPair,
};
use crate::model::{builtin_bank, PillarId, PillarName};
use crate::rollup::{heatmap_cell, rollup, HeatCell, Rollup};
use crate::scoring::Scores;
use crate::store::Store;
use crate::workshop::Workshop;
use crate::{Error, Result};

/// One pillar of one component in the heatmap.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PillarCell {
    pub id: PillarId,
    /// The pillar's target score (0–100) from the blueprint and the coach's overrides.
    pub target_score: Option<f64>,
    pub heat: HeatCell,
}

/// One component of the heatmap: its five pillars in pillar order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HeatRow {
    pub component: Component,
    /// Null when nothing is answered yet: the row is counted but left blank.
    pub overall: Option<f64>,
    pub limiting_pillar: Option<PillarId>,
    pub cells: Vec<PillarCell>,
}

/// The organisation (or one group) as a component × pillar heatmap with its roll-up.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OrgView {
    /// The group shown; null for the whole organisation.
    pub group: Option<String>,
    /// Every group, for the filter.
    pub groups: Vec<Group>,
    /// The components shown, by name.
    pub rows: Vec<HeatRow>,
    pub rollup: Rollup,
    /// The pillars' names, from the first component's bank (the built-in bank when none).
    pub pillars: Vec<PillarName>,
}

/// Two workshops of a component side by side, with their DORA outcomes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WorkshopComparison {
    pub from: Workshop,
    pub to: Workshop,
    pub comparison: Comparison,
    /// Null when no DORA metrics were entered in that workshop.
    pub dora_from: Option<DoraOutcome>,
    pub dora_to: Option<DoraOutcome>,
}

/// The heatmap of the whole organisation, or of `group`, from each
/// component's current scores (one bulk read, fast at 1,000 components).
pub fn org_view(store: &Store, group: Option<&str>) -> Result<OrgView> {
    let scored = current_scores(store, group)?;
    let pillars = match scored.first() {
        Some((c, _)) => store
            .shared_bank(&c.bank_id, &c.bank_version)?
            .pillar_names(),
        None => builtin_bank().pillar_names(),
    };
    Ok(heatmap(
        group.map(str::to_string),
        groups(store)?,
        scored,
        pillars,
    ))
}

/// The components of the organisation, or of `group`, with their current scores, by name.
fn current_scores(store: &Store, group: Option<&str>) -> Result<Vec<(Component, Scores)>> {
    let members = group_members(store, group)?;
    Ok(store
        .latest_scores_all()?
        .into_iter()
        .filter(|(c, _)| members.as_ref().is_none_or(|m| m.contains(&c.id)))
        .collect())
}

/// The ids of `group`'s components; `None` (every component) for the organisation.
fn group_members(store: &Store, group: Option<&str>) -> Result<Option<Vec<i64>>> {
    Ok(match group {
        Some(name) => Some(store.group_components(name)?.iter().map(|c| c.id).collect()),
        None => None,
    })
}

/// The heatmap rows and roll-up of components given with their current scores.
fn heatmap(
    group: Option<String>,
    groups: Vec<Group>,
    scored: Vec<(Component, Scores)>,
    pillars: Vec<PillarName>,
) -> OrgView {
    let entries: Vec<(&str, Option<&Scores>)> = scored
        .iter()
        .map(|(c, s)| (c.name.as_str(), Some(s)))
        .collect();
    let rollup = rollup(&entries);
    let rows = scored
        .into_iter()
        .map(|(component, scores)| HeatRow {
            cells: scores
                .pillars
                .iter()
                .map(|p| PillarCell {
                    id: p.id,
                    target_score: p.target_score,
                    heat: heatmap_cell(p.score, p.target_score),
                })
                .collect(),
            overall: scores.overall.score,
            limiting_pillar: scores.limiting_pillar,
            component,
        })
        .collect();
    OrgView {
        group,
        groups,
        rows,
        rollup,
        pillars,
    }
}

/// Which two workshops of a component to compare; each `None` takes the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComparisonRequest {
    pub component_id: i64,
    /// Default: the workshop held just before `to`, or for a conflicting
    /// version the workshop it conflicts with.
    pub from: Option<i64>,
    /// Default: the component's current workshop.
    pub to: Option<i64>,
}

/// The two workshops of a component to compare: the ids chosen, else the
/// defaults of `history::comparison_pair` (the current workshop and the one
/// held before it, or for a conflicting version the workshop it conflicts with).
pub fn comparison_pair_of(store: &Store, request: &ComparisonRequest) -> Result<WorkshopPair> {
    let component = store.component(request.component_id)?;
    let held: Vec<HeldWorkshop> = store
        .all_workshops(component.id)?
        .iter()
        .map(|w| HeldWorkshop {
            id: w.id,
            conflict_of: w.conflict_of,
        })
        .collect();
    comparison_pair(&held, request.from, request.to)
        .map_err(|no| no.into_error(&component.name, &held))
}

/// Compares two workshops of one component (any two, conflicting versions too).
pub fn compare(store: &Store, request: &ComparisonRequest) -> Result<WorkshopComparison> {
    let pair = comparison_pair_of(store, request)?;
    compare_workshops(store, pair.from, pair.to)
}

/// Compares two workshops of the same component (`from` the earlier one).
pub fn compare_workshops(store: &Store, from: i64, to: i64) -> Result<WorkshopComparison> {
    let (before, after) = (store.workshop(from)?, store.workshop(to)?);
    if before.component_id != after.component_id {
        return Err(Error::invalid(
            "workshops",
            format!(
                "workshop {from} is of {:?} and workshop {to} of {:?}: compare two workshops of one component",
                before.component, after.component
            ),
        ));
    }
    let comparison =
        crate::history::compare(&store.workshop_view(from)?, &store.workshop_view(to)?);
    Ok(WorkshopComparison {
        dora_from: super::workshops::dora(store, from)?,
        dora_to: super::workshops::dora(store, to)?,
        from: before,
        to: after,
        comparison,
    })
}

/// The scores of every workshop of a component, in the order held.
pub fn component_trend(store: &Store, component_id: i64) -> Result<Vec<TrendPoint>> {
    let workshops = store.workshops(component_id)?;
    let scores = workshops
        .iter()
        .map(|w| Ok(store.workshop_view(w.id)?.scores))
        .collect::<Result<Vec<_>>>()?;
    let points: Vec<(&str, &Scores)> = workshops
        .iter()
        .zip(&scores)
        .map(|(w, s)| (w.held_on.as_str(), s))
        .collect();
    Ok(crate::history::trend(&points))
}

/// The trend of a group, or of the organisation: per date or quarter, the
/// mean of each component's latest scores by then (`docs/scoring.md` §6).
pub fn group_trend(
    store: &Store,
    group: Option<&str>,
    period: TrendPeriod,
) -> Result<Vec<GroupTrendPoint>> {
    let members = group_members(store, group)?;
    let assessments = store.assessment_scores_all()?;
    let mut dated = Vec::new();
    for a in &assessments {
        if members.as_ref().is_none_or(|m| m.contains(&a.component_id)) {
            let date = NaiveDate::parse_from_str(&a.held_on, "%Y-%m-%d").map_err(|_| {
                Error::corrupt(
                    "stored workshop date",
                    format!(
                        "workshop {}: expected YYYY-MM-DD, found {:?}",
                        a.workshop_id, a.held_on
                    ),
                )
            })?;
            dated.push((a.component_id, date, &a.scores));
        }
    }
    Ok(crate::history::group_trend(&dated, period))
}
