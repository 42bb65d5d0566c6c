//! `mamos component|answer|note|group|target|score`: components and groups,
//! and a component's current assessment.

use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use mamos::app::components::{self as app, AnswerChange, NewComponent, TargetChange};
use mamos::assessment::AssessmentView;
use mamos::model::{Blueprint, PillarId};
use mamos::scoring::{OverallScore, PillarScore};
use mamos::store::Store;
use mamos::Result;

use super::{parse_answer, print_json};

#[derive(Subcommand)]
pub enum ComponentCommand {
    /// Create a component and start its assessment.
    Add {
        name: String,
        /// The MAMOS context blueprint that sets the targets.
        #[arg(long, value_enum, default_value = "ii", ignore_case = true)]
        blueprint: BlueprintArg,
        /// The bank to assess it with: its id (newest stored version) or ID@VERSION.
        #[arg(long, value_name = "ID[@VERSION]")]
        bank: Option<String>,
        /// A group it belongs to (repeat for several); the group must exist.
        #[arg(long = "group", value_name = "NAME")]
        groups: Vec<String>,
    },
    /// List components with their progress.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum BlueprintArg {
    I,
    Ii,
    Iii,
    Iv,
}

impl From<BlueprintArg> for Blueprint {
    fn from(arg: BlueprintArg) -> Self {
        match arg {
            BlueprintArg::I => Blueprint::I,
            BlueprintArg::Ii => Blueprint::II,
            BlueprintArg::Iii => Blueprint::III,
            BlueprintArg::Iv => Blueprint::IV,
        }
    }
}

#[derive(clap::Args)]
pub struct AnswerArgs {
    component: String,
    practice_id: String,
    #[arg(value_name = "LEVEL|na|clear", allow_negative_numbers = true)]
    level: String,
    /// Why the practice does not apply (required with `na`).
    #[arg(long)]
    reason: Option<String>,
    /// A note to keep with the answer.
    #[arg(long)]
    note: Option<String>,
}

#[derive(clap::Args)]
pub struct NoteArgs {
    component: String,
    practice_id: String,
    text: String,
}

