import { describe, expect, it } from 'vitest';
import { deadlinesOf, paceView } from './pace';
import type { LiveState, RoomPace } from './types';

const pace: RoomPace = {
  timebox_seconds: 120,
  length_minutes: 90,
  timebox_left: 75,
  agenda: { done: 12, left: 40, total: 52 },
  workshop_left: 40 * 60,
  auto_reveal: false,
};

const text = { en: 'x', fr: 'x' };

function state(overrides: Partial<LiveState> = {}): LiveState {
  return {
    version: 1,
    workshop: { component: 'Payments', held_on: '2026-12-07' },
    practice: { id: 'methods.ci', position: 3, count: 52, pillar: text, title: text, question: text, levels: [] },
    participants: [],
    revealed: false,
    votes: null,
    spread: null,
    you: null,
    pace,
    ...overrides,
  };
}

describe('the pace line', () => {
  it('shows the agenda and counts the timebox down from the seconds left received', () => {
    const deadlines = deadlinesOf(pace, 1000, null);
    const at = (ms: number) => paceView(state(), 'en', deadlines, 1000 + ms);
    expect(at(0)).toEqual({
      agenda: 'Practice 3 of 52 · 12 done · 40 min left',
      countdown: {
        clock: '1:15',
        over: false,
        label: 'left on this practice',
        spoken: '2 minutes left on this practice',
      },
    });
    expect(at(15_000).countdown?.clock).toBe('1:00');
    expect(at(15_500).countdown?.clock).toBe('1:00');
    expect(at(16_000).countdown?.clock).toBe('0:59');
    expect(at(16_000).countdown?.spoken).toBe('Less than a minute left on this practice');
    expect(at(75_000).countdown).toMatchObject({ clock: '0:00', over: false });
  });

  it('turns red and says over time once the timebox is spent', () => {
    const deadlines = deadlinesOf({ ...pace, timebox_left: -10, workshop_left: -90 }, 0, null);
    const view = paceView(state(), 'en', deadlines, 0);
    expect(view.countdown).toEqual({
      clock: '+0:10',
      over: true,
      label: 'over time',
      spoken: 'Time is up for this practice',
    });
    expect(view.agenda).toBe('Practice 3 of 52 · 12 done · 2 min over time');
  });

  it('speaks only whole minutes: the same text through a minute', () => {
    const deadlines = deadlinesOf({ ...pace, timebox_left: 180 }, 0, null);
    const spoken = new Set<string>();
    for (let ms = 0; ms <= 60_000 - 1000; ms += 1000) {
      spoken.add(paceView(state(), 'en', deadlines, ms).countdown!.spoken);
    }
    expect([...spoken]).toEqual(['3 minutes left on this practice']);
  });

  it('shows no countdown without a timebox or a practice on screen, and the agenda in French', () => {
    const none = deadlinesOf({ ...pace, timebox_left: null, workshop_left: null }, 0, null);
    expect(paceView(state(), 'fr', none, 0)).toEqual({ agenda: 'Pratique 3 sur 52 · 12 faites', countdown: null });
    const one = { ...pace, timebox_left: null, workshop_left: null, agenda: { ...pace.agenda, done: 1 } };
    expect(paceView(state({ pace: one }), 'fr', none, 0).agenda).toBe('Pratique 3 sur 52 · 1 faite');
    const waiting = paceView(state({ practice: null }), 'en', deadlinesOf(pace, 0, null), 0);
    expect(waiting).toEqual({ agenda: '12 of 52 done · 40 min left', countdown: null });
  });

  it('keeps a deadline steady when a re-read state differs by a rounding second', () => {
    const first = deadlinesOf(pace, 0, null);
    const reread = deadlinesOf({ ...pace, timebox_left: 74, workshop_left: 40 * 60 - 1 }, 400, first);
    expect(reread).toEqual(first);
    const restarted = deadlinesOf({ ...pace, timebox_left: 120 }, 400, first);
    expect(restarted.timebox).toBe(400 + 120_000);
  });
});
