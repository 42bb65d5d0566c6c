//! The five outcome metrics of one application and their input check.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FrequencyBand, TimeBand};

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

/// A percentage usable by [`classify`](super::classify) and
/// [`quick_check`](super::quick_check): a non-finite value counts as not
/// given, the rest is clamped to 0–100. ([`DoraMetrics::check`] refuses both
/// cases at input time; this only keeps the pure functions total.)
pub(super) fn usable_percent(value: Option<f64>) -> Option<f64> {
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
    /// The four metrics that have cluster tables, in the order of
    /// [`Classification::per_metric`](super::Classification::per_metric).
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

/// The four classified metrics without a rework rate: the tests' shorthand.
#[cfg(test)]
pub(super) fn without_rework(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
