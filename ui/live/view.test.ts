import { describe, expect, it } from 'vitest';
import type { LiveState, Practice } from './types';
import { viewOf } from './view';

const both = (en: string, fr: string) => ({ en, fr });

const practice: Practice = {
  id: 'methods.ci',
  position: 3,
  count: 52,
  pillar: both('Methods', 'Méthodes'),
  title: both('Continuous integration', 'Intégration continue'),
  question: both('Is every change built and tested?', 'Chaque changement est-il construit et testé ?'),
  levels: [0, 1, 2, 3, 4].map((level) => ({
    level,
    name: both(`Level name ${level}`, `Nom du niveau ${level}`),
    descriptor: both(`Descriptor ${level}`, `Descripteur ${level}`),
  })),
};

function room(overrides: Partial<LiveState> = {}): LiveState {
  return {
    version: 1,
    workshop: { component: 'Payments', held_on: '2026-12-07' },
    practice,
    participants: [
      { name: 'Ana', joined: true, voted: true },
      { name: 'Ben', joined: true, voted: false },
      { name: 'Cy', joined: false, voted: false },
    ],
    revealed: false,
    votes: null,
    spread: null,
    you: { name: 'Ana', vote: { level: 2 } },
    pace: {
      timebox_seconds: null,
      length_minutes: null,
      timebox_left: null,
      agenda: { done: 0, left: 52, total: 52 },
      workshop_left: null,
      auto_reveal: false,
    },
    ...overrides,
  };
}

describe('the view of a live state', () => {
  it('offers every participant before joining, a taken name disabled', () => {
    const view = viewOf(room({ you: null }), 'en');
    expect(view).toEqual({
      screen: 'join',
      choices: [
        { name: 'Ana', taken: true },
        { name: 'Ben', taken: true },
        { name: 'Cy', taken: false },
      ],
    });
  });

  it('waits for the coach when no practice is on screen, listing who has joined', () => {
    const view = viewOf(room({ practice: null }), 'en');
    expect(view.screen).toBe('waiting');
    if (view.screen !== 'waiting') return;
    expect(view.joined).toEqual(['Ana', 'Ben']);
  });

  it('highlights only your own level before the reveal and shows no one else’s level', () => {
    const view = viewOf(room(), 'en');
    expect(view.screen).toBe('vote');
    if (view.screen !== 'vote') return;
    expect(view.levels.filter((l) => l.selected).map((l) => l.level)).toEqual([2]);
    expect(view.naSelected).toBe(false);
    expect(view.yourVote).toBe('Your vote: 2 · Level name 2');
    expect(view.voters).toEqual([
      { name: 'Ana', voted: true },
      { name: 'Ben', voted: false },
    ]);
    expect(view.votedCount).toBe('1 of 2 have voted');
    expect(JSON.stringify(view)).not.toContain('"cards"');
  });

  it('shows your own N/A with its reason, no level highlighted', () => {
    const view = viewOf(room({ you: { name: 'Ana', vote: { na: true, reason: 'No pipeline here' } } }), 'en');
    if (view.screen !== 'vote') throw new Error(view.screen);
    expect(view.levels.some((l) => l.selected)).toBe(false);
    expect(view.naSelected).toBe(true);
    expect(view.naReason).toBe('No pipeline here');
    expect(view.yourVote).toBe('Your vote: N/A');
  });

  it('says you have not voted yet', () => {
    const view = viewOf(room({ you: { name: 'Ben', vote: null } }), 'fr');
    if (view.screen !== 'vote') throw new Error(view.screen);
    expect(view.levels.some((l) => l.selected)).toBe(false);
    expect(view.yourVote).toBe('Vous n’avez pas encore voté.');
  });

  it('shows the bank texts in the chosen language', () => {
    const view = viewOf(room(), 'fr');
    if (view.screen !== 'vote') throw new Error(view.screen);
    expect(view.practice).toEqual({
      id: 'methods.ci',
      position: 'Pratique 3 sur 52',
      pillar: 'Méthodes',
      title: 'Intégration continue',
      question: 'Chaque changement est-il construit et testé ?',
    });
    expect(view.levels[4]).toEqual({
      level: 4,
      label: 'Niveau 4',
      name: 'Nom du niveau 4',
      descriptor: 'Descripteur 4',
      selected: false,
    });
  });

  it('shows everyone’s votes, the spread and the disagreement after the reveal', () => {
    const view = viewOf(
      room({
        revealed: true,
        votes: [
          { participant: 'Ana', level: 1 },
          { participant: 'Ben', level: 3 },
          { participant: 'Cy', na: true, reason: 'Not our team' },
        ],
        spread: { lowest: 1, highest: 3, disagreement: true },
      }),
      'en',
    );
    expect(view).toMatchObject({
      screen: 'revealed',
      spread: 'Spread: 1–3',
      toDiscuss: true,
      cards: [
        { participant: 'Ana', vote: '1 · Level name 1', reason: '', na: false },
        { participant: 'Ben', vote: '3 · Level name 3', reason: '', na: false },
        { participant: 'Cy', vote: 'N/A', reason: 'Not our team', na: true },
      ],
    });
  });

  it('says when every vote is N/A, when all agree and when nobody voted', () => {
    const allNa = viewOf(
      room({
        revealed: true,
        votes: [{ participant: 'Ana', na: true, reason: 'r' }],
        spread: { lowest: null, highest: null, disagreement: false },
      }),
      'en',
    );
    expect(allNa).toMatchObject({ spread: 'Spread: every vote is N/A', toDiscuss: false });
    const agreed = viewOf(
      room({
        revealed: true,
        votes: [{ participant: 'Ana', level: 2 }],
        spread: { lowest: 2, highest: 2, disagreement: false },
      }),
      'fr',
    );
    expect(agreed).toMatchObject({ spread: 'Écart : 2', toDiscuss: false });
    const empty = viewOf(room({ revealed: true, votes: [], spread: null }), 'en');
    expect(empty).toMatchObject({ spread: 'Nobody voted on this practice.', cards: [] });
  });

  it('keeps hostile names as plain data', () => {
    const name = '<script>alert(1)</script>';
    const view = viewOf(room({ you: null, participants: [{ name, joined: false, voted: false }] }), 'en');
    expect(view).toEqual({ screen: 'join', choices: [{ name, taken: false }] });
  });
});
