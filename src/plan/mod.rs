//! Pure 90-day action plans: a bank, a component's agreed answers, its targets,
//! its DORA metrics and a start date → objectives with key results, dated
//! actions that say why they were chosen, milestones and weekly check-ins.
//! Also the organisation-level common objectives, the difference between two
//! plans (what a regeneration would change) and the grading of key results at
//! the re-assessment. No clock, no disk: same inputs, same plan.
//! The rules, with a worked example, are in `docs/planning.md`.
//!
//! One file per part: the plan's types (`types`), its calendar (`calendar`),
//! the ranked gaps it is made of (`candidates`), the generation steps
//! (`generate`), key results and milestones (`key_results`), the grading at
//! the re-assessment (`grading`), regeneration (`diff`), the organisation's
//! common objectives (`common`), and what the coach records afterwards:
//! edits (`edit`) and check-ins (`tracking`).

mod calendar;
mod candidates;
mod common;
mod diff;
mod edit;
mod generate;
mod grading;
mod key_results;
mod tracking;
mod types;

pub use calendar::{
    checkin_dates, checkin_week, day_date, day_of, next_plan_start, today_day, week_end,
    week_first_day, week_of, week_start,
};
pub use common::{common_objectives, CommonObjective, ServedComponent};
pub use diff::{diff, merge_regenerated, ActionChange, PlanDiff, RegeneratePreview};
pub(crate) use edit::{check_schedule, clean_assignee, clean_title};
pub use edit::{ActionEdit, NewAction, MAX_TITLE_CHARS};
pub use generate::generate_plan;
pub use grading::{grade_key_results, mean_grade, KeyResultGrade};
pub use key_results::{frequency_goal, metric_of_capability, time_goal};
pub use tracking::{Checkin, CheckinInput, Rag, StoredPlan};
pub use types::{
    Action, ActionStatus, CheckinDate, Deferred, KeyResult, Measure, Milestone, Objective, Phase,
    Plan, PlanInputs, PlanOptions, Why,
};

/// Days in a plan: day 1 is the start date, day 90 the re-assessment.
pub const PLAN_DAYS: u32 = 90;
/// Weeks of work; week 13 (days 85–91) holds the re-assessment on day 90.
pub const WORK_WEEKS: u32 = 12;
/// The check-in weeks: one per week, 1 to 13.
pub const PLAN_WEEKS: u32 = 13;
/// Days the plan's timeline spans: its 13 weeks, day 1 to day 91.
pub const TIMELINE_DAYS: u32 = PLAN_WEEKS * 7;
/// Days of the milestones.
pub const MILESTONE_DAYS: [u32; 3] = [30, 60, 90];
/// Weeks one level step takes, by effort 1–5 (days, one team … months, many teams).
pub const WEEKS_BY_EFFORT: [u32; 5] = [1, 2, 3, 4, 6];
/// Effort and impact assumed for a practice whose bank gives none.
pub const DEFAULT_EFFORT: u8 = 3;
pub const DEFAULT_IMPACT: u8 = 3;
/// Highest effort that still counts as a quick win.
pub const QUICK_WIN_EFFORT: u8 = 2;
