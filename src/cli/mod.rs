//! The `mamos` command line: the arguments (clap), one use case of
//! `mamos::app` per command, and how results are printed. One module per
//! domain, as in `mamos::app`.

/// `println!` that ends quietly when stdout is a closed pipe (`mamos … | head`).
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::print_text(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod backups;
mod banks;
mod components;
mod exchange;
mod history;
mod pace;
mod plans;
mod reports;
mod workshops;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde::Serialize;

use mamos::scoring::Answer;
use mamos::store::{default_db_path, Store};
use mamos::{Error, ErrorCode, Result};

/// `mamos --version`: this build's version, then the built-in bank's.
static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{}\nbuilt-in bank {}",
        env!("CARGO_PKG_VERSION"),
        mamos::model::builtin_bank_version()
    )
});

#[derive(Parser)]
#[command(
    name = "mamos",
    version = VERSION.as_str(),
    about = "Quality Engineering maturity assessments on the five MAMOS pillars",
    after_help = "The database is $MAMOS_DB, or mamos/mamos.db in your data directory, unless --db is given."
)]
pub struct Cli {
    /// The SQLite database file (created if missing).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a bank file and print every problem found.
    Validate(banks::ValidateArgs),
    /// Question banks stored in the database.
    #[command(subcommand)]
    Bank(banks::BankCommand),
    /// Components (teams or software systems) being assessed.
    #[command(subcommand)]
    Component(components::ComponentCommand),
    /// Answer one practice for a component: a level 0–4, `na` (with --reason), or `clear`.
    Answer(components::AnswerArgs),
    /// Set the note of one practice (an empty text removes it).
    Note(components::NoteArgs),
    /// Groups of components (domain, tribe, department).
    #[command(subcommand)]
    Group(components::GroupCommand),
    /// Workshops: dated assessments of a component with several voters.
    #[command(subcommand)]
    Workshop(workshops::WorkshopCommand),
    /// Cast one participant's vote on a practice: a level 0–4, `na` (with --reason), or `clear`.
    Vote(workshops::VoteArgs),
    /// Set the agreed answer of a practice in a workshop (the facilitator's decision).
    Agree(workshops::AgreeArgs),
    /// Show the votes of a practice to the room (they are hidden until then).
    Reveal(workshops::RevealArgs),
    /// The practices whose votes spread by two levels or more, or mix N/A with levels.
    Disagreements(workshops::DisagreementsArgs),
    /// Enter or show a workshop's DORA metrics, their cluster for a report year, and Quick Check scores.
    /// Metrics given replace earlier ones; the others are kept.
    Dora(workshops::DoraArgs),
    /// What changed between two workshops of a component (default: the last two).
    Compare(history::CompareArgs),
    /// Roll-up of the organisation (or one group): per pillar the mean, min and max of the
    /// components' latest scores, and the most common limiting pillar.
    Org(history::OrgArgs),
    /// Scores over time: of one component (one point per workshop), or of a group or the
    /// organisation (per date or quarter, the mean of each component's latest scores by then).
    Trend(history::TrendArgs),
    /// Write a self-contained .mamos.json bundle: the organisation, one group or one component.
    Export(exchange::ExportArgs),
    /// Write votes.csv, answers.csv, pillar_scores.csv, plan_actions.csv, plan_key_results.csv
    /// and checkins.csv (UTF-8, a header row, one row per vote / answer / pillar score /
    /// plan action / key result / check-in).
    Csv(exchange::CsvArgs),
    /// Add the contents of a .mamos.json bundle; all or nothing.
    Import(exchange::ImportArgs),
    /// Write a copy of the whole database (SQLite backup, integrity-checked).
    Backup(backups::BackupArgs),
    /// Replace the database's data with a backup copy, after checking it is a Mamos
    /// database that passes the integrity check; the current data is kept in backups/ first
    /// (a damaged database file, even one SQLite cannot open, is kept there as it is).
    Restore(backups::RestoreArgs),
    /// A component's targets where its blueprint's do not fit its context.
    #[command(subcommand)]
    Target(components::TargetCommand),
    /// Evidence links (a URL or a file path) for a practice of a workshop.
    #[command(subcommand)]
    Evidence(workshops::EvidenceCommand),
    /// Pillar scores, levels, the overall level and the limiting pillar.
    Score(components::ScoreArgs),
    /// A component's 90-day action plan: shown if one is open, else generated from its
    /// current workshop and stored. Subcommands edit, regenerate and close it.
    Plan(plans::PlanArgs),
    /// Record the weekly check-in of a component's open plan: red/amber/green per key
    /// result, the improvement-kata answers and action statuses. Repeat to complete a week.
    Checkin(plans::CheckinArgs),
    /// Write a PDF report: the one-page executive summary (component, group or
    /// organisation), the coach's workbook of a component's latest workshop, the
    /// team onboarding pack of its open plan, or the organisation (or group) report.
    Report(reports::ReportArgs),
}

