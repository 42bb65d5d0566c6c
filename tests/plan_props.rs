//! Properties every generated plan must have, on random banks (random
//! weights, efforts, impacts, targets and acyclic dependencies), random
//! answers, DORA metrics, start dates and options: dependencies respected,
//! nothing past day 90, the same inputs give the same plan, priorities ordered.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use mamos::dora::{DoraMetrics, FrequencyBand, TimeBand};
use mamos::model::{
    Bank, Blueprint, Impact, Improvement, LocalizedText, Owner, PillarId, Practice,
};
use mamos::plan::{generate_plan, Plan, PlanInputs, PlanOptions, PLAN_WEEKS};
use mamos::scoring::{score, Answer, TargetOverrides};
use proptest::prelude::*;

use common::bank::test_bank;

/// What one random practice is made of.
#[derive(Debug, Clone)]
struct PracticeSpec {
    pillar: usize,
    weight: f64,
    effort: u8,
    quality: u8,
    speed: u8,
    target: u8,
    /// Indices of earlier practices it depends on (earlier only: no cycle).
    depends_on: Vec<usize>,
    /// None = unanswered, Some(None) = N/A, Some(Some(level)).
    answer: Option<Option<u8>>,
}

fn practice_spec(index: usize) -> impl Strategy<Value = PracticeSpec> {
    (
        0..5usize,
        prop::sample::select(vec![0.5, 1.0, 1.5, 2.0]),
        1..=5u8,
        1..=5u8,
        1..=5u8,
        0..=4u8,
        prop::collection::vec(0..index.max(1), 0..3),
        prop_oneof![
            1 => Just(None),
            1 => Just(Some(None)),
            6 => (0..=4u8).prop_map(|l| Some(Some(l))),
        ],
    )
        .prop_map(
            move |(pillar, weight, effort, quality, speed, target, deps, answer)| PracticeSpec {
                pillar,
                weight,
                effort,
                quality,
                speed,
                target,
                depends_on: if index == 0 {
                    Vec::new()
                } else {
                    deps.into_iter()
                        .collect::<BTreeSet<_>>()
                        .into_iter()
                        .collect()
                },
                answer,
            },
        )
}

fn specs() -> impl Strategy<Value = Vec<PracticeSpec>> {
    (1..24usize).prop_flat_map(|n| (0..n).map(practice_spec).collect::<Vec<_>>())
}

fn build(specs: &[PracticeSpec]) -> (Bank, BTreeMap<String, Answer>) {
    let id = |i: usize| format!("{}.p{i}", PillarId::ALL[specs[i].pillar]);
    let mut practices: Vec<Vec<Practice>> = vec![Vec::new(); PillarId::ALL.len()];
    let mut answers = BTreeMap::new();
    for (i, spec) in specs.iter().enumerate() {
        practices[spec.pillar].push(Practice {
            id: id(i),
            title: LocalizedText::en(&id(i)),
            question: LocalizedText::en("?"),
            weight: spec.weight,
            descriptors: (0..5).map(|l| LocalizedText::en(&format!("{l}"))).collect(),
            targets: Blueprint::ALL.iter().map(|b| (*b, spec.target)).collect(),
            improve: (0..4)
                .map(|from| Improvement {
                    from,
                    owner: Owner::ALL[(i + usize::from(from)) % 5],
                    action: LocalizedText::en(&format!("step {from}")),
                })
                .collect(),
            effort: Some(spec.effort),
            impact: Some(Impact {
                quality: spec.quality,
                speed: spec.speed,
            }),
            depends_on: spec.depends_on.iter().map(|d| id(*d)).collect(),
            ..Practice::default()
        });
        match spec.answer {
            None => {}
            Some(None) => {
                answers.insert(
                    id(i),
                    Answer::NotApplicable {
                        reason: "n/a".into(),
                    },
                );
            }
            Some(Some(level)) => {
                answers.insert(id(i), Answer::Level { level });
            }
        }
    }
    (test_bank(practices), answers)
}

fn dora() -> impl Strategy<Value = Option<DoraMetrics>> {
    prop::option::of(
        (
            prop::option::of(prop::sample::select(TimeBand::ALL.to_vec())),
            prop::option::of(prop::sample::select(FrequencyBand::ALL.to_vec())),
            prop::option::of(prop::sample::select(TimeBand::ALL.to_vec())),
        )
            .prop_map(|(lead_time, deploy_frequency, recovery)| DoraMetrics {
                lead_time,
                deploy_frequency,
                recovery,
                ..DoraMetrics::default()
            }),
    )
}

fn start() -> impl Strategy<Value = NaiveDate> {
    (0u64..3650).prop_map(|d| {
        NaiveDate::from_ymd_opt(2020, 1, 1)
            .unwrap()
            .checked_add_days(Days::new(d))
            .unwrap()
    })
}

fn options() -> impl Strategy<Value = PlanOptions> {
    (1..=5u32, 1..=5u32).prop_map(|(max_objectives, max_actions_per_objective)| PlanOptions {
        max_objectives,
        max_actions_per_objective,
        ..PlanOptions::default()
    })
}

fn plan(
    bank: &Bank,
    answers: &BTreeMap<String, Answer>,
    dora: Option<&DoraMetrics>,
    start: NaiveDate,
    options: &PlanOptions,
) -> Plan {
    let targets = TargetOverrides::default();
    generate_plan(
        &PlanInputs {
            bank,
            blueprint: Blueprint::II,
            targets: &targets,
            answers,
            dora,
            start,
        },
        options,
    )
}

