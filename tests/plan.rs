//! Hand-built cases where the right 90-day plan is obvious, the worked
//! example of `docs/planning.md` on the real bank, grading, regeneration
//! and the organisation-level common objectives.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use mamos::dora::{DoraMetrics, FrequencyBand, TimeBand};
use mamos::model::{
    builtin_bank, Bank, Blueprint, Impact, Improvement, LocalizedText, Owner, PillarId, Practice,
};
use mamos::plan::{
    common_objectives, diff, generate_plan, grade_key_results, mean_grade, merge_regenerated,
    ActionStatus, Measure, Phase, Plan, PlanInputs, PlanOptions,
};
use mamos::scoring::{Answer, TargetOverrides};

use common::bank::test_bank;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A practice with target 3 for blueprint II, the given effort and impact, and
/// a next step from every level owned by `owner`.
fn practice(id: &str, effort: u8, depends_on: &[&str]) -> Practice {
    Practice {
        id: id.to_string(),
        title: LocalizedText::en(&format!("Title of {id}")),
        question: LocalizedText::en("?"),
        weight: 1.0,
        descriptors: (0..5)
            .map(|i| LocalizedText::en(&format!("{id} at level {i}")))
            .collect(),
        targets: BTreeMap::from([
            (Blueprint::I, 1),
            (Blueprint::II, 3),
            (Blueprint::III, 3),
            (Blueprint::IV, 4),
        ]),
        improve: (0..4)
            .map(|from| Improvement {
                from,
                owner: if id.starts_with("architecture") {
                    Owner::Platform
                } else {
                    Owner::Team
                },
                action: LocalizedText::en(&format!("{id}: step from {from}")),
            })
            .collect(),
        effort: Some(effort),
        impact: Some(Impact {
            quality: 3,
            speed: 3,
        }),
        depends_on: depends_on.iter().map(|d| d.to_string()).collect(),
        ..Practice::default()
    }
}

/// Two practices per pillar, effort 3, no dependencies.
fn flat_bank() -> Bank {
    test_bank(
        PillarId::ALL
            .iter()
            .map(|p| {
                vec![
                    practice(&format!("{p}.one"), 3, &[]),
                    practice(&format!("{p}.two"), 3, &[]),
                ]
            })
            .collect(),
    )
}

fn levels(list: &[(&str, u8)]) -> BTreeMap<String, Answer> {
    list.iter()
        .map(|(id, level)| (id.to_string(), Answer::Level { level: *level }))
        .collect()
}

fn every_practice_at(bank: &Bank, level: u8) -> BTreeMap<String, Answer> {
    bank.practices()
        .map(|(_, p)| (p.id.clone(), Answer::Level { level }))
        .collect()
}

/// Every practice of `bank` at its blueprint II target.
fn at_target(bank: &Bank) -> BTreeMap<String, Answer> {
    bank.practices()
        .map(|(_, p)| {
            (
                p.id.clone(),
                Answer::Level {
                    level: p.target(Blueprint::II),
                },
            )
        })
        .collect()
}

fn plan_for(
    bank: &Bank,
    answers: &BTreeMap<String, Answer>,
    dora: Option<&DoraMetrics>,
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
            start: date("2025-03-03"),
        },
        options,
    )
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.actions.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn one_pillar_far_below_target_is_the_first_objective_and_the_constraint_of_weeks_5_to_8() {
    let bank = flat_bank();
    let mut answers = every_practice_at(&bank, 2);
    answers.extend(levels(&[("architecture.one", 0), ("architecture.two", 0)]));
    let plan = plan_for(&bank, &answers, None, &PlanOptions::default());

    assert_eq!(plan.limiting_pillar, Some(PillarId::Architecture));
    let first = &plan.objectives[0];
    assert_eq!(first.pillar, PillarId::Architecture);
    assert!(first.limiting_pillar);
    assert_eq!(first.title, "Lift the limiting factor: ARCHITECTURE");
    assert_eq!(plan.objectives.len(), 3, "at most 3 objectives by default");

    let architecture: Vec<_> = plan
        .actions
        .iter()
        .filter(|a| a.objective == "o1")
        .collect();
    assert_eq!(
        architecture
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["architecture.one", "architecture.two"]
    );
    for action in &architecture {
        // gap 3 × weight 1 × (3 + 3) ÷ effort 3 = 6; three weeks from week 5
        let why = action.why.as_ref().unwrap();
        assert_eq!((why.level, why.target, why.gap), (0, 3, 3));
        assert!((why.priority - 6.0).abs() < 1e-9);
        assert!(why.limiting_pillar);
        assert!(why.text.contains("the limiting pillar"), "{}", why.text);
        assert_eq!(action.phase, Phase::Constraint);
        assert_eq!((action.start_week, action.end_week), (5, 7));
        assert_eq!(action.start, date("2025-03-31"));
        assert_eq!(action.end, date("2025-04-20"));
        assert_eq!(action.owner, Owner::Platform);
        assert_eq!(action.step, format!("{}: step from 0", action.id));
        assert_eq!(action.status, ActionStatus::Todo);
    }
    // the other objectives' work comes in weeks 9–12
    for action in plan.actions.iter().filter(|a| a.objective != "o1") {
        assert_eq!(action.phase, Phase::ScaleOut);
        assert_eq!((action.start_week, action.end_week), (9, 11));
    }
    // key results: one level up per action
    assert_eq!(
        first.key_results[0].text,
        "Title of architecture.one: level 1 (from 0)"
    );
    assert_eq!(
        first.key_results[0].measure,
        Measure::PracticeLevel {
            practice_id: "architecture.one".into(),
            from: 0,
            target: 1
        }
    );
    // the two pillars not chosen are deferred, saying why
    let deferred: BTreeSet<PillarId> = plan.deferred.iter().map(|d| d.pillar).collect();
    assert_eq!(deferred.len(), 2);
    assert!(plan.deferred[0]
        .reason
        .contains("not among the 3 objectives"));
}

