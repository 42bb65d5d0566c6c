//! The real `mamos` binary on temporary databases: 90-day plans generated,
//! stored, edited, checked weekly, regenerated and closed; bad input refused
//! without changing anything; a database of schema version 4 migrated.

use serde_json::Value;

mod common;
use common::Workspace;

impl Workspace {
    fn plan(&self, component: &str) -> Value {
        self.json(&["plan", component, "--json"])
    }

    /// Answers every practice of the built-in bank at its blueprint II target,
    /// then the given practices at the given levels.
    fn answer_at_target_except(&self, component: &str, levels: &[(&str, &str)]) {
        let bank: Value = serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap();
        for pillar in bank["pillars"].as_array().unwrap() {
            for practice in pillar["practices"].as_array().unwrap() {
                let id = practice["id"].as_str().unwrap();
                let level = levels
                    .iter()
                    .find(|(p, _)| *p == id)
                    .map(|(_, l)| l.to_string())
                    .unwrap_or_else(|| practice["targets"]["II"].to_string());
                self.ok(&["answer", component, id, &level]);
            }
        }
    }

    fn latest_workshop(&self, component: &str) -> String {
        let list = self.json(&["workshop", "list", component, "--json"]);
        list.as_array().unwrap().last().unwrap()["id"].to_string()
    }
}

const TEAM: &str = "Checkout 🛒 <script>";

/// A component with the worked example of docs/planning.md.
fn worked_example() -> Workspace {
    let ws = Workspace::new();
    ws.ok(&["component", "add", TEAM]);
    // Dated before the plan and its re-assessment: workshops count in the order held.
    ws.ok(&[
        "workshop",
        "start",
        TEAM,
        "--date",
        "2025-02-24",
        "--participants",
        "Ana,Ben",
    ]);
    ws.answer_at_target_except(
        TEAM,
        &[
            ("architecture.observability", "0"),
            ("architecture.deployment-safety", "0"),
            ("architecture.code-maintainability", "1"),
            ("architecture.test-automation", "1"),
            ("methods.deploy-daily", "1"),
            ("methods.standard-pipeline", "2"),
            ("skills.soft-skills", "1"),
        ],
    );
    let workshop = ws.latest_workshop(TEAM);
    ws.ok(&[
        "dora",
        &workshop,
        "--deploy-frequency",
        "weekly_to_monthly",
        "--recovery",
        "one_day_to_one_week",
    ]);
    ws
}

fn action<'a>(plan: &'a Value, id: &str) -> &'a Value {
    plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no action {id} in {plan:#}"))
}

