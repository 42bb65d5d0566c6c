//! `mamos validate` and `mamos bank …`: question banks checked, linted, stored and shown.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use mamos::app::banks;
use mamos::model::show::bank_text;
use mamos::model::{Bank, PillarId};
use mamos::store::{BankImport, Store};
use mamos::{Error, Result};

#[derive(clap::Args)]
pub struct ValidateArgs {
    #[arg(value_name = "BANK.json")]
    bank: PathBuf,
}

#[derive(Subcommand)]
pub enum BankCommand {
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

impl BankCommand {
    /// Linting or showing a bank file needs no database.
    pub fn needs_store(&self) -> bool {
        !matches!(
            self,
            BankCommand::Lint { .. } | BankCommand::Show { file: Some(_), .. }
        )
    }
}

/// `mamos validate FILE`.
pub fn validate(args: &ValidateArgs) -> Result<()> {
    let bank = banks::read_bank_file(&args.bank)?;
    say!(
        "{}: valid bank {} {} ({} pillars, {} practices)",
        args.bank.display(),
        bank.id,
        bank.version,
        bank.pillars.len(),
        bank.practice_count()
    );
    Ok(())
}

/// The bank commands that read a file only.
pub fn run_on_file(command: BankCommand) -> Result<()> {
    match command {
        BankCommand::Lint { bank } => lint(&bank),
        BankCommand::Show {
            file: Some(file),
            lang,
            pillar,
            ..
        } => show(&banks::read_bank_file(&file)?, &lang, pillar.as_deref()),
        _ => unreachable!("needs_store() sends the other bank commands to run()"),
    }
}

pub fn run(store: &mut Store, command: BankCommand) -> Result<()> {
    match command {
        BankCommand::Show {
            bank, lang, pillar, ..
        } => show(&banks::stored_bank(store, &bank)?, &lang, pillar.as_deref()),
        BankCommand::Import { bank } => {
            let (bank, outcome) = banks::import_bank_file(store, &bank)?;
            let outcome = match outcome {
                BankImport::Stored => "stored",
                BankImport::AlreadyStored => "already stored, unchanged",
            };
            say!("bank {} {}: {outcome}", bank.id, bank.version);
            Ok(())
        }
        BankCommand::List { json } => {
            let banks = banks::list_banks(store)?;
            if json {
                super::print_json(&banks);
                return Ok(());
            }
            for bank in banks {
                say!(
                    "{} {}  {} ({} practices)",
                    bank.id,
                    bank.version,
                    bank.title,
                    bank.practices
                );
            }
            Ok(())
        }
        BankCommand::Lint { bank } => lint(&bank),
    }
}

fn lint(path: &Path) -> Result<()> {
    let file = path.display().to_string();
    let (bank, findings) = banks::lint_bank_file(path)?;
    if findings.is_empty() {
        say!(
            "{file}: no findings ({} practices checked)",
            bank.practice_count()
        );
        return Ok(());
    }
    for finding in &findings {
        eprintln!("{file}: {finding}");
    }
    Err(Error::invalid(
        &file,
        format!("{} content finding(s) above", findings.len()),
    ))
}

fn show(bank: &Bank, lang: &str, pillar: Option<&str>) -> Result<()> {
    let pillar = match pillar {
        Some(text) => Some(PillarId::parse(text).ok_or_else(|| {
            Error::invalid(
                "--pillar",
                format!("expected methods, architecture, management, organization or skills, found {text:?}"),
            )
        })?),
        None => None,
    };
    super::print_text(&bank_text(bank, lang, pillar));
    Ok(())
}
