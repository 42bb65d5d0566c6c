//! Pure scoring: a bank, a blueprint and the answers → pillar and overall
//! scores, gated levels, the limiting pillar and the distance to target.
//! The rules, with a worked example, are in `docs/scoring.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Bank, Blueprint, PillarId, Practice, MAX_LEVEL};

/// The share of a pillar's weight that must be at level L or above for the pillar to be at level L.
pub const LEVEL_GATE_SHARE: f64 = 0.75;

/// Float noise tolerance when comparing shares and scores.
const EPSILON: f64 = 1e-9;

/// What a team answered for one practice. An unanswered practice has no `Answer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// A level from 0 (Absent) to 4 (Optimizing).
    Level { level: u8 },
    /// The practice does not apply here, and why.
    NotApplicable { reason: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PillarScore {
    pub id: PillarId,
    /// 0–100, weighted mean of the answered practices; null when none is answered.
    pub score: Option<f64>,
    /// Gated level 0–4; null when not assessed.
    pub level: Option<u8>,
    /// 100 × (1 − weighted gap / weighted target) over the answered practices.
    pub percent_to_target: Option<f64>,
    /// The score the pillar would have with every applicable practice at its target.
    pub target_score: Option<f64>,
    pub answered: u32,
    pub not_applicable: u32,
    pub unanswered: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverallScore {
    /// Plain mean of the assessed pillars' scores.
    pub score: Option<f64>,
    /// The lowest assessed pillar level: the limiting factor sets the level.
    pub level: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scores {
    pub overall: OverallScore,
    pub limiting_pillar: Option<PillarId>,
    pub pillars: Vec<PillarScore>,
}

/// A coach's targets for one component where its blueprint's do not fit:
/// per practice, or for every practice of a pillar. A practice override wins
/// over a pillar override, which wins over the blueprint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TargetOverrides {
    pub practices: BTreeMap<String, u8>,
    pub pillars: BTreeMap<PillarId, u8>,
}

/// Where the target a practice is held to comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetOrigin {
    /// The component's blueprint, as the bank sets it.
    Blueprint,
    /// The coach's override of this practice.
    PracticeOverride,
    /// The coach's override of every practice of the pillar.
    PillarOverride,
}

impl TargetOverrides {
    pub fn target(&self, pillar: PillarId, practice: &Practice, blueprint: Blueprint) -> u8 {
        self.held_target(pillar, practice, blueprint).0
    }

    /// The target a practice is held to, and where it comes from.
    pub fn held_target(
        &self,
        pillar: PillarId,
        practice: &Practice,
        blueprint: Blueprint,
    ) -> (u8, TargetOrigin) {
        if let Some(&level) = self.practices.get(&practice.id) {
            (level, TargetOrigin::PracticeOverride)
        } else if let Some(&level) = self.pillars.get(&pillar) {
            (level, TargetOrigin::PillarOverride)
        } else {
            (practice.target(blueprint), TargetOrigin::Blueprint)
        }
    }
}

/// Scores every pillar of `bank` for a component of `blueprint`.
/// Answers to practices the bank does not have are ignored.
pub fn score(bank: &Bank, blueprint: Blueprint, answers: &BTreeMap<String, Answer>) -> Scores {
    score_with_targets(bank, blueprint, &TargetOverrides::default(), answers)
}

/// As `score`, with the component's target overrides.
pub fn score_with_targets(
    bank: &Bank,
    blueprint: Blueprint,
    overrides: &TargetOverrides,
    answers: &BTreeMap<String, Answer>,
) -> Scores {
    let pillars: Vec<PillarScore> = bank
        .pillars
        .iter()
        .map(|pillar| {
            let target = |practice: &Practice| overrides.target(pillar.id, practice, blueprint);
            pillar_score(pillar.id, &pillar.practices, &target, answers)
        })
        .collect();
    let assessed: Vec<&PillarScore> = pillars.iter().filter(|p| p.score.is_some()).collect();
    let overall = OverallScore {
        score: mean(assessed.iter().filter_map(|p| p.score)),
        level: assessed.iter().filter_map(|p| p.level).min(),
    };
    Scores {
        overall,
        limiting_pillar: limiting_pillar(&assessed),
        pillars,
    }
}

fn pillar_score(
    id: PillarId,
    practices: &[Practice],
    target_of: &dyn Fn(&Practice) -> u8,
    answers: &BTreeMap<String, Answer>,
) -> PillarScore {
    let mut answered: Vec<(f64, u8, u8)> = Vec::new(); // (weight, level, target)
    let (mut not_applicable, mut unanswered) = (0, 0);
    let (mut applicable_weight, mut applicable_target) = (0.0, 0.0);
    for practice in practices {
        let target = target_of(practice);
        match answers.get(&practice.id) {
            Some(Answer::Level { level }) => answered.push((practice.weight, *level, target)),
            Some(Answer::NotApplicable { .. }) => {
                not_applicable += 1;
                continue;
            }
            None => unanswered += 1,
        }
        applicable_weight += practice.weight;
        applicable_target += practice.weight * f64::from(target) / f64::from(MAX_LEVEL);
    }
    let total_weight: f64 = answered.iter().map(|(w, _, _)| w).sum();
    let target_score =
        (applicable_weight > 0.0).then(|| 100.0 * applicable_target / applicable_weight);
    let counts = |score, level, percent_to_target| PillarScore {
        id,
        score,
        level,
        percent_to_target,
        target_score,
        answered: answered.len() as u32,
        not_applicable,
        unanswered,
    };
    if answered.is_empty() {
        return counts(None, None, None);
    }
    let score = 100.0
        * answered
            .iter()
            .map(|(w, level, _)| w * f64::from(*level) / f64::from(MAX_LEVEL))
            .sum::<f64>()
        / total_weight;
    let level = (0..=MAX_LEVEL)
        .rev()
        .find(|&l| {
            let at_or_above: f64 = answered
                .iter()
                .filter(|(_, level, _)| *level >= l)
                .map(|(w, _, _)| w)
                .sum();
            at_or_above / total_weight >= LEVEL_GATE_SHARE - EPSILON
        })
        .unwrap_or(0);
    let weighted_target: f64 = answered.iter().map(|(w, _, t)| w * f64::from(*t)).sum();
    let weighted_gap: f64 = answered
        .iter()
        .map(|(w, l, t)| w * f64::from(gap(*t, *l)))
        .sum();
    let percent_to_target = if weighted_target <= 0.0 {
        100.0
    } else {
        100.0 * (1.0 - weighted_gap / weighted_target)
    };
    counts(Some(score), Some(level), Some(percent_to_target))
}

/// The assessed pillar with the lowest score; ties go to the lower level, then to pillar order.
fn limiting_pillar(assessed: &[&PillarScore]) -> Option<PillarId> {
    let mut best: Option<&PillarScore> = None;
    for candidate in assessed.iter().copied() {
        let replace = match best {
            None => true,
            Some(current) => {
                let (cs, bs) = (candidate.score.unwrap_or(0.0), current.score.unwrap_or(0.0));
                if (cs - bs).abs() > EPSILON {
                    cs < bs
                } else if candidate.level != current.level {
                    candidate.level < current.level
                } else {
                    candidate.id < current.id
                }
            }
        };
        if replace {
            best = Some(candidate);
        }
    }
    best.map(|p| p.id)
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0u32), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// Gap between a practice's target and its answered level (0 when at or above target).
pub fn gap(target: u8, level: u8) -> u8 {
    target.saturating_sub(level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalizedText;
    use crate::test_bank::test_bank;

    /// A practice with the given weight and the same target for every blueprint but I (0).
    fn practice(id: &str, weight: f64, target: u8) -> Practice {
        Practice {
            id: id.to_string(),
            title: LocalizedText::en(id),
            question: LocalizedText::en("?"),
            weight,
            descriptors: (0..5)
                .map(|i| LocalizedText::en(&format!("level {i}")))
                .collect(),
            targets: BTreeMap::from([
                (Blueprint::I, 0),
                (Blueprint::II, target),
                (Blueprint::III, target),
                (Blueprint::IV, target),
            ]),
            ..Practice::default()
        }
    }

    fn level(l: u8) -> Answer {
        Answer::Level { level: l }
    }

    fn na() -> Answer {
        Answer::NotApplicable {
            reason: "no database".into(),
        }
    }

    fn answers(list: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        list.iter()
            .map(|(id, a)| (id.to_string(), a.clone()))
            .collect()
    }

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a value, not null");
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    /// The worked example of docs/scoring.md: weights 1, 1, 2, 1; answers 3, 1, 2, N/A;
    /// blueprint II targets 2, 2, 3, 2.
    fn worked_example() -> Bank {
        test_bank(vec![
            vec![
                practice("m.a", 1.0, 2),
                practice("m.b", 1.0, 2),
                practice("m.c", 2.0, 3),
                practice("m.d", 1.0, 2),
            ],
            vec![practice("a.a", 1.0, 2), practice("a.b", 1.0, 2)],
            vec![practice("g.a", 1.0, 2)],
            vec![practice("o.a", 1.0, 2)],
            vec![practice("s.a", 1.0, 2)],
        ])
    }

    fn worked_answers() -> BTreeMap<String, Answer> {
        answers(&[
            ("m.a", level(3)),
            ("m.b", level(1)),
            ("m.c", level(2)),
            ("m.d", na()),
            ("a.a", level(4)),
            ("a.b", level(0)),
        ])
    }

    #[test]
    fn pillar_score_is_the_weighted_mean_of_answered_levels() {
        let scores = score(&worked_example(), Blueprint::II, &worked_answers());
        let methods = &scores.pillars[0];
        // 100 × (1×3/4 + 1×1/4 + 2×2/4) / (1 + 1 + 2)
        close(methods.score, 50.0);
        assert_eq!(methods.level, Some(2));
        // targets 2, 2, 3: weighted gap 0 + 1 + 2×1 = 3 of weighted target 2 + 2 + 6 = 10
        close(methods.percent_to_target, 70.0);
        // 100 × (1×2/4 + 1×2/4 + 2×3/4) / 4
        close(methods.target_score, 62.5);
        assert_eq!(
            (methods.answered, methods.not_applicable, methods.unanswered),
            (3, 1, 0)
        );
    }

    #[test]
    fn na_answers_are_left_out_of_the_average() {
        let bank = worked_example();
        let mut with_na = worked_answers();
        let without = score(&bank, Blueprint::II, &with_na).pillars[0].clone();
        with_na.remove("m.d");
        let unanswered = score(&bank, Blueprint::II, &with_na).pillars[0].clone();
        assert_eq!(without.score, unanswered.score);
        assert_eq!(unanswered.unanswered, 1);
        assert_eq!(unanswered.not_applicable, 0);
        // but an N/A practice leaves the target profile, an unanswered one does not
        close(without.target_score, 62.5);
        close(
            unanswered.target_score,
            100.0 * (0.5 + 0.5 + 1.5 + 0.5) / 5.0,
        );
    }

    #[test]
    fn a_pillar_without_answers_is_not_assessed_rather_than_zero() {
        let scores = score(&worked_example(), Blueprint::II, &worked_answers());
        let management = &scores.pillars[2];
        assert_eq!(management.score, None);
        assert_eq!(management.level, None);
        assert_eq!(management.percent_to_target, None);
        assert_eq!(management.unanswered, 1);
        // only-N/A is not assessed either
        let only_na = answers(&[("g.a", na())]);
        assert_eq!(
            score(&worked_example(), Blueprint::II, &only_na).pillars[2].score,
            None
        );
    }

    #[test]
    fn overall_is_the_mean_of_assessed_pillars_and_the_lowest_level() {
        let scores = score(&worked_example(), Blueprint::II, &worked_answers());
        // architecture: (4 + 0) / 2 levels → 50 %; level: share ≥ 1 is 0.5 < 0.75 → 0
        close(scores.pillars[1].score, 50.0);
        assert_eq!(scores.pillars[1].level, Some(0));
        close(scores.overall.score, 50.0);
        assert_eq!(scores.overall.level, Some(0));
        // methods and architecture tie at 50 %: the lower level (architecture, 0) limits
        assert_eq!(scores.limiting_pillar, Some(PillarId::Architecture));
    }

    #[test]
    fn limiting_pillar_ties_on_score_and_level_go_to_pillar_order() {
        let bank = worked_example();
        let tied = answers(&[("o.a", level(2)), ("s.a", level(2)), ("g.a", level(3))]);
        let scores = score(&bank, Blueprint::II, &tied);
        assert_eq!(scores.limiting_pillar, Some(PillarId::Organization));
        close(scores.overall.score, (75.0 + 50.0 + 50.0) / 3.0);
        assert_eq!(scores.overall.level, Some(2));
    }

    #[test]
    fn nothing_answered_gives_no_overall_and_no_limiting_pillar() {
        let scores = score(&worked_example(), Blueprint::II, &BTreeMap::new());
        assert_eq!(scores.overall.score, None);
        assert_eq!(scores.overall.level, None);
        assert_eq!(scores.limiting_pillar, None);
    }

    #[test]
    fn the_level_gate_needs_three_quarters_of_the_weight() {
        let bank = test_bank(vec![
            vec![
                practice("m.a", 1.0, 2),
                practice("m.b", 1.0, 2),
                practice("m.c", 1.0, 2),
                practice("m.d", 3.0, 2),
            ],
            vec![],
            vec![],
            vec![],
            vec![],
        ]);
        // 3 of weight 6 at level 4, the heavy one at 1: share ≥ 2 is 0.5 → level 1
        let a = answers(&[
            ("m.a", level(4)),
            ("m.b", level(4)),
            ("m.c", level(4)),
            ("m.d", level(1)),
        ]);
        assert_eq!(score(&bank, Blueprint::II, &a).pillars[0].level, Some(1));
        // the heavy one at 4 and one light at 0: share ≥ 4 is 5/6 ≥ 0.75 → level 4
        let b = answers(&[
            ("m.a", level(0)),
            ("m.b", level(4)),
            ("m.c", level(4)),
            ("m.d", level(4)),
        ]);
        assert_eq!(score(&bank, Blueprint::II, &b).pillars[0].level, Some(4));
    }

    #[test]
    fn a_zero_target_means_the_pillar_is_fully_at_target() {
        // blueprint I has every target at 0 in these tests
        let scores = score(&worked_example(), Blueprint::I, &worked_answers());
        close(scores.pillars[0].percent_to_target, 100.0);
        close(scores.pillars[0].target_score, 0.0);
    }

    #[test]
    fn practice_overrides_win_over_pillar_overrides_and_the_blueprint() {
        let bank = worked_example();
        let mut overrides = TargetOverrides::default();
        overrides.pillars.insert(PillarId::Methods, 4);
        overrides.practices.insert("m.c".into(), 2);
        let scores = score_with_targets(&bank, Blueprint::II, &overrides, &worked_answers());
        // targets now 4, 4, 2 for answers 3, 1, 2: gaps 1 + 3 + 0 of weighted target 4 + 4 + 2×2
        close(
            scores.pillars[0].percent_to_target,
            100.0 * (1.0 - 4.0 / 12.0),
        );
        // other pillars keep their blueprint targets
        assert_eq!(
            scores.pillars[1],
            score(&bank, Blueprint::II, &worked_answers()).pillars[1]
        );
    }

    #[test]
    fn levels_above_target_do_not_offset_gaps_elsewhere() {
        let bank = worked_example();
        let a = answers(&[("a.a", level(4)), ("a.b", level(1))]);
        // targets 2 and 2: the surplus of a.a does not count; gap 1 of 4
        close(
            score(&bank, Blueprint::II, &a).pillars[1].percent_to_target,
            75.0,
        );
    }
}
