//! Mamos core: question banks, scoring, the SQLite store and PDF reports for
//! Quality Engineering maturity assessments on the five MAMOS pillars
//! (Methods, Architecture, Management, Organization, Skills).
//!
//! Pure in the middle (`model`, `scoring`, `plan`, `rollup`, `history`, `dora`,
//! `workshop`, `exchange`, `report` take plain data and return plain data or
//! bytes; no clock, no disk), I/O at the edges (`store`), and the use cases in
//! `app`, the one layer the front ends call (the CLI in `src/cli/`, the desktop
//! shell in `src-tauri/`).

pub mod api;
pub mod app;
pub mod assessment;
pub mod dora;
pub mod error;
pub mod exchange;
pub mod history;
pub mod live;
pub mod live_view;
pub mod model;
pub mod plan;
pub mod report;
pub mod rollup;
pub mod scoring;
pub mod store;
pub mod workshop;

pub use error::{Error, ErrorCode, Result};

// The unit tests share the integration tests' bank builder, which names the crate `mamos`.
#[cfg(test)]
extern crate self as mamos;
#[cfg(test)]
#[path = "../tests/common/bank.rs"]
pub(crate) mod test_bank;
