//! Mamos core: question banks, scoring, the SQLite store and PDF reports for
//! Quality Engineering maturity assessments on the five MAMOS pillars
//! (Methods, Architecture, Management, Organization, Skills).
//!
//! Pure in the middle (`model`, `scoring`, `plan`, `report` take plain data and return
//! plain data or bytes; no clock, no disk), I/O at the edges (`store`, the CLI,
//! the desktop shell in `src-tauri/`).

pub mod api;
pub mod assessment;
pub mod dora;
pub mod error;
pub mod exchange;
pub mod exchange_files;
pub mod exports;
pub mod history;
pub mod model;
pub mod plan;
pub mod report;
pub mod rollup;
pub mod scoring;
pub mod store;
pub mod views;
pub mod workshop;

pub use error::{Error, Result};

// The unit tests share the integration tests' bank builder, which names the crate `mamos`.
#[cfg(test)]
extern crate self as mamos;
#[cfg(test)]
#[path = "../tests/common/bank.rs"]
pub(crate) mod test_bank;
