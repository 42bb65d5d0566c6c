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
//! `docs/domain.md` §2 for the sources and DORA's warnings (metrics are not
//! goals, never rank teams against each other).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// DORA's 29 capabilities as of 2024 (dora.dev/capabilities), spelled as banks must name them.
pub const CAPABILITIES: [&str; 29] = [
    // technical
    "Version control",
    "Continuous integration",
    "Continuous delivery",
    "Deployment automation",
    "Trunk-based development",
    "Test automation",
    "Test data management",
    "Database change management",
    "Monitoring and observability",
    "Code maintainability",
    "Flexible infrastructure",
    "Teams choose their tools",
    // process
    "Customer feedback",
    "Documentation quality",
    "Loosely coupled teams",
    "Monitoring for business decisions",
    "Pervasive security",
    "Proactive failure notification",
    "Streamlined change approval",
    "Team experimentation",
    "Visual management",
    "WIP limits",
    "Visibility of the value stream",
    "Small batches",
    // cultural
    "Generative culture",
    "Job satisfaction",
    "Learning culture",
    "Transformational leadership",
    "Well-being",
];

pub fn is_capability(name: &str) -> bool {
    CAPABILITIES.contains(&name)
}

// ---------------------------------------------------------------------------
// Survey bands
// ---------------------------------------------------------------------------

/// Normalizes a typed band name: surrounding blanks dropped, lowercase,
/// dashes read as underscores.
fn normalize(text: &str) -> String {
    text.trim().to_ascii_lowercase().replace('-', "_")
}

/// The error for an unknown name, listing every accepted one.
fn unknown(field: &str, what: &str, text: &str, accepted: &[&str]) -> crate::Error {
    crate::Error::invalid(
        field,
        format!(
            "{text:?} is not a {what}; expected one of: {} (dashes may replace underscores)",
            accepted.join(", ")
        ),
    )
}

/// One survey answer band type: the enum (variants worst to best, so `Ord`
/// says which is better; serialized in snake_case), `ALL`, the serde name,
/// the human label, the position 0–5, parsing that names the field in its
/// error, `FromStr` (snake_case or dashes) and `Display` (the label).
macro_rules! survey_band {
    (
        $(#[$meta:meta])*
        $name:ident, what: $what:literal, field: $field:literal,
        [$($variant:ident => $serde:literal, $label:literal;)+]
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            /// Every band, worst first.
            pub const ALL: [$name; 6] = [$($name::$variant,)+];

            /// The serde (snake_case) name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $serde,)+
                }
            }

            /// Human wording, for reports and the UI.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// Position from 0 (worst) to 5 (best).
            pub fn index(self) -> u8 {
                self as u8
            }

            /// Parses a band name, naming `field` (e.g. `"--lead-time"`) in the error.
            pub fn parse_for(field: &str, text: &str) -> crate::Result<$name> {
                let wanted = normalize(text);
                $name::ALL
                    .into_iter()
                    .find(|b| b.as_str() == wanted)
                    .ok_or_else(|| unknown(field, $what, text, &$name::ALL.map($name::as_str)))
            }
        }

        impl FromStr for $name {
            type Err = crate::Error;

            fn from_str(text: &str) -> crate::Result<$name> {
                $name::parse_for($field, text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

survey_band! {
    /// Survey answer band for change lead time and failed deployment recovery time
    /// (dora.dev survey; "don't know" is a missing value, not a band).
    TimeBand, what: "time band", field: "time band",
    [
        MoreThanSixMonths => "more_than_six_months", "more than six months";
        OneToSixMonths => "one_to_six_months", "one to six months";
        OneWeekToOneMonth => "one_week_to_one_month", "one week to one month";
        OneDayToOneWeek => "one_day_to_one_week", "one day to one week";
        LessThanOneDay => "less_than_one_day", "less than one day";
        LessThanOneHour => "less_than_one_hour", "less than one hour";
    ]
}

survey_band! {
    /// Survey answer band for deployment frequency.
    FrequencyBand, what: "deployment frequency band", field: "deploy_frequency",
    [
        FewerThanOncePerSixMonths => "fewer_than_once_per_six_months", "fewer than once per six months";
        MonthlyToSixMonthly => "monthly_to_six_monthly", "between once per month and once per six months";
        WeeklyToMonthly => "weekly_to_monthly", "between once per week and once per month";
        DailyToWeekly => "daily_to_weekly", "between once per day and once per week";
        HourlyToDaily => "hourly_to_daily", "between once per hour and once per day";
        OnDemand => "on_demand", "on demand (several per day)";
    ]
}

// ---------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------

/// The five DORA outcome metrics of one application, each optional (not
/// measured, or "don't know"). Percentages are 0–100. Missing JSON fields
/// read as `null`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DoraMetrics {
    /// Change lead time: commit → running in production.
    pub lead_time: Option<TimeBand>,
    pub deploy_frequency: Option<FrequencyBand>,
    /// Failed deployment recovery time (was "time to restore" until 2023).
    pub recovery: Option<TimeBand>,
    /// % of deployments needing immediate intervention (rollback, hotfix).
    pub change_fail_rate: Option<f64>,
    /// % of unplanned deployments caused by production incidents (added 2024).
    pub rework_rate: Option<f64>,
}

impl DoraMetrics {
    /// Refuses a percentage that is not finite or outside 0–100, naming the field.
    pub fn check(&self) -> crate::Result<()> {
        for (field, value) in [
            ("change_fail_rate", self.change_fail_rate),
            ("rework_rate", self.rework_rate),
        ] {
            if let Some(v) = value {
                if !v.is_finite() || !(0.0..=100.0).contains(&v) {
                    return Err(crate::Error::invalid(
                        field,
                        format!("expected a percentage from 0 to 100, got {v}"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// True when no metric is given.
    pub fn is_empty(&self) -> bool {
        self.lead_time.is_none()
            && self.deploy_frequency.is_none()
            && self.recovery.is_none()
            && self.change_fail_rate.is_none()
            && self.rework_rate.is_none()
    }
}

/// A percentage usable by [`classify`] and [`quick_check`]: a non-finite value
/// counts as not given, the rest is clamped to 0–100. ([`DoraMetrics::check`]
/// refuses both cases at input time; this only keeps the pure functions total.)
fn usable_percent(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite()).map(|v| v.clamp(0.0, 100.0))
}

/// One of the five outcome metrics, named as the [`DoraMetrics`] fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    LeadTime,
    DeployFrequency,
    Recovery,
    ChangeFailRate,
    ReworkRate,
}

impl Metric {
    /// The four metrics that have cluster tables, in the order of [`Classification::per_metric`].
    pub const CLASSIFIED: [Metric; 4] = [
        Metric::LeadTime,
        Metric::DeployFrequency,
        Metric::Recovery,
        Metric::ChangeFailRate,
    ];

    /// The field name (`"lead_time"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::LeadTime => "lead_time",
            Metric::DeployFrequency => "deploy_frequency",
            Metric::Recovery => "recovery",
            Metric::ChangeFailRate => "change_fail_rate",
            Metric::ReworkRate => "rework_rate",
        }
    }
}

// ---------------------------------------------------------------------------
// Cluster tables
// ---------------------------------------------------------------------------

/// A State of DevOps performance cluster. Declared from worst to best, so
/// `Ord` says which is better and `min` gives the limiting one. Serialized
/// lowercase (`"elite"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Cluster {
    Low,
    Medium,
    High,
    Elite,
}

impl Cluster {
    pub fn as_str(self) -> &'static str {
        match self {
            Cluster::Low => "low",
            Cluster::Medium => "medium",
            Cluster::High => "high",
            Cluster::Elite => "elite",
        }
    }
}

/// An inclusive range of time bands, from its worst to its best band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimeRange {
    pub worst: TimeBand,
    pub best: TimeBand,
}

/// An inclusive range of deployment frequency bands, from its worst to its best band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrequencyRange {
    pub worst: FrequencyBand,
    pub best: FrequencyBand,
}

/// An inclusive range of percentages (0–100); lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct PercentRange {
    pub min: f64,
    pub max: f64,
}

