//! The use cases behind the desktop screens (`mamos::app`), called as the
//! window calls them, on a real
//! SQLite database in a temp dir: the organisation heatmap and its roll-up,
//! a component created in a group, notes and evidence written from a
//! workshop, and the comparison of two workshops with their DORA outcomes.

use chrono::NaiveDate;
use mamos::app::components::{add_component, NewComponent};
use mamos::app::history::ComparisonRequest;
use mamos::app::{history, plans, workshops};
use mamos::assessment::Component;
use mamos::dora::{Cluster, DoraMetrics, FrequencyBand, ReportYear, TimeBand};
use mamos::model::{Blueprint, PillarId};
use mamos::scoring::Answer;
use mamos::store::Store;
use mamos::ErrorCode;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("mamos.db")).unwrap();
    (dir, store)
}

/// A component created as the window creates it: in `group`, when given.
fn add_in_group(
    store: &mut Store,
    name: &str,
    blueprint: Blueprint,
    group: Option<&str>,
) -> mamos::Result<Component> {
    let new = NewComponent {
        name: name.to_string(),
        blueprint,
        bank: None,
        groups: group.map(str::to_string).into_iter().collect(),
    };
    add_component(store, &new)
}

fn level(level: u8) -> Option<Answer> {
    Some(Answer::Level { level })
}

fn first_practice(store: &Store, component: i64) -> String {
    let view = store.assessment(component).unwrap();
    view.bank.pillars[0].practices[0].id.clone()
}

