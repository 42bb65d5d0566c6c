//! The plan and its parts: options, inputs, objectives, key results, dated
//! actions with their reasons, milestones, check-in dates, deferred gaps.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dora::{DoraMetrics, FrequencyBand, TimeBand};
use crate::model::{Bank, Blueprint, Owner, PillarId};
use crate::scoring::{Answer, TargetOverrides};

/// Choices of the coach that shape a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanOptions {
    /// At most this many objectives (3 by default: focus beats breadth).
    pub max_objectives: u32,
    /// At most this many chosen actions per objective, before prerequisites are pulled in.
    pub max_actions_per_objective: u32,
    /// Language of the texts taken from the bank.
    pub lang: String,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            max_objectives: 3,
            max_actions_per_objective: 3,
            lang: crate::model::DEFAULT_LANG.to_string(),
        }
    }
}

impl PlanOptions {
    /// Refuses options that cannot give a plan, naming the field.
    pub fn check(&self) -> crate::Result<()> {
        if !(1..=10).contains(&self.max_objectives) {
            return Err(crate::Error::invalid(
                "objectives",
                format!("expected 1 to 10 objectives, found {}", self.max_objectives),
            ));
        }
        if !(1..=10).contains(&self.max_actions_per_objective) {
            return Err(crate::Error::invalid(
                "actions per objective",
                format!(
                    "expected 1 to 10 actions per objective, found {}",
                    self.max_actions_per_objective
                ),
            ));
        }
        Ok(())
    }
}

/// Everything a plan is computed from.
#[derive(Debug, Clone, Copy)]
pub struct PlanInputs<'a> {
    pub bank: &'a Bank,
    pub blueprint: Blueprint,
    pub targets: &'a TargetOverrides,
    /// The agreed answers of the workshop the plan starts from.
    pub answers: &'a BTreeMap<String, Answer>,
    pub dora: Option<&'a DoraMetrics>,
    /// Day 1 of the plan.
    pub start: NaiveDate,
}

/// The three stretches of work before the re-assessment week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Weeks 1–4: baseline and quick wins, and the prerequisites of what follows.
    QuickWins,
    /// Weeks 5–8: the limiting constraint.
    Constraint,
    /// Weeks 9–12: scale-out and ambassadors.
    ScaleOut,
}

impl Phase {
    pub fn first_week(self) -> u32 {
        match self {
            Phase::QuickWins => 1,
            Phase::Constraint => 5,
            Phase::ScaleOut => 9,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::QuickWins => "weeks 1–4: baseline and quick wins",
            Phase::Constraint => "weeks 5–8: the limiting constraint",
            Phase::ScaleOut => "weeks 9–12: scale-out and ambassadors",
        }
    }

    pub(super) fn earlier(self) -> Phase {
        match self {
            Phase::QuickWins | Phase::Constraint => Phase::QuickWins,
            Phase::ScaleOut => Phase::Constraint,
        }
    }
}

/// Where an action stands; check-ins update it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Todo,
    Doing,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Todo,
        ActionStatus::Doing,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Todo => "todo",
            ActionStatus::Doing => "doing",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(text: &str) -> crate::Result<ActionStatus> {
        ActionStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text.trim())
            .ok_or_else(|| {
                crate::Error::invalid(
                    "status",
                    format!("expected todo, doing, done or dropped, found {text:?}"),
                )
            })
    }
}

/// Why an action is in the plan: the gap, the pillar, the figures of its priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Why {
    pub pillar: PillarId,
    /// The pillar's score 0–100 in the assessment the plan starts from.
    pub pillar_score: Option<f64>,
    pub limiting_pillar: bool,
    pub level: u8,
    pub target: u8,
    /// target − level.
    pub gap: u8,
    pub weight: f64,
    pub quality_impact: u8,
    pub speed_impact: u8,
    pub effort: u8,
    /// gap × weight × (quality + speed) ÷ effort.
    pub priority: f64,
    /// Planned actions that need this one first (it was pulled in for them when not chosen on its own).
    pub prerequisite_of: Vec<String>,
    /// The same in one English sentence.
    pub text: String,
}