#[test]
fn a_dependency_chain_is_pulled_in_and_scheduled_in_order() {
    // methods.c needs methods.b, which needs methods.a; only methods.c is chosen on priority.
    let mut practices: Vec<Vec<Practice>> = PillarId::ALL.iter().map(|_| Vec::new()).collect();
    practices[0] = vec![
        practice("methods.a", 3, &[]),
        practice("methods.b", 2, &["methods.a"]),
        practice("methods.c", 1, &["methods.b"]),
    ];
    let bank = test_bank(practices);
    let answers = levels(&[("methods.a", 2), ("methods.b", 2), ("methods.c", 0)]);
    let options = PlanOptions {
        max_actions_per_objective: 1,
        ..PlanOptions::default()
    };
    let plan = plan_for(&bank, &answers, None, &options);

    assert_eq!(ids(&plan), ["methods.a", "methods.b", "methods.c"]);
    let [a, b, c] = [0, 1, 2].map(|i| &plan.actions[i]);
    assert_eq!(c.depends_on, ["methods.b"]);
    assert_eq!(b.depends_on, ["methods.a"]);
    assert!(b.start > a.end && c.start > b.end);
    // effort 3, 2, 1 → 3, 2, 1 weeks back to back from week 1
    assert_eq!(
        [a, b, c].map(|x| (x.start_week, x.end_week)),
        [(1, 3), (4, 5), (6, 6)]
    );
    assert_eq!(a.why.as_ref().unwrap().prerequisite_of, ["methods.b"]);
    assert!(a
        .why
        .as_ref()
        .unwrap()
        .text
        .ends_with("needed first by methods.b"));
    assert!(c.why.as_ref().unwrap().prerequisite_of.is_empty());
    // a dependency at target is not pulled in
    let at_target = levels(&[("methods.a", 3), ("methods.b", 2), ("methods.c", 0)]);
    assert_eq!(
        ids(&plan_for(&bank, &at_target, None, &options)),
        ["methods.b", "methods.c"]
    );
}

#[test]
fn work_that_cannot_end_by_day_90_is_deferred_with_its_dependants() {
    // three effort-5 steps (6 weeks each) in a chain: only two fit in 12 weeks
    let mut practices: Vec<Vec<Practice>> = PillarId::ALL.iter().map(|_| Vec::new()).collect();
    practices[1] = vec![
        practice("architecture.a", 5, &[]),
        practice("architecture.b", 5, &["architecture.a"]),
        practice("architecture.c", 5, &["architecture.b"]),
        practice("architecture.d", 1, &["architecture.c"]),
    ];
    let bank = test_bank(practices);
    let answers = levels(&[
        ("architecture.a", 1),
        ("architecture.b", 1),
        ("architecture.c", 1),
        ("architecture.d", 1),
    ]);
    let plan = plan_for(&bank, &answers, None, &PlanOptions::default());
    assert_eq!(ids(&plan), ["architecture.a", "architecture.b"]);
    assert_eq!(plan.actions[1].end_week, 12);
    assert_eq!(plan.actions[1].end, date("2025-05-25"));
    let deferred: BTreeMap<&str, &str> = plan
        .deferred
        .iter()
        .map(|d| (d.practice_id.as_str(), d.reason.as_str()))
        .collect();
    assert!(deferred["architecture.c"].contains("would end after day 90"));
    assert!(deferred["architecture.d"].contains("prerequisite architecture.c"));
}