/// Every practice at level 0: a plan from these answers has work in every pillar.
fn answer_every_practice_at_level_0(store: &mut Store, component: i64) {
    let bank = store.assessment(component).unwrap().bank;
    for practice in bank.pillars.iter().flat_map(|p| &p.practices) {
        store.set_answer(component, &practice.id, level(0)).unwrap();
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

#[test]
fn the_heatmap_shows_each_pillar_score_and_leaves_never_assessed_components_blank() {
    let (_dir, mut store) = store();
    store.add_group("Checkout").unwrap();
    let pay = add_in_group(&mut store, "Payments", Blueprint::II, Some("Checkout")).unwrap();
    let never = add_in_group(
        &mut store,
        "Search <script>",
        Blueprint::III,
        Some("Checkout"),
    )
    .unwrap();
    let other = store.add_component("Élan", Blueprint::II, None).unwrap();
    let practice = first_practice(&store, pay.id);
    store.set_answer(pay.id, &practice, level(2)).unwrap();

    let org = history::org_view(&store, None).unwrap();
    // The pillars are named by the bank, in pillar order and in its languages.
    let pillars: Vec<(PillarId, &str, &str)> = org
        .pillars
        .iter()
        .map(|p| (p.id, p.name.get("en"), p.name.get("fr")))
        .collect();
    assert_eq!(pillars[0], (PillarId::Methods, "Methods", "Méthodes"));
    assert_eq!(
        pillars[3],
        (PillarId::Organization, "Organization", "Organisation")
    );
    assert_eq!(pillars.len(), 5);
    let names: Vec<&str> = org.rows.iter().map(|r| r.component.name.as_str()).collect();
    assert_eq!(names, ["Payments", "Search <script>", "Élan"]);
    let scores = store.scores(pay.id).unwrap();
    let row = &org.rows[0];
    assert_eq!(row.cells.len(), 5);
    for (cell, pillar) in row.cells.iter().zip(&scores.pillars) {
        assert_eq!(cell.id, pillar.id);
        assert_eq!(cell.heat.score, pillar.score);
        assert_eq!(cell.target_score, pillar.target_score);
    }
    // 2 of 4 on one practice: 50 %, band 2 (40–60)
    assert_eq!(row.cells[0].heat.score, Some(50.0));
    assert_eq!(row.cells[0].heat.level_band, Some(2));
    // never assessed: counted, blank (null), never zero
    let blank = &org.rows[1];
    assert_eq!(blank.overall, None);
    assert!(blank
        .cells
        .iter()
        .all(|c| c.heat.score.is_none() && c.heat.level_band.is_none()));
    assert_eq!((org.rollup.components, org.rollup.assessed), (3, 1));
    assert_eq!(org.rollup.pillars[0].mean, Some(50.0));
    assert_eq!(org.rollup.pillars[0].assessed, 1);
    assert_eq!(org.groups.len(), 1);
    assert_eq!(org.groups[0].components, ["Payments", "Search <script>"]);

    let group = history::org_view(&store, Some("Checkout")).unwrap();
    assert_eq!(group.group.as_deref(), Some("Checkout"));
    assert_eq!(group.rows.len(), 2);
    assert!(group.rows.iter().all(|r| r.component.id != other.id));
    assert_eq!(group.rollup.components, 2);
    assert_eq!(group.rows[1].component.id, never.id);
}

#[test]
fn a_component_in_an_unknown_group_is_refused_and_not_created() {
    let (_dir, mut store) = store();
    let error = add_in_group(&mut store, "Payments", Blueprint::II, Some("Nowhere")).unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);
    assert!(error.to_string().contains("Nowhere"), "{error}");
    assert!(store.components().unwrap().is_empty());
}

#[test]
fn a_workshop_writes_notes_only_while_it_is_the_current_one() {
    let (_dir, mut store) = store();
    let pay = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let practice = first_practice(&store, pay.id);
    let first = store
        .start_workshop(pay.id, day(1), "Fatima", &["Ana".to_string()])
        .unwrap();
    workshops::set_workshop_note(&mut store, first.id, &practice, "  pipelines in Jenkins ")
        .unwrap();
    let note = |store: &Store, workshop: i64| {
        store
            .workshop_view(workshop)
            .unwrap()
            .answers
            .iter()
            .find(|a| a.practice_id == practice)
            .map(|a| a.note.clone())
    };
    assert_eq!(
        note(&store, first.id).as_deref(),
        Some("pipelines in Jenkins")
    );

    let second = store
        .start_workshop(pay.id, day(2), "Fatima", &["Ana".to_string()])
        .unwrap();
    let error =
        workshops::set_workshop_note(&mut store, first.id, &practice, "late edit").unwrap_err();
    assert!(error.to_string().contains("not its latest"), "{error}");
    assert_eq!(
        note(&store, first.id).as_deref(),
        Some("pipelines in Jenkins")
    );
    assert_eq!(note(&store, second.id), None);
}

#[test]
fn evidence_of_another_workshop_cannot_be_removed_through_this_one() {
    let (_dir, mut store) = store();
    let pay = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let practice = first_practice(&store, pay.id);
    let a = store
        .start_workshop(pay.id, day(1), "", &["Ana".to_string()])
        .unwrap();
    let link = store
        .add_evidence(a.id, &practice, "https://ci.example/pipeline", "CI")
        .unwrap();
    let b = store
        .start_workshop(pay.id, day(2), "", &["Ana".to_string()])
        .unwrap();
    assert!(workshops::remove_evidence(&mut store, Some(b.id), link.id).is_err());
    assert_eq!(store.evidence(a.id).unwrap().len(), 1);
    workshops::remove_evidence(&mut store, Some(a.id), link.id).unwrap();
    assert!(store.evidence(a.id).unwrap().is_empty());
}

#[test]
fn comparing_two_workshops_gives_the_deltas_and_both_dora_outcomes() {
    let (_dir, mut store) = store();
    let pay = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let other = store.add_component("Search", Blueprint::II, None).unwrap();
    let practice = first_practice(&store, pay.id);
    let ana = ["Ana".to_string()];
    let first = store.start_workshop(pay.id, day(1), "", &ana).unwrap();
    store.agree(first.id, &practice, level(1)).unwrap();
    let metrics = DoraMetrics {
        lead_time: Some(TimeBand::OneWeekToOneMonth),
        deploy_frequency: Some(FrequencyBand::WeeklyToMonthly),
        ..DoraMetrics::default()
    };
    store
        .set_dora(first.id, &metrics, ReportYear::Y2019)
        .unwrap();
    let second = store.start_workshop(pay.id, day(2), "", &ana).unwrap();
    store.agree(second.id, &practice, level(3)).unwrap();

    let compared = history::compare_workshops(&store, first.id, second.id).unwrap();
    assert_eq!((compared.from.id, compared.to.id), (first.id, second.id));
    assert_eq!(compared.comparison.gained, vec![practice.clone()]);
    let methods = &compared.comparison.pillars[0];
    assert_eq!(methods.id, PillarId::Methods);
    assert_eq!(
        (methods.from_score, methods.to_score),
        (Some(25.0), Some(75.0))
    );
    let dora = compared.dora_from.expect("DORA of the first workshop");
    assert_eq!(dora.year, ReportYear::Y2019);
    assert_eq!(dora.classification.overall, Some(Cluster::Medium));
    assert_eq!(compared.dora_to, None);

    let trend = history::component_trend(&store, pay.id).unwrap();
    // the first workshop took the place of the component's empty first assessment
    let dates: Vec<&str> = trend.iter().map(|p| p.date.as_str()).collect();
    assert_eq!(dates, ["2026-03-01", "2026-03-02"]);
    let methods: Vec<Option<f64>> = trend.iter().map(|p| p.pillars[0]).collect();
    assert_eq!(methods, [Some(25.0), Some(75.0)]);

    let elsewhere = store.start_workshop(other.id, day(3), "", &ana).unwrap();
    let error = history::compare_workshops(&store, first.id, elsewhere.id).unwrap_err();
    assert!(error.to_string().contains("one component"), "{error}");
}

#[test]
fn an_action_moved_to_another_week_keeps_its_length_and_cannot_leave_the_90_days() {
    let (_dir, mut store) = store();
    let component = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    answer_every_practice_at_level_0(&mut store, component.id);
    let plan = store
        .create_plan(component.id, day(2), &mamos::plan::PlanOptions::default())
        .unwrap();
    // An action nothing waits for and that waits for nothing can go anywhere in the 90 days.
    let free = plan
        .plan
        .actions
        .iter()
        .find(|a| {
            a.depends_on.is_empty()
                && !plan
                    .plan
                    .actions
                    .iter()
                    .any(|b| b.depends_on.contains(&a.id))
        })
        .expect("a plan from all-zero answers has an independent action")
        .clone();
    let weeks = free.end_week - free.start_week;
    let target = 12 - weeks;
    assert_ne!(target, free.start_week, "the test moves it somewhere else");

    let moved = plans::move_action_to_week(&mut store, component.id, &free.id, target).unwrap();
    let after = moved.plan.action(&free.id).unwrap();
    assert_eq!(after.start_week, target);
    assert_eq!(after.end_week, 12);
    assert_eq!(after.start, mamos::plan::week_start(day(2), target));
    assert_eq!(
        after.end - after.start,
        free.end - free.start,
        "same length"
    );
    assert!(after.edited);

    // Week 13 would end after day 90: refused, and the plan is as it was.
    let error = plans::move_action_to_week(&mut store, component.id, &free.id, 13).unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert!(error.to_string().contains("day 1 to day 90"), "{error}");
    assert_eq!(store.open_plan(component.id).unwrap().unwrap(), moved);

    let error =
        plans::move_action_to_week(&mut store, component.id, "no-such-action", 3).unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);
}

