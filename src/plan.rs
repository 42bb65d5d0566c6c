//! Pure 90-day action plans: a bank, a component's agreed answers, its targets,
//! its DORA metrics and a start date → objectives with key results, dated
//! actions that say why they were chosen, milestones and weekly check-ins.
//! Also the organisation-level common objectives, the difference between two
//! plans (what a regeneration would change) and the grading of key results at
//! the re-assessment. No clock, no disk: same inputs, same plan.
//! The rules, with a worked example, are in `docs/planning.md`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dora::{DoraMetrics, FrequencyBand, Metric, TimeBand};
use crate::model::{Bank, Blueprint, Owner, PillarId, Practice};
use crate::scoring::{score_with_targets, Answer, Scores, TargetOverrides};

/// Days in a plan: day 1 is the start date, day 90 the re-assessment.
pub const PLAN_DAYS: u32 = 90;
/// Weeks of work; week 13 (days 85–91) holds the re-assessment on day 90.
pub const WORK_WEEKS: u32 = 12;
/// The check-in weeks: one per week, 1 to 13.
pub const PLAN_WEEKS: u32 = 13;
/// Days of the milestones.
pub const MILESTONE_DAYS: [u32; 3] = [30, 60, 90];
/// Weeks one level step takes, by effort 1–5 (days, one team … months, many teams).
pub const WEEKS_BY_EFFORT: [u32; 5] = [1, 2, 3, 4, 6];
/// Effort and impact assumed for a practice whose bank gives none.
pub const DEFAULT_EFFORT: u8 = 3;
pub const DEFAULT_IMPACT: u8 = 3;
/// Highest effort that still counts as a quick win.
pub const QUICK_WIN_EFFORT: u8 = 2;

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

    fn earlier(self) -> Phase {
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
pub struct CheckinDate {
    pub week: u32,
    #[ts(type = "string")]
    pub date: NaiveDate,
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

/// Day 1 of a component's next plan when the coach gives none: the day after
/// the previous plan's day 90, so the 90-day cycles follow each other without
/// a gap or an overlap, unless that day is already past: a plan is never
/// started in the past (its first check-ins would be missed), so then today.
pub fn next_plan_start(previous_end: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    previous_end
        .and_then(|end| end.succ_opt())
        .filter(|next| *next >= today)
        .unwrap_or(today)
}

/// The date of day `day` (1-based) of a plan starting on `start`.
pub fn day_date(start: NaiveDate, day: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(day.saturating_sub(1))))
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of plan week `week`.
pub fn week_start(start: NaiveDate, week: u32) -> NaiveDate {
    day_date(start, 7 * (week.max(1) - 1) + 1)
}

/// The last day of plan week `week`.
pub fn week_end(start: NaiveDate, week: u32) -> NaiveDate {
    day_date(start, 7 * week.max(1))
}

/// The plan week (1-based) that holds `date`; 0 before the start.
pub fn week_of(start: NaiveDate, date: NaiveDate) -> u32 {
    let days = (date - start).num_days();
    if days < 0 {
        0
    } else {
        (days / 7) as u32 + 1
    }
}

/// The plan day (1-based) of `date`; 0 or less before the start.
pub fn day_of(start: NaiveDate, date: NaiveDate) -> i64 {
    (date - start).num_days() + 1
}

/// A practice below its target: a candidate action.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    pillar: PillarId,
    practice: &'a Practice,
    /// Position in the bank, for stable tie-breaks.
    index: usize,
    level: u8,
    target: u8,
    gap: u8,
    effort: u8,
    quality: u8,
    speed: u8,
    priority: f64,
}

fn candidates<'a>(inputs: &PlanInputs<'a>) -> Vec<Candidate<'a>> {
    inputs
        .bank
        .practices()
        .enumerate()
        .filter_map(|(index, (pillar, practice))| {
            let Some(Answer::Level { level }) = inputs.answers.get(&practice.id) else {
                return None;
            };
            let target = inputs.targets.target(pillar.id, practice, inputs.blueprint);
            let gap = target.saturating_sub(*level);
            if gap == 0 {
                return None;
            }
            let effort = practice.effort.unwrap_or(DEFAULT_EFFORT).clamp(1, 5);
            let (quality, speed) = practice
                .impact
                .map_or((DEFAULT_IMPACT, DEFAULT_IMPACT), |i| (i.quality, i.speed));
            let priority =
                f64::from(gap) * practice.weight * f64::from(quality + speed) / f64::from(effort);
            Some(Candidate {
                pillar: pillar.id,
                practice,
                index,
                level: *level,
                target,
                gap,
                effort,
                quality,
                speed,
                priority,
            })
        })
        .collect()
}

