//! Key results (one level up per practice, the next band of a DORA metric)
//! and the milestones of days 30, 60 and 90.

use std::collections::BTreeMap;

use super::*;
use crate::dora::{DoraMetrics, FrequencyBand, Metric, TimeBand};
use crate::model::Bank;

/// The DORA metric a capability moves most directly *(design, see docs/planning.md)*.
pub fn metric_of_capability(capability: &str) -> Option<Metric> {
    match capability {
        "Continuous delivery"
        | "Deployment automation"
        | "Small batches"
        | "Trunk-based development"
        | "Streamlined change approval" => Some(Metric::DeployFrequency),
        "Continuous integration"
        | "Test automation"
        | "Version control"
        | "Visibility of the value stream"
        | "Loosely coupled teams"
        | "WIP limits"
        | "Database change management"
        | "Test data management" => Some(Metric::LeadTime),
        "Monitoring and observability" | "Proactive failure notification" => Some(Metric::Recovery),
        _ => None,
    }
}

/// "at least daily": the wording of a deployment frequency key result.
pub fn frequency_goal(band: FrequencyBand) -> &'static str {
    match band {
        FrequencyBand::FewerThanOncePerSixMonths => "at least twice a year",
        FrequencyBand::MonthlyToSixMonthly => "at least every six months",
        FrequencyBand::WeeklyToMonthly => "at least monthly",
        FrequencyBand::DailyToWeekly => "at least weekly",
        FrequencyBand::HourlyToDaily => "at least daily",
        FrequencyBand::OnDemand => "on demand (several per day)",
    }
}

/// "at most one week": the wording of a lead time or recovery key result.
pub fn time_goal(band: TimeBand) -> &'static str {
    match band {
        TimeBand::MoreThanSixMonths => "any time",
        TimeBand::OneToSixMonths => "at most six months",
        TimeBand::OneWeekToOneMonth => "at most one month",
        TimeBand::OneDayToOneWeek => "at most one week",
        TimeBand::LessThanOneDay => "less than one day",
        TimeBand::LessThanOneHour => "less than one hour",
    }
}

fn better<T: Copy>(all: &[T; 6], index: u8) -> Option<T> {
    all.get(usize::from(index) + 1).copied()
}

/// The key result "next band" of a DORA metric; none when it is not measured or already best.
fn dora_key_result(metric: Metric, dora: &DoraMetrics) -> Option<(String, Measure)> {
    match metric {
        Metric::DeployFrequency => dora.deploy_frequency.and_then(|from| {
            better(&FrequencyBand::ALL, from.index()).map(|target| {
                (
                    format!("deployment frequency: {}", frequency_goal(target)),
                    Measure::DeployFrequency { from, target },
                )
            })
        }),
        Metric::LeadTime => dora.lead_time.and_then(|from| {
            better(&TimeBand::ALL, from.index()).map(|target| {
                (
                    format!("change lead time: {}", time_goal(target)),
                    Measure::LeadTime { from, target },
                )
            })
        }),
        Metric::Recovery => dora.recovery.and_then(|from| {
            better(&TimeBand::ALL, from.index()).map(|target| {
                (
                    format!("failed deployment recovery time: {}", time_goal(target)),
                    Measure::Recovery { from, target },
                )
            })
        }),
        Metric::ChangeFailRate | Metric::ReworkRate => None,
    }
}