#[derive(Subcommand)]
pub enum GroupCommand {
    /// Create a group.
    Add { name: String },
    /// List groups and their components.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
#[group(required = true, multiple = false)]
pub struct TargetScope {
    /// One practice.
    #[arg(long, value_name = "ID")]
    practice: Option<String>,
    /// Every practice of a pillar.
    #[arg(long, value_name = "ID")]
    pillar: Option<String>,
}

impl TargetScope {
    /// The practice or pillar id, and whether it is a pillar.
    fn key(self) -> (String, bool) {
        match (self.practice, self.pillar) {
            (Some(practice), _) => (practice, false),
            (None, Some(pillar)) => (pillar, true),
            (None, None) => unreachable!("clap requires one of them"),
        }
    }
}

#[derive(Subcommand)]
pub enum TargetCommand {
    /// Override the target of a practice or a pillar for one component, with a reason.
    Set {
        component: String,
        #[command(flatten)]
        scope: TargetScope,
        level: u8,
        #[arg(long)]
        reason: String,
    },
    /// Go back to the blueprint's target.
    Clear {
        component: String,
        #[command(flatten)]
        scope: TargetScope,
    },
    /// List a component's overrides.
    List {
        component: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
pub struct ScoreArgs {
    component: String,
    #[arg(long)]
    json: bool,
}

pub fn run_component(store: &mut Store, command: ComponentCommand) -> Result<()> {
    match command {
        ComponentCommand::Add {
            name,
            blueprint,
            bank,
            groups,
        } => {
            let new = NewComponent {
                name,
                blueprint: blueprint.into(),
                bank,
                groups,
            };
            let c = app::add_component(store, &new)?;
            say!(
                "component {:?} created (blueprint {}, bank {} {}, {} practices to answer)",
                c.name,
                c.blueprint,
                c.bank_id,
                c.bank_version,
                c.total
            );
        }
        ComponentCommand::List { json } => {
            let components = app::list_components(store)?;
            if json {
                print_json(&components);
            } else if components.is_empty() {
                say!("no components yet; add one with `mamos component add NAME`");
            } else {
                for c in components {
                    say!(
                        "{}  blueprint {}  {}/{} answered  ({} {})",
                        c.name,
                        c.blueprint,
                        c.answered,
                        c.total,
                        c.bank_id,
                        c.bank_version
                    );
                }
            }
        }
    }
    Ok(())
}

pub fn answer(store: &mut Store, args: AnswerArgs) -> Result<()> {
    let answer = parse_answer(&args.level, args.reason)?;
    let change = AnswerChange {
        component_id: app::component_named(store, &args.component)?.id,
        practice_id: args.practice_id,
        answer,
        note: args.note,
    };
    app::set_answer(store, &change)?;
    Ok(())
}

pub fn note(store: &mut Store, args: &NoteArgs) -> Result<()> {
    let id = app::component_named(store, &args.component)?.id;
    app::set_note(store, id, &args.practice_id, &args.text)?;
    Ok(())
}

pub fn run_group(store: &mut Store, command: GroupCommand) -> Result<()> {
    match command {
        GroupCommand::Add { name } => {
            app::add_group(store, &name)?;
            say!("group {:?} created", name.trim());
        }
        GroupCommand::List { json } => {
            let groups = app::groups(store)?;
            if json {
                print_json(&groups);
            } else {
                for group in groups {
                    say!("{}: {}", group.name, group.components.join(", "));
                }
            }
        }
    }
    Ok(())
}

pub fn run_target(store: &mut Store, command: TargetCommand) -> Result<()> {
    match command {
        TargetCommand::Set {
            component,
            scope,
            level,
            reason,
        } => {
            let (key, pillar) = scope.key();
            let change = TargetChange {
                component_id: app::component_named(store, &component)?.id,
                key,
                pillar,
                level,
                reason,
            };
            app::set_target(store, &change)?;
        }
        TargetCommand::Clear { component, scope } => {
            let id = app::component_named(store, &component)?.id;
            let (key, pillar) = scope.key();
            app::clear_target(store, id, &key, pillar)?;
        }
        TargetCommand::List { component, json } => {
            let id = app::component_named(store, &component)?.id;
            let overrides = app::target_overrides(store, id)?;
            if json {
                print_json(&overrides);
            } else {
                for o in overrides {
                    let what = if o.pillar { "pillar" } else { "practice" };
                    say!("{what} {}: target {} ({})", o.key, o.level, o.reason);
                }
            }
        }
    }
    Ok(())
}

pub fn score(store: &mut Store, args: &ScoreArgs) -> Result<()> {
    let id = app::component_named(store, &args.component)?.id;
    let view = app::assessment(store, id)?;
    if args.json {
        print_json(&ScoreReport::new(&view));
    } else {
        super::print_text(&score_table(&view));
    }
    Ok(())
}

/// The `score --json` contract.
#[derive(Serialize)]
struct ScoreReport<'a> {
    component: &'a str,
    bank: BankRef<'a>,
    blueprint: Blueprint,
    overall: &'a OverallScore,
    limiting_pillar: Option<PillarId>,
    pillars: &'a [PillarScore],
}

#[derive(Serialize)]
struct BankRef<'a> {
    id: &'a str,
    version: &'a str,
}

impl<'a> ScoreReport<'a> {
    fn new(view: &'a AssessmentView) -> Self {
        ScoreReport {
            component: &view.component.name,
            bank: BankRef {
                id: &view.component.bank_id,
                version: &view.component.bank_version,
            },
            blueprint: view.component.blueprint,
            overall: &view.scores.overall,
            limiting_pillar: view.scores.limiting_pillar,
            pillars: &view.scores.pillars,
        }
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or("not assessed".to_string(), |v| format!("{v:.1} %"))
}

fn score_table(view: &AssessmentView) -> String {
    let scores = &view.scores;
    let mut out = format!(
        "{} (blueprint {}, bank {} {})\n\n{:<14} {:>13} {:>6} {:>13} {:>9}\n",
        view.component.name,
        view.component.blueprint,
        view.component.bank_id,
        view.component.bank_version,
        "pillar",
        "score",
        "level",
        "to target",
        "answered"
    );
    for pillar in &scores.pillars {
        let name = view
            .bank
            .pillar(pillar.id)
            .map_or(pillar.id.as_str(), |p| p.name.get("en"));
        let marker = if scores.limiting_pillar == Some(pillar.id) {
            "  <- limiting"
        } else {
            ""
        };
        out.push_str(&format!(
            "{:<14} {:>13} {:>6} {:>13} {:>5}/{:<3}{marker}\n",
            name,
            percent(pillar.score),
            pillar.level.map_or("-".to_string(), |l| l.to_string()),
            percent(pillar.percent_to_target),
            pillar.answered + pillar.not_applicable,
            pillar.answered + pillar.not_applicable + pillar.unanswered,
        ));
    }
    out.push_str(&format!(
        "\noverall: {}, level {}\n",
        percent(scores.overall.score),
        scores
            .overall
            .level
            .map_or("not assessed".to_string(), |l| l.to_string())
    ));
    out
}