/// Higher priority first; ties in bank order.
fn by_priority(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.priority
        .total_cmp(&a.priority)
        .then(a.index.cmp(&b.index))
}

/// An action being planned, before dates.
struct Draft<'a> {
    candidate: Candidate<'a>,
    objective: usize,
    prerequisite_of: Vec<String>,
    phase: Phase,
    depends_on: Vec<String>,
}

/// The plan for one component. Pure and deterministic.
pub fn generate_plan(inputs: &PlanInputs, options: &PlanOptions) -> Plan {
    let bank = inputs.bank;
    let lang = options.lang.as_str();
    let scores = score_with_targets(bank, inputs.blueprint, inputs.targets, inputs.answers);
    let limiting = scores.limiting_pillar;
    let mut all = candidates(inputs);
    all.sort_by(by_priority);
    let by_id: BTreeMap<&str, &Candidate> =
        all.iter().map(|c| (c.practice.id.as_str(), c)).collect();

    let mut plan = Plan {
        start: inputs.start,
        end: day_date(inputs.start, PLAN_DAYS),
        options: options.clone(),
        limiting_pillar: limiting,
        empty_reason: None,
        objectives: Vec::new(),
        actions: Vec::new(),
        deferred: Vec::new(),
        milestones: Vec::new(),
        checkins: Vec::new(),
        reassessment: day_date(inputs.start, PLAN_DAYS),
    };
    if all.is_empty() {
        let answered = inputs
            .answers
            .values()
            .any(|a| matches!(a, Answer::Level { .. }));
        plan.empty_reason = Some(if answered {
            "every answered practice is at or above its target: nothing to plan this cycle; \
             raise a target or answer the remaining practices to find the next step"
                .to_string()
        } else {
            "no practice is answered with a level yet: hold the assessment workshop first"
                .to_string()
        });
        return plan;
    }

    // Objectives: the limiting pillar first, then pillars by their best candidate.
    let mut pillars: Vec<PillarId> = all
        .iter()
        .map(|c| c.pillar)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let best = |p: PillarId| {
        all.iter()
            .find(|c| c.pillar == p)
            .map_or(0.0, |c| c.priority)
    };
    pillars.sort_by(|a, b| {
        (Some(*b) == limiting)
            .cmp(&(Some(*a) == limiting))
            .then(best(*b).total_cmp(&best(*a)))
            .then(a.cmp(b))
    });
    pillars.truncate(options.max_objectives as usize);

    // Actions: the best candidates of each objective's pillar, and the prerequisites they need.
    let mut drafts: Vec<Draft> = Vec::new();
    let planned = |drafts: &[Draft], id: &str| drafts.iter().any(|d| d.candidate.practice.id == id);
    for (objective, pillar) in pillars.iter().enumerate() {
        let chosen: Vec<&Candidate> = all
            .iter()
            .filter(|c| c.pillar == *pillar && !planned(&drafts, &c.practice.id))
            .take(options.max_actions_per_objective as usize)
            .collect();
        for candidate in chosen {
            add_with_prerequisites(&mut drafts, candidate, objective, None, &by_id);
        }
    }

    // Phases: quick wins first, the limiting pillar's work next, the rest last;
    // a prerequisite goes one phase before the action that needs it.
    for draft in &mut drafts {
        draft.phase = if draft.candidate.effort <= QUICK_WIN_EFFORT {
            Phase::QuickWins
        } else if Some(pillars[draft.objective]) == limiting {
            Phase::Constraint
        } else {
            Phase::ScaleOut
        };
    }
    let order = dependency_order(&drafts);
    for &i in order.iter().rev() {
        let needed_by = drafts[i].phase.earlier();
        let deps = drafts[i].depends_on.clone();
        for dep in deps {
            if let Some(d) = drafts.iter_mut().find(|d| d.candidate.practice.id == dep) {
                if d.phase > needed_by {
                    d.phase = needed_by;
                }
            }
        }
    }

    // Weeks: at the phase start or after the prerequisites end, and within week 12.
    let mut weeks: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut unfit: BTreeMap<String, String> = BTreeMap::new();
    for &i in &order {
        let draft = &drafts[i];
        let id = draft.candidate.practice.id.clone();
        let duration = WEEKS_BY_EFFORT[usize::from(draft.candidate.effort - 1)];
        if let Some(dep) = draft.depends_on.iter().find(|d| unfit.contains_key(*d)) {
            unfit.insert(
                id,
                format!("its prerequisite {dep} does not fit in this cycle"),
            );
            continue;
        }
        let ready = draft
            .depends_on
            .iter()
            .filter_map(|d| weeks.get(d))
            .map(|(_, end)| end + 1)
            .max()
            .unwrap_or(1);
        let mut start = draft.phase.first_week().max(ready);
        if start + duration - 1 > WORK_WEEKS {
            start = ready.max((WORK_WEEKS + 1).saturating_sub(duration)).max(1);
        }
        let end = start + duration - 1;
        if end > WORK_WEEKS {
            unfit.insert(
                id,
                format!(
                    "{duration} weeks of work after its prerequisites would end after day {PLAN_DAYS}"
                ),
            );
            continue;
        }
        weeks.insert(id, (start, end));
    }

    for (index, pillar) in pillars.iter().enumerate() {
        let pillar_score = scores.pillars.iter().find(|p| p.id == *pillar);
        let name = pillar_name(bank, *pillar, lang);
        let is_limiting = Some(*pillar) == limiting;
        plan.objectives.push(Objective {
            id: format!("o{}", index + 1),
            pillar: *pillar,
            title: if is_limiting {
                format!("Lift the limiting factor: {name}")
            } else {
                format!("Move {name} toward its target")
            },
            limiting_pillar: is_limiting,
            pillar_score: pillar_score.and_then(|p| p.score),
            target_score: pillar_score.and_then(|p| p.target_score),
            key_results: Vec::new(),
        });
    }

    for draft in &drafts {
        let c = &draft.candidate;
        let Some(&(start_week, end_week)) = weeks.get(&c.practice.id) else {
            continue;
        };
        let step = c.practice.improve.iter().find(|s| s.from == c.level);
        let why = why(c, &scores, limiting, &draft.prerequisite_of, bank, lang);
        plan.actions.push(Action {
            id: c.practice.id.clone(),
            objective: plan.objectives[draft.objective].id.clone(),
            practice_id: Some(c.practice.id.clone()),
            title: c.practice.title.get(lang).to_string(),
            step: step.map_or_else(
                || {
                    let next = c.practice.descriptors.get(usize::from(c.level) + 1);
                    format!("Reach the next level: {}", next.map_or("", |d| d.get(lang)))
                },
                |s| s.action.get(lang).to_string(),
            ),
            why: Some(why),
            owner: step.map_or(Owner::Team, |s| s.owner),
            assignee: None,
            phase: draft.phase,
            start: week_start(inputs.start, start_week),
            end: week_end(inputs.start, end_week),
            start_week,
            end_week,
            depends_on: draft
                .depends_on
                .iter()
                .filter(|d| weeks.contains_key(*d))
                .cloned()
                .collect(),
            status: ActionStatus::Todo,
            edited: false,
        });
    }
    plan.actions.sort_by(|a, b| {
        a.objective
            .cmp(&b.objective)
            .then(a.start.cmp(&b.start))
            .then(priority_of(b).total_cmp(&priority_of(a)))
            .then(a.id.cmp(&b.id))
    });

    // Gaps left for later: the ones that did not fit, then the ones not chosen.
    for (id, reason) in &unfit {
        let c = by_id[id.as_str()];
        plan.deferred.push(deferred(c, reason.clone()));
    }
    for c in &all {
        if !planned(&drafts, &c.practice.id) {
            let reason = if pillars.contains(&c.pillar) {
                format!(
                    "lower priority than the {} actions chosen for its pillar",
                    options.max_actions_per_objective
                )
            } else {
                format!(
                    "its pillar is not among the {} objectives of this cycle",
                    options.max_objectives
                )
            };
            plan.deferred.push(deferred(c, reason));
        }
    }
    plan.deferred.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.practice_id.cmp(&b.practice_id))
    });

    if plan.actions.is_empty() {
        plan.empty_reason = Some(
            "no gap can be closed within 90 days: every chosen action needs longer; see the deferred gaps"
                .to_string(),
        );
    }
    add_key_results(&mut plan, inputs.dora, bank);
    plan.objectives.retain(|o| !o.key_results.is_empty());
    plan.milestones = milestones(&plan, inputs.dora);
    if !plan.actions.is_empty() {
        plan.checkins = (1..=PLAN_WEEKS)
            .map(|week| CheckinDate {
                week,
                date: week_start(inputs.start, week),
            })
            .collect();
    }
    plan
}

