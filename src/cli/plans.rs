//! `mamos plan` and `mamos checkin`: 90-day plans shown, created, edited,
//! regenerated, checked weekly and closed, and the organisation-level plan.

use clap::Subcommand;

use mamos::app::components::component_named;
use mamos::app::plans::{self as app, PlanRequest, Regenerate};
use mamos::model::Owner;
use mamos::plan::{ActionEdit, ActionStatus, CheckinInput, NewAction, PlanDiff, Rag, StoredPlan};
use mamos::store::Store;
use mamos::{Error, Result};

use super::{parse_date, print_json, print_text, today};

#[derive(clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "A component named like a subcommand: `mamos plan --component close`, \
                  or `mamos plan [OPTIONS] -- close`. The subcommands take it as usual: \
                  `mamos plan close close`."
)]
pub struct PlanArgs {
    #[command(subcommand)]
    command: Option<PlanCommand>,
    /// The component. One named like a subcommand (`close`, `org`, …) is
    /// given with --component NAME, or after `--` at the end.
    #[arg(required_unless_present = "named", conflicts_with = "named")]
    component: Option<String>,
    /// The component, whatever its name.
    #[arg(long = "component", id = "named", value_name = "NAME")]
    named: Option<String>,
    /// Day 1 of a new plan (default: the day after the previous plan's day 90,
    /// or today if that is past or there is no previous plan).
    #[arg(long, value_name = "YYYY-MM-DD")]
    start: Option<String>,
    /// At most this many objectives in a new plan (default 3).
    #[arg(long, value_name = "N")]
    objectives: Option<u32>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum PlanCommand {
    /// Close the open plan at the re-assessment: grade its key results 0–1 from the latest workshop.
    Close {
        component: String,
        #[arg(long)]
        json: bool,
    },
    /// Show what regenerating the open plan from the current workshop would change;
    /// with --apply, do it. Edited actions are replaced unless kept.
    Regenerate {
        component: String,
        #[arg(long, value_name = "N")]
        objectives: Option<u32>,
        #[arg(long)]
        apply: bool,
        /// Keep this action as it is (repeat for several).
        #[arg(long = "keep", value_name = "ACTION")]
        keep: Vec<String>,
        /// Keep every action the coach edited or added.
        #[arg(long)]
        keep_edited: bool,
        #[arg(long)]
        json: bool,
    },
    /// Add an action of your own to the open plan; prints its id.
    Add {
        component: String,
        title: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        start: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        end: String,
        /// team, team_lead, platform, qa_engineer or management.
        #[arg(long, default_value = "team")]
        owner: String,
        #[arg(long, value_name = "NAME")]
        assignee: Option<String>,
        /// The objective it serves (default: the first).
        #[arg(long, value_name = "ID")]
        objective: Option<String>,
    },
    /// Remove an action from the open plan.
    Remove { component: String, action: String },
    /// Rename an action.
    Rename {
        component: String,
        action: String,
        title: String,
    },
    /// Give an action another owner role and/or a person's name (an empty name clears it).
    Assign {
        component: String,
        action: String,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, value_name = "NAME")]
        to: Option<String>,
    },
    /// Reschedule an action within the 90 days, after what it depends on.
    Schedule {
        component: String,
        action: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        start: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        end: String,
    },
    /// Move an action to another position in the plan's order (1 = first).
    Move {
        component: String,
        action: String,
        #[arg(long, value_name = "N")]
        to: u32,
    },
    /// Set an action's status: todo, doing, done or dropped.
    Status {
        component: String,
        action: String,
        status: String,
    },
    /// Keep one version of a plan that an import found edited differently
    /// (see `plan history`); the other versions are deleted.
    Resolve {
        component: String,
        /// The plan id to keep: the plan or one of its conflicting versions.
        #[arg(long, value_name = "PLAN")]
        keep: i64,
    },
    /// Every plan of a component, oldest first, with its grades once closed.
    History {
        component: String,
        #[arg(long)]
        json: bool,
    },
    /// Gaps shared by several components (of a group, or the organisation): common objectives.
    Org {
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
        /// Components that must share a gap.
        #[arg(long, default_value_t = 2)]
        min: usize,
        #[arg(long, default_value_t = 3)]
        max: usize,
        #[arg(long)]
        json: bool,
    },
}