#[test]
fn everything_at_target_gives_an_empty_plan_that_says_so() {
    let bank = flat_bank();
    let plan = plan_for(
        &bank,
        &every_practice_at(&bank, 3),
        None,
        &PlanOptions::default(),
    );
    assert!(plan.is_empty());
    assert!(plan.objectives.is_empty() && plan.milestones.is_empty() && plan.checkins.is_empty());
    assert!(plan
        .empty_reason
        .as_deref()
        .unwrap()
        .starts_with("every answered practice is at or above its target"));

    let nothing = plan_for(&bank, &BTreeMap::new(), None, &PlanOptions::default());
    assert!(nothing
        .empty_reason
        .as_deref()
        .unwrap()
        .contains("hold the assessment workshop first"));
}

#[test]
fn not_applicable_and_unanswered_practices_are_never_planned() {
    let bank = flat_bank();
    let mut answers = levels(&[("methods.one", 0)]);
    answers.insert(
        "methods.two".into(),
        Answer::NotApplicable {
            reason: "no pipeline".into(),
        },
    );
    let plan = plan_for(&bank, &answers, None, &PlanOptions::default());
    assert_eq!(ids(&plan), ["methods.one"]);
}

#[test]
fn the_calendar_has_day_90_weekly_check_ins_and_three_milestones() {
    let bank = flat_bank();
    let plan = plan_for(
        &bank,
        &levels(&[("skills.one", 1)]),
        None,
        &PlanOptions::default(),
    );
    // day 1 is the start date, day 90 is start + 89 days
    assert_eq!(plan.start, date("2025-03-03"));
    assert_eq!(plan.end, date("2025-05-31"));
    assert_eq!(plan.reassessment, date("2025-05-31"));
    let milestones: Vec<(u32, NaiveDate)> =
        plan.milestones.iter().map(|m| (m.day, m.date)).collect();
    assert_eq!(
        milestones,
        [
            (30, date("2025-04-01")),
            (60, date("2025-05-01")),
            (90, date("2025-05-31"))
        ]
    );
    assert_eq!(plan.checkins.len(), 13);
    assert_eq!(plan.checkins[0].date, date("2025-03-03"));
    assert_eq!(plan.checkins[12].date, date("2025-05-26"));
    assert!(plan
        .checkins
        .windows(2)
        .all(|w| (w[1].date - w[0].date).num_days() == 7));
    assert!(plan.milestones[2]
        .criteria
        .iter()
        .any(|c| c.contains("re-assessment held")));
}

#[test]
fn a_dora_key_result_asks_for_the_next_band_of_the_metric_the_work_moves() {
    let bank = builtin_bank();
    let mut answers = every_practice_at(&bank, 3);
    answers.extend(levels(&[
        ("methods.deploy-daily", 1),
        ("methods.standard-pipeline", 1),
    ]));
    let dora = DoraMetrics {
        deploy_frequency: Some(FrequencyBand::DailyToWeekly),
        lead_time: Some(TimeBand::OneWeekToOneMonth),
        ..DoraMetrics::default()
    };
    let plan = plan_for(&bank, &answers, Some(&dora), &PlanOptions::default());
    let krs: Vec<&str> = plan.objectives[0]
        .key_results
        .iter()
        .map(|k| k.text.as_str())
        .collect();
    assert!(
        krs.contains(&"deployment frequency: at least daily"),
        "{krs:?}"
    );
    // the pipeline is the prerequisite of daily deployment: it comes first
    let pipeline = plan.action("methods.standard-pipeline").unwrap();
    let deploy = plan.action("methods.deploy-daily").unwrap();
    assert!(deploy.start > pipeline.end);
    // without DORA metrics there is no DORA key result
    let plain = plan_for(&bank, &answers, None, &PlanOptions::default());
    assert!(plain
        .key_results()
        .all(|k| matches!(k.measure, Measure::PracticeLevel { .. })));
}

#[test]
fn two_sets_of_answers_give_two_plans() {
    let bank = builtin_bank();
    let weak_delivery = {
        let mut a = at_target(&bank);
        a.extend(levels(&[
            ("methods.deploy-daily", 0),
            ("architecture.test-automation", 0),
        ]));
        a
    };
    let weak_people = {
        let mut a = at_target(&bank);
        a.extend(levels(&[
            ("skills.soft-skills", 0),
            ("management.psychological-safety", 0),
        ]));
        a
    };
    let one = plan_for(&bank, &weak_delivery, None, &PlanOptions::default());
    let two = plan_for(&bank, &weak_people, None, &PlanOptions::default());
    assert_ne!(ids(&one), ids(&two));
    assert!(one.action("methods.deploy-daily").is_some());
    assert!(two.action("skills.soft-skills").is_some());
    assert!(two.action("methods.deploy-daily").is_none());
}