/// One thing to do, by whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Action {
    /// Stable within the plan: the practice id for generated actions, `custom-N` for the coach's own.
    pub id: String,
    /// The objective it serves.
    pub objective: String,
    pub practice_id: Option<String>,
    pub title: String,
    /// The bank's next step from the current level.
    pub step: String,
    /// Null for an action the coach added.
    pub why: Option<Why>,
    /// The role that owns it, from the bank.
    pub owner: Owner,
    /// A person's name that replaces the role, once the coach assigns one.
    pub assignee: Option<String>,
    pub phase: Phase,
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// The last day of work, inclusive.
    #[ts(type = "string")]
    pub end: NaiveDate,
    /// Plan weeks 1–12.
    pub start_week: u32,
    pub end_week: u32,
    /// Ids of planned actions that must end before this one starts.
    pub depends_on: Vec<String>,
    pub status: ActionStatus,
    /// The coach changed it by hand (kept on regeneration only if the coach says so).
    pub edited: bool,
}

/// What a key result measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Measure {
    /// A practice reaches `target` from `from`.
    PracticeLevel {
        practice_id: String,
        from: u8,
        target: u8,
    },
    /// Deployment frequency reaches `target` or better.
    DeployFrequency {
        from: FrequencyBand,
        target: FrequencyBand,
    },
    /// Change lead time reaches `target` or better.
    LeadTime { from: TimeBand, target: TimeBand },
    /// Failed deployment recovery time reaches `target` or better.
    Recovery { from: TimeBand, target: TimeBand },
}

/// A measurable result, graded 0–1 at the re-assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeyResult {
    /// `kr1`, `kr2`, … in plan order.
    pub id: String,
    pub text: String,
    pub measure: Measure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Objective {
    /// `o1`, `o2`, … in priority order.
    pub id: String,
    pub pillar: PillarId,
    pub title: String,
    pub limiting_pillar: bool,
    pub pillar_score: Option<f64>,
    pub target_score: Option<f64>,
    pub key_results: Vec<KeyResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Milestone {
    /// 30, 60 or 90.
    pub day: u32,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// What must be true on that day.
    pub criteria: Vec<String>,
}

/// The weekly 30-minute check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(from = "StoredCheckinDate")]
pub struct CheckinDate {
    pub week: u32,
    /// Its day in the plan: the first day of its week (1, 8, …, 85).
    pub day: u32,
    #[ts(type = "string")]
    pub date: NaiveDate,
}

/// A planned check-in as plans stored before it carried its day; the day
/// follows from the week, so it is always derived, never trusted from the JSON.
#[derive(Deserialize)]
struct StoredCheckinDate {
    week: u32,
    date: NaiveDate,
}

impl From<StoredCheckinDate> for CheckinDate {
    fn from(stored: StoredCheckinDate) -> Self {
        CheckinDate {
            week: stored.week,
            day: super::week_first_day(stored.week),
            date: stored.date,
        }
    }
}

/// A gap left for a later cycle, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Deferred {
    pub practice_id: String,
    pub pillar: PillarId,
    pub gap: u8,
    pub priority: f64,
    pub reason: String,
}

/// A 90-day plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    /// Day 1.
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// Day 90: the last day of the plan.
    #[ts(type = "string")]
    pub end: NaiveDate,
    pub options: PlanOptions,
    pub limiting_pillar: Option<PillarId>,
    /// Set when there is nothing to plan, saying why.
    pub empty_reason: Option<String>,
    pub objectives: Vec<Objective>,
    /// In the coach's order (generated: by objective, then start date).
    pub actions: Vec<Action>,
    pub deferred: Vec<Deferred>,
    pub milestones: Vec<Milestone>,
    pub checkins: Vec<CheckinDate>,
    /// The re-assessment workshop: day 90, in week 13.
    #[ts(type = "string")]
    pub reassessment: NaiveDate,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn key_results(&self) -> impl Iterator<Item = &KeyResult> {
        self.objectives.iter().flat_map(|o| o.key_results.iter())
    }
}
