// Generated from the Rust types by `mamos::api::typescript_bindings`; do not edit.
// Regenerate with `make generated`.

export type LocalizedText = { [key in string]: string };

export type PillarId = "methods" | "architecture" | "management" | "organization" | "skills";

export type Blueprint = "I" | "II" | "III" | "IV";

export type BlueprintDescription = { id: Blueprint, 
/**
 * A word or two, for a list of choices.
 */
short: LocalizedText, 
/**
 * The company stage the blueprint fits.
 */
fit: LocalizedText, 
/**
 * How many people such a company has.
 */
size: LocalizedText, };

export type Bank = { 
/**
 * Stable identifier, e.g. `mamos-qe`.
 */
id: string, 
/**
 * Version of this bank's content; assessments pin it.
 */
version: string, title: LocalizedText, 
/**
 * The five answer levels, values 0 to 4.
 */
levels: Array<Level>, 
/**
 * The five pillars, in the order methods, architecture, management, organization, skills.
 */
pillars: Array<Pillar>, };

export type Level = { value: number, label: LocalizedText, };

export type Pillar = { id: PillarId, name: LocalizedText, description: LocalizedText, practices: Array<Practice>, };

export type PillarName = { id: PillarId, name: LocalizedText, };

export type Practice = { 
/**
 * Unique in the bank, conventionally `<pillar>.<slug>`.
 */
id: string, title: LocalizedText, 
/**
 * One observable question about what happens today.
 */
question: LocalizedText, 
/**
 * Relative weight in the pillar's averages; must be finite and > 0.
 */
weight: number, 
/**
 * What the practice looks like at levels 0, 1, 2, 3 and 4: exactly five.
 */
descriptors: Array<LocalizedText>, 
/**
 * The level a component of each blueprint should reach (0–4).
 */
targets: { [key in Blueprint]?: number }, 
/**
 * How the practice serves Quality at Speed, in a sentence or two.
 */
why: LocalizedText | null, 
/**
 * What to do next from each level: one step per `from` level 0–3.
 */
improve: Array<Improvement>, 
/**
 * Effort to improve it by one level, 1 (days, one team) to 5 (months, many teams).
 */
effort: number | null, impact: Impact | null, 
/**
 * Practices that must be in place first (ids in this bank; no cycles).
 */
depends_on: Array<string>, 
/**
 * The DORA capabilities it serves, by name (see `dora::CAPABILITIES`).
 */
dora: Array<string>, 
/**
 * Short references supporting the practice: a URL, or a document and section.
 */
sources: Array<string>, };

export type Owner = "team" | "team_lead" | "platform" | "qa_engineer" | "management";

export type Improvement = { from: number, owner: Owner, 
/**
 * One or two concrete actions a team can start this week.
 */
action: LocalizedText, };

export type Impact = { quality: number, speed: number, };

export type Answer = { "kind": "level", level: number, } | { "kind": "not_applicable", reason: string, };

export type PillarScore = { id: PillarId, 
/**
 * 0–100, weighted mean of the answered practices; null when none is answered.
 */
score: number | null, 
/**
 * Gated level 0–4; null when not assessed.
 */
level: number | null, 
/**
 * 100 × (1 − weighted gap / weighted target) over the answered practices.
 */
percent_to_target: number | null, 
/**
 * The score the pillar would have with every applicable practice at its target.
 */
target_score: number | null, answered: number, not_applicable: number, unanswered: number, };

export type OverallScore = { 
/**
 * Plain mean of the assessed pillars' scores.
 */
score: number | null, 
/**
 * The lowest assessed pillar level: the limiting factor sets the level.
 */
level: number | null, };

export type Scores = { overall: OverallScore, limiting_pillar: PillarId | null, pillars: Array<PillarScore>, };

export type TargetOverrides = { practices: { [key in string]: number }, pillars: { [key in PillarId]?: number }, };

export type Point = { x: number, y: number, };

export type RadarAxis = { pillar: PillarId, 
/**
 * The axis tip, at 100 %.
 */
end: Point, 
/**
 * False when the pillar has no answered practice: its score point sits at the centre.
 */
assessed: boolean, };