/// `mamos checkin COMPONENT --week N …`.
#[derive(clap::Args)]
pub struct CheckinArgs {
    pub component: String,
    /// Plan week 1–13.
    #[arg(long)]
    pub week: u32,
    /// A key result's state, e.g. kr1=green (repeat for several).
    #[arg(long = "kr", value_name = "ID=red|amber|green")]
    pub key_results: Vec<String>,
    /// An action's status, e.g. methods.deploy-daily=doing (repeat for several).
    #[arg(long = "status", value_name = "ID=todo|doing|done|dropped")]
    pub statuses: Vec<String>,
    /// What should the situation be?
    #[arg(long)]
    pub target_condition: Option<String>,
    /// What is it now?
    #[arg(long)]
    pub actual_condition: Option<String>,
    /// Which obstacle are we addressing now?
    #[arg(long)]
    pub obstacle: Option<String>,
    /// The next step and its expected result.
    #[arg(long)]
    pub next_step: Option<String>,
    /// When we can see what we learned from it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub check_on: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run_checkin(store: &mut Store, args: CheckinArgs) -> Result<()> {
    let id = component_named(store, &args.component)?.id;
    let week = args.week;
    let mut input = CheckinInput {
        week,
        target_condition: args.target_condition,
        actual_condition: args.actual_condition,
        obstacle: args.obstacle,
        next_step: args.next_step,
        check_on: args
            .check_on
            .as_deref()
            .map(|d| parse_date("--check-on", d))
            .transpose()?,
        ..CheckinInput::default()
    };
    for pair in &args.key_results {
        let (kr, rag) = split_pair("--kr", pair)?;
        input.key_results.insert(kr.to_string(), Rag::parse(rag)?);
    }
    for pair in &args.statuses {
        let (action, status) = split_pair("--status", pair)?;
        input
            .statuses
            .insert(action.to_string(), ActionStatus::parse(status)?);
    }
    let stored = app::record_checkin(store, id, &input)?;
    let checkin = stored
        .recorded_checkins
        .iter()
        .find(|c| c.week == week)
        .expect("the check-in was just recorded");
    if args.json {
        print_json(checkin);
    } else {
        say!(
            "check-in of week {week} ({}) recorded for {}",
            checkin.date,
            stored.component
        );
    }
    Ok(())
}

/// `ID=VALUE`, as `--kr` and `--status` take it.
fn split_pair<'a>(field: &str, text: &'a str) -> Result<(&'a str, &'a str)> {
    text.split_once('=')
        .map(|(id, value)| (id.trim(), value.trim()))
        .ok_or_else(|| Error::invalid(field, format!("expected ID=VALUE, found {text:?}")))
}

fn parse_owner(text: &str) -> Result<Owner> {
    Owner::parse(text.trim()).ok_or_else(|| {
        Error::invalid(
            "--owner",
            format!(
                "expected team, team_lead, platform, qa_engineer or management, found {text:?}"
            ),
        )
    })
}

