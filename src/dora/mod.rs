//! DORA (Accelerate) reference data and outcome metrics, all pure (no clock,
//! no I/O):
//!
//! - the capability catalogue that bank practices link to by name;
//! - the survey answer bands of the five outcome metrics ([`TimeBand`],
//!   [`FrequencyBand`], two percentages) gathered in [`DoraMetrics`];
//! - the State of DevOps cluster tables of 2019, 2021, 2023 and 2024 kept as
//!   data ([`ReportYear::clusters`]) and [`classify`], which places metrics in
//!   a cluster of a chosen year;
//! - [`quick_check`], 0–10 scores in the manner of DORA's Quick Check.
//!
//! Outcome metrics stay separate from the capability (practice) score; see
//! `assessments/SOURCES.md` (S3) for the sources and DORA's warnings (metrics are not
//! goals, never rank teams against each other).

mod bands;
mod capabilities;
mod classification;
mod clusters;
mod metrics;
mod quick_check;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use bands::{FrequencyBand, TimeBand};
pub use capabilities::{is_capability, CAPABILITIES};
pub use classification::{classify, Classification, MetricClass};
pub use clusters::{
    Cluster, ClusterProfile, FrequencyRange, PercentRange, ReportYear, TimeRange, CLUSTERS_2019,
    CLUSTERS_2021, CLUSTERS_2023, CLUSTERS_2024,
};
pub use metrics::{DoraMetrics, Metric};
pub use quick_check::{quick_check, QuickCheck};

/// A workshop's DORA metrics with what they mean: the cluster of the chosen
/// report year and the Quick Check style scores. Kept apart from practice scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DoraOutcome {
    pub metrics: DoraMetrics,
    pub year: ReportYear,
    pub classification: Classification,
    pub quick_check: QuickCheck,
}

impl DoraOutcome {
    pub fn new(metrics: DoraMetrics, year: ReportYear) -> Self {
        DoraOutcome {
            classification: classify(&metrics, year),
            quick_check: quick_check(&metrics),
            metrics,
            year,
        }
    }
}