export type RadarChart = { axes: Array<RadarAxis>, 
/**
 * Closed polygons at 25, 50, 75 and 100 %.
 */
rings: Array<Array<Point>>, 
/**
 * One point per axis at the pillar's score.
 */
score: Array<Point>, 
/**
 * One point per axis at the pillar's target score.
 */
target: Array<Point>, };

export type Component = { id: number, name: string, blueprint: Blueprint, 
/**
 * The bank the current assessment is pinned to.
 */
bank_id: string, bank_version: string, 
/**
 * When the component was created, RFC 3339 UTC.
 */
created_at: string, 
/**
 * Practices with an answer (a level or N/A) in the current assessment.
 */
answered: number, 
/**
 * Practices in the pinned bank.
 */
total: number, };

export type PracticeAnswer = { practice_id: string, answer: Answer | null, note: string, };

export type TargetOverride = { 
/**
 * A practice id, or a pillar id when `pillar` is true.
 */
key: string, pillar: boolean, level: number, reason: string, };

export type TargetOrigin = "blueprint" | "practice_override" | "pillar_override";

export type PracticeTarget = { practice_id: string, level: number, origin: TargetOrigin, 
/**
 * The override's reason; null when the target is the blueprint's.
 */
reason: string | null, blueprint_level: number, };

export type Evidence = { id: number, practice_id: string, 
/**
 * A URL or a file path (the SQL column is still named `target`).
 */
location: string, label: string, };

export type AssessmentView = { component: Component, bank: Bank, 
/**
 * One entry per practice with an answer or a note, in bank order.
 */
answers: Array<PracticeAnswer>, scores: Scores, radar: RadarChart, 
/**
 * The coach's target overrides that the scores use.
 */
overrides: Array<TargetOverride>, 
/**
 * The target each practice of the bank is held to, in bank order.
 */
targets: Array<PracticeTarget>, evidence: Array<Evidence>, };

export type Vote = { participant: string, answer: Answer, };

export type Disagreement = { "kind": "spread", low: number, high: number, } | { "kind": "mixed_not_applicable" };

export type FlaggedPractice = { practice_id: string, disagreement: Disagreement, votes: Array<Vote>, 
/**
 * The facilitator has set the agreed answer since.
 */
resolved: boolean, };

export type Workshop = { id: number, component_id: number, component: string, 
/**
 * The day the workshop was held, YYYY-MM-DD.
 */
held_on: string, facilitator: string, participants: Array<string>, bank_id: string, bank_version: string, 
/**
 * Set on another coach's version of a workshop, kept beside it by an
 * import: the id of the workshop it conflicts with.
 */
conflict_of: number | null, };

export type PracticeVotes = { practice_id: string, 
/**
 * Participants who have voted, in their listed order.
 */
voted: Array<string>, revealed: boolean, 
/**
 * Empty until revealed.
 */
votes: Array<Vote>, 
/**
 * Only once revealed.
 */
disagreement: Disagreement | null, 
/**
 * The facilitator set the agreed answer.
 */
decided: boolean, };

export type WorkshopState = { workshop: Workshop, view: AssessmentView, 
/**
 * One entry per practice of the bank, in bank order.
 */
practices: Array<PracticeVotes>, };

export type TimeBand = "more_than_six_months" | "one_to_six_months" | "one_week_to_one_month" | "one_day_to_one_week" | "less_than_one_day" | "less_than_one_hour";

export type FrequencyBand = "fewer_than_once_per_six_months" | "monthly_to_six_monthly" | "weekly_to_monthly" | "daily_to_weekly" | "hourly_to_daily" | "on_demand";

export type DoraMetrics = { 
/**
 * Change lead time: commit → running in production.
 */
lead_time: TimeBand | null, deploy_frequency: FrequencyBand | null, 
/**
 * Failed deployment recovery time (was "time to restore" until 2023).
 */
recovery: TimeBand | null, 
/**
 * % of deployments needing immediate intervention (rollback, hotfix).
 */
change_fail_rate: number | null, 
/**
 * % of unplanned deployments caused by production incidents (added 2024).
 */
rework_rate: number | null, };

export type Metric = "lead_time" | "deploy_frequency" | "recovery" | "change_fail_rate" | "rework_rate";

export type Cluster = "low" | "medium" | "high" | "elite";

