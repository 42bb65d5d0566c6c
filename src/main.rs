//! `mamos`: every core capability, headless. Exit 0 on success, 2 on bad
//! input (unknown component, invalid bank, level out of range, ...), 1 when
//! the environment fails (database locked, disk full).
//!
//! The CLI parses its arguments, calls one use case of `mamos::app` and
//! prints the result (`src/cli/`); it holds no rules of its own.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    match cli::run(cli::Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mamos: {error}");
            ExitCode::from(if error.is_bad_input() { 2 } else { 1 })
        }
    }
}
