//! Pure roll-ups of several components' scores, for a group or the whole
//! organisation, and the cells of the organisation heatmap.
//!
//! The rule of `docs/scoring.md` §2.6 carries over: a component that was never
//! assessed, or whose pillar is not assessed, is counted but never averaged as
//! zero.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::PillarId;
use crate::scoring::{PillarScore, Scores};

/// Float noise tolerance when comparing scores with band limits (as in scoring).
const EPSILON: f64 = 1e-9;

/// Width of one heatmap band, in score points: 0–100 splits into five bands.
pub const HEAT_BAND_WIDTH: f64 = 20.0;

/// The highest heatmap band (scores from 80 to 100).
pub const MAX_HEAT_BAND: u8 = 4;

/// One pillar across the components of a group or the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PillarRollup {
    pub id: PillarId,
    /// Plain mean of the pillar scores of the components where the pillar is assessed;
    /// null when no component has it assessed.
    pub mean: Option<f64>,
    /// Lowest of those scores.
    pub min: Option<f64>,
    /// Highest of those scores.
    pub max: Option<f64>,
    /// How many components have this pillar assessed.
    pub assessed: u32,
}

/// The pillars of a group of components, summed up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rollup {
    /// Every component given, assessed or not.
    pub components: u32,
    /// Components with at least one assessed pillar (an overall score).
    pub assessed: u32,
    /// The five pillars, in pillar order.
    pub pillars: Vec<PillarRollup>,
    /// The limiting pillar found most often among the components; ties go to pillar order.
    /// Null when no component has a limiting pillar.
    pub most_common_limiting: Option<PillarId>,
}

/// One cell of the organisation heatmap: a component's pillar against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HeatCell {
    /// 0–100; null when the pillar is not assessed.
    pub score: Option<f64>,
    /// 0 (< 20), 1 (< 40), 2 (< 60), 3 (< 80) or 4 (80–100); null when not assessed.
    pub level_band: Option<u8>,
    /// max(0, target − score) in score points; null when the score or the target is missing.
    pub gap_to_target: Option<f64>,
}

/// Rolls up the scores of several components, given as `(name, scores)` with
/// `None` for a component never assessed. Names are not used in the figures;
/// they are accepted so callers can pass their rows as they are.
pub fn rollup(components: &[(&str, Option<&Scores>)]) -> Rollup {
    let scores: Vec<&Scores> = components.iter().filter_map(|(_, s)| *s).collect();
    let pillars = PillarId::ALL
        .iter()
        .map(|&id| {
            let values: Vec<f64> = scores
                .iter()
                .filter_map(|s| pillar_of(s, id).and_then(|p| p.score))
                .collect();
            let count = values.len() as u32;
            PillarRollup {
                id,
                mean: (count > 0).then(|| values.iter().sum::<f64>() / f64::from(count)),
                min: values.iter().copied().reduce(f64::min),
                max: values.iter().copied().reduce(f64::max),
                assessed: count,
            }
        })
        .collect();
    Rollup {
        components: components.len() as u32,
        assessed: scores.iter().filter(|s| s.overall.score.is_some()).count() as u32,
        pillars,
        most_common_limiting: most_common_limiting(&scores),
    }
}

/// The limiting pillar occurring most often; on equal counts the first in pillar order.
fn most_common_limiting(scores: &[&Scores]) -> Option<PillarId> {
    let mut best: Option<(PillarId, usize)> = None;
    for id in PillarId::ALL {
        let count = scores
            .iter()
            .filter(|s| s.limiting_pillar == Some(id))
            .count();
        // strictly more: an equal count keeps the earlier pillar
        if count > 0 && best.is_none_or(|(_, b)| count > b) {
            best = Some((id, count));
        }
    }
    best.map(|(id, _)| id)
}

/// A heatmap cell for a pillar `score` and its `target` (both 0–100).
pub fn heatmap_cell(score: Option<f64>, target: Option<f64>) -> HeatCell {
    HeatCell {
        score,
        level_band: score.map(level_band),
        gap_to_target: score.zip(target).map(|(s, t)| {
            let gap = t - s;
            if gap > EPSILON {
                gap
            } else {
                0.0
            }
        }),
    }
}

/// The band 0–4 of a score: how many of the limits 20, 40, 60 and 80 it reaches
/// (within 10⁻⁹, so 59.99999999999999 from float noise counts as 60).
fn level_band(score: f64) -> u8 {
    (1..=MAX_HEAT_BAND)
        .take_while(|&band| score >= f64::from(band) * HEAT_BAND_WIDTH - EPSILON)
        .count() as u8
}