fn priority_of(action: &Action) -> f64 {
    action.why.as_ref().map_or(0.0, |w| w.priority)
}

fn deferred(c: &Candidate, reason: String) -> Deferred {
    Deferred {
        practice_id: c.practice.id.clone(),
        pillar: c.pillar,
        gap: c.gap,
        priority: c.priority,
        reason,
    }
}

/// Adds `candidate` (and, first, every prerequisite below target it needs) to the drafts.
fn add_with_prerequisites<'a>(
    drafts: &mut Vec<Draft<'a>>,
    candidate: &Candidate<'a>,
    objective: usize,
    needed_by: Option<&str>,
    by_id: &BTreeMap<&str, &Candidate<'a>>,
) {
    if let Some(existing) = drafts
        .iter_mut()
        .find(|d| d.candidate.practice.id == candidate.practice.id)
    {
        if let Some(by) = needed_by {
            if !existing.prerequisite_of.iter().any(|p| p == by) {
                existing.prerequisite_of.push(by.to_string());
            }
        }
        return;
    }
    // Placed before recursing, so a cycle in a hand-built bank cannot loop forever.
    drafts.push(Draft {
        candidate: candidate.clone(),
        objective,
        prerequisite_of: needed_by.map(str::to_string).into_iter().collect(),
        phase: Phase::QuickWins,
        depends_on: Vec::new(),
    });
    let mine = drafts.len() - 1;
    for dep in &candidate.practice.depends_on {
        if let Some(dep_candidate) = by_id.get(dep.as_str()) {
            add_with_prerequisites(
                drafts,
                dep_candidate,
                objective,
                Some(&candidate.practice.id),
                by_id,
            );
            drafts[mine].depends_on.push(dep.clone());
        }
    }
}

