//! `mamos`: every core capability, headless. Exit 0 on success, 2 on bad
//! input (unknown component, invalid bank, level out of range, ...), 1 when
//! the environment fails (database locked, disk full).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use mamos::dora::{DoraOutcome, FrequencyBand, TimeBand};
use mamos::exchange_files;
use mamos::model::lint::lint_bank;
use mamos::model::show::bank_text;
use mamos::model::{parse_bank, Blueprint, PillarId};
use mamos::scoring::Answer;
use mamos::store::{default_db_path, BankImport, ExportScope, Store};
use mamos::{Error, Result};

mod cli_plan;

#[derive(Parser)]
#[command(
    name = "mamos",
    version,
    about = "Quality Engineering maturity assessments on the five MAMOS pillars",
    after_help = "The database is $MAMOS_DB, or mamos/mamos.db in your data directory, unless --db is given."
)]
struct Cli {
    /// The SQLite database file (created if missing).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a bank file and print every problem found.
    Validate {
        #[arg(value_name = "BANK.json")]
        bank: PathBuf,
    },
    /// Question banks stored in the database.
    #[command(subcommand)]
    Bank(BankCommand),
    /// Components (teams or software systems) being assessed.
    #[command(subcommand)]
    Component(ComponentCommand),
    /// Answer one practice for a component: a level 0–4, `na` (with --reason), or `clear`.
    Answer {
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
    },
    /// Set the note of one practice (an empty text removes it).
    Note {
        component: String,
        practice_id: String,
        text: String,
    },
    /// Groups of components (domain, tribe, department).
    #[command(subcommand)]
    Group(GroupCommand),
    /// Workshops: dated assessments of a component with several voters.
    #[command(subcommand)]
    Workshop(WorkshopCommand),
    /// Cast one participant's vote on a practice: a level 0–4, `na` (with --reason), or `clear`.
    Vote {
        workshop: i64,
        participant: String,
        practice_id: String,
        #[arg(value_name = "LEVEL|na|clear", allow_negative_numbers = true)]
        level: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Set the agreed answer of a practice in a workshop (the facilitator's decision).
    Agree {
        workshop: i64,
        practice_id: String,
        #[arg(value_name = "LEVEL|na|clear", allow_negative_numbers = true)]
        level: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Show the votes of a practice to the room (they are hidden until then).
    Reveal { workshop: i64, practice_id: String },
    /// The practices whose votes spread by two levels or more, or mix N/A with levels.
    Disagreements {
        workshop: i64,
        #[arg(long)]
        json: bool,
    },
    /// Enter or show a workshop's DORA metrics, their cluster for a report year, and Quick Check scores.
    /// Metrics given replace earlier ones; the others are kept.
    Dora {
        workshop: i64,
        /// Change lead time band, e.g. less_than_one_day.
        #[arg(long, value_name = "BAND")]
        lead_time: Option<String>,
        /// Deployment frequency band, e.g. daily_to_weekly.
        #[arg(long, value_name = "BAND")]
        deploy_frequency: Option<String>,
        /// Failed deployment recovery time band.
        #[arg(long, value_name = "BAND")]
        recovery: Option<String>,
        /// Change fail rate, % of deployments (0–100).
        #[arg(long, value_name = "PCT")]
        change_fail: Option<f64>,
        /// Deployment rework rate, % of deployments (0–100).
        #[arg(long, value_name = "PCT")]
        rework: Option<f64>,
        /// The State of DevOps report whose clusters classify the metrics: 2019, 2021, 2023 or 2024.
        #[arg(long)]
        year: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// What changed between two workshops of a component (default: the last two).
    Compare {
        component: String,
        #[arg(long, value_name = "WORKSHOP")]
        from: Option<i64>,
        #[arg(long, value_name = "WORKSHOP")]
        to: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Roll-up of the organisation (or one group): per pillar the mean, min and max of the
    /// components' latest scores, and the most common limiting pillar.
    Org {
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Scores over time: of one component (one point per workshop), or of a group or the
    /// organisation (per date or quarter, the mean of each component's latest scores by then).
    Trend {
        #[arg(required_unless_present_any = ["group", "org"], conflicts_with_all = ["group", "org"])]
        component: Option<String>,
        #[arg(long, value_name = "NAME", conflicts_with = "org")]
        group: Option<String>,
        #[arg(long)]
        org: bool,
        /// For a group or the organisation: one point per assessment date, or per quarter.
        #[arg(long, value_enum, default_value = "date", conflicts_with = "component")]
        by: TrendBy,
        #[arg(long)]
        json: bool,
    },
    /// Write a self-contained .mamos.json bundle: the organisation, one group or one component.
    Export {
        #[arg(long, value_name = "FILE.mamos.json")]
        out: PathBuf,
        #[arg(long, value_name = "NAME", conflicts_with = "group")]
        component: Option<String>,
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
    },
    /// Write votes.csv, answers.csv, pillar_scores.csv, plan_actions.csv, plan_key_results.csv
    /// and checkins.csv (UTF-8, a header row, one row per vote / answer / pillar score /
    /// plan action / key result / check-in).
    Csv {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Add the contents of a .mamos.json bundle; all or nothing.
    Import {
        #[arg(value_name = "FILE.mamos.json")]
        bundle: PathBuf,
    },
    /// A component's targets where its blueprint's do not fit its context.
    #[command(subcommand)]
    Target(TargetCommand),
    /// Evidence links (a URL or a file path) for a practice of a workshop.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// Pillar scores, levels, the overall level and the limiting pillar.
    Score {
        component: String,
        #[arg(long)]
        json: bool,
    },
    /// A component's 90-day action plan: shown if one is open, else generated from its
    /// current workshop and stored. Subcommands edit, regenerate and close it.
    Plan(cli_plan::PlanArgs),
    /// Record the weekly check-in of a component's open plan: red/amber/green per key
    /// result, the improvement-kata answers and action statuses. Repeat to complete a week.
    Checkin(cli_plan::CheckinArgs),
    /// Write a PDF report: the one-page executive summary (component, group or
    /// organisation), the coach's workbook of a component's latest workshop, the
    /// team onboarding pack of its open plan, or the organisation (or group) report.
    Report(ReportArgs),
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("scope").args(["name", "component", "group", "org"]).required(true)))]
struct ReportArgs {
    /// The component (same as --component).
    #[arg(value_name = "COMPONENT")]
    name: Option<String>,
    #[arg(long, value_name = "NAME")]
    component: Option<String>,
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// The whole organisation.
    #[arg(long)]
    org: bool,
    #[arg(long, value_enum, default_value = "executive")]
    kind: ReportKind,
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Language of the report: en or fr.
    #[arg(long, default_value = "en")]
    lang: String,
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// The date printed on the report (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// The organisation's name, for the page headers.
    #[arg(long, value_name = "NAME", default_value = "")]
    org_name: String,
    /// The PDF's author (default: the facilitator of the component's latest workshop).
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportKind {
    Executive,
    Workbook,
    Onboarding,
    Org,
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

#[derive(Subcommand)]
enum BankCommand {
    /// Validate a bank file, then store it.
    Import {
        #[arg(value_name = "BANK.json")]
        bank: PathBuf,
    },
    /// List the stored banks.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print a bank readably: pillars, practices, level descriptors, next steps.
    Show {
        /// A bank file to show instead of a stored bank.
        #[arg(long, value_name = "BANK.json")]
        file: Option<PathBuf>,
        /// The stored bank to show (its newest version).
        #[arg(long, value_name = "ID", default_value = "mamos-qe")]
        bank: String,
        /// Language of the texts (English where a text has no translation).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Only this pillar: methods, architecture, management, organization or skills.
        #[arg(long, value_name = "ID")]
        pillar: Option<String>,
    },
    /// Validate a bank file and run the content checks; print every finding.
    Lint {
        #[arg(value_name = "BANK.json")]
        bank: PathBuf,
    },
}

#[derive(Subcommand)]
enum ComponentCommand {
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

#[derive(clap::Args)]
#[group(required = true, multiple = false)]
struct TargetScope {
    /// One practice.
    #[arg(long, value_name = "ID")]
    practice: Option<String>,
    /// Every practice of a pillar.
    #[arg(long, value_name = "ID")]
    pillar: Option<String>,
}

impl TargetScope {
    fn key(&self) -> (&str, bool) {
        match (&self.practice, &self.pillar) {
            (Some(practice), _) => (practice, false),
            (None, Some(pillar)) => (pillar, true),
            (None, None) => unreachable!("clap requires one of them"),
        }
    }
}

#[derive(Subcommand)]
enum TargetCommand {
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

#[derive(Subcommand)]
enum EvidenceCommand {
    /// Add a link to what shows a practice's level.
    Add {
        workshop: i64,
        practice_id: String,
        /// A URL or a file path.
        target: String,
        /// A short label.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List a workshop's evidence links.
    List {
        workshop: i64,
        #[arg(long)]
        json: bool,
    },
    /// Remove an evidence link by its id.
    Remove { id: i64 },
}

#[derive(Subcommand)]
enum GroupCommand {
    /// Create a group.
    Add { name: String },
    /// List groups and their components.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum WorkshopCommand {
    /// Start a workshop of a component; prints its id.
    Start {
        component: String,
        /// The day it is held (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Names or initials, separated by commas.
        #[arg(long, value_name = "\"Ana,Ben,Chloé\"")]
        participants: String,
        #[arg(long, default_value = "")]
        facilitator: String,
    },
    /// List the workshops of a component in the order held, with the
    /// conflicting versions an import kept.
    List {
        component: String,
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict an import left: keep one version of a workshop (the
    /// workshop or a conflicting version of it), under the workshop's id.
    Resolve {
        component: String,
        /// The id of the version to keep.
        #[arg(long, value_name = "ID")]
        keep: i64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TrendBy {
    Date,
    Quarter,
}

#[derive(Clone, Copy, ValueEnum)]
enum BlueprintArg {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mamos: {error}");
            ExitCode::from(if error.is_bad_input() { 2 } else { 1 })
        }
    }
}

fn read_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::File {
        path: path.to_path_buf(),
        source,
    })
}

fn print_json(value: &impl Serialize) {
    use std::io::Write;
    let text = serde_json::to_string_pretty(value).expect("our types always serialize");
    // `mamos … --json | head` closes the pipe early: that is not an error.
    if let Err(error) = writeln!(std::io::stdout().lock(), "{text}") {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("mamos: could not write the output: {error}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    if let Command::Bank(BankCommand::Lint { bank }) = &cli.command {
        let file = bank.display().to_string();
        let parsed = parse_bank(&file, &read_file(bank)?)?;
        let findings = lint_bank(&parsed);
        if findings.is_empty() {
            println!(
                "{file}: no findings ({} practices checked)",
                parsed.practice_count()
            );
            return Ok(());
        }
        for finding in &findings {
            eprintln!("{file}: {finding}");
        }
        return Err(Error::invalid(
            &file,
            format!("{} content finding(s) above", findings.len()),
        ));
    }
    if let Command::Bank(BankCommand::Show {
        file: Some(file), ..
    }) = &cli.command
    {
        let parsed = parse_bank(&file.display().to_string(), &read_file(file)?)?;
        return show_bank(&parsed, &cli.command);
    }
    if let Command::Validate { bank } = &cli.command {
        // Validation needs no database.
        let parsed = parse_bank(&bank.display().to_string(), &read_file(bank)?)?;
        println!(
            "{}: valid bank {} {} ({} pillars, {} practices)",
            bank.display(),
            parsed.id,
            parsed.version,
            parsed.pillars.len(),
            parsed.practice_count()
        );
        return Ok(());
    }
    let db_path = cli.db.unwrap_or_else(default_db_path);
    let mut store = Store::open(&db_path)?;
    match cli.command {
        Command::Validate { .. } | Command::Bank(BankCommand::Lint { .. }) => {
            unreachable!("handled above")
        }
        Command::Bank(BankCommand::Show { ref bank, .. }) => {
            let version = store.latest_bank_version(bank)?;
            show_bank(&store.bank(bank, &version)?, &cli.command)?;
        }
        Command::Bank(BankCommand::Import { bank }) => {
            let parsed = parse_bank(&bank.display().to_string(), &read_file(&bank)?)?;
            let outcome = match store.import_bank(&parsed)? {
                BankImport::Stored => "stored",
                BankImport::AlreadyStored => "already stored, unchanged",
            };
            println!("bank {} {}: {outcome}", parsed.id, parsed.version);
        }
        Command::Bank(BankCommand::List { json }) => {
            let banks = store.banks()?;
            if json {
                print_json(&banks);
            } else {
                for bank in banks {
                    println!(
                        "{} {}  {} ({} practices)",
                        bank.id, bank.version, bank.title, bank.practices
                    );
                }
            }
        }
        Command::Component(ComponentCommand::Add {
            name,
            blueprint,
            bank,
            groups,
        }) => {
            // Every group must exist before anything is created.
            for group in &groups {
                store
                    .group_id(group)?
                    .ok_or_else(|| Error::UnknownGroup(group.clone()))?;
            }
            let component = store.add_component(&name, blueprint.into(), bank.as_deref())?;
            for group in &groups {
                store.add_to_group(component.id, group)?;
            }
            println!(
                "component {:?} created (blueprint {}, bank {} {}, {} practices to answer)",
                component.name,
                component.blueprint,
                component.bank_id,
                component.bank_version,
                component.total
            );
        }
        Command::Component(ComponentCommand::List { json }) => {
            let components = store.components()?;
            if json {
                print_json(&components);
            } else if components.is_empty() {
                println!("no components yet; add one with `mamos component add NAME`");
            } else {
                for c in components {
                    println!(
                        "{}  blueprint {}  {}/{} answered  ({} {})",
                        c.name, c.blueprint, c.answered, c.total, c.bank_id, c.bank_version
                    );
                }
            }
        }
        Command::Answer {
            component,
            practice_id,
            level,
            reason,
            note,
        } => {
            let answer = parse_answer(&level, reason)?;
            let id = store.component_by_name(&component)?.id;
            // Check everything before writing anything.
            if let Some(note) = &note {
                mamos::assessment::check_note_length("note", note)?;
            }
            store.set_answer(id, &practice_id, answer)?;
            if let Some(note) = note {
                store.set_note(id, &practice_id, &note)?;
            }
        }
        Command::Note {
            component,
            practice_id,
            text,
        } => {
            let id = store.component_by_name(&component)?.id;
            store.set_note(id, &practice_id, &text)?;
        }
        Command::Group(GroupCommand::Add { name }) => {
            store.add_group(&name)?;
            println!("group {:?} created", name.trim());
        }
        Command::Group(GroupCommand::List { json }) => {
            let groups = store.groups()?;
            if json {
                let list: Vec<serde_json::Value> = groups
                    .iter()
                    .map(|(name, members)| serde_json::json!({"name": name, "components": members}))
                    .collect();
                print_json(&list);
            } else {
                for (name, members) in groups {
                    println!("{name}: {}", members.join(", "));
                }
            }
        }
        Command::Workshop(WorkshopCommand::Start {
            component,
            date,
            participants,
            facilitator,
        }) => {
            let held_on = match date {
                Some(text) => parse_date(&text)?,
                None => chrono::Local::now().date_naive(),
            };
            let participants = mamos::workshop::parse_participants(&participants)?;
            let id = store.component_by_name(&component)?.id;
            let workshop = store.start_workshop(id, held_on, &facilitator, &participants)?;
            println!("{}", workshop.id);
        }
        Command::Workshop(WorkshopCommand::List { component, json }) => {
            let workshops = store.all_workshops(store.component_by_name(&component)?.id)?;
            if json {
                print_json(&workshops);
            } else {
                for w in workshops {
                    let conflict = w.conflict_of.map_or(String::new(), |original| {
                        format!("  conflicting version of workshop {original}")
                    });
                    println!(
                        "{}  {}  {}  ({} {}){conflict}",
                        w.id,
                        w.held_on,
                        w.participants.join(", "),
                        w.bank_id,
                        w.bank_version
                    );
                }
            }
        }
        Command::Workshop(WorkshopCommand::Resolve { component, keep }) => {
            let id = store.component_by_name(&component)?.id;
            let kept = store.resolve_workshop(id, keep)?;
            println!(
                "kept workshop {kept} as it was in version {keep}; the other versions are removed"
            );
        }
        Command::Vote {
            workshop,
            participant,
            practice_id,
            level,
            reason,
        } => {
            let answer = parse_answer(&level, reason)?;
            store.cast_vote(workshop, &participant, &practice_id, answer)?;
        }
        Command::Agree {
            workshop,
            practice_id,
            level,
            reason,
        } => {
            let answer = parse_answer(&level, reason)?;
            store.agree(workshop, &practice_id, answer)?;
        }
        Command::Reveal {
            workshop,
            practice_id,
        } => {
            store.reveal(workshop, &practice_id)?;
            for vote in store
                .votes(workshop)?
                .remove(&practice_id)
                .unwrap_or_default()
            {
                println!("{}: {}", vote.participant, answer_text(&vote.answer));
            }
        }
        Command::Disagreements { workshop, json } => {
            let flagged = store.disagreements(workshop)?;
            if json {
                print_json(&flagged);
            } else if flagged.is_empty() {
                println!("no disagreement in workshop {workshop}");
            } else {
                for f in flagged {
                    let votes: Vec<String> = f
                        .votes
                        .iter()
                        .map(|v| format!("{} {}", v.participant, answer_text(&v.answer)))
                        .collect();
                    let state = if f.resolved { "resolved" } else { "to discuss" };
                    println!("{}  [{state}]  {}", f.practice_id, votes.join(", "));
                }
            }
        }
        Command::Dora {
            workshop,
            lead_time,
            deploy_frequency,
            recovery,
            change_fail,
            rework,
            year,
            json,
        } => {
            let (mut metrics, stored_year) = store
                .dora(workshop)?
                .unwrap_or((Default::default(), mamos::dora::ReportYear::LATEST));
            let year = match year {
                Some(text) => text.parse()?,
                None => stored_year,
            };
            let changes = lead_time.is_some()
                || deploy_frequency.is_some()
                || recovery.is_some()
                || change_fail.is_some()
                || rework.is_some();
            if let Some(text) = lead_time {
                metrics.lead_time = Some(TimeBand::parse_for("--lead-time", &text)?);
            }
            if let Some(text) = deploy_frequency {
                metrics.deploy_frequency =
                    Some(FrequencyBand::parse_for("--deploy-frequency", &text)?);
            }
            if let Some(text) = recovery {
                metrics.recovery = Some(TimeBand::parse_for("--recovery", &text)?);
            }
            metrics.change_fail_rate = change_fail.or(metrics.change_fail_rate);
            metrics.rework_rate = rework.or(metrics.rework_rate);
            if changes || store.dora(workshop)?.is_some_and(|(_, y)| y != year) {
                store.set_dora(workshop, &metrics, year)?;
            }
            let outcome = DoraOutcome::new(metrics, year);
            if json {
                print_json(&outcome);
            } else {
                print!("{}", dora_text(workshop, &outcome));
            }
        }
        Command::Compare {
            component,
            from,
            to,
            json,
        } => {
            let component = store.component_by_name(&component)?;
            // Any two workshops compare, conflicting versions too; the
            // defaults come from the history.
            let all: Vec<i64> = store
                .all_workshops(component.id)?
                .iter()
                .map(|w| w.id)
                .collect();
            let ids: Vec<i64> = store
                .workshops(component.id)?
                .iter()
                .map(|w| w.id)
                .collect();
            let pick = |chosen: Option<i64>, default: Option<i64>, which: &str| -> Result<i64> {
                match chosen {
                    Some(id) if all.contains(&id) => Ok(id),
                    Some(id) => Err(Error::not_found(
                        which,
                        format!("workshop {id} is not a workshop of {:?}; its workshops are {all:?}", component.name),
                    )),
                    None => default.ok_or_else(|| {
                        Error::invalid(
                            which,
                            format!("{:?} has only one workshop; start another with `mamos workshop start`", component.name),
                        )
                    }),
                }
            };
            let to = pick(to, ids.last().copied(), "--to")?;
            // By default, the workshop held just before `to`; for a conflicting
            // version, the workshop it conflicts with.
            let before = match store.workshop(to)?.conflict_of {
                Some(original) => Some(original),
                None => {
                    let position = ids.iter().position(|id| *id == to).unwrap_or(0);
                    ids[..position].last().copied()
                }
            };
            let from = pick(from, before, "--from")?;
            let comparison =
                mamos::history::compare(&store.workshop_view(from)?, &store.workshop_view(to)?);
            if json {
                print_json(&serde_json::json!({"from": from, "to": to, "comparison": comparison}));
            } else {
                print!("{}", comparison_text(from, to, &comparison));
            }
        }
        Command::Org { group, json } => {
            let members: Option<Vec<i64>> = match &group {
                Some(name) => Some(store.group_components(name)?.iter().map(|c| c.id).collect()),
                None => None,
            };
            let scored = store.latest_scores_all()?;
            let entries: Vec<(&str, Option<&mamos::scoring::Scores>)> = scored
                .iter()
                .filter(|(c, _)| members.as_ref().is_none_or(|m| m.contains(&c.id)))
                .map(|(c, s)| (c.name.as_str(), Some(s)))
                .collect();
            let rollup = mamos::rollup::rollup(&entries);
            if json {
                print_json(&serde_json::json!({"group": group, "rollup": rollup}));
            } else {
                print!("{}", rollup_text(group.as_deref(), &rollup));
            }
        }
        Command::Trend {
            component,
            group,
            org: _,
            by,
            json,
        } => {
            let assessments = store.assessment_scores_all()?;
            if let Some(name) = component {
                let component = store.component_by_name(&name)?;
                let mut own: Vec<&mamos::store::ScoredAssessment> = assessments
                    .iter()
                    .filter(|a| a.component_id == component.id)
                    .collect();
                own.sort_by(|a, b| (&a.held_on, a.workshop_id).cmp(&(&b.held_on, b.workshop_id)));
                let dated: Vec<(&str, &mamos::scoring::Scores)> = own
                    .iter()
                    .map(|a| (a.held_on.as_str(), &a.scores))
                    .collect();
                let points = mamos::history::trend(&dated);
                if json {
                    print_json(&serde_json::json!({"component": component.name, "trend": points}));
                } else {
                    print!("{}", component_trend_text(&component.name, &points));
                }
                return Ok(());
            }
            let members: Option<Vec<i64>> = match &group {
                Some(name) => Some(store.group_components(name)?.iter().map(|c| c.id).collect()),
                None => None,
            };
            let mut dated = Vec::new();
            for a in &assessments {
                if members.as_ref().is_none_or(|m| m.contains(&a.component_id)) {
                    let date = NaiveDate::parse_from_str(&a.held_on, "%Y-%m-%d").map_err(|_| {
                        Error::corrupt(
                            "stored workshop date",
                            format!(
                                "workshop {}: expected YYYY-MM-DD, found {:?}",
                                a.workshop_id, a.held_on
                            ),
                        )
                    })?;
                    dated.push((a.component_id, date, &a.scores));
                }
            }
            let period = match by {
                TrendBy::Date => mamos::history::TrendPeriod::Date,
                TrendBy::Quarter => mamos::history::TrendPeriod::Quarter,
            };
            let points = mamos::history::group_trend(&dated, period);
            if json {
                print_json(&serde_json::json!({"group": group, "by": period, "trend": points}));
            } else {
                print!("{}", group_trend_text(group.as_deref(), &points));
            }
        }
        Command::Export {
            out,
            component,
            group,
        } => {
            let scope = match (&component, &group) {
                (Some(name), _) => ExportScope::Component(name),
                (None, Some(name)) => ExportScope::Group(name),
                (None, None) => ExportScope::Organisation,
            };
            let written = exchange_files::export_bundle_file(&store, scope, &out)?;
            println!(
                "{}: {} components, {} bank versions",
                written.path, written.components, written.banks
            );
        }
        Command::Csv { out } => {
            for table in exchange_files::write_csv_tables(&store, &out)? {
                println!("{}: {} rows", table.path, table.rows);
            }
        }
        Command::Import { bundle } => {
            let summary = exchange_files::import_bundle_file(&mut store, &bundle)?;
            println!(
                "{}: imported {} components, {} workshops, {} plans, {} new bank versions",
                bundle.display(),
                summary.components,
                summary.workshops,
                summary.plans,
                summary.banks
            );
            if summary.plans_closed > 0 {
                println!(
                    "closed {} open plans here that the bundle closed at a re-assessment",
                    summary.plans_closed
                );
            }
            for conflict in &summary.conflicts {
                println!("conflict: {conflict}");
            }
        }
        Command::Target(TargetCommand::Set {
            component,
            scope,
            level,
            reason,
        }) => {
            let id = store.component_by_name(&component)?.id;
            let (key, pillar) = scope.key();
            store.set_target_override(id, key, pillar, level, &reason)?;
        }
        Command::Target(TargetCommand::Clear { component, scope }) => {
            let id = store.component_by_name(&component)?.id;
            let (key, pillar) = scope.key();
            store.clear_target_override(id, key, pillar)?;
        }
        Command::Target(TargetCommand::List { component, json }) => {
            let overrides = store.target_overrides(store.component_by_name(&component)?.id)?;
            if json {
                print_json(&overrides);
            } else {
                for o in overrides {
                    let what = if o.pillar { "pillar" } else { "practice" };
                    println!("{what} {}: target {} ({})", o.key, o.level, o.reason);
                }
            }
        }
        Command::Evidence(EvidenceCommand::Add {
            workshop,
            practice_id,
            target,
            label,
        }) => {
            let evidence = store.add_evidence(workshop, &practice_id, &target, &label)?;
            println!("{}", evidence.id);
        }
        Command::Evidence(EvidenceCommand::List { workshop, json }) => {
            let evidence = store.evidence(workshop)?;
            if json {
                print_json(&evidence);
            } else {
                for e in evidence {
                    println!("{}  {}  {}  {}", e.id, e.practice_id, e.label, e.target);
                }
            }
        }
        Command::Evidence(EvidenceCommand::Remove { id }) => store.remove_evidence(id)?,
        Command::Plan(args) => cli_plan::run_plan(&mut store, args)?,
        Command::Checkin(args) => cli_plan::run_checkin(&mut store, args)?,
        Command::Score { component, json } => {
            let view = store.assessment(store.component_by_name(&component)?.id)?;
            if json {
                print_json(&ScoreReport::new(&view));
            } else {
                print!("{}", score_table(&view));
            }
        }
        Command::Report(args) => report(&store, args)?,
    }
    Ok(())
}

/// Gathers what the chosen report needs from the store and writes the PDF.
fn report(store: &Store, args: ReportArgs) -> Result<()> {
    let date = match &args.date {
        Some(text) => parse_date(text)?,
        None => chrono::Local::now().date_naive(),
    };
    let mut options = mamos::report::ReportOptions {
        lang: args.lang.clone(),
        paper: match args.paper {
            PaperArg::A4 => mamos::report::Paper::A4,
            PaperArg::Letter => mamos::report::Paper::Letter,
        },
        date,
        organisation: args.org_name.clone(),
        author: args.author.clone().unwrap_or_default(),
    };
    let component = args.name.as_ref().or(args.component.as_ref());
    let pdf = match (args.kind, component) {
        (ReportKind::Onboarding, None) => {
            return Err(Error::invalid(
                "--kind",
                "an onboarding pack is written for one component: give --component NAME",
            ))
        }
        (ReportKind::Onboarding, Some(name)) => {
            let component = store.component_by_name(name)?;
            mamos::exports::onboarding_pdf(
                store,
                component.id,
                &mut options,
                args.author.is_none(),
            )?
        }
        (ReportKind::Workbook, None) => {
            return Err(Error::invalid(
                "--kind",
                "a workbook is written for one component: give --component NAME",
            ))
        }
        (ReportKind::Org, Some(_)) => {
            return Err(Error::invalid(
                "--kind",
                "the org report covers the organisation or a group: give --org or --group NAME",
            ))
        }
        (ReportKind::Workbook, Some(name)) => {
            let component = store.component_by_name(name)?;
            mamos::exports::workbook_pdf(store, component.id, &mut options, args.author.is_none())?
        }
        (ReportKind::Executive, Some(name)) => {
            let component = store.component_by_name(name)?;
            mamos::exports::executive_pdf(store, component.id, &mut options, args.author.is_none())?
        }
        (ReportKind::Org, None) => mamos::exports::org_pdf(store, args.group.as_deref(), &options)?,
        (ReportKind::Executive, None) => {
            mamos::exports::rollup_executive_pdf(store, args.group.as_deref(), &options)?
        }
    };
    for warning in &pdf.warnings {
        eprintln!("mamos: warning: {warning}");
    }
    mamos::exports::write_atomically(&args.out, &pdf.bytes)?;
    println!(
        "{}: {} bytes, {} page(s)",
        args.out.display(),
        pdf.bytes.len(),
        pdf.pages
    );
    Ok(())
}

fn show_bank(bank: &mamos::model::Bank, command: &Command) -> Result<()> {
    let Command::Bank(BankCommand::Show { lang, pillar, .. }) = command else {
        unreachable!("only called for bank show")
    };
    let pillar = match pillar {
        Some(text) => Some(PillarId::parse(text).ok_or_else(|| {
            Error::invalid(
                "--pillar",
                format!("expected methods, architecture, management, organization or skills, found {text:?}"),
            )
        })?),
        None => None,
    };
    print!("{}", bank_text(bank, lang, pillar));
    Ok(())
}

fn parse_answer(level: &str, reason: Option<String>) -> Result<Option<Answer>> {
    let has_reason = reason.is_some();
    let answer = match level.trim().to_ascii_lowercase().as_str() {
        "clear" => None,
        "na" | "n/a" => Some(Answer::NotApplicable {
            reason: reason.unwrap_or_default(),
        }),
        text => match text.parse::<u8>() {
            Ok(level) => Some(Answer::Level { level }),
            Err(_) => {
                return Err(Error::invalid(
                    "level",
                    format!("expected a level from 0 to 4, `na` or `clear`, found {level:?}"),
                ))
            }
        },
    };
    if has_reason && !matches!(answer, Some(Answer::NotApplicable { .. })) {
        return Err(Error::invalid("--reason", "a reason goes with `na` only"));
    }
    answer
        .map(|a| mamos::assessment::check_answer(&a))
        .transpose()
}

fn optional(value: Option<f64>, unit: &str) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.1}{unit}"))
}

fn dora_text(workshop: i64, o: &DoraOutcome) -> String {
    let cluster = |metric: &str| {
        o.classification
            .per_metric
            .iter()
            .find(|m| m.metric.as_str() == metric)
            .and_then(|m| m.cluster)
            .map_or(String::new(), |c| c.as_str().to_string())
    };
    let band = |label: Option<&'static str>| label.unwrap_or("not given").to_string();
    let pct = |v: Option<f64>| v.map_or("not given".to_string(), |v| format!("{v} %"));
    let m = &o.metrics;
    let mut out = format!(
        "DORA metrics of workshop {workshop} (clusters of the {} report)\n",
        o.year
    );
    for (name, value, metric) in [
        (
            "change lead time",
            band(m.lead_time.map(|b| b.label())),
            "lead_time",
        ),
        (
            "deployment frequency",
            band(m.deploy_frequency.map(|b| b.label())),
            "deploy_frequency",
        ),
        (
            "failed deployment recovery",
            band(m.recovery.map(|b| b.label())),
            "recovery",
        ),
        (
            "change fail rate",
            pct(m.change_fail_rate),
            "change_fail_rate",
        ),
        ("deployment rework rate", pct(m.rework_rate), "rework_rate"),
    ] {
        out.push_str(&format!("  {name:<28} {value:<40} {}\n", cluster(metric)));
    }
    out.push_str(&format!(
        "  cluster ({}): {}\n  Quick Check (0–10): throughput {}, stability {}, overall {}\n",
        o.year,
        o.classification
            .overall
            .map_or("not classified", |c| c.as_str()),
        optional(o.quick_check.throughput, ""),
        optional(o.quick_check.stability, ""),
        optional(o.quick_check.overall, ""),
    ));
    out
}

fn comparison_text(from: i64, to: i64, c: &mamos::history::Comparison) -> String {
    let mut out = format!(
        "workshop {from} → {to}\n\n{:<14} {:>8} {:>8} {:>8} {:>10}\n",
        "pillar", "from", "to", "delta", "progress"
    );
    for p in &c.pillars {
        out.push_str(&format!(
            "{:<14} {:>8} {:>8} {:>8} {:>10}\n",
            p.id.as_str(),
            optional(p.from_score, " %"),
            optional(p.to_score, " %"),
            optional(p.delta, ""),
            optional(p.progress_to_target.map(|v| v * 100.0), " %"),
        ));
    }
    out.push_str(&format!(
        "\noverall {} → {}\nlevels gained: {}\nlevels lost: {}\n",
        optional(c.overall.from_score, " %"),
        optional(c.overall.to_score, " %"),
        if c.gained.is_empty() {
            "none".to_string()
        } else {
            c.gained.join(", ")
        },
        if c.lost.is_empty() {
            "none".to_string()
        } else {
            c.lost.join(", ")
        },
    ));
    if !c.only_in_from.is_empty() || !c.only_in_to.is_empty() {
        out.push_str(&format!(
            "only in the earlier bank: {}\nonly in the later bank: {}\n",
            c.only_in_from.join(", "),
            c.only_in_to.join(", ")
        ));
    }
    out
}

fn rollup_text(group: Option<&str>, r: &mamos::rollup::Rollup) -> String {
    let mut out = format!(
        "{}: {} components, {} assessed\n\n{:<14} {:>8} {:>8} {:>8} {:>9}\n",
        group.unwrap_or("organisation"),
        r.components,
        r.assessed,
        "pillar",
        "mean",
        "min",
        "max",
        "assessed"
    );
    for p in &r.pillars {
        out.push_str(&format!(
            "{:<14} {:>8} {:>8} {:>8} {:>9}\n",
            p.id.as_str(),
            optional(p.mean, " %"),
            optional(p.min, " %"),
            optional(p.max, " %"),
            p.assessed
        ));
    }
    out.push_str(&format!(
        "\nmost common limiting pillar: {}\n",
        r.most_common_limiting.map_or("-", |p| p.as_str())
    ));
    out
}

/// The header of a trend table: the given columns, then overall and the five pillars.
fn trend_header(columns: &str) -> String {
    let pillars: Vec<String> = PillarId::ALL
        .iter()
        .map(|p| format!("{:>13}", p.as_str()))
        .collect();
    format!("{columns} {:>8}{}\n", "overall", pillars.concat())
}

fn trend_scores(overall: Option<f64>, pillars: &[Option<f64>]) -> String {
    let pillars: Vec<String> = pillars
        .iter()
        .map(|p| format!("{:>13}", optional(*p, " %")))
        .collect();
    format!(" {:>8}{}\n", optional(overall, " %"), pillars.concat())
}

fn component_trend_text(name: &str, points: &[mamos::history::TrendPoint]) -> String {
    let mut out = format!("{name}: {} workshops\n\n", points.len());
    out.push_str(&trend_header(&format!("{:<10}", "date")));
    for p in points {
        out.push_str(&format!("{:<10}", p.date));
        out.push_str(&trend_scores(p.overall, &p.pillars));
    }
    out
}

fn group_trend_text(group: Option<&str>, points: &[mamos::history::GroupTrendPoint]) -> String {
    let mut out = format!(
        "{}: mean of each component's latest scores as of each point\n\n",
        group.unwrap_or("organisation")
    );
    out.push_str(&trend_header(&format!(
        "{:<10} {:<10} {:>10} {:>8}",
        "period", "as of", "components", "assessed"
    )));
    for p in points {
        out.push_str(&format!(
            "{:<10} {:<10} {:>10} {:>8}",
            p.period, p.as_of, p.components, p.assessed
        ));
        out.push_str(&trend_scores(p.overall, &p.pillars));
    }
    out
}

fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Level { level } => level.to_string(),
        Answer::NotApplicable { reason } => format!("N/A ({reason})"),
    }
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    cli_plan::parse_date_for("--date", text)
}

/// The `score --json` contract.
#[derive(Serialize)]
struct ScoreReport<'a> {
    component: &'a str,
    bank: BankRef<'a>,
    blueprint: Blueprint,
    overall: &'a mamos::scoring::OverallScore,
    limiting_pillar: Option<PillarId>,
    pillars: &'a [mamos::scoring::PillarScore],
}

#[derive(Serialize)]
struct BankRef<'a> {
    id: &'a str,
    version: &'a str,
}

impl<'a> ScoreReport<'a> {
    fn new(view: &'a mamos::assessment::AssessmentView) -> Self {
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

fn score_table(view: &mamos::assessment::AssessmentView) -> String {
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
