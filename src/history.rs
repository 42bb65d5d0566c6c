//! Pure comparison of two assessments of one component (practice by practice,
//! pillar by pillar, overall), the trend of its scores over time, and the
//! trend of a group of components or of the organisation.
//!
//! The two assessments may be pinned to different bank versions: practices are
//! matched by id, and pillars by pillar id.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::AssessmentView;
use crate::model::PillarId;
use crate::scoring::{Answer, PillarScore, Scores};

/// Float noise tolerance when comparing scores (as in scoring).
const EPSILON: f64 = 1e-9;

/// One practice present in both banks, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeDelta {
    pub practice_id: String,
    /// The earlier answer; null when unanswered.
    pub from: Option<Answer>,
    /// The later answer; null when unanswered.
    pub to: Option<Answer>,
    /// Later level − earlier level; null unless both answers are levels.
    pub delta: Option<i8>,
}

/// One pillar, before and after. Scores are 0–100, levels 0–4; null = not assessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PillarDelta {
    pub id: PillarId,
    pub from_score: Option<f64>,
    pub to_score: Option<f64>,
    /// to_score − from_score; null unless both are assessed.
    pub delta: Option<f64>,
    pub from_level: Option<u8>,
    pub to_level: Option<u8>,
    /// (to_score − from_score) / (target − from_score), with target the later
    /// assessment's target score: 0.5 = half way, 1 = reached, above 1 = beyond,
    /// negative = moved away. Null when a score or the target is missing, or when
    /// the earlier score was already at or above the target (nothing to progress toward).
    pub progress_to_target: Option<f64>,
}

/// The overall figures, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverallDelta {
    pub from_score: Option<f64>,
    pub to_score: Option<f64>,
    /// to_score − from_score; null unless both exist.
    pub delta: Option<f64>,
    pub from_level: Option<u8>,
    pub to_level: Option<u8>,
}

/// What changed between two assessments of one component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Comparison {
    /// Practices present in both banks, in the later bank's order.
    pub practices: Vec<PracticeDelta>,
    /// Practice ids whose level went up (both answers are levels), in the later bank's order.
    pub gained: Vec<String>,
    /// Practice ids whose level went down, in the later bank's order.
    pub lost: Vec<String>,
    /// Practice ids of the earlier bank only, in its order.
    pub only_in_from: Vec<String>,
    /// Practice ids of the later bank only, in its order.
    pub only_in_to: Vec<String>,
    /// The five pillars, in pillar order.
    pub pillars: Vec<PillarDelta>,
    pub overall: OverallDelta,
}

/// One assessment's scores at a date, for a trend chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrendPoint {
    pub date: String,
    pub overall: Option<f64>,
    /// The five pillar scores in pillar order; null = not assessed.
    pub pillars: Vec<Option<f64>>,
}

/// How a group trend gathers assessment dates into points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendPeriod {
    /// One point per day on which an assessment was held.
    Date,
    /// One point per calendar quarter in which an assessment was held.
    Quarter,
}

impl TrendPeriod {
    /// `2026-03-20` by date, `2026-Q1` by quarter.
    fn label(self, date: NaiveDate) -> String {
        match self {
            TrendPeriod::Date => date.to_string(),
            TrendPeriod::Quarter => format!("{}-Q{}", date.year(), date.month0() / 3 + 1),
        }
    }
}

/// One point of the trend of a group of components or of the organisation:
/// the roll-up of each component's latest assessment as of `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupTrendPoint {
    /// The date (YYYY-MM-DD) or quarter (YYYY-Qn) of the point.
    pub period: String,
    /// The last assessment date of the period, YYYY-MM-DD: the figures are as of that day.
    pub as_of: String,
    /// Components with an assessment held on or before `as_of`.
    pub components: u32,
    /// Those whose latest assessment has an overall score.
    pub assessed: u32,
    /// Plain mean of their overall scores; null when none has one.
    pub overall: Option<f64>,
    /// Per pillar, in pillar order: the mean of the pillar scores of the components
    /// where it is assessed (as `rollup`); null when none has it assessed.
    pub pillars: Vec<Option<f64>>,
}