export type ReportYear = "2019" | "2021" | "2023" | "2024";

export type MetricClass = { metric: Metric, cluster: Cluster | null, };

export type Classification = { 
/**
 * The year whose table was used.
 */
year: ReportYear, 
/**
 * Always the four classified metrics, in the order of [`Metric::CLASSIFIED`]
 * (lead_time, deploy_frequency, recovery, change_fail_rate).
 */
per_metric: Array<MetricClass>, 
/**
 * The lowest cluster among the given metrics (the limiting factor, as in
 * MAMOS); `None` when none of the four is given.
 */
overall: Cluster | null, };

export type QuickCheck = { 
/**
 * Mean of the given lead time, deploy frequency and recovery scores.
 */
throughput: number | null, 
/**
 * Mean of the given change fail rate and rework rate scores.
 */
stability: number | null, 
/**
 * Mean of every given metric's score (not of the two sub-scores).
 */
overall: number | null, };

export type DoraOutcome = { metrics: DoraMetrics, year: ReportYear, classification: Classification, quick_check: QuickCheck, };

export type Rollup = { 
/**
 * Every component given, assessed or not.
 */
components: number, 
/**
 * Components with at least one assessed pillar (an overall score).
 */
assessed: number, 
/**
 * The five pillars, in pillar order.
 */
pillars: Array<PillarRollup>, 
/**
 * The limiting pillar found most often among the components; ties go to pillar order.
 * Null when no component has a limiting pillar.
 */
most_common_limiting: PillarId | null, };

export type PillarRollup = { id: PillarId, 
/**
 * Plain mean of the pillar scores of the components where the pillar is assessed;
 * null when no component has it assessed.
 */
mean: number | null, 
/**
 * Lowest of those scores.
 */
min: number | null, 
/**
 * Highest of those scores.
 */
max: number | null, 
/**
 * How many components have this pillar assessed.
 */
assessed: number, };

export type HeatCell = { 
/**
 * 0–100; null when the pillar is not assessed.
 */
score: number | null, 
/**
 * 0 (< 20), 1 (< 40), 2 (< 60), 3 (< 80) or 4 (80–100); null when not assessed.
 */
level_band: number | null, 
/**
 * max(0, target − score) in score points; null when the score or the target is missing.
 */
gap_to_target: number | null, };

export type Comparison = { 
/**
 * Practices present in both banks, in the later bank's order.
 */
practices: Array<PracticeDelta>, 
/**
 * Practice ids whose level went up (both answers are levels), in the later bank's order.
 */
gained: Array<string>, 
/**
 * Practice ids whose level went down, in the later bank's order.
 */
lost: Array<string>, 
/**
 * Practice ids of the earlier bank only, in its order.
 */
only_in_from: Array<string>, 
/**
 * Practice ids of the later bank only, in its order.
 */
only_in_to: Array<string>, 
/**
 * The five pillars, in pillar order.
 */
pillars: Array<PillarDelta>, overall: OverallDelta, };

export type PracticeDelta = { practice_id: string, 
/**
 * The earlier answer; null when unanswered.
 */
from: Answer | null, 
/**
 * The later answer; null when unanswered.
 */
to: Answer | null, 
/**
 * Later level − earlier level; null unless both answers are levels.
 */
delta: number | null, };

export type PillarDelta = { id: PillarId, from_score: number | null, to_score: number | null, 
/**
 * to_score − from_score; null unless both are assessed.
 */
delta: number | null, from_level: number | null, to_level: number | null, 
/**
 * (to_score − from_score) / (target − from_score), with target the later
 * assessment's target score: 0.5 = half way, 1 = reached, above 1 = beyond,
 * negative = moved away. Null when a score or the target is missing, or when
 * the earlier score was already at or above the target (nothing to progress toward).
 */
progress_to_target: number | null, };

export type OverallDelta = { from_score: number | null, to_score: number | null, 
/**
 * to_score − from_score; null unless both exist.
 */
delta: number | null, from_level: number | null, to_level: number | null, };

export type TrendPoint = { date: string, overall: number | null, 
/**
 * The five pillar scores in pillar order; null = not assessed.
 */
pillars: Array<number | null>, };

export type WorkshopPair = { from: number, to: number, };

