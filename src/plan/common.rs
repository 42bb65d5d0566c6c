//! The organisation level: gaps several components share, as common objectives.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::candidates::candidates;
use super::PlanInputs;
use crate::model::{Owner, PillarId};

/// One component below target on a shared practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ServedComponent {
    pub name: String,
    pub level: u8,
    pub target: u8,
}

/// A gap that several components share: one piece of work (often a platform
/// team's) instead of one action per team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CommonObjective {
    pub practice_id: String,
    pub pillar: PillarId,
    pub title: String,
    /// The bank's next step from the lowest level among the components.
    pub step: String,
    pub owner: Owner,
    /// The components it serves, in the order given.
    pub components: Vec<ServedComponent>,
    /// The sum of the components' priorities for this practice.
    pub priority: f64,
}

/// The practices below target in at least `min_components` of the given
/// components, highest summed priority first (ties: more components, then
/// practice id), at most `max`. Each entry of `components` is a name and that
/// component's plan inputs (its start date is not used).
pub fn common_objectives(
    components: &[(&str, PlanInputs)],
    min_components: usize,
    max: usize,
    lang: &str,
) -> Vec<CommonObjective> {
    let mut shared: BTreeMap<String, CommonObjective> = BTreeMap::new();
    let mut lowest: BTreeMap<String, u8> = BTreeMap::new();
    for (name, inputs) in components {
        for c in candidates(inputs) {
            let entry = shared
                .entry(c.practice.id.clone())
                .or_insert_with(|| CommonObjective {
                    practice_id: c.practice.id.clone(),
                    pillar: c.pillar,
                    title: c.practice.title.get(lang).to_string(),
                    step: String::new(),
                    owner: Owner::Team,
                    components: Vec::new(),
                    priority: 0.0,
                });
            entry.components.push(ServedComponent {
                name: name.to_string(),
                level: c.level,
                target: c.target,
            });
            entry.priority += c.priority;
            let low = lowest.entry(c.practice.id.clone()).or_insert(u8::MAX);
            if c.level < *low {
                *low = c.level;
                if let Some(step) = c.practice.improve.iter().find(|s| s.from == c.level) {
                    entry.step = step.action.get(lang).to_string();
                    entry.owner = step.owner;
                }
            }
        }
    }
    let mut list: Vec<CommonObjective> = shared
        .into_values()
        .filter(|o| o.components.len() >= min_components.max(1))
        .collect();
    list.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(b.components.len().cmp(&a.components.len()))
            .then(a.practice_id.cmp(&b.practice_id))
    });
    list.truncate(max);
    list
}
