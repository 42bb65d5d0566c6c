import { describe, expect, it } from 'vitest';
import type { Conflicting, ImportConflict, ImportSummary, PlanDifference } from './bindings';
import { bundleFileName, conflictView, importHeadline, importedLines } from './exchange';

const conflict = (what: Conflicting): ImportConflict => ({ component: 'Team', what, message: 'the sentence' });

const workshopConflict = conflict({
  kind: 'workshop',
  held_on: '2025-01-10',
  started_at: '2025-01-10T09:00:00Z',
  kept: 4,
  imported: 7,
  differs: { kind: 'already_conflicting' },
});

const planConflict = (differs: PlanDifference): ImportConflict =>
  conflict({
    kind: 'plan',
    start: '2025-03-03',
    end: '2025-05-31',
    created_at: '2025-03-01T10:00:00Z',
    kept: 2,
    imported: 5,
    differs,
  });

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  components: 0,
  workshops: 0,
  banks: 0,
  plans: 0,
  plans_closed: 0,
  conflicts: [],
  ...over,
});

describe('bundleFileName', () => {
  it('is <subject>.mamos.json, without characters file systems refuse', () => {
    expect(bundleFileName('Équipe <b>Łódź</b>')).toBe('Équipe -b-Łódź--b-.mamos.json');
    expect(bundleFileName('..')).toBe('mamos.mamos.json');
  });
});

describe('importedLines', () => {
  it('counts every kind, singular and plural, zeros included', () => {
    expect(importedLines(summary({ components: 1, workshops: 2, banks: 1 }))).toEqual([
      '1 new component',
      '2 workshops',
      '0 plans',
      '1 new question-bank version',
    ]);
  });

  it('says when open plans here were closed by the bundle', () => {
    expect(importedLines(summary({ plans_closed: 2 })).at(-1)).toBe(
      '2 open plans here closed, as the bundle closed them at a re-assessment',
    );
  });
});

describe('importHeadline', () => {
  it('tells the coach there is nothing to settle, or how many conflicts', () => {
    expect(importHeadline(summary())).toBe('Imported, no conflicts');
    expect(importHeadline(summary({ conflicts: [workshopConflict, workshopConflict] }))).toMatch(/^Imported with 2 conflicts/);
    expect(importHeadline(summary({ conflicts: [workshopConflict] }))).toMatch(/^Imported with 1 conflict:/);
  });
});

describe('conflictView', () => {
  it('says what differs in a workshop and names both versions kept, from the typed fields', () => {
    const view = conflictView(
      conflict({
        kind: 'workshop',
        held_on: '2025-01-10',
        started_at: '2025-01-10T09:00:00Z',
        kept: 4,
        imported: 7,
        differs: {
          kind: 'edited',
          changes: {
            date_or_facilitator: false,
            participants: true,
            votes: 2,
            answers_or_notes: 0,
            evidence_links: 1,
            revealed_practices: false,
            dora: false,
            bank_version: false,
          },
        },
      }),
    );
    expect(view).toEqual({
      title: 'Team: workshop of 2025-01-10',
      differences: ['the participants', '2 votes', '1 evidence link'],
      kept: 'Kept both: workshop 4 as it was here, workshop 7 as imported',
    });
  });

  it('lists the actions, check-ins and closure that differ in a plan', () => {
    const view = conflictView(
      planConflict({
        kind: 'edited',
        changes: {
          changed_actions: [{ action: 'a1', fields: ['title', 'owner'] }],
          actions_only_in_bundle: ['a2'],
          actions_only_here: [],
          statuses: [{ action: 'a4', here: 'todo', bundle: 'done' }],
          action_order: false,
          checkin_weeks: { here: [1, 2], bundle: [] },
          checkin_answers: false,
          closed_only: 'bundle',
        },
      }),
    );
    expect(view.title).toBe('Team: plan of 2025-03-03 to 2025-05-31');
    expect(view.differences).toEqual([
      'action a1: title, owner',
      'action a2: only in the bundle',
      'action a4: todo here, done in the bundle',
      'check-ins of weeks 1, 2 here, none in the bundle',
      'open here, closed in the bundle',
    ]);
    expect(view.kept).toBe('Kept both: plan 2 as it was here, plan 5 as imported');
  });

  it("keeps this database's blueprint and target, and says a second open plan is one", () => {
    expect(conflictView(conflict({ kind: 'blueprint', here: 'II', bundle: 'IV' }))).toEqual({
      title: 'Team: blueprint',
      differences: ['II here, IV in the bundle'],
      kept: "Kept this database's blueprint II",
    });
    const target = (level: number, reason: string) => ({ key: 'methods', pillar: true, level, reason });
    expect(conflictView(conflict({ kind: 'target_override', here: target(3, 'audits'), bundle: target(2, 'legacy') })).kept).toBe(
      "Kept this database's target 3",
    );
    expect(conflictView(planConflict({ kind: 'second_open_plan' })).differences).toEqual(['a second open plan beside plan 2']);
  });
});