/// The level of `id` when it is answered with a level below its target.
fn below_target(bank: &Bank, answers: &BTreeMap<String, Answer>, id: &str) -> bool {
    match (answers.get(id), bank.practice(id)) {
        (Some(Answer::Level { level }), Some(p)) => *level < p.target(Blueprint::II),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn dependencies_come_first_and_end_before_their_dependants_start(
        specs in specs(), dora in dora(), start in start(), options in options()
    ) {
        let (bank, answers) = build(&specs);
        let plan = plan(&bank, &answers, dora.as_ref(), start, &options);
        for action in &plan.actions {
            let practice = bank.practice(action.practice_id.as_deref().unwrap()).unwrap();
            for dep in &practice.depends_on {
                if below_target(&bank, &answers, dep) {
                    // a prerequisite below target is in the plan, and listed
                    let before = plan.action(dep);
                    prop_assert!(before.is_some(), "{} needs {dep}, which is not planned", action.id);
                    prop_assert!(action.depends_on.contains(dep));
                }
            }
            for dep in &action.depends_on {
                let before = plan.action(dep).unwrap();
                prop_assert!(action.start > before.end,
                    "{} starts {} before {dep} ends {}", action.id, action.start, before.end);
            }
        }
    }

    #[test]
    fn nothing_ends_after_day_90(
        specs in specs(), dora in dora(), start in start(), options in options()
    ) {
        let (bank, answers) = build(&specs);
        let plan = plan(&bank, &answers, dora.as_ref(), start, &options);
        prop_assert_eq!((plan.end - plan.start).num_days(), 89);
        prop_assert_eq!(plan.reassessment, plan.end);
        for action in &plan.actions {
            prop_assert!(action.start >= plan.start && action.start <= action.end);
            prop_assert!(action.end <= plan.end, "{} ends {} after day 90", action.id, action.end);
            prop_assert!(action.end_week <= 12);
        }
        if !plan.actions.is_empty() {
            prop_assert_eq!(plan.checkins.len(), PLAN_WEEKS as usize);
            prop_assert_eq!(plan.checkins[0].date, plan.start);
            prop_assert!(plan.checkins.windows(2).all(|w| (w[1].date - w[0].date).num_days() == 7));
            let days: Vec<i64> = plan.milestones.iter().map(|m| (m.date - plan.start).num_days() + 1).collect();
            prop_assert_eq!(days, vec![30, 60, 90]);
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_plan(
        specs in specs(), dora in dora(), start in start(), options in options()
    ) {
        let (bank, answers) = build(&specs);
        let one = plan(&bank, &answers, dora.as_ref(), start, &options);
        let two = plan(&bank.clone(), &answers.clone(), dora.as_ref(), start, &options);
        prop_assert_eq!(serde_json::to_string(&one).unwrap(), serde_json::to_string(&two).unwrap());
    }

    #[test]
    fn priorities_are_ordered_and_the_limiting_pillar_comes_first(
        specs in specs(), dora in dora(), start in start(), options in options()
    ) {
        let (bank, answers) = build(&specs);
        let plan = plan(&bank, &answers, dora.as_ref(), start, &options);
        prop_assert!(plan.objectives.len() <= options.max_objectives as usize);
        let scores = score(&bank, Blueprint::II, &answers);
        let candidates: Vec<(PillarId, f64)> = plan
            .actions
            .iter()
            .filter_map(|a| a.why.as_ref().map(|w| (w.pillar, w.priority)))
            .chain(plan.deferred.iter().map(|d| (d.pillar, d.priority)))
            .collect();
        let best = |pillar: PillarId| {
            candidates.iter().filter(|c| c.0 == pillar).map(|c| c.1).fold(f64::MIN, f64::max)
        };
        // the limiting pillar, when it has gaps, is the first objective
        if let Some(limiting) = scores.limiting_pillar {
            if candidates.iter().any(|c| c.0 == limiting) && !plan.objectives.is_empty() {
                prop_assert_eq!(plan.objectives[0].pillar, limiting);
            }
        }
        // then by their best candidate
        let rest: Vec<f64> = plan
            .objectives
            .iter()
            .filter(|o| !o.limiting_pillar)
            .map(|o| best(o.pillar))
            .collect();
        prop_assert!(rest.windows(2).all(|w| w[0] >= w[1]), "{rest:?}");
        for deferred in &plan.deferred {
            if deferred.reason.starts_with("lower priority") {
                // never above an action chosen on its own merit in its pillar
                for action in &plan.actions {
                    let why = action.why.as_ref().unwrap();
                    if why.pillar == deferred.pillar && why.prerequisite_of.is_empty() {
                        prop_assert!(why.priority >= deferred.priority,
                            "{} ({}) chosen over {} ({})", action.id, why.priority,
                            deferred.practice_id, deferred.priority);
                    }
                }
            }
        }
        for action in &plan.actions {
            let why = action.why.as_ref().unwrap();
            prop_assert!(why.gap > 0 && why.gap == why.target - why.level);
        }
        let ids: BTreeSet<&str> = plan.key_results().map(|k| k.id.as_str()).collect();
        prop_assert_eq!(ids.len(), plan.key_results().count());
        prop_assert!(plan.objectives.iter().all(|o| !o.key_results.is_empty()));
    }
}