/// Runs one command: commands on bank files need no database; the others
/// open (or create) it first.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Validate(args) => banks::validate(&args),
        Command::Bank(command) if !command.needs_store() => banks::run_on_file(command),
        command => {
            let db = cli.db.unwrap_or_else(default_db_path);
            match (Store::open(&db), command) {
                // A backup is needed most when SQLite cannot read the database at all.
                (Err(error), Command::Restore(args)) if error.code() == ErrorCode::CorruptData => {
                    backups::restore_over_unreadable(&db, &args)
                }
                (store, command) => run_on_store(&mut store?, command),
            }
        }
    }
}

fn run_on_store(store: &mut Store, command: Command) -> Result<()> {
    match command {
        Command::Validate(args) => banks::validate(&args),
        Command::Bank(command) => banks::run(store, command),
        Command::Component(command) => components::run_component(store, command),
        Command::Answer(args) => components::answer(store, args),
        Command::Note(args) => components::note(store, &args),
        Command::Group(command) => components::run_group(store, command),
        Command::Target(command) => components::run_target(store, command),
        Command::Score(args) => components::score(store, &args),
        Command::Workshop(command) => workshops::run_workshop(store, command),
        Command::Vote(args) => workshops::vote(store, args),
        Command::Agree(args) => workshops::agree(store, args),
        Command::Reveal(args) => workshops::reveal(store, &args),
        Command::Disagreements(args) => workshops::disagreements(store, &args),
        Command::Dora(args) => workshops::dora(store, &args),
        Command::Evidence(command) => workshops::run_evidence(store, command),
        Command::Compare(args) => history::compare(store, &args),
        Command::Org(args) => history::org(store, &args),
        Command::Trend(args) => history::trend(store, &args),
        Command::Export(args) => exchange::export(store, &args),
        Command::Csv(args) => exchange::csv(store, &args),
        Command::Import(args) => exchange::import(store, &args),
        Command::Backup(args) => backups::backup(store, &args),
        Command::Restore(args) => backups::restore(store, &args),
        Command::Plan(args) => plans::run_plan(store, args),
        Command::Checkin(args) => plans::run_checkin(store, args),
        Command::Report(args) => reports::report(store, &args),
    }
}

/// Prints `value` as pretty JSON on stdout.
pub(crate) fn print_json(value: &impl Serialize) {
    let text = serde_json::to_string_pretty(value).expect("our types always serialize");
    print_text(&format!("{text}\n"));
}

/// Prints `text` on stdout. `mamos … | head` closes the pipe early: that is
/// not an error, so the command ends quietly.
pub(crate) fn print_text(text: &str) {
    use std::io::Write;
    if let Err(error) = std::io::stdout().lock().write_all(text.as_bytes()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("mamos: could not write the output: {error}");
        std::process::exit(1);
    }
}

/// Today on the local calendar: the default date of workshops, plans and reports.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A YYYY-MM-DD date, naming the option it came from in the error.
pub(crate) fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!("expected a date as YYYY-MM-DD, found {text:?}"),
        )
    })
}

/// `LEVEL|na|clear` as typed, with the reason that only `na` takes.
pub(crate) fn parse_answer(level: &str, reason: Option<String>) -> Result<Option<Answer>> {
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

/// An answer as the CLI prints it: the level, or N/A with its reason.
pub(crate) fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Level { level } => level.to_string(),
        Answer::NotApplicable { reason } => format!("N/A ({reason})"),
    }
}

/// A number with one decimal and its unit, or a dash when there is none.
pub(crate) fn optional(value: Option<f64>, unit: &str) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.1}{unit}"))
}