export type Group = { name: string, components: Array<string>, };

export type PillarCell = { id: PillarId, 
/**
 * The pillar's target score (0–100) from the blueprint and the coach's overrides.
 */
target_score: number | null, heat: HeatCell, };

export type HeatRow = { component: Component, 
/**
 * Null when nothing is answered yet: the row is counted but left blank.
 */
overall: number | null, limiting_pillar: PillarId | null, cells: Array<PillarCell>, };

export type OrgView = { 
/**
 * The group shown; null for the whole organisation.
 */
group: string | null, 
/**
 * Every group, for the filter.
 */
groups: Array<Group>, 
/**
 * The components shown, by name.
 */
rows: Array<HeatRow>, rollup: Rollup, 
/**
 * The pillars' names, from the first component's bank (the built-in bank when none).
 */
pillars: Array<PillarName>, };

export type WorkshopComparison = { from: Workshop, to: Workshop, comparison: Comparison, 
/**
 * Null when no DORA metrics were entered in that workshop.
 */
dora_from: DoraOutcome | null, dora_to: DoraOutcome | null, };

export type PlanOptions = { 
/**
 * At most this many objectives (3 by default: focus beats breadth).
 */
max_objectives: number, 
/**
 * At most this many chosen actions per objective, before prerequisites are pulled in.
 */
max_actions_per_objective: number, 
/**
 * Language of the texts taken from the bank.
 */
lang: string, };

export type Phase = "quick_wins" | "constraint" | "scale_out";

export type ActionStatus = "todo" | "doing" | "done" | "dropped";

export type Why = { pillar: PillarId, 
/**
 * The pillar's score 0–100 in the assessment the plan starts from.
 */
pillar_score: number | null, limiting_pillar: boolean, level: number, target: number, 
/**
 * target − level.
 */
gap: number, weight: number, quality_impact: number, speed_impact: number, effort: number, 
/**
 * gap × weight × (quality + speed) ÷ effort.
 */
priority: number, 
/**
 * Planned actions that need this one first (it was pulled in for them when not chosen on its own).
 */
prerequisite_of: Array<string>, 
/**
 * The same in one English sentence.
 */
text: string, };

export type Action = { 
/**
 * Stable within the plan: the practice id for generated actions, `custom-N` for the coach's own.
 */
id: string, 
/**
 * The objective it serves.
 */
objective: string, practice_id: string | null, title: string, 
/**
 * The bank's next step from the current level.
 */
step: string, 
/**
 * Null for an action the coach added.
 */
why: Why | null, 
/**
 * The role that owns it, from the bank.
 */
owner: Owner, 
/**
 * A person's name that replaces the role, once the coach assigns one.
 */
assignee: string | null, phase: Phase, start: string, 
/**
 * The last day of work, inclusive.
 */
end: string, 
/**
 * Plan weeks 1–12.
 */
start_week: number, end_week: number, 
/**
 * Ids of planned actions that must end before this one starts.
 */
depends_on: Array<string>, status: ActionStatus, 
/**
 * The coach changed it by hand (kept on regeneration only if the coach says so).
 */
edited: boolean, };

export type Measure = { "kind": "practice_level", practice_id: string, from: number, target: number, } | { "kind": "deploy_frequency", from: FrequencyBand, target: FrequencyBand, } | { "kind": "lead_time", from: TimeBand, target: TimeBand, } | { "kind": "recovery", from: TimeBand, target: TimeBand, };

export type KeyResult = { 
/**
 * `kr1`, `kr2`, … in plan order.
 */
id: string, text: string, measure: Measure, };

export type Objective = { 
/**
 * `o1`, `o2`, … in priority order.
 */
id: string, pillar: PillarId, title: string, limiting_pillar: boolean, pillar_score: number | null, target_score: number | null, key_results: Array<KeyResult>, };

export type Milestone = { 
/**
 * 30, 60 or 90.
 */
day: number, date: string, 
/**
 * What must be true on that day.
 */
criteria: Array<string>, };

export type CheckinDate = { week: number, 
/**
 * Its day in the plan: the first day of its week (1, 8, …, 85).
 */
day: number, date: string, };

export type Deferred = { practice_id: string, pillar: PillarId, gap: number, priority: number, reason: string, };

