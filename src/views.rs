//! What the desktop screens ask the store for in one call, built from the
//! store's public queries and the pure roll-up, comparison and DORA functions:
//! the organisation heatmap, the groups, a comparison of two workshops with
//! their DORA outcomes, the trend of a component, and the few writes a screen
//! needs checked before the store is touched (a component created in a group,
//! a note written from a workshop, an action moved to another plan week).

use serde::Serialize;
use ts_rs::TS;

use crate::assessment::Component;
use crate::dora::DoraOutcome;
use crate::history::{Comparison, TrendPoint};
use crate::model::{Blueprint, PillarId};
use crate::rollup::{heatmap_cell, rollup, HeatCell, Rollup};
use crate::scoring::Scores;
use crate::store::{ActionEdit, Store, StoredPlan, Workshop};
use crate::{Error, Result};

/// A group of components, with its members' names, alphabetically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Group {
    pub name: String,
    pub components: Vec<String>,
}

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

/// The heatmap rows and roll-up of components given with their current scores.
pub fn org_view(
    group: Option<String>,
    groups: Vec<Group>,
    scored: Vec<(Component, Scores)>,
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
    }
}

impl Store {
    /// Every group with its members.
    pub fn group_list(&self) -> Result<Vec<Group>> {
        Ok(self
            .groups()?
            .into_iter()
            .map(|(name, components)| Group { name, components })
            .collect())
    }

    /// The heatmap of the whole organisation, or of `group`.
    pub fn org_view(&self, group: Option<&str>) -> Result<OrgView> {
        // One bulk read for every component (fast at 1,000 components), then the group's members.
        let members: Option<Vec<i64>> = match group {
            Some(name) => Some(self.group_components(name)?.iter().map(|c| c.id).collect()),
            None => None,
        };
        let scored: Vec<(Component, Scores)> = self
            .latest_scores_all()?
            .into_iter()
            .filter(|(c, _)| members.as_ref().is_none_or(|m| m.contains(&c.id)))
            .collect();
        Ok(org_view(
            group.map(str::to_string),
            self.group_list()?,
            scored,
        ))
    }

    /// Creates a component and, when `group` is given, puts it in that group.
    /// An unknown group is refused before anything is written.
    pub fn add_component_in_group(
        &mut self,
        name: &str,
        blueprint: Blueprint,
        group: Option<&str>,
    ) -> Result<Component> {
        if let Some(group) = group {
            if self.group_id(group)?.is_none() {
                return Err(Error::UnknownGroup(group.to_string()));
            }
        }
        let component = self.add_component(name, blueprint, None)?;
        if let Some(group) = group {
            self.add_to_group(component.id, group)?;
        }
        Ok(component)
    }

    /// Writes a practice's note from a workshop. Notes live on the component's
    /// current assessment, so only its latest workshop may write them.
    pub fn set_workshop_note(
        &mut self,
        workshop_id: i64,
        practice_id: &str,
        note: &str,
    ) -> Result<()> {
        let workshop = self.workshop(workshop_id)?;
        let latest = self.workshops(workshop.component_id)?.last().map(|w| w.id);
        if latest != Some(workshop_id) {
            return Err(Error::conflict(
                "workshop",
                format!(
                    "workshop {workshop_id} of {:?} is not its latest: notes can only be written in the current workshop",
                    workshop.component
                ),
            ));
        }
        self.set_note(workshop.component_id, practice_id, note)
    }

    /// Removes an evidence link of a workshop; a link of another workshop is refused.
    pub fn remove_workshop_evidence(&mut self, workshop_id: i64, evidence_id: i64) -> Result<()> {
        if !self
            .evidence(workshop_id)?
            .iter()
            .any(|e| e.id == evidence_id)
        {
            return Err(Error::not_found(
                "evidence",
                format!("workshop {workshop_id} has no evidence link with id {evidence_id}"),
            ));
        }
        self.remove_evidence(evidence_id)
    }

    /// A workshop's DORA metrics with their classification and Quick Check scores.
    pub fn dora_outcome(&self, workshop_id: i64) -> Result<Option<DoraOutcome>> {
        Ok(self
            .dora(workshop_id)?
            .map(|(metrics, year)| DoraOutcome::new(metrics, year)))
    }

    /// Compares two workshops of the same component (`from` the earlier one).
    pub fn compare_workshops(&self, from: i64, to: i64) -> Result<WorkshopComparison> {
        let (before, after) = (self.workshop(from)?, self.workshop(to)?);
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
            crate::history::compare(&self.workshop_view(from)?, &self.workshop_view(to)?);
        Ok(WorkshopComparison {
            dora_from: self.dora_outcome(from)?,
            dora_to: self.dora_outcome(to)?,
            from: before,
            to: after,
            comparison,
        })
    }

    /// Moves an action of the component's open plan so it starts in plan week
    /// `week`, keeping its length; the store refuses dates outside day 1–90 or
    /// before what the action depends on.
    pub fn move_action_to_week(
        &mut self,
        component_id: i64,
        action_id: &str,
        week: u32,
    ) -> Result<StoredPlan> {
        let component = self.component(component_id)?;
        let Some(stored) = self.open_plan(component_id)? else {
            return Err(Error::NoOpenPlan(component.name));
        };
        let Some(action) = stored.plan.action(action_id) else {
            let known: Vec<&str> = stored.plan.actions.iter().map(|a| a.id.as_str()).collect();
            return Err(Error::UnknownAction {
                action: action_id.to_string(),
                known: known.join(", "),
            });
        };
        let shift = chrono::Duration::days(7 * (i64::from(week) - i64::from(action.start_week)));
        let edit = ActionEdit::Reschedule {
            start: action.start + shift,
            end: action.end + shift,
        };
        self.edit_action(component_id, action_id, &edit)
    }

    /// The scores of every workshop of a component, oldest first.
    pub fn trend(&self, component_id: i64) -> Result<Vec<TrendPoint>> {
        let workshops = self.workshops(component_id)?;
        let scores = workshops
            .iter()
            .map(|w| Ok(self.workshop_view(w.id)?.scores))
            .collect::<Result<Vec<_>>>()?;
        let points: Vec<(&str, &Scores)> = workshops
            .iter()
            .zip(&scores)
            .map(|(w, s)| (w.held_on.as_str(), s))
            .collect();
        Ok(crate::history::trend(&points))
    }
}