/// The trend of several components, from their assessments given as
/// `(component id, date, scores)`. A point per period that holds an assessment,
/// oldest first; each rolls up, for every component assessed by then, its
/// latest assessment as of the period's last assessment date. Two assessments
/// of one component on the same day: the one given later counts.
pub fn group_trend(
    assessments: &[(i64, NaiveDate, &Scores)],
    period: TrendPeriod,
) -> Vec<GroupTrendPoint> {
    let mut by_date: Vec<&(i64, NaiveDate, &Scores)> = assessments.iter().collect();
    // Stable: the same day keeps the order given.
    by_date.sort_by_key(|(_, date, _)| *date);
    let mut latest: BTreeMap<i64, &Scores> = BTreeMap::new();
    let mut points = Vec::new();
    for (i, (component, date, scores)) in by_date.iter().enumerate() {
        latest.insert(*component, scores);
        let label = period.label(*date);
        let period_ends = by_date
            .get(i + 1)
            .is_none_or(|(_, next, _)| period.label(*next) != label);
        if period_ends {
            points.push(group_point(label, *date, &latest));
        }
    }
    points
}

fn group_point(
    period: String,
    as_of: NaiveDate,
    latest: &BTreeMap<i64, &Scores>,
) -> GroupTrendPoint {
    let entries: Vec<(&str, Option<&Scores>)> = latest.values().map(|s| ("", Some(*s))).collect();
    let rollup = crate::rollup::rollup(&entries);
    let overall: Vec<f64> = latest.values().filter_map(|s| s.overall.score).collect();
    GroupTrendPoint {
        period,
        as_of: as_of.to_string(),
        components: rollup.components,
        assessed: rollup.assessed,
        overall: (!overall.is_empty()).then(|| overall.iter().sum::<f64>() / overall.len() as f64),
        pillars: rollup.pillars.iter().map(|p| p.mean).collect(),
    }
}

/// Compares an earlier assessment (`from`) with a later one (`to`) of the same component.
pub fn compare(from: &AssessmentView, to: &AssessmentView) -> Comparison {
    let (from_answers, to_answers) = (from.answer_map(), to.answer_map());
    let ids = |view: &AssessmentView| -> Vec<String> {
        view.bank.practices().map(|(_, p)| p.id.clone()).collect()
    };
    let (from_ids, to_ids) = (ids(from), ids(to));
    let from_set: BTreeSet<&str> = from_ids.iter().map(String::as_str).collect();
    let to_set: BTreeSet<&str> = to_ids.iter().map(String::as_str).collect();

    let practices: Vec<PracticeDelta> = to_ids
        .iter()
        .filter(|id| from_set.contains(id.as_str()))
        .map(|id| practice_delta(id, &from_answers, &to_answers))
        .collect();
    let with_delta = |keep: fn(i8) -> bool| -> Vec<String> {
        practices
            .iter()
            .filter(|p| p.delta.is_some_and(keep))
            .map(|p| p.practice_id.clone())
            .collect()
    };
    let gained = with_delta(|d| d > 0);
    let lost = with_delta(|d| d < 0);
    let only_in_from = from_ids
        .iter()
        .filter(|id| !to_set.contains(id.as_str()))
        .cloned()
        .collect();
    let only_in_to = to_ids
        .iter()
        .filter(|id| !from_set.contains(id.as_str()))
        .cloned()
        .collect();

    let pillars = PillarId::ALL
        .iter()
        .map(|&id| pillar_delta(id, &from.scores, &to.scores))
        .collect();
    let (f, t) = (&from.scores.overall, &to.scores.overall);
    let overall = OverallDelta {
        from_score: f.score,
        to_score: t.score,
        delta: difference(f.score, t.score),
        from_level: f.level,
        to_level: t.level,
    };
    Comparison {
        practices,
        gained,
        lost,
        only_in_from,
        only_in_to,
        pillars,
        overall,
    }
}

