//! The survey answer bands of the time and frequency metrics, worst to best,
//! with their names, labels and parsing.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
