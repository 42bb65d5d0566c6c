// Every command rejects with an ErrorReport { code, message }; anything else
// (a missing command, a broken bridge) is turned into one so the banner can show it.
import type { ErrorReport } from '../bindings';

export function toErrorReport(error: unknown): ErrorReport {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Record<string, unknown>;
    if (typeof message === 'string') {
      return { code: typeof code === 'string' ? code : 'internal', message };
    }
  }
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
