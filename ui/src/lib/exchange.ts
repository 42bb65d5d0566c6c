// What the Export menu and the Import panel say about bundles, in words.
import type { ImportSummary } from './bindings';
import { safeFileStem } from './api/reports';

/** A file name for the save dialog: the subject, then the bundle extension. */
export function bundleFileName(subject: string): string {
  return `${safeFileStem(subject)}.mamos.json`;
}

/** 1 → "1 workshop", 3 → "3 workshops". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** What an import added, one line per kind of thing, the nothing-added kinds included (so "0 workshops" is visible). */
export function importedLines(summary: ImportSummary): string[] {
  const lines = [
    count(summary.components, 'new component'),
    count(summary.workshops, 'workshop'),
    count(summary.plans, 'plan'),
    count(summary.banks, 'new question-bank version'),
  ];
  if (summary.plans_closed > 0) {
    lines.push(`${count(summary.plans_closed, 'open plan')} here closed, as the bundle closed them at a re-assessment`);
  }
  return lines;
}

/** The headline of an import: whether the coach has conflicts to settle. */
export function importHeadline(summary: ImportSummary): string {
  if (summary.conflicts.length === 0) return 'Imported, no conflicts';
  return `Imported with ${count(summary.conflicts.length, 'conflict')}: both versions were kept, settle each one below`;
}