/// The overall and pillar scores of successive assessments, given as
/// `(date, scores)`, in the order given (the caller sorts).
pub fn trend(assessments: &[(&str, &Scores)]) -> Vec<TrendPoint> {
    assessments
        .iter()
        .map(|(date, scores)| TrendPoint {
            date: (*date).to_string(),
            overall: scores.overall.score,
            pillars: PillarId::ALL
                .iter()
                .map(|&id| pillar_of(scores, id).and_then(|p| p.score))
                .collect(),
        })
        .collect()
}

/// A workshop in a component's history, as the default comparison reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldWorkshop {
    pub id: i64,
    /// The workshop this one is a conflicting version of (left by an import).
    pub conflict_of: Option<i64>,
}

/// The two workshops of a comparison: `from` the earlier, `to` the later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct WorkshopPair {
    pub from: i64,
    pub to: i64,
}

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairSide {
    From,
    To,
}

impl PairSide {
    /// The CLI option that chooses this side, as error messages name it.
    pub fn option(self) -> &'static str {
        match self {
            PairSide::From => "--from",
            PairSide::To => "--to",
        }
    }
}

/// Why a component's workshops give no pair to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPair {
    /// The chosen workshop is not one of the component's.
    NotOfComponent { side: PairSide, id: i64 },
    /// Nothing to fall back on: no workshop at all for `to`, none held before `to` for `from`.
    NoDefault { side: PairSide },
}

impl NoPair {
    /// The error a coach reads, naming the component and its workshops.
    pub fn into_error(self, component: &str, held: &[HeldWorkshop]) -> crate::Error {
        match self {
            NoPair::NotOfComponent { side, id } => {
                let ids: Vec<i64> = held.iter().map(|w| w.id).collect();
                crate::Error::not_found(
                    side.option(),
                    format!("workshop {id} is not a workshop of {component:?}; its workshops are {ids:?}"),
                )
            }
            NoPair::NoDefault { side } => crate::Error::invalid(
                side.option(),
                format!("{component:?} has only one workshop; start another with `mamos workshop start`"),
            ),
        }
    }
}

/// The two workshops to compare, from a component's workshops in the order
/// held (conflicting versions included, each after the workshop it conflicts
/// with) and the ids chosen, if any. Any two of its workshops compare; by
/// default `to` is the current workshop and `from` the one held just before
/// `to` or, when `to` is a conflicting version, the workshop it conflicts with.
pub fn comparison_pair(
    held: &[HeldWorkshop],
    from: Option<i64>,
    to: Option<i64>,
) -> Result<WorkshopPair, NoPair> {
    let chosen = |side, id| match held.iter().position(|w| w.id == id) {
        Some(index) => Ok(index),
        None => Err(NoPair::NotOfComponent { side, id }),
    };
    let to = match to {
        Some(id) => chosen(PairSide::To, id)?,
        None => held
            .iter()
            .rposition(|w| w.conflict_of.is_none())
            .ok_or(NoPair::NoDefault { side: PairSide::To })?,
    };
    let from = match from {
        Some(id) => held[chosen(PairSide::From, id)?].id,
        None => match held[to].conflict_of {
            Some(original) => original,
            None => held[..to]
                .iter()
                .rfind(|w| w.conflict_of.is_none())
                .map(|w| w.id)
                .ok_or(NoPair::NoDefault {
                    side: PairSide::From,
                })?,
        },
    };
    Ok(WorkshopPair {
        from,
        to: held[to].id,
    })
}

fn practice_delta(
    id: &str,
    from: &BTreeMap<String, Answer>,
    to: &BTreeMap<String, Answer>,
) -> PracticeDelta {
    let (from, to) = (from.get(id).cloned(), to.get(id).cloned());
    let delta = match (&from, &to) {
        (Some(Answer::Level { level: f }), Some(Answer::Level { level: t })) => {
            i8::try_from(i16::from(*t) - i16::from(*f)).ok()
        }
        _ => None,
    };
    PracticeDelta {
        practice_id: id.to_string(),
        from,
        to,
        delta,
    }
}

