// The keyboard is the coach's only tool at a projector: this maps a key press
// to what it does, as a pure function so it can be tested without a window.

export type Action =
  | { type: 'answer'; level: number }
  | { type: 'not_applicable' }
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'clear' }
  | { type: 'edit_note' };

/** Where the key was typed: text fields keep every key; buttons keep Enter and Space. */
export type KeyTarget = 'text' | 'button' | 'other';

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: KeyTarget;
}

/** A key typed in a text field or with Ctrl, Cmd or Alt belongs to the field or the system, not to a shortcut. */
export function isShortcutPress(press: KeyPress): boolean {
  return press.target !== 'text' && !press.ctrlKey && !press.metaKey && !press.altKey;
}

/** The level 0–4 a digit key stands for, or null. */
export function levelKey(key: string): number | null {
  return key.length === 1 && key >= '0' && key <= '4' ? Number(key) : null;
}

export function keyAction(press: KeyPress): Action | null {
  if (!isShortcutPress(press)) return null;
  const { key } = press;
  const level = levelKey(key);
  if (level !== null) return { type: 'answer', level };
  switch (key) {
    case 'n':
    case 'N':
      return { type: 'not_applicable' };
    case 'ArrowDown':
    case 'j':
    case 'J':
      return { type: 'move', delta: 1 };
    case 'ArrowUp':
    case 'k':
    case 'K':
      return { type: 'move', delta: -1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Backspace':
    case 'Delete':
      return { type: 'clear' };
    case 'e':
    case 'E':
      return { type: 'edit_note' };
    case 'Enter':
      return press.target === 'button' ? null : { type: 'edit_note' };
    default:
      return null;
  }
}

/** Classifies the element a key was typed in. */
export function keyTarget(element: EventTarget | null): KeyTarget {
  if (!(element instanceof HTMLElement)) return 'other';
  if (element.isContentEditable) return 'text';
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return type === 'button' || type === 'submit' || type === 'checkbox' || type === 'radio'
      ? 'button'
      : 'text';
  }
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'button';
  return 'other';
}

/** A shortcut as shown on screen: its keys (`'–'` stands between the ends of a range) and what it does. */
export interface Shortcut {
  keys: string[];
  does: string;
}

/** The shortcuts as shown on screen. */
export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['0', '–', '4'], does: 'answer, then next' },
  { keys: ['N'], does: 'not applicable' },
  { keys: ['↑', '↓'], does: 'or J K: move' },
  { keys: ['⌫'], does: 'clear answer' },
  { keys: ['E'], does: 'note (Esc leaves)' },
];