/// Indices of `drafts` with every prerequisite before the actions that need it
/// (Kahn's algorithm, ties in draft order). Links in a cycle are ignored.
fn dependency_order(drafts: &[Draft]) -> Vec<usize> {
    let index: BTreeMap<&str, usize> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.candidate.practice.id.as_str(), i))
        .collect();
    let mut done = vec![false; drafts.len()];
    let mut order = Vec::with_capacity(drafts.len());
    while order.len() < drafts.len() {
        let next = (0..drafts.len()).find(|&i| {
            !done[i]
                && drafts[i]
                    .depends_on
                    .iter()
                    .filter_map(|d| index.get(d.as_str()))
                    .all(|&j| done[j])
        });
        // A cycle: take the first remaining draft as it is.
        let next = next.unwrap_or_else(|| (0..drafts.len()).find(|&i| !done[i]).unwrap_or(0));
        done[next] = true;
        order.push(next);
    }
    order
}

fn pillar_name(bank: &Bank, pillar: PillarId, lang: &str) -> String {
    bank.pillar(pillar)
        .map_or(pillar.as_str().to_string(), |p| {
            p.name.get(lang).to_string()
        })
}

fn why(
    c: &Candidate,
    scores: &Scores,
    limiting: Option<PillarId>,
    prerequisite_of: &[String],
    bank: &Bank,
    lang: &str,
) -> Why {
    let pillar_score = scores
        .pillars
        .iter()
        .find(|p| p.id == c.pillar)
        .and_then(|p| p.score);
    let is_limiting = Some(c.pillar) == limiting;
    let name = pillar_name(bank, c.pillar, lang);
    let score_text = pillar_score.map_or("not assessed".to_string(), |s| format!("{s:.1} %"));
    let mut text = format!(
        "{} is at level {} of target {} (gap {}) in {name}{}, score {score_text}; priority {} × {} × ({} + {}) ÷ {} = {:.2}",
        c.practice.title.get(lang),
        c.level,
        c.target,
        c.gap,
        if is_limiting { ", the limiting pillar" } else { "" },
        c.gap,
        c.practice.weight,
        c.quality,
        c.speed,
        c.effort,
        c.priority,
    );
    if !prerequisite_of.is_empty() {
        text.push_str(&format!("; needed first by {}", prerequisite_of.join(", ")));
    }
    Why {
        pillar: c.pillar,
        pillar_score,
        limiting_pillar: is_limiting,
        level: c.level,
        target: c.target,
        gap: c.gap,
        weight: c.practice.weight,
        quality_impact: c.quality,
        speed_impact: c.speed,
        effort: c.effort,
        priority: c.priority,
        prerequisite_of: prerequisite_of.to_vec(),
        text,
    }
}

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
fn add_key_results(plan: &mut Plan, dora: Option<&DoraMetrics>, bank: &Bank) {
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

fn milestones(plan: &Plan, dora: Option<&DoraMetrics>) -> Vec<Milestone> {
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

// ---------------------------------------------------------------------------
// Grading at the re-assessment
// ---------------------------------------------------------------------------

/// One key result graded from the re-assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeyResultGrade {
    pub key_result: String,
    pub text: String,
    /// 0 (no move) to 1 (reached or beyond); null when the re-assessment does not measure it.
    pub grade: Option<f64>,
    /// What the re-assessment found, in words ("level 2", "between once per day and once per week").
    pub found: Option<String>,
}

/// How far each key result moved from where it started toward its target, 0–1.
/// A practice left unanswered or N/A, or a DORA metric not given, is not graded.
pub fn grade_key_results(
    plan: &Plan,
    answers: &BTreeMap<String, Answer>,
    dora: Option<&DoraMetrics>,
) -> Vec<KeyResultGrade> {
    let progress = |from: u8, target: u8, found: u8| -> f64 {
        if target <= from {
            return 1.0;
        }
        ((f64::from(found) - f64::from(from)) / (f64::from(target) - f64::from(from)))
            .clamp(0.0, 1.0)
    };
    plan.key_results()
        .map(|kr| {
            let found = match &kr.measure {
                Measure::PracticeLevel {
                    practice_id,
                    from,
                    target,
                } => match answers.get(practice_id) {
                    Some(Answer::Level { level }) => {
                        Some((progress(*from, *target, *level), format!("level {level}")))
                    }
                    _ => None,
                },
                Measure::DeployFrequency { from, target } => {
                    dora.and_then(|d| d.deploy_frequency).map(|found| {
                        let grade = progress(from.index(), target.index(), found.index());
                        (grade, found.label().to_string())
                    })
                }
                Measure::LeadTime { from, target } => dora.and_then(|d| d.lead_time).map(|found| {
                    let grade = progress(from.index(), target.index(), found.index());
                    (grade, found.label().to_string())
                }),
                Measure::Recovery { from, target } => dora.and_then(|d| d.recovery).map(|found| {
                    let grade = progress(from.index(), target.index(), found.index());
                    (grade, found.label().to_string())
                }),
            };
            KeyResultGrade {
                key_result: kr.id.clone(),
                text: kr.text.clone(),
                grade: found.as_ref().map(|(g, _)| *g),
                found: found.map(|(_, text)| text),
            }
        })
        .collect()
}

/// The mean of the graded key results; null when none could be graded.
pub fn mean_grade(grades: &[KeyResultGrade]) -> Option<f64> {
    let graded: Vec<f64> = grades.iter().filter_map(|g| g.grade).collect();
    (!graded.is_empty()).then(|| graded.iter().sum::<f64>() / graded.len() as f64)
}

// ---------------------------------------------------------------------------
// Regeneration
// ---------------------------------------------------------------------------

/// One action present in both plans whose content differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionChange {
    pub id: String,
    /// The fields that differ: title, step, owner, assignee, objective, start, end, depends_on.
    pub fields: Vec<String>,
    /// The coach edited it by hand: regenerating replaces those edits unless it is kept.
    pub edited: bool,
}