#[test]
fn the_number_of_objectives_is_an_option() {
    let bank = flat_bank();
    let answers = every_practice_at(&bank, 1);
    for n in 1..=5 {
        let options = PlanOptions {
            max_objectives: n,
            ..PlanOptions::default()
        };
        assert_eq!(
            plan_for(&bank, &answers, None, &options).objectives.len(),
            n as usize
        );
    }
    assert!(PlanOptions {
        max_objectives: 0,
        ..PlanOptions::default()
    }
    .check()
    .is_err());
}

/// The worked example of docs/planning.md: blueprint II, every practice at its
/// target except the six below; deployment frequency weekly to monthly.
fn worked_example_answers(bank: &Bank) -> BTreeMap<String, Answer> {
    let mut answers = at_target(bank);
    answers.extend(levels(&[
        ("architecture.observability", 0),
        ("architecture.deployment-safety", 0),
        ("architecture.code-maintainability", 1),
        ("architecture.test-automation", 1),
        ("methods.deploy-daily", 1),
        ("methods.standard-pipeline", 2),
        ("skills.soft-skills", 1),
    ]));
    answers
}

#[test]
fn the_worked_example_of_docs_planning_md() {
    let bank = builtin_bank();
    let answers = worked_example_answers(&bank);
    let dora = DoraMetrics {
        deploy_frequency: Some(FrequencyBand::WeeklyToMonthly),
        recovery: Some(TimeBand::OneDayToOneWeek),
        ..DoraMetrics::default()
    };
    let plan = plan_for(&bank, &answers, Some(&dora), &PlanOptions::default());
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/planning.md")).unwrap();

    assert_eq!(plan.limiting_pillar, Some(PillarId::Architecture));
    let objectives: Vec<(&str, PillarId)> = plan
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.pillar))
        .collect();
    assert_eq!(
        objectives,
        [
            ("o1", PillarId::Architecture),
            ("o2", PillarId::Methods),
            ("o3", PillarId::Skills)
        ]
    );
    let rows: Vec<String> = plan
        .actions
        .iter()
        .map(|a| {
            let why = a.why.as_ref().unwrap();
            format!(
                "| {} | {} | {:.2} | {} | {}–{} | {} to {} | {} |",
                a.objective,
                a.id,
                why.priority,
                a.owner.as_str(),
                a.start_week,
                a.end_week,
                a.start,
                a.end,
                if a.depends_on.is_empty() {
                    "–".to_string()
                } else {
                    a.depends_on.join(", ")
                }
            )
        })
        .collect();
    for row in &rows {
        assert!(
            doc.contains(row.as_str()),
            "docs/planning.md lacks the row\n{row}\nall rows:\n{}",
            rows.join("\n")
        );
    }
    for kr in plan.key_results() {
        let row = format!("| {} | {} |", kr.id, kr.text);
        assert!(
            doc.contains(&row),
            "docs/planning.md lacks the key result row {row}"
        );
    }
    for d in &plan.deferred {
        let row = format!("| {} | {:.2} | {} |", d.practice_id, d.priority, d.reason);
        assert!(
            doc.contains(&row),
            "docs/planning.md lacks the deferred row {row}"
        );
    }
}

#[test]
fn key_results_are_graded_from_the_re_assessment() {
    let bank = flat_bank();
    let answers = levels(&[("methods.one", 0), ("methods.two", 1)]);
    let dora = DoraMetrics {
        lead_time: Some(TimeBand::OneWeekToOneMonth),
        ..DoraMetrics::default()
    };
    let plan = plan_for(&bank, &answers, Some(&dora), &PlanOptions::default());
    assert_eq!(
        plan.key_results().count(),
        2,
        "no capability links: no DORA key result"
    );
    let after = levels(&[("methods.one", 2), ("methods.two", 1)]);
    let grades = grade_key_results(&plan, &after, None);
    let by_kr: BTreeMap<&str, Option<f64>> =
        grades.iter().map(|g| (g.text.as_str(), g.grade)).collect();
    assert_eq!(by_kr["Title of methods.one: level 1 (from 0)"], Some(1.0));
    assert_eq!(by_kr["Title of methods.two: level 2 (from 1)"], Some(0.0));
    assert_eq!(mean_grade(&grades), Some(0.5));
    // an unanswered practice is not graded
    let partial = grade_key_results(&plan, &levels(&[("methods.one", 1)]), None);
    assert_eq!(partial.iter().filter(|g| g.grade.is_none()).count(), 1);
    assert_eq!(mean_grade(&partial), Some(1.0));
}