export type Plan = { 
/**
 * Day 1.
 */
start: string, 
/**
 * Day 90: the last day of the plan.
 */
end: string, options: PlanOptions, limiting_pillar: PillarId | null, 
/**
 * Set when there is nothing to plan, saying why.
 */
empty_reason: string | null, objectives: Array<Objective>, 
/**
 * In the coach's order (generated: by objective, then start date).
 */
actions: Array<Action>, deferred: Array<Deferred>, milestones: Array<Milestone>, checkins: Array<CheckinDate>, 
/**
 * The re-assessment workshop: day 90, in week 13.
 */
reassessment: string, };

export type KeyResultGrade = { key_result: string, text: string, 
/**
 * 0 (no move) to 1 (reached or beyond); null when the re-assessment does not measure it.
 */
grade: number | null, 
/**
 * What the re-assessment found, in words ("level 2", "between once per day and once per week").
 */
found: string | null, };

export type ActionChange = { id: string, 
/**
 * The fields that differ: title, step, owner, assignee, objective, start, end, depends_on.
 */
fields: Array<string>, 
/**
 * The coach edited it by hand: regenerating replaces those edits unless it is kept.
 */
edited: boolean, };

export type PlanDiff = { 
/**
 * Action ids only in the new plan.
 */
added: Array<string>, 
/**
 * Action ids only in the old plan; those the coach edited or added are marked in `edited_removed`.
 */
removed: Array<string>, edited_removed: Array<string>, changed: Array<ActionChange>, 
/**
 * The objectives or key results differ.
 */
objectives_changed: boolean, };

export type ServedComponent = { name: string, level: number, target: number, };

export type CommonObjective = { practice_id: string, pillar: PillarId, title: string, 
/**
 * The bank's next step from the lowest level among the components.
 */
step: string, owner: Owner, 
/**
 * The components it serves, in the order given.
 */
components: Array<ServedComponent>, 
/**
 * The sum of the components' priorities for this practice.
 */
priority: number, };

export type Rag = "red" | "amber" | "green";

export type Checkin = { week: number, 
/**
 * The planned date of that week's check-in.
 */
date: string, key_results: { [key in string]: Rag }, 
/**
 * What should the situation be?
 */
target_condition: string, 
/**
 * What is it now?
 */
actual_condition: string, 
/**
 * Which obstacle are we addressing now?
 */
obstacle: string, 
/**
 * What is the next step, and what do we expect?
 */
next_step: string, 
/**
 * When can we see what we learned from it?
 */
check_on: string | null, 
/**
 * RFC 3339 UTC.
 */
recorded_at: string, };

export type CheckinInput = { week: number, key_results: { [key in string]: Rag }, target_condition: string | null, actual_condition: string | null, obstacle: string | null, next_step: string | null, check_on: string | null, 
/**
 * New action statuses, by action id.
 */
statuses: { [key in string]: ActionStatus }, };

export type StoredPlan = { id: number, component_id: number, component: string, 
/**
 * The workshop it was generated from.
 */
workshop_id: number, created_at: string, 
/**
 * The check-ins recorded so far (the plan's `checkins` are the planned dates).
 */
recorded_checkins: Array<Checkin>, closed_at: string | null, 
/**
 * The re-assessment workshop that closed it.
 */
closed_by: number | null, grades: Array<KeyResultGrade>, mean_grade: number | null, 
/**
 * The plan this one follows.
 */
previous_plan: number | null, 
/**
 * Set on a version imported from another coach's bundle that differs from
 * this database's: the plan it conflicts with (resolve with `mamos plan resolve`).
 */
conflict_of: number | null, 
/**
 * Day 1.
 */
start: string, 
/**
 * Day 90: the last day of the plan.
 */
end: string, options: PlanOptions, limiting_pillar: PillarId | null, 
/**
 * Set when there is nothing to plan, saying why.
 */
empty_reason: string | null, objectives: Array<Objective>, 
/**
 * In the coach's order (generated: by objective, then start date).
 */
actions: Array<Action>, deferred: Array<Deferred>, milestones: Array<Milestone>, checkins: Array<CheckinDate>, 
/**
 * The re-assessment workshop: day 90, in week 13.
 */
reassessment: string, };