/// One row of a year's cluster table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct ClusterProfile {
    pub cluster: Cluster,
    pub deploy_frequency: FrequencyRange,
    pub lead_time: TimeRange,
    pub recovery: TimeRange,
    pub change_fail_rate: PercentRange,
}

const fn time(worst: TimeBand, best: TimeBand) -> TimeRange {
    TimeRange { worst, best }
}

const fn freq(worst: FrequencyBand, best: FrequencyBand) -> FrequencyRange {
    FrequencyRange { worst, best }
}

const fn pct(min: f64, max: f64) -> PercentRange {
    PercentRange { min, max }
}

use FrequencyBand as F;
use TimeBand as T;

/// "Less than one hour": the best time band alone.
const HOUR: TimeRange = time(T::LessThanOneHour, T::LessThanOneHour);
/// "Less than one day", which includes less than one hour.
const DAY: TimeRange = time(T::LessThanOneDay, T::LessThanOneHour);
const DAY_TO_WEEK: TimeRange = time(T::OneDayToOneWeek, T::OneDayToOneWeek);
const WEEK_TO_MONTH: TimeRange = time(T::OneWeekToOneMonth, T::OneWeekToOneMonth);
const MONTH_TO_SIX: TimeRange = time(T::OneToSixMonths, T::OneToSixMonths);
const OVER_SIX_MONTHS: TimeRange = time(T::MoreThanSixMonths, T::MoreThanSixMonths);

const ON_DEMAND: FrequencyRange = freq(F::OnDemand, F::OnDemand);
const DAILY_WEEKLY: FrequencyRange = freq(F::DailyToWeekly, F::DailyToWeekly);
const WEEKLY_MONTHLY: FrequencyRange = freq(F::WeeklyToMonthly, F::WeeklyToMonthly);
const MONTHLY_SIX: FrequencyRange = freq(F::MonthlyToSixMonthly, F::MonthlyToSixMonthly);
const RARELY: FrequencyRange = freq(F::FewerThanOncePerSixMonths, F::FewerThanOncePerSixMonths);

const fn row(
    cluster: Cluster,
    deploy_frequency: FrequencyRange,
    lead_time: TimeRange,
    recovery: TimeRange,
    change_fail_rate: PercentRange,
) -> ClusterProfile {
    ClusterProfile {
        cluster,
        deploy_frequency,
        lead_time,
        recovery,
        change_fail_rate,
    }
}

/// 2019 State of DevOps report, p.18. Rows best first, as in every table.
pub const CLUSTERS_2019: [ClusterProfile; 4] = [
    row(Cluster::Elite, ON_DEMAND, DAY, HOUR, pct(0.0, 15.0)),
    row(
        Cluster::High,
        DAILY_WEEKLY,
        DAY_TO_WEEK,
        DAY,
        pct(0.0, 15.0),
    ),
    row(
        Cluster::Medium,
        WEEKLY_MONTHLY,
        WEEK_TO_MONTH,
        DAY,
        pct(0.0, 15.0),
    ),
    row(
        Cluster::Low,
        MONTHLY_SIX,
        MONTH_TO_SIX,
        WEEK_TO_MONTH,
        pct(46.0, 60.0),
    ),
];

