// What the Export menu and the Import panel say about bundles, in words.
import type { ImportConflict, ImportSummary, PlanDifference, WorkshopDifference } from './bindings';
import { safeFileStem } from './api/reports';

/** A file name for the save dialog: the subject, then the bundle extension. */
export function bundleFileName(subject: string): string {
  return `${safeFileStem(subject)}.mamos.json`;
}

/** 1 → "1 workshop", 3 → "3 workshops". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** What an import added, one line per kind of thing, the nothing-added kinds included (so "0 workshops" is visible). */
export function importedLines(summary: ImportSummary): string[] {
  const lines = [
    count(summary.components, 'new component'),
    count(summary.workshops, 'workshop'),
    count(summary.plans, 'plan'),
    count(summary.banks, 'new question-bank version'),
  ];
  if (summary.plans_closed > 0) {
    lines.push(`${count(summary.plans_closed, 'open plan')} here closed, as the bundle closed them at a re-assessment`);
  }
  return lines;
}

/** The headline of an import: whether the coach has conflicts to settle. */
export function importHeadline(summary: ImportSummary): string {
  if (summary.conflicts.length === 0) return 'Imported, no conflicts';
  return `Imported with ${count(summary.conflicts.length, 'conflict')}: both versions were kept, settle each one below`;
}

/** A conflict as the Import panel lists it, from its typed fields: what differed, what differs, what was kept. */
export interface ConflictView {
  title: string;
  differences: string[];
  kept: string;
}

export function conflictView(conflict: ImportConflict): ConflictView {
  const { component, what } = conflict;
  switch (what.kind) {
    case 'blueprint':
      return {
        title: `${component}: blueprint`,
        differences: [`${what.here} here, ${what.bundle} in the bundle`],
        kept: `Kept this database's blueprint ${what.here}`,
      };
    case 'target_override':
      return {
        title: `${component}: target of ${what.here.key}`,
        differences: [
          `${what.here.level} here (${what.here.reason}), ${what.bundle.level} in the bundle (${what.bundle.reason})`,
        ],
        kept: `Kept this database's target ${what.here.level}`,
      };
    case 'workshop':
      return {
        title: `${component}: workshop of ${what.held_on}`,
        differences: workshopDifferences(what.differs),
        kept: `Kept both: workshop ${what.kept} as it was here, workshop ${what.imported} as imported`,
      };
    case 'plan':
      return {
        title: `${component}: plan of ${what.start} to ${what.end}`,
        differences: planDifferences(what.differs, what.kept),
        kept: `Kept both: plan ${what.kept} as it was here, plan ${what.imported} as imported`,
      };
  }
}

const ALREADY_CONFLICTING = 'already a conflicting version in the bundle';

function workshopDifferences(differs: WorkshopDifference): string[] {
  if (differs.kind === 'already_conflicting') return [ALREADY_CONFLICTING];
  const c = differs.changes;
  const parts = [
    c.date_or_facilitator ? 'the date or facilitator' : null,
    c.participants ? 'the participants' : null,
    c.votes > 0 ? count(c.votes, 'vote') : null,
    c.answers_or_notes > 0 ? count(c.answers_or_notes, 'agreed answer or note', 'agreed answers or notes') : null,
    c.evidence_links > 0 ? count(c.evidence_links, 'evidence link') : null,
    c.revealed_practices ? 'the revealed practices' : null,
    c.dora ? 'the DORA metrics' : null,
    c.bank_version ? 'the bank version' : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts : ['its content'];
}

function planDifferences(differs: PlanDifference, kept: number): string[] {
  if (differs.kind === 'already_conflicting') return [ALREADY_CONFLICTING];
  if (differs.kind === 'second_open_plan') return [`a second open plan beside plan ${kept}`];
  const c = differs.changes;
  const parts = [
    ...c.changed_actions.map((a) => `action ${a.action}: ${a.fields.join(', ')}`),
    ...c.actions_only_in_bundle.map((id) => `action ${id}: only in the bundle`),
    ...c.actions_only_here.map((id) => `action ${id}: only here`),
    ...c.statuses.map((s) => `action ${s.action}: ${s.here} here, ${s.bundle} in the bundle`),
  ];
  if (c.action_order) parts.push('the order of the actions');
  if (c.checkin_weeks) {
    const weeks = (list: number[]) => (list.length > 0 ? list.join(', ') : 'none');
    parts.push(`check-ins of weeks ${weeks(c.checkin_weeks.here)} here, ${weeks(c.checkin_weeks.bundle)} in the bundle`);
  } else if (c.checkin_answers) {
    parts.push("the check-ins' answers");
  }
  if (c.closed_only === 'here') parts.push('closed here, open in the bundle');
  if (c.closed_only === 'bundle') parts.push('open here, closed in the bundle');
  return parts.length > 0 ? parts : ["the plan's content"];
}
