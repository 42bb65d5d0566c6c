// Every command rejects with an ErrorReport { code, message }; anything else
// (a missing command, a broken bridge, an unknown code) is turned into one with
// the code `internal`, so the banner can show it and nothing branches on a guess.
import type { ErrorReport } from '../bindings';
import { isErrorCode } from '../errors';

export function toErrorReport(error: unknown): ErrorReport {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Record<string, unknown>;
    if (typeof message === 'string') {
      return { code: isErrorCode(code) ? code : 'internal', message };
    }
  }
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