pub fn run_plan(store: &mut Store, args: PlanArgs) -> Result<()> {
    let Some(command) = args.command else {
        let name = args
            .component
            .or(args.named)
            .expect("clap requires the component");
        let request = PlanRequest {
            component_id: component_named(store, &name)?.id,
            start: args
                .start
                .map(|text| parse_date("--start", &text))
                .transpose()?,
            objectives: args.objectives,
        };
        let stored = app::open_or_create_plan(store, &request, today())?;
        return show(&stored, args.json, plan_text);
    };
    match command {
        PlanCommand::Close { component, json } => {
            let stored = app::close_plan(store, component_named(store, &component)?.id)?;
            show(&stored, json, grades_text)
        }
        PlanCommand::Regenerate {
            component,
            objectives,
            apply,
            keep,
            keep_edited,
            json,
        } => {
            let id = component_named(store, &component)?.id;
            if !apply {
                let preview = app::preview_regenerate(store, id, objectives)?;
                if json {
                    print_json(&preview);
                } else {
                    print_text(&diff_text(&preview.diff));
                }
                return Ok(());
            }
            let request = Regenerate {
                component_id: id,
                objectives,
                keep,
                keep_edited,
            };
            show(&app::regenerate(store, &request)?, json, plan_text)
        }
        PlanCommand::Add {
            component,
            title,
            start,
            end,
            owner,
            assignee,
            objective,
        } => {
            let new = NewAction {
                title,
                objective,
                owner: parse_owner(&owner)?,
                assignee,
                start: parse_date("--start", &start)?,
                end: parse_date("--end", &end)?,
            };
            let added = app::add_action(store, component_named(store, &component)?.id, &new)?;
            say!("{}", added.action.id);
            Ok(())
        }
        PlanCommand::Remove { component, action } => {
            app::remove_action(store, component_named(store, &component)?.id, &action)?;
            Ok(())
        }
        PlanCommand::Resolve { component, keep } => {
            let stored = app::resolve_plan(store, component_named(store, &component)?.id, keep)?;
            say!(
                "plan {} of {}: version {keep} kept, the other versions deleted",
                stored.id,
                stored.component
            );
            Ok(())
        }
        PlanCommand::History { component, json } => {
            let plans = app::plans(store, component_named(store, &component)?.id)?;
            if json {
                print_json(&plans);
            } else {
                print_text(&history_text(&plans));
            }
            Ok(())
        }
        PlanCommand::Org {
            group,
            min,
            max,
            json,
        } => {
            let common = app::common_objectives(
                store,
                group.as_deref(),
                min,
                max,
                mamos::model::DEFAULT_LANG,
            )?;
            if json {
                print_json(&serde_json::json!({"group": group, "common_objectives": common}));
            } else if common.is_empty() {
                say!(
                    "no gap is shared by {min} or more components of {}",
                    group.as_deref().unwrap_or("the organisation")
                );
            } else {
                print_text(&common_objectives_text(&common));
            }
            Ok(())
        }
        edit => edit_action(store, edit),
    }
}

/// The subcommands that edit one action of the open plan.
fn edit_action(store: &mut Store, command: PlanCommand) -> Result<()> {
    let (component, action, edit) = match command {
        PlanCommand::Rename {
            component,
            action,
            title,
        } => (component, action, ActionEdit::Rename { title }),
        PlanCommand::Assign {
            component,
            action,
            owner,
            to,
        } => {
            let owner = owner.as_deref().map(parse_owner).transpose()?;
            let edit = ActionEdit::Reassign {
                owner,
                assignee: to,
            };
            (component, action, edit)
        }
        PlanCommand::Schedule {
            component,
            action,
            start,
            end,
        } => {
            let edit = ActionEdit::Reschedule {
                start: parse_date("--start", &start)?,
                end: parse_date("--end", &end)?,
            };
            (component, action, edit)
        }
        PlanCommand::Move {
            component,
            action,
            to,
        } => (component, action, ActionEdit::Move { position: to }),
        PlanCommand::Status {
            component,
            action,
            status,
        } => {
            let edit = ActionEdit::Status {
                status: ActionStatus::parse(&status)?,
            };
            (component, action, edit)
        }
        _ => unreachable!("run_plan handles the other subcommands"),
    };
    let id = component_named(store, &component)?.id;
    app::edit_action(store, id, &action, &edit)?;
    Ok(())
}

/// Prints a plan as JSON, or as `text` renders it.
fn show(stored: &StoredPlan, json: bool, text: fn(&StoredPlan) -> String) -> Result<()> {
    if json {
        print_json(stored);
    } else {
        print_text(&text(stored));
    }
    Ok(())
}

fn history_text(plans: &[StoredPlan]) -> String {
    let mut out = String::new();
    for p in plans {
        let state = match (p.conflict_of, &p.closed_at, p.mean_grade) {
            (Some(original), _, _) => format!(
                "conflicting version of plan {original}: keep one with `mamos plan resolve`"
            ),
            (None, None, _) => "open".to_string(),
            (None, Some(_), Some(grade)) => format!("closed, mean grade {grade:.2}"),
            (None, Some(_), None) => "closed, not graded".to_string(),
        };
        out.push_str(&format!(
            "{}  {} to {}  {} actions  {state}\n",
            p.id,
            p.plan.start,
            p.plan.end,
            p.plan.actions.len()
        ));
    }
    out
}