fn pillar_delta(id: PillarId, from: &Scores, to: &Scores) -> PillarDelta {
    let (f, t) = (pillar_of(from, id), pillar_of(to, id));
    let from_score = f.and_then(|p| p.score);
    let to_score = t.and_then(|p| p.score);
    let target = t.and_then(|p| p.target_score);
    let progress_to_target = match (from_score, to_score, target) {
        (Some(f), Some(t), Some(target)) if target - f > EPSILON => Some((t - f) / (target - f)),
        _ => None,
    };
    PillarDelta {
        id,
        from_score,
        to_score,
        delta: difference(from_score, to_score),
        from_level: f.and_then(|p| p.level),
        to_level: t.and_then(|p| p.level),
        progress_to_target,
    }
}

fn difference(from: Option<f64>, to: Option<f64>) -> Option<f64> {
    from.zip(to).map(|(f, t)| t - f)
}

fn pillar_of(scores: &Scores, id: PillarId) -> Option<&PillarScore> {
    scores.pillars.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A history of workshops 3, 7, 9 where 8 is another coach's version of 7.
    fn held_with_a_conflict() -> Vec<HeldWorkshop> {
        let held = |id, conflict_of| HeldWorkshop { id, conflict_of };
        vec![
            held(3, None),
            held(7, None),
            held(8, Some(7)),
            held(9, None),
        ]
    }

    #[test]
    fn by_default_the_current_workshop_is_compared_with_the_one_held_before() {
        let held = held_with_a_conflict();
        assert_eq!(
            comparison_pair(&held, None, None),
            Ok(WorkshopPair { from: 7, to: 9 })
        );
        assert_eq!(
            comparison_pair(&held, None, Some(7)),
            Ok(WorkshopPair { from: 3, to: 7 })
        );
    }

    #[test]
    fn a_conflicting_version_is_compared_with_the_workshop_it_conflicts_with() {
        let held = held_with_a_conflict();
        assert_eq!(
            comparison_pair(&held, None, Some(8)),
            Ok(WorkshopPair { from: 7, to: 8 })
        );
        // Conflicting versions are not the history: the one before 9 is 7.
        assert_eq!(
            comparison_pair(&held, None, Some(9)),
            Ok(WorkshopPair { from: 7, to: 9 })
        );
    }

    #[test]
    fn any_two_workshops_of_the_component_compare_when_chosen() {
        let held = held_with_a_conflict();
        assert_eq!(
            comparison_pair(&held, Some(9), Some(3)),
            Ok(WorkshopPair { from: 9, to: 3 })
        );
        assert_eq!(
            comparison_pair(&held, Some(8), None),
            Ok(WorkshopPair { from: 8, to: 9 })
        );
    }

    #[test]
    fn there_is_no_pair_without_an_earlier_workshop_or_with_a_stranger() {
        let held = held_with_a_conflict();
        let first_alone = comparison_pair(&held[..1], None, None);
        assert_eq!(
            first_alone,
            Err(NoPair::NoDefault {
                side: PairSide::From
            })
        );
        assert_eq!(
            comparison_pair(&[], None, None),
            Err(NoPair::NoDefault { side: PairSide::To })
        );
        let stranger = comparison_pair(&held, Some(4), None);
        assert_eq!(
            stranger,
            Err(NoPair::NotOfComponent {
                side: PairSide::From,
                id: 4
            })
        );
        assert_eq!(
            stranger
                .unwrap_err()
                .into_error("Payments", &held)
                .to_string(),
            "--from: workshop 4 is not a workshop of \"Payments\"; its workshops are [3, 7, 8, 9]"
        );
        assert_eq!(
            first_alone
                .unwrap_err()
                .into_error("Payments", &held)
                .to_string(),
            "--from: \"Payments\" has only one workshop; start another with `mamos workshop start`"
        );
    }
    use crate::assessment::{Component, PracticeAnswer};
    use crate::model::{Bank, Blueprint, LocalizedText, Practice};
    use crate::test_bank::test_bank;

    /// A practice of weight 1 with the same target for every blueprint.
    fn practice(id: &str, target: u8) -> Practice {
        Practice {
            id: id.to_string(),
            title: LocalizedText::en(id),
            question: LocalizedText::en("?"),
            weight: 1.0,
            descriptors: (0..5)
                .map(|i| LocalizedText::en(&format!("level {i}")))
                .collect(),
            targets: Blueprint::ALL.iter().map(|&b| (b, target)).collect(),
            ..Practice::default()
        }
    }

    /// A bank whose pillar `i` holds the practices `(id, target)` of `pillars[i]`.
    fn bank(version: &str, pillars: [&[(&str, u8)]; 5]) -> Bank {
        let practices = pillars.iter().map(|list| {
            list.iter()
                .map(|(id, target)| practice(id, *target))
                .collect()
        });
        Bank {
            version: version.into(),
            ..test_bank(practices.collect())
        }
    }

    fn level(l: u8) -> Option<Answer> {
        Some(Answer::Level { level: l })
    }

    fn na() -> Option<Answer> {
        Some(Answer::NotApplicable {
            reason: "does not apply".into(),
        })
    }

    /// An assessment of one component (blueprint II) with `bank` and `answers`.
    fn view(bank: Bank, answers: &[(&str, Option<Answer>)]) -> AssessmentView {
        let component = Component {
            id: 1,
            name: "payments".into(),
            blueprint: Blueprint::II,
            bank_id: bank.id.clone(),
            bank_version: bank.version.clone(),
            created_at: "2024-01-01T00:00:00Z".into(),
            answered: answers.iter().filter(|(_, a)| a.is_some()).count() as u32,
            total: bank.practice_count() as u32,
        };
        let recorded = answers
            .iter()
            .map(|(id, answer)| PracticeAnswer {
                practice_id: id.to_string(),
                answer: answer.clone(),
                note: String::new(),
            })
            .collect();
        AssessmentView::new(component, bank, recorded)
    }

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a value, not null");
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// Bank 1 has `m.old`, bank 2 drops it and adds `m.new` (first in its pillar).
    /// Every target is 2, so every target score is 50 %.
    fn two_versions() -> Comparison {
        let v1 = bank(
            "1",
            [
                &[("m.a", 2), ("m.b", 2), ("m.old", 2)],
                &[("a.a", 2)],
                &[("g.a", 2)],
                &[("o.a", 2)],
                &[("s.a", 2)],
            ],
        );
        let v2 = bank(
            "2",
            [
                &[("m.new", 2), ("m.a", 2), ("m.b", 2)],
                &[("a.a", 2)],
                &[("g.a", 2)],
                &[("o.a", 2)],
                &[("s.a", 2)],
            ],
        );
        let from = view(
            v1,
            &[
                ("m.a", level(1)),
                ("m.b", level(3)),
                ("m.old", level(2)),
                ("a.a", na()),
                ("g.a", level(2)),
                ("o.a", level(2)),
                // s.a has a note only
                ("s.a", None),
            ],
        );
        let to = view(
            v2,
            &[
                ("m.new", level(4)),
                ("m.a", level(3)),
                ("m.b", level(2)),
                ("a.a", level(3)),
                ("g.a", na()),
                ("o.a", level(2)),
                ("s.a", level(1)),
            ],
        );
        compare(&from, &to)
    }

    #[test]
    fn practices_in_both_banks_are_compared_in_the_later_banks_order() {
        let c = two_versions();
        let expected = vec![
            // a level gained, by 2
            PracticeDelta {
                practice_id: "m.a".into(),
                from: level(1),
                to: level(3),
                delta: Some(2),
            },
            // a level lost
            PracticeDelta {
                practice_id: "m.b".into(),
                from: level(3),
                to: level(2),
                delta: Some(-1),
            },
            // N/A before: no delta
            PracticeDelta {
                practice_id: "a.a".into(),
                from: na(),
                to: level(3),
                delta: None,
            },
            // N/A after: no delta
            PracticeDelta {
                practice_id: "g.a".into(),
                from: level(2),
                to: na(),
                delta: None,
            },
            PracticeDelta {
                practice_id: "o.a".into(),
                from: level(2),
                to: level(2),
                delta: Some(0),
            },
            // unanswered before: no delta
            PracticeDelta {
                practice_id: "s.a".into(),
                from: None,
                to: level(1),
                delta: None,
            },
        ];
        assert_eq!(c.practices, expected);
    }

    #[test]
    fn gained_and_lost_need_a_level_on_both_sides() {
        let c = two_versions();
        assert_eq!(c.gained, strings(&["m.a"]));
        assert_eq!(c.lost, strings(&["m.b"]));
    }

    #[test]
    fn practices_of_one_bank_only_are_listed_apart() {
        let c = two_versions();
        assert_eq!(c.only_in_from, strings(&["m.old"]));
        assert_eq!(c.only_in_to, strings(&["m.new"]));
        assert!(c.practices.iter().all(|p| p.practice_id != "m.old"));
        assert!(c.practices.iter().all(|p| p.practice_id != "m.new"));
    }

    #[test]
    fn pillars_compare_each_assessments_own_scores() {
        let c = two_versions();
        let ids: Vec<PillarId> = c.pillars.iter().map(|p| p.id).collect();
        assert_eq!(ids, PillarId::ALL.to_vec());

        // methods: before 1, 3, 2 → 100 × 6/4 / 3 = 50 %, level 1 (2/3 of the weight at ≥ 2);
        // after 4, 3, 2 (m.old gone, m.new in) → 100 × 9/4 / 3 = 75 %, level 2
        let methods = &c.pillars[0];
        close(methods.from_score, 50.0);
        close(methods.to_score, 75.0);
        close(methods.delta, 25.0);
        assert_eq!((methods.from_level, methods.to_level), (Some(1), Some(2)));
        // already at the 50 % target before: no progress figure
        assert_eq!(methods.progress_to_target, None);

        // architecture: only N/A before, so not assessed; 3 → 75 % after
        let architecture = &c.pillars[1];
        assert_eq!(architecture.from_score, None);
        close(architecture.to_score, 75.0);
        assert_eq!(architecture.delta, None);
        assert_eq!(
            (architecture.from_level, architecture.to_level),
            (None, Some(3))
        );
        assert_eq!(architecture.progress_to_target, None);

        // management: 2 → 50 % before, only N/A after (no score, no target)
        let management = &c.pillars[2];
        close(management.from_score, 50.0);
        assert_eq!(management.to_score, None);
        assert_eq!(management.delta, None);
        assert_eq!(management.progress_to_target, None);

        // organization unchanged at 50 %
        let organization = &c.pillars[3];
        close(organization.delta, 0.0);
        assert_eq!(organization.progress_to_target, None);

        // skills: nothing answered before (a note only), 1 → 25 % after
        let skills = &c.pillars[4];
        assert_eq!(skills.from_score, None);
        close(skills.to_score, 25.0);
        assert_eq!((skills.from_level, skills.to_level), (None, Some(1)));
    }

    #[test]
    fn overall_compares_the_means_of_the_assessed_pillars() {
        let c = two_versions();
        // before: methods 50, management 50, organization 50 → 50; levels 1, 2, 2 → 1
        // after: methods 75, architecture 75, organization 50, skills 25 → 225 / 4;
        // levels 2, 3, 2, 1 → 1
        assert_eq!(
            c.overall,
            OverallDelta {
                from_score: Some(50.0),
                to_score: Some(56.25),
                delta: Some(6.25),
                from_level: Some(1),
                to_level: Some(1),
            }
        );
    }

    /// Same bank both times, one pillar per progress case.
    fn progress() -> Comparison {
        let v1 = || {
            bank(
                "1",
                [
                    // target score 75
                    &[("m.a", 3), ("m.b", 3)],
                    // target score 50
                    &[("a.a", 2), ("a.b", 2)],
                    // target score 100
                    &[("g.a", 4)],
                    // target score 25
                    &[("o.a", 1)],
                    // target score 75
                    &[("s.a", 3)],
                ],
            )
        };
        let from = view(
            v1(),
            &[
                ("m.a", level(1)),
                ("m.b", level(1)),
                ("a.a", level(2)),
                ("a.b", level(2)),
                ("g.a", level(0)),
                ("o.a", level(2)),
                ("s.a", level(1)),
            ],
        );
        let to = view(
            v1(),
            &[
                ("m.a", level(2)),
                ("m.b", level(2)),
                ("a.a", level(3)),
                ("a.b", level(3)),
                ("g.a", level(4)),
                ("o.a", level(1)),
                ("s.a", level(0)),
            ],
        );
        compare(&from, &to)
    }

    #[test]
    fn progress_half_way_to_target() {
        // methods 25 % → 50 % with target 75 %: (50 − 25) / (75 − 25)
        let methods = &progress().pillars[0];
        close(methods.from_score, 25.0);
        close(methods.to_score, 50.0);
        close(methods.progress_to_target, 0.5);
    }

    #[test]
    fn progress_is_null_when_the_target_was_already_reached() {
        let c = progress();
        // architecture at its 50 % target before, 75 % after
        close(c.pillars[1].from_score, 50.0);
        close(c.pillars[1].delta, 25.0);
        assert_eq!(c.pillars[1].progress_to_target, None);
        // organization above its 25 % target before (50 %), at it after
        close(c.pillars[3].delta, -25.0);
        assert_eq!(c.pillars[3].progress_to_target, None);
    }

    #[test]
    fn progress_reaching_the_target_is_one_and_moving_away_is_negative() {
        let c = progress();
        // management 0 → 100 % with target 100 %
        close(c.pillars[2].progress_to_target, 1.0);
        // skills 25 → 0 % with target 75 %: (0 − 25) / (75 − 25)
        close(c.pillars[4].progress_to_target, -0.5);
        assert_eq!(c.gained, strings(&["m.a", "m.b", "a.a", "a.b", "g.a"]));
        assert_eq!(c.lost, strings(&["o.a", "s.a"]));
        assert!(c.only_in_from.is_empty() && c.only_in_to.is_empty());
    }

    #[test]
    fn progress_is_measured_against_the_later_assessments_target() {
        // bank 2 raises the methods target from 2 (50 %) to 4 (100 %)
        let v1 = bank("1", [&[("m.a", 2)], &[], &[], &[], &[]]);
        let v2 = bank("2", [&[("m.a", 4)], &[], &[], &[], &[]]);
        let from = view(v1, &[("m.a", level(2))]);
        let to = view(v2, &[("m.a", level(3))]);
        let methods = &compare(&from, &to).pillars[0];
        // 50 → 75 toward 100: half way; against the old 50 % target it would be null
        close(methods.progress_to_target, 0.5);
    }

    #[test]
    fn trend_keeps_the_given_order_and_leaves_unassessed_pillars_null() {
        let b = bank("1", [&[("m.a", 2)], &[("a.a", 2)], &[("g.a", 2)], &[], &[]]);
        let first = view(b.clone(), &[("m.a", level(1))]).scores;
        let second = view(b.clone(), &[("m.a", level(2)), ("a.a", level(4))]).scores;
        let third = view(b, &[]).scores;
        let points = trend(&[
            ("2024-06-01", &second),
            ("2024-01-15", &first),
            ("2024-09-30", &third),
        ]);
        assert_eq!(
            points,
            vec![
                TrendPoint {
                    date: "2024-06-01".into(),
                    overall: Some(75.0),
                    pillars: vec![Some(50.0), Some(100.0), None, None, None],
                },
                TrendPoint {
                    date: "2024-01-15".into(),
                    overall: Some(25.0),
                    pillars: vec![Some(25.0), None, None, None, None],
                },
                TrendPoint {
                    date: "2024-09-30".into(),
                    overall: None,
                    pillars: vec![None; 5],
                },
            ]
        );
        assert!(trend(&[]).is_empty());
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Components 1 (A), 2 (B) and 3 (C); one practice per pillar, so a pillar
    /// score is 25 × the level. Given out of date order; A twice on 2026-01-10.
    fn organisation() -> [Scores; 5] {
        let b = bank("1", [&[("m.a", 2)], &[("a.a", 2)], &[("g.a", 2)], &[], &[]]);
        [
            view(b.clone(), &[("m.a", level(4))]).scores, // B on 02-20: 100
            view(b.clone(), &[("m.a", level(0)), ("a.a", level(0))]).scores, // A on 01-10, replaced the same day
            view(b.clone(), &[("m.a", level(1)), ("a.a", level(3))]).scores, // A on 01-10: 25, 75
            view(b.clone(), &[("m.a", level(2)), ("a.a", level(3))]).scores, // A on 02-20: 50, 75
            view(b, &[]).scores, // C on 04-02: nothing answered
        ]
    }

    fn given(s: &[Scores; 5]) -> Vec<(i64, NaiveDate, &Scores)> {
        vec![
            (2, day("2026-02-20"), &s[0]),
            (1, day("2026-01-10"), &s[1]),
            (1, day("2026-01-10"), &s[2]),
            (1, day("2026-02-20"), &s[3]),
            (3, day("2026-04-02"), &s[4]),
        ]
    }

    fn point(
        period: &str,
        as_of: &str,
        counts: (u32, u32),
        overall: Option<f64>,
        pillars: [Option<f64>; 5],
    ) -> GroupTrendPoint {
        GroupTrendPoint {
            period: period.into(),
            as_of: as_of.into(),
            components: counts.0,
            assessed: counts.1,
            overall,
            pillars: pillars.to_vec(),
        }
    }

    #[test]
    fn group_trend_by_date_rolls_up_each_components_latest_assessment() {
        let s = organisation();
        let both = [Some(75.0), Some(75.0), None, None, None];
        assert_eq!(
            group_trend(&given(&s), TrendPeriod::Date),
            vec![
                // Only A, its second assessment of the day: (25 + 75) / 2.
                point(
                    "2026-01-10",
                    "2026-01-10",
                    (1, 1),
                    Some(50.0),
                    [Some(25.0), Some(75.0), None, None, None]
                ),
                // A (62.5) and B (100): methods (50 + 100) / 2, architecture A's alone.
                point("2026-02-20", "2026-02-20", (2, 2), Some(81.25), both),
                // C counts as a component but, not assessed, not as a zero.
                point("2026-04-02", "2026-04-02", (3, 2), Some(81.25), both),
            ]
        );
        assert!(group_trend(&[], TrendPeriod::Date).is_empty());
    }

    #[test]
    fn group_trend_by_quarter_takes_the_figures_at_the_quarters_last_assessment() {
        let s = organisation();
        let both = [Some(75.0), Some(75.0), None, None, None];
        assert_eq!(
            group_trend(&given(&s), TrendPeriod::Quarter),
            vec![
                point("2026-Q1", "2026-02-20", (2, 2), Some(81.25), both),
                point("2026-Q2", "2026-04-02", (3, 2), Some(81.25), both),
            ]
        );
        let labels: Vec<String> = ["2025-12-31", "2026-01-01", "2026-06-30", "2026-10-01"]
            .iter()
            .map(|d| TrendPeriod::Quarter.label(day(d)))
            .collect();
        assert_eq!(labels, ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q4"]);
    }
}
