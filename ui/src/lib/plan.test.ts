import { describe, expect, it } from 'vitest';
import type { PlanDiff } from './bindings';
import {
  barGeometry,
  dayPosition,
  diffLines,
  keepable,
  localToday,
  ownerText,
  timelineKey,
  weekPosition,
} from './plan';

describe('the timeline', () => {
  it('places a week-1 action on the first 13th of the width and week 12 ending at 12/13', () => {
    const start = '2026-03-02';
    expect(barGeometry(start, { start: '2026-03-02', end: '2026-03-08' })).toEqual({ left: 0, width: 100 / 13 });
    const last = barGeometry(start, { start: '2026-05-18', end: '2026-05-24' });
    expect(last.left).toBeCloseTo((11 / 13) * 100);
    expect(last.left + last.width).toBeCloseTo((12 / 13) * 100);
  });

  it('draws a bar across a month end from the first of its days to the end of its last', () => {
    const bar = barGeometry('2026-03-02', { start: '2026-03-30', end: '2026-04-05' });
    expect(bar.left).toBeCloseTo((28 / 91) * 100);
    expect(bar.width).toBeCloseTo((7 / 91) * 100);
  });

  it('clips a bar that starts before day 1 to the left edge', () => {
    expect(barGeometry('2026-03-02', { start: '2026-02-28', end: '2026-03-01' })).toEqual({ left: 0, width: 0 });
  });

  it('puts weeks and the days the core counted (milestones, check-ins, today) in the middle of their day', () => {
    expect(weekPosition(1)).toBe(0);
    expect(weekPosition(13)).toBeCloseTo((12 / 13) * 100);
    expect(dayPosition(1)).toBeCloseTo((0.5 / 91) * 100);
    expect(dayPosition(90)).toBeCloseTo((89.5 / 91) * 100);
  });

  it('writes today in the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('actions', () => {
  it('shows the person a coach named instead of the role', () => {
    expect(ownerText({ owner: 'team_lead', assignee: null })).toBe('team lead');
    expect(ownerText({ owner: 'team_lead', assignee: 'Zoë <b>' })).toBe('Zoë <b>');
  });
});

describe('regeneration preview', () => {
  const diff: PlanDiff = {
    added: ['skills.pairing'],
    removed: ['methods.tdd', 'custom-1'],
    edited_removed: ['custom-1'],
    changed: [
      { id: 'methods.ci', fields: ['start', 'end'], edited: true },
      { id: 'methods.cd', fields: ['title'], edited: false },
    ],
    objectives_changed: true,
  };

  it('lists every change and marks the coach’s own work', () => {
    expect(diffLines(diff)).toEqual([
      'added: skills.pairing',
      'removed: methods.tdd',
      'removed: custom-1 (you edited or added it)',
      'changed: methods.ci (start, end) (you edited it)',
      'changed: methods.cd (title)',
      'the objectives or key results change',
    ]);
  });

  it('offers to keep only the edited actions regeneration would change or remove', () => {
    expect(keepable(diff)).toEqual(['custom-1', 'methods.ci']);
  });
});

describe('timeline keys', () => {
  it('moves the selection with up and down, the action by a week with left and right', () => {
    expect(timelineKey({ key: 'ArrowDown', target: 'button' })).toEqual({ type: 'select', delta: 1 });
    expect(timelineKey({ key: 'ArrowLeft', target: 'button' })).toEqual({ type: 'shift', weeks: -1 });
    expect(timelineKey({ key: 'ArrowRight', target: 'other' })).toEqual({ type: 'shift', weeks: 1 });
    expect(timelineKey({ key: 'ArrowUp', altKey: true, target: 'button' })).toEqual({ type: 'reorder', delta: -1 });
    expect(timelineKey({ key: 'Enter', target: 'button' })).toEqual({ type: 'edit' });
  });

  it('leaves text fields and shortcuts with Ctrl alone', () => {
    expect(timelineKey({ key: 'ArrowLeft', target: 'text' })).toBeNull();
    expect(timelineKey({ key: 'ArrowLeft', ctrlKey: true, target: 'button' })).toBeNull();
    expect(timelineKey({ key: 'x', target: 'button' })).toBeNull();
  });
});