export type ActionEdit = { "kind": "rename", title: string, } | { "kind": "reassign", owner: Owner | null, assignee: string | null, } | { "kind": "reschedule", start: string, end: string, } | { "kind": "move", position: number, } | { "kind": "status", status: ActionStatus, };

export type NewAction = { title: string, 
/**
 * The objective it serves (`o1`, …); the first objective when null.
 */
objective: string | null, owner: Owner, assignee: string | null, start: string, end: string, };

export type RegeneratePreview = { diff: PlanDiff, plan: Plan, };

export type ErrorCode = "invalid_input" | "not_found" | "conflict" | "locked" | "newer_database" | "corrupt_data" | "io" | "internal";

export type ErrorReport = { code: ErrorCode, message: string, };

export type AppInfo = { db_path: string, 
/**
 * The folder holding the database and its `backups/`.
 */
data_folder: string, version: string, 
/**
 * The built-in bank's id and version, e.g. `mamos-qe 1.0.0`.
 */
bank_version: string, };

export type ReportWritten = { path: string, bytes: number, pages: number, warnings: Array<string>, };

export type DocumentKind = "executive" | "workbook" | "onboarding" | "org";

export type Paper = "a4" | "letter";

export type Scope = { "kind": "organisation" } | { "kind": "group", name: string, } | { "kind": "component", id: number, };

export type ReportRequest = { kind: DocumentKind, scope: Scope, 
/**
 * `en` or `fr`.
 */
lang: string, paper: Paper, 
/**
 * The organisation's name, for the page headers; may be empty.
 */
organisation: string, 
/**
 * The PDF's author. Default: the facilitator of the workshop the document
 * is about (none for group and organisation documents).
 */
author: string | null, };

export type ActionAdded = { action: Action, plan: StoredPlan, };

export type PlanOnDay = { plan: StoredPlan, 
/**
 * That day in the plan (1 to 91), or null outside its 13 weeks.
 */
today_day: number | null, 
/**
 * The check-in week to offer that day.
 */
checkin_week: number, };

export type BundleWritten = { path: string, components: number, 
/**
 * Bank versions the bundle carries.
 */
banks: number, bytes: number, };

export type CsvWritten = { path: string, 
/**
 * Data rows, the header row not counted.
 */
rows: number, };

export type WorkshopChanges = { date_or_facilitator: boolean, participants: boolean, votes: number, answers_or_notes: number, evidence_links: number, revealed_practices: boolean, dora: boolean, bank_version: boolean, };

export type WorkshopDifference = { "kind": "already_conflicting" } | { "kind": "edited", changes: WorkshopChanges, };

export type ChangedAction = { action: string, 
/**
 * The fields that differ: title, step, owner, assignee, objective, start, end, depends_on.
 */
fields: Array<string>, };

export type StatusChange = { action: string, here: ActionStatus, bundle: ActionStatus, };

export type CheckinWeeks = { here: Array<number>, bundle: Array<number>, };

export type Side = "here" | "bundle";

export type PlanChanges = { 
/**
 * Actions on both sides whose fields differ.
 */
changed_actions: Array<ChangedAction>, actions_only_in_bundle: Array<string>, actions_only_here: Array<string>, statuses: Array<StatusChange>, action_order: boolean, 
/**
 * Set when the two sides recorded check-ins of different weeks.
 */
checkin_weeks: CheckinWeeks | null, 
/**
 * The same weeks were checked in, with different answers.
 */
checkin_answers: boolean, 
/**
 * Set when the plan is closed on one side only: which.
 */
closed_only: Side | null, };

export type PlanDifference = { "kind": "already_conflicting" } | { "kind": "second_open_plan" } | { "kind": "edited", changes: PlanChanges, };

export type Conflicting = { "kind": "blueprint", here: Blueprint, bundle: Blueprint, } | { "kind": "target_override", here: TargetOverride, bundle: TargetOverride, } | { "kind": "workshop", held_on: string, started_at: string, kept: number, imported: number, differs: WorkshopDifference, } | { "kind": "plan", start: string, end: string, created_at: string, kept: number, imported: number, differs: PlanDifference, };

export type ImportConflict = { 
/**
 * The component's name.
 */
component: string, what: Conflicting, 
/**
 * The sentence `mamos import` prints, for a front end that shows it whole.
 */
message: string, };