/// 2021 State of DevOps report, p.11.
pub const CLUSTERS_2021: [ClusterProfile; 4] = [
    row(Cluster::Elite, ON_DEMAND, HOUR, HOUR, pct(0.0, 15.0)),
    row(
        Cluster::High,
        WEEKLY_MONTHLY,
        DAY_TO_WEEK,
        DAY,
        pct(16.0, 30.0),
    ),
    row(
        Cluster::Medium,
        MONTHLY_SIX,
        MONTH_TO_SIX,
        DAY_TO_WEEK,
        pct(16.0, 30.0),
    ),
    row(
        Cluster::Low,
        RARELY,
        OVER_SIX_MONTHS,
        OVER_SIX_MONTHS,
        pct(16.0, 30.0),
    ),
];

/// 2023 State of DevOps report (High–Low from secondary sources). The report
/// gives one change fail rate per cluster; it is read as the cluster's typical
/// upper value, so the range is 0 to that value.
pub const CLUSTERS_2023: [ClusterProfile; 4] = [
    row(Cluster::Elite, ON_DEMAND, DAY, HOUR, pct(0.0, 5.0)),
    row(
        Cluster::High,
        DAILY_WEEKLY,
        DAY_TO_WEEK,
        DAY,
        pct(0.0, 10.0),
    ),
    row(
        Cluster::Medium,
        WEEKLY_MONTHLY,
        WEEK_TO_MONTH,
        DAY_TO_WEEK,
        pct(0.0, 15.0),
    ),
    row(
        Cluster::Low,
        WEEKLY_MONTHLY,
        WEEK_TO_MONTH,
        MONTH_TO_SIX,
        pct(0.0, 64.0),
    ),
];

/// 2024 State of DevOps report, p.13 (secondary source). One change fail rate
/// per cluster, read as the typical upper value (range 0 to that value). Note
/// that Medium (10%) fails less often than High (20%) in this report.
pub const CLUSTERS_2024: [ClusterProfile; 4] = [
    row(Cluster::Elite, ON_DEMAND, DAY, HOUR, pct(0.0, 5.0)),
    row(
        Cluster::High,
        DAILY_WEEKLY,
        DAY_TO_WEEK,
        DAY,
        pct(0.0, 20.0),
    ),
    row(
        Cluster::Medium,
        WEEKLY_MONTHLY,
        WEEK_TO_MONTH,
        DAY,
        pct(0.0, 10.0),
    ),
    row(
        Cluster::Low,
        MONTHLY_SIX,
        MONTH_TO_SIX,
        WEEK_TO_MONTH,
        pct(0.0, 40.0),
    ),
];

/// A State of DevOps report whose cluster table can classify metrics.
/// 2022 is not offered: that report had no Elite cluster.
///
/// Serialized as a JSON **string** (`"2019"`, `"2021"`, `"2023"`, `"2024"`),
/// never as a number, so the TypeScript type is a union of string literals;
/// `FromStr` accepts the same four strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub enum ReportYear {
    #[serde(rename = "2019")]
    Y2019,
    #[serde(rename = "2021")]
    Y2021,
    #[serde(rename = "2023")]
    Y2023,
    #[serde(rename = "2024")]
    Y2024,
}

impl ReportYear {
    /// Every offered year, oldest first.
    pub const ALL: [ReportYear; 4] = [
        ReportYear::Y2019,
        ReportYear::Y2021,
        ReportYear::Y2023,
        ReportYear::Y2024,
    ];

    /// The most recent year with a cluster table.
    pub const LATEST: ReportYear = ReportYear::Y2024;

    pub fn number(self) -> u16 {
        match self {
            ReportYear::Y2019 => 2019,
            ReportYear::Y2021 => 2021,
            ReportYear::Y2023 => 2023,
            ReportYear::Y2024 => 2024,
        }
    }

    /// The year's cluster table, best cluster first.
    pub fn clusters(self) -> &'static [ClusterProfile; 4] {
        match self {
            ReportYear::Y2019 => &CLUSTERS_2019,
            ReportYear::Y2021 => &CLUSTERS_2021,
            ReportYear::Y2023 => &CLUSTERS_2023,
            ReportYear::Y2024 => &CLUSTERS_2024,
        }
    }

    /// Where the table comes from.
    pub fn source(self) -> &'static str {
        match self {
            ReportYear::Y2019 => "Accelerate State of DevOps 2019, p.18",
            ReportYear::Y2021 => "Accelerate State of DevOps 2021, p.11",
            ReportYear::Y2023 => {
                "Accelerate State of DevOps 2023 (High–Low from secondary sources)"
            }
            ReportYear::Y2024 => "Accelerate State of DevOps 2024, p.13 (secondary source)",
        }
    }
}

/// Accepts `"2019"`, `"2021"`, `"2023"`, `"2024"`; the error lists them.
impl FromStr for ReportYear {
    type Err = crate::Error;

    fn from_str(text: &str) -> crate::Result<ReportYear> {
        let wanted = text.trim();
        ReportYear::ALL
            .into_iter()
            .find(|y| y.number().to_string() == wanted)
            .ok_or_else(|| {
                crate::Error::invalid(
                    "year",
                    format!(
                        "{text:?} is not a report year with a cluster table; expected one of: 2019, 2021, 2023, 2024 (2022 had no elite cluster)"
                    ),
                )
            })
    }
}

impl fmt::Display for ReportYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

// ---------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------

/// The cluster one metric falls in; `None` when the metric is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MetricClass {
    pub metric: Metric,
    pub cluster: Option<Cluster>,
}

/// Metrics placed in the clusters of one report year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Classification {
    /// The year whose table was used.
    pub year: ReportYear,
    /// Always the four classified metrics, in the order of [`Metric::CLASSIFIED`]
    /// (lead_time, deploy_frequency, recovery, change_fail_rate).
    pub per_metric: Vec<MetricClass>,
    /// The lowest cluster among the given metrics (the limiting factor, as in
    /// MAMOS); `None` when none of the four is given.
    pub overall: Option<Cluster>,
}