/// Per objective: one key result per action's practice (one level up), and at
/// most one DORA key result. Each measured metric that can improve goes to the
/// objective whose practices link to it most (ties: the earlier objective);
/// an objective given several keeps its most linked one (ties: metric order).
pub(super) fn add_key_results(plan: &mut Plan, dora: Option<&DoraMetrics>, bank: &Bank) {
    let links: Vec<BTreeMap<Metric, usize>> = plan
        .objectives
        .iter()
        .map(|objective| {
            let mut links = BTreeMap::new();
            for action in plan.actions.iter().filter(|a| a.objective == objective.id) {
                let practice = action
                    .practice_id
                    .as_deref()
                    .and_then(|id| bank.practice(id));
                for capability in practice.map_or(&[][..], |p| p.dora.as_slice()) {
                    if let Some(metric) = metric_of_capability(capability) {
                        *links.entry(metric).or_default() += 1;
                    }
                }
            }
            links
        })
        .collect();
    let mut dora_result: Vec<Option<(String, Measure)>> = vec![None; plan.objectives.len()];
    if let Some(dora) = dora {
        let mut owned: Vec<Vec<(Metric, usize)>> = vec![Vec::new(); plan.objectives.len()];
        for metric in Metric::CLASSIFIED {
            if dora_key_result(metric, dora).is_none() {
                continue;
            }
            let owner = (0..links.len())
                .filter_map(|i| links[i].get(&metric).map(|n| (i, *n)))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((i, n)) = owner {
                owned[i].push((metric, n));
            }
        }
        for (i, metrics) in owned.iter().enumerate() {
            let best = metrics
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
            dora_result[i] = best.and_then(|(metric, _)| dora_key_result(*metric, dora));
        }
    }
    let mut count = 0;
    let mut next_id = || {
        count += 1;
        format!("kr{count}")
    };
    for (objective, dora_result) in plan.objectives.iter_mut().zip(dora_result) {
        for action in plan.actions.iter().filter(|a| a.objective == objective.id) {
            let (Some(practice_id), Some(why)) = (&action.practice_id, &action.why) else {
                continue;
            };
            objective.key_results.push(KeyResult {
                id: next_id(),
                text: format!(
                    "{}: level {} (from {})",
                    action.title,
                    why.level + 1,
                    why.level
                ),
                measure: Measure::PracticeLevel {
                    practice_id: practice_id.clone(),
                    from: why.level,
                    target: why.level + 1,
                },
            });
        }
        if let Some((text, measure)) = dora_result {
            objective.key_results.push(KeyResult {
                id: next_id(),
                text,
                measure,
            });
        }
    }
}

pub(super) fn milestones(plan: &Plan, dora: Option<&DoraMetrics>) -> Vec<Milestone> {
    if plan.actions.is_empty() {
        return Vec::new();
    }
    let titles = |from: u32, to: u32| -> Vec<String> {
        plan.actions
            .iter()
            .filter(|a| {
                let end = day_of(plan.start, a.end);
                end > i64::from(from) && end <= i64::from(to)
            })
            .map(|a| a.title.clone())
            .collect()
    };
    let mut result = Vec::new();
    for (i, &day) in MILESTONE_DAYS.iter().enumerate() {
        let previous = if i == 0 { 0 } else { MILESTONE_DAYS[i - 1] };
        let mut criteria = Vec::new();
        let done = titles(previous, day);
        if !done.is_empty() {
            criteria.push(format!("done: {}", done.join("; ")));
        }
        match day {
            30 => {
                criteria.push(match dora.filter(|d| !d.is_empty()) {
                    Some(_) => "baseline kept: the DORA metrics of the starting workshop are on the team's dashboard".to_string(),
                    None => "baseline recorded: deployment frequency, lead time, recovery time and change fail rate measured".to_string(),
                });
                criteria.push("first early win celebrated with the team".to_string());
            }
            60 => {
                if let Some(o) = plan.objectives.first() {
                    criteria.push(format!(
                        "every key result of \"{}\" on amber or green at the check-in",
                        o.title
                    ));
                }
                criteria
                    .push("ambassadors named to carry the practices to other teams".to_string());
            }
            _ => {
                criteria.push("every action done or consciously dropped".to_string());
                criteria.push(
                    "re-assessment held and key results graded 0–1 (0.7 on average is a success)"
                        .to_string(),
                );
            }
        }
        result.push(Milestone {
            day,
            date: day_date(plan.start, day),
            criteria,
        });
    }
    result
}
