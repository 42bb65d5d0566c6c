//! `mamos workshop|vote|agree|reveal|disagreements|dora|evidence`: workshops
//! held with several voters, their evidence links and DORA metrics.

use clap::Subcommand;

use mamos::app::components::component_named;
use mamos::app::live;
use mamos::app::workshops::{self as app, CastVote, DoraChanges, NewEvidence, NewWorkshop};
use mamos::dora::{DoraOutcome, FrequencyBand, TimeBand};
use mamos::live::{default_bind_address, LiveServer};
use mamos::store::Store;
use mamos::workshop::{Undone, UndoneKind};
use mamos::Result;

use super::{answer_text, optional, parse_answer, parse_date, print_json, today};

#[derive(Subcommand)]
pub enum WorkshopCommand {
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
    /// Live voting: serve the participants' page on the room's network until
    /// Ctrl-C (SIGINT) or SIGTERM; prints the URL to open on their devices.
    Serve {
        workshop: i64,
        /// The address to listen on (default: the network interface with the
        /// default route, else 127.0.0.1).
        #[arg(long, value_name = "ADDR")]
        bind: Option<std::net::IpAddr>,
        /// The port (0: any free port; the URL printed has the real one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Print `{"url": …, "workshop": …}` as the first line.
        #[arg(long)]
        json: bool,
    },
    /// Put a practice on screen: the participants' devices and the window follow it.
    Focus { workshop: i64, practice_id: String },
    /// The pace of live voting: a timebox per practice, the workshop's
    /// planned length, automatic reveal; prints it (with no flag, only prints it).
    Pace(super::pace::PaceArgs),
    /// Undo the workshop's last reveal (the votes hidden again) or agreement
    /// (the agreed answer before it back); once.
    Undo {
        workshop: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
pub struct VoteArgs {
    workshop: i64,
    participant: String,
    practice_id: String,
    #[arg(value_name = "LEVEL|na|clear", allow_negative_numbers = true)]
    level: String,
    #[arg(long)]
    reason: Option<String>,
}

#[derive(clap::Args)]
pub struct AgreeArgs {
    workshop: i64,
    practice_id: String,
    #[arg(value_name = "LEVEL|na|clear", allow_negative_numbers = true)]
    level: String,
    #[arg(long)]
    reason: Option<String>,
}

#[derive(clap::Args)]
pub struct RevealArgs {
    workshop: i64,
    practice_id: String,
}

#[derive(clap::Args)]
pub struct DisagreementsArgs {
    workshop: i64,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct DoraArgs {
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
}

#[derive(Subcommand)]
pub enum EvidenceCommand {
    /// Add a link to what shows a practice's level.
    Add {
        workshop: i64,
        practice_id: String,
        /// Where the evidence is: a URL or a file path.
        location: String,
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

pub fn run_workshop(store: &mut Store, command: WorkshopCommand) -> Result<()> {
    match command {
        WorkshopCommand::Start {
            component,
            date,
            participants,
            facilitator,
        } => {
            let held_on = date.map(|text| parse_date("--date", &text)).transpose()?;
            let new = NewWorkshop {
                component_id: component_named(store, &component)?.id,
                held_on,
                facilitator,
                participants,
            };
            let state = app::start_workshop(store, &new, today())?;
            say!("{}", state.workshop.id);
        }
        WorkshopCommand::List { component, json } => {
            let id = component_named(store, &component)?.id;
            let workshops = app::list_workshops(store, id, true)?;
            if json {
                print_json(&workshops);
                return Ok(());
            }
            for w in workshops {
                let conflict = w.conflict_of.map_or(String::new(), |original| {
                    format!("  conflicting version of workshop {original}")
                });
                say!(
                    "{}  {}  {}  ({} {}){conflict}",
                    w.id,
                    w.held_on,
                    w.participants.join(", "),
                    w.bank_id,
                    w.bank_version
                );
            }
        }
        WorkshopCommand::Resolve { component, keep } => {
            let id = component_named(store, &component)?.id;
            let kept = app::resolve_workshop(store, id, keep)?;
            say!(
                "kept workshop {kept} as it was in version {keep}; the other versions are removed"
            );
        }
        WorkshopCommand::Serve {
            workshop,
            bind,
            port,
            json,
        } => serve(store, workshop, bind, port, json)?,
        WorkshopCommand::Focus {
            workshop,
            practice_id,
        } => live::set_focus(store, workshop, &practice_id)?,
        WorkshopCommand::Pace(args) => super::pace::run_pace(store, args)?,
        WorkshopCommand::Undo { workshop, json } => {
            let undone = app::undo_last(store, workshop)?;
            if json {
                print_json(&undone);
            } else {
                say!("{}", undone_text(&undone));
            }
        }
    }
    Ok(())
}

/// What an undo did, in a sentence.
fn undone_text(undone: &Undone) -> String {
    let practice = format!("practice {} ({})", undone.position, undone.practice_id);
    match (undone.kind, &undone.restored) {
        (UndoneKind::Reveal, _) => {
            format!("undid the reveal of {practice}: its votes are hidden again")
        }
        (UndoneKind::Agreement, Some(answer)) => format!(
            "undid the agreement on {practice}: the agreed answer is {} again",
            answer_text(answer)
        ),
        (UndoneKind::Agreement, None) => {
            format!("undid the agreement on {practice}: it has no agreed answer, as before")
        }
    }
}

/// Runs the live server on a runtime of its own until SIGINT or SIGTERM.
fn serve(
    store: &Store,
    workshop: i64,
    bind: Option<std::net::IpAddr>,
    port: u16,
    json: bool,
) -> Result<()> {
    let component = store.workshop(workshop)?.component;
    let address = std::net::SocketAddr::new(bind.unwrap_or_else(default_bind_address), port);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|source| mamos::Error::File {
            path: "the live server's threads".into(),
            source,
        })?;
    runtime.block_on(async {
        let server = LiveServer::bind(store.path(), workshop, address).await?;
        if json {
            print_json_line(&serde_json::json!({
                "url": server.url(),
                "workshop": workshop,
                "component": component,
            }));
        } else {
            say!(
                "live voting on {component:?}: participants open {} (Ctrl-C stops it)",
                server.url()
            );
        }
        server.run(stopped()).await
    })
}

/// One line of JSON, flushed at once: a program reading the first line waits for it.
fn print_json_line(value: &serde_json::Value) {
    super::print_text(&format!("{value}\n"));
    let _ = std::io::Write::flush(&mut std::io::stdout());
}

/// Completes on Ctrl-C (SIGINT) or, on Unix, SIGTERM.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

pub fn vote(store: &mut Store, args: VoteArgs) -> Result<()> {
    let vote = CastVote {
        answer: parse_answer(&args.level, args.reason)?,
        workshop_id: args.workshop,
        participant: args.participant,
        practice_id: args.practice_id,
    };
    app::cast_vote(store, &vote)?;
    Ok(())
}

pub fn agree(store: &mut Store, args: AgreeArgs) -> Result<()> {
    let answer = parse_answer(&args.level, args.reason)?;
    app::agree(store, args.workshop, &args.practice_id, answer)?;
    Ok(())
}

pub fn reveal(store: &mut Store, args: &RevealArgs) -> Result<()> {
    let state = app::reveal(store, args.workshop, &args.practice_id)?;
    let votes = state
        .practices
        .into_iter()
        .find(|p| p.practice_id == args.practice_id)
        .map(|p| p.votes)
        .unwrap_or_default();
    for vote in votes {
        say!("{}: {}", vote.participant, answer_text(&vote.answer));
    }
    Ok(())
}

pub fn disagreements(store: &mut Store, args: &DisagreementsArgs) -> Result<()> {
    let flagged = app::disagreements(store, args.workshop)?;
    if args.json {
        print_json(&flagged);
    } else if flagged.is_empty() {
        say!("no disagreement in workshop {}", args.workshop);
    } else {
        for f in flagged {
            let votes: Vec<String> = f
                .votes
                .iter()
                .map(|v| format!("{} {}", v.participant, answer_text(&v.answer)))
                .collect();
            let state = if f.resolved { "resolved" } else { "to discuss" };
            say!("{}  [{state}]  {}", f.practice_id, votes.join(", "));
        }
    }
    Ok(())
}

pub fn dora(store: &mut Store, args: &DoraArgs) -> Result<()> {
    let changes = DoraChanges {
        year: args.year.as_deref().map(str::parse).transpose()?,
        lead_time: band(
            args.lead_time.as_deref(),
            "--lead-time",
            TimeBand::parse_for,
        )?,
        deploy_frequency: band(
            args.deploy_frequency.as_deref(),
            "--deploy-frequency",
            FrequencyBand::parse_for,
        )?,
        recovery: band(args.recovery.as_deref(), "--recovery", TimeBand::parse_for)?,
        change_fail_rate: args.change_fail,
        rework_rate: args.rework,
    };
    let outcome = app::update_dora(store, args.workshop, &changes)?;
    if args.json {
        print_json(&outcome);
    } else {
        super::print_text(&dora_text(args.workshop, &outcome));
    }
    Ok(())
}

/// A DORA band given as text, parsed naming its option.
fn band<T>(
    text: Option<&str>,
    field: &str,
    parse: fn(&str, &str) -> Result<T>,
) -> Result<Option<T>> {
    text.map(|text| parse(field, text)).transpose()
}

pub fn run_evidence(store: &mut Store, command: EvidenceCommand) -> Result<()> {
    match command {
        EvidenceCommand::Add {
            workshop,
            practice_id,
            location,
            label,
        } => {
            let new = NewEvidence {
                workshop_id: workshop,
                practice_id,
                location,
                label,
            };
            say!("{}", app::add_evidence(store, &new)?.id);
        }
        EvidenceCommand::List { workshop, json } => {
            let evidence = app::evidence(store, workshop)?;
            if json {
                print_json(&evidence);
                return Ok(());
            }
            for e in evidence {
                say!("{}  {}  {}  {}", e.id, e.practice_id, e.label, e.location);
            }
        }
        EvidenceCommand::Remove { id } => app::remove_evidence(store, None, id)?,
    }
    Ok(())
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