fn common_objectives_text(common: &[mamos::plan::CommonObjective]) -> String {
    let mut out = String::new();
    for o in common {
        let served: Vec<String> = o
            .components
            .iter()
            .map(|c| format!("{} ({}→{})", c.name, c.level, c.target))
            .collect();
        out.push_str(&format!(
            "{}  [{}, owner {}, priority {:.2}]\n  serves: {}\n  next step: {}\n",
            o.title,
            o.practice_id,
            o.owner.as_str(),
            o.priority,
            served.join(", "),
            o.step
        ));
    }
    out
}

fn plan_text(stored: &StoredPlan) -> String {
    let plan = &stored.plan;
    let mut out = format!(
        "90-day plan {} of {}: {} to {} (re-assessment {})\n",
        stored.id, stored.component, plan.start, plan.end, plan.reassessment
    );
    if let Some(reason) = &plan.empty_reason {
        out.push_str(&format!("\nnothing planned: {reason}\n"));
    }
    for objective in &plan.objectives {
        out.push_str(&format!("\n{}  {}\n", objective.id, objective.title));
        for kr in &objective.key_results {
            out.push_str(&format!("  {}  {}\n", kr.id, kr.text));
        }
        for a in plan.actions.iter().filter(|a| a.objective == objective.id) {
            let owner = a
                .assignee
                .clone()
                .unwrap_or_else(|| a.owner.as_str().to_string());
            out.push_str(&format!(
                "  - {}  [{}]  {}  weeks {}–{} ({} to {})  owner {owner}\n      {}\n",
                a.title,
                a.id,
                a.status.as_str(),
                a.start_week,
                a.end_week,
                a.start,
                a.end,
                a.step
            ));
            if let Some(why) = &a.why {
                out.push_str(&format!("      why: {}\n", why.text));
            }
        }
    }
    if !plan.milestones.is_empty() {
        out.push_str("\nmilestones\n");
        for m in &plan.milestones {
            out.push_str(&format!(
                "  day {} ({}): {}\n",
                m.day,
                m.date,
                m.criteria.join("; ")
            ));
        }
    }
    if !plan.checkins.is_empty() {
        let dates: Vec<String> = plan.checkins.iter().map(|c| c.date.to_string()).collect();
        out.push_str(&format!(
            "\nweekly 30-minute check-ins: {}\n",
            dates.join(", ")
        ));
    }
    if !plan.deferred.is_empty() {
        out.push_str(&format!(
            "\n{} gaps left for a later cycle\n",
            plan.deferred.len()
        ));
    }
    out
}

fn grades_text(stored: &StoredPlan) -> String {
    let mut out = format!(
        "plan {} of {} closed by workshop {}\n",
        stored.id,
        stored.component,
        stored.closed_by.map_or("-".to_string(), |w| w.to_string())
    );
    for g in &stored.grades {
        out.push_str(&format!(
            "  {}  {}: {} (found {})\n",
            g.key_result,
            g.text,
            g.grade
                .map_or("not graded".to_string(), |v| format!("{v:.2}")),
            g.found.as_deref().unwrap_or("nothing")
        ));
    }
    out.push_str(&format!(
        "mean grade: {}\n",
        stored
            .mean_grade
            .map_or("not graded".to_string(), |v| format!("{v:.2}"))
    ));
    out
}

fn diff_text(diff: &PlanDiff) -> String {
    if diff.is_empty() {
        return "regenerating would change nothing\n".to_string();
    }
    let mut out = String::from("regenerating would change:\n");
    for id in &diff.added {
        out.push_str(&format!("  + {id}\n"));
    }
    for id in &diff.removed {
        let edited = if diff.edited_removed.contains(id) {
            " (edited by you)"
        } else {
            ""
        };
        out.push_str(&format!("  - {id}{edited}\n"));
    }
    for change in &diff.changed {
        let edited = if change.edited {
            " (edited by you: --keep it to keep your version)"
        } else {
            ""
        };
        out.push_str(&format!(
            "  ~ {}: {}{edited}\n",
            change.id,
            change.fields.join(", ")
        ));
    }
    if diff.objectives_changed {
        out.push_str("  objectives or key results change\n");
    }
    out.push_str(
        "apply with `mamos plan regenerate COMPONENT --apply [--keep ACTION] [--keep-edited]`\n",
    );
    out
}