/// What replacing plan `old` by plan `new` would change.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct PlanDiff {
    /// Action ids only in the new plan.
    pub added: Vec<String>,
    /// Action ids only in the old plan; those the coach edited or added are marked in `edited_removed`.
    pub removed: Vec<String>,
    pub edited_removed: Vec<String>,
    pub changed: Vec<ActionChange>,
    /// The objectives or key results differ.
    pub objectives_changed: bool,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.objectives_changed
    }
}

/// The difference between two plans, action by action (matched by id).
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let mut result = PlanDiff {
        objectives_changed: old.objectives != new.objectives,
        ..PlanDiff::default()
    };
    for action in &new.actions {
        if old.action(&action.id).is_none() {
            result.added.push(action.id.clone());
        }
    }
    for before in &old.actions {
        let Some(after) = new.action(&before.id) else {
            result.removed.push(before.id.clone());
            if before.edited {
                result.edited_removed.push(before.id.clone());
            }
            continue;
        };
        let mut fields = Vec::new();
        let mut check = |name: &str, differs: bool| {
            if differs {
                fields.push(name.to_string());
            }
        };
        check("title", before.title != after.title);
        check("step", before.step != after.step);
        check("owner", before.owner != after.owner);
        check("assignee", before.assignee != after.assignee);
        check("objective", before.objective != after.objective);
        check("start", before.start != after.start);
        check("end", before.end != after.end);
        check("depends_on", before.depends_on != after.depends_on);
        if !fields.is_empty() {
            result.changed.push(ActionChange {
                id: before.id.clone(),
                fields,
                edited: before.edited,
            });
        }
    }
    result
}