fn pillar_of(scores: &Scores, id: PillarId) -> Option<&PillarScore> {
    scores.pillars.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::OverallScore;
    use PillarId::{Architecture, Management, Methods, Organization, Skills};

    /// Scores with the given pillar scores (None = not assessed), levels derived
    /// roughly from the score, overall as scoring computes it, and the limiting
    /// pillar given explicitly.
    fn scores(pillars: [Option<f64>; 5], limiting: Option<PillarId>) -> Scores {
        let pillars: Vec<PillarScore> = PillarId::ALL
            .iter()
            .zip(pillars)
            .map(|(&id, score)| PillarScore {
                id,
                score,
                level: score.map(|s| (s / 25.0).floor().min(4.0) as u8),
                percent_to_target: score.map(|_| 50.0),
                target_score: Some(50.0),
                answered: u32::from(score.is_some()),
                not_applicable: 0,
                unanswered: u32::from(score.is_none()),
            })
            .collect();
        let assessed: Vec<f64> = pillars.iter().filter_map(|p| p.score).collect();
        Scores {
            overall: OverallScore {
                score: (!assessed.is_empty())
                    .then(|| assessed.iter().sum::<f64>() / assessed.len() as f64),
                level: pillars.iter().filter_map(|p| p.level).min(),
            },
            limiting_pillar: limiting,
            pillars,
        }
    }

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a value, not null");
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn pillars_average_only_the_components_where_they_are_assessed() {
        let a = scores(
            [Some(50.0), Some(75.0), Some(25.0), Some(100.0), Some(60.0)],
            Some(Management),
        );
        // management and skills not assessed here
        let b = scores(
            [Some(25.0), Some(12.5), None, Some(50.0), None],
            Some(Architecture),
        );
        let rollup = rollup(&[("a", Some(&a)), ("b", Some(&b)), ("never", None)]);
        assert_eq!(rollup.components, 3);
        assert_eq!(rollup.assessed, 2);
        let ids: Vec<PillarId> = rollup.pillars.iter().map(|p| p.id).collect();
        assert_eq!(ids, PillarId::ALL.to_vec());

        let methods = &rollup.pillars[0];
        // (50 + 25) / 2, not (50 + 25 + 0) / 3 = 25
        close(methods.mean, 37.5);
        close(methods.min, 25.0);
        close(methods.max, 50.0);
        assert_eq!(methods.assessed, 2);

        let architecture = &rollup.pillars[1];
        close(architecture.mean, (75.0 + 12.5) / 2.0);
        close(architecture.min, 12.5);
        close(architecture.max, 75.0);

        // only `a` has management assessed: its score is mean, min and max
        let management = &rollup.pillars[2];
        close(management.mean, 25.0);
        close(management.min, 25.0);
        close(management.max, 25.0);
        assert_eq!(management.assessed, 1);

        let organization = &rollup.pillars[3];
        close(organization.mean, 75.0);
        close(organization.min, 50.0);
        close(organization.max, 100.0);

        close(rollup.pillars[4].mean, 60.0);
        assert_eq!(rollup.pillars[4].assessed, 1);
    }

    #[test]
    fn a_pillar_nobody_assessed_is_null_not_zero() {
        let a = scores([Some(50.0), None, None, None, None], Some(Methods));
        let rollup = rollup(&[("a", Some(&a)), ("b", None)]);
        let skills = &rollup.pillars[4];
        assert_eq!(
            (skills.mean, skills.min, skills.max, skills.assessed),
            (None, None, None, 0)
        );
        assert_eq!(rollup.components, 2);
        assert_eq!(rollup.assessed, 1);
    }

    #[test]
    fn scores_with_nothing_answered_count_as_a_component_but_not_as_assessed() {
        let empty = scores([None; 5], None);
        let rollup = rollup(&[("empty", Some(&empty)), ("never", None)]);
        assert_eq!(rollup.components, 2);
        assert_eq!(rollup.assessed, 0);
        assert!(rollup.pillars.iter().all(|p| p.mean.is_none()));
        assert_eq!(rollup.most_common_limiting, None);
    }

    #[test]
    fn no_components_gives_an_empty_rollup_of_five_pillars() {
        let rollup = rollup(&[]);
        assert_eq!(rollup.components, 0);
        assert_eq!(rollup.assessed, 0);
        assert_eq!(rollup.pillars.len(), 5);
        assert!(rollup.pillars.iter().all(|p| p.assessed == 0));
        assert_eq!(rollup.most_common_limiting, None);
    }

    #[test]
    fn the_most_common_limiting_pillar_wins() {
        let s = |limiting| scores([Some(50.0); 5], Some(limiting));
        let (a, b, c, d) = (s(Skills), s(Organization), s(Skills), s(Methods));
        let rollup = rollup(&[
            ("a", Some(&a)),
            ("b", Some(&b)),
            ("c", Some(&c)),
            ("d", Some(&d)),
            ("never", None),
        ]);
        // skills 2, organization 1, methods 1
        assert_eq!(rollup.most_common_limiting, Some(Skills));
    }

    #[test]
    fn equally_common_limiting_pillars_go_to_pillar_order() {
        let s = |limiting| scores([Some(50.0); 5], Some(limiting));
        // listed skills first, but organization comes first in pillar order
        let (a, b, c, d) = (s(Skills), s(Organization), s(Organization), s(Skills));
        let rollup = rollup(&[
            ("a", Some(&a)),
            ("b", Some(&b)),
            ("c", Some(&c)),
            ("d", Some(&d)),
        ]);
        assert_eq!(rollup.most_common_limiting, Some(Organization));
    }

    #[test]
    fn pillars_are_matched_by_id_not_position() {
        let mut a = scores(
            [Some(10.0), Some(20.0), Some(30.0), Some(40.0), Some(50.0)],
            None,
        );
        a.pillars.reverse();
        let rollup = rollup(&[("a", Some(&a))]);
        close(rollup.pillars[0].mean, 10.0);
        close(rollup.pillars[4].mean, 50.0);
    }

    #[test]
    fn rolls_up_real_scores() {
        use crate::model::{Blueprint, LocalizedText, Practice};
        use crate::scoring::{score, Answer};
        use crate::test_bank::test_bank;
        use std::collections::BTreeMap;

        let practice = |id: &str| Practice {
            id: id.into(),
            title: LocalizedText::en(id),
            question: LocalizedText::en("?"),
            weight: 1.0,
            descriptors: (0..5).map(|_| LocalizedText::en("d")).collect(),
            targets: Blueprint::ALL.iter().map(|&b| (b, 2)).collect(),
            ..Practice::default()
        };
        let bank = test_bank(
            PillarId::ALL
                .iter()
                .map(|id| vec![practice(&format!("{id}.a"))])
                .collect(),
        );
        let answers = |list: &[(&str, u8)]| -> BTreeMap<String, Answer> {
            list.iter()
                .map(|(id, level)| (id.to_string(), Answer::Level { level: *level }))
                .collect()
        };
        // team 1: methods 4 → 100 %, architecture 1 → 25 % (limiting)
        let one = score(
            &bank,
            Blueprint::II,
            &answers(&[("methods.a", 4), ("architecture.a", 1)]),
        );
        // team 2: methods 2 → 50 %, skills 0 → 0 % (limiting)
        let two = score(
            &bank,
            Blueprint::II,
            &answers(&[("methods.a", 2), ("skills.a", 0)]),
        );
        let rollup = rollup(&[("one", Some(&one)), ("two", Some(&two)), ("three", None)]);
        assert_eq!((rollup.components, rollup.assessed), (3, 2));
        close(rollup.pillars[0].mean, 75.0);
        close(rollup.pillars[1].mean, 25.0);
        assert_eq!(rollup.pillars[2].assessed, 0);
        // a skills score of 0 is assessed and counts (it is not "not assessed")
        close(rollup.pillars[4].mean, 0.0);
        assert_eq!(rollup.pillars[4].assessed, 1);
        // architecture and skills each limit once: pillar order
        assert_eq!(rollup.most_common_limiting, Some(Architecture));
    }

    #[test]
    fn heatmap_bands_split_0_to_100_in_five() {
        let band = |s: f64| heatmap_cell(Some(s), None).level_band;
        assert_eq!(band(0.0), Some(0));
        assert_eq!(band(19.9), Some(0));
        assert_eq!(band(20.0), Some(1));
        assert_eq!(band(39.9), Some(1));
        assert_eq!(band(40.0), Some(2));
        assert_eq!(band(59.9), Some(2));
        assert_eq!(band(60.0), Some(3));
        assert_eq!(band(79.9), Some(3));
        assert_eq!(band(80.0), Some(4));
        assert_eq!(band(100.0), Some(4));
        // float noise just under a limit still reaches it
        assert_eq!(band(59.99999999999999), Some(3));
        // out-of-range values stay in 0–4
        assert_eq!(band(-5.0), Some(0));
        assert_eq!(band(120.0), Some(4));
    }

    #[test]
    fn heatmap_gap_is_the_distance_below_target_and_never_negative() {
        let cell = heatmap_cell(Some(50.0), Some(62.5));
        close(cell.score, 50.0);
        assert_eq!(cell.level_band, Some(2));
        close(cell.gap_to_target, 12.5);
        // above target: no gap, not a negative one
        close(heatmap_cell(Some(70.0), Some(62.5)).gap_to_target, 0.0);
        close(heatmap_cell(Some(62.5), Some(62.5)).gap_to_target, 0.0);
        // no target (every practice N/A): no gap
        assert_eq!(heatmap_cell(Some(70.0), None).gap_to_target, None);
    }

    #[test]
    fn a_heatmap_cell_without_score_is_empty() {
        assert_eq!(
            heatmap_cell(None, Some(50.0)),
            HeatCell {
                score: None,
                level_band: None,
                gap_to_target: None,
            }
        );
    }
}