#[test]
fn the_open_plan_comes_with_todays_day_and_the_check_in_week_due() {
    let (_dir, mut store) = store();
    let component = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    assert_eq!(
        plans::open_plan_on(&store, component.id, day(2)).unwrap(),
        None
    );
    answer_every_practice_at_level_0(&mut store, component.id);
    let request = plans::PlanRequest {
        component_id: component.id,
        start: Some(day(2)),
        objectives: None,
    };
    let created = plans::open_or_create_plan(&mut store, &request, day(1)).unwrap();
    let days: Vec<u32> = created.plan.checkins.iter().map(|c| c.day).collect();
    assert_eq!(days, [1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85]);

    let on = |today| {
        plans::open_plan_on(&store, component.id, today)
            .unwrap()
            .expect("an open plan")
    };
    let before = on(day(1));
    assert_eq!(before.plan, created);
    assert_eq!((before.today_day, before.checkin_week), (None, 1));
    let week_3 = on(day(17));
    assert_eq!((week_3.today_day, week_3.checkin_week), (Some(16), 3));
    // Day 92 is past the 13 weeks: no today on the timeline, the last check-in still offered.
    let after = on(mamos::plan::day_date(day(2), 92));
    assert_eq!((after.today_day, after.checkin_week), (None, 13));
}

#[test]
fn the_assessment_and_the_workshop_say_which_target_each_practice_is_held_to_and_why() {
    let (_dir, mut store) = store();
    let pay = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let practice = first_practice(&store, pay.id);
    store
        .set_target_override(pay.id, "methods", true, 1, "a new team")
        .unwrap();
    store
        .set_target_override(pay.id, &practice, false, 4, "regulated")
        .unwrap();
    let workshop = store
        .start_workshop(pay.id, day(2), "Coach", &["Ana".to_string()])
        .unwrap();

    let view = store.assessment(pay.id).unwrap();
    let own = &view.targets[0];
    assert_eq!(own.practice_id, practice);
    assert_eq!((own.level, own.reason.as_deref()), (4, Some("regulated")));
    let methods = view.bank.pillar(PillarId::Methods).unwrap();
    let second = &view.targets[1];
    assert_eq!(second.practice_id, methods.practices[1].id);
    assert_eq!(
        (second.level, second.reason.as_deref()),
        (1, Some("a new team"))
    );
    assert_eq!(
        store.workshop_state(workshop.id).unwrap().view.targets,
        view.targets
    );
}