/// `new` with the coach's choices from `old`: the actions listed in `keep`
/// stay as they were (in their old position relative to the others), and
/// every action present in both keeps its status.
pub fn merge_regenerated(old: &Plan, mut new: Plan, keep: &BTreeSet<String>) -> Plan {
    for action in &mut new.actions {
        if let Some(before) = old.action(&action.id) {
            action.status = before.status;
        }
    }
    for (position, before) in old.actions.iter().enumerate() {
        if !keep.contains(&before.id) {
            continue;
        }
        let mut kept = before.clone();
        if !new.objectives.iter().any(|o| o.id == kept.objective) {
            if let Some(first) = new.objectives.first() {
                kept.objective = first.id.clone();
            }
        }
        match new.actions.iter().position(|a| a.id == kept.id) {
            Some(i) => new.actions[i] = kept,
            None => {
                let at = position.min(new.actions.len());
                new.actions.insert(at, kept);
            }
        }
    }
    let ids: BTreeSet<String> = new.actions.iter().map(|a| a.id.clone()).collect();
    for action in &mut new.actions {
        action.depends_on.retain(|d| ids.contains(d));
    }
    new.deferred.retain(|d| !ids.contains(&d.practice_id));
    if !new.actions.is_empty() {
        new.empty_reason = None;
        if new.checkins.is_empty() {
            new.checkins = (1..=PLAN_WEEKS)
                .map(|week| CheckinDate {
                    week,
                    date: week_start(new.start, week),
                })
                .collect();
        }
    }
    new
}

// ---------------------------------------------------------------------------
// Organisation level
// ---------------------------------------------------------------------------

/// One component below target on a shared practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ServedComponent {
    pub name: String,
    pub level: u8,
    pub target: u8,
}

/// A gap that several components share: one piece of work (often a platform
/// team's) instead of one action per team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CommonObjective {
    pub practice_id: String,
    pub pillar: PillarId,
    pub title: String,
    /// The bank's next step from the lowest level among the components.
    pub step: String,
    pub owner: Owner,
    /// The components it serves, in the order given.
    pub components: Vec<ServedComponent>,
    /// The sum of the components' priorities for this practice.
    pub priority: f64,
}

/// The practices below target in at least `min_components` of the given
/// components, highest summed priority first (ties: more components, then
/// practice id), at most `max`. Each entry of `components` is a name and that
/// component's plan inputs (its start date is not used).
pub fn common_objectives(
    components: &[(&str, PlanInputs)],
    min_components: usize,
    max: usize,
    lang: &str,
) -> Vec<CommonObjective> {
    let mut shared: BTreeMap<String, CommonObjective> = BTreeMap::new();
    let mut lowest: BTreeMap<String, u8> = BTreeMap::new();
    for (name, inputs) in components {
        for c in candidates(inputs) {
            let entry = shared
                .entry(c.practice.id.clone())
                .or_insert_with(|| CommonObjective {
                    practice_id: c.practice.id.clone(),
                    pillar: c.pillar,
                    title: c.practice.title.get(lang).to_string(),
                    step: String::new(),
                    owner: Owner::Team,
                    components: Vec::new(),
                    priority: 0.0,
                });
            entry.components.push(ServedComponent {
                name: name.to_string(),
                level: c.level,
                target: c.target,
            });
            entry.priority += c.priority;
            let low = lowest.entry(c.practice.id.clone()).or_insert(u8::MAX);
            if c.level < *low {
                *low = c.level;
                if let Some(step) = c.practice.improve.iter().find(|s| s.from == c.level) {
                    entry.step = step.action.get(lang).to_string();
                    entry.owner = step.owner;
                }
            }
        }
    }
    let mut list: Vec<CommonObjective> = shared
        .into_values()
        .filter(|o| o.components.len() >= min_components.max(1))
        .collect();
    list.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(b.components.len().cmp(&a.components.len()))
            .then(a.practice_id.cmp(&b.practice_id))
    });
    list.truncate(max);
    list
}
