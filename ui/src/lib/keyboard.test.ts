import { describe, expect, it } from 'vitest';
import { keyAction, type KeyTarget } from './keyboard';

const press = (key: string, target: KeyTarget = 'other', mods = {}) => keyAction({ key, target, ...mods });

describe('keyAction', () => {
  it('digits 0 to 4 answer the selected practice', () => {
    for (const level of [0, 1, 2, 3, 4]) {
      expect(press(String(level))).toEqual({ type: 'answer', level });
    }
  });

  it('digits above 4 do nothing', () => {
    expect(press('5')).toBeNull();
    expect(press('9')).toBeNull();
  });

  it('n opens the not-applicable reason in either case', () => {
    expect(press('n')).toEqual({ type: 'not_applicable' });
    expect(press('N')).toEqual({ type: 'not_applicable' });
  });

  it('arrows and j/k move between practices', () => {
    expect(press('ArrowDown')).toEqual({ type: 'move', delta: 1 });
    expect(press('j')).toEqual({ type: 'move', delta: 1 });
    expect(press('ArrowUp')).toEqual({ type: 'move', delta: -1 });
    expect(press('k')).toEqual({ type: 'move', delta: -1 });
  });

  it('backspace and delete clear the answer', () => {
    expect(press('Backspace')).toEqual({ type: 'clear' });
    expect(press('Delete')).toEqual({ type: 'clear' });
  });

  it('e and Enter go to the note', () => {
    expect(press('e')).toEqual({ type: 'edit_note' });
    expect(press('Enter')).toEqual({ type: 'edit_note' });
  });

  it('keys typed in a text field never trigger shortcuts', () => {
    for (const key of ['0', '3', 'n', 'j', 'k', 'e', 'Enter', 'Backspace', 'ArrowDown']) {
      expect(press(key, 'text')).toBeNull();
    }
  });

  it('Enter on a focused button presses the button, but digits still answer', () => {
    expect(press('Enter', 'button')).toBeNull();
    expect(press('2', 'button')).toEqual({ type: 'answer', level: 2 });
  });

  it('shortcuts with Ctrl, Alt or Meta are left to the system', () => {
    expect(press('1', 'other', { ctrlKey: true })).toBeNull();
    expect(press('n', 'other', { metaKey: true })).toBeNull();
    expect(press('ArrowDown', 'other', { altKey: true })).toBeNull();
  });

  it('other keys do nothing', () => {
    expect(press('x')).toBeNull();
    expect(press(' ')).toBeNull();
    expect(press('Escape')).toBeNull();
  });
});