/// The best cluster (rows are best first) whose threshold `reaches` accepts;
/// `Low` when none does.
fn best_reached(table: &[ClusterProfile; 4], reaches: impl Fn(&ClusterProfile) -> bool) -> Cluster {
    table
        .iter()
        .find(|row| reaches(row))
        .map_or(Cluster::Low, |row| row.cluster)
}

/// Places each given metric in a cluster of `year`'s table.
///
/// Rule (deterministic, rows tried from Elite down):
/// - a metric *meets* a cluster when it is at least as good as the worst end
///   of the cluster's range: a band at or better than the range's `worst`
///   band, a change fail rate at or below the range's `max`. So a metric
///   inside a range meets it, a metric better than the Elite range is Elite,
///   and a metric that falls between two clusters' ranges (e.g. 2021 deploys
///   daily–weekly, between Elite "on demand" and High "weekly–monthly") gets
///   the cluster below it (High), not Low;
/// - each metric gets the best cluster it meets; a metric worse than every
///   range (no cluster covers it) gets Low;
/// - `overall` is the lowest cluster among the given metrics.
///
/// Deployment rework rate has no cluster table and is left out. A change fail
/// rate that is not finite counts as not given (see [`DoraMetrics::check`]).
pub fn classify(metrics: &DoraMetrics, year: ReportYear) -> Classification {
    let table = year.clusters();
    let cluster_of = |metric: Metric| -> Option<Cluster> {
        match metric {
            Metric::LeadTime => metrics
                .lead_time
                .map(|b| best_reached(table, |row| b >= row.lead_time.worst)),
            Metric::DeployFrequency => metrics
                .deploy_frequency
                .map(|b| best_reached(table, |row| b >= row.deploy_frequency.worst)),
            Metric::Recovery => metrics
                .recovery
                .map(|b| best_reached(table, |row| b >= row.recovery.worst)),
            Metric::ChangeFailRate => usable_percent(metrics.change_fail_rate)
                .map(|p| best_reached(table, |row| p <= row.change_fail_rate.max)),
            Metric::ReworkRate => None,
        }
    };
    let per_metric: Vec<MetricClass> = Metric::CLASSIFIED
        .into_iter()
        .map(|metric| MetricClass {
            metric,
            cluster: cluster_of(metric),
        })
        .collect();
    let overall = per_metric.iter().filter_map(|m| m.cluster).min();
    Classification {
        year,
        per_metric,
        overall,
    }
}

// ---------------------------------------------------------------------------
// Quick Check scores
// ---------------------------------------------------------------------------

/// 0–10 scores in the manner of DORA's Quick Check (2025 on); `None` where no
/// metric of the group is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct QuickCheck {
    /// Mean of the given lead time, deploy frequency and recovery scores.
    pub throughput: Option<f64>,
    /// Mean of the given change fail rate and rework rate scores.
    pub stability: Option<f64>,
    /// Mean of every given metric's score (not of the two sub-scores).
    pub overall: Option<f64>,
}

/// A band rescaled linearly: worst 0, then 2, 4, 6, 8, best 10.
fn band_score(index: u8) -> f64 {
    2.0 * f64::from(index)
}

