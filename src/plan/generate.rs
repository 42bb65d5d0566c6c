//! Generating a plan, in named steps: rank the gaps, choose the objectives'
//! pillars and their actions, place them in phases and weeks, then add key
//! results, milestones and check-ins.

use std::collections::{BTreeMap, BTreeSet};

use super::candidates::{by_priority, candidates, Candidate};
use super::key_results::{add_key_results, milestones};
use super::*;
use crate::model::{Bank, Owner, PillarId};
use crate::scoring::{score_with_targets, Answer, Scores};

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
        plan.empty_reason = Some(nothing_to_plan(inputs.answers));
        return plan;
    }

    let pillars = objective_pillars(&all, limiting, options.max_objectives);
    let mut drafts = draft_actions(&all, &pillars, options, &by_id);
    let order = assign_phases(&mut drafts, &pillars, limiting);
    let (weeks, unfit) = schedule_weeks(&drafts, &order);
    plan.objectives = objectives(&pillars, &scores, bank, lang);
    plan.actions = dated_actions(&drafts, &weeks, &plan.objectives, &scores, inputs, lang);
    plan.deferred = deferred_gaps(&all, &drafts, &unfit, &pillars, options, &by_id);

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
        plan.checkins = checkin_dates(inputs.start);
    }
    plan
}

/// Why a plan without gaps is empty, and what to do next.
fn nothing_to_plan(answers: &BTreeMap<String, Answer>) -> String {
    let answered = answers.values().any(|a| matches!(a, Answer::Level { .. }));
    if answered {
        "every answered practice is at or above its target: nothing to plan this cycle; \
         raise a target or answer the remaining practices to find the next step"
            .to_string()
    } else {
        "no practice is answered with a level yet: hold the assessment workshop first".to_string()
    }
}

/// The objectives' pillars: the limiting pillar first, then pillars by their best candidate.
fn objective_pillars(
    all: &[Candidate],
    limiting: Option<PillarId>,
    max_objectives: u32,
) -> Vec<PillarId> {
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
    pillars.truncate(max_objectives as usize);
    pillars
}

fn is_planned(drafts: &[Draft], id: &str) -> bool {
    drafts.iter().any(|d| d.candidate.practice.id == id)
}

/// The best candidates of each objective's pillar, and the prerequisites they need.
fn draft_actions<'a>(
    all: &[Candidate<'a>],
    pillars: &[PillarId],
    options: &PlanOptions,
    by_id: &BTreeMap<&str, &Candidate<'a>>,
) -> Vec<Draft<'a>> {
    let mut drafts: Vec<Draft> = Vec::new();
    for (objective, pillar) in pillars.iter().enumerate() {
        let chosen: Vec<&Candidate> = all
            .iter()
            .filter(|c| c.pillar == *pillar && !is_planned(&drafts, &c.practice.id))
            .take(options.max_actions_per_objective as usize)
            .collect();
        for candidate in chosen {
            add_with_prerequisites(&mut drafts, candidate, objective, None, by_id);
        }
    }
    drafts
}

/// Phases: quick wins first, the limiting pillar's work next, the rest last;
/// a prerequisite goes one phase before the action that needs it.
/// Returns the drafts' dependency order.
fn assign_phases(
    drafts: &mut [Draft],
    pillars: &[PillarId],
    limiting: Option<PillarId>,
) -> Vec<usize> {
    for draft in drafts.iter_mut() {
        draft.phase = if draft.candidate.effort <= QUICK_WIN_EFFORT {
            Phase::QuickWins
        } else if Some(pillars[draft.objective]) == limiting {
            Phase::Constraint
        } else {
            Phase::ScaleOut
        };
    }
    let order = dependency_order(drafts);
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
    order
}

/// First and last work week of each scheduled draft, by practice id.
type Weeks = BTreeMap<String, (u32, u32)>;
/// Why a draft does not fit in this cycle, by practice id.
type Unfit = BTreeMap<String, String>;

/// Weeks of each draft: at the phase start or after its prerequisites end,
/// and within week 12; the drafts that do not fit, with why.
fn schedule_weeks(drafts: &[Draft], order: &[usize]) -> (Weeks, Unfit) {
    let mut weeks: Weeks = BTreeMap::new();
    let mut unfit: Unfit = BTreeMap::new();
    for &i in order {
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
    (weeks, unfit)
}

/// One objective per chosen pillar, before its key results.
fn objectives(pillars: &[PillarId], scores: &Scores, bank: &Bank, lang: &str) -> Vec<Objective> {
    let limiting = scores.limiting_pillar;
    pillars
        .iter()
        .enumerate()
        .map(|(index, pillar)| {
            let pillar_score = scores.pillars.iter().find(|p| p.id == *pillar);
            let name = pillar_name(bank, *pillar, lang);
            let is_limiting = Some(*pillar) == limiting;
            Objective {
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
            }
        })
        .collect()
}

/// The drafts that fit, as dated actions in the plan's order: by objective,
/// then start, then priority.
fn dated_actions(
    drafts: &[Draft],
    weeks: &Weeks,
    objectives: &[Objective],
    scores: &Scores,
    inputs: &PlanInputs,
    lang: &str,
) -> Vec<Action> {
    let limiting = scores.limiting_pillar;
    let mut actions = Vec::new();
    for draft in drafts {
        let c = &draft.candidate;
        let Some(&(start_week, end_week)) = weeks.get(&c.practice.id) else {
            continue;
        };
        let step = c.practice.improve.iter().find(|s| s.from == c.level);
        let why = why(
            c,
            scores,
            limiting,
            &draft.prerequisite_of,
            inputs.bank,
            lang,
        );
        actions.push(Action {
            id: c.practice.id.clone(),
            objective: objectives[draft.objective].id.clone(),
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
    actions.sort_by(|a, b| {
        a.objective
            .cmp(&b.objective)
            .then(a.start.cmp(&b.start))
            .then(priority_of(b).total_cmp(&priority_of(a)))
            .then(a.id.cmp(&b.id))
    });
    actions
}

/// Gaps left for later, highest priority first: the ones that did not fit,
/// then the ones not chosen.
fn deferred_gaps(
    all: &[Candidate],
    drafts: &[Draft],
    unfit: &Unfit,
    pillars: &[PillarId],
    options: &PlanOptions,
    by_id: &BTreeMap<&str, &Candidate>,
) -> Vec<Deferred> {
    let mut gaps = Vec::new();
    for (id, reason) in unfit {
        let c = by_id[id.as_str()];
        gaps.push(deferred(c, reason.clone()));
    }
    for c in all {
        if !is_planned(drafts, &c.practice.id) {
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
            gaps.push(deferred(c, reason));
        }
    }
    gaps.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.practice_id.cmp(&b.practice_id))
    });
    gaps
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
