// What a screen does about a failed call, decided from the error's code (never
// from its message text): retry a locked database, reload a list whose item was
// removed meanwhile, stop and ask for a newer Mamos, or show the core's message.
import type { ErrorCode, ErrorReport } from './bindings';

/** Every code the core sends; anything else is a broken bridge (`internal`). */
export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_input',
  'not_found',
  'conflict',
  'locked',
  'newer_database',
  'corrupt_data',
  'io',
  'internal',
];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export const BUSY_ADVICE =
  'The database is busy (another Mamos or the CLI is writing). Nothing was lost: try again.';
export const NEWER_DATABASE_ADVICE =
  'This database was written by a newer Mamos. Update Mamos to open it; nothing was changed.';
export const RELOADED_ADVICE =
  'It was removed meanwhile (by the CLI or an import, for example): the list on screen was reloaded.';
export const INPUT_ADVICE = 'Nothing was changed. Correct what the message names, then try again.';
export const ENVIRONMENT_ADVICE =
  'The computer refused to read or write a file (full disk, read-only folder, missing permission). ' +
  'This is not about what you entered, and nothing was changed: free some space or choose another folder, then try again.';
export const DAMAGED_ADVICE =
  'The database file is damaged. Nothing was changed: restore a backup copy (Restore a backup…).';

/** What the screen that made the call does next. */
export type Recovery =
  /** Offer "Try again" that runs the same call; keep what was typed. */
  | 'retry'
  /** Reload the list on screen (components, workshops, plans) and say so. */
  | 'reload'
  /** Say to update Mamos and attempt nothing else. */
  | 'update_mamos'
  /** Show the core's message; the user corrects the input. */
  | 'show';

export function recovery(code: ErrorCode): Recovery {
  switch (code) {
    case 'locked':
      return 'retry';
    case 'not_found':
      return 'reload';
    case 'newer_database':
      return 'update_mamos';
    default:
      return 'show';
  }
}

/** What the error banner says: a title, advice when the code calls for it, whether to offer "Try again". */
export interface ErrorNotice {
  title: string;
  advice: string | null;
  retry: boolean;
}

/** `reloaded`: the screen reloaded its list after a `not_found` (a file that is not there is not a removed item). */
export function errorNotice(error: ErrorReport, reloaded = false): ErrorNotice {
  switch (recovery(error.code)) {
    case 'retry':
      return { title: 'The database is busy', advice: BUSY_ADVICE, retry: true };
    case 'update_mamos':
      return { title: 'Update Mamos', advice: NEWER_DATABASE_ADVICE, retry: false };
    case 'reload':
      if (reloaded) return { title: 'Removed meanwhile', advice: RELOADED_ADVICE, retry: false };
      break;
    case 'show':
      break;
  }
  // Bad input and a failing computer call for different actions, as the CLI's exit codes 2 and 1 do.
  switch (error.code) {
    case 'invalid_input':
    case 'conflict':
    case 'not_found':
      return { title: 'Please check the input', advice: INPUT_ADVICE, retry: false };
    case 'io':
      return { title: 'A file could not be read or written', advice: ENVIRONMENT_ADVICE, retry: false };
    case 'corrupt_data':
      return { title: 'The database is damaged', advice: DAMAGED_ADVICE, retry: false };
    default:
      return { title: 'Something went wrong', advice: null, retry: false };
  }
}
