//! [`quick_check`]: 0–10 scores in the manner of DORA's Quick Check.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::metrics::usable_percent;
use super::{DoraMetrics, FrequencyBand, TimeBand};

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
    use crate::dora::metrics::without_rework;

    const EPS: f64 = 1e-9;

    fn close(actual: Option<f64>, expected: f64) {
        let a = actual.expect("a score");
        assert!((a - expected).abs() < EPS, "got {a}, expected {expected}");
    }

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
            let q = quick_check(&without_rework(Some(band), None, None, None));
            close(q.throughput, expected);
            close(q.overall, expected);
            assert_eq!(q.stability, None);
        }
        for (band, expected) in FrequencyBand::ALL
            .into_iter()
            .zip([0.0, 2.0, 4.0, 6.0, 8.0, 10.0])
        {
            close(
                quick_check(&without_rework(None, Some(band), None, None)).throughput,
                expected,
            );
        }
    }

    #[test]
    fn quick_check_inverts_percentages() {
        for (rate, expected) in [(0.0, 10.0), (25.0, 7.5), (100.0, 0.0)] {
            let q = quick_check(&without_rework(None, None, None, Some(rate)));
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
        let m = without_rework(
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
