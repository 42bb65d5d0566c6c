//! [`classify`]: metrics placed in the clusters of one report year.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::metrics::usable_percent;
use super::{Cluster, ClusterProfile, DoraMetrics, Metric, ReportYear};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dora::metrics::without_rework;
    use crate::dora::{FrequencyBand, TimeBand};

    /// The clusters of `per_metric`, in its order.
    fn clusters(c: &Classification) -> Vec<Option<Cluster>> {
        c.per_metric.iter().map(|m| m.cluster).collect()
    }

    #[test]
    fn a_clear_elite_profile_is_elite_every_year() {
        let m = without_rework(
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
        let m = without_rework(
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
        let m = without_rework(
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
        let m = without_rework(
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
            let m = without_rework(None, Some(band), None, None);
            let c = classify(&m, ReportYear::Y2021);
            assert_eq!(c.per_metric[1].cluster, Some(Cluster::High), "{band:?}");
            assert_eq!(c.overall, Some(Cluster::High));
        }
        // 2021 lead time: Elite < 1 h, High 1 d–1 wk: "less than one day" is High.
        let m = without_rework(Some(TimeBand::LessThanOneDay), None, None, None);
        assert_eq!(classify(&m, ReportYear::Y2021).overall, Some(Cluster::High));
        // 2021 recovery 1 wk–1 mo: worse than Medium (1 d–1 wk), better than Low (> 6 mo).
        let m = without_rework(None, None, Some(TimeBand::OneWeekToOneMonth), None);
        assert_eq!(classify(&m, ReportYear::Y2021).overall, Some(Cluster::Low));
        // 2019 recovery 1 d–1 wk: High and Medium need < 1 d; Low is 1 wk–1 mo.
        let m = without_rework(None, None, Some(TimeBand::OneDayToOneWeek), None);
        assert_eq!(classify(&m, ReportYear::Y2019).overall, Some(Cluster::Low));
        // 2019 lead time hourly... < 1 h is better than Elite's "< 1 day": Elite.
        let m = without_rework(Some(TimeBand::LessThanOneHour), None, None, None);
        assert_eq!(
            classify(&m, ReportYear::Y2019).overall,
            Some(Cluster::Elite)
        );
        // 2019 recovery < 1 d: High and Medium share the range; the best wins.
        let m = without_rework(None, None, Some(TimeBand::LessThanOneDay), None);
        assert_eq!(classify(&m, ReportYear::Y2019).overall, Some(Cluster::High));
        // 2023: Medium and Low both deploy weekly–monthly; the best wins.
        let m = without_rework(None, Some(FrequencyBand::WeeklyToMonthly), None, None);
        assert_eq!(
            classify(&m, ReportYear::Y2023).overall,
            Some(Cluster::Medium)
        );
        // 2023 deploy monthly–6-monthly: worse than every range → Low.
        let m = without_rework(None, Some(FrequencyBand::MonthlyToSixMonthly), None, None);
        assert_eq!(classify(&m, ReportYear::Y2023).overall, Some(Cluster::Low));
    }

    #[test]
    fn change_fail_rate_boundaries() {
        let cfr = |rate: f64, year| {
            classify(&without_rework(None, None, None, Some(rate)), year).per_metric[3].cluster
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
        let m = without_rework(None, None, Some(TimeBand::OneWeekToOneMonth), None);
        // 2024 recovery: Elite < 1 h, High < 1 d, Medium < 1 d, Low 1 wk–1 mo.
        let c = classify(&m, ReportYear::Y2024);
        assert_eq!(clusters(&c), [None, None, Some(Cluster::Low), None]);
        assert_eq!(c.overall, Some(Cluster::Low));
    }
}