/// A percentage inverted onto 0–10: 0% → 10, 100% → 0.
fn percent_score(percent: f64) -> f64 {
    10.0 * (1.0 - percent / 100.0)
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Quick Check style scores on 0–10. Each band is rescaled linearly (worst
/// band 0, best 10, steps of 2), each percentage inverted (10 × (1 − pct/100));
/// the scores are then averaged per group and overall. Non-finite
/// percentages count as not given; others are clamped to 0–100.
pub fn quick_check(metrics: &DoraMetrics) -> QuickCheck {
    let throughput: Vec<f64> = [
        metrics.lead_time.map(TimeBand::index),
        metrics.deploy_frequency.map(FrequencyBand::index),
        metrics.recovery.map(TimeBand::index),
    ]
    .into_iter()
    .flatten()
    .map(band_score)
    .collect();
    let stability: Vec<f64> = [
        usable_percent(metrics.change_fail_rate),
        usable_percent(metrics.rework_rate),
    ]
    .into_iter()
    .flatten()
    .map(percent_score)
    .collect();
    let all: Vec<f64> = throughput.iter().chain(&stability).copied().collect();
    QuickCheck {
        throughput: mean(&throughput),
        stability: mean(&stability),
        overall: mean(&all),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(actual: Option<f64>, expected: f64) {
        let a = actual.expect("a score");
        assert!((a - expected).abs() < EPS, "got {a}, expected {expected}");
    }

    fn metrics(
        lead_time: Option<TimeBand>,
        deploy_frequency: Option<FrequencyBand>,
        recovery: Option<TimeBand>,
        change_fail_rate: Option<f64>,
    ) -> DoraMetrics {
        DoraMetrics {
            lead_time,
            deploy_frequency,
            recovery,
            change_fail_rate,
            rework_rate: None,
        }
    }

    /// The clusters of `per_metric`, in its order.
    fn clusters(c: &Classification) -> Vec<Option<Cluster>> {
        c.per_metric.iter().map(|m| m.cluster).collect()
    }

    // --- capabilities (kept) ---

    #[test]
    fn capabilities_are_known_by_name() {
        assert!(is_capability("Trunk-based development"));
        assert!(!is_capability("trunk-based development"));
    }

    // --- bands ---

    #[test]
    fn time_bands_parse_snake_case_and_dashes() {
        for band in TimeBand::ALL {
            assert_eq!(band.as_str().parse::<TimeBand>().unwrap(), band);
            assert_eq!(
                band.as_str().replace('_', "-").parse::<TimeBand>().unwrap(),
                band
            );
        }
        assert_eq!(
            "less-than-one-hour".parse::<TimeBand>().unwrap(),
            TimeBand::LessThanOneHour
        );
        assert_eq!(
            " One_Day-To_One_Week ".parse::<TimeBand>().unwrap(),
            TimeBand::OneDayToOneWeek
        );
    }

    #[test]
    fn frequency_bands_parse_snake_case_and_dashes() {
        for band in FrequencyBand::ALL {
            assert_eq!(band.as_str().parse::<FrequencyBand>().unwrap(), band);
            assert_eq!(
                band.as_str()
                    .replace('_', "-")
                    .parse::<FrequencyBand>()
                    .unwrap(),
                band
            );
        }
        assert_eq!(
            "on-demand".parse::<FrequencyBand>().unwrap(),
            FrequencyBand::OnDemand
        );
    }

    #[test]
    fn a_bad_time_band_lists_every_accepted_value() {
        let err = "a fortnight".parse::<TimeBand>().unwrap_err();
        assert!(err.is_bad_input());
        let text = err.to_string();
        assert!(text.contains("\"a fortnight\""), "{text}");
        for name in [
            "more_than_six_months",
            "one_to_six_months",
            "one_week_to_one_month",
            "one_day_to_one_week",
            "less_than_one_day",
            "less_than_one_hour",
        ] {
            assert!(text.contains(name), "{name} missing from {text}");
        }
        let err = TimeBand::parse_for("recovery", "").unwrap_err();
        assert!(err.to_string().starts_with("recovery: "), "{err}");
    }

    #[test]
    fn a_bad_frequency_band_lists_every_accepted_value() {
        for bad in ["weekly", "", "on demand", "on__demand"] {
            let text = bad.parse::<FrequencyBand>().unwrap_err().to_string();
            assert!(text.starts_with("deploy_frequency: "), "{text}");
            for name in [
                "fewer_than_once_per_six_months",
                "monthly_to_six_monthly",
                "weekly_to_monthly",
                "daily_to_weekly",
                "hourly_to_daily",
                "on_demand",
            ] {
                assert!(text.contains(name), "{name} missing from {text}");
            }
        }
    }

    #[test]
    fn bands_are_ordered_worst_to_best_with_labels() {
        assert!(TimeBand::LessThanOneHour > TimeBand::LessThanOneDay);
        assert!(TimeBand::OneToSixMonths > TimeBand::MoreThanSixMonths);
        assert!(FrequencyBand::OnDemand > FrequencyBand::HourlyToDaily);
        assert_eq!(TimeBand::ALL.map(TimeBand::index), [0, 1, 2, 3, 4, 5]);
        assert_eq!(
            FrequencyBand::ALL.map(FrequencyBand::index),
            [0, 1, 2, 3, 4, 5]
        );
        assert_eq!(TimeBand::LessThanOneHour.label(), "less than one hour");
        assert_eq!(
            FrequencyBand::OnDemand.label(),
            "on demand (several per day)"
        );
        assert_eq!(
            TimeBand::OneWeekToOneMonth.to_string(),
            "one week to one month"
        );
        for band in TimeBand::ALL {
            assert!(!band.label().contains('_'));
        }
        for band in FrequencyBand::ALL {
            assert!(!band.label().contains('_'));
        }
    }

    #[test]
    fn bands_serialize_as_their_snake_case_names() {
        for band in TimeBand::ALL {
            let json = serde_json::to_string(&band).unwrap();
            assert_eq!(json, format!("\"{}\"", band.as_str()));
            assert_eq!(serde_json::from_str::<TimeBand>(&json).unwrap(), band);
        }
        for band in FrequencyBand::ALL {
            let json = serde_json::to_string(&band).unwrap();
            assert_eq!(json, format!("\"{}\"", band.as_str()));
            assert_eq!(serde_json::from_str::<FrequencyBand>(&json).unwrap(), band);
        }
    }

    // --- metrics ---

    #[test]
    fn percentages_from_0_to_100_pass_the_check() {
        assert!(DoraMetrics::default().check().is_ok());
        for value in [0.0, 12.5, 100.0] {
            let m = DoraMetrics {
                change_fail_rate: Some(value),
                rework_rate: Some(value),
                ..DoraMetrics::default()
            };
            assert!(m.check().is_ok(), "{value}");
        }
    }

    #[test]
    fn bad_percentages_are_refused_naming_the_field_and_range() {
        for value in [-0.1, 100.01, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let m = DoraMetrics {
                change_fail_rate: Some(value),
                ..DoraMetrics::default()
            };
            let err = m.check().unwrap_err();
            assert!(err.is_bad_input());
            let text = err.to_string();
            assert!(text.starts_with("change_fail_rate: "), "{text}");
            assert!(text.contains("0 to 100"), "{text}");

            let m = DoraMetrics {
                change_fail_rate: Some(5.0),
                rework_rate: Some(value),
                ..DoraMetrics::default()
            };
            let text = m.check().unwrap_err().to_string();
            assert!(text.starts_with("rework_rate: "), "{text}");
        }
    }

    #[test]
    fn metrics_round_trip_and_missing_fields_read_as_null() {
        let m = DoraMetrics {
            lead_time: Some(TimeBand::OneDayToOneWeek),
            deploy_frequency: Some(FrequencyBand::OnDemand),
            recovery: None,
            change_fail_rate: Some(12.5),
            rework_rate: None,
        };
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"lead_time":"one_day_to_one_week","deploy_frequency":"on_demand","recovery":null,"change_fail_rate":12.5,"rework_rate":null}"#
        );
        assert_eq!(serde_json::from_str::<DoraMetrics>(&json).unwrap(), m);
        let empty: DoraMetrics = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, DoraMetrics::default());
        assert!(empty.is_empty());
        assert!(!m.is_empty());
    }

    // --- years and tables ---

    #[test]
    fn years_serialize_as_strings_and_parse() {
        for year in ReportYear::ALL {
            let json = serde_json::to_string(&year).unwrap();
            assert_eq!(json, format!("\"{}\"", year.number()));
            assert_eq!(serde_json::from_str::<ReportYear>(&json).unwrap(), year);
            assert_eq!(year.to_string().parse::<ReportYear>().unwrap(), year);
        }
        assert!(serde_json::from_str::<ReportYear>("2019").is_err());
        let text = "2022".parse::<ReportYear>().unwrap_err().to_string();
        assert!(text.starts_with("year: "), "{text}");
        for year in ["2019", "2021", "2023", "2024"] {
            assert!(text.contains(year), "{text}");
        }
        assert_eq!(ReportYear::LATEST, ReportYear::Y2024);
    }

    #[test]
    fn every_table_lists_the_four_clusters_best_first_with_sane_ranges() {
        for year in ReportYear::ALL {
            let table = year.clusters();
            assert_eq!(
                table.map(|row| row.cluster),
                [Cluster::Elite, Cluster::High, Cluster::Medium, Cluster::Low],
                "{year}"
            );
            for row in table {
                assert!(row.lead_time.worst <= row.lead_time.best, "{year}");
                assert!(row.recovery.worst <= row.recovery.best, "{year}");
                assert!(
                    row.deploy_frequency.worst <= row.deploy_frequency.best,
                    "{year}"
                );
                let p = row.change_fail_rate;
                assert!(0.0 <= p.min && p.min <= p.max && p.max <= 100.0, "{year}");
            }
            assert!(!year.source().is_empty());
        }
    }

    #[test]
    fn tables_hold_the_documented_values() {
        // Spot checks against docs/domain.md §2.
        let low_2019 = CLUSTERS_2019[3];
        assert_eq!(low_2019.change_fail_rate, pct(46.0, 60.0));
        assert_eq!(
            low_2019.recovery,
            time(T::OneWeekToOneMonth, T::OneWeekToOneMonth)
        );
        assert_eq!(
            CLUSTERS_2021[0].lead_time,
            time(T::LessThanOneHour, T::LessThanOneHour)
        );
        assert_eq!(CLUSTERS_2021[1].deploy_frequency, WEEKLY_MONTHLY);
        assert_eq!(CLUSTERS_2021[3].recovery, OVER_SIX_MONTHS);
        assert_eq!(CLUSTERS_2023[3].change_fail_rate.max, 64.0);
        assert_eq!(CLUSTERS_2023[3].deploy_frequency, WEEKLY_MONTHLY);
        assert_eq!(CLUSTERS_2024[1].change_fail_rate.max, 20.0);
        assert_eq!(CLUSTERS_2024[2].change_fail_rate.max, 10.0);
        assert_eq!(
            CLUSTERS_2024[0].lead_time,
            time(T::LessThanOneDay, T::LessThanOneHour)
        );
    }

    // --- classification ---

    #[test]
    fn a_clear_elite_profile_is_elite_every_year() {
        let m = metrics(
            Some(TimeBand::LessThanOneHour),
            Some(FrequencyBand::OnDemand),
            Some(TimeBand::LessThanOneHour),
            Some(2.0),
        );
        for year in ReportYear::ALL {
            let c = classify(&m, year);
            assert_eq!(c.year, year);
            assert_eq!(clusters(&c), vec![Some(Cluster::Elite); 4], "{year}");
            assert_eq!(c.overall, Some(Cluster::Elite), "{year}");
        }
    }

    #[test]
    fn a_clear_low_profile_is_low_every_year() {
        let m = metrics(
            Some(TimeBand::MoreThanSixMonths),
            Some(FrequencyBand::FewerThanOncePerSixMonths),
            Some(TimeBand::MoreThanSixMonths),
            Some(80.0),
        );
        for year in ReportYear::ALL {
            let c = classify(&m, year);
            assert_eq!(c.year, year);
            assert_eq!(clusters(&c), vec![Some(Cluster::Low); 4], "{year}");
            assert_eq!(c.overall, Some(Cluster::Low), "{year}");
        }
    }

    #[test]
    fn per_metric_names_the_four_classified_metrics_in_order() {
        let c = classify(&DoraMetrics::default(), ReportYear::Y2024);
        let names: Vec<&str> = c.per_metric.iter().map(|m| m.metric.as_str()).collect();
        assert_eq!(
            names,
            [
                "lead_time",
                "deploy_frequency",
                "recovery",
                "change_fail_rate"
            ]
        );
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "year": "2024",
                "per_metric": [
                    {"metric": "lead_time", "cluster": null},
                    {"metric": "deploy_frequency", "cluster": null},
                    {"metric": "recovery", "cluster": null},
                    {"metric": "change_fail_rate", "cluster": null},
                ],
                "overall": null,
            })
        );
    }

    #[test]
    fn a_mixed_profile_takes_the_lowest_cluster_overall() {
        // 2023: lead 1 wk–1 mo → Medium; daily–weekly → High; <1 h → Elite; 4% ≤ 5 → Elite.
        let m = metrics(
            Some(TimeBand::OneWeekToOneMonth),
            Some(FrequencyBand::DailyToWeekly),
            Some(TimeBand::LessThanOneHour),
            Some(4.0),
        );
        let c = classify(&m, ReportYear::Y2023);
        assert_eq!(
            clusters(&c),
            [
                Some(Cluster::Medium),
                Some(Cluster::High),
                Some(Cluster::Elite),
                Some(Cluster::Elite)
            ]
        );
        assert_eq!(c.overall, Some(Cluster::Medium));

        // 2024: 1 d–1 wk → High; on demand → Elite; <1 d → High; 30% > 20 (High), > 10
        // (Medium), ≤ 40 → Low. Overall Low: stability limits.
        let m = metrics(
            Some(TimeBand::OneDayToOneWeek),
            Some(FrequencyBand::OnDemand),
            Some(TimeBand::LessThanOneDay),
            Some(30.0),
        );
        let c = classify(&m, ReportYear::Y2024);
        assert_eq!(
            clusters(&c),
            [
                Some(Cluster::High),
                Some(Cluster::Elite),
                Some(Cluster::High),
                Some(Cluster::Low)
            ]
        );
        assert_eq!(c.overall, Some(Cluster::Low));
    }

    #[test]
    fn a_metric_between_two_ranges_gets_the_cluster_below() {
        // 2021: Elite deploys on demand, High weekly–monthly: hourly–daily and
        // daily–weekly reach High only.
        for band in [FrequencyBand::HourlyToDaily, FrequencyBand::DailyToWeekly] {
            let m = metrics(None, Some(band), None, None);
            let c = classify(&m, ReportYear::Y2021);
            assert_eq!(c.per_metric[1].cluster, Some(Cluster::High), "{band:?}");
            assert_eq!(c.overall, Some(Cluster::High));
        }
        // 2021 lead time: Elite < 1 h, High 1 d–1 wk: "less than one day" is High.
        let m = metrics(Some(TimeBand::LessThanOneDay), None, None, None);
        assert_eq!(classify(&m, ReportYear::Y2021).overall, Some(Cluster::High));
        // 2021 recovery 1 wk–1 mo: worse than Medium (1 d–1 wk), better than Low (> 6 mo).
        let m = metrics(None, None, Some(TimeBand::OneWeekToOneMonth), None);
        assert_eq!(classify(&m, ReportYear::Y2021).overall, Some(Cluster::Low));
        // 2019 recovery 1 d–1 wk: High and Medium need < 1 d; Low is 1 wk–1 mo.
        let m = metrics(None, None, Some(TimeBand::OneDayToOneWeek), None);
        assert_eq!(classify(&m, ReportYear::Y2019).overall, Some(Cluster::Low));
        // 2019 lead time hourly... < 1 h is better than Elite's "< 1 day": Elite.
        let m = metrics(Some(TimeBand::LessThanOneHour), None, None, None);
        assert_eq!(
            classify(&m, ReportYear::Y2019).overall,
            Some(Cluster::Elite)
        );
        // 2019 recovery < 1 d: High and Medium share the range; the best wins.
        let m = metrics(None, None, Some(TimeBand::LessThanOneDay), None);
        assert_eq!(classify(&m, ReportYear::Y2019).overall, Some(Cluster::High));
        // 2023: Medium and Low both deploy weekly–monthly; the best wins.
        let m = metrics(None, Some(FrequencyBand::WeeklyToMonthly), None, None);
        assert_eq!(
            classify(&m, ReportYear::Y2023).overall,
            Some(Cluster::Medium)
        );
        // 2023 deploy monthly–6-monthly: worse than every range → Low.
        let m = metrics(None, Some(FrequencyBand::MonthlyToSixMonthly), None, None);
        assert_eq!(classify(&m, ReportYear::Y2023).overall, Some(Cluster::Low));
    }

    #[test]
    fn change_fail_rate_boundaries() {
        let cfr = |rate: f64, year| {
            classify(&metrics(None, None, None, Some(rate)), year).per_metric[3].cluster
        };
        use ReportYear::*;
        // 2024: Elite ≤ 5, High ≤ 20, Medium ≤ 10 (never reached before High), Low ≤ 40.
        assert_eq!(cfr(0.0, Y2024), Some(Cluster::Elite));
        assert_eq!(cfr(5.0, Y2024), Some(Cluster::Elite));
        assert_eq!(cfr(5.01, Y2024), Some(Cluster::High));
        assert_eq!(cfr(20.0, Y2024), Some(Cluster::High));
        assert_eq!(cfr(20.5, Y2024), Some(Cluster::Low));
        assert_eq!(cfr(40.0, Y2024), Some(Cluster::Low));
        assert_eq!(cfr(100.0, Y2024), Some(Cluster::Low));
        // 2023: 5, 10, 15, 64.
        assert_eq!(cfr(10.0, Y2023), Some(Cluster::High));
        assert_eq!(cfr(12.0, Y2023), Some(Cluster::Medium));
        assert_eq!(cfr(15.0, Y2023), Some(Cluster::Medium));
        assert_eq!(cfr(50.0, Y2023), Some(Cluster::Low));
        // 2019: the three best share 0–15%, Low 46–60%.
        assert_eq!(cfr(15.0, Y2019), Some(Cluster::Elite));
        assert_eq!(cfr(30.0, Y2019), Some(Cluster::Low));
        // 2021: Elite 0–15%, the rest 16–30%: 20% is High.
        assert_eq!(cfr(20.0, Y2021), Some(Cluster::High));
        assert_eq!(cfr(31.0, Y2021), Some(Cluster::Low));
        // A non-finite rate is not given.
        assert_eq!(cfr(f64::NAN, Y2024), None);
    }

    #[test]
    fn empty_metrics_and_rework_only_have_no_cluster() {
        for year in ReportYear::ALL {
            let c = classify(&DoraMetrics::default(), year);
            assert_eq!(c.year, year);
            assert_eq!(clusters(&c), vec![None; 4]);
            assert_eq!(c.overall, None);

            let rework_only = DoraMetrics {
                rework_rate: Some(50.0),
                ..DoraMetrics::default()
            };
            let c = classify(&rework_only, year);
            assert_eq!(c.per_metric.len(), 4);
            assert_eq!(c.overall, None);
        }
    }

    #[test]
    fn a_single_metric_sets_overall() {
        let m = metrics(None, None, Some(TimeBand::OneWeekToOneMonth), None);
        // 2024 recovery: Elite < 1 h, High < 1 d, Medium < 1 d, Low 1 wk–1 mo.
        let c = classify(&m, ReportYear::Y2024);
        assert_eq!(clusters(&c), [None, None, Some(Cluster::Low), None]);
        assert_eq!(c.overall, Some(Cluster::Low));
    }

    #[test]
    fn clusters_are_ordered_worst_to_best_and_serialize_lowercase() {
        assert!(Cluster::Elite > Cluster::High);
        assert!(Cluster::High > Cluster::Medium);
        assert!(Cluster::Medium > Cluster::Low);
        for (cluster, name) in [
            (Cluster::Elite, "elite"),
            (Cluster::High, "high"),
            (Cluster::Medium, "medium"),
            (Cluster::Low, "low"),
        ] {
            assert_eq!(cluster.as_str(), name);
            assert_eq!(
                serde_json::to_string(&cluster).unwrap(),
                format!("\"{name}\"")
            );
        }
    }

    // --- quick check ---

    #[test]
    fn quick_check_of_a_full_profile() {
        // lead 1 d–1 wk: index 3 → 6; weekly–monthly: index 2 → 4; < 1 h: index 5 → 10.
        // throughput = (6 + 4 + 10) / 3 = 20/3.
        // cfr 15% → 10 × 0.85 = 8.5; rework 40% → 10 × 0.6 = 6; stability = 14.5 / 2 = 7.25.
        // overall = (6 + 4 + 10 + 8.5 + 6) / 5 = 34.5 / 5 = 6.9.
        let m = DoraMetrics {
            lead_time: Some(TimeBand::OneDayToOneWeek),
            deploy_frequency: Some(FrequencyBand::WeeklyToMonthly),
            recovery: Some(TimeBand::LessThanOneHour),
            change_fail_rate: Some(15.0),
            rework_rate: Some(40.0),
        };
        let q = quick_check(&m);
        close(q.throughput, 20.0 / 3.0);
        close(q.stability, 7.25);
        close(q.overall, 6.9);
    }

    #[test]
    fn quick_check_rescales_every_band_in_steps_of_two() {
        for (band, expected) in TimeBand::ALL
            .into_iter()
            .zip([0.0, 2.0, 4.0, 6.0, 8.0, 10.0])
        {
            let q = quick_check(&metrics(Some(band), None, None, None));
            close(q.throughput, expected);
            close(q.overall, expected);
            assert_eq!(q.stability, None);
        }
        for (band, expected) in FrequencyBand::ALL
            .into_iter()
            .zip([0.0, 2.0, 4.0, 6.0, 8.0, 10.0])
        {
            close(
                quick_check(&metrics(None, Some(band), None, None)).throughput,
                expected,
            );
        }
    }

    #[test]
    fn quick_check_inverts_percentages() {
        for (rate, expected) in [(0.0, 10.0), (25.0, 7.5), (100.0, 0.0)] {
            let q = quick_check(&metrics(None, None, None, Some(rate)));
            assert_eq!(q.throughput, None);
            close(q.stability, expected);
            close(q.overall, expected);
        }
        // rework alone: 10% → 9.
        let q = quick_check(&DoraMetrics {
            rework_rate: Some(10.0),
            ..DoraMetrics::default()
        });
        close(q.stability, 9.0);
        close(q.overall, 9.0);
    }

    #[test]
    fn quick_check_averages_only_what_is_given() {
        // lead more than six months → 0; on demand → 10; cfr 20% → 8.
        // throughput = (0 + 10) / 2 = 5; stability = 8; overall = 18 / 3 = 6
        // (not the mean of the sub-scores, 6.5).
        let m = metrics(
            Some(TimeBand::MoreThanSixMonths),
            Some(FrequencyBand::OnDemand),
            None,
            Some(20.0),
        );
        let q = quick_check(&m);
        close(q.throughput, 5.0);
        close(q.stability, 8.0);
        close(q.overall, 6.0);
    }

    #[test]
    fn quick_check_of_empty_metrics_is_all_none() {
        assert_eq!(
            quick_check(&DoraMetrics::default()),
            QuickCheck {
                throughput: None,
                stability: None,
                overall: None
            }
        );
        // A non-finite percentage counts as not given; out-of-range ones are clamped.
        let q = quick_check(&DoraMetrics {
            change_fail_rate: Some(f64::NAN),
            rework_rate: Some(150.0),
            ..DoraMetrics::default()
        });
        close(q.stability, 0.0);
        close(q.overall, 0.0);
    }

    #[test]
    fn quick_check_extremes() {
        let best = DoraMetrics {
            lead_time: Some(TimeBand::LessThanOneHour),
            deploy_frequency: Some(FrequencyBand::OnDemand),
            recovery: Some(TimeBand::LessThanOneHour),
            change_fail_rate: Some(0.0),
            rework_rate: Some(0.0),
        };
        let q = quick_check(&best);
        close(q.throughput, 10.0);
        close(q.stability, 10.0);
        close(q.overall, 10.0);
        let worst = DoraMetrics {
            lead_time: Some(TimeBand::MoreThanSixMonths),
            deploy_frequency: Some(FrequencyBand::FewerThanOncePerSixMonths),
            recovery: Some(TimeBand::MoreThanSixMonths),
            change_fail_rate: Some(100.0),
            rework_rate: Some(100.0),
        };
        let q = quick_check(&worst);
        close(q.throughput, 0.0);
        close(q.stability, 0.0);
        close(q.overall, 0.0);
    }
}

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