export type ImportSummary = { components: number, workshops: number, banks: number, 
/**
 * Plans added, conflicting versions included.
 */
plans: number, 
/**
 * Open plans here that the bundle closed at a re-assessment.
 */
plans_closed: number, 
/**
 * Each component, target, workshop or plan that differed from this
 * database's version of it, and what was kept (for workshops and plans: both versions).
 */
conflicts: Array<ImportConflict>, };

export type BackupWritten = { path: string, bytes: number, };

export type Restored = { 
/**
 * The backup file restored.
 */
file: string, 
/**
 * The database it replaced (the open one, at the same path).
 */
database: string, 
/**
 * Components in the database now.
 */
components: number, 
/**
 * The backup's schema version; older than this Mamos's means it was migrated.
 */
schema_from: number, migrated: boolean, 
/**
 * The copy of the data the restore replaced.
 */
safety_backup: string, 
/**
 * The replaced data was damaged: `safety_backup` is its file as it was
 * (with its `-wal` beside it, if it had one), not a checked copy.
 */
damaged: boolean, };

export type UndoneKind = "reveal" | "agreement";

export type Undone = { kind: UndoneKind, practice_id: string, 
/**
 * The practice's number in the bank's order, from 1, as the screen shows it.
 */
position: number, 
/**
 * After an agreement undone, the agreed answer recorded again (`None`: none).
 */
restored: Answer | null, };

export type WorkshopUndo = { undone: Undone, state: WorkshopState, };

export type Texts = { en: string, fr: string, };

export type RoomWorkshop = { component: string, held_on: string, };

export type RoomLevel = { level: number, name: Texts, descriptor: Texts, };

export type RoomPractice = { id: string, 
/**
 * 1-based, in bank order.
 */
position: number, count: number, pillar: Texts, title: Texts, question: Texts, levels: Array<RoomLevel>, };

export type RoomParticipant = { name: string, 
/**
 * A device has taken this name.
 */
joined: boolean, 
/**
 * Has voted on the practice on screen (from a device or the keyboard).
 */
voted: boolean, };

export type ShownAnswer = { level: number, } | { 
/**
 * Always true: the key that tells an N/A from a level.
 */
na: true, reason: string, };

export type RevealedVote = { participant: string, } & ({ level: number, } | { 
/**
 * Always true: the key that tells an N/A from a level.
 */
na: true, reason: string, });

export type Spread = { 
/**
 * `None` when every vote is N/A (or there is none).
 */
lowest: number | null, highest: number | null, 
/**
 * The same rule as the workshop screen's flag.
 */
disagreement: boolean, };

export type Viewer = { name: string, vote: ShownAnswer | null, };

export type Pace = { 
/**
 * The time given to each practice, in seconds; `None`: no timebox.
 */
timebox_seconds: number | null, 
/**
 * The planned length of the workshop, in minutes; `None`: open-ended.
 */
length_minutes: number | null, 
/**
 * Reveal the practice on screen once every joined participant has voted.
 */
auto_reveal: boolean, };

export type Agenda = { done: number, left: number, total: number, };

export type RoomPace = { timebox_seconds: number | null, length_minutes: number | null, 
/**
 * Seconds left on the timebox of the practice on screen, negative once
 * over time; `None` without a timebox or a practice on screen.
 */
timebox_left: number | null, agenda: Agenda, 
/**
 * Seconds left for the workshop, negative once over; `None` without a
 * planned length or before the first practice was put on screen.
 */
workshop_left: number | null, auto_reveal: boolean, };

export type RoomState = { version: number, workshop: RoomWorkshop, practice: RoomPractice | null, participants: Array<RoomParticipant>, revealed: boolean, votes: Array<RevealedVote> | null, spread: Spread | null, you: Viewer | null, pace: RoomPace, };

export type NetworkInterface = { 
/**
 * The system's name of the interface (`wlan0`, `lo`…).
 */
name: string, address: string, 
/**
 * On this computer only: for a rehearsal.
 */
loopback: boolean, 
/**
 * The interface with the default route, the one the room's network reaches.
 */
default_route: boolean, };

export type LiveSession = { url: string, qr_svg: string, };
