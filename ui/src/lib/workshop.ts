// The workshop screen's rules that need no window: what a key does, who votes
// next, how a disagreement reads. The core computes every median, agreed
// answer and disagreement; these functions only pick and format.
import type { Answer, Disagreement, PillarScore, PracticeVotes, Undone } from './bindings';
import { answerMark } from './format';
import { isShortcutPress, levelKey, type KeyPress, type Shortcut } from './keyboard';

export type WorkshopAction =
  | { type: 'vote'; level: number }
  | { type: 'vote_na' }
  | { type: 'participant'; delta: number }
  | { type: 'reveal' }
  | { type: 'accept_median' }
  | { type: 'agree_mode' }
  | { type: 'agree'; level: number }
  | { type: 'agree_na' }
  | { type: 'cancel' }
  | { type: 'move'; delta: number }
  | { type: 'panel'; panel: WorkshopPanel }
  | { type: 'close_panel' }
  | { type: 'live' }
  | { type: 'projector' }
  | { type: 'undo' }
  | { type: 'leave' };

/** The panels that take the place of the level descriptors: DORA metrics (D), notes and evidence (E). */
export type WorkshopPanel = 'dora' | 'notes';

/**
 * `agree`: after `A`, the next digit (or `N`) sets the agreed answer.
 * A panel mode keeps votes from being cast on a practice the room cannot see.
 */
export type WorkshopMode = 'vote' | 'agree' | WorkshopPanel;

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export function workshopKeyAction(press: KeyPress, mode: WorkshopMode): WorkshopAction | null {
  if (isUndoPress(press)) return mode === 'vote' ? { type: 'undo' } : null;
  if (!isShortcutPress(press)) return null;
  const { key } = press;
  if (MODIFIERS.has(key)) return null;
  const level = levelKey(key);
  if (mode === 'agree') {
    if (level !== null) return { type: 'agree', level };
    if (key === 'n' || key === 'N') return { type: 'agree_na' };
    // Any other key (Escape included) leaves the agree mode and does nothing else.
    return { type: 'cancel' };
  }
  if (mode === 'dora' || mode === 'notes') return panelKeyAction(key, mode);
  if (level !== null) return { type: 'vote', level };
  switch (key) {
    case 'd':
    case 'D':
      return { type: 'panel', panel: 'dora' };
    case 'e':
    case 'E':
      return { type: 'panel', panel: 'notes' };
    // The live voting panel stands beside the practice: votes typed on the keyboard still count.
    case 'l':
    case 'L':
      return { type: 'live' };
    case 'n':
    case 'N':
      return { type: 'vote_na' };
    case 'Tab':
      return { type: 'participant', delta: press.shiftKey ? -1 : 1 };
    // The projector view: the whole window in large type for the room.
    case 'p':
    case 'P':
      return { type: 'projector' };
    case 'r':
    case 'R':
      return { type: 'reveal' };
    case 'm':
    case 'M':
      return { type: 'accept_median' };
    case 'a':
    case 'A':
      return { type: 'agree_mode' };
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'move', delta: 1 };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'move', delta: -1 };
    case 'u':
    case 'U':
      return { type: 'undo' };
    case 'Escape':
      return { type: 'leave' };
    default:
      return null;
  }
}

/** Ctrl+Z (Cmd+Z on a Mac) outside a text field, which keeps its own undo. */
function isUndoPress(press: KeyPress): boolean {
  const command = Boolean(press.ctrlKey) !== Boolean(press.metaKey);
  return command && !press.shiftKey && !press.altKey && press.target !== 'text' && (press.key === 'z' || press.key === 'Z');
}

/** With a panel open: its key closes it, the other panel's key switches, Esc closes; notes follow the arrows. */
function panelKeyAction(key: string, mode: WorkshopPanel): WorkshopAction | null {
  switch (key) {
    case 'Escape':
      return { type: 'close_panel' };
    case 'd':
    case 'D':
      return mode === 'dora' ? { type: 'close_panel' } : { type: 'panel', panel: 'dora' };
    case 'e':
    case 'E':
      return mode === 'notes' ? { type: 'close_panel' } : { type: 'panel', panel: 'notes' };
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return mode === 'notes' ? { type: 'move', delta: 1 } : null;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return mode === 'notes' ? { type: 'move', delta: -1 } : null;
    default:
      return null;
  }
}

/** `index + delta`, wrapping around a list of `count`. */
export function cycle(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}

/**
 * The participant to select after `from`: the next one in the listed order,
 * wrapping round, who has not voted (`from` itself last); null when all have.
 */
export function nextToVote(participants: readonly string[], voted: Iterable<string>, from: number): number | null {
  const done = new Set(voted);
  const count = participants.length;
  for (let step = 1; step <= count; step++) {
    const index = cycle(from, step, count);
    const name = participants[index];
    if (name !== undefined && !done.has(name)) return index;
  }
  return null;
}

/** What the room reads next to a flagged practice. */
export function disagreementText(disagreement: Disagreement): string {
  return disagreement.kind === 'spread'
    ? `votes ${disagreement.low} to ${disagreement.high}: discuss`
    : 'N/A mixed with levels';
}

/** The value of a vote or agreed answer as a data attribute: "0"–"4", "na", or "none". */
export function answerValue(answer: Answer | null | undefined): string {
  if (!answer) return 'none';
  return answer.kind === 'level' ? String(answer.level) : 'na';
}

/** Practices answered (N/A included) out of the pillar's practices, as the core counted them. */
export function pillarProgress(score: PillarScore): { done: number; total: number } {
  const done = score.answered + score.not_applicable;
  return { done, total: done + score.unanswered };
}

/** Where a workshop resumes: the first practice neither revealed nor decided, else the first. */
export function resumeIndex(practices: readonly PracticeVotes[]): number {
  const index = practices.findIndex((p) => !p.revealed && !p.decided);
  return index < 0 ? 0 : index;
}

/** The status line after an undo: "Undid the reveal of practice 7". */
export function undoneText(undone: Undone): string {
  const practice = `practice ${undone.position}`;
  if (undone.kind === 'reveal') return `Undid the reveal of ${practice}: its votes are hidden again.`;
  const before = undone.restored ? `the agreed answer is ${answerMark(undone.restored)} again` : 'no agreed answer, as before';
  return `Undid the agreement on ${practice}: ${before}.`;
}

/** The workshop shortcuts as shown on screen. */
export const WORKSHOP_SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['0', '–', '4'], does: 'vote' },
  { keys: ['N'], does: 'N/A vote' },
  { keys: ['Tab'], does: 'next person' },
  { keys: ['R'], does: 'reveal' },
  { keys: ['M'], does: 'accept median' },
  { keys: ['A', '0–4'], does: 'set agreed' },
  { keys: ['U'], does: 'or Ctrl+Z: undo' },
  { keys: ['←', '→'], does: 'practice' },
  { keys: ['D'], does: 'DORA' },
  { keys: ['E'], does: 'notes' },
  { keys: ['L'], does: 'live voting' },
  { keys: ['P'], does: 'projector' },
  { keys: ['Esc'], does: 'leave' },
];
