//! The State of DevOps performance clusters and the cluster tables of 2019,
//! 2021, 2023 and 2024, kept as data, with the [`ReportYear`] that picks one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FrequencyBand, TimeBand};

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

#[cfg(test)]
mod tests {
    use super::*;

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
        // Spot checks against the report tables cited in assessments/SOURCES.md (S3).
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
}
