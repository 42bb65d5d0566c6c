//! The practices below their target, each with the figures of its priority:
//! what a plan (or the organisation's common objectives) is chosen from.

use super::{PlanInputs, DEFAULT_EFFORT, DEFAULT_IMPACT};
use crate::model::{PillarId, Practice};
use crate::scoring::Answer;

/// A practice below its target: a candidate action.
#[derive(Debug, Clone)]
pub(super) struct Candidate<'a> {
    pub(super) pillar: PillarId,
    pub(super) practice: &'a Practice,
    /// Position in the bank, for stable tie-breaks.
    pub(super) index: usize,
    pub(super) level: u8,
    pub(super) target: u8,
    pub(super) gap: u8,
    pub(super) effort: u8,
    pub(super) quality: u8,
    pub(super) speed: u8,
    pub(super) priority: f64,
}

pub(super) fn candidates<'a>(inputs: &PlanInputs<'a>) -> Vec<Candidate<'a>> {
    inputs
        .bank
        .practices()
        .enumerate()
        .filter_map(|(index, (pillar, practice))| {
            let Some(Answer::Level { level }) = inputs.answers.get(&practice.id) else {
                return None;
            };
            let target = inputs.targets.target(pillar.id, practice, inputs.blueprint);
            let gap = target.saturating_sub(*level);
            if gap == 0 {
                return None;
            }
            let effort = practice.effort.unwrap_or(DEFAULT_EFFORT).clamp(1, 5);
            let (quality, speed) = practice
                .impact
                .map_or((DEFAULT_IMPACT, DEFAULT_IMPACT), |i| (i.quality, i.speed));
            let priority =
                f64::from(gap) * practice.weight * f64::from(quality + speed) / f64::from(effort);
            Some(Candidate {
                pillar: pillar.id,
                practice,
                index,
                level: *level,
                target,
                gap,
                effort,
                quality,
                speed,
                priority,
            })
        })
        .collect()
}

/// Higher priority first; ties in bank order.
pub(super) fn by_priority(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.priority
        .total_cmp(&a.priority)
        .then(a.index.cmp(&b.index))
}
