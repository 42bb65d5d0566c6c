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
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: KeyTarget;
}

export function keyAction(press: KeyPress): Action | null {
  if (press.target === 'text' || press.ctrlKey || press.metaKey || press.altKey) return null;
  const { key } = press;
  if (key.length === 1 && key >= '0' && key <= '4') return { type: 'answer', level: Number(key) };
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

/** The shortcuts as shown on screen. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['0', '–', '4'], does: 'answer, then next' },
  { keys: ['N'], does: 'not applicable' },
  { keys: ['↑', '↓'], does: 'or J K: move' },
  { keys: ['⌫'], does: 'clear answer' },
  { keys: ['E'], does: 'note (Esc leaves)' },
];