#[test]
fn a_comparison_opens_on_the_current_workshop_and_the_one_held_before() {
    let (_dir, mut store) = store();
    let pay = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let alone = store.add_component("Search", Blueprint::II, None).unwrap();
    let ana = ["Ana".to_string()];
    let first = store.start_workshop(pay.id, day(1), "", &ana).unwrap();
    let second = store.start_workshop(pay.id, day(2), "", &ana).unwrap();

    let pair = history::comparison_pair_of(
        &store,
        &ComparisonRequest {
            component_id: pay.id,
            from: None,
            to: None,
        },
    )
    .unwrap();
    assert_eq!((pair.from, pair.to), (first.id, second.id));
    let stranger = store.workshops(alone.id).unwrap()[0].id;
    let refused = history::comparison_pair_of(
        &store,
        &ComparisonRequest {
            component_id: pay.id,
            from: Some(stranger),
            to: None,
        },
    );
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("is not a workshop of \"Payments\""));
    let single = history::comparison_pair_of(
        &store,
        &ComparisonRequest {
            component_id: alone.id,
            from: None,
            to: None,
        },
    );
    assert!(single
        .unwrap_err()
        .to_string()
        .contains("has only one workshop"));
}

#[test]
fn dora_metrics_given_replace_the_stored_ones_and_the_others_are_kept() {
    let (_dir, mut store) = store();
    let component = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let workshop = store
        .start_workshop(component.id, day(2), "Coach", &["Ana".to_string()])
        .unwrap();

    // Showing the metrics of a workshop that has none writes nothing.
    let shown = workshops::update_dora(&mut store, workshop.id, &Default::default()).unwrap();
    assert_eq!(shown.year, ReportYear::LATEST);
    assert_eq!(workshops::dora(&store, workshop.id).unwrap(), None);

    let first = workshops::DoraChanges {
        lead_time: Some(TimeBand::LessThanOneDay),
        change_fail_rate: Some(12.0),
        ..Default::default()
    };
    workshops::update_dora(&mut store, workshop.id, &first).unwrap();
    let second = workshops::DoraChanges {
        deploy_frequency: Some(FrequencyBand::OnDemand),
        ..Default::default()
    };
    let merged = workshops::update_dora(&mut store, workshop.id, &second).unwrap();
    assert_eq!(merged.metrics.lead_time, Some(TimeBand::LessThanOneDay));
    assert_eq!(
        merged.metrics.deploy_frequency,
        Some(FrequencyBand::OnDemand)
    );
    assert_eq!(merged.metrics.change_fail_rate, Some(12.0));
    assert_eq!(workshops::dora(&store, workshop.id).unwrap(), Some(merged));

    // A percentage out of range is refused and nothing changes.
    let bad = workshops::DoraChanges {
        rework_rate: Some(140.0),
        ..Default::default()
    };
    let error = workshops::update_dora(&mut store, workshop.id, &bad).unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert_eq!(
        workshops::dora(&store, workshop.id)
            .unwrap()
            .unwrap()
            .metrics
            .rework_rate,
        None
    );
}

#[test]
fn a_plan_asked_for_is_the_open_one_and_a_new_start_waits_for_it_to_close() {
    let (_dir, mut store) = store();
    let component = store
        .add_component("Payments", Blueprint::II, None)
        .unwrap();
    let practice = first_practice(&store, component.id);
    store.set_answer(component.id, &practice, level(0)).unwrap();
    let asked = plans::PlanRequest {
        component_id: component.id,
        start: None,
        objectives: None,
    };

    // No plan yet: one is made, starting today.
    let made = plans::open_or_create_plan(&mut store, &asked, day(9)).unwrap();
    assert_eq!(made.plan.start, day(9));
    // Asked again: the same plan, not a second one.
    let again = plans::open_or_create_plan(&mut store, &asked, day(20)).unwrap();
    assert_eq!(again, made);
    assert_eq!(plans::plans(&store, component.id).unwrap().len(), 1);

    // Another start while it is open is refused.
    let restart = plans::PlanRequest {
        start: Some(day(23)),
        ..asked
    };
    let error = plans::open_or_create_plan(&mut store, &restart, day(20)).unwrap_err();
    assert_eq!(error.code(), ErrorCode::Conflict);
    assert_eq!(plans::plans(&store, component.id).unwrap().len(), 1);
}