#[test]
fn regeneration_shows_what_would_change_and_keeps_only_chosen_edits() {
    let bank = flat_bank();
    let before_answers = levels(&[("methods.one", 0), ("methods.two", 1)]);
    let mut old = plan_for(&bank, &before_answers, None, &PlanOptions::default());
    // the coach renames methods.two and marks methods.one as doing
    let two = old
        .actions
        .iter_mut()
        .find(|a| a.id == "methods.two")
        .unwrap();
    two.title = "Pair on the pipeline".into();
    two.edited = true;
    old.actions[0].status = ActionStatus::Doing;

    let new = plan_for(&bank, &before_answers, None, &PlanOptions::default());
    let change = diff(&old, &new);
    assert_eq!(change.changed.len(), 1);
    assert_eq!(change.changed[0].id, "methods.two");
    assert_eq!(change.changed[0].fields, ["title"]);
    assert!(change.changed[0].edited);

    let dropped = merge_regenerated(&old, new.clone(), &BTreeSet::new());
    assert_eq!(
        dropped.action("methods.two").unwrap().title,
        "Title of methods.two"
    );
    assert_eq!(
        dropped.actions[0].status,
        ActionStatus::Doing,
        "statuses carry over"
    );
    let kept = merge_regenerated(&old, new, &BTreeSet::from(["methods.two".to_string()]));
    assert_eq!(
        kept.action("methods.two").unwrap().title,
        "Pair on the pipeline"
    );

    // new answers: methods.two reached its target, skills.one appears
    let after_answers = levels(&[("methods.one", 0), ("methods.two", 3), ("skills.one", 2)]);
    let later = plan_for(&bank, &after_answers, None, &PlanOptions::default());
    let change = diff(&old, &later);
    assert_eq!(change.added, ["skills.one"]);
    assert_eq!(change.removed, ["methods.two"]);
    assert_eq!(change.edited_removed, ["methods.two"]);
    assert!(change.objectives_changed);
}

#[test]
fn gaps_shared_by_several_components_become_common_objectives() {
    let bank = flat_bank();
    let targets = TargetOverrides::default();
    let a = levels(&[("architecture.one", 0), ("methods.one", 1)]);
    let b = levels(&[("architecture.one", 1), ("methods.one", 3)]);
    let c = levels(&[("architecture.one", 3), ("skills.one", 0)]);
    let inputs = |answers| PlanInputs {
        bank: &bank,
        blueprint: Blueprint::II,
        targets: &targets,
        answers,
        dora: None,
        start: date("2025-01-06"),
    };
    let components = [
        ("Checkout 🛒", inputs(&a)),
        ("Search", inputs(&b)),
        ("<script>", inputs(&c)),
    ];
    let common = common_objectives(&components, 2, 3, "en");
    assert_eq!(common.len(), 1, "{common:?}");
    let shared = &common[0];
    assert_eq!(shared.practice_id, "architecture.one");
    assert_eq!(shared.owner, Owner::Platform);
    assert_eq!(
        shared.step, "architecture.one: step from 0",
        "the step from the lowest level"
    );
    let served: Vec<(&str, u8)> = shared
        .components
        .iter()
        .map(|c| (c.name.as_str(), c.level))
        .collect();
    assert_eq!(served, [("Checkout 🛒", 0), ("Search", 1)]);
    // gap 3 → 6.0, gap 2 → 4.0
    assert!((shared.priority - 10.0).abs() < 1e-9);
    assert_eq!(common_objectives(&components, 1, 10, "en").len(), 3);
}

#[test]
fn the_next_plan_starts_the_day_after_day_90_unless_that_is_past() {
    use mamos::plan::next_plan_start;
    let today = date("2025-06-02");
    // no previous plan: today
    assert_eq!(next_plan_start(None, today), today);
    // previous plan's day 90 still ahead: back to back, no gap, no overlap
    assert_eq!(
        next_plan_start(Some(date("2025-06-15")), today),
        date("2025-06-16")
    );
    // day 90 was yesterday: today is the day after
    assert_eq!(next_plan_start(Some(date("2025-06-01")), today), today);
    // day 90 long past: never start in the past
    assert_eq!(next_plan_start(Some(date("2025-03-01")), today), today);
}
