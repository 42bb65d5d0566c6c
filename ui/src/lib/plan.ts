// The 90-day plan on screen: where things sit on the 13-week timeline, the
// labels of owners and statuses, and what a key does on the timeline. The
// core makes every date, counts every plan day (today's, the check-ins') and
// decides every edit; this only places and names.
import type { Action, ActionStatus, Owner, PlanDiff } from './bindings';
import type { KeyTarget } from './keyboard';

/** Weeks 1–12 hold the work, week 13 the re-assessment (docs/planning.md §4). */
export const PLAN_WEEKS = 13;
/** The timeline spans the 13 weeks, day 1 to day 91. */
export const TIMELINE_DAYS = PLAN_WEEKS * 7;

export const OWNERS: Owner[] = ['team', 'team_lead', 'platform', 'qa_engineer', 'management'];
export const STATUSES: ActionStatus[] = ['todo', 'doing', 'done', 'dropped'];

const OWNER_LABELS: Record<Owner, string> = {
  team: 'team',
  team_lead: 'team lead',
  platform: 'platform',
  qa_engineer: 'QA engineer',
  management: 'management',
};

export function ownerLabel(owner: Owner): string {
  return OWNER_LABELS[owner];
}

/** A person's name when the coach gave one, else the role. */
export function ownerText(action: Pick<Action, 'owner' | 'assignee'>): string {
  return action.assignee ?? ownerLabel(action.owner);
}

const MS_PER_DAY = 86_400_000;

/** Days from `from` to `to` on the calendar: how far apart two dates are drawn. */
function daysBetween(from: string, to: string): number {
  const utcDays = (date: string) => {
    const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
    return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
  };
  return utcDays(to) - utcDays(from);
}

/** A percentage of the timeline's width, from its left edge (day 1) to its right (day 91). */
function percent(days: number): number {
  return Math.min(100, Math.max(0, (days / TIMELINE_DAYS) * 100));
}

/** Where an action's bar sits: from the start of its first day to the end of its last. */
export function barGeometry(planStart: string, action: Pick<Action, 'start' | 'end'>): { left: number; width: number } {
  const from = daysBetween(planStart, action.start);
  const to = daysBetween(planStart, action.end) + 1;
  const left = percent(from);
  return { left, width: Math.max(0, percent(to) - left) };
}

/** Where a marker on day `day` sits: the middle of that day. */
export function dayPosition(day: number): number {
  return percent(day - 0.5);
}

/** Where a week's column starts. */
export function weekPosition(week: number): number {
  return percent((week - 1) * 7);
}

/** Today in the local time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "0.7" for a grade, a dash when the re-assessment does not measure it. */
export function gradeText(grade: number | null): string {
  return grade === null ? '–' : grade.toFixed(1);
}

/** The lines of a regeneration preview, as the coach reads them. */
export function diffLines(diff: PlanDiff): string[] {
  const lines: string[] = [];
  for (const id of diff.added) lines.push(`added: ${id}`);
  for (const id of diff.removed) {
    lines.push(`removed: ${id}${diff.edited_removed.includes(id) ? ' (you edited or added it)' : ''}`);
  }
  for (const change of diff.changed) {
    lines.push(`changed: ${change.id} (${change.fields.join(', ')})${change.edited ? ' (you edited it)' : ''}`);
  }
  if (diff.objectives_changed) lines.push('the objectives or key results change');
  return lines;
}

/** The actions regeneration would replace or remove that the coach edited: those it can keep. */
export function keepable(diff: PlanDiff): string[] {
  const ids = new Set(diff.edited_removed);
  for (const change of diff.changed) if (change.edited) ids.add(change.id);
  return [...ids].sort();
}

export type TimelineKey =
  | { type: 'select'; delta: number }
  | { type: 'shift'; weeks: number }
  | { type: 'reorder'; delta: number }
  | { type: 'edit' };

/**
 * A key pressed on an action of the timeline: ↑/↓ select another action,
 * ←/→ move it a week earlier or later, Alt+↑/↓ move it up or down the order,
 * Enter edits it. Text fields keep their keys.
 */
export function timelineKey(press: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; target: KeyTarget }): TimelineKey | null {
  if (press.target === 'text' || press.ctrlKey || press.metaKey) return null;
  if (press.altKey) {
    if (press.key === 'ArrowUp') return { type: 'reorder', delta: -1 };
    if (press.key === 'ArrowDown') return { type: 'reorder', delta: 1 };
    return null;
  }
  switch (press.key) {
    case 'ArrowUp':
      return { type: 'select', delta: -1 };
    case 'ArrowDown':
      return { type: 'select', delta: 1 };
    case 'ArrowLeft':
      return { type: 'shift', weeks: -1 };
    case 'ArrowRight':
      return { type: 'shift', weeks: 1 };
    case 'Enter':
      return { type: 'edit' };
    default:
      return null;
  }
}
