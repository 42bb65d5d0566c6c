// How numbers from the core are written on screen. The core computes every
// score and level; here they are only formatted. Null means "not assessed", never 0.
import type { Answer, LocalizedText, PillarId } from './bindings';

export const NOT_ASSESSED = 'not assessed';

/** A localized text in `lang`, else English (the bank guarantees English). */
export function text(value: LocalizedText | undefined, lang: string): string {
  if (!value) return '';
  return value[lang] ?? value['en'] ?? '';
}

/** A pillar's name as the bank gives it (a bank's pillars, or an org view's), else its id. */
export function pillarName(
  pillars: ReadonlyArray<{ id: PillarId; name: LocalizedText }>,
  id: PillarId,
  lang: string,
): string {
  const pillar = pillars.find((p) => p.id === id);
  return pillar ? text(pillar.name, lang) : id;
}

/** 66.666… → "66.7 %"; null → "not assessed". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_ASSESSED;
  return `${value.toFixed(1)} %`;
}

/** The value of a data-score attribute: full precision, or "null". */
export function scoreAttribute(value: number | null | undefined): string {
  return value === null || value === undefined ? 'null' : String(value);
}

export function levelAttribute(value: number | null | undefined): string {
  return value === null || value === undefined ? 'null' : String(value);
}

/** The short mark shown next to a practice: its level, N/A, or a dash. */
export function answerMark(answer: Answer | null | undefined): string {
  if (!answer) return '–';
  return answer.kind === 'level' ? String(answer.level) : 'N/A';
}

/** 15360 → "15.0 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
