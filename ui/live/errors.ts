// The sentence shown when the server refuses a request: its `{"error": …}` as is, else a generic one.
import { t } from './i18n';
import type { Lang } from './types';

export function errorSentence(lang: Lang, status: number, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (typeof error === 'string' && error.trim() !== '') return error;
    }
  } catch {
    // Not JSON (a proxy's page, a cut connection): the generic sentence below.
  }
  return t(lang, 'errorStatus', { status });
}
