import { describe, expect, it } from 'vitest';
import type { PracticeVotes } from './bindings';
import type { KeyTarget } from './keyboard';
import {
  answerValue,
  cycle,
  disagreementText,
  nextToVote,
  pillarProgress,
  resumeIndex,
  undoneText,
  workshopKeyAction,
  type WorkshopMode,
} from './workshop';

const press = (key: string, mode: WorkshopMode = 'vote', target: KeyTarget = 'other', mods = {}) =>
  workshopKeyAction({ key, target, ...mods }, mode);

describe('workshopKeyAction', () => {
  it('digits 0 to 4 vote for the selected participant', () => {
    for (const level of [0, 1, 2, 3, 4]) expect(press(String(level))).toEqual({ type: 'vote', level });
    expect(press('5')).toBeNull();
  });

  it('N opens the reason of an N/A vote', () => {
    expect(press('n')).toEqual({ type: 'vote_na' });
    expect(press('N')).toEqual({ type: 'vote_na' });
  });

  it('Tab cycles participants, Shift goes back; P opens the projector view', () => {
    expect(press('Tab')).toEqual({ type: 'participant', delta: 1 });
    expect(press('p')).toEqual({ type: 'projector' });
    expect(press('P')).toEqual({ type: 'projector' });
    expect(press('Tab', 'vote', 'other', { shiftKey: true })).toEqual({ type: 'participant', delta: -1 });
    expect(press('Tab', 'vote', 'button')).toEqual({ type: 'participant', delta: 1 });
  });

  it('R reveals, M accepts the median, A starts setting the agreed answer', () => {
    expect(press('r')).toEqual({ type: 'reveal' });
    expect(press('R')).toEqual({ type: 'reveal' });
    expect(press('m')).toEqual({ type: 'accept_median' });
    expect(press('a')).toEqual({ type: 'agree_mode' });
  });

  it('after A, a digit or N sets the agreed answer and any other key cancels', () => {
    expect(press('3', 'agree')).toEqual({ type: 'agree', level: 3 });
    expect(press('0', 'agree')).toEqual({ type: 'agree', level: 0 });
    expect(press('n', 'agree')).toEqual({ type: 'agree_na' });
    expect(press('Escape', 'agree')).toEqual({ type: 'cancel' });
    expect(press('7', 'agree')).toEqual({ type: 'cancel' });
    expect(press('r', 'agree')).toEqual({ type: 'cancel' });
  });

  it('U and Ctrl+Z (Cmd+Z) undo, but a text field keeps its own Ctrl+Z', () => {
    expect(press('u')).toEqual({ type: 'undo' });
    expect(press('U')).toEqual({ type: 'undo' });
    expect(press('z', 'vote', 'other', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(press('z', 'vote', 'button', { metaKey: true })).toEqual({ type: 'undo' });
    expect(press('z', 'vote', 'text', { ctrlKey: true })).toBeNull();
    expect(press('z', 'vote', 'other', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(press('z')).toBeNull();
    expect(press('z', 'notes', 'other', { ctrlKey: true })).toBeNull();
    expect(press('u', 'agree')).toEqual({ type: 'cancel' });
  });

  it('a lone modifier key neither acts nor cancels the agree mode', () => {
    expect(press('Shift', 'agree')).toBeNull();
    expect(press('Shift')).toBeNull();
  });

  it('arrows move between practices, Escape leaves', () => {
    expect(press('ArrowRight')).toEqual({ type: 'move', delta: 1 });
    expect(press('ArrowDown')).toEqual({ type: 'move', delta: 1 });
    expect(press('ArrowLeft')).toEqual({ type: 'move', delta: -1 });
    expect(press('ArrowUp')).toEqual({ type: 'move', delta: -1 });
    expect(press('Escape')).toEqual({ type: 'leave' });
  });

  it('keys typed in a text field never trigger shortcuts, in either mode', () => {
    for (const key of ['0', '3', 'n', 'Tab', 'p', 'r', 'm', 'a', 'ArrowLeft', 'Escape']) {
      expect(press(key, 'vote', 'text')).toBeNull();
      expect(press(key, 'agree', 'text')).toBeNull();
    }
  });

  it('shortcuts with Ctrl, Alt or Meta are left to the system', () => {
    expect(press('1', 'vote', 'other', { ctrlKey: true })).toBeNull();
    expect(press('r', 'vote', 'other', { metaKey: true })).toBeNull();
    expect(press('2', 'agree', 'other', { altKey: true })).toBeNull();
  });

  it('D opens the DORA panel and E the notes and evidence of the practice', () => {
    expect(press('d')).toEqual({ type: 'panel', panel: 'dora' });
    expect(press('E')).toEqual({ type: 'panel', panel: 'notes' });
  });

  it('L shows or hides the live voting panel, not while a panel or the agree mode takes the keys', () => {
    expect(press('l')).toEqual({ type: 'live' });
    expect(press('L')).toEqual({ type: 'live' });
    expect(press('l', 'notes')).toBeNull();
    expect(press('l', 'agree')).toEqual({ type: 'cancel' });
  });

  it('with a panel open, digits cast no vote; its key or Escape closes it, the other key switches', () => {
    for (const mode of ['dora', 'notes'] as const) {
      for (const key of ['0', '4', 'n', 'r', 'm', 'a', 'Tab', 'x']) expect(press(key, mode)).toBeNull();
      expect(press('Escape', mode)).toEqual({ type: 'close_panel' });
    }
    expect(press('d', 'dora')).toEqual({ type: 'close_panel' });
    expect(press('e', 'dora')).toEqual({ type: 'panel', panel: 'notes' });
    expect(press('e', 'notes')).toEqual({ type: 'close_panel' });
    expect(press('D', 'notes')).toEqual({ type: 'panel', panel: 'dora' });
  });

  it('notes follow the practice the arrows move to; the DORA panel is for the whole workshop', () => {
    expect(press('ArrowRight', 'notes')).toEqual({ type: 'move', delta: 1 });
    expect(press('ArrowLeft', 'notes')).toEqual({ type: 'move', delta: -1 });
    expect(press('ArrowRight', 'dora')).toBeNull();
  });

  it('keys typed in a panel field are text, not shortcuts', () => {
    for (const key of ['d', 'e', 'Escape', '3']) {
      expect(press(key, 'dora', 'text')).toBeNull();
      expect(press(key, 'notes', 'text')).toBeNull();
    }
  });

  it('other keys do nothing', () => {
    expect(press('x')).toBeNull();
    expect(press('Enter')).toBeNull();
    expect(press(' ')).toBeNull();
  });
});

describe('participant cycling', () => {
  const room = ['Ana', 'Ben', 'Chloé', 'Dev'];

  it('cycle wraps both ways', () => {
    expect(cycle(3, 1, 4)).toBe(0);
    expect(cycle(0, -1, 4)).toBe(3);
    expect(cycle(1, 1, 4)).toBe(2);
    expect(cycle(0, 1, 0)).toBe(0);
  });

  it('after a vote, the next participant who has not voted is selected', () => {
    expect(nextToVote(room, ['Ana'], 0)).toBe(1);
    expect(nextToVote(room, ['Ana', 'Ben', 'Chloé'], 2)).toBe(3);
  });

  it('wraps round to the earlier participants who have not voted', () => {
    expect(nextToVote(room, ['Chloé', 'Dev'], 3)).toBe(0);
    expect(nextToVote(room, ['Ana', 'Chloé', 'Dev'], 3)).toBe(1);
  });

  it('starting before the first finds the first who has not voted', () => {
    expect(nextToVote(room, [], room.length - 1)).toBe(0);
    expect(nextToVote(room, ['Ana'], room.length - 1)).toBe(1);
  });

  it('returns the same participant last, and null once everybody voted', () => {
    expect(nextToVote(room, ['Ana', 'Ben', 'Dev'], 2)).toBe(2);
    expect(nextToVote(room, room, 1)).toBeNull();
    expect(nextToVote([], [], 0)).toBeNull();
  });
});

describe('formatting what the core returns', () => {
  it('disagreements read as the room should discuss them', () => {
    expect(disagreementText({ kind: 'spread', low: 1, high: 3 })).toBe('votes 1 to 3: discuss');
    expect(disagreementText({ kind: 'mixed_not_applicable' })).toBe('N/A mixed with levels');
  });

  it('answers as attribute values', () => {
    expect(answerValue({ kind: 'level', level: 0 })).toBe('0');
    expect(answerValue({ kind: 'not_applicable', reason: 'x' })).toBe('na');
    expect(answerValue(null)).toBe('none');
    expect(answerValue(undefined)).toBe('none');
  });

  it('an undo says what it undid and what is recorded again', () => {
    expect(undoneText({ kind: 'reveal', practice_id: 'methods.ci', position: 7, restored: null })).toBe(
      'Undid the reveal of practice 7: its votes are hidden again.',
    );
    expect(
      undoneText({ kind: 'agreement', practice_id: 'm', position: 2, restored: { kind: 'level', level: 3 } }),
    ).toBe('Undid the agreement on practice 2: the agreed answer is 3 again.');
    expect(undoneText({ kind: 'agreement', practice_id: 'm', position: 2, restored: null })).toBe(
      'Undid the agreement on practice 2: no agreed answer, as before.',
    );
  });

  it('pillar progress counts N/A as done', () => {
    const score = {
      id: 'methods' as const,
      score: null,
      level: null,
      percent_to_target: null,
      target_score: null,
      answered: 3,
      not_applicable: 1,
      unanswered: 6,
    };
    expect(pillarProgress(score)).toEqual({ done: 4, total: 10 });
  });

  it('a workshop resumes at the first practice neither revealed nor decided', () => {
    const p = (revealed: boolean, decided: boolean): PracticeVotes => ({
      practice_id: 'x',
      voted: [],
      revealed,
      votes: [],
      disagreement: null,
      decided,
    });
    expect(resumeIndex([p(true, false), p(false, true), p(false, false)])).toBe(2);
    expect(resumeIndex([p(true, true)])).toBe(0);
    expect(resumeIndex([])).toBe(0);
  });
});