fn action_ids(plan: &Value) -> Vec<String> {
    plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn plan_json_lists_objectives_key_results_actions_milestones_and_check_ins() {
    let ws = worked_example();
    let plan = ws.json(&["plan", TEAM, "--start", "2025-03-03", "--json"]);
    assert_eq!(plan["component"], TEAM);
    assert_eq!(plan["start"], "2025-03-03");
    assert_eq!(plan["end"], "2025-05-31");
    assert_eq!(plan["reassessment"], "2025-05-31");
    let objectives: Vec<&str> = plan["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["pillar"].as_str().unwrap())
        .collect();
    assert_eq!(objectives, ["architecture", "methods", "skills"]);
    let krs: Vec<&str> = plan["objectives"][1]["key_results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["text"].as_str().unwrap())
        .collect();
    assert!(
        krs.contains(&"deployment frequency: at least weekly"),
        "{krs:?}"
    );

    let deploy = action(&plan, "methods.deploy-daily");
    assert_eq!(deploy["practice_id"], "methods.deploy-daily");
    assert_eq!(deploy["owner"], "team");
    assert_eq!(deploy["start"], "2025-04-28");
    assert_eq!(deploy["end"], "2025-05-25");
    assert_eq!(deploy["depends_on"][0], "methods.standard-pipeline");
    assert!(deploy["why"]["text"]
        .as_str()
        .unwrap()
        .contains("priority 2 × 1.5 × (4 + 5) ÷ 4 = 6.75"));
    assert_eq!(deploy["status"], "todo");

    let milestones: Vec<(u64, &str)> = plan["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["day"].as_u64().unwrap(), m["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        milestones,
        [(30, "2025-04-01"), (60, "2025-05-01"), (90, "2025-05-31")]
    );
    assert!(!plan["milestones"][0]["criteria"]
        .as_array()
        .unwrap()
        .is_empty());
    let checkins = plan["checkins"].as_array().unwrap();
    assert_eq!(checkins.len(), 13);
    assert_eq!(checkins[12]["date"], "2025-05-26");

    // the plan is stored: showing it again gives the same plan, whatever today is
    assert_eq!(ws.plan(TEAM), plan);
    // and a second plan cannot be opened over it
    let stderr = ws.bad_input(&["plan", TEAM, "--start", "2025-06-02"]);
    assert!(stderr.contains("already has an open plan"), "{stderr}");
    // the text view says the same
    let text = ws.ok(&["plan", TEAM]);
    assert!(
        text.contains("o1  Lift the limiting factor: Architecture"),
        "{text}"
    );
    assert!(text.contains("weekly 30-minute check-ins: 2025-03-03, 2025-03-10"));
}

#[test]
fn a_component_at_target_gets_an_empty_plan_that_says_so() {
    let ws = Workspace::new();
    ws.ok(&["component", "add", "Search"]);
    ws.answer_at_target_except("Search", &[]);
    let text = ws.ok(&["plan", "Search", "--start", "2025-01-06"]);
    assert!(
        text.contains("nothing planned: every answered practice is at or above its target"),
        "{text}"
    );
    let plan = ws.plan("Search");
    assert!(plan["actions"].as_array().unwrap().is_empty());
    assert!(plan["milestones"].as_array().unwrap().is_empty());
}

#[test]
fn coach_edits_are_stored_at_once_and_checked() {
    let ws = worked_example();
    ws.ok(&["plan", TEAM, "--start", "2025-03-03"]);
    ws.ok(&[
        "plan",
        "rename",
        TEAM,
        "skills.soft-skills",
        "Écoute active, ensemble",
    ]);
    ws.ok(&[
        "plan",
        "assign",
        TEAM,
        "skills.soft-skills",
        "--to",
        "Zoë <b>",
    ]);
    ws.ok(&[
        "plan",
        "assign",
        TEAM,
        "methods.deploy-daily",
        "--owner",
        "platform",
    ]);
    ws.ok(&[
        "plan",
        "schedule",
        TEAM,
        "skills.soft-skills",
        "--start",
        "2025-03-10",
        "--end",
        "2025-03-30",
    ]);
    ws.ok(&["plan", "move", TEAM, "skills.soft-skills", "--to", "1"]);
    ws.ok(&[
        "plan",
        "status",
        TEAM,
        "architecture.observability",
        "doing",
    ]);
    let custom = ws.ok(&[
        "plan",
        "add",
        TEAM,
        "Celebrate the first daily deployment",
        "--start",
        "2025-05-26",
        "--end",
        "2025-05-31",
        "--owner",
        "management",
        "--objective",
        "o2",
    ]);
    assert_eq!(custom.trim(), "custom-1");
    ws.ok(&["plan", "remove", TEAM, "architecture.code-maintainability"]);

    let plan = ws.plan(TEAM);
    let ids = action_ids(&plan);
    assert_eq!(ids[0], "skills.soft-skills");
    assert!(!ids.contains(&"architecture.code-maintainability".to_string()));
    let soft = action(&plan, "skills.soft-skills");
    assert_eq!(soft["title"], "Écoute active, ensemble");
    assert_eq!(soft["assignee"], "Zoë <b>");
    assert_eq!(
        (soft["start"].as_str(), soft["end"].as_str()),
        (Some("2025-03-10"), Some("2025-03-30"))
    );
    assert_eq!(
        (soft["start_week"].as_u64(), soft["end_week"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(soft["edited"], true);
    assert_eq!(action(&plan, "methods.deploy-daily")["owner"], "platform");
    let observability = action(&plan, "architecture.observability");
    assert_eq!(observability["status"], "doing");
    assert_eq!(
        observability["edited"], false,
        "a status is progress, not an edit"
    );
    let celebrate = action(&plan, "custom-1");
    assert_eq!(celebrate["objective"], "o2");
    assert_eq!(celebrate["why"], Value::Null);

    // refused, and nothing changes
    let before = ws.plan(TEAM);
    let after_day_90 = ws.bad_input(&[
        "plan",
        "schedule",
        TEAM,
        "skills.soft-skills",
        "--start",
        "2025-05-20",
        "--end",
        "2025-06-01",
    ]);
    assert!(after_day_90.contains("day 1 to day 90"), "{after_day_90}");
    let before_dependency = ws.bad_input(&[
        "plan",
        "schedule",
        TEAM,
        "methods.deploy-daily",
        "--start",
        "2025-04-14",
        "--end",
        "2025-05-25",
    ]);
    assert!(
        before_dependency
            .contains("before methods.standard-pipeline, which it depends on, ends on 2025-04-20"),
        "{before_dependency}"
    );
    let dependency_late = ws.bad_input(&[
        "plan",
        "schedule",
        TEAM,
        "methods.standard-pipeline",
        "--start",
        "2025-03-31",
        "--end",
        "2025-05-04",
    ]);
    assert!(
        dependency_late.contains("methods.deploy-daily, which depends on it"),
        "{dependency_late}"
    );
    let unknown = ws.bad_input(&["plan", "rename", TEAM, "methods.nope", "x"]);
    assert!(unknown.contains("no action \"methods.nope\""), "{unknown}");
    ws.bad_input(&["plan", "rename", TEAM, "skills.soft-skills", "  "]);
    ws.bad_input(&["plan", "status", TEAM, "skills.soft-skills", "finished"]);
    ws.bad_input(&["plan", "move", TEAM, "skills.soft-skills", "--to", "99"]);
    ws.bad_input(&[
        "plan",
        "assign",
        TEAM,
        "skills.soft-skills",
        "--owner",
        "boss",
    ]);
    ws.bad_input(&[
        "plan",
        "add",
        TEAM,
        "x",
        "--start",
        "2025-03-03",
        "--end",
        "2025-03-04",
        "--objective",
        "o9",
    ]);
    assert_eq!(ws.plan(TEAM), before);
}

#[test]
fn weekly_check_ins_record_rag_kata_answers_and_statuses() {
    let ws = worked_example();
    ws.ok(&["plan", TEAM, "--start", "2025-03-03"]);
    let recorded = ws.json(&[
        "checkin",
        TEAM,
        "--week",
        "1",
        "--kr",
        "kr1=green",
        "--kr",
        "kr4=amber",
        "--status",
        "architecture.observability=doing",
        "--target-condition",
        "Dashboards for the 3 checkout services",
        "--actual-condition",
        "Logs only; no métriques",
        "--obstacle",
        "No time-series store",
        "--next-step",
        "Ask the platform team for a Prometheus namespace",
        "--check-on",
        "2025-03-07",
        "--json",
    ]);
    assert_eq!(recorded["date"], "2025-03-03");
    assert_eq!(recorded["key_results"]["kr1"], "green");
    // completing the same week keeps what was said
    ws.ok(&["checkin", TEAM, "--week", "1", "--kr", "kr1=red"]);
    let plan = ws.plan(TEAM);
    let week1 = &plan["recorded_checkins"][0];
    assert_eq!(week1["key_results"]["kr1"], "red");
    assert_eq!(week1["key_results"]["kr4"], "amber");
    assert_eq!(week1["actual_condition"], "Logs only; no métriques");
    assert_eq!(week1["check_on"], "2025-03-07");
    assert_eq!(
        action(&plan, "architecture.observability")["status"],
        "doing"
    );

    let before = ws.plan(TEAM);
    assert!(ws
        .bad_input(&["checkin", TEAM, "--week", "14"])
        .contains("week from 1 to 13"));
    assert!(ws
        .bad_input(&["checkin", TEAM, "--week", "2", "--kr", "kr99=green"])
        .contains("no key result \"kr99\""));
    ws.bad_input(&["checkin", TEAM, "--week", "2", "--kr", "kr1=blue"]);
    ws.bad_input(&[
        "checkin",
        TEAM,
        "--week",
        "2",
        "--status",
        "methods.nope=done",
    ]);
    ws.bad_input(&["checkin", TEAM, "--week", "2", "--check-on", "next friday"]);
    assert_eq!(ws.plan(TEAM), before);
    assert!(ws
        .bad_input(&["checkin", "Nobody", "--week", "1"])
        .contains("no component named"));
}

#[test]
fn regenerate_shows_the_changes_and_keeps_only_the_edits_asked_for() {
    let ws = worked_example();
    ws.ok(&["plan", TEAM, "--start", "2025-03-03"]);
    ws.ok(&[
        "plan",
        "rename",
        TEAM,
        "architecture.deployment-safety",
        "Feature flags first",
    ]);
    ws.ok(&["plan", "rename", TEAM, "skills.soft-skills", "Listen"]);
    ws.ok(&["plan", "status", TEAM, "architecture.observability", "done"]);
    // the team corrects an answer: soft skills was at its target after all
    ws.ok(&["answer", TEAM, "skills.soft-skills", "2"]);
    ws.ok(&["answer", TEAM, "organization.quality-ownership", "0"]);

    let preview = ws.ok(&["plan", "regenerate", TEAM]);
    assert!(
        preview.contains("  - skills.soft-skills (edited by you)"),
        "{preview}"
    );
    assert!(
        preview.contains("  ~ architecture.deployment-safety: title (edited by you"),
        "{preview}"
    );
    assert_eq!(
        ws.plan(TEAM)["actions"][5]["title"],
        "Listen",
        "a preview changes nothing"
    );

    let plan = ws.json(&[
        "plan",
        "regenerate",
        TEAM,
        "--apply",
        "--keep",
        "architecture.deployment-safety",
        "--json",
    ]);
    assert_eq!(
        action(&plan, "architecture.deployment-safety")["title"],
        "Feature flags first"
    );
    assert!(!action_ids(&plan).contains(&"skills.soft-skills".to_string()));
    assert!(action_ids(&plan).contains(&"organization.quality-ownership".to_string()));
    assert_eq!(
        action(&plan, "architecture.observability")["status"],
        "done"
    );
    assert_eq!(plan["start"], "2025-03-03", "the start date stays");
    assert_eq!(ws.plan(TEAM), plan);
    ws.bad_input(&[
        "plan",
        "regenerate",
        TEAM,
        "--apply",
        "--keep",
        "methods.nope",
    ]);
}

#[test]
fn closing_grades_key_results_from_the_re_assessment_and_the_next_plan_follows() {
    let ws = worked_example();
    let first = ws.json(&["plan", TEAM, "--start", "2025-03-03", "--json"]);
    let refused = ws.bad_input(&["plan", "close", TEAM]);
    assert!(
        refused.contains("hold the re-assessment first"),
        "{refused}"
    );

    ws.ok(&[
        "workshop",
        "start",
        TEAM,
        "--date",
        "2025-05-31",
        "--participants",
        "Ana,Ben",
    ]);
    ws.answer_at_target_except(
        TEAM,
        &[
            ("architecture.observability", "1"),
            ("architecture.deployment-safety", "0"),
            ("architecture.code-maintainability", "2"),
            ("architecture.test-automation", "1"),
            ("methods.deploy-daily", "2"),
            ("skills.soft-skills", "2"),
        ],
    );
    let workshop = ws.latest_workshop(TEAM);
    ws.ok(&["dora", &workshop, "--deploy-frequency", "daily_to_weekly"]);
    let closed = ws.json(&["plan", "close", TEAM, "--json"]);
    assert_eq!(closed["closed_by"].to_string(), workshop);
    let grades: Vec<(String, Option<f64>)> = closed["grades"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["text"].as_str().unwrap().to_string(), g["grade"].as_f64()))
        .collect();
    let grade = |text: &str| grades.iter().find(|g| g.0 == text).unwrap().1;
    assert_eq!(
        grade("Observability pipeline and standard dashboards: level 1 (from 0)"),
        Some(1.0)
    );
    assert_eq!(
        grade(
            "Safe releases and fast recovery: flags, gradual rollout, rollback: level 1 (from 0)"
        ),
        Some(0.0)
    );
    assert_eq!(grade("deployment frequency: at least weekly"), Some(1.0));
    assert_eq!(
        grade("failed deployment recovery time: less than one day"),
        None,
        "not measured again"
    );
    // 8 key results, 7 graded: 6 reached (the pipeline went back to 3 = its target), 1 not
    let mean = closed["mean_grade"].as_f64().unwrap();
    assert!((mean - 6.0 / 7.0).abs() < 1e-9, "{mean}");
    let text = ws.ok(&["plan", "history", TEAM]);
    assert!(text.contains("closed, mean grade 0.86"), "{text}");

    let next = ws.json(&["plan", TEAM, "--start", "2025-06-02", "--json"]);
    assert_eq!(next["previous_plan"], first["id"]);
    assert_eq!(next["workshop_id"].to_string(), workshop);
    assert!(action_ids(&next).contains(&"architecture.deployment-safety".to_string()));
    assert!(!action_ids(&next).contains(&"skills.soft-skills".to_string()));
    let history = ws.json(&["plan", "history", TEAM, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert!(ws
        .bad_input(&["plan", "close", "Nobody"])
        .contains("no component named"));
}

#[test]
fn the_organisation_plan_groups_gaps_shared_by_several_components() {
    let ws = Workspace::new();
    ws.ok(&["group", "add", "Shop"]);
    for (name, observability) in [("Cart", "0"), ("Search", "1"), ("Payments", "2")] {
        ws.ok(&["component", "add", name, "--group", "Shop"]);
        ws.answer_at_target_except(name, &[("architecture.observability", observability)]);
    }
    ws.ok(&["component", "add", "Outside"]);
    ws.answer_at_target_except("Outside", &[("architecture.observability", "0")]);

    let common = ws.json(&["plan", "org", "--group", "Shop", "--json"]);
    let list = common["common_objectives"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{common:#}");
    assert_eq!(list[0]["practice_id"], "architecture.observability");
    let served: Vec<&str> = list[0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(served, ["Cart", "Search"]);
    let text = ws.ok(&["plan", "org"]);
    assert!(
        text.contains("serves: Cart (0→2), Outside (0→2), Search (1→2)"),
        "{text}"
    );
    assert!(ws
        .ok(&["plan", "org", "--group", "Shop", "--min", "3"])
        .contains("no gap is shared by 3 or more components of Shop"));
    ws.bad_input(&["plan", "org", "--group", "Nope"]);
}

#[test]
fn a_schema_4_database_is_migrated_and_can_be_planned() {
    let ws = Workspace::new();
    drop(ws.create_at_schema(4));
    ws.ok(&["component", "add", "Legacy"]);
    ws.ok(&["answer", "Legacy", "methods.trunk-based", "0"]);
    let plan = ws.json(&["plan", "Legacy", "--start", "2025-01-06", "--json"]);
    assert_eq!(action_ids(&plan), ["methods.trunk-based"]);
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, mamos::store::migrations::MIGRATIONS.len() as i64);
    assert!(ws.dir.path().join("mamos.db.v4.backup").exists());
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[test]
fn the_next_plan_starts_after_day_90_of_the_closed_one_or_today() {
    let ws = worked_example();
    // The first plan started 30 days ago: its day 90 is still ahead.
    let start = today() - chrono::Days::new(30);
    let first = ws.json(&["plan", TEAM, "--start", &start.to_string(), "--json"]);
    let reassess = |ws: &Workspace, date: &str| {
        ws.ok(&[
            "workshop",
            "start",
            TEAM,
            "--date",
            date,
            "--participants",
            "Ana",
        ]);
        ws.answer_at_target_except(TEAM, &[("architecture.deployment-safety", "0")]);
        ws.ok(&["plan", "close", TEAM]);
    };
    reassess(&ws, &today().to_string());
    let next = ws.json(&["plan", TEAM, "--json"]);
    let day_91 = first["end"]
        .as_str()
        .unwrap()
        .parse::<chrono::NaiveDate>()
        .unwrap()
        + chrono::Days::new(1);
    assert_eq!(next["start"], day_91.to_string(), "back to back");
    assert_eq!(
        day_91,
        start + chrono::Days::new(90),
        "day 91 of the first plan"
    );

    // A plan whose day 90 is past: the next one starts today, not in the past.
    let ws = worked_example();
    ws.ok(&["plan", TEAM, "--start", "2025-03-03"]);
    reassess(&ws, "2025-05-31");
    let next = ws.json(&["plan", TEAM, "--json"]);
    assert_eq!(next["start"], today().to_string());
    // An explicit --start still wins.
    let ws = worked_example();
    let given = ws.json(&["plan", TEAM, "--start", "2031-01-06", "--json"]);
    assert_eq!(given["start"], "2031-01-06");
}

#[test]
fn regenerating_refuses_a_kept_edit_that_now_breaks_a_dependency() {
    let ws = worked_example();
    ws.ok(&["plan", TEAM, "--start", "2025-03-03"]);
    // deploy-daily depends on standard-pipeline (ends 2025-04-20). Once it is
    // removed, the pipeline can be stretched; regenerating brings deploy-daily
    // back, starting right after the pipeline's generated end.
    ws.ok(&["plan", "remove", TEAM, "methods.deploy-daily"]);
    ws.ok(&[
        "plan",
        "schedule",
        TEAM,
        "methods.standard-pipeline",
        "--start",
        "2025-03-31",
        "--end",
        "2025-05-04",
    ]);
    ws.ok(&["plan", "rename", TEAM, "skills.soft-skills", "Listen"]);
    let before = ws.plan(TEAM);
    let err = ws.bad_input(&["plan", "regenerate", TEAM, "--apply", "--keep-edited"]);
    assert!(
        err.contains("nothing was changed")
            && err.contains("action methods.standard-pipeline")
            && err.contains("methods.deploy-daily, which depends on it"),
        "{err}"
    );
    assert!(
        !err.contains("skills.soft-skills"),
        "only the broken ones: {err}"
    );
    assert_eq!(ws.plan(TEAM), before, "nothing changed");
    // Keeping only the edit that still fits works.
    let plan = ws.json(&[
        "plan",
        "regenerate",
        TEAM,
        "--apply",
        "--keep",
        "skills.soft-skills",
        "--json",
    ]);
    assert_eq!(action(&plan, "skills.soft-skills")["title"], "Listen");
    assert!(action_ids(&plan).contains(&"methods.deploy-daily".to_string()));
}

#[test]
fn a_component_named_like_a_subcommand_has_a_way_in() {
    let ws = Workspace::new();
    for name in ["close", "org"] {
        ws.ok(&["component", "add", name]);
        ws.ok(&["answer", name, "methods.trunk-based", "0"]);
    }
    let created = ws.json(&[
        "plan",
        "--component",
        "close",
        "--start",
        "2025-01-06",
        "--json",
    ]);
    assert_eq!(created["component"], "close");
    let shown = ws.json(&["plan", "--json", "--", "close"]);
    assert_eq!(shown["id"], created["id"]);
    let org = ws.json(&["plan", "--start", "2025-01-06", "--json", "--", "org"]);
    assert_eq!(org["component"], "org");
    // The subcommands take it as usual.
    let err = ws.bad_input(&["plan", "close", "close"]);
    assert!(
        err.contains("\"close\"") && err.contains("hold the re-assessment first"),
        "{err}"
    );
    let history = ws.json(&["plan", "history", "close", "--json"]);
    assert_eq!(history[0]["id"], created["id"]);
    // Without either, `plan close` is the subcommand; its help shows the way.
    let err = ws.bad_input(&["plan", "close"]);
    assert!(err.contains("<COMPONENT>"), "{err}");
    let help = ws.ok(&["plan", "--help"]);
    assert!(help.contains("mamos plan --component close"), "{help}");
    ws.bad_input(&["plan", "--component", "close", "org"]);
}
