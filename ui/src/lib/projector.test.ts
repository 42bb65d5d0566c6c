import { describe, expect, it } from 'vitest';
import type { Vote } from './bindings';
import {
  disagreementLine,
  projectorLabels,
  projectorLang,
  spreadLine,
  spreadOf,
  voteCards,
} from './projector';

const level = (participant: string, value: number): Vote => ({ participant, answer: { kind: 'level', level: value } });
const na = (participant: string, reason: string): Vote => ({
  participant,
  answer: { kind: 'not_applicable', reason },
});
const names = ['Ana', 'Ben', 'Chloé'];
const levelName = (l: number) => ['Absent', 'Initial', 'Defined', 'Managed', 'Optimised'][l] ?? '';

describe('projectorLang', () => {
  it('keeps a remembered language the projector has', () => {
    expect(projectorLang('fr', 'en')).toBe('fr');
  });
  it('falls back to the window language, then English', () => {
    expect(projectorLang(null, 'fr')).toBe('fr');
    expect(projectorLang('de', 'en')).toBe('en');
    expect(projectorLang('<script>', 'es')).toBe('en');
  });
});

describe('labels', () => {
  it('counts votes and practices in both languages', () => {
    expect(projectorLabels('en').voted(3, 5)).toBe('3 of 5 voted');
    expect(projectorLabels('fr').voted(3, 5)).toBe('3 sur 5 ont voté');
    expect(projectorLabels('en').practice(3, 52)).toBe('Practice 3 of 52');
    expect(projectorLabels('fr').practice(3, 52)).toBe('Pratique 3 sur 52');
  });
});

describe('voteCards', () => {
  it('gives one card per participant in the listed order, with level names and N/A reasons', () => {
    const cards = voteCards(names, [na('Chloé', 'no mobile app'), level('Ana', 2)], levelName);
    expect(cards).toEqual([
      { participant: 'Ana', value: '2', mark: '2', levelName: 'Defined', reason: '' },
      { participant: 'Ben', value: 'none', mark: '–', levelName: '', reason: '' },
      { participant: 'Chloé', value: 'na', mark: 'N/A', levelName: '', reason: 'no mobile app' },
    ]);
  });
  it('shows level 0 as a vote, not as a missing one', () => {
    expect(voteCards(['Ana'], [level('Ana', 0)], levelName)[0]).toMatchObject({ value: '0', mark: '0', levelName: 'Absent' });
  });
});

describe('spread', () => {
  it('is the lowest and highest level, N/A left out', () => {
    expect(spreadOf([level('Ana', 3), na('Ben', 'x'), level('Chloé', 1)])).toEqual({ lowest: 1, highest: 3 });
    expect(spreadOf([na('Ben', 'x')])).toBeNull();
    expect(spreadOf([])).toBeNull();
  });
  it('reads as a line in each language', () => {
    const en = projectorLabels('en');
    expect(spreadLine([level('Ana', 3), level('Ben', 1)], en)).toBe('Spread: 1–3');
    expect(spreadLine([level('Ana', 2), level('Ben', 2)], en)).toBe('Everyone: 2');
    expect(spreadLine([na('Ana', 'x')], en)).toBe('Every vote is N/A');
    expect(spreadLine([], en)).toBe('');
    expect(spreadLine([level('Ana', 4), level('Ben', 0)], projectorLabels('fr'))).toBe('Écart : 0–4');
  });
  it('words the disagreement flag', () => {
    expect(disagreementLine({ kind: 'spread', low: 1, high: 3 }, projectorLabels('en'))).toBe('To discuss: 1–3');
    expect(disagreementLine({ kind: 'mixed_not_applicable' }, projectorLabels('fr'))).toBe(
      'N/A mêlés à des niveaux : à discuter',
    );
  });
});
