import { describe, expect, it } from 'vitest';
import type { Vote } from './bindings';
import { deadlinesOf, secondsLeft } from './countdown';
import {
  agendaLine,
  disagreementLine,
  projectorCountdown,
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

describe('the pace on the projector', () => {
  const en = projectorLabels('en');
  const fr = projectorLabels('fr');

  it('says where the workshop is: practice, done, time left or over', () => {
    expect(agendaLine(6, 52, 12, 40 * 60, en)).toBe('Practice 6 of 52 · 12 done · 40 min left');
    expect(agendaLine(6, 52, 12, 40 * 60, fr)).toBe('Pratique 6 sur 52 · 12 faites · reste 40 min');
    // A started minute counts, over time too.
    expect(agendaLine(6, 52, 12, 61, en)).toBe('Practice 6 of 52 · 12 done · 2 min left');
    expect(agendaLine(6, 52, 0, -90, en)).toBe('Practice 6 of 52 · 0 done · 2 min over time');
    expect(agendaLine(6, 52, 0, -90, fr)).toBe('Pratique 6 sur 52 · 0 faite · 2 min de dépassement');
  });

  it('leaves out what is not known: the room not read yet, an open-ended workshop', () => {
    expect(agendaLine(1, 52, null, null, en)).toBe('Practice 1 of 52');
    expect(agendaLine(1, 52, 3, null, en)).toBe('Practice 1 of 52 · 3 done');
  });

  it('counts the timebox down, then shows the time over', () => {
    expect(projectorCountdown(null, en)).toBeNull();
    expect(projectorCountdown(75, en)).toEqual({ left: 75, clock: '1:15', over: false, label: 'left on this practice' });
    expect(projectorCountdown(0, en)).toMatchObject({ clock: '0:00', over: false });
    expect(projectorCountdown(-10, en)).toEqual({ left: -10, clock: '+0:10', over: true, label: 'over time' });
    expect(projectorCountdown(-10, fr)).toMatchObject({ clock: '+0:10', label: 'temps dépassé' });
  });

  it('ticks from the seconds read, steady across re-reads a second apart', () => {
    const read = deadlinesOf({ timebox_left: 120, workshop_left: null }, 5_000, null);
    const reread = deadlinesOf({ timebox_left: 119, workshop_left: null }, 5_900, read);
    expect(reread).toEqual(read);
    const shown = (now: number) => projectorCountdown(secondsLeft(reread.timebox!, now), en)!.clock;
    expect([shown(5_000), shown(5_999), shown(6_000), shown(125_000), shown(126_000)]).toEqual([
      '2:00',
      '2:00',
      '1:59',
      '0:00',
      '+0:01',
    ]);
  });
});

describe('what the coach just did', () => {
  it('tells of an undone reveal or agreement in the projector language', () => {
    const reveal = { kind: 'reveal', practice_id: 'methods.ci', position: 7, restored: null } as const;
    expect(projectorLabels('en').undone(reveal)).toBe('Undid the reveal of practice 7: its votes are hidden again');
    expect(projectorLabels('fr').undone(reveal)).toBe(
      'Révélation de la pratique 7 annulée : ses votes sont de nouveau cachés',
    );
    const agreement = { ...reveal, kind: 'agreement', restored: { kind: 'level', level: 2 } } as const;
    expect(projectorLabels('en').undone(agreement)).toBe('Undid the agreement on practice 7: the agreed answer is 2 again');
    expect(projectorLabels('fr').undone({ ...agreement, restored: null })).toBe(
      'Accord sur la pratique 7 annulé : pas de réponse retenue, comme avant',
    );
  });

  it('says A waits for the agreed level', () => {
    expect(projectorLabels('en').agreeing).toBe('Agreeing: press 0–4 or N');
    expect(projectorLabels('fr').agreeing).toBe('Accord : appuyez sur 0–4 ou N');
  });
});
